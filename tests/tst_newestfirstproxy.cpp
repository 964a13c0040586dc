// NewestFirstProxyModel: top-level tasks newest first, subtasks in sibling order, live; and every
// sorting proxy keeps its order through random polls.
#include "demoserverthread.h"
#include "newestfirstproxymodel.h"
#include "tasksclient.h"
#include "tasktreemodel.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <limits>

using namespace Taskscope;
using namespace Qt::StringLiterals;

namespace {
Task makeTask(const QString &id, const QString &parent, int startMinute, std::optional<double> orderHint = {})
{
    Task task;
    task.id = id;
    task.parentTaskID = parent;
    task.name = u"astra.backup"_s;
    task.state = TaskState::Running;
    task.stateText = u"running"_s;
    task.orderHint = orderHint;
    if (startMinute >= 0)
        task.startTime = QDateTime(QDate(2026, 1, 1), QTime(10, startMinute), Qt::UTC);
    task.rawJson = (id + u'|' + parent + u'|' + QString::number(startMinute)).toUtf8();
    return task;
}

QStringList rows(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(parent); ++row)
        ids << model.index(row, 0, parent).data(TaskTreeModel::IdRole).toString();
    return ids;
}
// The whole tree as the proxy shows it: "id" lines indented by depth.
QString dump(const QAbstractItemModel &model)
{
    QString out;
    std::vector<std::pair<QModelIndex, int>> stack;
    for (int row = model.rowCount() - 1; row >= 0; --row)
        stack.emplace_back(model.index(row, 0), 0);
    while (!stack.empty()) {
        const auto [index, depth] = stack.back();
        stack.pop_back();
        out += QString(depth * 2, u' ') + index.data(TaskTreeModel::IdRole).toString() + u'\n';
        for (int row = model.rowCount(index) - 1; row >= 0; --row)
            stack.emplace_back(model.index(row, 0, index), depth + 1);
    }
    return out;
}

// A task's bytes follow its fields, as a server's would.
void rewrite(Task &task)
{
    task.rawJson = (task.id + u'|' + task.parentTaskID + u'|' + task.startTime.toString(Qt::ISODate) + u'|'
                    + task.metadata.creationTimestamp.toString(Qt::ISODate) + u'|'
                    + QString::number(task.orderHint.value_or(-1)) + u'|' + QString::number(task.percentDone.value_or(-1))
                    + u'|' + task.stateText)
                       .toUtf8();
}

enum class Order { NewestFirst, ProgressAscending, StartedDescending, NameDescending };
} // namespace

