// RowHighlight: what the tree's delegates draw on a row that just changed (a tint fading over 5 s) or
// that failed unseen (a steady tint and a bar at the row's left edge), from the model's roles.
#pragma once

#include <QDateTime>

#include <functional>

class QModelIndex;
class QPainter;
class QStyleOptionViewItem;

namespace Taskscope {

class RowHighlight final
{
public:
    static constexpr qint64 FadeMs = 5000;

    // What one cell shows, read once per paint from ChangedAtRole and UnseenFailureRole.
    struct Look
    {
        double change = 0;          // 1 just changed, fading linearly to 0 at FadeMs
        bool unseenFailure = false; // a steady failure highlight (it wins over the fade)
        bool isEmpty() const { return change <= 0 && !unseenFailure; }
    };

    // The clock the fade is measured by (the window's Scheduler::now()); without one, no fade.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    // How strong the highlight of a change at `changedAt` is at `now`: 1 at once, 0 from FadeMs on
    // (and for an invalid time).
    static double strength(const QDateTime &changedAt, const QDateTime &now);

    Look look(const QModelIndex &index) const;
    // Before the style draws the item: the tint (a selected row shows its selection instead).
    static void paintUnder(QPainter *painter, const QStyleOptionViewItem &option, const Look &look);
    // After: the unseen failure's bar, at the left edge of the row's first cell on screen.
    static void paintOver(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index,
                          const Look &look);

private:
    std::function<QDateTime()> m_clock;
};

} // namespace Taskscope
