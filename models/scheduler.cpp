// Scheduler: the clock and timers of polling and backoff.
#include "scheduler.h"

#include <QTimer>

#include <limits>

namespace Taskscope {

QtScheduler::QtScheduler(QObject *parent)
    : QObject(parent)
{
}

QDateTime QtScheduler::now() const
{
    return QDateTime::currentDateTimeUtc();
}

Scheduler::Handle QtScheduler::schedule(qint64 delayMs, std::function<void()> callback)
{
    const Handle handle = m_next++;
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    timer->setTimerType(Qt::CoarseTimer);
    connect(timer, &QTimer::timeout, this, [this, handle, callback = std::move(callback)] {
        const auto it = m_timers.find(handle);
        if (it == m_timers.end())
            return;
        it->second->deleteLater();
        m_timers.erase(it);
        callback();
    });
    m_timers.emplace(handle, timer);
    timer->start(int(qBound(qint64(0), delayMs, qint64(std::numeric_limits<int>::max()))));
    return handle;
}

void QtScheduler::cancel(Handle handle)
{
    const auto it = m_timers.find(handle);
    if (it == m_timers.end())
        return;
    it->second->deleteLater();
    m_timers.erase(it);
}

ManualScheduler::ManualScheduler(QDateTime start)
    : m_now(std::move(start))
{
}

Scheduler::Handle ManualScheduler::schedule(qint64 delayMs, std::function<void()> callback)
{
    const Handle handle = m_next++;
    m_pending.emplace(handle, Pending{m_now.addMSecs(qMax<qint64>(0, delayMs)), std::move(callback)});
    return handle;
}

void ManualScheduler::cancel(Handle handle)
{
    m_pending.erase(handle);
}

void ManualScheduler::advance(qint64 ms)
{
    const QDateTime target = m_now.addMSecs(ms);
    for (;;) {
        auto due = m_pending.end();
        for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
            if (it->second.due <= target && (due == m_pending.end() || it->second.due < due->second.due))
                due = it;
        }
        if (due == m_pending.end())
            break;
        m_now = qMax(m_now, due->second.due);
        auto callback = std::move(due->second.callback);
        m_pending.erase(due);
        callback();
    }
    m_now = target;
}

qint64 ManualScheduler::nextDelay() const
{
    qint64 best = -1;
    for (const auto &[handle, pending] : m_pending) {
        const qint64 delay = qMax<qint64>(0, m_now.msecsTo(pending.due));
        if (best < 0 || delay < best)
            best = delay;
    }
    return best;
}

} // namespace Taskscope