class TestNewestFirstProxy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void topLevelNewestFirstChildrenInModelOrder()
    {
        TaskTreeModel model;
        NewestFirstProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.sortNewestFirst();
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.apply({makeTask(u"old"_s, {}, 1), makeTask(u"new"_s, {}, 30), makeTask(u"pending"_s, {}, -1),
                     makeTask(u"c2"_s, u"new"_s, 31, 2), makeTask(u"c1"_s, u"new"_s, 40, 1),
                     makeTask(u"c0"_s, u"new"_s, 50, 0)});
        QCOMPARE(rows(proxy), (QStringList{u"new"_s, u"old"_s, u"pending"_s}));
        // Subtasks: orderHint first, whatever their start times.
        QCOMPARE(rows(proxy, proxy.index(0, 0)), (QStringList{u"c0"_s, u"c1"_s, u"c2"_s}));

        // A new task arrives and a selection-like persistent index follows its task.
        const QPersistentModelIndex old = proxy.index(1, 0);
        model.apply({makeTask(u"old"_s, {}, 1), makeTask(u"new"_s, {}, 30), makeTask(u"pending"_s, {}, -1),
                     makeTask(u"c2"_s, u"new"_s, 31, 2), makeTask(u"c1"_s, u"new"_s, 40, 1),
                     makeTask(u"c0"_s, u"new"_s, 50, 0), makeTask(u"newest"_s, {}, 45)});
        QCOMPARE(rows(proxy), (QStringList{u"newest"_s, u"new"_s, u"old"_s, u"pending"_s}));
        QVERIFY(old.isValid());
        QCOMPARE(old.data(TaskTreeModel::IdRole).toString(), u"old"_s);
    }

    // Progress moving is not a reason to re-sort (and re-lay out) the tree; a new start time or
    // orderHint is, and the proxy re-sorts that level in place: the model moves nothing (a source
    // move would make the proxy rebuild every level).
    void onlyOrderChangesResort()
    {
        TaskTreeModel model;
        NewestFirstProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.sortNewestFirst();
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        Task a = makeTask(u"a"_s, {}, 1), b = makeTask(u"b"_s, {}, 2);
        Task b1 = makeTask(u"b1"_s, u"b"_s, 3, 1), b2 = makeTask(u"b2"_s, u"b"_s, 4, 2);
        model.apply({a, b, b1, b2});
        QCOMPARE(rows(proxy), (QStringList{u"b"_s, u"a"_s}));
        const QPersistentModelIndex persistentB1 = proxy.index(0, 0, proxy.index(0, 0));
        QCOMPARE(persistentB1.data(TaskTreeModel::IdRole).toString(), u"b1"_s);
        QSignalSpy layouts(&proxy, &QAbstractItemModel::layoutChanged);
        QSignalSpy data(&proxy, &QAbstractItemModel::dataChanged);
        QSignalSpy sourceMoves(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy sourceLayouts(&model, &QAbstractItemModel::layoutChanged);
        a.percentDone = 50;
        a.rawJson += "|50";
        model.apply({a, b, b1, b2});
        QCOMPARE(data.size(), 1);
        QVERIFY(!data.first().at(2).value<QList<int>>().contains(TaskTreeModel::OrderRole));
        QCOMPARE(layouts.size(), 0);

        a.startTime = a.startTime.addSecs(3600); // now the newest
        a.rawJson += "|later";
        model.apply({a, b, b1, b2});
        QVERIFY(data.last().at(2).value<QList<int>>().contains(TaskTreeModel::OrderRole));
        QCOMPARE(rows(proxy), (QStringList{u"a"_s, u"b"_s}));
        QCOMPARE(layouts.size(), 1);

        b1.orderHint = 9; // subtasks: after b2 now
        b1.rawJson += "|9";
        model.apply({a, b, b1, b2});
        QCOMPARE(rows(proxy, proxy.index(1, 0)), (QStringList{u"b2"_s, u"b1"_s}));
        QCOMPARE(layouts.size(), 2);
        QCOMPARE(persistentB1.data(TaskTreeModel::IdRole).toString(), u"b1"_s); // selection follows
        QCOMPARE(persistentB1.row(), 1);
        QCOMPARE(sourceMoves.size() + sourceLayouts.size(), 0);
    }

    // Started tasks first, by start time (latest first), then by creation time (newest first);
    // tasks not started yet after all of them, newest created first (without a creation time
    // last). A queued task that starts moves to the top.
    void startedFirstThenQueuedNewestCreatedFirst()
    {
        TaskTreeModel model;
        NewestFirstProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.sortNewestFirst();
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        const auto created = [](Task task, int createdMinute) {
            if (createdMinute >= 0)
                task.metadata.creationTimestamp = QDateTime(QDate(2026, 1, 1), QTime(9, createdMinute), Qt::UTC);
            rewrite(task);
            return task;
        };
        const auto queued = [&](const QString &id, int createdMinute) { return created(makeTask(id, {}, -1), createdMinute); };
        // Two tasks started at the same time: the one created later first.
        Task done = created(makeTask(u"done"_s, {}, 5), 1), twin = created(makeTask(u"twin"_s, {}, 5), 2);
        Task q1 = queued(u"q1"_s, 30), q2 = queued(u"q2"_s, 31), bare = queued(u"a-bare"_s, -1);
        model.apply({done, q1, bare, twin, q2});
        QCOMPARE(rows(proxy), (QStringList{u"twin"_s, u"done"_s, u"q2"_s, u"q1"_s, u"a-bare"_s}));
        bare.startTime = QDateTime(QDate(2026, 1, 1), QTime(10, 40), Qt::UTC);
        rewrite(bare);
        model.apply({done, q1, bare, twin, q2});
        QCOMPARE(rows(proxy), (QStringList{u"a-bare"_s, u"twin"_s, u"done"_s, u"q2"_s, u"q1"_s}));

        QSignalSpy inserts(&proxy, &QAbstractItemModel::rowsInserted);
        QSignalSpy layouts(&proxy, &QAbstractItemModel::layoutChanged);
        Task q3 = queued(u"q3"_s, 40), q4 = queued(u"q4"_s, 41);
        model.apply({done, q1, bare, twin, q2, q3, q4});
        QCOMPARE(rows(proxy), (QStringList{u"a-bare"_s, u"twin"_s, u"done"_s, u"q4"_s, u"q3"_s, u"q2"_s, u"q1"_s}));
        QCOMPARE(inserts.size(), 1);
        QCOMPARE(layouts.size(), 0);

        q1.startTime = QDateTime(QDate(2026, 1, 1), QTime(10, 50), Qt::UTC); // the oldest queued starts
        rewrite(q1);
        model.apply({done, q1, bare, twin, q2, q3, q4});
        QCOMPARE(rows(proxy), (QStringList{u"q1"_s, u"a-bare"_s, u"twin"_s, u"done"_s, u"q4"_s, u"q3"_s, u"q2"_s}));
        QCOMPARE(layouts.size(), 1);
    }

    // The proxy places the rows of each change by binary search among the rows it
    // already has: after every poll of a random sequence (start times, orderHints and progress
    // changing in several rows of a level at once, tasks coming, going and changing parent), each
    // order and a filter show exactly what a proxy built from scratch shows.
    void ordersHoldThroughRandomPolls_data()
    {
        QTest::addColumn<int>("order");
        QTest::addColumn<QString>("filter");
        QTest::addColumn<int>("threshold");
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<bool>("subtrees");
        const std::pair<const char *, Order> orders[] = {{"newest first", Order::NewestFirst},
                                                          {"progress", Order::ProgressAscending},
                                                          {"started desc", Order::StartedDescending},
                                                          {"name desc", Order::NameDescending}};
        const std::pair<const char *, int> thresholds[] = {{"default", 8}, {"rows", std::numeric_limits<int>::max()}};
        for (const auto &[orderName, order] : orders) {
            for (const auto &[thresholdName, threshold] : thresholds) {
                for (quint32 seed : {1u, 2u, 3u}) {
                    QTest::addRow("%s, %s, seed %u", orderName, thresholdName, seed)
                        << int(order) << QString() << threshold << seed << false;
                }
            }
        }
        QTest::addRow("newest first, filtered") << int(Order::NewestFirst) << u"percentDone lt 50"_s << 8 << 4u << false;
        QTest::addRow("progress, filtered") << int(Order::ProgressAscending) << u"state eq 'running'"_s << 8 << 5u << false;
        for (quint32 seed : {6u, 7u, 8u}) {
            QTest::addRow("newest first, filtered with subtrees, seed %u", seed)
                << int(Order::NewestFirst) << u"percentDone lt 30"_s << 8 << seed << true;
            QTest::addRow("name desc, filtered with subtrees, rows, seed %u", seed)
                << int(Order::NameDescending) << u"state eq 'completed'"_s << std::numeric_limits<int>::max() << seed << true;
            QTest::addRow("started desc, filtered, seed %u", seed)
                << int(Order::StartedDescending) << u"percentDone gt 60"_s << 8 << seed << false;
        }
    }

    void ordersHoldThroughRandomPolls()
    {
        QFETCH(int, order);
        QFETCH(QString, filter);
        QFETCH(int, threshold);
        QFETCH(quint32, seed);
        QFETCH(bool, subtrees);
        TaskTreeModel model;
        model.setLayoutBatchThreshold(threshold);
        const auto configure = [&](NewestFirstProxyModel &proxy) {
            proxy.setSourceModel(&model);
            switch (Order(order)) {
            case Order::NewestFirst:
                proxy.sortNewestFirst();
                break;
            case Order::ProgressAscending:
                proxy.sort(TaskTreeModel::ProgressColumn, Qt::AscendingOrder);
                break;
            case Order::StartedDescending:
                proxy.sort(TaskTreeModel::StartedColumn, Qt::DescendingOrder);
                break;
            case Order::NameDescending:
                proxy.sort(TaskTreeModel::NameColumn, Qt::DescendingOrder);
                break;
            }
            if (subtrees)
                proxy.setMode(TaskFilterProxyModel::Mode::MatchesWithSubtrees);
            if (!filter.isEmpty())
                QVERIFY(proxy.setFilterText(filter));
        };
        NewestFirstProxyModel live;
        configure(live);
        QAbstractItemModelTester tester(&live, QAbstractItemModelTester::FailureReportingMode::Fatal);

        QRandomGenerator rng(seed);
        QList<Task> tasks;
        int nextId = 0;
        const auto newTask = [&] {
            Task task = makeTask(u"t%1"_s.arg(nextId++, 3, 10, QLatin1Char('0')), {}, int(rng.bounded(60)));
            if (!tasks.isEmpty() && rng.bounded(3) > 0)
                task.parentTaskID = tasks.at(rng.bounded(int(tasks.size()))).id;
            if (rng.bounded(3) == 0)
                task.orderHint = rng.bounded(4);
            if (rng.bounded(4) == 0)
                task.startTime = {};
            task.name = u"astra.%1"_s.arg(QChar(u'a' + char16_t(rng.bounded(3))));
            task.percentDone = rng.bounded(101);
            if (rng.bounded(2) == 0) // queued tasks order by creation time (Qt's QSortFilterProxyModel crashed here)
                task.metadata.creationTimestamp = QDateTime(QDate(2026, 1, 1), QTime(9, int(rng.bounded(8))), Qt::UTC);
            rewrite(task);
            return task;
        };
        for (int i = 0; i < 40; ++i)
            tasks.append(newTask());
        for (int poll = 0; poll < 40; ++poll) {
            for (Task &task : tasks) {
                switch (rng.bounded(10)) {
                case 0:
                    task.startTime = QDateTime(QDate(2026, 1, 1), QTime(10, int(rng.bounded(60))), Qt::UTC);
                    break;
                case 1:
                    task.orderHint = rng.bounded(2) ? std::optional<double>(rng.bounded(4)) : std::nullopt;
                    break;
                case 2:
                case 3:
                    task.percentDone = rng.bounded(101);
                    break;
                case 4:
                    task.state = rng.bounded(2) ? TaskState::Running : TaskState::Completed;
                    task.stateText = task.state == TaskState::Running ? u"running"_s : u"completed"_s;
                    break;
                case 5:
                    task.metadata.creationTimestamp = QDateTime(QDate(2026, 1, 1), QTime(9, int(rng.bounded(8))), Qt::UTC);
                    break;
                default:
                    continue;
                }
                rewrite(task);
            }
            if (rng.bounded(3) == 0) { // a task changes parent (a loop is cut by the model)
                Task &task = tasks[rng.bounded(int(tasks.size()))];
                task.parentTaskID = rng.bounded(2) ? tasks.at(rng.bounded(int(tasks.size()))).id : QString();
                rewrite(task);
            }
            for (int gone = int(rng.bounded(3)); gone > 0 && tasks.size() > 10; --gone)
                tasks.removeAt(rng.bounded(int(tasks.size())));
            for (int fresh = int(rng.bounded(4)); fresh > 0; --fresh)
                tasks.append(newTask());
            // Persistent indexes (a selection, expanded rows) follow their tasks or become invalid.
            std::vector<std::pair<QPersistentModelIndex, QString>> held;
            for (QModelIndex index = live.index(0, 0); index.isValid() && held.size() < 12;) {
                held.emplace_back(index, index.data(TaskTreeModel::IdRole).toString());
                const QModelIndex below = live.index(0, 0, index);
                index = below.isValid() ? below : live.index(int(rng.bounded(quint32(live.rowCount()))), 0);
            }
            model.apply(tasks);
            for (const auto &[index, id] : held)
                QVERIFY(!index.isValid() || index.data(TaskTreeModel::IdRole).toString() == id);

            NewestFirstProxyModel scratch;
            configure(scratch);
            QCOMPARE(dump(live), dump(scratch));
        }
    }

    void headerSortUsesRawValues()
    {
        TaskTreeModel model;
        NewestFirstProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.sortNewestFirst();
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        Task a = makeTask(u"a"_s, {}, 1), b = makeTask(u"b"_s, {}, 2), c = makeTask(u"c"_s, {}, 3), d = makeTask(u"d"_s, {}, 4);
        a.percentDone = 9.5; // as text "9.5" would sort after "10"
        b.percentDone = 10;
        c.percentDone = 100;
        for (Task *t : {&a, &b, &c, &d})
            t->rawJson += QByteArray::number(t->percentDone.value_or(-1));
        model.apply({a, b, c, d});
        QVERIFY(proxy.isNewestFirst());
        QCOMPARE(rows(proxy), (QStringList{u"d"_s, u"c"_s, u"b"_s, u"a"_s}));
        proxy.sort(TaskTreeModel::ProgressColumn, Qt::AscendingOrder);
        QVERIFY(!proxy.isNewestFirst());
        QCOMPARE(rows(proxy), (QStringList{u"a"_s, u"b"_s, u"c"_s, u"d"_s})); // no progress: last
        proxy.sort(TaskTreeModel::ProgressColumn, Qt::DescendingOrder);
        QCOMPARE(rows(proxy), (QStringList{u"c"_s, u"b"_s, u"a"_s, u"d"_s})); // still last
        proxy.sort(TaskTreeModel::StartedColumn, Qt::AscendingOrder);
        QCOMPARE(rows(proxy), (QStringList{u"a"_s, u"b"_s, u"c"_s, u"d"_s}));
        proxy.sortNewestFirst();
        QCOMPARE(rows(proxy), (QStringList{u"d"_s, u"c"_s, u"b"_s, u"a"_s}));
    }

    // The demo's 20,000-task list: the first screen shows what runs, not what waits. Busy (a
    // retention of 900 s: thousands of tasks at once) about 70 top-level tasks wait at any time:
    // in the old order (tasks not started yet first) they filled the first screen.
    void firstScreenOfTheDemoShowsWhatRuns_data()
    {
        QTest::addColumn<qint64>("retentionSeconds");
        QTest::addColumn<bool>("finishedToo"); // busy, the first screen is tasks started seconds ago
        QTest::addRow("20,000 tasks") << qint64(-1) << true;
        QTest::addRow("20,000 tasks, busy") << qint64(900) << false;
    }

    void firstScreenOfTheDemoShowsWhatRuns()
    {
        QFETCH(qint64, retentionSeconds);
        QFETCH(bool, finishedToo);
        Demo::DemoServerOptions options;
        options.tasks = 20'000;
        options.seed = 11;
        options.retentionSeconds = retentionSeconds;
        options.epochMsecs = 1'795'000'000'000;
        options.clock = [now = options.epochMsecs + 60'000] { return now; };
        const Demo::DemoServerThread demo(options);
        QVERIFY2(demo.isListening(), qPrintable(demo.errorString()));
        TasksClient client;
        ConnectionConfig config;
        config.baseUrl = demo.server().url();
        config.accountId = demo.server().account();
        client.setConfig(config);
        client.setToken(demo.server().token());
        QSignalSpy ready(&client, &TasksClient::snapshotReady);
        client.fetchOnce();
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 60000);
        const Snapshot snapshot = ready.first().first().value<Snapshot>();

        TaskTreeModel model;
        NewestFirstProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.sortNewestFirst();
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.apply(snapshot.tasks, nullptr, &snapshot.digests);
        QVERIFY(model.taskCount() > 15'000);
        QList<TaskState> states;
        for (int row = 0; row < proxy.rowCount(); ++row)
            states << proxy.index(row, 0).data(TaskTreeModel::TaskRole).value<Task>().state;
        const qsizetype waiting = states.count(TaskState::NotStarted);
        QVERIFY2(waiting > 0, "the list has tasks not started yet");
        const QList<TaskState> firstScreen = states.mid(0, 30);
        QCOMPARE(firstScreen.count(TaskState::NotStarted), 0);
        QVERIFY(firstScreen.count(TaskState::Running) > 0);
        const qsizetype finished = firstScreen.count(TaskState::Completed) + firstScreen.count(TaskState::Failed)
            + firstScreen.count(TaskState::Cancelled);
        QVERIFY(!finishedToo || finished > 0);
        // Those not started yet are all there, after the others.
        QCOMPARE(states.mid(states.size() - waiting).count(TaskState::NotStarted), waiting);
    }

    void resourceSortIsTheTextOrder()
    {
        // Sorted by Resource, the URIs (UTF-8 views of the tasks' bytes) order as their text does,
        // also past ASCII (U+FFFD after a surrogate pair, as in UTF-16); ties in sibling order.
        TaskTreeModel model;
        NewestFirstProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        Task a = makeTask(u"a"_s, {}, 1), b = makeTask(u"b"_s, {}, 2), c = makeTask(u"c"_s, {}, 3),
             d = makeTask(u"d"_s, {}, 4), e = makeTask(u"e"_s, {}, 5);
        a.resourceURI = u"/x/b"_s;
        b.resourceURI = u"/x/a"_s;
        c.resourceURI = u"/x/\ufffd"_s;
        d.resourceURI = u"/x/a"_s;
        e.resourceURI = QString(u"/x/"_s + QString::fromUtf8("\xf0\x9f\x98\x80"));
        model.apply({a, b, c, d, e});
        proxy.sort(TaskTreeModel::ResourceColumn, Qt::AscendingOrder);
        QCOMPARE(rows(proxy), (QStringList{u"b"_s, u"d"_s, u"a"_s, u"e"_s, u"c"_s}));
        proxy.sort(TaskTreeModel::ResourceColumn, Qt::DescendingOrder);
        QCOMPARE(rows(proxy), (QStringList{u"c"_s, u"e"_s, u"a"_s, u"b"_s, u"d"_s})); // ties: sibling order still
    }
};

QTEST_GUILESS_MAIN(TestNewestFirstProxy)
#include "tst_newestfirstproxy.moc"
