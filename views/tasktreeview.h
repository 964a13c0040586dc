// TaskTreeView: the tree of tasks, tuned for large lists (uniform rows, fixed default widths).
#pragma once

#include <QTreeView>

namespace Taskscope {

class TaskTreeView final : public QTreeView
{
    Q_OBJECT
public:
    explicit TaskTreeView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;

private:
    void applyDefaultWidths();
};

} // namespace Taskscope
