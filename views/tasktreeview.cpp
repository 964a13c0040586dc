// TaskTreeView: the tree of tasks, tuned for large lists (uniform rows, fixed default widths).
#include "tasktreeview.h"

#include "changehighlighter.h"
#include "progressdelegate.h"
#include "statebadgedelegate.h"
#include "tasknamedelegate.h"
#include "tasktreemodel.h"
#include "textcelldelegate.h"

#include <QAccessible>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QScrollBar>
#include <QTimer>

#include <algorithm>
#include <optional>
#include <vector>

namespace Taskscope {

TaskTreeView::TaskTreeView(QWidget *parent)
    : QTreeView(parent)
    , m_highlighter(new ChangeHighlighter(this, {}))
{
    setUniformRowHeights(true); // the row height is computed once, whatever the row count
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setAllColumnsShowFocus(true);
    header()->setStretchLastSection(true);
    header()->setSectionsMovable(true);
    setItemDelegate(new TextCellDelegate(this)); // texts laid out once, not at every paint
    setItemDelegateForColumn(TaskTreeModel::ProgressColumn, new ProgressDelegate(this));
    setItemDelegateForColumn(TaskTreeModel::StateColumn, new StateBadgeDelegate(this));
    setItemDelegateForColumn(TaskTreeModel::NameColumn, new TaskNameDelegate(this));
    for (const auto signal : {&QTreeView::expanded, &QTreeView::collapsed}) {
        connect(this, signal, this, &TaskTreeView::rowsMayHaveMoved);
    }
    header()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header(), &QHeaderView::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu *menu = createColumnMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(header()->viewport()->mapToGlobal(pos));
    });
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu *menu = createCellMenu(indexAt(pos), this);
        if (!menu)
            return;
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(viewport()->mapToGlobal(pos));
    });
}

void TaskTreeView::expandSubtasks(const QModelIndex &parent, int levels)
{
    expandSubtasksOf({parent}, levels);
}

void TaskTreeView::expandSubtasksOf(const QModelIndexList &parents, int levels)
{
    QAbstractItemModel *m = model();
    if (!m || levels == 0 || !itemsExpandable())
        return;
    // Each index with the level of its children: a task given is level 1, its children level 2.
    std::vector<std::pair<QModelIndex, int>> pending;
    bool any = false;
    for (const QModelIndex &given : parents) {
        const QModelIndex parent = given.siblingAtColumn(0);
        if ((parent.isValid() && parent.model() != m) || !m->hasChildren(parent))
            continue;
        if (!std::exchange(any, true))
            scheduleDelayedItemsLayout(); // expand() then only records each row: one layout at the end
        if (parent.isValid())
            expand(parent);
        const int firstLevel = parent.isValid() ? 2 : 1;
        if (levels < 0 || firstLevel <= levels)
            pending.emplace_back(parent, firstLevel);
    }
    if (!any)
        return;
    while (!pending.empty()) {
        const auto [index, level] = pending.back();
        pending.pop_back();
        const int rows = m->rowCount(index);
        for (int row = 0; row < rows; ++row) {
            const QModelIndex child = m->index(row, 0, index);
            // hasChildren(): a proxy answers it for a leaf from its source, without a mapping.
            if (!m->hasChildren(child))
                continue;
            expand(child);
            if (levels < 0 || level < levels) // the last level's children are not looked at
                pending.emplace_back(child, level + 1);
        }
    }
    executeDelayedItemsLayout();
}

void TaskTreeView::collapseSubtasks(const QModelIndex &parent)
{
    QAbstractItemModel *m = model();
    if (!m || (parent.isValid() && parent.model() != m) || !m->hasChildren(parent))
        return;
    scheduleDelayedItemsLayout(); // collapse() then only forgets each row: one layout at the end
    // Every task with subtasks below it too: a collapsed task may hide expanded ones.
    std::vector<QModelIndex> pending{parent.siblingAtColumn(0)};
    while (!pending.empty()) {
        const QModelIndex index = pending.back();
        pending.pop_back();
        if (index.isValid())
            collapse(index);
        const int rows = m->rowCount(index);
        for (int row = 0; row < rows; ++row) {
            const QModelIndex child = m->index(row, 0, index);
            if (m->hasChildren(child))
                pending.push_back(child);
        }
    }
    executeDelayedItemsLayout();
}

