// TextCellDelegate: the style's panel, then the text from a cache of laid-out texts.
#include "textcelldelegate.h"

#include <QApplication>
#include <QPainter>

namespace Taskscope {

bool TextCellDelegate::drawsFromCache(const QStyleOptionViewItem &option)
{
    constexpr auto otherFeatures = QStyleOptionViewItem::HasDecoration | QStyleOptionViewItem::HasCheckIndicator
                                   | QStyleOptionViewItem::WrapText;
    if (option.features & otherFeatures || option.state & QStyle::State_Editing)
        return false;
    for (const QChar c : option.text) {
        if (c == u'\n' || c == QChar::LineSeparator || c == QChar::ParagraphSeparator || c == u'\t')
            return false;
    }
    return true;
}

void TextCellDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem item(option);
    initStyleOption(&item, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const RowHighlight::Look look = m_highlight.look(index);
    RowHighlight::paintUnder(painter, item, look);
    if (!drawsFromCache(item)) {
        style->drawControl(QStyle::CE_ItemViewItem, &item, painter, widget);
        RowHighlight::paintOver(painter, item, index, look);
        return;
    }
    const QString text = std::exchange(item.text, QString());
    style->drawControl(QStyle::CE_ItemViewItem, &item, painter, widget); // the panel: background, selection
    RowHighlight::paintOver(painter, item, index, look);
    if (text.isEmpty())
        return;
    // The pen and margins QCommonStyle gives an item's text.
    QPalette::ColorGroup group = item.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    if (group == QPalette::Normal && !(item.state & QStyle::State_Active))
        group = QPalette::Inactive;
    const QPalette::ColorRole role = item.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text;
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    painter->save();
    painter->setPen(item.palette.color(group, role));
    if (item.textElideMode == Qt::ElideNone) // otherwise the text is elided to the cell's width
        painter->setClipRect(item.rect, Qt::IntersectClip);
    m_cache.draw(painter, item.rect.adjusted(margin, 0, -margin, 0), item.displayAlignment, item.direction, text,
                 item.font, item.textElideMode);
    painter->restore();
}

} // namespace Taskscope
