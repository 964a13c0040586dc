// FailureGroupsView: View › Group Failures by Cause: one line per reason ("Out of space ×12"),
// largest first; activating a line asks for the tasks of that group.
#pragma once

#include "failuregroups.h"

#include <QTreeWidget>

namespace Taskscope {

class FailureGroupsView final : public QTreeWidget
{
    Q_OBJECT
public:
    explicit FailureGroupsView(QWidget *parent = nullptr);

    // Replaces the lines, keeping the current one (by title) where it still exists.
    void setGroups(const QList<FailureGroup> &groups);
    const QList<FailureGroup> &groups() const { return m_groups; }

Q_SIGNALS:
    void groupActivated(const QString &title);

private:
    QList<FailureGroup> m_groups;
};

} // namespace Taskscope
