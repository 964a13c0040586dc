// StateBadgeDelegate: the state as a rounded pill (StatePill) with a glyph of its own and the state's
// name, and "stalled" after the name when the task's progress has stopped (StalledRole).
#pragma once

#include "rowhighlight.h"
#include "task.h"

#include <QStyledItemDelegate>

namespace Taskscope {

class StateBadgeDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The clock of the change highlight (RowHighlight): the window's Scheduler::now().
    void setClock(std::function<QDateTime()> clock) { m_highlight.setClock(std::move(clock)); }

    // The pill alone (no panel, no cache), at the left of `rect`, in `option`'s font and palette:
    // the Journal's failures wear the same badge.
    static void paintPill(QPainter *painter, const QRect &rect, const QStyleOptionViewItem &option, TaskState state,
                          const QString &text);

private:
    RowHighlight m_highlight;
};

} // namespace Taskscope