void TaskTreeView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Asterisk && currentIndex().isValid() && state() != EditingState) {
        expandSubtasks(currentIndex().siblingAtColumn(0));
        event->accept();
        return;
    }
    QTreeView::keyPressEvent(event);
}

// QTreeView's own looks for both ends of the range among the rows shown, by a linear search from
// the last row it looked at, and walks the rows between to refresh their heights. Here rows have
// one height (uniformRowHeights) and a dataChanged changes neither heights nor children (those
// come with row signals), so all it has to do is repaint what is shown, once per event loop pass.
// With 100,000 rows expanded, the durations of 15,000 running tasks tick in thousands of runs a
// second: that search took 150-250 ms of every second. Screen readers still get Qt's own path,
// which tells them which cells changed.
void TaskTreeView::setClock(std::function<QDateTime()> clock)
{
    m_clock = clock;
    m_highlighter->setClock(clock);
    // Ours unless a caller put others in their place.
    if (auto *text = qobject_cast<TextCellDelegate *>(itemDelegate()))
        text->setClock(clock);
    if (auto *progress = qobject_cast<ProgressDelegate *>(itemDelegateForColumn(TaskTreeModel::ProgressColumn)))
        progress->setClock(clock);
    if (auto *badge = qobject_cast<StateBadgeDelegate *>(itemDelegateForColumn(TaskTreeModel::StateColumn)))
        badge->setClock(clock);
    if (auto *name = qobject_cast<TaskNameDelegate *>(itemDelegateForColumn(TaskTreeModel::NameColumn)))
        name->setClock(clock);
}

void TaskTreeView::dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    if (m_clock && roles.contains(TaskTreeModel::ChangedAtRole))
        m_highlighter->notifyChanged(m_clock()); // the whole viewport is repainted while it fades
    bool ownPath = uniformRowHeights();
#if QT_CONFIG(accessibility)
    ownPath = ownPath && !QAccessible::isActive();
#endif
    if (!ownPath) {
        QTreeView::dataChanged(topLeft, bottomRight, roles);
        return;
    }
    if (m_layoutPending) { // the next paint lays the rows out and paints them all anyway
        viewport()->update();
        return;
    }
    // Only the changed cells on screen: at each poll most changes are elsewhere in the list, and
    // most of those on screen are a running duration's one cell (a row paints only the columns in
    // the area repainted, and its text is most of a repaint's cost).
    if (!m_shownRowsValid)
        collectShownRows();
    const QModelIndex parent = topLeft.parent();
    std::optional<std::vector<std::pair<int, int>>> spans; // where the columns are: read once, if needed
    for (const ShownRow &shown : m_shownRows) {
        if (shown.row < topLeft.row() || shown.row > bottomRight.row() || shown.parent != parent)
            continue;
        if (!spans)
            spans = columnSpans(topLeft.column(), bottomRight.column());
        for (const auto &[left, width] : *spans)
            viewport()->update(QRect(left, shown.top, width, m_shownRowHeight));
    }
}

// Where the columns first..last (the model's numbers) are on the viewport, as (left, width), side
// by side ones joined: the user may have moved or hidden columns.
std::vector<std::pair<int, int>> TaskTreeView::columnSpans(int first, int last) const
{
    std::vector<std::pair<int, int>> spans;
    const QHeaderView *columns = header();
    for (int column = qMax(0, first); column <= last && column < columns->count(); ++column) {
        if (!columns->isSectionHidden(column) && columns->sectionSize(column) > 0)
            spans.emplace_back(columnViewportPosition(column), columns->sectionSize(column));
    }
    std::sort(spans.begin(), spans.end());
    std::vector<std::pair<int, int>> joined;
    for (const auto &[left, width] : spans) {
        if (!joined.empty() && joined.back().first + joined.back().second >= left)
            joined.back().second = qMax(joined.back().second, left + width - joined.back().first);
        else
            joined.emplace_back(left, width);
    }
    return joined;
}

