// PollLoop: the schedule of polls and retries on a Scheduler's clock.
#include "pollloop.h"

#include "scheduler.h"

#include <QRandomGenerator>

#include <cmath>

namespace Taskscope {

PollLoop::PollLoop(Scheduler *scheduler, QObject *parent, std::function<double()> jitter)
    : QObject(parent)
    , m_scheduler(scheduler)
    , m_jitter(std::move(jitter))
{
    if (!m_jitter)
        m_jitter = [] { return QRandomGenerator::global()->generateDouble(); };
}

PollLoop::~PollLoop()
{
    cancelTimer();
}

qint64 PollLoop::backoffDelay(int failures, int initialMs, int maxMs, double jitter01)
{
    const double exponential = double(qMax(1, initialMs)) * std::pow(2.0, double(qMax(0, failures - 1)));
    const double capped = qMin(exponential, double(qMax(initialMs, maxMs)));
    const double factor = 0.8 + 0.4 * qBound(0.0, jitter01, 1.0); // +-20%: clients do not retry in lockstep
    return qint64(std::llround(qMin(capped * factor, double(qMax(initialMs, maxMs)))));
}

void PollLoop::start()
{
    m_polling = true;
    m_once = false;
    if (!m_inProgress)
        beginPoll();
}

void PollLoop::stop()
{
    m_polling = false;
    m_once = false;
    m_inProgress = false;
    cancelTimer();
    m_nextAttemptAt = {};
    setState(State::Idle);
}

void PollLoop::pollNow()
{
    if (m_inProgress)
        return;
    if (m_state == State::AuthStopped && !m_polling)
        return;
    beginPoll();
}

void PollLoop::fetchOnce()
{
    m_once = true;
    if (!m_inProgress)
        beginPoll();
}

void PollLoop::restart()
{
    m_failures = 0;
    if (m_polling)
        beginPoll();
}

void PollLoop::beginPoll()
{
    cancelTimer();
    m_nextAttemptAt = {};
    m_inProgress = true;
    Q_EMIT pollDue();
}

void PollLoop::setFetching()
{
    if (m_inProgress)
        setState(State::Fetching);
}

void PollLoop::pollSucceeded()
{
    m_inProgress = false;
    m_failures = 0;
    if (m_polling)
        scheduleNext(m_timing.intervalMs, State::Waiting);
    else
        setState(State::Idle);
    m_once = false;
}

void PollLoop::pollFailed(const ApiError &error)
{
    m_inProgress = false;
    ++m_failures;
    if (m_once && !m_polling) {
        m_once = false;
        setState(State::Idle);
    } else if (error.stopsPolling()) {
        m_nextAttemptAt = {};
        setState(State::AuthStopped); // retrying with the same settings cannot help
    } else if (m_polling) {
        scheduleNext(backoffDelay(m_failures, m_timing.backoffInitialMs, m_timing.backoffMaxMs, m_jitter()),
                     State::BackingOff);
    } else {
        setState(State::Idle);
    }
}

void PollLoop::cancelTimer()
{
    if (m_timer) {
        m_scheduler->cancel(m_timer);
        m_timer = 0;
    }
}

void PollLoop::scheduleNext(qint64 delayMs, State state)
{
    cancelTimer();
    m_nextAttemptAt = m_scheduler->now().addMSecs(delayMs);
    m_timer = m_scheduler->schedule(delayMs, [this] {
        m_timer = 0;
        beginPoll();
    });
    setState(state);
}

void PollLoop::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace Taskscope
