// TasksClient: polls GET .../core/v1/tasks (all pages) into snapshots; one request in flight, backoff on failure.
#pragma once

#include "apierror.h"
#include "connectionconfig.h"
#include "pollloop.h"
#include "snapshot.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <memory>

namespace Taskscope {

class IncrementalSync;
class NameDirectory;
class PageFetcher;
class Scheduler;
class SnapshotAssembler;

// The composition of a PageFetcher (one request), a SnapshotAssembler (one list of pages) and a
// PollLoop (when to poll): what app/ and export use.
class TasksClient final : public QObject
{
    Q_OBJECT
public:
    using State = PollLoop::State;

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
    void pollNow();   // skip the wait (or the backoff), with a full list; no-op while fetching
    void fetchOnce(); // one complete snapshot, then Idle (for export)
    bool isPolling() const;

    State state() const;
    const ApiError &lastError() const { return m_lastError; }
    const Snapshot *lastSnapshot() const { return m_lastSnapshot.get(); }
    bool isStale() const { return m_lastError.isError() && m_lastSnapshot; }
    QDateTime lastSuccessAt() const { return m_lastSuccessAt; }
    QDateTime nextAttemptAt() const;
    int consecutiveFailures() const;
    qint64 requestsSent() const;
    bool hasRequestInFlight() const;
    // The names of the connection's apps, clusters, clouds and namespaces: when enabled, fetched
    // while polling (start() to stop(), paused while credentials are refused), with the same
    // rules as the tasks. Off by default (a client that only lists tasks sends nothing else).
    NameDirectory *names() const { return m_names; }
    void setNamesEnabled(bool enabled);
    bool namesEnabled() const { return m_namesEnabled; }

    // The delay before retry number `failures` (1-based): exponential, capped, with +-20% jitter.
    static qint64 backoffDelay(int failures, int initialMs, int maxMs, double jitter01)
    {
        return PollLoop::backoffDelay(failures, initialMs, maxMs, jitter01);
    }

Q_SIGNALS:
    void snapshotReady(const Taskscope::Snapshot &snapshot);
    void pollFailed(const Taskscope::ApiError &error);
    void stateChanged(Taskscope::PollLoop::State state);

private:
    // New settings: a poll in flight is abandoned and, if polling, another starts at once.
    void change(const ConnectionConfig &config, const QString &token, bool forgetOtherEndpoint);
    void applySettings();
    void beginPoll();
    void onAssembled();
    void onAbsorbed();
    void abandonAbsorb();
    void requireFull();
    void onFailed(const ApiError &error);

    Scheduler *m_scheduler;
    std::unique_ptr<Scheduler> m_ownScheduler;
    PageFetcher *m_fetcher;
    SnapshotAssembler *m_assembler;
    PollLoop *m_loop;
    NameDirectory *m_names;
    bool m_namesEnabled = false;
    // Merging a poll into the last view, and indexing a full list, look at every task: they run
    // on a worker (m_absorb), which shares m_sync until it ends. A poll abandoned meanwhile
    // abandons its merge too: its result is dropped and m_sync is a new one (the next list is full).
    std::shared_ptr<IncrementalSync> m_sync;
    QFutureWatcher<std::unique_ptr<Snapshot>> m_absorb;
    bool m_absorbing = false;       // false again when abandoned: the merge's result is dropped
    bool m_fullRequested = false; // asked for while absorbing: applied when it ends
    ConnectionConfig m_config;
    QString m_token;

    std::unique_ptr<Snapshot> m_lastSnapshot;
    ApiError m_lastError;
    QDateTime m_lastSuccessAt;
};

} // namespace Taskscope
