// TaskForest: the immutable tree of one snapshot (id -> slot, parent, children in sibling order, marks).
#pragma once

#include "task.h"

#include <QHash>
#include <QList>
#include <QStringView>

#include <functional>
#include <memory>
#include <vector>

namespace Taskscope {

struct ParseWarning;

// Why a task is not where its parentTaskID says (TaskTreeModel::Mark has the same values).
enum TaskMark : quint8 {
    NoTaskMark = 0,
    OrphanTaskMark = 1,     // the parent is not in the snapshot: a top-level task
    SelfParentTaskMark = 2, // parentTaskID is the task itself: a top-level task
    CycleTaskMark = 4,      // the parent chain loops: the link of the smallest id in the loop is cut
};

// Built once, on a worker thread, from the tasks of one snapshot; never changed afterwards, so any
// thread may read it (the next poll's diff reads the previous forest while the UI shows it).
// Each kept task has a slot: its position among the kept tasks, in the snapshot's order. Each task
// is held once, shared: a task that did not change since the previous forest is that forest's
// object, so the tree model can point at the forest's tasks instead of copying them.
class TaskForest
{
public:
    // One task per id (the first wins; each duplicate and each task without an id adds a warning
    // with its position in `tasks`), the effective parent of each, and loops cut deterministically.
    // `digests` (rawJsonDigest() of each task, aligned with `tasks`) may be empty: tasks built in
    // code are then compared by their bytes and fields. With `previous`, unchanged tasks are taken
    // from it, and `previousSlots` (when given) receives each slot's slot there (-1: new).
    static std::shared_ptr<const TaskForest> build(const QList<Task> &tasks, const QList<quint64> &digests = {},
                                                   QList<ParseWarning> *warnings = nullptr,
                                                   const TaskForest *previous = nullptr,
                                                   std::vector<int> *previousSlots = nullptr);
    // The same, moving the tasks out of a list the caller gives away instead of copying them.
    static std::shared_ptr<const TaskForest> build(QList<Task> &&tasks, const QList<quint64> &digests = {},
                                                   QList<ParseWarning> *warnings = nullptr,
                                                   const TaskForest *previous = nullptr,
                                                   std::vector<int> *previousSlots = nullptr);
    // The same from tasks already shared (no digests, no previous forest): none is copied.
    static std::shared_ptr<const TaskForest> build(std::vector<std::shared_ptr<const Task>> &&tasks,
                                                   QList<ParseWarning> *warnings = nullptr);
    static std::shared_ptr<const TaskForest> empty();

    int size() const { return int(m_tasks.size()); }
    const Task &task(int slot) const { return *m_tasks[size_t(slot)]; }
    // The same object as long as the task does not change from one forest to the next.
    const Task *taskObject(int slot) const { return m_tasks[size_t(slot)].get(); }
    void forEachTask(const std::function<void(const Task &task)> &visit) const;
    quint64 digest(int slot) const { return m_digests.empty() ? 0 : m_digests[size_t(slot)]; }
    int parent(int slot) const { return m_parent[size_t(slot)]; } // -1: a top-level task
    quint8 marks(int slot) const { return m_marks[size_t(slot)]; }
    int slotOf(QStringView id) const { return m_slotById.value(id, 0) - 1; }
    // The task's position in the list the forest was built from.
    qsizetype sourceIndex(int slot) const { return m_source[size_t(slot)]; }

    // The children of `slot` (-1: the top-level tasks), in sibling order (siblingLess()).
    const int *childrenBegin(int slot) const { return m_children.data() + m_childStart[size_t(slot + 1)]; }
    const int *childrenEnd(int slot) const { return m_children.data() + m_childStart[size_t(slot + 2)]; }
    int childCount(int slot) const { return int(childrenEnd(slot) - childrenBegin(slot)); }

    // Slots of the tasks whose duration grows while they run (started, not ended, active state).
    const std::vector<int> &ticking() const { return m_ticking; }

    // Every task depth-first in tree order (parents before children, siblings in sibling order),
    // with its depth. Iterative: safe for chains of any depth.
    void forEachInTreeOrder(const std::function<void(const Task &task, int depth)> &visit) const;

    // Sibling order: orderHint (absent last), then startTime (absent last), then id.
    static bool siblingLess(const Task &a, const Task &b);
    // The window's default order of top-level tasks, newest first: by start time, latest first, then
    // by creation time (metadata.creationTimestamp), newest first; tasks not started yet after every
    // started one (among them, those without a creation time last); ties in sibling order. When
    // many tasks run, many wait a few seconds: placed first, they filled the first screen ahead of
    // what runs and what failed. A task that starts moves to the top.
    static bool newestFirstLess(const Task &a, const Task &b);

    // Whether two versions of a task differ, by digest and size when both are known, else by
    // bytes (and fields, for tasks built in code without bytes).
    static bool sameTask(const Task &a, quint64 digestA, const Task &b, quint64 digestB);

private:
    // `owned`: `tasks` itself when the caller gave it away (its tasks are moved), else null.
    static std::shared_ptr<const TaskForest> buildFrom(const QList<Task> &tasks, QList<Task> *owned,
                                                       const QList<quint64> &digests, QList<ParseWarning> *warnings,
                                                       const TaskForest *previous, std::vector<int> *previousSlots);
    // The one loop behind every build(): peek(i) reads task i, take(i) gives the object to keep.
    template <typename Peek, typename Take>
    static std::shared_ptr<const TaskForest> buildWith(qsizetype count, Peek peek, Take take,
                                                       const QList<quint64> &digests, QList<ParseWarning> *warnings,
                                                       const TaskForest *previous, std::vector<int> *previousSlots);
    void linkParents();
    void cutCycles();
    void buildChildren();

    std::vector<std::shared_ptr<const Task>> m_tasks;
    std::vector<quint64> m_digests; // empty: none known
    std::vector<qsizetype> m_source;
    std::vector<int> m_parent;
    std::vector<quint8> m_marks;
    std::vector<int> m_childStart; // children of slot s: m_children[m_childStart[s + 1] .. m_childStart[s + 2])
    std::vector<int> m_children;
    std::vector<int> m_ticking;
    QHash<QStringView, int> m_slotById; // views into the ids of m_tasks (which never change) -> slot + 1
};

using TaskForestPtr = std::shared_ptr<const TaskForest>;

} // namespace Taskscope
