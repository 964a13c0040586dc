// SnapshotAssembler: the pages of one list, in order, parsed on worker threads, joined into a Snapshot.
#pragma once

#include "apierror.h"
#include "connectionconfig.h"
#include "snapshot.h"

#include <QDateTime>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <deque>
#include <memory>

namespace Taskscope {

class PageFetcher;
class Scheduler;
struct PendingPage;

// Follows `metadata.continue` until absent (a repeated token or the page cap is an error), asks
// for the next page while the current one is parsed (still one request in flight), and takes the
// parsed pages in page order. One list at a time; start() abandons the one in progress.
class SnapshotAssembler final : public QObject
{
    Q_OBJECT
public:
    // `fetcher` and `scheduler` are not owned.
    SnapshotAssembler(PageFetcher *fetcher, Scheduler *scheduler, QObject *parent = nullptr);
    ~SnapshotAssembler() override;

    // `extraFilters` are sent as `filter=` after the connection's own server filters.
    void start(const ConnectionConfig &config, const QStringList &extraFilters = {});
    void abort(); // silent
    bool isRunning() const { return m_building != nullptr; }
    // The list assembled, after finished().
    std::unique_ptr<Snapshot> takeResult() { return std::move(m_result); }

    // The URL of one page of the list.
    static QUrl pageUrl(const ConnectionConfig &config, const QStringList &extraFilters, const QString &continueToken);

Q_SIGNALS:
    void working();  // a page was requested or handed to a worker
    void finished(); // takeResult()
    void failed(const Taskscope::ApiError &error);

private:
    void requestPage(const QString &continueToken);
    void onFetched(const QByteArrayList &body, const QString &url);
    static QByteArray joined(const QByteArrayList &pieces);
    void startParse();
    void onPageParsed();
    bool takeParsedPage();
    bool addPage(PendingPage &current);
    void fail(const ApiError &error);
    void dropPendingPages();

    PageFetcher *m_fetcher;
    Scheduler *m_scheduler;
    ConnectionConfig m_config;
    QStringList m_extraFilters;

    std::deque<std::unique_ptr<PendingPage>> m_pending; // received and waiting for (or in) the parser, in order
    quint64 m_generation = 0;          // each list (and each abandoned one) has its own
    QSet<QString> m_prefetchedTokens;
    QSet<QString> m_seenTokens;
    std::unique_ptr<Snapshot> m_building;
    std::unique_ptr<Snapshot> m_result;
    QDateTime m_started;
};

} // namespace Taskscope
