// JournalFilterProxy: one predicate evaluation per row, on the looked-up task or a stand-in.
#include "journalfilterproxy.h"

#include "historystore.h"
#include "journalmodel.h"

namespace Taskscope {

JournalFilterProxy::JournalFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

void JournalFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_journal = qobject_cast<const JournalModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void JournalFilterProxy::setTaskLookup(TaskLookup lookup)
{
    m_lookup = std::move(lookup);
    invalidateRowsFilter();
}

void JournalFilterProxy::setPredicate(FilterPredicate predicate)
{
    m_predicate = std::move(predicate);
    invalidateRowsFilter();
}

void JournalFilterProxy::tasksChanged()
{
    if (!m_predicate.isEmpty())
        invalidateRowsFilter();
}

void JournalFilterProxy::setNow(const QDateTime &now)
{
    m_predicate.setNow(now);
    if (m_predicate.dependsOnNow())
        invalidateRowsFilter();
}

Task JournalFilterProxy::standIn(const HistoryTransition &transition)
{
    Task task;
    task.id = transition.taskId;
    task.name = transition.taskName;
    task.summary = transition.taskSummary;
    task.state = stateFromApiName(transition.to);
    task.stateText = transition.to;
    if (!transition.appName.isEmpty())
        task.metadata.labels.append({QStringLiteral("app"), transition.appName});
    task.lastTransition = transition.at;
    if (transition.from.isEmpty())
        task.firstSeen = transition.at;
    return task;
}

bool JournalFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_journal)
        return false;
    if (m_predicate.isEmpty())
        return true;
    const HistoryTransition &transition = m_journal->transition(sourceRow);
    if (m_lookup) {
        if (const Task *task = m_lookup(transition.taskId))
            return m_predicate.matches(*task);
    }
    return m_predicate.matches(standIn(transition));
}

} // namespace Taskscope
