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

private:
    static void paintPill(QPainter *painter, const QRect &rect, const QStyleOptionViewItem &option, TaskState state,
                          const QString &text);
};

} // namespace Taskscope
