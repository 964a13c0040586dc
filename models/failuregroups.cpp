// FailureGroups: see failuregroups.h.
#include "failuregroups.h"

#include "filterlanguage.h"
#include "taskforest.h"

#include <QHash>

#include <algorithm>

namespace Taskscope {

QList<FailureGroup> groupFailures(const TaskForest &forest)
{
    QHash<QString, int> counts;
    for (int slot = 0; slot < forest.size(); ++slot) {
        const Task &task = forest.task(slot);
        if (task.state == TaskState::Failed && !task.stateDetails.isEmpty())
            ++counts[task.stateDetails.first().title];
    }
    QList<FailureGroup> groups;
    groups.reserve(counts.size());
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        groups.append({it.key(), it.value()});
    std::sort(groups.begin(), groups.end(), [](const FailureGroup &a, const FailureGroup &b) {
        return a.count != b.count ? a.count > b.count : a.title < b.title;
    });
    return groups;
}

QString failureGroupFilter(const QString &title)
{
    return QStringLiteral("state eq 'failed' and stateDetails[*].title eq %1").arg(quoteFilterText(title));
}

} // namespace Taskscope
