// NewestFirstProxyModel: by default top-level tasks newest first (what an operator looks for) with
// subtasks in the model's order (orderHint, then start time); a header click sorts every level by
// that column's raw value instead.
#pragma once

#include <QSortFilterProxyModel>

namespace Taskscope {

class NewestFirstProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit NewestFirstProxyModel(QObject *parent = nullptr);

    // The default order.
    void sortNewestFirst();
    bool isNewestFirst() const { return !m_columnSort; }

    // By the raw value (TaskTreeModel::RawRole) of `column`: numbers as numbers, times as times.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool m_columnSort = false;
};

} // namespace Taskscope
