// NameDirectory: the names of one connection's apps, clusters, clouds and namespaces, from the
// account's own list endpoints, kept fresh; task polling never waits for it or fails with it.
#pragma once

#include "apierror.h"
#include "connectionconfig.h"
#include "nametable.h"
#include "pagefetcher.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFutureWatcher>
#include <QObject>
#include <QSet>

#include <array>
#include <optional>

namespace Taskscope {

class Scheduler;
struct ChangePlan;

// One list of names, parsed (on a worker): what a page gave and where the next page is.
struct NamesPage
{
    Q_DECLARE_TR_FUNCTIONS(NamesPage)
public:
    NameTable names;          // the page's entries of its kind (and of others it names: an app's cluster)
    QString continueToken;    // empty on the last page
    QString error;            // why the body is not a list of names (then the rest is empty)
    int skipped = 0;          // items without a usable id and name

    // `include` is the order of the values when items are arrays (`include=` was honoured);
    // object items are read by key either way.
    static NamesPage parse(const QByteArray &body, NameKind kind);
};

// Fetches the four lists at connect, again every refreshInterval(), and sooner when a poll shows an
// id the table does not know (at most once per unknownGap()). Pages follow `metadata.continue`
// (a repeated token or more than maxPages() is an error), one request at a time, through its own
// PageFetcher with the tasks client's rules (origin, token, size cap, timeout). A list that fails
// keeps the names it had; problem() says which lists failed and why.
class NameDirectory final : public QObject
{
    Q_OBJECT
public:
    // `scheduler`: not owned (the client's).
    explicit NameDirectory(Scheduler *scheduler, QObject *parent = nullptr);
    ~NameDirectory() override;

    // Another origin or account forgets the names (they were someone else's); the same one
    // keeps them. Takes effect at the next round.
    void setConnection(const ConnectionConfig &config, const PageFetcher::Rules &rules);
    void start(); // a round now (unless one is running), then every refreshInterval()
    void stop();  // the round in flight is abandoned; no more rounds
    bool isActive() const { return m_active; }
    bool isFetching() const { return m_kindIndex >= 0; }

    // A poll named ids missing from table(): a round, now or once unknownGap() has passed since
    // the last one began.
    void noteUnknownIds();
    // Whether `plan`'s new tasks name an id `table` does not know (run on the planner's worker).
    static bool hasUnknownIds(const ChangePlan &plan, const NameTablePtr &table);

    NameTablePtr table() const { return m_table; }
    // Why some names are missing ("App names: HTTP 403 …"), one line per list; empty when the last
    // round got every list.
    QString problem() const { return m_problem; }
    QDateTime lastRoundAt() const { return m_roundStarted; }

    void setRefreshInterval(qint64 ms) { m_refreshMs = ms; }
    qint64 refreshInterval() const { return m_refreshMs; }
    void setUnknownGap(qint64 ms) { m_unknownGapMs = ms; }
    qint64 unknownGap() const { return m_unknownGapMs; }
    void setMaxPages(int pages) { m_maxPages = pages; }
    int maxPages() const { return m_maxPages; }

    // The URL of one page of a kind's list.
    static QUrl listUrl(const ConnectionConfig &config, NameKind kind, const QString &continueToken);

Q_SIGNALS:
    void namesChanged(const Taskscope::NameTablePtr &table); // table() differs from before
    void problemChanged(const QString &problem);
    void roundFinished(); // every list answered (or failed) once more

private:
    void beginRound();
    void requestPage(const QString &continueToken);
    void onFetched(const QByteArrayList &body, const QString &url);
    void onParsed();
    void failKind(const QString &why);
    void nextKind();
    void finishRound();
    void scheduleRound(qint64 delayMs);
    void cancelTimer();
    static QString kindTitle(NameKind kind);

    Scheduler *m_scheduler;
    PageFetcher *m_fetcher;
    QFutureWatcher<NamesPage> m_parse;
    ConnectionConfig m_config;
    bool m_active = false;
    int m_kindIndex = -1; // the list being fetched (kNameKinds), -1 between rounds
    int m_pages = 0;
    QSet<QString> m_seenTokens;
    NameTable m_building;     // this round's names of the current kind
    NameTable m_roundTable;   // this round's result so far
    QStringList m_roundProblems;
    NameTablePtr m_table;
    QString m_problem;
    QDateTime m_roundStarted;
    quint64 m_timer = 0;
    quint64 m_generation = 0; // a parse of an abandoned round is dropped
    qint64 m_refreshMs = 5 * 60'000;
    qint64 m_unknownGapMs = 60'000;
    int m_maxPages = 1'000;
    bool m_unknownPending = false;
};

} // namespace Taskscope
