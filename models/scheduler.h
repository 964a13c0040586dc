// Scheduler: the clock and timers of polling and backoff; real timers in the app, a manual clock in tests.
#pragma once

#include <QDateTime>
#include <QObject>

#include <functional>
#include <map>

namespace Taskscope {

class Scheduler
{
public:
    using Handle = quint64;
    virtual ~Scheduler() = default;
    virtual QDateTime now() const = 0;
    // Runs `callback` once, `delayMs` from now. The handle cancels it.
    virtual Handle schedule(qint64 delayMs, std::function<void()> callback) = 0;
    virtual void cancel(Handle handle) = 0;
};

// QTimer-backed: the default.
class QtScheduler final : public QObject, public Scheduler
{
    Q_OBJECT
public:
    explicit QtScheduler(QObject *parent = nullptr);
    QDateTime now() const override;
    Handle schedule(qint64 delayMs, std::function<void()> callback) override;
    void cancel(Handle handle) override;

private:
    std::map<Handle, QObject *> m_timers;
    Handle m_next = 1;
};

// Time moves only when a test says so: advance() runs what falls due, in order.
class ManualScheduler final : public Scheduler
{
public:
    explicit ManualScheduler(QDateTime start = QDateTime::fromMSecsSinceEpoch(1'800'000'000'000, Qt::UTC));
    QDateTime now() const override { return m_now; }
    Handle schedule(qint64 delayMs, std::function<void()> callback) override;
    void cancel(Handle handle) override;

    void advance(qint64 ms);
    // Milliseconds until the next callback falls due; -1 when none is pending.
    qint64 nextDelay() const;
    int pendingCount() const { return int(m_pending.size()); }

private:
    struct Pending
    {
        QDateTime due;
        std::function<void()> callback;
    };
    QDateTime m_now;
    std::map<Handle, Pending> m_pending;
    Handle m_next = 1;
};

} // namespace Taskscope
