// modelDifferences(): whether a TaskTreeModel shows exactly a snapshot (for tests; iterative, any depth).
#pragma once

#include "task.h"
#include "tasktreemodel.h"

#include <QHash>
#include <QList>
#include <QString>

#include <vector>

namespace Taskscope {

// Empty when the model shows exactly `snapshot`: the first task of each id with its data, under its
// parent unless marked (marked tasks at the top level, orphans only when the parent is not listed);
// else what differs first.
inline QString modelDifferences(const TaskTreeModel &model, const QList<Task> &snapshot)
{
    QHash<QString, const Task *> first;
    for (const Task &task : snapshot) {
        if (!task.id.isEmpty() && !first.contains(task.id))
            first.insert(task.id, &task);
    }
    if (model.taskCount() != first.size())
        return QStringLiteral("%1 tasks in the model, %2 distinct ids listed").arg(model.taskCount()).arg(first.size());
    qsizetype visited = 0;
    std::vector<QModelIndex> stack{QModelIndex()};
    while (!stack.empty()) {
        const QModelIndex parent = stack.back();
        stack.pop_back();
        const QString parentId = parent.isValid() ? model.task(parent)->id : QString();
        const int rows = model.rowCount(parent);
        for (int row = 0; row < rows; ++row) {
            const QModelIndex index = model.index(row, 0, parent);
            const Task *task = model.task(index);
            if (!task || index.parent() != parent)
                return QStringLiteral("row %1 under '%2' is broken").arg(row).arg(parentId.left(40));
            ++visited;
            const auto expected = first.constFind(task->id);
            if (expected == first.cend())
                return QStringLiteral("task %1 is not in the snapshot").arg(task->id.left(40));
            if (!(*task == **expected))
                return QStringLiteral("task %1 differs from the first of its id").arg(task->id.left(40));
            const TaskTreeModel::Marks marks = model.marks(index);
            if (marks == TaskTreeModel::NoMark && parentId != task->parentTaskID)
                return QStringLiteral("task %1 is under '%2', its parent is '%3'")
                    .arg(task->id.left(40), parentId.left(40), task->parentTaskID.left(40));
            if (marks != TaskTreeModel::NoMark && parent.isValid())
                return QStringLiteral("marked task %1 is not at the top level").arg(task->id.left(40));
            if ((marks & TaskTreeModel::OrphanMark) && first.contains(task->parentTaskID))
                return QStringLiteral("task %1 is marked orphan, but its parent is listed").arg(task->id.left(40));
            stack.push_back(index);
        }
    }
    return visited == first.size() ? QString() : QStringLiteral("walked %1 of %2 tasks").arg(visited).arg(first.size());
}

} // namespace Taskscope
