// NewestFirstProxyModel: by default top-level tasks newest first, the latest started first and those
// not started yet last (what an operator looks for:
// TaskForest::newestFirstLess) with
// subtasks in sibling order (TaskTreeModel::siblingLess: orderHint, then start time); a header
// click sorts every level by that column's raw value instead (ties in sibling order). It filters
// too (one proxy: sorting and filtering share a mapping), and gives rows shown only as context a
// dimmed text colour.
#pragma once

#include "taskfilterproxymodel.h"

namespace Taskscope {

class NewestFirstProxyModel final : public TaskFilterProxyModel
{
    Q_OBJECT
public:
    explicit NewestFirstProxyModel(QObject *parent = nullptr);

    // The default order.
    void sortNewestFirst();
    bool isNewestFirst() const { return !m_columnSort; }

    // By the raw value (TaskTreeModel::RawRole) of `column`: numbers as numbers, times as times.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    // Also tells the model which column this proxy sorts by (TaskTreeModel::setSortColumnHint).
    void setSourceModel(QAbstractItemModel *model) override;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void hintSortColumn();

    bool m_columnSort = false;
};

} // namespace Taskscope
