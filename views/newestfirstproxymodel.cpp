// NewestFirstProxyModel: top-level tasks newest first; subtasks keep the model's order.
#include "newestfirstproxymodel.h"

#include "tasktreemodel.h"

namespace Taskscope {

NewestFirstProxyModel::NewestFirstProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    setSortRole(TaskTreeModel::RawRole);
}

bool NewestFirstProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!left.parent().isValid()) {
        const QDateTime a = left.siblingAtColumn(TaskTreeModel::StartedColumn).data(TaskTreeModel::RawRole).toDateTime();
        const QDateTime b = right.siblingAtColumn(TaskTreeModel::StartedColumn).data(TaskTreeModel::RawRole).toDateTime();
        if (a.isValid() != b.isValid())
            return !a.isValid(); // not started yet: the newest of all
        if (a != b)
            return a > b;
    }
    return left.row() < right.row();
}

} // namespace Taskscope
