// TaskTreeView: the tree of tasks, tuned for large lists (uniform rows, fixed default widths).
#pragma once

#include "filterrequest.h"

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
    // A cell's context menu: show only / exclude its value (see FilterMenu); null when it offers none.
    QMenu *createCellMenu(const QModelIndex &index, QWidget *parent);

Q_SIGNALS:
    void filterRequested(const Taskscope::FilterRequest &request);

private:
    void applyDefaultWidths();
};

} // namespace Taskscope
