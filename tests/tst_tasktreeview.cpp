// TaskTreeView over the real model and proxy: the rows on screen stay in place when polls change
// rows above them (scroll anchoring), and the context menu acts on the row right-clicked (copies,
// subtree), wherever a poll moves it.
#include "newestfirstproxymodel.h"
#include "tasktreemodel.h"
#include "tasktreeview.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QMenu>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <limits>

using namespace Taskscope;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kStart(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);

// A running task started `minute` minutes after kStart, with bytes that follow its fields.
Task makeTask(const QString &id, int minute, const QString &parent = {})
{
    Task task;
    task.id = id;
    task.parentTaskID = parent;
    task.name = u"astra.backup"_s;
    task.summary = u"Backup of "_s + id;
    task.state = TaskState::Running;
    task.stateText = u"running"_s;
    task.startTime = kStart.addSecs(60 * minute);
    task.rawJson = (u"{\"id\":\"%1\",\"parentTaskID\":\"%2\",\"startTime\":\"%3\"}"_s)
                       .arg(id, parent, task.startTime.toString(Qt::ISODate))
                       .toUtf8();
    return task;
}

// 150 top-level tasks t000..t149 (t149 newest: at the top), every tenth with two subtasks.
QList<Task> baseTasks()
{
    QList<Task> tasks;
    for (int i = 0; i < 150; ++i) {
        const QString id = u"t%1"_s.arg(i, 3, 10, QLatin1Char('0'));
        tasks.append(makeTask(id, i));
        if (i % 10 == 0) {
            tasks.append(makeTask(id + u"-a"_s, i, id));
            tasks.append(makeTask(id + u"-b"_s, i, id));
        }
    }
    return tasks;
}

QString idOf(const QModelIndex &index)
{
    return index.data(TaskTreeModel::IdRole).toString();
}

} // namespace

class TestTaskTreeView : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TaskTreeModel> m_model;
    std::unique_ptr<NewestFirstProxyModel> m_proxy;
    std::unique_ptr<TaskTreeView> m_view;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QList<Task> m_tasks;

    QModelIndex shown(const QString &id) const { return m_proxy->mapFromSource(m_model->indexForId(id)); }
    QModelIndex firstVisible() const { return m_view->indexAt(QPoint(1, 1)).siblingAtColumn(0); }
    int topOf(const QString &id) const { return m_view->visualRect(shown(id)).top(); }

    // Scrolls so that `rows` rows are above the viewport (and, per pixel, a few pixels more).
    void scrollDown(int rows, int pixels)
    {
        QScrollBar *bar = m_view->verticalScrollBar();
        const int rowHeight = m_view->visualRect(m_proxy->index(0, 0)).height();
        bar->setValue(m_view->verticalScrollMode() == QAbstractItemView::ScrollPerItem ? rows : rows * rowHeight + pixels);
        QCoreApplication::processEvents(); // the pass that scrolled ends
    }

    void apply(const QList<Task> &tasks)
    {
        m_tasks = tasks;
        m_model->apply(tasks);
    }

    // The tasks the view shows open, in tree order.
    QStringList expandedIds(const QModelIndex &parent = {}) const
    {
        QStringList ids;
        for (int row = 0; row < m_proxy->rowCount(parent); ++row) {
            const QModelIndex index = m_proxy->index(row, 0, parent);
            if (m_view->isExpanded(index))
                ids << idOf(index);
            ids << expandedIds(index);
        }
        return ids;
    }

    QMenu *openMenuAt(const QModelIndex &index)
    {
        const QPoint at = m_view->visualRect(index).center();
        Q_EMIT m_view->customContextMenuRequested(at);
        return m_view->findChild<QMenu *>();
    }

    static QAction *action(QMenu *menu, const QString &text)
    {
        for (QAction *candidate : menu->actions()) {
            if (candidate->text() == text)
                return candidate;
        }
        return nullptr;
    }

