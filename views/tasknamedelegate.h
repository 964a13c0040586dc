// TaskNameDelegate: the name, with a warning icon when the task is not where its parentTaskID says
// (orphan, self-parent, cycle), and a clock when it is shown from history; the model's tooltip says why.
#pragma once

#include "textcelldelegate.h"

#include <QColor>
#include <QIcon>

namespace Taskscope {

class TaskNameDelegate final : public TextCellDelegate
{
    Q_OBJECT
public:
    using TextCellDelegate::TextCellDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    mutable QIcon m_historyIcon; // drawn once per size and colour
    mutable int m_historyIconSide = 0;
    mutable QColor m_historyIconColor;
};

} // namespace Taskscope
