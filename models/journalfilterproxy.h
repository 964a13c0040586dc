// JournalFilterProxy: the Journal's rows whose task the tree's filter selects: the task as the tree
// has it now, else (a task the tree no longer has) what the row itself knows of it.
#pragma once

#include "filterevaluator.h"

#include <QSortFilterProxyModel>

#include <functional>

namespace Taskscope {

struct HistoryTransition;
class JournalModel;

class JournalFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    // The tree's current task of an id; nullptr when the tree has none.
    using TaskLookup = std::function<const Task *(const QString &id)>;

    explicit JournalFilterProxy(QObject *parent = nullptr);

    // The source must be a JournalModel (anything else shows no rows).
    void setSourceModel(QAbstractItemModel *model) override;
    void setTaskLookup(TaskLookup lookup);
    // Filters again with `predicate` (an empty one shows every row).
    void setPredicate(FilterPredicate predicate);
    const FilterPredicate &predicate() const { return m_predicate; }
    // The tasks behind the lookup changed (a poll was applied, names arrived): filters again.
    void tasksChanged();
    // Moves relative times (now-1h) to `now`; filters again when the filter reads the clock.
    void setNow(const QDateTime &now);

    // What a row's task is when the tree has none: its id, name, summary, state (`to`), the app's name as a
    // label (so appName finds it), and the time it changed as its last transition (and first seen,
    // when it appeared).
    static Task standIn(const HistoryTransition &transition);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    const JournalModel *m_journal = nullptr;
    TaskLookup m_lookup;
    FilterPredicate m_predicate;
};

} // namespace Taskscope
