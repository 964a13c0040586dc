// WatchedTasksProxy: Qt's recursive filtering keeps the watched rows (and the path to a watched
// subtask); auto-accepted child rows bring their subtasks.
#include "watchedtasksproxy.h"

#include "task.h"
#include "tasktreemodel.h"

namespace Taskscope {

WatchedTasksProxy::WatchedTasksProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);
    setFilterRole(TaskTreeModel::WatchedRole); // a dataChanged with this role filters again
    setDynamicSortFilter(true);
}

void WatchedTasksProxy::setHiddenBy(std::function<QString(const Task &)> hiddenBy)
{
    m_hiddenBy = std::move(hiddenBy);
    refreshHiddenBy();
}

void WatchedTasksProxy::refreshHiddenBy()
{
    refreshLevel({});
}

void WatchedTasksProxy::refreshLevel(const QModelIndex &parent)
{
    const int rows = rowCount(parent);
    if (rows == 0)
        return;
    Q_EMIT dataChanged(index(0, TaskTreeModel::NameColumn, parent), index(rows - 1, TaskTreeModel::NameColumn, parent),
                       {Qt::DisplayRole, Qt::ToolTipRole, HiddenByRole});
    for (int row = 0; row < rows; ++row)
        refreshLevel(index(row, 0, parent)); // the strip holds few rows: walking them is cheap
}

bool WatchedTasksProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    return sourceModel()->index(sourceRow, 0, sourceParent).data(TaskTreeModel::WatchedRole).toBool();
}

QString WatchedTasksProxy::hiddenBy(const QModelIndex &index) const
{
    if (!m_hiddenBy)
        return {};
    const QVariant task = index.siblingAtColumn(0).data(TaskTreeModel::TaskRole);
    if (!task.canConvert<Task>())
        return {};
    return m_hiddenBy(task.value<Task>());
}

QVariant WatchedTasksProxy::data(const QModelIndex &index, int role) const
{
    if (role == HiddenByRole)
        return hiddenBy(index);
    if (index.column() == TaskTreeModel::NameColumn && (role == Qt::DisplayRole || role == Qt::ToolTipRole)) {
        const QString clause = hiddenBy(index);
        if (!clause.isEmpty()) {
            const QString name = QSortFilterProxyModel::data(index, Qt::DisplayRole).toString();
            if (role == Qt::DisplayRole)
                return tr("%1 — hidden by: %2", "a watched task the tree's filter hides: its name, the clause")
                    .arg(name, clause);
            return tr("The tree's filter hides “%1”: %2").arg(name, clause);
        }
    }
    return QSortFilterProxyModel::data(index, role);
}

} // namespace Taskscope