private Q_SLOTS:
    void init()
    {
        m_model = std::make_unique<TaskTreeModel>();
        m_proxy = std::make_unique<NewestFirstProxyModel>();
        m_proxy->setSourceModel(m_model.get());
        m_proxy->sortNewestFirst();
        m_tester = std::make_unique<QAbstractItemModelTester>(m_proxy.get(),
                                                              QAbstractItemModelTester::FailureReportingMode::Fatal);
        m_view = std::make_unique<TaskTreeView>();
        m_view->setModel(m_proxy.get());
        m_view->resize(700, 400);
        apply(baseTasks());
        m_view->expandSubtasks(QModelIndex(), 1);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }

    void cleanup()
    {
        m_view.reset();
        m_tester.reset();
        m_proxy.reset();
        m_model.reset();
    }

    // Scrolled into the list, a poll that changes rows above the viewport leaves the first row
    // shown where it was on screen: as row signals, as one layout change, per item and per pixel;
    // so does sorting by a column.
    void rowsAboveKeepTheirPlace_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<int>("threshold");
        QTest::addColumn<bool>("perPixel");
        for (const char *change : {"insert", "insert open", "remove", "move above", "subtasks above", "sort"}) {
            for (const bool perPixel : {false, true}) {
                const char *mode = perPixel ? "per pixel" : "per item";
                QTest::addRow("%s, rows, %s", change, mode) << QString::fromLatin1(change)
                                                            << std::numeric_limits<int>::max() << perPixel;
                QTest::addRow("%s, layout, %s", change, mode) << QString::fromLatin1(change) << 0 << perPixel;
            }
        }
    }

    void rowsAboveKeepTheirPlace()
    {
        QFETCH(QString, change);
        QFETCH(int, threshold);
        QFETCH(bool, perPixel);
        m_model->setLayoutBatchThreshold(threshold);
        m_view->setVerticalScrollMode(perPixel ? QAbstractItemView::ScrollPerPixel : QAbstractItemView::ScrollPerItem);
        scrollDown(60, 7);
        const QString anchor = idOf(firstVisible());
        const int top = topOf(anchor);
        const int rowsAbove = m_view->verticalScrollBar()->value();
        QVERIFY(!anchor.isEmpty());
        QCOMPARE(top, perPixel ? -7 : 0);

        QList<Task> tasks = m_tasks;
        if (change.startsWith(u"insert")) { // five tasks newer than all, with subtasks: at the top
            for (int i = 0; i < 5; ++i) {
                tasks.append(makeTask(u"new%1"_s.arg(i), 200 + i));
                tasks.append(makeTask(u"new%1-a"_s.arg(i), 200 + i, u"new%1"_s.arg(i)));
            }
        } else if (change == u"remove") { // the five newest go
            tasks.erase(std::remove_if(tasks.begin(), tasks.end(),
                                       [](const Task &task) { return task.id >= u"t145"_s && task.parentTaskID.isEmpty(); }),
                        tasks.end());
        } else if (change == u"move above") { // the oldest task starts again: from the bottom to the top
            tasks[0] = makeTask(tasks[0].id, 300);
        } else if (change == u"subtasks above") { // an open task near the top gets more subtasks
            for (int i = 0; i < 4; ++i)
                tasks.append(makeTask(u"t140-%1"_s.arg(i), 140, u"t140"_s));
        }
        if (change == u"sort") // a header click: the list in another order, the top row kept
            m_proxy->sort(TaskTreeModel::NameColumn, Qt::AscendingOrder);
        else
            apply(tasks);
        if (change == u"insert open") { // as the window opens tasks that arrive, in the same pass
            QModelIndexList arrived;
            for (int i = 0; i < 5; ++i)
                arrived << shown(u"new%1"_s.arg(i));
            m_view->expandSubtasksOf(arrived, 1);
            QVERIFY(m_view->isExpanded(arrived.first()));
        }
        QCoreApplication::processEvents(); // layout, paint, the pass's end
        QCOMPARE(idOf(firstVisible()), anchor);
        QCOMPARE(topOf(anchor), top);
        QVERIFY(m_view->verticalScrollBar()->value() != rowsAbove); // it did scroll, to stay in place

        // The anchor is the pass's: scrolling afterwards is the user's, and stays.
        m_view->verticalScrollBar()->setValue(m_view->verticalScrollBar()->value() + (perPixel ? 40 : 2));
        const QString scrolledTo = idOf(firstVisible());
        QVERIFY(scrolledTo != anchor);
        QCoreApplication::processEvents();
        QCOMPARE(idOf(firstVisible()), scrolledTo);
    }

    // At the very top the list reads like a log at its head: tasks arriving at the top show.
    void atTheTopNewTasksShow_data()
    {
        QTest::addColumn<int>("threshold");
        QTest::addRow("rows") << std::numeric_limits<int>::max();
        QTest::addRow("layout") << 0;
    }

    void atTheTopNewTasksShow()
    {
        QFETCH(int, threshold);
        m_model->setLayoutBatchThreshold(threshold);
        QCOMPARE(m_view->verticalScrollBar()->value(), 0);
        QCOMPARE(idOf(firstVisible()), u"t149"_s);
        QList<Task> tasks = m_tasks;
        for (int i = 0; i < 3; ++i)
            tasks.append(makeTask(u"new%1"_s.arg(i), 200 + i));
        apply(tasks);
        QCoreApplication::processEvents();
        QCOMPARE(m_view->verticalScrollBar()->value(), 0);
        QCOMPARE(idOf(firstVisible()), u"new2"_s);
        QVERIFY(m_view->viewport()->rect().contains(m_view->visualRect(shown(u"t149"_s)))); // pushed down, still shown
    }

    // The menu is opened on a row; a poll then inserts rows above it (the row moves down, another
    // task takes its place): each action acts on the task right-clicked.
    void menuActsOnTheRowClicked_data()
    {
        QTest::addColumn<int>("threshold");
        QTest::addRow("rows") << std::numeric_limits<int>::max();
        QTest::addRow("layout") << 0;
    }

    void menuActsOnTheRowClicked()
    {
        QFETCH(int, threshold);
        m_model->setLayoutBatchThreshold(threshold);
        const QModelIndex clicked = shown(u"t130"_s).siblingAtColumn(TaskTreeModel::NameColumn);
        m_view->collapse(clicked.siblingAtColumn(0));
        m_view->scrollTo(clicked);
        const int row = clicked.row();
        std::unique_ptr<QMenu> menu(openMenuAt(clicked));
        QVERIFY(menu);

        QList<Task> tasks = m_tasks;
        for (int i = 0; i < 10; ++i)
            tasks.append(makeTask(u"new%1"_s.arg(i), 200 + i));
        apply(tasks);
        const QModelIndex now = m_proxy->index(row, 0);
        QCOMPARE(idOf(now), u"t140"_s); // another task is where the menu was opened, with subtasks too
        m_view->collapse(now);

        QAction *expand = action(menu.get(), TaskTreeView::tr("Expand Subtree"));
        QVERIFY(expand && expand->isEnabled());
        expand->trigger();
        QVERIFY(m_view->isExpanded(shown(u"t130"_s)));
        QVERIFY(!m_view->isExpanded(now));
        action(menu.get(), TaskTreeView::tr("Copy Task ID"))->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), u"t130"_s);
        action(menu.get(), TaskTreeView::tr("Copy Cell Text"))->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), u"Backup of t130"_s);

        // Once the task is gone, its subtree actions do nothing.
        tasks.erase(std::remove_if(tasks.begin(), tasks.end(), [](const Task &task) { return task.id.startsWith(u"t130"); }),
                    tasks.end());
        apply(tasks);
        m_view->expand(m_proxy->index(row, 0));
        const QStringList expanded = expandedIds();
        action(menu.get(), TaskTreeView::tr("Collapse Subtree"))->trigger();
        QCOMPARE(expandedIds(), expanded);
    }

    void copyCellRowAndId()
    {
        QClipboard *clipboard = QGuiApplication::clipboard();
        const QModelIndex summary = shown(u"t140"_s).siblingAtColumn(TaskTreeModel::NameColumn);
        std::unique_ptr<QMenu> menu(m_view->createCellMenu(summary, nullptr));
        QVERIFY(menu);
        // The existing entries stay (Show Only and Exclude the value).
        QVERIFY(menu->actions().at(0)->text().contains(u"Backup of t140"_s));
        QVERIFY(menu->actions().at(1)->text().contains(u"Backup of t140"_s));

        clipboard->clear();
        action(menu.get(), TaskTreeView::tr("Copy Cell Text"))->trigger();
        QCOMPARE(clipboard->text(), u"Backup of t140"_s);
        action(menu.get(), TaskTreeView::tr("Copy Row as JSON"))->trigger();
        QCOMPARE(clipboard->text().toUtf8(), m_model->task(m_model->indexForId(u"t140"_s))->rawJson); // the server's bytes
        action(menu.get(), TaskTreeView::tr("Copy Task ID"))->trigger();
        QCOMPARE(clipboard->text(), u"t140"_s);

        // An empty cell has nothing to copy (a task that has not ended: no end time).
        const QModelIndex ended = shown(u"t140"_s).siblingAtColumn(TaskTreeModel::EndedColumn);
        QCOMPARE(ended.data().toString(), QString());
        menu.reset(m_view->createCellMenu(ended, nullptr));
        QVERIFY(!action(menu.get(), TaskTreeView::tr("Copy Cell Text"))->isEnabled());
        QVERIFY(action(menu.get(), TaskTreeView::tr("Copy Task ID"))->isEnabled());
        QVERIFY(!m_view->createCellMenu(QModelIndex(), nullptr));
    }

    // Watch, from the context menu (checked when watched) and from a click on the star column.
    void watchFromMenuAndStar()
    {
        QSignalSpy spy(m_view.get(), &TaskTreeView::watchRequested);
        std::unique_ptr<QMenu> menu(m_view->createCellMenu(shown(u"t140"_s), nullptr));
        QAction *watch = action(menu.get(), TaskTreeView::tr("&Watch"));
        QVERIFY(watch && watch->isCheckable() && !watch->isChecked());
        watch->trigger();
        QCOMPARE(spy.takeFirst(), (QVariantList{u"t140"_s, true}));
        m_model->setWatched({u"t140"_s});
        menu.reset(m_view->createCellMenu(shown(u"t140"_s), nullptr));
        watch = action(menu.get(), TaskTreeView::tr("&Watch"));
        QVERIFY(watch->isChecked());
        watch->trigger();
        QCOMPARE(spy.takeFirst(), (QVariantList{u"t140"_s, false}));

        const QModelIndex star = shown(u"t140"_s).siblingAtColumn(TaskTreeModel::WatchColumn);
        QCOMPARE(star.data().toString(), u"★"_s);
        m_view->scrollTo(star);
        const QPoint at = m_view->visualRect(star).center();
        QVERIFY(m_view->viewport()->rect().contains(at));
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.takeFirst(), (QVariantList{u"t140"_s, false}));
        // A click elsewhere in the row watches nothing.
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {},
                          m_view->visualRect(shown(u"t140"_s).siblingAtColumn(TaskTreeModel::StateColumn)).center());
        QCOMPARE(spy.size(), 0);
    }

    // Expand Subtree opens every task below (leaves stay out of the expanded set); Collapse Subtree
    // closes them all, so that opening the task again shows only its children.
    void expandAndCollapseSubtree()
    {
        QList<Task> tasks = m_tasks;
        tasks << makeTask(u"a"_s, 400) << makeTask(u"b"_s, 400, u"a"_s) << makeTask(u"c"_s, 400, u"b"_s)
              << makeTask(u"d"_s, 400, u"c"_s) << makeTask(u"b2"_s, 401, u"a"_s);
        apply(tasks);
        m_view->collapse(shown(u"a"_s));
        std::unique_ptr<QMenu> menu(m_view->createCellMenu(shown(u"a"_s), nullptr));
        action(menu.get(), TaskTreeView::tr("Expand Subtree"))->trigger();
        for (const QString &id : {u"a"_s, u"b"_s, u"c"_s})
            QVERIFY2(m_view->isExpanded(shown(id)), qPrintable(id));
        QVERIFY(!m_view->isExpanded(shown(u"d"_s)));
        QVERIFY(!m_view->isExpanded(shown(u"b2"_s)));
        QVERIFY(m_view->visualRect(shown(u"d"_s)).isValid()); // shown
        QVERIFY(m_view->isExpanded(shown(u"t140"_s))); // others keep theirs

        menu.reset(m_view->createCellMenu(shown(u"a"_s), nullptr));
        action(menu.get(), TaskTreeView::tr("Collapse Subtree"))->trigger();
        for (const QString &id : {u"a"_s, u"b"_s, u"c"_s})
            QVERIFY2(!m_view->isExpanded(shown(id)), qPrintable(id));
        QVERIFY(m_view->isExpanded(shown(u"t140"_s)));
        m_view->expand(shown(u"a"_s));
        QVERIFY(!m_view->isExpanded(shown(u"b"_s)));

        menu.reset(m_view->createCellMenu(shown(u"d"_s), nullptr)); // a leaf: nothing to open
        QVERIFY(!action(menu.get(), TaskTreeView::tr("Expand Subtree"))->isEnabled());
        QVERIFY(!action(menu.get(), TaskTreeView::tr("Collapse Subtree"))->isEnabled());
    }
};

QTEST_MAIN(TestTaskTreeView)
#include "tst_tasktreeview.moc"
