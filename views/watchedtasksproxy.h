// WatchedTasksProxy: the watched tasks (WatchedRole) and their subtasks, over the unfiltered
// TaskTreeModel, each saying which clause of the tree's filter hides it, if one does.
#pragma once

#include <QSortFilterProxyModel>

#include <functional>

namespace Taskscope {

class Task;

class WatchedTasksProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum Role {
        // QString: the clause of the tree's filter that hides the task (FilterPredicate::hiddenBy);
        // empty when the tree shows it. Past TaskTreeModel's roles.
        HiddenByRole = Qt::UserRole + 0x100,
    };

    explicit WatchedTasksProxy(QObject *parent = nullptr);

    // Returns, for a task, the clause that hides it in the tree, or an empty string. Asked when a
    // row is drawn (a handful of rows), never for every task.
    void setHiddenBy(std::function<QString(const Task &)> hiddenBy);
    // The tree's filter changed: every row's hidden-by text may have (one dataChanged per level).
    void refreshHiddenBy();

    // The Name column reads "Backup — hidden by: state eq 'running'" for a task the filter hides,
    // and its tooltip says so in a sentence.
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString hiddenBy(const QModelIndex &index) const;
    void refreshLevel(const QModelIndex &parent);

    std::function<QString(const Task &)> m_hiddenBy;
};

} // namespace Taskscope
