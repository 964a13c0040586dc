// StateBadgeDelegate: painted on top of the base delegate (STYLE.md, 8), colours from the palette.
#include "statebadgedelegate.h"

#include "paintcache.h"
#include "statepill.h"
#include "taskcolors.h"
#include "taskformat.h"
#include "tasktreemodel.h"

#include <QApplication>

#include <cmath>

namespace Taskscope {

namespace {
bool isTransitional(TaskState state)
{
    return state == TaskState::Pausing || state == TaskState::Cancelling;
}
} // namespace

void StateBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem item(option);
    initStyleOption(&item, index);
    // Not colour alone: the word itself says that the task stalled (the model's accessible text too).
    const QString text = TaskFormat::stateLabel(item.text, index.data(TaskTreeModel::StalledRole).toBool());
    item.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const RowHighlight::Look look = m_highlight.look(index);
    RowHighlight::paintUnder(painter, item, look);
    style->drawControl(QStyle::CE_ItemViewItem, &item, painter, widget);
    RowHighlight::paintOver(painter, item, index, look);

    const auto state = TaskState(index.data(TaskTreeModel::StateRole).toInt());
    const bool selected = option.state & QStyle::State_Selected;
    // Painted once per look (a screen of rows shows a handful), then drawn from the cache.
    const QString key = QStringLiteral("taskscope-badge/%1/%2/%3/%4/%5/%6")
                            .arg(int(state))
                            .arg(int(selected))
                            .arg(option.palette.cacheKey())
                            .arg(int(option.palette.currentColorGroup()))
                            .arg(option.font.key(), text);
    drawCachedPixmap(painter, option.rect, key, [&](QPainter *onPixmap) {
        paintPill(onPixmap, QRect(QPoint(0, 0), option.rect.size()), option, state, text);
    });
}

void StateBadgeDelegate::paintPill(QPainter *painter, const QRect &rect, const QStyleOptionViewItem &option,
                                   TaskState state, const QString &text)
{
    const QFontMetricsF fm(option.font);
    const double height = qMin(double(rect.height()) - 2.0, fm.height() + 2.0);
    const double glyph = fm.height() * 0.62;
    const double padding = fm.height() * 0.45;
    // Half a pixel to spare at least: the name's room is this width less the same terms, and a
    // rounding error below the exact advance would elide a name that fits ("Running → Fail…").
    const double width = qMin(double(rect.width()) - 4.0,
                              padding + glyph + padding * 0.6 + std::ceil(fm.horizontalAdvance(text) + 0.5) + padding);
    const QRectF pill(rect.left() + 3.0, rect.top() + (rect.height() - height) / 2.0, width, height);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &palette = option.palette;
    const QColor accent = TaskColors::accent(state, palette);
    const QColor base = palette.color(QPalette::Base);
    StatePill::Colors colors;
    if (selected) {
        const QColor highlightedText = palette.color(QPalette::HighlightedText);
        colors = {TaskColors::mix(palette.color(QPalette::Highlight), highlightedText, 0.18), highlightedText,
                  highlightedText, highlightedText};
    } else {
        // Transitional states sit in between: a paler fill and a dashed edge.
        const double amount = isTransitional(state) ? 0.08 : (TaskColors::isDark(palette) ? 0.35 : 0.2);
        colors = {TaskColors::mix(base, accent, amount), accent, palette.color(QPalette::Text), accent};
    }

    StatePill::drawFrame(painter, pill, colors, 1.0, isTransitional(state) ? Qt::DashLine : Qt::SolidLine);
    StatePill::Label label;
    label.name = text;
    label.nameFont = option.font;
    StatePill::drawContent(painter, pill, state, colors, {padding, glyph, padding * 0.6}, label);
}

QSize StateBadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    const QFontMetrics fm(option.font);
    int width = base.width() + fm.height() * 2;
    if (index.data(TaskTreeModel::StalledRole).toBool()) {
        const QString name = index.data(Qt::DisplayRole).toString();
        width += fm.horizontalAdvance(TaskFormat::stateLabel(name, true)) - fm.horizontalAdvance(name);
    }
    return {width, qMax(base.height(), fm.height() + 4)};
}

} // namespace Taskscope
