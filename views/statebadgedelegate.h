// StateBadgeDelegate: the state as a rounded pill (StatePill) with a glyph of its own and the state's name.
#pragma once

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

    // The pill alone (no panel, no cache), at the left of `rect`, in `option`'s font and palette:
    // the Journal's failures wear the same badge.
    static void paintPill(QPainter *painter, const QRect &rect, const QStyleOptionViewItem &option, TaskState state,
                          const QString &text);
};

} // namespace Taskscope
