// FilterController: the one filter text the editor, the state chips and the context menus edit, its
// counts per state, the clauses sent to the server and the saved filter. No widgets: the window
// connects its signals to the editor, the state bar and the status bar.
#pragma once

#include "changeplanner.h"
#include "filterclauses.h"
#include "filterrequest.h"
#include "task.h"

#include <QObject>
#include <QStringList>

#include <array>
#include <functional>

namespace Taskscope {

class Scheduler;
class TaskFilterProxyModel;
class TaskForest;
class TaskTreeModel;
struct FilterCounts;

class FilterController final : public QObject
{
    Q_OBJECT
public:
    // What a click on a state chip asks for (the state bar's actions, by the same names).
    enum class StateAction { Only, Add, Exclude, Remove };
    enum class Persistence { Remember, ThisSessionOnly };

    // The chips lit and struck for an expression, by API name; an empty name is the "other" chip
    // (states this version does not know).
    struct StateSelection
    {
        QStringList selected;
        QStringList excluded;
        friend bool operator==(const StateSelection &, const StateSelection &) = default;
    };

    // `model`, `proxy` and `clock` are not owned and outlive the controller.
    FilterController(TaskTreeModel *model, TaskFilterProxyModel *proxy, const Scheduler *clock,
                     QObject *parent = nullptr);

    // The text clicks edit: by default the one in force; the window passes what its editor shows.
    void setEditBase(std::function<QString()> base) { m_editBase = std::move(base); }

    QString text() const; // the filter in force
    // Applies a valid expression; false (and applyFailed()) when it does not parse.
    bool apply(const QString &text, Persistence persistence = Persistence::Remember);
    void applyRequest(const FilterRequest &request);
    void onStateActivated(const QString &state, StateAction action);
    // The Stalled chip: adds `stalled gte 0`, or removes every `stalled` clause.
    void toggleStalled();

    // Tasks the filter selects (all tasks without a filter), as of the last count.
    int matchingTaskCount() const { return m_matching; }
    void recount(); // the state chips' counts and the matching total, in one pass over the tasks
    // For the planner: counts the plan's forest under the filter in force, on its worker.
    ChangePlanner::WorkerStep countStep() const;
    // The counts a plan brought (recounted if the filter changed while the plan was computed).
    void showPlanCounts(const FilterCounts &counts);

    // Filtering on the server: the clauses of the filter in force the server understands.
    bool serverFiltering() const { return m_serverFiltering; }
    void setServerFiltering(bool on);
    QStringList serverClauses() const;

    // The saved filter and options, as the window closed (the filter only if it still parses).
    static QString savedText();
    static bool savedShowSubtrees();
    static bool savedServerFiltering();
    // Every subtask of a match is shown (else only the matches and the tasks above them); remembered.
    void setShowSubtrees(bool on);

    // Pure parts, for the worker and for tests.
    static FilterCounts countUnderFilter(const TaskForest &forest, const QString &text, const QDateTime &now);
    static StateSelection stateSelection(const QString &text);
    static FilterEditResult editForState(const QString &text, const QString &state, StateAction action);

Q_SIGNALS:
    void textEdited(const QString &text);    // a click rewrote the expression: the editor shows it
    void applied(const QString &text);       // the filter in force changed (counts follow)
    void applyFailed(const QString &message); // an expression that does not parse
    void editFailed(const QString &message);  // a click that cannot rewrite the expression
    void countsChanged(const std::array<int, TaskStateCount> &perState, int matching);
    void selectionChanged(const QStringList &selected, const QStringList &excluded);
    void serverClausesChanged(const QStringList &clauses);

private:
    void edit(const std::function<FilterEditResult(const QString &text)> &change);
    void showCounts(const FilterCounts &counts);
    QDateTime filterNow() const;

    TaskTreeModel *m_model;
    TaskFilterProxyModel *m_proxy;
    const Scheduler *m_clock;
    std::function<QString()> m_editBase;
    bool m_serverFiltering = true;
    int m_matching = 0;
};

} // namespace Taskscope
