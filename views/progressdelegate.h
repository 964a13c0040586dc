// ProgressDelegate: percentDone as a progress bar drawn by the style, red when failed, blue when cancelled.
#pragma once

#include <QStyledItemDelegate>

namespace Taskscope {

class ProgressDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Taskscope
