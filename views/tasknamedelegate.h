// TaskNameDelegate: the name, with a warning icon when the task is not where its parentTaskID says
// (orphan, self-parent, cycle); the model's tooltip says why.
#pragma once

#include "textcelldelegate.h"

namespace Taskscope {

class TaskNameDelegate final : public TextCellDelegate
{
    Q_OBJECT
public:
    using TextCellDelegate::TextCellDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace Taskscope
