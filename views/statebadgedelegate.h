// StateBadgeDelegate: the state as a rounded pill with a glyph of its own and the state's name.
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

    // Draws the glyph of `state` (never colour alone: each state has its own shape) in `rect`.
    static void drawGlyph(QPainter *painter, TaskState state, const QRectF &rect, const QColor &color);
};

} // namespace Taskscope
