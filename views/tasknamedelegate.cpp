// TaskNameDelegate: the name, with a warning icon on orphans, self-parents and cut cycles, and a
// clock on tasks shown from history.
#include "tasknamedelegate.h"

#include "tasktreemodel.h"

#include <QApplication>
#include <QPainter>
#include <QPixmap>
#include <QStyle>

namespace Taskscope {

namespace {

// A clock face in the text's colour: "from history", drawn so that it follows the theme.
QIcon historyIcon(int side, const QColor &color, qreal devicePixelRatio)
{
    QPixmap pixmap(QSize(side, side) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal pen = qMax<qreal>(1.0, side / 12.0);
    painter.setPen(QPen(color, pen, Qt::SolidLine, Qt::RoundCap));
    const QRectF face = QRectF(0, 0, side, side).adjusted(pen * 1.5, pen * 1.5, -pen * 1.5, -pen * 1.5);
    painter.drawEllipse(face);
    const QPointF centre = face.center();
    painter.drawLine(centre, centre - QPointF(0, face.height() * 0.32));
    painter.drawLine(centre, centre + QPointF(face.width() * 0.24, 0));
    return QIcon(pixmap);
}

} // namespace

void TaskNameDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    TextCellDelegate::initStyleOption(option, index);
    const bool marked = index.data(TaskTreeModel::MarksRole).toInt() != TaskTreeModel::NoMark;
    const bool fromHistory = index.data(TaskTreeModel::FromHistoryRole).toBool();
    if (!marked && !fromHistory)
        return;
    const int side = option->fontMetrics.height();
    if (marked) {
        const QStyle *style = option->widget ? option->widget->style() : QApplication::style();
        static const QIcon warning = style->standardIcon(QStyle::SP_MessageBoxWarning);
        option->icon = warning;
    } else {
        const QColor color = option->palette.color(QPalette::Disabled, QPalette::Text);
        const qreal ratio = option->widget ? option->widget->devicePixelRatioF() : qApp->devicePixelRatio();
        if (m_historyIconSide != side || m_historyIconColor != color) {
            m_historyIcon = historyIcon(side, color, ratio);
            m_historyIconSide = side;
            m_historyIconColor = color;
        }
        option->icon = m_historyIcon;
    }
    option->features |= QStyleOptionViewItem::HasDecoration;
    option->decorationSize = QSize(side, side);
}

} // namespace Taskscope
