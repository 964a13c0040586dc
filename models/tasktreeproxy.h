// TaskTreeProxy: the tasks of a TaskTreeModel filtered (a row shows when it matches, when a task
// below it matches, or, with autoAcceptChildRows, when a task above it matches) and sorted per
// level, kept up to date from the model's signals without ever walking the whole tree for one poll.
//
// Why not QSortFilterProxyModel: Qt 6.4's QSortFilterProxyModel::dataChanged handling keeps an
// iterator into its mapping hash across a filter removal (which erases from the hash) and across a
// re-sort (whose layout signals let views create mappings, growing the hash), then reads the
// parent's mapping through it: the proxy indexes it forwards can carry a freed pointer (our tests
// saw it crash QAbstractItemModelTester). It also drops every mapping it holds on any source move
// or layout change, and walks every persistent index twice to re-sort one level. This proxy keeps
// one Level per task that has subtasks, for the whole tree, always complete (hidden levels too),
// keyed by the model's stable node pointers: a change costs the rows it touches.
#pragma once

#include "tasktreemodel.h"

#include <QAbstractProxyModel>

#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

namespace Taskscope {

class TaskTreeProxy : public QAbstractProxyModel
{
    Q_OBJECT
public:
    explicit TaskTreeProxy(QObject *parent = nullptr);
    ~TaskTreeProxy() override;

    // The source must be a TaskTreeModel (or null).
    void setSourceModel(QAbstractItemModel *model) override;

    // Sorts every level by lessThan() over `column` (-1: the model's order). Always sorts again.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    // A dataChanged over the sort column with this role (or no roles) may move its rows.
    void setSortRole(int role) { m_sortRole = role; }
    int sortRole() const { return m_sortRole; }
    // A dataChanged with this role (or no roles) filters its rows again. Setting it filters again.
    void setFilterRole(int role);
    int filterRole() const { return m_filterRole; }
    // Rows below a matching row show too. Setting it filters again.
    void setAutoAcceptChildRows(bool accept);
    bool autoAcceptChildRows() const { return m_autoAcceptChildRows; }

    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    // The columns are the model's, in its order, with or without rows.
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    virtual bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const;
    // Source indexes in the sort column, of one parent.
    virtual bool lessThan(const QModelIndex &left, const QModelIndex &right) const;

    // Filters and sorts everything again under one layout change.
    void invalidate();
    // Filters everything again: rows that go or come are signalled (one layout change instead
    // when many do), rows that stay keep their indexes.
    void invalidateRowsFilter();

    TaskTreeModel *taskModel() const { return m_model; }

private:
    using Node = TaskTreeModel::Node;
    struct Level;
    class Dirty;

    Level *levelOf(const Node *node) const;
    const Level *levelBelow(const QModelIndex &proxyIndex) const;
    Level *ensureLevel(const Node *node);
    std::vector<Level *> levelsPreOrder(Level *top) const;
    bool childHasHits(const Level &level, int sourceRow) const;
    bool shows(const Level &level, int sourceRow) const;
    bool less(const Level &level, int leftRow, int rightRow) const;
    bool isVisible(const Level &level) const;
    QModelIndex proxyIndexOf(const Node *node, int column = 0) const;
    void renumber(Level &level, size_t from);

    void computeMatches(Level &level, bool ancestorMatches);
    void buildLevels(Level *top);
    void buildAll();
    void clearLevels();
    void relayout(const std::function<void()> &change);
    void finishLayout();
    void updateHit(Level *level, int sourceRow, Dirty &dirty);
    void ancestorMatchChanged(const Node *node, Dirty &dirty);
    void syncDeepestFirst(Dirty &dirty);
    void syncLevel(Level &level);
    void removeProxyRows(Level &level, std::vector<int> proxyRows, bool signal);
    void insertSourceRows(Level &level, std::vector<int> sourceRows, bool signal);
    void placeChangedRows(Level &level, int first, int last);
    void forgetSubtree(const Node *node);

    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void onRowsRemoved(const QModelIndex &parent, int first, int last);
    void onLayoutAboutToBeChanged();
    void onLayoutChanged();

    TaskTreeModel *m_model = nullptr;
    std::unordered_map<const Node *, std::unique_ptr<Level>> m_levels;
    Level *m_rootLevel = nullptr; // m_levels[nullptr], once made
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    int m_sortRole = Qt::DisplayRole;
    int m_filterRole = Qt::DisplayRole;
    bool m_autoAcceptChildRows = false;
    int m_removedHits = 0;                         // between rowsAboutToBeRemoved and rowsRemoved
    QList<QPersistentModelIndex> m_layoutSources;  // between the source's layout signals
    QModelIndexList m_layoutProxies;
    std::vector<QMetaObject::Connection> m_connections;
};

} // namespace Taskscope