// The rows on screen, from the top one down (rows have one height), read once per event loop pass:
// the hundreds of dataChanged of one poll arrive in one pass.
void TaskTreeView::collectShownRows()
{
    m_shownRows.clear();
    m_shownRowsValid = true;
    QTimer::singleShot(0, this, &TaskTreeView::forgetShownRows);
    QModelIndex index = indexAt(QPoint(0, 0));
    if (!index.isValid())
        return;
    const QRect first = visualRect(index);
    m_shownRowHeight = first.height();
    const int bottom = viewport()->height();
    for (int top = first.top(); index.isValid() && top < bottom && m_shownRowHeight > 0; top += m_shownRowHeight) {
        m_shownRows.push_back({index.parent(), index.row(), top});
        index = indexBelow(index);
    }
}

void TaskTreeView::forgetShownRows()
{
    m_shownRowsValid = false;
    m_shownRows.clear();
}

// Rows came, went, moved, opened or closed: where they are is known again after the next paint,
// which lays them out.
void TaskTreeView::rowsMayHaveMoved()
{
    m_layoutPending = true;
    forgetShownRows();
}

void TaskTreeView::paintEvent(QPaintEvent *event)
{
    QTreeView::paintEvent(event); // lays out what changed first
    m_layoutPending = false;
}

void TaskTreeView::scrollContentsBy(int dx, int dy)
{
    forgetShownRows();
    QTreeView::scrollContentsBy(dx, dy);
}

void TaskTreeView::rowsInserted(const QModelIndex &parent, int start, int end)
{
    rowsMayHaveMoved();
    QTreeView::rowsInserted(parent, start, end);
}

void TaskTreeView::rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end)
{
    rowsMayHaveMoved();
    QTreeView::rowsAboutToBeRemoved(parent, start, end);
}

// Scroll anchoring, as browsers do it: when rows come, go, move or are sorted again above the
// viewport, the rows on screen stay where they are instead of sliding under the reader (a busy
// list inserts several tasks a second at the top). The rows on screen are noted before the first
// change of an event loop pass; after each layout of that pass the first of them still shown goes
// back to where it was on screen (the others, below it, follow); the pass's end forgets them, so
// that the user's own scrolling is never undone. Not at the very top of the list: there it reads
// like a log at its head, and tasks arriving at the top show, pushing the others down.
void TaskTreeView::noteAnchor()
{
    const QScrollBar *bar = verticalScrollBar();
    if (m_anchorNoted || bar->value() <= bar->minimum())
        return;
    m_anchorNoted = true;
    QTimer::singleShot(0, this, &TaskTreeView::releaseAnchor);
    const int bottom = viewport()->height();
    for (QModelIndex index = indexAt(QPoint(0, 0)); index.isValid(); index = indexBelow(index)) {
        const QRect rect = visualRect(index);
        if (rect.top() >= bottom)
            break;
        m_anchor.push_back({QPersistentModelIndex(index), rect.top()});
    }
}

void TaskTreeView::restoreAnchor()
{
    for (const AnchorRow &row : m_anchor) {
        const QRect rect = visualRect(row.index); // empty when the row is gone, or now hidden
        if (!row.index.isValid() || rect.height() <= 0)
            continue;
        const int dy = rect.top() - row.top;
        if (dy != 0) {
            QScrollBar *bar = verticalScrollBar();
            // Per item, the scroll bar counts rows (of one height here).
            bar->setValue(bar->value() + (verticalScrollMode() == ScrollPerItem ? dy / rect.height() : dy));
        }
        return;
    }
}

void TaskTreeView::releaseAnchor()
{
    executeDelayedItemsLayout(); // lays out (and restores) what the pass changed, if nothing painted yet
    m_anchor.clear();
    m_anchorNoted = false;
}

