// TasksClient: polls GET .../core/v1/tasks (all pages) into snapshots; one request in flight, backoff on failure.
#pragma once

#include "apierror.h"
#include "task.h"
#include "tasklistparser.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QHash>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QUrl>

#include <deque>
#include <memory>

class QNetworkAccessManager;

namespace Taskscope {

class Scheduler;

// Where and how to poll. The token is not part of it: it never reaches settings.
struct ConnectionConfig
{
    QUrl baseUrl;                 // https://astra.example.com (a path prefix is kept)
    QString accountId;
    int pollIntervalMs = 10'000;  // from the end of one poll to the start of the next
    int pageSize = 0;             // `limit`; 0: off
    QStringList serverFilters;    // each sent as its own `filter=` (the server ANDs them)
    QStringList include;          // `include=`; empty: whole objects
    bool allowPlainHttp = false;  // plain http to a host that is not loopback
    bool allowHttpsUpgrade = false; // follow a redirect from http:// to https:// on the same host
    QHash<QString, QByteArray> trustedCertificates; // "host:port" -> SHA-256 of the certificate the user trusted
    qint64 maxBodyBytes = 256LL * 1024 * 1024;
    int transferTimeoutMs = 30'000; // of inactivity
    int maxPages = 10'000;
    bool firstPageOnly = false;   // a connection test: one page, its continue token ignored
    int backoffInitialMs = 1'000;
    int backoffMaxMs = 60'000;

    // The tasks endpoint, without query.
    QUrl tasksUrl() const;
    friend bool operator==(const ConnectionConfig &, const ConnectionConfig &) = default;
};

// One complete poll: every page, in the order received.
struct Snapshot
{
    QList<Task> tasks;
    QList<quint64> digests; // rawJsonDigest() of each task (TaskListPage::digests)
    QList<ParseWarning> warnings;
    QByteArray metadataJson;
    QDateTime receivedAt;
    qint64 latencyMs = 0; // first request sent -> last page parsed
    int pages = 0;
    qint64 bytes = 0;
};

// One page as the worker thread parsed it.
struct ParsedPage
{
    bool ok = false;
    TaskListPage page;
    ParseError error;
};

class TasksClient final : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Idle,       // not polling
        Fetching,   // a request is in flight
        Waiting,    // the last poll succeeded; the next is scheduled
        BackingOff, // the last poll failed; a retry is scheduled
        AuthStopped // 401/403: waits for new settings or a new token
    };
    Q_ENUM(State)

    // `scheduler`: not owned; null means real timers.
    explicit TasksClient(QObject *parent = nullptr, Scheduler *scheduler = nullptr);
    ~TasksClient() override;

    // A changed config or token aborts a poll in flight and, if polling, starts again at once.
    void setConfig(const ConnectionConfig &config);
    const ConnectionConfig &config() const { return m_config; }
    void setToken(const QString &token);
    bool hasToken() const { return !m_token.isEmpty(); }
    // Both at once, so that no request ever goes to the new endpoint with the old token. Another
    // origin or account also forgets the last snapshot and error (they were someone else's).
    void setConnection(const ConnectionConfig &config, const QString &token);

    void start();     // poll now, then every interval
    void stop();      // abort what is in flight; no more polls
    void pollNow();   // skip the wait (or the backoff); no-op while fetching
    void fetchOnce(); // one complete snapshot, then Idle (for export)
    bool isPolling() const { return m_polling; }

    State state() const { return m_state; }
    const ApiError &lastError() const { return m_lastError; }
    const Snapshot *lastSnapshot() const { return m_lastSnapshot.get(); }
    bool isStale() const { return m_lastError.isError() && m_lastSnapshot; }
    QDateTime lastSuccessAt() const { return m_lastSuccessAt; }
    QDateTime nextAttemptAt() const { return m_nextAttemptAt; }
    int consecutiveFailures() const { return m_failures; }
    qint64 requestsSent() const { return m_requestsSent; }
    bool hasRequestInFlight() const { return m_reply != nullptr; }

    // The delay before retry number `failures` (1-based): exponential, capped, with +-20% jitter.
    static qint64 backoffDelay(int failures, int initialMs, int maxMs, double jitter01);

Q_SIGNALS:
    void snapshotReady(const Taskscope::Snapshot &snapshot);
    void pollFailed(const Taskscope::ApiError &error);
    void stateChanged(Taskscope::TasksClient::State state);

private:
    void beginPoll();
    void requestPage(const QString &continueToken);
    void onReadyRead();
    void onFinished();
    void startParse();
    void onPageParsed();
    bool takeParsedPage();
    void failPoll(ApiError error);
    void finishPoll();
    static void releaseOnWorker(std::unique_ptr<Snapshot> snapshot);
    void abortInFlight(); // the request and the snapshot being built
    void abortReply();    // the request only
    void dropPendingPages(); // pages received but not yet taken, and their parses
    void scheduleNext(qint64 delayMs, State state);
    void setState(State state);
    QUrl pageUrl(const QString &continueToken) const;
    QString scrub(QString text) const;
    ApiError errorFromReply(QNetworkReply *reply, int httpStatus) const;

    QNetworkAccessManager *m_network;
    Scheduler *m_scheduler;
    std::unique_ptr<Scheduler> m_ownScheduler;
    ConnectionConfig m_config;
    QString m_token;

    State m_state = State::Idle;
    bool m_polling = false;
    bool m_once = false;
    quint64 m_timer = 0;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_body;
    std::optional<ApiError> m_abortReason;
    std::optional<CertificateInfo> m_certificate;

    // Pages received and waiting for (or in) the parser, in order.
    struct PendingPage
    {
        QByteArray body;
        QString url;
        QString prefetched; // the next page was requested early on this token
        std::shared_ptr<QFutureWatcher<ParsedPage>> watcher; // its parse, on a worker thread
    };
    std::deque<PendingPage> m_pending;
    quint64 m_pollId = 0; // each poll (and each abandoned one) has its own
    QSet<QString> m_prefetchedTokens;

    std::unique_ptr<Snapshot> m_building;
    QSet<QString> m_seenTokens;
    QDateTime m_pollStarted;
    QElapsedTimer m_pageTimer;

    std::unique_ptr<Snapshot> m_lastSnapshot;
    ApiError m_lastError;
    QDateTime m_lastSuccessAt;
    QDateTime m_nextAttemptAt;
    int m_failures = 0;
    qint64 m_requestsSent = 0;
};

} // namespace Taskscope

Q_DECLARE_METATYPE(Taskscope::Snapshot)
Q_DECLARE_METATYPE(Taskscope::ApiError)
