// TaskFilterProxyModel: the tasks a filter expression selects, with their ancestors (dimmed) or their
// whole subtrees, siblings in sibling order (TaskTreeModel::siblingLess; the model keeps them in the
// order they arrived, see TaskTreeModel::apply).
#pragma once

#include "filterevaluator.h"
#include "tasktreeproxy.h"

#include <QTimer>

namespace Taskscope {

class TaskFilterProxyModel : public TaskTreeProxy
{
    Q_OBJECT
public:
    enum class Mode {
        MatchesWithAncestors, // a match and the tasks above it (shown dimmed, for context)
        MatchesWithSubtrees,  // a match, the tasks above it, and every task below it
    };
    Q_ENUM(Mode)

    enum Role {
        MatchRole = Qt::UserRole + 64, // bool: the task itself matches (false: shown only for context, dimmed)
    };

    explicit TaskFilterProxyModel(QObject *parent = nullptr);

    // Parses and applies `text`; on an error the filter in force stays and `error` says why.
    bool setFilterText(const QString &text, FilterError *error = nullptr);
    QString filterText() const { return m_text; }
    void setFilterExpression(const FilterExpr &expr);
    const FilterPredicate &predicate() const { return m_predicate; }
    bool isFiltering() const { return !m_predicate.isEmpty(); }

    void setMode(Mode mode);
    Mode mode() const { return m_mode; }

    // Tasks of the source model the filter selects (walks the source; O(tasks)).
    int matchingTaskCount() const;

    // Moves relative times (now-1h) and running durations to the source's clock and filters again.
    // Runs by itself every `interval` while the filter depends on the clock.
    void refreshClock();
    // Takes the source's names (TaskTreeModel::namesChanged): a filter on appName and the like
    // filters again.
    void refreshNames();
    void setClockRefreshInterval(int msecs) { m_clockTimer.setInterval(msecs); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    // Every task's (TaskTreeModel::taskFlags()), without a trip to the source: a tree view's layout
    // asks it of every row it shows.
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    void filterChanged();
    void clockRefreshed(); // the rows a relative-time filter selects moved with the clock

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;


private:
    void applyPredicate(FilterPredicate predicate, const QString &text);

    FilterPredicate m_predicate;
    QString m_text;
    Mode m_mode = Mode::MatchesWithAncestors;
    QTimer m_clockTimer;
};

} // namespace Taskscope