void TaskTreeView::doItemsLayout()
{
    QTreeView::doItemsLayout();
    if (!m_anchor.empty())
        restoreAnchor();
}

QMenu *TaskTreeView::createCellMenu(const QModelIndex &index, QWidget *parent)
{
    const QVariant value = index.data(TaskTreeModel::TaskRole);
    if (!value.isValid())
        return nullptr;
    auto *menu = new QMenu(parent);
    const Task task = value.value<Task>();
    // The names as the row shows them (a short id when no name is known).
    const auto nameOf = [index](FilterField field) {
        const int column = field == FilterField::Cluster ? TaskTreeModel::ClusterColumn
            : field == FilterField::Namespace            ? TaskTreeModel::NamespaceColumn
                                                         : TaskTreeModel::AppColumn;
        return index.siblingAtColumn(column).data(TaskTreeModel::PlaceNameRole).toString();
    };
    FilterMenu::addCellActions(menu, task, index.column(), nameOf,
                               [this](const FilterRequest &request) { Q_EMIT filterRequested(request); });
    menu->addSeparator();
    // Watch: the task and its subtasks stay in the Watched strip whatever the filter.
    const bool watched = index.data(TaskTreeModel::WatchedRole).toBool();
    QAction *watch = menu->addAction(tr("&Watch"), menu, [this, id = task.id, watched] { Q_EMIT watchRequested(id, !watched); });
    watch->setCheckable(true);
    watch->setChecked(watched);
    watch->setToolTip(tr("Keep this task and its subtasks in the Watched strip, and notify when it ends"));
    menu->addSeparator();
    addCopyActions(menu, index);
    menu->addSeparator();
    addSubtreeActions(menu, index);
    return menu;
}

// A click on the star column watches the task, or stops watching it.
void TaskTreeView::mouseReleaseEvent(QMouseEvent *event)
{
    const QModelIndex index = indexAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && index.isValid() && index.column() == TaskTreeModel::WatchColumn
        && index == m_pressedStar) {
        Q_EMIT watchRequested(index.data(TaskTreeModel::IdRole).toString(), !index.data(TaskTreeModel::WatchedRole).toBool());
    }
    m_pressedStar = QPersistentModelIndex();
    QTreeView::mouseReleaseEvent(event);
}

void TaskTreeView::mousePressEvent(QMouseEvent *event)
{
    const QModelIndex index = indexAt(event->position().toPoint());
    m_pressedStar = event->button() == Qt::LeftButton && index.column() == TaskTreeModel::WatchColumn
        ? QPersistentModelIndex(index) : QPersistentModelIndex();
    QTreeView::mousePressEvent(event);
}

// What was right-clicked is taken now: a poll may move the row, or change the task, before an
// action is chosen, and what is copied is what the menu was opened on.
void TaskTreeView::addCopyActions(QMenu *menu, const QModelIndex &index)
{
    const QString cell = index.data(Qt::DisplayRole).toString();
    const Task task = index.data(TaskTreeModel::TaskRole).value<Task>();
    const auto add = [menu](const QString &text, const QString &copied) {
        QAction *action = menu->addAction(text, menu, [copied] { QGuiApplication::clipboard()->setText(copied); });
        action->setEnabled(!copied.isEmpty());
    };
    add(tr("Copy Cell Text"), cell);
    add(tr("Copy Row as JSON"), QString::fromUtf8(task.rawJson)); // the item as the server sent it
    add(tr("Copy Task ID"), task.id);
}

// The row is followed by a persistent index: wherever polls move the task, the action expands or
// collapses that task (or nothing, once it is gone).
void TaskTreeView::addSubtreeActions(QMenu *menu, const QModelIndex &index)
{
    const QPersistentModelIndex row = index.siblingAtColumn(0);
    const bool hasSubtasks = model() && model()->hasChildren(row);
    QAction *expand = menu->addAction(tr("Expand Subtree"), menu, [this, row] {
        if (row.isValid())
            expandSubtasks(row);
    });
    QAction *collapse = menu->addAction(tr("Collapse Subtree"), menu, [this, row] {
        if (row.isValid())
            collapseSubtasks(row);
    });
    expand->setEnabled(hasSubtasks);
    collapse->setEnabled(hasSubtasks);
}

