// RowHighlight: the change tint, the unseen failure's tint and bar; palette colours, nothing allocated.
#include "rowhighlight.h"

#include "taskcolors.h"
#include "tasktreemodel.h"

#include <QPainter>
#include <QStyle>
#include <QStyleOptionViewItem>

namespace Taskscope {

namespace {

// Opacity of the tints at their strongest: light enough that Text (and the badges' colours) keep
// their contrast on Base, in light and dark palettes alike (tests/tst_delegates checks 4.5:1).
constexpr double changeOpacity = 0.35;
constexpr double failureOpacity = 0.22;

bool isFirstOnScreen(const QStyleOptionViewItem &option, const QModelIndex &index)
{
    switch (option.viewItemPosition) {
    case QStyleOptionViewItem::Beginning:
    case QStyleOptionViewItem::OnlyOne:
        return true;
    case QStyleOptionViewItem::Invalid:
        return index.column() == 0; // a view that does not say (a list): the first column
    default:
        return false;
    }
}

} // namespace

double RowHighlight::strength(const QDateTime &changedAt, const QDateTime &now)
{
    if (!changedAt.isValid() || !now.isValid())
        return 0;
    const qint64 elapsed = qMax<qint64>(0, changedAt.msecsTo(now)); // a change "after" now: just now
    if (elapsed >= FadeMs)
        return 0;
    return 1.0 - double(elapsed) / double(FadeMs);
}

RowHighlight::Look RowHighlight::look(const QModelIndex &index) const
{
    Look look;
    look.unseenFailure = index.data(TaskTreeModel::UnseenFailureRole).toBool();
    if (!look.unseenFailure && m_clock) {
        const QDateTime changedAt = index.data(TaskTreeModel::ChangedAtRole).toDateTime();
        if (changedAt.isValid())
            look.change = strength(changedAt, m_clock());
    }
    return look;
}

void RowHighlight::paintUnder(QPainter *painter, const QStyleOptionViewItem &option, const Look &look)
{
    if (look.isEmpty() || option.state & QStyle::State_Selected)
        return;
    // Mixed here with the row's background and filled opaque: a translucent fill blends every pixel
    // of every cell, which made a screen of highlighted rows a quarter slower to paint.
    const QColor background = option.palette.color(option.features & QStyleOptionViewItem::Alternate
                                                       ? QPalette::AlternateBase
                                                       : QPalette::Base);
    const QColor tint = look.unseenFailure
                            ? TaskColors::mix(background, TaskColors::accent(TaskState::Failed, option.palette), failureOpacity)
                            : TaskColors::mix(background, option.palette.color(QPalette::Highlight), changeOpacity * look.change);
    painter->fillRect(option.rect, tint);
}

void RowHighlight::paintOver(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index,
                             const Look &look)
{
    if (!look.unseenFailure || !isFirstOnScreen(option, index))
        return;
    // Not colour alone: a bar a fifth of a line wide, which a selected row shows too.
    const int width = qMax(3, option.fontMetrics.height() / 5);
    QRect bar = option.rect;
    if (option.direction == Qt::RightToLeft)
        bar.setLeft(bar.right() - width + 1);
    else
        bar.setWidth(width);
    const QColor color = option.state & QStyle::State_Selected
                             ? option.palette.color(QPalette::HighlightedText)
                             : TaskColors::accent(TaskState::Failed, option.palette);
    painter->fillRect(bar, color);
}

} // namespace Taskscope
