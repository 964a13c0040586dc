// SnapshotDiff: compares a snapshot with the previous TaskForest and plans the change, on any thread.
#pragma once

#include "changeplan.h"

namespace Taskscope {

class SnapshotDiff
{
public:
    // Builds the forest of `tasks` (`digests` aligned with them, or empty) and diffs it against
    // `previous` (null: an empty tree). Reads only immutable data: safe on a worker thread while the
    // UI shows `previous`. `at` stamps the plan's transitions.
    static ChangePlan compute(const TaskForestPtr &previous, const QList<Task> &tasks,
                              const QList<quint64> &digests = {}, const QDateTime &at = {});

    // The TaskTreeModel columns whose cells differ between two versions of a task ([first, last]; an
    // empty range means none), and whether its place among its siblings may have changed.
    struct Columns
    {
        int first;
        int last;
        bool orderChanged;
    };
    static Columns changedColumns(const Task &old, quint8 oldMarks, const Task &task, quint8 marks);
    // The Problem cell may read differently (the task's state or stateDetails changed).
    static bool problemMayDiffer(const Task &old, const Task &task);
};

} // namespace Taskscope
