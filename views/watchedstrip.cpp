// WatchedStrip: a compact tree over WatchedTasksProxy with the main tree's delegates; its height
// follows its rows (up to MaxVisibleRows), and it hides itself when nothing is watched.
#include "watchedstrip.h"

#include "progressdelegate.h"
#include "statebadgedelegate.h"
#include "tasknamedelegate.h"
#include "tasktreemodel.h"
#include "textcelldelegate.h"
#include "watchedtasksproxy.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace Taskscope {

namespace {
constexpr int shownColumns[] = {TaskTreeModel::NameColumn, TaskTreeModel::StateColumn, TaskTreeModel::ProgressColumn,
                                TaskTreeModel::EtaColumn};
} // namespace

WatchedStrip::WatchedStrip(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(tr("Watched"), this))
    , m_view(new QTreeView(this))
    , m_proxy(new WatchedTasksProxy(this))
{
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_view->setUniformRowHeights(true);
    m_view->setRootIsDecorated(true);
    m_view->setHeaderHidden(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_view->setItemDelegate(new TextCellDelegate(m_view));
    m_view->setItemDelegateForColumn(TaskTreeModel::NameColumn, new TaskNameDelegate(m_view));
    m_view->setItemDelegateForColumn(TaskTreeModel::StateColumn, new StateBadgeDelegate(m_view));
    m_view->setItemDelegateForColumn(TaskTreeModel::ProgressColumn, new ProgressDelegate(m_view));
    m_view->setModel(m_proxy);
    m_view->header()->setStretchLastSection(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_view);

    connect(m_view, &QTreeView::clicked, this, [this](const QModelIndex &index) {
        const QString id = index.data(TaskTreeModel::IdRole).toString();
        if (!id.isEmpty())
            Q_EMIT taskActivated(id);
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (QMenu *menu = createContextMenu(m_view->indexAt(pos), this)) {
            menu->setAttribute(Qt::WA_DeleteOnClose);
            menu->popup(m_view->viewport()->mapToGlobal(pos));
        }
    });
    // Rows come and go with polls and watch changes: one update per pass of the event loop.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &WatchedStrip::scheduleUpdate);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &WatchedStrip::scheduleUpdate);
    connect(m_proxy, &QAbstractItemModel::rowsMoved, this, &WatchedStrip::scheduleUpdate);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &WatchedStrip::scheduleUpdate);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &WatchedStrip::scheduleUpdate);
    connect(m_proxy, &QAbstractItemModel::columnsInserted, this, &WatchedStrip::scheduleUpdate);
    setHidden(true);
}

void WatchedStrip::setSourceModel(QAbstractItemModel *model)
{
    m_source = model;
    m_proxy->setSourceModel(m_anyWatched ? model : nullptr);
    refresh();
}

void WatchedStrip::setAnyWatched(bool any)
{
    if (any == m_anyWatched)
        return;
    m_anyWatched = any;
    m_proxy->setSourceModel(any ? m_source : nullptr);
    refresh();
}

void WatchedStrip::setHiddenBy(std::function<QString(const Task &)> hiddenBy)
{
    m_proxy->setHiddenBy(std::move(hiddenBy));
}

void WatchedStrip::refreshHiddenBy()
{
    m_proxy->refreshHiddenBy();
}

void WatchedStrip::setClock(const std::function<QDateTime()> &clock)
{
    if (auto *text = qobject_cast<TextCellDelegate *>(m_view->itemDelegate()))
        text->setClock(clock);
    if (auto *name = qobject_cast<TaskNameDelegate *>(m_view->itemDelegateForColumn(TaskTreeModel::NameColumn)))
        name->setClock(clock);
    if (auto *badge = qobject_cast<StateBadgeDelegate *>(m_view->itemDelegateForColumn(TaskTreeModel::StateColumn)))
        badge->setClock(clock);
    if (auto *progress = qobject_cast<ProgressDelegate *>(m_view->itemDelegateForColumn(TaskTreeModel::ProgressColumn)))
        progress->setClock(clock);
}

QMenu *WatchedStrip::createContextMenu(const QModelIndex &index, QWidget *parent)
{
    if (!index.isValid() || index.model() != m_proxy)
        return nullptr;
    // The watched task itself, or the watched task this subtask is shown for.
    QModelIndex watched = index.siblingAtColumn(0);
    while (watched.isValid() && !watched.data(TaskTreeModel::WatchedRole).toBool())
        watched = watched.parent();
    if (!watched.isValid()) // a parent shown only as the path to a watched subtask: nothing to stop
        return nullptr;
    const QString id = watched.data(TaskTreeModel::IdRole).toString();
    auto *menu = new QMenu(parent);
    QAction *stop = menu->addAction(tr("Stop Watching"));
    connect(stop, &QAction::triggered, this, [this, id] { Q_EMIT unwatchRequested(id); });
    return menu;
}

void WatchedStrip::scheduleUpdate()
{
    if (m_updateScheduled)
        return;
    m_updateScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_updateScheduled = false;
        refresh();
    });
}

void WatchedStrip::hideOtherColumns()
{
    const int columns = m_proxy->columnCount();
    for (int column = 0; column < columns; ++column) {
        const bool shown = std::find(std::begin(shownColumns), std::end(shownColumns), column) != std::end(shownColumns);
        m_view->setColumnHidden(column, !shown);
    }
    const int ch = m_view->fontMetrics().horizontalAdvance(u'0');
    m_view->header()->resizeSection(TaskTreeModel::NameColumn, 48 * ch);
    // The ETA takes the width the others leave: no horizontal scroll bar, which would cover the
    // last row of a strip only as tall as its rows.
    m_view->header()->setSectionResizeMode(TaskTreeModel::EtaColumn, QHeaderView::Stretch);
    m_view->header()->resizeSection(TaskTreeModel::StateColumn, 20 * ch);
    m_view->header()->resizeSection(TaskTreeModel::ProgressColumn, 14 * ch);
    m_view->header()->resizeSection(TaskTreeModel::EtaColumn, 14 * ch);
}

int WatchedStrip::shownRowCount(const QModelIndex &parent, int limit) const
{
    int count = 0;
    const int rows = m_proxy->rowCount(parent);
    for (int row = 0; row < rows && count < limit; ++row) {
        ++count;
        const QModelIndex child = m_proxy->index(row, 0, parent);
        if (m_view->isExpanded(child))
            count += shownRowCount(child, limit - count);
    }
    return count;
}

void WatchedStrip::refresh()
{
    const bool any = m_proxy->rowCount() > 0;
    setHidden(!any);
    if (!any)
        return;
    if (m_proxy->columnCount() != m_columnCount) {
        m_columnCount = m_proxy->columnCount();
        hideOtherColumns();
    }
    m_view->expandAll(); // a watched task is there to be seen with its subtasks
    const int rows = qMin(shownRowCount({}, MaxVisibleRows), MaxVisibleRows);
    const int rowHeight = qMax(m_view->sizeHintForRow(0), m_view->fontMetrics().height() + 4);
    m_view->setFixedHeight(rows * rowHeight + 2 * m_view->frameWidth());
}

} // namespace Taskscope
