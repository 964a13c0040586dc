// TaskTreeView: the tree of tasks, tuned for large lists (uniform rows, fixed default widths).
#pragma once

#include <QTreeView>

class QMenu;

namespace Taskscope {

class TaskTreeView final : public QTreeView
{
    Q_OBJECT
public:
    explicit TaskTreeView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;

    // The header's context menu: one checkable entry per column (the Name column always stays).
    QMenu *createColumnMenu(QWidget *parent);

private:
    void applyDefaultWidths();
};

} // namespace Taskscope
