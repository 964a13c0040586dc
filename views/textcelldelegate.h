// TextCellDelegate: a cell's text laid out once and kept, not at every paint.
//
// QStyledItemDelegate lays out and shapes each cell's text at each paint (QTextLayout, HarfBuzz),
// to measure it and again to draw it: that was half of what repainting a screen of tasks cost.
// Here a text is elided and shaped once per (text, width, elide mode, font) into a QStaticText,
// and later paints draw the glyphs it keeps. The panel under the text (background, selection,
// hover) is still the style's. Cells the fast path does not cover (an icon, a check box, wrapped
// or multi-line text, an editor open) are painted by QStyledItemDelegate as before.
#pragma once

#include "paintcache.h"
#include "rowhighlight.h"

#include <QStyledItemDelegate>

namespace Taskscope {

class TextCellDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Whether a cell with these options is drawn from the cache (the others as Qt draws them).
    static bool drawsFromCache(const QStyleOptionViewItem &option);

    // The clock of the change highlight (RowHighlight): the window's Scheduler::now().
    void setClock(std::function<QDateTime()> clock) { m_highlight.setClock(std::move(clock)); }

private:
    mutable CellTextCache m_cache;
    RowHighlight m_highlight;
};

} // namespace Taskscope
