// NewestFirstProxyModel: top-level tasks newest first (what an operator looks for); subtasks keep
// the model's order (orderHint, then start time).
#pragma once

#include <QSortFilterProxyModel>

namespace Taskscope {

class NewestFirstProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit NewestFirstProxyModel(QObject *parent = nullptr);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

} // namespace Taskscope
