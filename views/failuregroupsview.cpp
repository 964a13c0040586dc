// FailureGroupsView: see failuregroupsview.h.
#include "failuregroupsview.h"

#include <QHeaderView>
#include <QLocale>

namespace Taskscope {

FailureGroupsView::FailureGroupsView(QWidget *parent)
    : QTreeWidget(parent)
{
    setColumnCount(2);
    setHeaderLabels({tr("Cause"), tr("Failed")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(0, QHeaderView::Stretch);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    setToolTip(tr("Failed tasks grouped by their reason: click a cause to show only its tasks."));
    connect(this, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) { emit groupActivated(item->text(0)); });
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) { emit groupActivated(item->text(0)); });
}

void FailureGroupsView::setGroups(const QList<FailureGroup> &groups)
{
    if (groups == m_groups)
        return;
    m_groups = groups;
    const QString current = currentItem() ? currentItem()->text(0) : QString();
    clear();
    for (const FailureGroup &group : groups) {
        //: a count of failed tasks in the failure groups, "×12"
        auto *item = new QTreeWidgetItem(this, {group.title, tr("×%1").arg(QLocale().toString(group.count))});
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setToolTip(0, group.title);
        if (group.title == current)
            setCurrentItem(item);
    }
    if (groups.isEmpty()) {
        auto *none = new QTreeWidgetItem(this, {tr("No failed tasks")});
        none->setFlags(Qt::NoItemFlags);
    }
}

} // namespace Taskscope
