// ProgressDelegate: percentDone as a progress bar drawn by the style (STYLE.md, 7).
#include "progressdelegate.h"

#include "paintcache.h"
#include "taskcolors.h"
#include "tasktreemodel.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOptionProgressBar>

namespace Taskscope {

void ProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // The item panel first (background, selection), without its text.
    QStyleOptionViewItem item(option);
    initStyleOption(&item, index);
    item.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const RowHighlight::Look look = m_highlight.look(index);
    RowHighlight::paintUnder(painter, item, look);
    style->drawControl(QStyle::CE_ItemViewItem, &item, painter, widget);
    RowHighlight::paintOver(painter, item, index, look);

    const QVariant raw = index.data(TaskTreeModel::RawRole);
    const auto state = TaskState(index.data(TaskTreeModel::StateRole).toInt());
    QStyleOptionProgressBar bar;
    bar.initFrom(widget ? widget : nullptr);
    bar.state = (option.state & QStyle::State_Enabled) | QStyle::State_Horizontal; // Qt 6 needs Horizontal
    bar.direction = option.direction;
    bar.fontMetrics = option.fontMetrics;
    bar.palette = option.palette;
    bar.minimum = 0;
    bar.maximum = 1000; // tenths of a percent
    if (raw.isValid()) {
        bar.progress = qBound(0, qRound(raw.toDouble() * 10.0), 1000);
        bar.text = index.data(Qt::DisplayRole).toString();
        bar.textVisible = true;
    } else {
        // No percentDone: an empty, quiet bar with no number, not a misleading 0 %.
        bar.progress = 0;
        bar.textVisible = false;
        bar.state &= ~QStyle::State_Enabled;
    }
    const bool accented = state == TaskState::Failed || state == TaskState::Cancelled;
    if (accented)
        bar.palette.setColor(QPalette::Highlight, TaskColors::accent(state, option.palette));
    // Painted by the style once per look (a screen of rows shows few), then drawn from the cache.
    const QRect target = option.rect.adjusted(2, 2, -2, -2);
    bar.rect = QRect(QPoint(0, 0), target.size());
    const QString key = QStringLiteral("taskscope-progress/%1/%2/%3/%4/%5/%6/%7/%8")
                            .arg(bar.progress)
                            .arg(int(bar.state))
                            .arg(int(bar.direction))
                            .arg(accented ? bar.palette.color(QPalette::Highlight).rgba() : 0u)
                            .arg(option.palette.cacheKey())
                            .arg(int(option.palette.currentColorGroup()))
                            .arg(option.font.key(), bar.text);
    drawCachedPixmap(painter, target, key, [&](QPainter *onPixmap) {
        onPixmap->setFont(option.font);
        style->drawControl(QStyle::CE_ProgressBar, &bar, onPixmap, widget);
    });
}

} // namespace Taskscope
