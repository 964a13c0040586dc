// TaskFilterProxyModel: the tasks a filter expression selects, with their ancestors (dimmed) or their whole subtrees.
#include "taskfilterproxymodel.h"

#include "tasktreemodel.h"


namespace Taskscope {

TaskFilterProxyModel::TaskFilterProxyModel(QObject *parent)
    : TaskTreeProxy(parent)
{
    TaskTreeProxy::sort(TaskTreeModel::NameColumn); // sibling order: see lessThan()
    m_clockTimer.setInterval(30'000);
    connect(&m_clockTimer, &QTimer::timeout, this, &TaskFilterProxyModel::refreshClock);
}

bool TaskFilterProxyModel::setFilterText(const QString &text, FilterError *error)
{
    const FilterParseResult result = parseFilter(text);
    if (!result.ok()) {
        if (error)
            *error = *result.error;
        return false;
    }
    const QDateTime now = taskModel() ? taskModel()->now() : QDateTime::currentDateTimeUtc();
    applyPredicate(FilterPredicate(result.expr, now), text);
    return true;
}

void TaskFilterProxyModel::setFilterExpression(const FilterExpr &expr)
{
    const QDateTime now = taskModel() ? taskModel()->now() : QDateTime::currentDateTimeUtc();
    applyPredicate(FilterPredicate(expr, now), printFilter(expr));
}

void TaskFilterProxyModel::applyPredicate(FilterPredicate predicate, const QString &text)
{
    m_predicate = std::move(predicate);
    if (taskModel())
        m_predicate.setNames(taskModel()->names());
    m_text = text;
    // Re-filter a changed task only while a filter is in force (TaskRole is in every dataChanged
    // of a changed task; progress ticks carry no TaskRole).
    if (m_predicate.dependsOnNow())
        m_clockTimer.start();
    else
        m_clockTimer.stop();
    // Rows that stay visible keep their selection and expansion: only rows that go or come are
    // signalled. A new filter role filters again by itself.
    const int role = m_predicate.isEmpty() ? int(TaskTreeModel::OrderRole) : int(TaskTreeModel::TaskRole);
    if (role != filterRole())
        setFilterRole(role);
    else
        invalidateRowsFilter();
    Q_EMIT filterChanged();
}

void TaskFilterProxyModel::refreshNames()
{
    if (!taskModel() || m_predicate.names() == taskModel()->names())
        return;
    m_predicate.setNames(taskModel()->names());
    if (!m_predicate.readsNames())
        return;
    invalidateRowsFilter();
    Q_EMIT filterChanged();
}

void TaskFilterProxyModel::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    setAutoAcceptChildRows(mode == Mode::MatchesWithSubtrees);
    Q_EMIT filterChanged();
}

void TaskFilterProxyModel::refreshClock()
{
    if (!m_predicate.dependsOnNow() || !taskModel())
        return;
    m_predicate.setNow(taskModel()->now());
    invalidateRowsFilter();
    Q_EMIT clockRefreshed();
}

int TaskFilterProxyModel::matchingTaskCount() const
{
    const TaskTreeModel *model = taskModel();
    if (!model)
        return 0;
    if (m_predicate.isEmpty())
        return model->taskCount();
    int count = 0;
    model->forEachTask([&](const Task &task) { count += m_predicate.matches(task); });
    return count;
}

bool TaskFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_predicate.isEmpty())
        return true;
    const Task *task = taskModel()->task(taskModel()->index(sourceRow, 0, sourceParent));
    return task && m_predicate.matches(*task);
}

bool TaskFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const Task *a = taskModel()->task(left), *b = taskModel()->task(right);
    return a && b ? TaskTreeModel::siblingLess(*a, *b) : left.row() < right.row();
}

Qt::ItemFlags TaskFilterProxyModel::flags(const QModelIndex &index) const
{
    return index.isValid() ? TaskTreeModel::taskFlags() : Qt::NoItemFlags;
}

QVariant TaskFilterProxyModel::data(const QModelIndex &index, int role) const
{
    if (role != MatchRole)
        return TaskTreeProxy::data(index, role);
    bool matches = true;
    if (!m_predicate.isEmpty()) {
        const Task *task = taskModel()->task(mapToSource(index));
        matches = task && m_predicate.matches(*task);
        // In subtree mode a task below a match is a match's part, not mere context.
        for (QModelIndex up = index.parent(); !matches && m_mode == Mode::MatchesWithSubtrees && up.isValid();
             up = up.parent()) {
            const Task *ancestor = taskModel()->task(mapToSource(up));
            matches = ancestor && m_predicate.matches(*ancestor);
        }
    }
    return matches;
}

} // namespace Taskscope
