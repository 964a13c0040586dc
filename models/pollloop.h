// PollLoop: when to poll next. State, interval, backoff with jitter; the retry rule is ApiError's.
#pragma once

#include "apierror.h"

#include <QDateTime>
#include <QObject>

#include <functional>

namespace Taskscope {

class Scheduler;

// Knows nothing of HTTP: it says when a poll is due (pollDue) and is told how each one ended.
// The interval starts when a poll ends; failures back off exponentially, with jitter, up to a cap;
// an error that only new settings can fix (ApiError::stopsPolling) stops it until restart().
class PollLoop final : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Idle,       // not polling
        Fetching,   // a poll is in progress
        Waiting,    // the last poll succeeded; the next is scheduled
        BackingOff, // the last poll failed; a retry is scheduled
        AuthStopped // 401/403 and the like: waits for new settings or a new token
    };
    Q_ENUM(State)

    struct Timing
    {
        int intervalMs = 10'000;
        int backoffInitialMs = 1'000;
        int backoffMaxMs = 60'000;
    };

    // `scheduler`: not owned. `jitter` gives numbers in [0, 1]; empty: random.
    explicit PollLoop(Scheduler *scheduler, QObject *parent = nullptr, std::function<double()> jitter = {});
    ~PollLoop() override;

    void setTiming(const Timing &timing) { m_timing = timing; }
    const Timing &timing() const { return m_timing; }

    void start();     // poll now (unless one is in progress), then every interval
    void stop();      // no more polls; the one in progress is forgotten
    void pollNow();   // skip the wait (or the backoff); no-op while a poll is in progress
    void fetchOnce(); // one poll, then Idle
    // New settings: failures are forgotten and, if polling, a new poll starts at once.
    void restart();

    // The poll in progress sent its first request or parsed a page.
    void setFetching();
    void pollSucceeded();
    void pollFailed(const ApiError &error);

    bool isPolling() const { return m_polling; }
    bool isPollInProgress() const { return m_inProgress; }
    State state() const { return m_state; }
    QDateTime nextAttemptAt() const { return m_nextAttemptAt; }
    int consecutiveFailures() const { return m_failures; }

    // The delay before retry number `failures` (1-based): exponential, capped, with +-20% jitter.
    static qint64 backoffDelay(int failures, int initialMs, int maxMs, double jitter01);

Q_SIGNALS:
    void pollDue(); // begin a poll now (one in progress, if any, is to be abandoned)
    void stateChanged(Taskscope::PollLoop::State state);

private:
    void beginPoll();
    void cancelTimer();
    void scheduleNext(qint64 delayMs, State state);
    void setState(State state);

    Scheduler *m_scheduler;
    std::function<double()> m_jitter;
    Timing m_timing;
    State m_state = State::Idle;
    bool m_polling = false;
    bool m_once = false;
    bool m_inProgress = false;
    quint64 m_timer = 0;
    QDateTime m_nextAttemptAt;
    int m_failures = 0;
};

} // namespace Taskscope