QMenu *TaskTreeView::createColumnMenu(QWidget *parent)
{
    auto *menu = new QMenu(tr("Columns"), parent);
    QAbstractItemModel *m = model();
    for (int column = 0; m && column < m->columnCount(); ++column) {
        QAction *action = menu->addAction(m->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!header()->isSectionHidden(column));
        action->setEnabled(column != TaskTreeModel::NameColumn);
        connect(action, &QAction::toggled, this, [this, column](bool shown) { header()->setSectionHidden(column, !shown); });
    }
    return menu;
}

void TaskTreeView::setModel(QAbstractItemModel *model)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_modelConnections))
        disconnect(connection);
    m_modelConnections.clear();
    m_anchor.clear(); // (the pass's end still comes, and finds nothing to do)
    // Before QTreeView's own connections: the rows on screen are noted while its layout still
    // holds them.
    if (model) {
        m_modelConnections = {
            connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, &TaskTreeView::noteAnchor),
            connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, &TaskTreeView::noteAnchor),
            connect(model, &QAbstractItemModel::rowsAboutToBeMoved, this, &TaskTreeView::noteAnchor),
            connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, &TaskTreeView::noteAnchor),
        };
    }
    QTreeView::setModel(model);
    if (model) {
        m_modelConnections += {
            connect(model, &QAbstractItemModel::layoutChanged, this, &TaskTreeView::rowsMayHaveMoved),
            connect(model, &QAbstractItemModel::modelReset, this, &TaskTreeView::rowsMayHaveMoved),
            connect(model, &QAbstractItemModel::rowsMoved, this, &TaskTreeView::rowsMayHaveMoved),
            connect(model, &QAbstractItemModel::columnsInserted, this, &TaskTreeView::rowsMayHaveMoved),
            connect(model, &QAbstractItemModel::columnsRemoved, this, &TaskTreeView::rowsMayHaveMoved),
        };
    }
    rowsMayHaveMoved();
    applyDefaultWidths();
}

void TaskTreeView::setStale(bool stale)
{
    if (stale == m_stale)
        return;
    m_stale = stale;
    viewport()->update();
}

void TaskTreeView::initViewItemOption(QStyleOptionViewItem *option) const
{
    QTreeView::initViewItemOption(option);
    if (m_stale) {
        option->state &= ~QStyle::State_Enabled;
        option->palette.setCurrentColorGroup(QPalette::Disabled);
    }
}

void TaskTreeView::applyDefaultWidths()
{
    // In character widths: never ResizeToContents, which measures every row of a big list.
    const int ch = fontMetrics().horizontalAdvance(u'0');
    const int widths[TaskTreeModel::ColumnCount] = {26, 20, 17, 14, 18, 12, 14, 30, 17, 17, 9, 20, 10, 11, 4};
    for (int column = 0; column < TaskTreeModel::ColumnCount; ++column)
        header()->resizeSection(column, widths[column] * ch);
    // What an operator reads first fits the window; the rest is one click away (the header's menu).
    for (const int column : {TaskTreeModel::EndedColumn, TaskTreeModel::ResourceColumn, TaskTreeModel::InternalNameColumn,
                             TaskTreeModel::ServiceColumn})
        header()->setSectionHidden(column, true);
    // The star first (as in a mail client), the ETA beside the progress.
    QHeaderView *columns = header();
    columns->moveSection(columns->visualIndex(TaskTreeModel::WatchColumn), 0);
    columns->moveSection(columns->visualIndex(TaskTreeModel::EtaColumn), columns->visualIndex(TaskTreeModel::ProgressColumn) + 1);
}

} // namespace Taskscope
