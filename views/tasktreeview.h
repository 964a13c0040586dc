// TaskTreeView: the tree of tasks, tuned for large lists (uniform rows, fixed default widths).
#pragma once

#include "filterrequest.h"

#include <QDateTime>
#include <QPersistentModelIndex>
#include <QTreeView>

#include <functional>
#include <utility>
#include <vector>

class QMenu;

namespace Taskscope {

class ChangeHighlighter;

class TaskTreeView final : public QTreeView
{
    Q_OBJECT
public:
    explicit TaskTreeView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;

    // Expands `parent` and every task with subtasks below it (all of them for the root), down to
    // `levels` levels of rows (-1: all; 1: the top-level rows, or `parent` alone). Unlike
    // QTreeView::expandAll() and its '*' key, rows without children stay out of the set of
    // expanded rows: each expanded row is a persistent index, which every re-sort and layout
    // change of the model walks (10,000 of them for a fully expanded list of 10,000 tasks, 6 ms
    // per re-sort; its parents are about a quarter). The '*' key expands the current task this way.
    void expandSubtasks(const QModelIndex &parent = {}, int levels = -1);
    // The same for each of `parents`, with one layout for all of them.
    void expandSubtasksOf(const QModelIndexList &parents, int levels);
    // Collapses `parent` and every task below it (all of them for the root).
    void collapseSubtasks(const QModelIndex &parent);

    // Lays the rows out, then puts the rows on screen back where they were (see noteAnchor()).
    void doItemsLayout() override;

    // The header's context menu: one checkable entry per column (the Name column always stays).
    QMenu *createColumnMenu(QWidget *parent);
    // A cell's context menu: show only / exclude its value (see FilterMenu); copy the cell, the
    // task's JSON or its id; expand or collapse its subtree. Null when `index` is no task. The
    // copies take what was right-clicked; the subtree entries follow the task wherever polls move
    // it (and do nothing once it is gone).
    QMenu *createCellMenu(const QModelIndex &index, QWidget *parent);

    // Stale data (the last poll failed): every row is drawn as disabled (dimmed), so that old
    // rows never look live.
    void setStale(bool stale);
    bool isStale() const { return m_stale; }
    // The clock of the change highlight (the window's Scheduler::now()): the delegates fade a changed
    // row's tint by it (RowHighlight), and changeHighlighter() repaints while a fade lasts. A
    // dataChanged whose roles hold TaskTreeModel::ChangedAtRole starts a fade (as notifyChanged(now)).
    void setClock(std::function<QDateTime()> clock);
    ChangeHighlighter *changeHighlighter() const { return m_highlighter; }

    // For tests: the option a cell is drawn with.
    void initViewItemOptionForTest(QStyleOptionViewItem *option) const { initViewItemOption(option); }

Q_SIGNALS:
    void filterRequested(const Taskscope::FilterRequest &request);
    // The context menu's Watch, or a click on the star column.
    void watchRequested(const QString &taskId, bool watch);

protected:
    void initViewItemOption(QStyleOptionViewItem *option) const override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles = {}) override;
    void paintEvent(QPaintEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void rowsInserted(const QModelIndex &parent, int start, int end) override;
    void rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end) override;

private:
    QPersistentModelIndex m_pressedStar; // where a left button went down on the star column
    bool m_stale = false;
    ChangeHighlighter *m_highlighter;
    std::function<QDateTime()> m_clock;
    // A row on screen: its parent and row, and the top of its rectangle in the viewport.
    struct ShownRow
    {
        QModelIndex parent;
        int row;
        int top;
    };
    // A row on screen before the rows changed: where its top was in the viewport.
    struct AnchorRow
    {
        QPersistentModelIndex index;
        int top;
    };
    void addCopyActions(QMenu *menu, const QModelIndex &index);
    void addSubtreeActions(QMenu *menu, const QModelIndex &index);
    void noteAnchor();
    void restoreAnchor();
    void releaseAnchor();
    void applyDefaultWidths();
    std::vector<std::pair<int, int>> columnSpans(int first, int last) const;
    void collectShownRows();
    void forgetShownRows();
    void rowsMayHaveMoved();

    std::vector<ShownRow> m_shownRows; // valid for one pass of the event loop (m_shownRowsValid)
    int m_shownRowHeight = 0;
    bool m_shownRowsValid = false;
    bool m_layoutPending = true; // rows came, went or moved since the last paint: where rows are is not known
    std::vector<AnchorRow> m_anchor; // the rows on screen, from the top, during one event loop pass
    bool m_anchorNoted = false;      // in this pass (m_anchor may be empty: nothing was on screen)
    QList<QMetaObject::Connection> m_modelConnections;
};

} // namespace Taskscope
