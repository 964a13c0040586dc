// ChangeHighlighter: one timer for every fade, stopped when the last one has ended.
#include "changehighlighter.h"

#include "rowhighlight.h"

#include <QAbstractItemView>

namespace Taskscope {

ChangeHighlighter::ChangeHighlighter(QAbstractItemView *view, std::function<QDateTime()> clock)
    : QObject(view)
    , m_view(view)
    , m_clock(std::move(clock))
{
    m_timer.setInterval(FrameIntervalMs);
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ChangeHighlighter::tick);
}

void ChangeHighlighter::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
}

void ChangeHighlighter::notifyChanged(const QDateTime &at)
{
    if (!at.isValid() || !m_clock)
        return;
    const QDateTime end = at.addMSecs(RowHighlight::FadeMs);
    if (!m_fadeEnd.isValid() || end > m_fadeEnd)
        m_fadeEnd = end;
    if (!m_timer.isActive() && m_clock() < m_fadeEnd)
        m_timer.start();
}

void ChangeHighlighter::tick()
{
    if (!m_view) {
        m_timer.stop();
        return;
    }
    m_view->viewport()->update(); // also once at the end: the last frame paints no tint at all
    if (!m_clock || m_clock() >= m_fadeEnd)
        m_timer.stop();
}

} // namespace Taskscope
