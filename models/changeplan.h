// ChangePlan: what one snapshot changes in the task tree, computed off the UI thread by SnapshotDiff.
#pragma once

#include "failuregroups.h"
#include "taskforest.h"
#include "tasklistparser.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <array>
#include <vector>

namespace Taskscope {

// A task's state as one poll saw it change. A task seen for the first time "appears" in its state.
struct StateChange
{
    QString taskId;
    TaskState from = TaskState::Unknown;
    QString fromText; // the API's text of `from`; empty when the task appeared
    TaskState to = TaskState::Unknown;
    QString toText;
    QDateTime at;     // when the poll that saw it was received
    bool appeared = false;
    friend bool operator==(const StateChange &, const StateChange &) = default;
};

// What a filter leaves of a forest, counted on the worker with the plan (the state chips, "N of M match").
struct FilterCounts
{
    QString filter;                              // the expression counted with
    std::array<int, TaskStateCount> perState{};  // tasks the filter without its state clauses leaves, per state
    int matching = 0;                            // tasks the whole filter matches
    bool valid = false;
};

// Everything TaskTreeModel::apply() needs to bring the tree from `previous` to `forest` with signals
// and pointer swaps only: the work that looks at every task is done when the plan is computed.
struct ChangePlan
{
    struct CellChange
    {
        int slot;        // in `forest`
        int firstColumn; // TaskTreeModel columns
        int lastColumn;
        bool orderChanged; // its place among its siblings may change (OrderRole)
    };
    struct Insert
    {
        int parentSlot;         // in `forest`; -1: the top level. A surviving task or the top level.
        std::vector<int> tops;  // the topmost new tasks under it, in the snapshot's order
    };

    TaskForestPtr previous; // the tree the plan applies to
    TaskForestPtr forest;   // the tree after it
    std::vector<CellChange> changed;  // surviving tasks whose fields or marks changed, in slot order
    std::vector<Insert> inserts;      // new subtrees, one entry per parent that gets new children
    std::vector<bool> isNew;          // per slot of `forest`: not in `previous`
    std::vector<int> moves;           // surviving tasks whose parent changed (slots in `forest`), in slot order
    std::vector<int> removals;        // the topmost gone tasks (slots in `previous`): their subtrees go with them
    int goneCount = 0;                // every gone task, topmost or not
    std::vector<StateChange> transitions; // in slot order
    QList<ParseWarning> warnings;     // tasks the forest could not keep (no id, duplicate id)
    FilterCounts counts;              // when the planner was asked for them
    QList<FailureGroup> failureGroups; // when asked for: the forest's failed tasks by reason
    bool full = true;                 // the snapshot was a whole list (Snapshot::full): a task it lacks is gone
    bool unknownNames = false;        // a new task names an id the NameDirectory did not know (when asked)
    std::array<int, TaskStateCount> stateTotals{}; // when asked for: every task of the forest per state (the tray)
    int stalledCount = 0;             // when asked for: the forest's stalled tasks (Task::stalledSince; the Stalled chip)

    // The row signals the plan needs at most: one per move, per parent with inserts, per topmost
    // gone task (a gone task's subtree goes with it, and neighbours go in one signal).
    int structuralChanges() const { return int(moves.size() + inserts.size() + removals.size()); }
};

} // namespace Taskscope
