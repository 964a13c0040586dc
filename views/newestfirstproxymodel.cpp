// NewestFirstProxyModel: top-level tasks newest first by default; or every level by one column.
#include "newestfirstproxymodel.h"

#include "tasktreemodel.h"

#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace Taskscope {

NewestFirstProxyModel::NewestFirstProxyModel(QObject *parent)
    : TaskFilterProxyModel(parent)
{
    // lessThan() reads the tasks; the role tells the two orders apart (changing it re-sorts). The
    // proxy re-sorts a level when a dataChanged covers the sort column: in this order (column 0)
    // the model covers it only when a task's place may change, so a poll that moves progress bars
    // re-sorts nothing. (Sorted by Progress, it does: that is the order asked for.)
    setSortRole(TaskTreeModel::OrderRole);
}

QVariant NewestFirstProxyModel::data(const QModelIndex &index, int role) const
{
    if (role == Qt::ForegroundRole
        && ((isFiltering() && !index.data(MatchRole).toBool()) || index.data(TaskTreeModel::FromHistoryRole).toBool()))
        return QBrush(QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text));
    if (role == Qt::FontRole && index.data(TaskTreeModel::FromHistoryRole).toBool()) {
        QFont font = QGuiApplication::font();
        font.setItalic(true); // from history: dimmed and slanted, with an icon in the Name column
        return font;
    }
    return TaskFilterProxyModel::data(index, role);
}

void NewestFirstProxyModel::setSourceModel(QAbstractItemModel *model)
{
    TaskFilterProxyModel::setSourceModel(model);
    hintSortColumn();
}

void NewestFirstProxyModel::hintSortColumn()
{
    if (TaskTreeModel *model = taskModel())
        model->setSortColumnHint(sortColumn());
}

void NewestFirstProxyModel::sortNewestFirst()
{
    m_columnSort = false;
    setSortRole(TaskTreeModel::OrderRole);
    TaskTreeProxy::sort(TaskTreeModel::NameColumn, Qt::AscendingOrder);
    hintSortColumn(); // the keys of this order change only with OrderRole, which covers column 0
}

void NewestFirstProxyModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0) { // a view clearing its sort indicator: back to the default, not to no order
        sortNewestFirst();
        return;
    }
    m_columnSort = true;
    setSortRole(TaskTreeModel::RawRole); // the column's value: re-sorted whenever it changes
    TaskTreeProxy::sort(column, order);
    hintSortColumn();
}

bool NewestFirstProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // Straight from the tasks: a re-sort after a big poll compares thousands of pairs.
    const auto *model = static_cast<const TaskTreeModel *>(sourceModel());
    const Task *a = model->task(left), *b = model->task(right);
    if (!a || !b)
        return left.row() < right.row();
    const bool descending = sortOrder() == Qt::DescendingOrder;
    if (m_columnSort) {
        int order = 0;
        if (sortColumn() == TaskTreeModel::ResourceColumn) {
            // The URIs are UTF-8 views of the tasks' bytes: compared there, not decoded per pair.
            order = Utf8Text::compare(a->resourceURI, b->resourceURI);
        } else {
            const QVariant x = left.data(TaskTreeModel::RawRole);
            const QVariant y = right.data(TaskTreeModel::RawRole);
            // Missing values (no progress, not started) sort after the others, in either direction.
            if (x.isValid() != y.isValid())
                return x.isValid() != descending;
            if (x.isValid()) {
                const QPartialOrdering compared = QVariant::compare(x, y);
                order = compared == QPartialOrdering::Less ? -1 : compared == QPartialOrdering::Greater ? 1 : 0;
            }
        }
        if (order != 0)
            return order < 0;
        // Ties in the sibling order, whichever the direction.
        return descending ? TaskTreeModel::siblingLess(*b, *a) : TaskTreeModel::siblingLess(*a, *b);
    }
    if (!left.parent().isValid())
        return TaskForest::newestFirstLess(*a, *b);
    return TaskTreeModel::siblingLess(*a, *b); // subtasks (and ties): the model's sibling order
}

} // namespace Taskscope
