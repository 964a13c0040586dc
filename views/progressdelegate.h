// ProgressDelegate: percentDone as a progress bar drawn by the style, red when failed, blue when cancelled.
#pragma once

#include "rowhighlight.h"

#include <QStyledItemDelegate>

namespace Taskscope {

class ProgressDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The clock of the change highlight (RowHighlight): the window's Scheduler::now().
    void setClock(std::function<QDateTime()> clock) { m_highlight.setClock(std::move(clock)); }

private:
    RowHighlight m_highlight;
};

} // namespace Taskscope
