// FailureGroups: failed tasks grouped by why they failed (their first stateDetails title), counted
// on the planner's worker with each plan.
#pragma once

#include <QList>
#include <QString>

namespace Taskscope {

class TaskForest;

struct FailureGroup
{
    QString title; // the first stateDetails title
    int count = 0; // failed tasks with that title
    friend bool operator==(const FailureGroup &, const FailureGroup &) = default;
};

// Every failed task with a reason, grouped by its first title: the largest group first, then by
// title. O(tasks): run it on a worker.
QList<FailureGroup> groupFailures(const TaskForest &forest);

// The filter expression that selects one group: failed tasks with `title` among their reasons.
QString failureGroupFilter(const QString &title);

} // namespace Taskscope
