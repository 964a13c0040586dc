// The main window against an in-process demo server: it shows the tasks, keeps the user's place,
// refreshes, pauses, copies as JSON, and shows then clears the error banner.
#include "connectiondialog.h"
#include "connectionoptions.h"
#include "connectionprofile.h"
#include "demoserver.h"
#include "failuregroupsview.h"
#include "namedirectory.h"
#include "detailspane.h"
#include "errorbanner.h"
#include "filtereditor.h"
#include "filterrequest.h"
#include "historycontroller.h"
#include "journalmodel.h"
#include "journalview.h"
#include "taskformat.h"
#include "messagebanner.h"
#include "mainwindow.h"
#include "resourceuri.h"
#include "statebar.h"
#include "tasksclient.h"
#include "tasktreemodel.h"
#include "taskfilterproxymodel.h"
#include "tasktreeview.h"
#include "translations.h"

#include "testhttpserver.h"

#include <QAbstractItemModelTester>
#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QHeaderView>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QImage>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSplitter>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QTest>
#include <QScopeGuard>
#include <QTimer>
#include <QToolButton>
#include <QTranslator>
#include <QTreeWidget>

#include <limits>

using namespace Taskscope;
using namespace Qt::StringLiterals;

class TestMainWindow : public QObject
{
    Q_OBJECT
private:
    // A window polling `server` once (then every minute), after its first snapshot.
    static std::unique_ptr<MainWindow> windowOn(const TestHttpServer &server)
    {
        auto window = std::make_unique<MainWindow>();
        ConnectionConfig config;
        config.baseUrl = server.url(QString());
        config.accountId = u"acc"_s;
        config.pollIntervalMs = 60'000;
        QSignalSpy applied(window.get(), &MainWindow::snapshotApplied);
        window->connectTo(config, u"token"_s, u"test server"_s);
        window->show();
        if (!QTest::qWaitFor([&] { return applied.size() >= 1; }, 10000))
            return nullptr;
        return window;
    }

