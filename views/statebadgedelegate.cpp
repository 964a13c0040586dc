// StateBadgeDelegate: painted on top of the base delegate (STYLE.md, 8), colours from the palette.
#include "statebadgedelegate.h"

#include "taskcolors.h"
#include "tasktreemodel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace Taskscope {

namespace {
bool isTransitional(TaskState state)
{
    return state == TaskState::Pausing || state == TaskState::Cancelling;
}
} // namespace

void StateBadgeDelegate::drawGlyph(QPainter *painter, TaskState state, const QRectF &r, const QColor &color)
{
    painter->save();
    QPen pen(color, qMax(1.2, r.width() / 7.0));
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    const QPointF c = r.center();
    const double w = r.width(), h = r.height();
    switch (state) {
    case TaskState::NotStarted: // an empty circle
        painter->drawEllipse(r.adjusted(w * 0.1, h * 0.1, -w * 0.1, -h * 0.1));
        break;
    case TaskState::Running: { // a play triangle
        QPainterPath path;
        path.moveTo(r.left() + w * 0.2, r.top() + h * 0.1);
        path.lineTo(r.right() - w * 0.1, c.y());
        path.lineTo(r.left() + w * 0.2, r.bottom() - h * 0.1);
        path.closeSubpath();
        painter->setBrush(color);
        painter->drawPath(path);
        break;
    }
    case TaskState::Completed: { // a check mark
        QPainterPath path;
        path.moveTo(r.left() + w * 0.1, c.y());
        path.lineTo(r.left() + w * 0.4, r.bottom() - h * 0.15);
        path.lineTo(r.right() - w * 0.05, r.top() + h * 0.15);
        painter->drawPath(path);
        break;
    }
    case TaskState::Pausing:   // two bars, the second still outlined: on its way to paused
    case TaskState::Paused: {  // two bars
        const QRectF left(r.left() + w * 0.15, r.top() + h * 0.1, w * 0.22, h * 0.8);
        const QRectF right(r.right() - w * 0.37, r.top() + h * 0.1, w * 0.22, h * 0.8);
        painter->setBrush(color);
        painter->drawRect(left);
        painter->setBrush(state == TaskState::Paused ? QBrush(color) : QBrush(Qt::NoBrush));
        painter->drawRect(right);
        break;
    }
    case TaskState::Cancelling: // a square outline: on its way to cancelled
    case TaskState::Cancelled: { // a filled square
        painter->setBrush(state == TaskState::Cancelled ? QBrush(color) : QBrush(Qt::NoBrush));
        painter->drawRect(r.adjusted(w * 0.18, h * 0.18, -w * 0.18, -h * 0.18));
        break;
    }
    case TaskState::Failed: // a cross
        painter->drawLine(QPointF(r.left() + w * 0.15, r.top() + h * 0.15), QPointF(r.right() - w * 0.15, r.bottom() - h * 0.15));
        painter->drawLine(QPointF(r.right() - w * 0.15, r.top() + h * 0.15), QPointF(r.left() + w * 0.15, r.bottom() - h * 0.15));
        break;
    case TaskState::Unknown: { // a question mark
        QFont font = painter->font();
        font.setBold(true);
        font.setPixelSize(qMax(6, int(h)));
        painter->setFont(font);
        painter->drawText(r, Qt::AlignCenter, QStringLiteral("?"));
        break;
    }
    }
    painter->restore();
}

void StateBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem item(option);
    initStyleOption(&item, index);
    const QString text = item.text;
    item.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &item, painter, widget);

    const auto state = TaskState(index.data(TaskTreeModel::StateRole).toInt());
    const QFontMetricsF fm(option.font);
    const double height = qMin(double(option.rect.height()) - 2.0, fm.height() + 2.0);
    const double glyph = fm.height() * 0.62;
    const double padding = fm.height() * 0.45;
    const double width = qMin(double(option.rect.width()) - 4.0,
                              padding + glyph + padding * 0.6 + fm.horizontalAdvance(text) + padding);
    const QRectF pill(option.rect.left() + 3.0, option.rect.top() + (option.rect.height() - height) / 2.0, width, height);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &palette = option.palette;
    const QColor accent = TaskColors::accent(state, palette);
    const QColor base = palette.color(QPalette::Base);
    QColor fill, border, foreground, glyphColor;
    if (selected) {
        const QColor highlightedText = palette.color(QPalette::HighlightedText);
        fill = TaskColors::mix(palette.color(QPalette::Highlight), highlightedText, 0.18);
        border = highlightedText;
        foreground = highlightedText;
        glyphColor = highlightedText;
    } else {
        // Transitional states sit in between: a paler fill and a dashed edge.
        fill = TaskColors::mix(base, accent, isTransitional(state) ? 0.08 : (TaskColors::isDark(palette) ? 0.35 : 0.2));
        border = accent;
        foreground = palette.color(QPalette::Text);
        glyphColor = accent;
    }

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPen pen(border, 1.0, isTransitional(state) ? Qt::DashLine : Qt::SolidLine);
    painter->setPen(pen);
    painter->setBrush(fill);
    painter->drawRoundedRect(pill.adjusted(0.5, 0.5, -0.5, -0.5), height / 2.0, height / 2.0);
    const QRectF glyphRect(pill.left() + padding, pill.center().y() - glyph / 2.0, glyph, glyph);
    drawGlyph(painter, state, glyphRect, glyphColor);
    const QRectF textRect(glyphRect.right() + padding * 0.6, pill.top(), pill.right() - padding - glyphRect.right() - padding * 0.6,
                          pill.height());
    painter->setPen(foreground);
    painter->setFont(option.font);
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                      fm.elidedText(text, Qt::ElideRight, textRect.width()));
    painter->restore();
}

QSize StateBadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    const QFontMetrics fm(option.font);
    return {base.width() + fm.height() * 2, qMax(base.height(), fm.height() + 4)};
}

} // namespace Taskscope
