// WatchedStrip: a small list above the tree of the watched tasks and their subtasks (name, state,
// progress, ETA), whatever the tree's filter; a task the filter hides says which clause hides it.
#pragma once

#include <QDateTime>
#include <QWidget>

#include <functional>

class QAbstractItemModel;
class QLabel;
class QMenu;
class QModelIndex;
class QTreeView;

namespace Taskscope {

class Task;
class WatchedTasksProxy;

class WatchedStrip final : public QWidget
{
    Q_OBJECT
public:
    // At most this many rows tall; more scroll.
    static constexpr int MaxVisibleRows = 5;

    explicit WatchedStrip(QWidget *parent = nullptr);

    // The source TaskTreeModel (not the filtered or sorted one: the strip ignores the filter).
    void setSourceModel(QAbstractItemModel *model);
    // Whether any task is watched (the window knows its set of watched ids). While none is, the
    // proxy is detached from the source: its recursive filter would read WatchedRole of every task
    // at every poll that changes the tree's layout (tst_watchedstrip pollCostWithTheStrip).
    void setAnyWatched(bool any);
    // FilterPredicate::hiddenBy of the tree's filter, or empty for a task the tree shows.
    void setHiddenBy(std::function<QString(const Task &)> hiddenBy);
    // The tree's filter changed: the hidden-by texts are asked again.
    void refreshHiddenBy();
    // The clock of the delegates' change highlight (the window's Scheduler::now()).
    void setClock(const std::function<QDateTime()> &clock);

    WatchedTasksProxy *proxy() const { return m_proxy; }
    QTreeView *view() const { return m_view; }
    // The context menu of a row of the strip (an index of proxy()): "Stop Watching" the watched task
    // it is, or is a subtask of. Null for no row.
    QMenu *createContextMenu(const QModelIndex &index, QWidget *parent);

Q_SIGNALS:
    void taskActivated(const QString &id);
    void unwatchRequested(const QString &id);

private:
    void scheduleUpdate();
    void refresh();
    void hideOtherColumns();
    int shownRowCount(const QModelIndex &parent, int limit) const;

    QLabel *m_title;
    QTreeView *m_view;
    WatchedTasksProxy *m_proxy;
    QAbstractItemModel *m_source = nullptr;
    bool m_anyWatched = true;
    int m_columnCount = -1; // the proxy's, when the other columns were last hidden
    bool m_updateScheduled = false;
};

} // namespace Taskscope
