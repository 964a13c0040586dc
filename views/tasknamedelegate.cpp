// TaskNameDelegate: the name, with a warning icon on orphans, self-parents and cut cycles.
#include "tasknamedelegate.h"

#include "tasktreemodel.h"

#include <QApplication>
#include <QStyle>

namespace Taskscope {

void TaskNameDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    TextCellDelegate::initStyleOption(option, index);
    if (index.data(TaskTreeModel::MarksRole).toInt() == TaskTreeModel::NoMark)
        return;
    const QStyle *style = option->widget ? option->widget->style() : QApplication::style();
    static const QIcon warning = style->standardIcon(QStyle::SP_MessageBoxWarning);
    option->icon = warning;
    option->features |= QStyleOptionViewItem::HasDecoration;
    const int side = option->fontMetrics.height();
    option->decorationSize = QSize(side, side);
}

} // namespace Taskscope
