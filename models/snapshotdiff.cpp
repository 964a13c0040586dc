// SnapshotDiff: the O(tasks) half of a poll (which tasks changed, appeared, moved or went), on a worker.
#include "snapshotdiff.h"

#include "tasktreemodel.h"

#include <unordered_map>

namespace Taskscope {

namespace {

using Model = TaskTreeModel;

// The survivors: for each slot of `next`, its slot in `previous` (-1: new), and the reverse.
struct Matching
{
    std::vector<int> previousOf;
    std::vector<int> nextOf;
    std::vector<int> problemAncestors; // slots of `next` whose Problem cell (and their ancestors') changed
};

// What a parent's Problem column shows of a descendant: a failure with a reason.
bool failedWithReason(const Task &task)
{
    return task.state == TaskState::Failed && !task.stateDetails.isEmpty();
}

bool sameParent(const TaskForest &previous, int oldSlot, const TaskForest &next, int slot, const Matching &m)
{
    const int oldParent = previous.parent(oldSlot), parent = next.parent(slot);
    if (oldParent < 0 || parent < 0)
        return oldParent < 0 && parent < 0;
    return m.nextOf[size_t(oldParent)] == parent;
}

void planSurvivor(ChangePlan &plan, const TaskForest &previous, int oldSlot, int slot, Matching &m)
{
    const TaskForest &next = *plan.forest;
    const Task &old = previous.task(oldSlot), &task = next.task(slot);
    const bool moved = !sameParent(previous, oldSlot, next, slot, m);
    if (moved)
        plan.moves.push_back(slot);
    if (failedWithReason(old) != failedWithReason(task) || (failedWithReason(task) && (moved || old.stateDetails != task.stateDetails))) {
        m.problemAncestors.push_back(next.parent(slot));
        if (const int oldParent = previous.parent(oldSlot); moved && oldParent >= 0)
            m.problemAncestors.push_back(m.nextOf[size_t(oldParent)]); // its old parent showed it (-1: gone)
    }
    // TaskForest::build() keeps an unchanged task as the previous forest's object.
    const bool same = next.taskObject(slot) == previous.taskObject(oldSlot);
    if (same && previous.marks(oldSlot) == next.marks(slot))
        return;
    const SnapshotDiff::Columns columns = SnapshotDiff::changedColumns(old, previous.marks(oldSlot), task, next.marks(slot));
    plan.changed.push_back({slot, columns.first, columns.last, columns.orderChanged});
    if (old.state != task.state || old.stateText != task.stateText)
        plan.transitions.push_back({task.id, old.state, old.stateText, task.state, task.stateText, {}, false});
}

// A parent shows its first failed subtask's problem: when a descendant fails or stops failing, or
// a failed one comes, goes or moves, the surviving ancestors' Problem cells change too.
void announceAncestorProblems(ChangePlan &plan, const Matching &m)
{
    if (m.problemAncestors.empty())
        return;
    const TaskForest &next = *plan.forest;
    std::vector<bool> touched(size_t(next.size()), false);
    for (int slot : m.problemAncestors) {
        for (; slot >= 0 && !touched[size_t(slot)]; slot = next.parent(slot)) {
            if (!plan.isNew[size_t(slot)])
                touched[size_t(slot)] = true;
        }
    }
    // Merged into `changed`, which stays in slot order with one entry per slot.
    std::vector<ChangePlan::CellChange> merged;
    merged.reserve(plan.changed.size() + m.problemAncestors.size());
    size_t i = 0;
    for (int slot = 0; slot < next.size(); ++slot) {
        const bool hasChange = i < plan.changed.size() && plan.changed[i].slot == slot;
        if (!hasChange && !touched[size_t(slot)])
            continue;
        ChangePlan::CellChange change = hasChange ? plan.changed[i++] : ChangePlan::CellChange{slot, Model::ProblemColumn, Model::ProblemColumn, false};
        if (touched[size_t(slot)]) {
            change.firstColumn = qMin(change.firstColumn, int(Model::ProblemColumn));
            change.lastColumn = qMax(change.lastColumn, int(Model::ProblemColumn));
        }
        merged.push_back(change);
    }
    plan.changed = std::move(merged);
}

} // namespace

ChangePlan SnapshotDiff::compute(const TaskForestPtr &previousForest, const QList<Task> &tasks,
                                 const QList<quint64> &digests, const QDateTime &at)
{
    ChangePlan plan;
    plan.previous = previousForest ? previousForest : TaskForest::empty();
    Matching m;
    plan.forest = TaskForest::build(tasks, digests, &plan.warnings, plan.previous.get(), &m.previousOf);
    const TaskForest &previous = *plan.previous, &next = *plan.forest;
    m.previousOf.resize(size_t(next.size()), -1); // none when there was no previous forest
    m.nextOf.assign(size_t(previous.size()), -1);
    for (int slot = 0; slot < next.size(); ++slot) {
        if (const int old = m.previousOf[size_t(slot)]; old >= 0)
            m.nextOf[size_t(old)] = slot;
    }

    plan.isNew.assign(size_t(next.size()), false);
    std::unordered_map<int, size_t> insertOf; // parent slot -> its entry in plan.inserts
    for (int slot = 0; slot < next.size(); ++slot) {
        const int oldSlot = m.previousOf[size_t(slot)];
        if (oldSlot >= 0) {
            planSurvivor(plan, previous, oldSlot, slot, m);
            continue;
        }
        plan.isNew[size_t(slot)] = true;
        const Task &task = next.task(slot);
        if (failedWithReason(task))
            m.problemAncestors.push_back(next.parent(slot));
        plan.transitions.push_back({task.id, TaskState::Unknown, {}, task.state, task.stateText, {}, true});
        const int parent = next.parent(slot);
        if (parent >= 0 && m.previousOf[size_t(parent)] < 0)
            continue; // under a new task: it travels inside its parent's subtree
        const auto [it, added] = insertOf.try_emplace(parent, plan.inserts.size());
        if (added)
            plan.inserts.push_back({parent, {}});
        plan.inserts[it->second].tops.push_back(slot);
    }
    for (StateChange &change : plan.transitions)
        change.at = at;

    // Gone tasks: the topmost ones (under a survivor or at the top level) take their subtrees with
    // them; survivors inside those subtrees have moved out by then (they are in `moves`).
    for (int oldSlot = 0; oldSlot < previous.size(); ++oldSlot) {
        if (m.nextOf[size_t(oldSlot)] >= 0)
            continue;
        ++plan.goneCount;
        if (failedWithReason(previous.task(oldSlot))) { // its nearest surviving ancestor showed it
            int ancestor = previous.parent(oldSlot);
            while (ancestor >= 0 && m.nextOf[size_t(ancestor)] < 0)
                ancestor = previous.parent(ancestor);
            if (ancestor >= 0)
                m.problemAncestors.push_back(m.nextOf[size_t(ancestor)]);
        }
        const int parent = previous.parent(oldSlot);
        if (parent < 0 || m.nextOf[size_t(parent)] >= 0)
            plan.removals.push_back(oldSlot);
    }
    announceAncestorProblems(plan, m);
    return plan;
}

bool SnapshotDiff::problemMayDiffer(const Task &old, const Task &task)
{
    // The task's own reason shows unless it completed.
    return old.stateDetails != task.stateDetails
        || (!task.stateDetails.isEmpty() && (old.state == TaskState::Completed) != (task.state == TaskState::Completed));
}

SnapshotDiff::Columns SnapshotDiff::changedColumns(const Task &old, quint8 oldMarks, const Task &task, quint8 marks)
{
    int first = Model::ColumnCount, last = -1;
    const auto touch = [&](int column, bool differs) {
        if (differs) {
            first = qMin(first, column);
            last = qMax(last, column);
        }
    };
    touch(Model::NameColumn, old.name != task.name || old.summary != task.summary || oldMarks != marks);
    touch(Model::InternalNameColumn, old.name != task.name);
    touch(Model::StateColumn, old.state != task.state || old.stateText != task.stateText);
    touch(Model::ProblemColumn, problemMayDiffer(old, task));
    const bool placeChanged = old.resourceURI != task.resourceURI || old.resourceCollectionURI != task.resourceCollectionURI
        || old.metadata.labels != task.metadata.labels;
    touch(Model::AppColumn, placeChanged);
    touch(Model::NamespaceColumn, placeChanged);
    touch(Model::ProgressColumn, old.percentDone != task.percentDone || old.state != task.state);
    touch(Model::ServiceColumn, old.service != task.service);
    touch(Model::StartedColumn, old.startTime != task.startTime);
    touch(Model::EndedColumn, old.endTime != task.endTime);
    touch(Model::DurationColumn, old.startTime != task.startTime || old.endTime != task.endTime
                                     || old.cancelTime != task.cancelTime || old.state != task.state);
    touch(Model::ResourceColumn, old.resourceURI != task.resourceURI);
    // What ProgressTracker adds: the ETA cell, and the state's "stalled" mark (StalledRole).
    touch(Model::EtaColumn, old.eta != task.eta || old.state != task.state);
    touch(Model::StateColumn, old.stalledSince.isValid() != task.stalledSince.isValid());
    if (last < 0)
        touch(Model::NameColumn, true); // only fields without a column changed: the task role did
    // A sorting proxy re-checks a row's place only when the changed columns include its sort
    // column: a new place among the siblings is announced on every column.
    // (The keys of the sibling order, and the creation time that orders top-level tasks after
    // their start time: TaskForest::newestFirstLess().)
    if (old.goneAt != task.goneAt) { // the whole row is shown as from history, or listed again
        first = 0;
        last = Model::ColumnCount - 1;
    }
    const bool orderChanged = old.orderHint != task.orderHint || old.startTime != task.startTime
        || old.metadata.creationTimestamp != task.metadata.creationTimestamp;
    if (orderChanged) {
        first = 0;
        last = Model::ColumnCount - 1;
    }
    return {first, last, orderChanged};
}

} // namespace Taskscope
