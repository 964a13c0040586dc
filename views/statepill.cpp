// StatePill: one painter for the state badge and the state chips, so that the two cannot drift apart.
#include "statepill.h"

#include "taskcolors.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

namespace Taskscope {

StatePill::Readable StatePill::readableOn(const QColor &accent, const QColor &text, const QColor &background)
{
    // Whichever of the two text colours reads better on the accent. A mid-grey accent (NotStarted,
    // Unknown) reads poorly with both: push it away from the text until it reaches 4.5:1.
    Readable result{accent, TaskColors::contrast(text, accent) >= TaskColors::contrast(background, accent) ? text : background};
    const QColor away = result.foreground == text ? background : text;
    for (int step = 0; step < 8 && TaskColors::contrast(result.foreground, result.fill) < 4.5; ++step)
        result.fill = TaskColors::mix(result.fill, away, 0.12);
    return result;
}

void StatePill::drawFrame(QPainter *painter, const QRectF &pill, const Colors &colors, double borderWidth,
                          Qt::PenStyle borderStyle)
{
    const double radius = pill.height() / 2.0;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(colors.border, borderWidth, borderStyle));
    painter->setBrush(colors.fill);
    painter->drawRoundedRect(pill.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
    painter->restore();
}

void StatePill::drawContent(QPainter *painter, const QRectF &pill, TaskState state, const Colors &colors,
                            const Metrics &metrics, const Label &label)
{
    // Laid out left to right, then mirrored as a whole when the layout runs right to left.
    const auto visual = [&](const QRectF &r) {
        if (!label.rightToLeft)
            return r;
        return QRectF(pill.left() + pill.right() - r.right(), r.top(), r.width(), r.height());
    };
    const QRectF glyphRect(pill.left() + metrics.padding, pill.center().y() - metrics.glyph / 2.0, metrics.glyph,
                           metrics.glyph);
    const bool hasCount = !label.count.isEmpty();
    const double countLeft = pill.right() - metrics.padding - (hasCount ? label.countWidth : 0.0);
    const double nameLeft = glyphRect.right() + metrics.gap;
    const double nameRight = hasCount ? countLeft - metrics.gap : countLeft;
    const QRectF nameRect(nameLeft, pill.top(), qMax(0.0, nameRight - nameLeft), pill.height());

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    drawGlyph(painter, state, visual(glyphRect), colors.glyph);
    painter->setPen(colors.foreground);
    painter->setFont(label.nameFont);
    QString elided = QFontMetricsF(label.nameFont).elidedText(label.name, Qt::ElideRight, nameRect.width());
    if (label.hideLoneEllipsis && elided == QStringView(u"\u2026"))
        elided.clear(); // a lone ellipsis says nothing: glyph and count remain
    const Qt::Alignment leading = label.rightToLeft ? Qt::AlignRight : Qt::AlignLeft;
    const Qt::Alignment trailing = label.rightToLeft ? Qt::AlignLeft : Qt::AlignRight;
    painter->drawText(visual(nameRect), Qt::AlignVCenter | leading, elided);
    if (hasCount) {
        painter->setFont(label.countFont);
        painter->drawText(visual(QRectF(countLeft, pill.top(), label.countWidth, pill.height())),
                          Qt::AlignVCenter | trailing, label.count);
    }
    painter->restore();
}

void StatePill::drawGlyph(QPainter *painter, TaskState state, const QRectF &r, const QColor &color)
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

} // namespace Taskscope
