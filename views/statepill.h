// StatePill: the state pill (frame, glyph, name and an optional count) painted by the state badge
// delegate and the state bar's chips alike, and the contrast rule that keeps its text readable.
#pragma once

#include "task.h"

#include <QColor>
#include <QFont>
#include <QRectF>
#include <QString>

class QPainter;

namespace Taskscope {

class StatePill final
{
public:
    struct Colors
    {
        QColor fill;
        QColor border;
        QColor foreground; // name and count
        QColor glyph;
    };

    // A fill near `accent` and the one of `text` and `background` that reads better on it, with the
    // fill pushed away from that colour (a step at a time, at most 8) until they reach 4.5:1 (WCAG
    // AA) where it can. Pure: the same colours always give the same answer.
    struct Readable
    {
        QColor fill;
        QColor foreground;
    };
    static Readable readableOn(const QColor &accent, const QColor &text, const QColor &background);

    // Sizes inside the pill, in pixels (callers derive them from font metrics).
    struct Metrics
    {
        double padding; // inside the pill, left and right
        double glyph;   // the glyph's square
        double gap;     // glyph to name, name to count
    };

    // What the pill says. The count, when there is one, sits at the trailing end in `countWidth`.
    struct Label
    {
        QString name;
        QFont nameFont;
        QString count;
        QFont countFont;
        double countWidth = 0.0;
        bool hideLoneEllipsis = false; // an elided name that is only "…" is left out
        bool rightToLeft = false;
    };

    // The rounded frame of `pill`, filled, with a border `borderWidth` wide.
    static void drawFrame(QPainter *painter, const QRectF &pill, const Colors &colors, double borderWidth,
                          Qt::PenStyle borderStyle = Qt::SolidLine);
    // The glyph, the name (elided) and the count inside `pill`.
    static void drawContent(QPainter *painter, const QRectF &pill, TaskState state, const Colors &colors,
                            const Metrics &metrics, const Label &label);
    // Draws the glyph of `state` (never colour alone: each state has its own shape) in `rect`.
    static void drawGlyph(QPainter *painter, TaskState state, const QRectF &rect, const QColor &color);
};

} // namespace Taskscope
