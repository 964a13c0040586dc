// ChangeHighlighter: repaints a view's viewport at about 12 frames a second while a row's change
// highlight fades (RowHighlight), and not at all otherwise.
#pragma once

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class QAbstractItemView;

namespace Taskscope {

class ChangeHighlighter final : public QObject
{
    Q_OBJECT
public:
    static constexpr int FrameIntervalMs = 80;

    // `clock` is the delegates' clock (the window's Scheduler::now()). A child of `view`.
    ChangeHighlighter(QAbstractItemView *view, std::function<QDateTime()> clock);

    void setClock(std::function<QDateTime()> clock);
    // A row changed at `at` (its ChangedAtRole): the viewport is repainted until its fade ends.
    // Only the latest end is kept, so this costs the same for one change or ten thousand.
    void notifyChanged(const QDateTime &at);
    // A fade is in progress: the timer runs.
    bool isAnimating() const { return m_timer.isActive(); }
    // When the last fade ends (invalid when none was notified).
    QDateTime fadeEnd() const { return m_fadeEnd; }

private:
    void tick();

    QPointer<QAbstractItemView> m_view;
    std::function<QDateTime()> m_clock;
    QTimer m_timer;
    QDateTime m_fadeEnd;
};

} // namespace Taskscope