    // Every row of the view: its state, and whether it matches (or is shown for context).
    QList<std::pair<QString, bool>> shownRows(const QModelIndex &parent = {}) const
    {
        QList<std::pair<QString, bool>> rows;
        const QAbstractItemModel *model = m_window->view()->model();
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex index = model->index(row, 0, parent);
            rows.append({index.data(TaskTreeModel::TaskRole).value<Task>().stateText,
                         index.data(TaskFilterProxyModel::MatchRole).toBool()});
            rows << shownRows(index);
        }
        return rows;
    }

    int tasksWhere(const std::function<bool(const Task &)> &predicate) const
    {
        int count = 0;
        m_window->model()->forEachInTreeOrder([&](const Task &task, int) { count += predicate(task); });
        return count;
    }

    qint64 m_now = 1'795'000'000'000 + 20 * 60 * 1000;
    std::unique_ptr<Demo::DemoServer> m_server;
    std::unique_ptr<MainWindow> m_window;

    QWidget *banner() const
    {
        for (QPushButton *button : m_window->findChildren<QPushButton *>()) {
            if (button->text() == ErrorBanner::tr("Retry now"))
                return button->parentWidget();
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear(); // nothing left over from an earlier run
    }

    void init()
    {
        m_now = 1'795'000'000'000 + 20 * 60 * 1000; // every test starts at the same moment of the scenario
        QSettings().remove(u"Filter"_s); // no filter carried over from an earlier test
        Demo::DemoServerOptions options;
        options.tasks = 120;
        options.seed = 3;
        options.epochMsecs = 1'795'000'000'000;
        options.clock = [this] { return m_now; };
        m_server = std::make_unique<Demo::DemoServer>(options);
        QVERIFY(m_server->listen(0));
        m_window = std::make_unique<MainWindow>();
        ConnectionConfig config;
        config.baseUrl = m_server->url();
        config.accountId = m_server->account();
        config.pollIntervalMs = 60'000; // polls happen when the test says (F5)
        config.backoffInitialMs = 60'000;
        m_window->connectTo(config, m_server->token(), u"test"_s);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QSignalSpy applied(m_window.get(), &MainWindow::snapshotApplied);
        QTRY_VERIFY(m_window->snapshotsApplied() >= 1);
    }

    void cleanup()
    {
        m_window.reset();
        m_server.reset();
    }

    void showsTheTasksNewestFirst()
    {
        QVERIFY(m_window->model()->taskCount() > 50);
        QAbstractItemModel *model = m_window->view()->model();
        QVERIFY(model->rowCount() > 10);
        QVERIFY(!banner()->isVisible());
        QDateTime previous;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QDateTime started = model->index(row, TaskTreeModel::StartedColumn).data(TaskTreeModel::RawRole).toDateTime();
            if (!started.isValid())
                continue;
            if (previous.isValid())
                QVERIFY2(started <= previous, qPrintable(u"row %1"_s.arg(row)));
            previous = started;
        }
        // A header click sorts by that column; the header's indicator says which.
        m_window->view()->sortByColumn(TaskTreeModel::ProgressColumn, Qt::AscendingOrder);
        QCOMPARE(m_window->view()->header()->sortIndicatorSection(), int(TaskTreeModel::ProgressColumn));
        double last = -1;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QVariant percent = model->index(row, TaskTreeModel::ProgressColumn).data(TaskTreeModel::RawRole);
            if (!percent.isValid())
                continue;
            QVERIFY(percent.toDouble() >= last);
            last = percent.toDouble();
        }
        m_window->showNewestFirst();
    }

    void refreshKeepsSelectionExpansionAndScroll_data()
    {
        QTest::addColumn<int>("threshold"); // structural changes the model makes as one layout change
        QTest::addRow("row signals") << std::numeric_limits<int>::max();
        QTest::addRow("one layout change") << 0;
    }

    void refreshKeepsSelectionExpansionAndScroll()
    {
        QFETCH(int, threshold);
        m_window->model()->setLayoutBatchThreshold(threshold);
        TaskTreeView *view = m_window->view();
        QAbstractItemModelTester tester(view->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        // Pick a task with subtasks halfway down, expand it, select and scroll to its first subtask.
        QModelIndex parent;
        for (int row = view->model()->rowCount() / 2; row < view->model()->rowCount() && !parent.isValid(); ++row) {
            const QModelIndex index = view->model()->index(row, 0);
            if (view->model()->rowCount(index) > 0)
                parent = index;
        }
        QVERIFY(parent.isValid());
        view->expand(parent);
        const QModelIndex child = view->model()->index(0, 0, parent);
        const QString childId = child.data(TaskTreeModel::IdRole).toString();
        view->setCurrentIndex(child);
        view->scrollTo(child, QAbstractItemView::PositionAtCenter);
        QVERIFY(view->verticalScrollBar()->value() > 0);
        const QModelIndex top = view->indexAt(QPoint(1, 1));
        const QString topId = top.data(TaskTreeModel::IdRole).toString();
        const int topY = view->visualRect(top).top();

        m_now += 120'000; // the scenario moves on: progress changes, tasks start, arrive and go
        const int before = m_window->model()->taskCount();
        QSignalSpy applied(m_window.get(), &MainWindow::snapshotApplied);
        QSignalSpy layouts(m_window->model(), &QAbstractItemModel::layoutChanged);
        QSignalSpy inserts(m_window->model(), &QAbstractItemModel::rowsInserted);
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QTRY_COMPARE(applied.size(), 1);
        QVERIFY(m_window->model()->taskCount() != before || !inserts.isEmpty() || !layouts.isEmpty());
        QCOMPARE(layouts.isEmpty(), threshold > 0);

        const QModelIndex current = view->currentIndex();
        QVERIFY(current.isValid());
        QCOMPARE(current.data(TaskTreeModel::IdRole).toString(), childId);
        QVERIFY(view->isExpanded(current.parent()));
        QVERIFY(view->selectionModel()->isRowSelected(current.row(), current.parent()));
        // The row at the top stays where it was (scroll anchoring; tst_tasktreeview has the cases).
        QCoreApplication::processEvents();
        const QModelIndex topNow = view->indexAt(QPoint(1, 1));
        QCOMPARE(topNow.data(TaskTreeModel::IdRole).toString(), topId);
        QCOMPARE(view->visualRect(topNow).top(), topY);
    }

    // Tasks arriving with a poll open as those of the first snapshot did (one rule): a top-level
    // task with subtasks shows them. A task the user closed stays closed.
    void arrivingTasksOpenAsAtStartup_data()
    {
        QTest::addColumn<int>("threshold");
        QTest::addRow("row signals") << std::numeric_limits<int>::max();
        QTest::addRow("one layout change") << 0;
    }

    void arrivingTasksOpenAsAtStartup()
    {
        QFETCH(int, threshold);
        m_window->model()->setLayoutBatchThreshold(threshold);
        TaskTreeView *view = m_window->view();
        const QAbstractItemModel *model = view->model();
        QStringList before;
        QString closed;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            const QString id = index.data(TaskTreeModel::IdRole).toString();
            before << id;
            if (!model->hasChildren(index))
                continue;
            QVERIFY2(view->isExpanded(index), qPrintable(id)); // at startup
            if (closed.isEmpty()) {
                view->collapse(index);
                closed = id;
            }
        }
        QVERIFY(!closed.isEmpty());

        m_now += 300'000; // new trees arrive
        QSignalSpy applied(m_window.get(), &MainWindow::snapshotApplied);
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QTRY_COMPARE(applied.size(), 1);
        int arrived = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            const QString id = index.data(TaskTreeModel::IdRole).toString();
            if (id == closed)
                QVERIFY(!view->isExpanded(index));
            if (before.contains(id) || !model->hasChildren(index))
                continue;
            QVERIFY2(view->isExpanded(index), qPrintable(id));
            QVERIFY(!view->isExpanded(model->index(0, 0, index))); // one level, as at startup
            ++arrived;
        }
        QVERIFY2(arrived > 1, "new trees with subtasks arrived");
    }

    // View › Expand All and '*' show every subtask; rows without subtasks stay out of the view's
    // set of expanded rows (each one would be a persistent index that every re-sort walks).
    void expandAllKeepsLeavesOut()
    {
        TaskTreeView *view = m_window->view();
        const QAbstractItemModel *model = view->model();
        QAction *expandAll = nullptr, *collapseAll = nullptr;
        for (QAction *action : m_window->findChildren<QAction *>()) {
            if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Plus))
                expandAll = action;
            if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Minus))
                collapseAll = action;
        }
        QVERIFY(expandAll && collapseAll);
        // Every row below `top` (the whole tree for the root): rows with subtasks, rows without.
        const auto walk = [&](const QModelIndex &top, QModelIndexList *parents, QModelIndexList *leaves) {
            std::vector<QModelIndex> pending{top};
            while (!pending.empty()) {
                const QModelIndex parent = pending.back();
                pending.pop_back();
                for (int row = 0; row < model->rowCount(parent); ++row) {
                    const QModelIndex child = model->index(row, 0, parent);
                    (model->rowCount(child) > 0 ? parents : leaves)->append(child);
                    pending.push_back(child);
                }
            }
        };
        QModelIndexList parents, leaves;
        walk({}, &parents, &leaves);
        QVERIFY(parents.size() > 5 && leaves.size() > parents.size());
        // The first poll showed the subtasks of each top-level task, and nothing deeper.
        for (const QModelIndex &index : std::as_const(parents))
            QCOMPARE(view->isExpanded(index), !index.parent().isValid());
        for (const QModelIndex &index : std::as_const(leaves))
            QVERIFY(!view->isExpanded(index));

        expandAll->trigger();
        for (const QModelIndex &index : std::as_const(parents))
            QVERIFY2(view->isExpanded(index), qPrintable(index.data(TaskTreeModel::IdRole).toString()));
        for (const QModelIndex &index : std::as_const(leaves))
            QVERIFY(!view->isExpanded(index));
        // Every task is shown: the last leaf of the tree has a place on screen.
        view->scrollTo(leaves.last());
        QVERIFY(view->visualRect(leaves.last()).isValid());

        collapseAll->trigger();
        for (const QModelIndex &index : std::as_const(parents))
            QVERIFY(!view->isExpanded(index));

        // '*' on a task: its whole subtree, the same way.
        QModelIndex top;
        for (int row = 0; row < model->rowCount() && !top.isValid(); ++row) {
            if (model->rowCount(model->index(row, 0)) > 0)
                top = model->index(row, 0);
        }
        QVERIFY(top.isValid());
        view->setFocus();
        view->setCurrentIndex(top);
        QTest::keyClick(view, Qt::Key_Asterisk);
        QModelIndexList below, belowLeaves;
        walk(top, &below, &belowLeaves);
        QVERIFY(view->isExpanded(top));
        for (const QModelIndex &index : std::as_const(below))
            QVERIFY(view->isExpanded(index));
        for (const QModelIndex &index : std::as_const(belowLeaves))
            QVERIFY(!view->isExpanded(index));
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0) != top)
                QVERIFY(!view->isExpanded(model->index(row, 0)));
        }
        // '*' on a task without subtasks: nothing to expand, and it is not recorded as expanded.
        const QModelIndex leaf = belowLeaves.first();
        view->setCurrentIndex(leaf);
        QTest::keyClick(view, Qt::Key_Asterisk);
        QVERIFY(!view->isExpanded(leaf));
    }

    // File › Connect to the Demo Server: from a saved connection back to the demo, and the demo is
    // what the next start opens.
    void connectToTheDemoServer()
    {
        ConnectionProfiles::setLastUsedId(u"a-saved-connection"_s);
        auto *demo = m_window->findChild<QAction *>(u"connectToDemoAction"_s);
        QVERIFY(demo);
        const QUrl before = m_window->client()->config().baseUrl;
        QSignalSpy applied(m_window.get(), &MainWindow::snapshotApplied);
        demo->trigger();
        const QUrl url = m_window->client()->config().baseUrl;
        QCOMPARE(url.host(), u"127.0.0.1"_s);
        QVERIFY(url != before);
        QCOMPARE(m_window->model()->taskCount(), 0); // the test server's tasks are not the demo's
        QVERIFY(m_window->currentProfileId().isEmpty());
        QVERIFY(ConnectionProfiles::lastUsedId().isEmpty());
        QTRY_VERIFY(applied.size() >= 1);
        QVERIFY(m_window->model()->taskCount() > 0);
        QVERIFY(!banner()->isVisible());
        bool named = false;
        for (const QLabel *label : m_window->statusBar()->findChildren<QLabel *>())
            named = named || label->text().contains(u"Demo server "_s + url.toString());
        QVERIFY(named);
        demo->trigger(); // the same server again, not a second one
        QCOMPARE(m_window->client()->config().baseUrl, url);
    }

    void detailsFollowTheCurrentFailedTask()
    {
        TaskTreeView *view = m_window->view();
        QModelIndex failed;
        for (int row = 0; row < view->model()->rowCount() && !failed.isValid(); ++row) {
            const QModelIndex index = view->model()->index(row, 0);
            if (index.data(TaskTreeModel::StateRole).toInt() == int(TaskState::Failed))
                failed = index;
        }
        QVERIFY2(failed.isValid(), "the demo at this time has a failed top-level task");
        view->setCurrentIndex(failed);
        QCOMPARE(m_window->details()->taskId(), failed.data(TaskTreeModel::IdRole).toString());
        QVERIFY(m_window->details()->problemsView()->topLevelItemCount() > 0);
        QVERIFY(m_window->details()->overviewTexts().join(u'\n').contains(ResourceUri::label(u"clusters"_s)));
    }

    void spacePausesPolling()
    {
        TaskTreeView *view = m_window->view();
        view->setFocus();
        QTRY_VERIFY(view->hasFocus());
        QVERIFY(m_window->client()->isPolling());
        QTest::keyClick(view, Qt::Key_Space);
        QVERIFY(!m_window->client()->isPolling());
        QCOMPARE(m_window->client()->state(), TasksClient::State::Idle);
        QTest::keyClick(view, Qt::Key_Space);
        QVERIFY(m_window->client()->isPolling());
    }

    // The toggle says what it will do (Pause, then Resume, with the matching icon), and Refresh Now
    // works while paused: one poll, after which polling stays paused.
    void pauseTogglesToResumeAndRefreshStillPolls()
    {
        auto *pause = m_window->findChild<QAction *>(u"pauseAction"_s);
        QVERIFY(pause);
        const QString pauseText = pause->text();
        const QImage pauseIcon = pause->icon().pixmap(16).toImage();
        pause->trigger();
        QVERIFY(!m_window->client()->isPolling());
        QCOMPARE(pause->text(), MainWindow::tr("&Resume Polling"));
        QVERIFY(pause->icon().pixmap(16).toImage() != pauseIcon);

        QAction *refresh = nullptr;
        for (QAction *action : m_window->findChildren<QAction *>()) {
            if (action->text() == MainWindow::tr("&Refresh Now"))
                refresh = action;
        }
        QVERIFY(refresh);
        QVERIFY(refresh->isEnabled());
        QSignalSpy polls(m_window->client(), &TasksClient::snapshotReady);
        refresh->trigger();
        QTRY_COMPARE(polls.size(), 1);
        QVERIFY(!m_window->client()->isPolling()); // still paused
        QCOMPARE(m_window->client()->state(), TasksClient::State::Idle);
        QVERIFY(pause->isChecked());

        pause->trigger();
        QVERIFY(m_window->client()->isPolling());
        QCOMPARE(pause->text(), pauseText);
        QCOMPARE(pause->icon().pixmap(16).toImage(), pauseIcon);
    }

    void copyPutsTheSelectedTasksOnTheClipboard()
    {
        TaskTreeView *view = m_window->view();
        QAbstractItemModel *model = view->model();
        view->selectionModel()->select(model->index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        view->selectionModel()->select(model->index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QGuiApplication::clipboard()->clear();
        view->setFocus();
        QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
        const QJsonObject doc = QJsonDocument::fromJson(QGuiApplication::clipboard()->text().toUtf8()).object();
        QCOMPARE(doc.value(u"type").toString(), u"application/astra-tasks"_s);
        const QJsonArray items = doc.value(u"items").toArray();
        QCOMPARE(items.size(), 2);
        QStringList ids{model->index(0, 0).data(TaskTreeModel::IdRole).toString(),
                        model->index(1, 0).data(TaskTreeModel::IdRole).toString()};
        for (const QJsonValue &item : items)
            QVERIFY(ids.contains(item.toObject().value(u"id").toString()));
    }

    // A column hidden from the header's menu stays hidden in the next window (QSettings, test mode).
    void headerLayoutSurvivesARestart()
    {
        QMenu *menu = m_window->view()->createColumnMenu(m_window.get());
        QAction *cluster = menu->actions().at(TaskTreeModel::ClusterColumn);
        QCOMPARE(cluster->text(), TaskTreeModel::tr("Cluster"));
        QVERIFY(!menu->actions().at(TaskTreeModel::NameColumn)->isEnabled());
        cluster->toggle();
        QVERIFY(m_window->view()->header()->isSectionHidden(TaskTreeModel::ClusterColumn));
        m_window->view()->header()->resizeSection(TaskTreeModel::ProblemColumn, 333);
        m_window->close();
        delete menu;

        MainWindow next;
        QVERIFY(next.view()->header()->isSectionHidden(TaskTreeModel::ClusterColumn));
        QCOMPARE(next.view()->header()->sectionSize(TaskTreeModel::ProblemColumn), 333);
        // Put it back for the other tests.
        next.view()->header()->setSectionHidden(TaskTreeModel::ClusterColumn, false);
        next.saveLayout();
    }

    // The demo's names reach every name cell (the directory's, not the short ids), the failed
    // task's reason is in its row, and View › Group Failures by Cause filters to a cause.
    void namesProblemsAndFailureGroupsFromTheDemo()
    {
        NameDirectory *names = m_window->client()->names();
        QTRY_VERIFY(names->table() && names->table()->count(NameKind::App) > 0);
        QVERIFY(names->problem().isEmpty());
        QTRY_VERIFY(m_window->model()->names() == names->table());
        int named = 0, failedWithReason = 0;
        m_window->model()->forEachTask([&](const Task &task) {
            const QModelIndex index = m_window->model()->indexForId(task.id);
            for (const int column : {TaskTreeModel::AppColumn, TaskTreeModel::ClusterColumn, TaskTreeModel::NamespaceColumn}) {
                const QString shown = index.siblingAtColumn(column).data().toString();
                QVERIFY2(!shown.isEmpty() && !shown.endsWith(QChar(0x2026)), qPrintable(task.id + u": " + shown));
                QCOMPARE(index.siblingAtColumn(column).data(TaskTreeModel::PlaceNameRole).toString(), shown);
            }
            ++named;
            if (task.state == TaskState::Failed && !task.stateDetails.isEmpty()) {
                ++failedWithReason;
                QCOMPARE(index.siblingAtColumn(TaskTreeModel::ProblemColumn).data().toString(), task.stateDetails.first().title);
            }
        });
        QCOMPARE(named, m_window->model()->taskCount());
        QVERIFY(failedWithReason > 0);

        auto *groups = m_window->findChild<FailureGroupsView *>();
        QVERIFY(groups);
        QTRY_VERIFY(!groups->groups().isEmpty());
        int grouped = 0;
        for (const FailureGroup &group : groups->groups())
            grouped += group.count;
        QCOMPARE(grouped, failedWithReason);
        const FailureGroup first = groups->groups().first();
        QTest::mouseClick(groups->viewport(), Qt::LeftButton, {}, groups->visualItemRect(groups->topLevelItem(0)).center());
        QTRY_COMPARE(m_window->filterEdit()->appliedText(), failureGroupFilter(first.title));
        QTRY_COMPARE(m_window->matchingTaskCount(), first.count);
    }

    // Stale data: rows drawn disabled, durations stopped at the last good poll, the age in the
    // status bar; live again after a good poll.
    void staleDataLooksStale()
    {
        QVERIFY(!m_window->view()->isStale());
        const QDateTime lastGood = m_window->client()->lastSuccessAt();
        Demo::FaultOptions faults;
        faults.errorRate = 1.0;
        m_server->setFaults(faults);
        QSignalSpy failed(m_window->client(), &TasksClient::pollFailed);
        m_window->client()->pollNow();
        QTRY_COMPARE(failed.size(), 1);
        QTRY_VERIFY(m_window->view()->isStale());
        QCOMPARE(m_window->model()->now(), lastGood); // durations stand still
        QStyleOptionViewItem option;
        m_window->view()->initViewItemOptionForTest(&option);
        QVERIFY(!(option.state & QStyle::State_Enabled));
        QString status;
        for (QLabel *label : m_window->statusBar()->findChildren<QLabel *>())
            status += label->text() + u'\n';
        QVERIFY2(status.contains(MainWindow::tr("data %1 old").arg(QString()).trimmed().section(u' ', 0, 0)), qPrintable(status));

        m_server->setFaults({});
        QSignalSpy applied(m_window.get(), &MainWindow::snapshotApplied);
        m_window->client()->pollNow();
        QTRY_COMPARE(applied.size(), 1);
        QTRY_VERIFY(!m_window->view()->isStale());
        QVERIFY(m_window->model()->now() > lastGood);
    }

    void bannerAppearsOnErrorAndClearsOnRecovery()
    {
        const int tasks = m_window->model()->taskCount();
        Demo::FaultOptions faults;
        faults.errorRate = 1.0;
        m_server->setFaults(faults);
        QSignalSpy failed(m_window->client(), &TasksClient::pollFailed);
        m_window->client()->pollNow();
        QTRY_COMPARE(failed.size(), 1);
        QWidget *bar = banner();
        QVERIFY(bar && bar->isVisible());
        QString text;
        for (QLabel *label : bar->findChildren<QLabel *>())
            text += label->text();
        QVERIFY2(text.contains(u"HTTP 50"_s), qPrintable(text)); // 500 or 503, with its title
        QCOMPARE(m_window->model()->taskCount(), tasks); // the last good tasks stay

        m_server->setFaults({});
        QSignalSpy applied(m_window.get(), &MainWindow::snapshotApplied);
        QPushButton *retry = nullptr;
        for (QPushButton *button : bar->findChildren<QPushButton *>()) {
            if (button->text() == ErrorBanner::tr("Retry now"))
                retry = button;
            else // a server error is not fixed in the settings: that button stays hidden
                QVERIFY(!button->isVisible());
        }
        QVERIFY(retry);
        retry->click();
        QTRY_COMPARE(applied.size(), 1);
        QVERIFY(!bar->isVisible());
    }

    void authFailureOffersTheConnectionSettings()
    {
        m_window->client()->setToken(u"wrong"_s); // the server answers 401
        QTRY_COMPARE(m_window->client()->state(), TasksClient::State::AuthStopped);
        QWidget *bar = banner();
        QVERIFY(bar && bar->isVisible());
        bool settingsShown = false;
        for (QPushButton *button : bar->findChildren<QPushButton *>())
            settingsShown = settingsShown || (button->text() == ErrorBanner::tr("Connection Settings…") && button->isVisible());
        QVERIFY(settingsShown);
    }

    // The banner's button opens the connection in use (here given as on the command line: not a saved
    // one), filled in, with the keyboard in the token field.
    void connectionSettingsOpenTheConnectionInUseAtTheToken()
    {
        m_window->client()->setToken(u"wrong"_s);
        QTRY_COMPARE(m_window->client()->state(), TasksClient::State::AuthStopped);
        QPushButton *settings = nullptr;
        for (QPushButton *button : m_window->findChildren<QPushButton *>()) {
            if (button->text() == ErrorBanner::tr("Connection Settings…"))
                settings = button;
        }
        QVERIFY(settings && settings->isVisible());
        QString url, account, focusedEcho;
        bool focusOnToken = false;
        QTimer poll;
        poll.setInterval(10);
        connect(&poll, &QTimer::timeout, this, [&] {
            auto *dialog = qobject_cast<ConnectionDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            poll.stop();
            url = dialog->selectedProfile().baseUrl.toString();
            account = dialog->selectedProfile().accountId;
            const auto *focus = qobject_cast<QLineEdit *>(dialog->focusWidget());
            focusOnToken = focus && focus->echoMode() == QLineEdit::Password;
            dialog->reject();
        });
        poll.start();
        settings->click();
        QCOMPARE(url, m_server->url().toString());
        QCOMPARE(account, m_server->account());
        QVERIFY(focusOnToken);
    }

    // Without saved geometry the window takes about three quarters of the screen, and the details
    // pane a real share of the height.
    void defaultSizeFollowsTheScreen()
    {
        QSettings().remove(u"MainWindow"_s);
        MainWindow window;
        const QRect available = window.screen()->availableGeometry();
        const QSize expected = (available.size() * 3 / 4).expandedTo(window.minimumSizeHint());
        QCOMPARE(window.size(), expected);
        QVERIFY(available.contains(window.geometry().center()));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *splitter = window.findChild<QSplitter *>(u"mainSplitter"_s);
        QVERIFY(splitter);
        const QList<int> sizes = splitter->sizes();
        QCOMPARE(sizes.size(), 2);
        QVERIFY2(sizes[1] * 100 >= (sizes[0] + sizes[1]) * 35, qPrintable(u"%1 / %2"_s.arg(sizes[1]).arg(sizes[0] + sizes[1])));

        // What the user makes of it comes back.
        window.resize(expected - QSize(40, 30));
        splitter->setSizes({sizes[0] + sizes[1] - 120, 120});
        const QList<int> chosen = splitter->sizes();
        window.close();
        MainWindow next;
        QCOMPARE(next.size(), expected - QSize(40, 30));
        next.show();
        QVERIFY(QTest::qWaitForWindowExposed(&next));
        QCOMPARE(next.findChild<QSplitter *>(u"mainSplitter"_s)->sizes(), chosen);
    }

    // The poll's times and the task count are two items with a line between them, not one sentence.
    void statusBarSeparatesThePollFromTheCount()
    {
        const auto *poll = m_window->findChild<QLabel *>(u"pollStatus"_s);
        const auto *count = m_window->findChild<QLabel *>(u"taskCountStatus"_s);
        const auto *line = m_window->findChild<QFrame *>(u"statusSeparator"_s);
        QVERIFY(poll && count && line);
        QTRY_VERIFY2(poll->text().contains(MainWindow::tr("next in %1 s").section(u'%', 0, 0)), qPrintable(poll->text()));
        QVERIFY(!poll->text().contains(MainWindow::tr("%n task(s)", nullptr, m_window->model()->taskCount())));
        QCOMPARE(count->text(), MainWindow::tr("%n task(s)", nullptr, m_window->model()->taskCount()));
        QCOMPARE(line->frameShape(), QFrame::VLine);
        QVERIFY(line->isVisible() && line->width() > 0);
        QVERIFY(poll->geometry().right() < line->geometry().left());
        QVERIFY(line->geometry().right() < count->geometry().left());
    }

    // While the typed expression does not parse, the status bar says the previous filter is still applied.
    void statusSaysThePreviousFilterStaysWhileTheTextIsInvalid()
    {
        m_window->applyFilter(u"state eq 'failed'"_s);
        const int failed = tasksWhere([](const Task &task) { return task.state == TaskState::Failed; });
        const int total = m_window->model()->taskCount();
        const auto *count = m_window->findChild<QLabel *>(u"taskCountStatus"_s);
        QCOMPARE(count->text(), MainWindow::tr("%1 of %n task(s) match", nullptr, total).arg(failed));
        FilterLineEdit *editor = m_window->filterEdit()->editor();
        editor->setFocus();
        editor->moveCursor(QTextCursor::End);
        QTest::keyClicks(editor, u" and stat"_s);
        QCOMPARE(m_window->filterEdit()->validity(), FilterEditor::Validity::Invalid);
        QCOMPARE(count->text(), MainWindow::tr("The previous filter is still applied: %1 of %n task(s) match", nullptr, total).arg(failed));
        QCOMPARE(m_window->matchingTaskCount(), failed);
        QTest::keyClicks(editor, u"e eq 'failed'"_s);
        QCOMPARE(count->text(), MainWindow::tr("%1 of %n task(s) match", nullptr, total).arg(failed));

        m_window->filterEdit()->setText(QString());
        QTest::keyClicks(editor, u"stat"_s);
        QCOMPARE(count->text(), MainWindow::tr("No filter is applied: %n task(s)", nullptr, total));
    }

    void stateChipsRewriteTheExpression()
    {
        StateBar *bar = m_window->stateBar();
        FilterEditor *filter = m_window->filterEdit();
        QAbstractItemModelTester tester(m_window->view()->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        const int completed = tasksWhere([](const Task &t) { return t.state == TaskState::Completed; });
        const int running = tasksWhere([](const Task &t) { return t.state == TaskState::Running; });
        QVERIFY(completed > 0 && running > 0);
        QCOMPARE(bar->count(TaskState::Completed), completed);

        QTest::mouseClick(bar->chip(TaskState::Completed), Qt::LeftButton);
        QCOMPARE(filter->text(), u"state eq 'completed'"_s);
        QCOMPARE(bar->selected(), QStringList{u"completed"_s});
        QCOMPARE(m_window->matchingTaskCount(), completed);
        const auto rows = shownRows();
        QVERIFY(!rows.isEmpty());
        for (const auto &[state, matches] : rows)
            QVERIFY2(!matches || state == u"completed", qPrintable(state)); // others only as dimmed context

        QTest::mouseClick(bar->chip(TaskState::Running), Qt::LeftButton, Qt::ControlModifier); // add
        QCOMPARE(filter->text(), u"state eq 'completed' or state eq 'running'"_s);
        QCOMPARE(m_window->matchingTaskCount(), completed + running);
        QTest::mouseClick(bar->chip(TaskState::Completed), Qt::LeftButton); // lit: remove it
        QCOMPARE(filter->text(), u"state eq 'running'"_s);
        QTest::mouseClick(bar->chip(TaskState::Running), Qt::LeftButton); // the last one: no filter
        QCOMPARE(filter->text(), QString());
        QCOMPARE(m_window->matchingTaskCount(), m_window->model()->taskCount());

        QTest::mouseClick(bar->chip(TaskState::Completed), Qt::LeftButton, Qt::AltModifier); // exclude
        QCOMPARE(filter->text(), u"state ne 'completed'"_s);
        QCOMPARE(bar->excluded(), QStringList{u"completed"_s});
        QCOMPARE(m_window->matchingTaskCount(), m_window->model()->taskCount() - completed);
        QTest::mouseClick(bar->chip(TaskState::Completed), Qt::LeftButton); // excluded: remove the exclusion
        QCOMPARE(filter->text(), QString());
    }

    void typingAStateClauseLightsTheChips()
    {
        FilterEditor *filter = m_window->filterEdit();
        filter->setText(u"state eq 'running' and name in 'BACKUP'"_s);
        QCOMPARE(m_window->stateBar()->selected(), QStringList{u"running"_s});
        // The chips count what the rest of the filter leaves: every state of the backups.
        const auto isBackup = [](const Task &t) { return t.name.contains(u"backup"_s, Qt::CaseInsensitive); };
        QCOMPARE(m_window->stateBar()->count(TaskState::Completed),
                 tasksWhere([&](const Task &t) { return isBackup(t) && t.state == TaskState::Completed; }));
        QCOMPARE(m_window->matchingTaskCount(),
                 tasksWhere([&](const Task &t) { return isBackup(t) && t.state == TaskState::Running; }));
        // The filter comes back in the next window.
        MainWindow next;
        QCOMPARE(next.filterEdit()->text(), u"state eq 'running' and name in 'BACKUP'"_s);
    }

    void cellMenusShowOnlyAndExclude()
    {
        TaskTreeView *view = m_window->view();
        const QModelIndex first = view->model()->index(0, TaskTreeModel::ServiceColumn);
        const QString service = first.data(TaskTreeModel::TaskRole).value<Task>().service;
        QVERIFY(!service.isEmpty());
        std::unique_ptr<QMenu> menu(view->createCellMenu(first, nullptr));
        QVERIFY(menu);
        // Show Only and Exclude first, then the copies and the subtree (tst_tasktreeview).
        QCOMPARE(menu->actions().at(0)->text(), FilterMenu::tr("Show Only “%1”").arg(service));
        QCOMPARE(menu->actions().at(1)->text(), FilterMenu::tr("Exclude “%1”").arg(service));
        menu->actions().at(0)->trigger(); // Show Only
        QCOMPARE(m_window->filterEdit()->text(), u"service eq "_s + quoteFilterText(service));

        // A name (what the Name column shows: the summary) is excluded; the resource cell offers its
        // app, by id, read by name.
        const QModelIndex name = view->model()->index(0, TaskTreeModel::NameColumn);
        const Task task = name.data(TaskTreeModel::TaskRole).value<Task>();
        menu.reset(view->createCellMenu(name, nullptr));
        menu->actions().at(1)->trigger(); // Exclude
        QCOMPARE(m_window->filterEdit()->text(),
                 u"service eq "_s + quoteFilterText(service) + u" and summary ne "_s + quoteFilterText(task.summary));
        m_window->filterEdit()->setText(QString());
        const QModelIndex resource = view->model()->index(0, TaskTreeModel::ResourceColumn);
        const QString app = ResourceUri::idOf(resource.data(TaskTreeModel::TaskRole).value<Task>().resourceURI.toString(), u"apps");
        QVERIFY(!app.isEmpty());
        const QString appName = resource.siblingAtColumn(TaskTreeModel::AppColumn).data(TaskTreeModel::PlaceNameRole).toString();
        QVERIFY(!appName.isEmpty());
        QVERIFY(!appName.contains(app.left(8)));
        menu.reset(view->createCellMenu(resource, nullptr));
        QAction *showApp = nullptr;
        for (QAction *action : menu->actions()) {
            if (action->text() == FilterMenu::tr("Show This App (%1)").arg(appName))
                showApp = showApp ? showApp : action;
        }
        QVERIFY(showApp);
        showApp->trigger();
        QCOMPARE(m_window->filterEdit()->text(), u"app eq "_s + quoteFilterText(app));
        QVERIFY(m_window->matchingTaskCount() >= 1);
    }

    void detailsPaneOffersTheSameFilters()
    {
        TaskTreeView *view = m_window->view();
        view->setCurrentIndex(view->model()->index(0, 0));
        const Task task = view->currentIndex().data(TaskTreeModel::TaskRole).value<Task>();
        const QString app = ResourceUri::idOf(task.resourceURI.toString(), u"apps");
        QVERIFY(!app.isEmpty());
        QLabel *value = m_window->details()->overviewValue(ResourceUri::label(u"apps"_s));
        QVERIFY(value);
        std::unique_ptr<QMenu> menu(m_window->details()->createValueMenu(value, nullptr));
        QVERIFY(menu);
        QAction *exclude = nullptr;
        for (QAction *action : menu->actions()) {
            if (action->text().startsWith(FilterMenu::tr("Exclude “%1”").section(u'“', 0, 0)))
                exclude = action;
        }
        QVERIFY(exclude);
        exclude->trigger();
        QCOMPARE(m_window->filterEdit()->text(), u"app ne "_s + quoteFilterText(app));
    }

    void filterIsPushedToTheServer()
    {
        const int all = m_window->model()->taskCount();
        QSignalSpy applied(m_window.get(), &MainWindow::snapshotApplied);
        m_window->applyFilter(u"state eq 'completed' and name in 'backup' and duration gt 1"_s);
        // The clauses the server grammar has, each its own filter=; the derived one stays here, and
        // so does the state clause (the chips count the other states too).
        QCOMPARE(m_window->client()->config().serverFilters, QStringList{u"name in 'backup'"_s});
        QTRY_COMPARE(applied.size(), 1); // the changed filters poll at once
        QVERIFY(m_window->model()->taskCount() < all);
        m_window->model()->forEachInTreeOrder([](const Task &task, int) { QVERIFY(task.name.contains(u"backup"_s)); });
        QVERIFY(m_window->stateBar()->count(TaskState::Running) > 0);
        QVERIFY(m_window->matchingTaskCount() <= m_window->model()->taskCount());

        // Turned off: nothing is sent, and everything comes back (the filter still applies here).
        QAction *toggle = nullptr;
        for (QAction *action : m_window->findChildren<QAction *>()) {
            if (action->text() == MainWindow::tr("Filter on the &Server Too"))
                toggle = action;
        }
        QVERIFY(toggle && toggle->isChecked());
        toggle->setChecked(false);
        QVERIFY(m_window->client()->config().serverFilters.isEmpty());
        QTRY_COMPARE(applied.size(), 2);
        QCOMPARE(m_window->model()->taskCount(), all);
        QCOMPARE(m_window->filterEdit()->text(), u"state eq 'completed' and name in 'backup' and duration gt 1"_s);
        toggle->setChecked(true); // the default, for the next test
    }

    void ctrlFFocusesTheFilter()
    {
        m_window->view()->setFocus();
        QTRY_VERIFY(m_window->view()->hasFocus());
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(m_window->filterEdit()->editor()->hasFocus());
        m_window->view()->setFocus();
        QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier);
        QTRY_VERIFY(m_window->filterEdit()->editor()->hasFocus());
    }

    void frenchUnderLangFr()
    {
        const QList<QTranslator *> translators = Translations::install(*QCoreApplication::instance(), u"fr"_s);
        QVERIFY(!translators.isEmpty());
        const auto restore = qScopeGuard([&] {
            for (QTranslator *translator : translators) {
                QCoreApplication::removeTranslator(translator);
                delete translator;
            }
            QLocale::setDefault(QLocale::c());
        });
        MainWindow window;
        QStringList menus;
        for (QAction *action : window.menuBar()->actions())
            menus << action->text();
        QVERIFY2(menus.contains(u"&Fichier"_s), qPrintable(menus.join(u',')));
        bool retry = false;
        for (QPushButton *button : window.findChildren<QPushButton *>())
            retry = retry || button->text() == u"Réessayer maintenant";
        QVERIFY(retry);
        // State names are translated in the UI, never in filters.
        QVERIFY2(window.stateBar()->chip(TaskState::Failed)->accessibleName().startsWith(u"Échouée"_s),
                 qPrintable(window.stateBar()->chip(TaskState::Failed)->accessibleName()));
        window.applyFilter(u"state eq 'failed'"_s);
        QCOMPARE(window.stateBar()->selected(), QStringList{u"failed"_s});
    }

    // A real history file: tasks the server stops listing stay, marked; the details show each task's
    // state changes; a new window on the same file shows what the last one saw go.
    void historyKeepsWhatTheServerDropped()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(u"history.sqlite"_s);
        QByteArray body = "{\"items\":[" + taskJson(u"a"_s) + "," + taskJson(u"b"_s, u"failed"_s) + "],\"metadata\":{}}";
        TestHttpServer server;
        server.setHandler([&](const TestHttpServer::Request &request) {
            return request.target.contains("/core/v1/tasks") ? TestHttpServer::json(200, body)
                                                             : TestHttpServer::json(404, "{}");
        });
        ConnectionConfig config;
        config.baseUrl = server.url(QString());
        config.accountId = u"acc"_s;
        config.pollIntervalMs = 60'000;
        const auto taskRow = [](MainWindow &window, const QString &id) {
            const auto *shown = qobject_cast<const QAbstractProxyModel *>(window.view()->model());
            return shown ? shown->mapFromSource(window.model()->indexForId(id)) : QModelIndex();
        };
        {
            MainWindow window;
            window.history()->open(file);
            QSignalSpy applied(&window, &MainWindow::snapshotApplied);
            QSignalSpy recorded(window.history(), &HistoryController::recorded);
            window.connectTo(config, u"token"_s, u"test server"_s);
            window.show();
            QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, 10000);
            QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 1, 10000);
            QCOMPARE(window.history()->store()->status(), HistoryStore::Status::Recording);

            body = "{\"items\":[" + taskJson(u"a"_s, u"completed"_s, 100) + "],\"metadata\":{}}";
            window.client()->pollNow(); // a whole list
            QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 2, 10000);
            QCOMPARE(window.model()->taskCount(), 2);
            const QModelIndex b = window.model()->indexForId(u"b"_s);
            QVERIFY(b.data(TaskTreeModel::FromHistoryRole).toBool());
            QVERIFY(!window.model()->indexForId(u"a"_s).data(TaskTreeModel::FromHistoryRole).toBool());
            const QModelIndex shownB = taskRow(window, u"b"_s);
            QVERIFY(shownB.data(Qt::FontRole).value<QFont>().italic());

            // The details of a: first seen running, then running -> completed, from the file.
            window.view()->setCurrentIndex(taskRow(window, u"a"_s));
            QTreeWidget *history = window.details()->historyView();
            QTRY_COMPARE_WITH_TIMEOUT(history->topLevelItemCount(), 3, 10000); // two changes and "last seen"
            QVERIFY(history->topLevelItem(1)->text(1).contains(TaskFormat::stateName(TaskState::Completed, u"completed"_s)));

            // The journal: a's completion (the first poll's sightings are not news); a click on a row
            // selects its task in the tree.
            QTRY_COMPARE_WITH_TIMEOUT(window.journal()->rowCount(), 1, 10000);
            QCOMPARE(window.journal()->transition(0).taskId, u"a"_s);
            QCOMPARE(window.journal()->transition(0).to, u"completed"_s);
            Q_EMIT window.journalView()->taskActivated(u"b"_s);
            QCOMPARE(window.view()->currentIndex(), taskRow(window, u"b"_s));

            // Turned off, the dropped task leaves the tree; on, it comes back.
            QAction *include = window.findChild<QAction *>(u"includeHistoryAction"_s);
            QVERIFY(include && include->isChecked());
            include->setChecked(false);
            QTRY_COMPARE_WITH_TIMEOUT(window.model()->taskCount(), 1, 10000);
            include->setChecked(true);
            QTRY_COMPARE_WITH_TIMEOUT(window.model()->taskCount(), 2, 10000);
        } // the store writes what was queued, then closes

        MainWindow again;
        again.history()->open(file);
        QSignalSpy applied(&again, &MainWindow::snapshotApplied);
        again.connectTo(config, u"token"_s, u"test server"_s);
        QTRY_VERIFY_WITH_TIMEOUT(applied.size() >= 1, 10000);
        // b comes from the file, once it is read (the snapshot is planned again then).
        QTRY_COMPARE_WITH_TIMEOUT(again.model()->taskCount(), 2, 10000);
        QVERIFY(again.model()->indexForId(u"b"_s).data(TaskTreeModel::FromHistoryRole).toBool());
        QTRY_COMPARE_WITH_TIMEOUT(again.journal()->rowCount(), 3, 10000); // from the file: sightings too
        QVERIFY(!again.historyBanner()->isVisible());
    }

    // The demo server's port changes every time; its history is kept under one fixed identity, the
    // one `taskscope watch --demo` and `taskscope history --demo` use. Another server is itself.
    void demoHistoryHasOneIdentity()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        MainWindow window;
        window.history()->open(dir.filePath(u"history.sqlite"_s));
        QSignalSpy recorded(window.history(), &HistoryController::recorded);
        window.connectToDemo();
        QTRY_VERIFY_WITH_TIMEOUT(!recorded.isEmpty(), 20000);
        const QString demoKey = historyConnectionKey(ConnectionOptions::demoHistoryUrl(), ConnectionOptions::demoAccountId());
        QCOMPARE(window.history()->connectionKey(), demoKey);
        QCOMPARE(window.history()->store()->path(), dir.filePath(u"history.sqlite"_s));

        ConnectionConfig other;
        other.baseUrl = QUrl(u"http://127.0.0.1:9"_s);
        other.accountId = ConnectionOptions::demoAccountId();
        window.connectTo(other, u"token"_s, u"not the demo"_s);
        QTRY_COMPARE(window.history()->connectionKey(), historyConnectionKey(other));
        QVERIFY(window.history()->connectionKey() != demoKey);
    }

    void clicksWorkOnAwkwardValues()
    {
        // Quotes, spaces and non-ASCII text in the values clicked on.
        const QList<QString> names{u"it's a \"backup\""_s, u"Ünïcødé sauvegarde"_s, u"plain"_s};
        QByteArray items;
        for (int i = 0; i < names.size(); ++i) {
            QJsonObject task = QJsonDocument::fromJson(taskJson(u"t%1"_s.arg(i))).object();
            task.insert(u"name"_s, names[i]);
            items += (i ? "," : "") + QJsonDocument(task).toJson(QJsonDocument::Compact);
        }
        const QByteArray body = "{\"items\":[" + items + "],\"metadata\":{}}";
        TestHttpServer server;
        server.setHandler([&](const TestHttpServer::Request &) { return TestHttpServer::json(200, body); });
        const std::unique_ptr<MainWindow> owner = windowOn(server);
        QVERIFY(owner);
        MainWindow &window = *owner;
        QCOMPARE(window.model()->taskCount(), 3);
        for (const QString &name : names.mid(0, 2)) {
            QModelIndex cell;
            for (int row = 0; row < window.view()->model()->rowCount(); ++row) {
                const QModelIndex index = window.view()->model()->index(row, TaskTreeModel::InternalNameColumn);
                if (index.data(TaskTreeModel::TaskRole).value<Task>().name == name)
                    cell = index;
            }
            QVERIFY(cell.isValid());
            std::unique_ptr<QMenu> menu(window.view()->createCellMenu(cell, nullptr));
            menu->actions().at(0)->trigger(); // Show Only
            QCOMPARE(window.filterEdit()->text(), u"name eq "_s + quoteFilterText(name));
            QCOMPARE(window.filterEdit()->validity(), FilterEditor::Validity::Valid);
            QCOMPARE(window.matchingTaskCount(), 1);
            QCOMPARE(window.view()->model()->rowCount(), 1);
            window.filterEdit()->setText(QString());
            menu.reset(window.view()->createCellMenu(window.view()->model()->index(cell.row(), TaskTreeModel::InternalNameColumn), nullptr));
            menu->actions().at(1)->trigger(); // Exclude
            QCOMPARE(window.matchingTaskCount(), 2);
            window.filterEdit()->setText(QString());
        }
    }

    void theOtherChipSelectsUnknownStates()
    {
        const QByteArray body = "{\"items\":[" + taskJson(u"t1"_s, u"exploded"_s) + "," + taskJson(u"t2"_s, u"running"_s) + ","
            + taskJson(u"t3"_s, u"failed"_s) + "],\"metadata\":{}}";
        TestHttpServer server;
        server.setHandler([&](const TestHttpServer::Request &) { return TestHttpServer::json(200, body); });
        const std::unique_ptr<MainWindow> owner = windowOn(server);
        QVERIFY(owner);
        MainWindow &window = *owner;
        QAbstractButton *other = window.stateBar()->chip(TaskState::Unknown);
        QVERIFY(other->isVisible());
        QCOMPARE(window.stateBar()->count(TaskState::Unknown), 1);

        QTest::mouseClick(other, Qt::LeftButton); // only the states this version does not know
        QCOMPARE(window.matchingTaskCount(), 1);
        QCOMPARE(window.stateBar()->selected(), QStringList{QString()});
        QVERIFY(window.filterEdit()->text().contains(u"state ne 'running'"_s));
        QTest::mouseClick(other, Qt::LeftButton); // lit: remove
        QCOMPARE(window.filterEdit()->text(), QString());
        QTest::mouseClick(other, Qt::LeftButton, Qt::AltModifier); // exclude them: every known state
        QCOMPARE(window.matchingTaskCount(), 2);
        QCOMPARE(window.stateBar()->excluded(), QStringList{QString()});
        QTest::mouseClick(other, Qt::LeftButton);
        QCOMPARE(window.filterEdit()->text(), QString());
        // Excluding them keeps what was excluded before.
        QTest::mouseClick(window.stateBar()->chip(TaskState::Failed), Qt::LeftButton, Qt::AltModifier);
        QTest::mouseClick(other, Qt::LeftButton, Qt::AltModifier);
        QCOMPARE(window.matchingTaskCount(), 1); // the running one
        QCOMPARE(window.stateBar()->excluded(), (QStringList{u"failed"_s, QString()}));
    }

    void dataProblemsAreCountedInTheStatusBar()
    {
        // Two problems: a duplicate id and a percentDone out of range. Both tasks still show.
        const QByteArray task1 = taskJson(u"t1"_s, u"running"_s, 150);
        const QByteArray task2 = taskJson(u"t2"_s, u"running"_s, 20);
        QByteArray body = "{\"items\":[" + task1 + "," + task2 + "," + task2 + "],\"metadata\":{}}";
        TestHttpServer server;
        server.setHandler([&](const TestHttpServer::Request &) { return TestHttpServer::json(200, body); });
        const std::unique_ptr<MainWindow> owner = windowOn(server);
        QVERIFY(owner);
        MainWindow &window = *owner;
        QSignalSpy applied(&window, &MainWindow::snapshotApplied);
        QCOMPARE(window.model()->taskCount(), 2);
        QCOMPARE(window.dataWarnings().size(), 2);
        QVERIFY2(window.dataWarnings().join(u'\n').contains(u"percentDone"_s), qPrintable(window.dataWarnings().join(u'\n')));
        QToolButton *button = nullptr;
        for (QToolButton *candidate : window.findChildren<QToolButton *>()) {
            if (candidate->text() == MainWindow::tr("%n data problem(s)", nullptr, 2))
                button = candidate;
        }
        QVERIFY(button && button->isVisible());
        QVERIFY(button->toolTip().contains(u"t2"_s)); // the duplicate, named

        body = "{\"items\":[" + task2 + "],\"metadata\":{}}";
        window.client()->pollNow();
        QTRY_COMPARE(applied.size(), 1);
        QVERIFY(window.dataWarnings().isEmpty());
        QVERIFY(!button->isVisible());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
