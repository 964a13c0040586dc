// JournalModel and JournalFilterProxy: order, duplicates, live rows at the top, the history merge, the
// cap, "new since I last looked", and filtering with real parsed filters.
#include "filterevaluator.h"
#include "filterlanguage.h"
#include "historystore.h"
#include "journalfilterproxy.h"
#include "journalspec.h"
#include "journalmodel.h"
#include "snapshotdiff.h"
#include "taskformat.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QHash>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Taskscope;
using namespace Taskscope::JournalSpec;
using namespace Qt::StringLiterals;

namespace {

// The task ids of the rows, top to bottom.
QStringList ids(const QAbstractItemModel &model)
{
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list.append(model.index(row, 0).data(JournalModel::TaskIdRole).toString());
    return list;
}

FilterPredicate predicate(const QString &text, const QDateTime &now = minute(60))
{
    const FilterParseResult parsed = parseFilter(text);
    if (!parsed.ok())
        qFatal("bad filter in the test: %s", qPrintable(parsed.error->toString()));
    return FilterPredicate(parsed.expr, now);
}

struct Fixture
{
    JournalModel model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
};

struct ProxyFixture
{
    JournalModel model;
    JournalFilterProxy proxy;
    std::unique_ptr<QAbstractItemModelTester> modelTester;
    std::unique_ptr<QAbstractItemModelTester> proxyTester;
    ProxyFixture()
    {
        proxy.setSourceModel(&model);
        modelTester = std::make_unique<QAbstractItemModelTester>(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxyTester = std::make_unique<QAbstractItemModelTester>(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
};

} // namespace

class TestJournalModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyModel()
    {
        Fixture f;
        QCOMPARE(f.model.rowCount(), 0);
        QCOMPARE(f.model.columnCount(), 5);
        QCOMPARE(f.model.newCount(), 0);
        QCOMPARE(f.model.cap(), 10000);
        QCOMPARE(f.model.headerData(JournalModel::ChangeColumn, Qt::Horizontal).toString(), u"Change"_s);
    }

    void newestFirst()
    {
        Fixture f;
        // In time order, as the store gives them, with two of one poll (the same instant).
        f.model.append({change(u"a"_s, {}, u"running"_s, minute(0)), change(u"b"_s, u"running"_s, u"completed"_s, minute(1)),
                        change(u"c"_s, u"running"_s, u"failed"_s, minute(2)), change(u"d"_s, {}, u"running"_s, minute(2))});
        // Of one instant, the later in the list is above.
        QCOMPARE(ids(f.model), (QStringList{u"d"_s, u"c"_s, u"b"_s, u"a"_s}));
        QCOMPARE(f.model.index(1, 0).data(JournalModel::AtRole).toDateTime(), minute(2));
        QCOMPARE(f.model.index(1, 0).data(JournalModel::StateRole).toInt(), int(TaskState::Failed));
        QCOMPARE(f.model.index(1, 0).data(JournalModel::FromStateRole).toInt(), int(TaskState::Running));
        QCOMPARE(f.model.index(0, 0).data(JournalModel::FromStateRole).toInt(), -1);
        // Any order in: time order out.
        Fixture g;
        g.model.append({change(u"b"_s, {}, u"running"_s, minute(5)), change(u"a"_s, {}, u"running"_s, minute(9)),
                        change(u"c"_s, {}, u"running"_s, minute(1))});
        QCOMPARE(ids(g.model), (QStringList{u"a"_s, u"b"_s, u"c"_s}));
    }

    void appendGoesOnTopInOneSignal()
    {
        Fixture f;
        f.model.append({change(u"a"_s, {}, u"running"_s, minute(0)), change(u"b"_s, {}, u"running"_s, minute(1))});
        const QPersistentModelIndex a = f.model.index(1, 0);
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&f.model, &QAbstractItemModel::modelReset);
        f.model.append({change(u"a"_s, u"running"_s, u"completed"_s, minute(3)), change(u"c"_s, {}, u"running"_s, minute(3))});
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 1);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(ids(f.model), (QStringList{u"c"_s, u"a"_s, u"b"_s, u"a"_s}));
        QCOMPARE(a.row(), 3); // persistent indexes follow their rows
    }

    void olderLiveRowGoesToItsPlace()
    {
        Fixture f;
        f.model.append({change(u"a"_s, {}, u"running"_s, minute(0)), change(u"c"_s, {}, u"running"_s, minute(2))});
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        f.model.append({change(u"b"_s, {}, u"running"_s, minute(1))});
        QCOMPARE(ids(f.model), (QStringList{u"c"_s, u"b"_s, u"a"_s}));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 1);
    }

    void duplicatesAreLeftOut()
    {
        Fixture f;
        const HistoryTransition failed = change(u"a"_s, u"running"_s, u"failed"_s, minute(4), u"shop"_s, u"Out of space"_s);
        f.model.append({failed, failed}); // twice in one call
        QCOMPARE(f.model.rowCount(), 1);
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        f.model.append({failed});
        HistoryTransition sameKey = failed; // same task, `to` and instant: the same change, whatever else differs
        sameKey.from = u"paused"_s;
        sameKey.reason = u"other words"_s;
        f.model.append({sameKey});
        f.model.setHistory({failed});
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(f.model.rowCount(), 1);
        // Another state, another instant or another task is another row.
        f.model.append({change(u"a"_s, u"running"_s, u"completed"_s, minute(4)),
                        change(u"a"_s, u"running"_s, u"failed"_s, minute(4).addMSecs(1)),
                        change(u"b"_s, u"running"_s, u"failed"_s, minute(4))});
        QCOMPARE(f.model.rowCount(), 4);
    }

    void historyMergesByTime()
    {
        Fixture f;
        f.model.append({change(u"live5"_s, {}, u"running"_s, minute(5)), change(u"live10"_s, {}, u"running"_s, minute(10))});
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&f.model, &QAbstractItemModel::modelReset);
        // What the file knew, in time order: one row the live events already showed.
        f.model.setHistory({change(u"h1"_s, {}, u"running"_s, minute(1)), change(u"live5"_s, {}, u"running"_s, minute(5)),
                            change(u"h7"_s, u"running"_s, u"failed"_s, minute(7)),
                            change(u"h12"_s, u"running"_s, u"completed"_s, minute(12))});
        QCOMPARE(ids(f.model), (QStringList{u"h12"_s, u"live10"_s, u"h7"_s, u"live5"_s, u"h1"_s}));
        QCOMPARE(inserted.count(), 3); // one per place: the top, between, the bottom
        QCOMPARE(reset.count(), 0);
        // Into an empty journal: one insert.
        Fixture g;
        QSignalSpy first(&g.model, &QAbstractItemModel::rowsInserted);
        g.model.setHistory({change(u"x"_s, {}, u"running"_s, minute(1)), change(u"y"_s, {}, u"running"_s, minute(2))});
        QCOMPARE(first.count(), 1);
        QCOMPARE(ids(g.model), (QStringList{u"y"_s, u"x"_s}));
    }

    void historyInterleavedEverywhereResetsOnce()
    {
        Fixture f;
        QList<HistoryTransition> live, history;
        for (int i = 0; i < 200; ++i) {
            live.append(change(u"live%1"_s.arg(i), {}, u"running"_s, minute(2 * i)));
            history.append(change(u"old%1"_s.arg(i), {}, u"running"_s, minute(2 * i + 1)));
        }
        f.model.append(live);
        QSignalSpy reset(&f.model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        f.model.setHistory(history);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(f.model.rowCount(), 400);
        for (int row = 0; row + 1 < f.model.rowCount(); ++row)
            QVERIFY(f.model.index(row, 0).data(JournalModel::AtRole).toDateTime()
                    > f.model.index(row + 1, 0).data(JournalModel::AtRole).toDateTime());
        QCOMPARE(f.model.index(0, 0).data(JournalModel::TaskIdRole).toString(), u"old199"_s);
    }

    void capDropsTheOldest()
    {
        Fixture f;
        f.model.setCap(3);
        QList<HistoryTransition> five;
        for (int i = 0; i < 5; ++i)
            five.append(change(u"t%1"_s.arg(i), {}, u"running"_s, minute(i)));
        f.model.append(five);
        QCOMPARE(ids(f.model), (QStringList{u"t4"_s, u"t3"_s, u"t2"_s}));
        // Older than everything kept: nothing happens (not an insert and a removal).
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&f.model, &QAbstractItemModel::rowsRemoved);
        f.model.setHistory({change(u"old"_s, {}, u"running"_s, minute(-10)), five.at(0)});
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(removed.count(), 0);
        // A newer one pushes the oldest out.
        f.model.append({change(u"t5"_s, {}, u"running"_s, minute(5))});
        QCOMPARE(ids(f.model), (QStringList{u"t5"_s, u"t4"_s, u"t3"_s}));
        QCOMPARE(removed.count(), 1);
        f.model.setCap(2);
        QCOMPARE(ids(f.model), (QStringList{u"t5"_s, u"t4"_s}));
        f.model.setCap(0); // at least one row
        QCOMPARE(f.model.cap(), 1);
        QCOMPARE(f.model.rowCount(), 1);
    }

    void defaultCapIsTenThousand()
    {
        Fixture f;
        QList<HistoryTransition> many;
        for (int i = 0; i < 10005; ++i)
            many.append(change(u"t%1"_s.arg(i), {}, u"running"_s, kStart.addSecs(i)));
        f.model.setHistory(many.mid(0, 6000));
        f.model.append(many.mid(6000));
        QCOMPARE(f.model.rowCount(), 10000);
        QCOMPARE(f.model.index(0, 0).data(JournalModel::TaskIdRole).toString(), u"t10004"_s);
        QCOMPARE(f.model.index(9999, 0).data(JournalModel::TaskIdRole).toString(), u"t5"_s);
        // What went is not a duplicate of anything kept: it may not come back either (too old).
        f.model.append({many.at(0)});
        QCOMPARE(f.model.rowCount(), 10000);
        QCOMPARE(f.model.index(9999, 0).data(JournalModel::TaskIdRole).toString(), u"t5"_s);
    }

    void newSinceLastLooked()
    {
        Fixture f;
        for (int i = 0; i < 5; ++i)
            f.model.append({change(u"t%1"_s.arg(i), {}, u"running"_s, minute(i))});
        QCOMPARE(f.model.newCount(), 0); // no last-looked time: nothing is marked
        QVERIFY(!f.model.index(0, 0).data(JournalModel::IsNewRole).toBool());

        QSignalSpy count(&f.model, &JournalModel::newCountChanged);
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        f.model.setLastLooked(minute(2)); // t3 and t4 are newer; t2 at that instant is not
        QCOMPARE(f.model.newCount(), 2);
        QCOMPARE(count.count(), 1);
        QCOMPARE(count.at(0).at(0).toInt(), 2);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
        QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 1);
        QVERIFY(changed.at(0).at(2).value<QList<int>>().contains(JournalModel::IsNewRole));
        QVERIFY(f.model.index(0, 3).data(JournalModel::IsNewRole).toBool());
        QVERIFY(f.model.index(1, 0).data(JournalModel::IsNewRole).toBool());
        QVERIFY(!f.model.index(2, 0).data(JournalModel::IsNewRole).toBool());

        f.model.append({change(u"t5"_s, {}, u"running"_s, minute(5))});
        QCOMPARE(f.model.newCount(), 3);
        QCOMPARE(count.count(), 2);
        QVERIFY(f.model.index(0, 0).data(JournalModel::IsNewRole).toBool());
        f.model.setHistory({change(u"h"_s, {}, u"running"_s, minute(1))}); // older: not new
        QCOMPARE(f.model.newCount(), 3);
        QCOMPARE(count.count(), 2);

        f.model.setLastLooked(minute(0)); // further back: more is new
        QCOMPARE(f.model.newCount(), 6);
        f.model.setLastLooked(minute(30)); // read everything
        QCOMPARE(f.model.newCount(), 0);
        QCOMPARE(count.last().at(0).toInt(), 0);
        for (int row = 0; row < f.model.rowCount(); ++row)
            QVERIFY(!f.model.index(row, 1).data(JournalModel::IsNewRole).toBool());
        f.model.setLastLooked(minute(4));
        f.model.setLastLooked(QDateTime());
        QCOMPARE(f.model.newCount(), 0);
    }

    void cells()
    {
        Fixture f;
        HistoryTransition unnamed = change(u"id-only"_s, u"running"_s, u"somethingNew"_s, minute(2));
        unnamed.taskName.clear();
        HistoryTransition failed = change(u"a"_s, u"running"_s, u"failed"_s, minute(1), u"shop"_s,
                                          u"Out of space:\nthe volume is full"_s);
        f.model.append({change(u"b"_s, {}, u"running"_s, minute(0)), failed, unnamed});
        const auto cell = [&f](int row, int column, int role = Qt::DisplayRole) { return f.model.index(row, column).data(role); };
        QCOMPARE(cell(1, JournalModel::TimeColumn).toString(), TaskFormat::localTime(minute(1)));
        QCOMPARE(cell(1, JournalModel::TimeColumn, Qt::ToolTipRole).toString(), u"2026-03-04T10:01:00.000Z"_s);
        QCOMPARE(cell(1, JournalModel::TaskColumn).toString(), u"Backup of a"_s);
        QVERIFY(cell(1, JournalModel::TaskColumn, Qt::ToolTipRole).toString().endsWith(u"id: a"_s));
        QCOMPARE(cell(1, JournalModel::AppColumn).toString(), u"shop"_s);
        QCOMPARE(cell(1, JournalModel::ChangeColumn).toString(), u"Running → Failed"_s);
        QCOMPARE(cell(1, JournalModel::ReasonColumn).toString(), u"Out of space: the volume is full"_s);
        QCOMPARE(cell(1, JournalModel::ReasonColumn, Qt::ToolTipRole).toString(), failed.reason);
        QCOMPARE(cell(2, JournalModel::ChangeColumn).toString(), u"appeared: Running"_s);
        QCOMPARE(cell(2, JournalModel::ChangeColumn, JournalModel::StateRole).toInt(), int(TaskState::Running));
        // An unnamed task shows its id; a state the app does not know, the server's word.
        QCOMPARE(cell(0, JournalModel::TaskColumn).toString(), u"id-only"_s);
        QCOMPARE(cell(0, JournalModel::ChangeColumn).toString(), u"Running → somethingNew"_s);
        QCOMPARE(cell(0, JournalModel::ChangeColumn, JournalModel::StateRole).toInt(), int(TaskState::Unknown));
        QCOMPARE(f.model.rowText(1),
                 u"2026-03-04T10:01:00.000Z\tBackup of a\ta\tshop\tRunning → Failed\tOut of space: the volume is full"_s);
        QCOMPARE(f.model.rowText(7), QString());
        QCOMPARE(f.model.flags(f.model.index(0, 0)) & Qt::ItemIsEditable, Qt::NoItemFlags);
    }

    // A plan's transitions as rows (no history file, and the frozen tree's changes): names, texts
    // of the states, the failure's reason.
    void rowsOfAPlan()
    {
        const QDateTime at = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
        Task running;
        running.id = u"t1"_s;
        running.name = u"astra.backup"_s;
        running.summary = u"Backup"_s;
        running.state = TaskState::Running;
        running.stateText = u"running"_s;
        running.metadata.labels = {{u"app"_s, u"pg-orders"_s}};
        Task failed = running;
        failed.state = TaskState::Failed;
        failed.stateText = u"failed"_s;
        failed.stateDetails = {{u"error"_s, u"bucket unreachable"_s, u"timeout"_s, {}}};
        const TaskForestPtr before = TaskForest::build(QList<Task>{running});
        const ChangePlan plan = SnapshotDiff::compute(before, {failed}, {}, at);
        const QList<HistoryTransition> rows = JournalModel::rowsOf(plan, nullptr);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().taskId, u"t1"_s);
        QCOMPARE(rows.first().taskSummary, u"Backup"_s);
        QCOMPARE(rows.first().appName, u"pg-orders"_s);
        QCOMPARE(rows.first().from, u"running"_s);
        QCOMPARE(rows.first().to, u"failed"_s);
        QCOMPARE(rows.first().at, at);
        QCOMPARE(rows.first().reason, u"bucket unreachable"_s);
        JournalModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.append(rows);
        QCOMPARE(model.rowCount(), 1);
    }

    void clearEmpties()
    {
        Fixture f;
        f.model.setLastLooked(minute(0));
        f.model.append({change(u"a"_s, {}, u"running"_s, minute(1))});
        QCOMPARE(f.model.newCount(), 1);
        f.model.clear();
        QCOMPARE(f.model.rowCount(), 0);
        QCOMPARE(f.model.newCount(), 0);
        QCOMPARE(f.model.lastLooked(), minute(0));
        f.model.append({change(u"a"_s, {}, u"running"_s, minute(1))}); // not a duplicate any more
        QCOMPARE(f.model.rowCount(), 1);
    }

    void filterOnTheRowsOwnTask()
    {
        ProxyFixture f;
        HistoryTransition nightly = change(u"c"_s, {}, u"completed"_s, minute(3), u"crm"_s);
        nightly.taskSummary = u"nightly"_s;
        f.model.append({change(u"a"_s, {}, u"running"_s, minute(0), u"shop"_s),
                        change(u"b"_s, {}, u"running"_s, minute(1), u"crm"_s),
                        change(u"a"_s, u"running"_s, u"failed"_s, minute(2), u"shop"_s, u"Out of space"_s), nightly});
        QCOMPARE(f.proxy.rowCount(), 4); // no filter: every row
        f.proxy.setPredicate(predicate(u"state eq 'failed'"_s));
        QCOMPARE(ids(f.proxy), (QStringList{u"a"_s}));
        f.proxy.setPredicate(predicate(u"appName eq 'crm'"_s));
        QCOMPARE(ids(f.proxy), (QStringList{u"c"_s, u"b"_s}));
        f.proxy.setPredicate(predicate(u"name matches '^Backup of [ab]$'"_s));
        QCOMPARE(ids(f.proxy), (QStringList{u"a"_s, u"b"_s, u"a"_s}));
        f.proxy.setPredicate(predicate(u"summary eq 'nightly'"_s));
        QCOMPARE(ids(f.proxy), (QStringList{u"c"_s}));
        f.proxy.setPredicate(predicate(u"appName eq 'shop' and not state eq 'failed'"_s));
        QCOMPARE(ids(f.proxy), (QStringList{u"a"_s}));
        QCOMPARE(f.proxy.index(0, 0).data(JournalModel::StateRole).toInt(), int(TaskState::Running));
        // Live rows arrive filtered.
        f.model.append({change(u"d"_s, {}, u"running"_s, minute(4), u"shop"_s),
                        change(u"e"_s, {}, u"running"_s, minute(4), u"crm"_s)});
        QCOMPARE(ids(f.proxy), (QStringList{u"d"_s, u"a"_s}));
        f.proxy.setPredicate(FilterPredicate());
        QCOMPARE(f.proxy.rowCount(), 6);
    }

    void filterOnTheTreesTask()
    {
        ProxyFixture f;
        f.model.append({change(u"a"_s, {}, u"running"_s, minute(0)), change(u"b"_s, {}, u"running"_s, minute(1)),
                        change(u"gone"_s, u"running"_s, u"failed"_s, minute(2))});
        // The tree has a and b; a has failed since (its row still says "appeared: running").
        QHash<QString, Task> tree;
        Task a = JournalFilterProxy::standIn(change(u"a"_s, {}, u"failed"_s, minute(5)));
        Task b = JournalFilterProxy::standIn(change(u"b"_s, {}, u"running"_s, minute(1)));
        tree.insert(a.id, a);
        tree.insert(b.id, b);
        int lookups = 0;
        f.proxy.setTaskLookup([&tree, &lookups](const QString &id) -> const Task * {
            ++lookups;
            const auto it = tree.constFind(id);
            return it == tree.cend() ? nullptr : &*it;
        });
        f.proxy.setPredicate(predicate(u"state eq 'failed'"_s));
        QVERIFY(lookups >= 3);
        // a by the tree's task, "gone" by its own row.
        QCOMPARE(ids(f.proxy), (QStringList{u"gone"_s, u"a"_s}));
        // The tree changes: told, the journal filters again.
        tree[u"b"_s].state = TaskState::Failed;
        tree[u"b"_s].stateText = u"failed"_s;
        QCOMPARE(f.proxy.rowCount(), 2);
        f.proxy.tasksChanged();
        QCOMPARE(ids(f.proxy), (QStringList{u"gone"_s, u"b"_s, u"a"_s}));
        // A filter on history fields: the stand-in's last transition is its row's time.
        f.proxy.setPredicate(predicate(u"transition gt now-3m"_s, minute(4)));
        QCOMPARE(ids(f.proxy), (QStringList{u"gone"_s, u"a"_s})); // a's tree task changed at minute 5
        f.proxy.setNow(minute(8)); // the clock moves: now-3m is minute 5
        QCOMPARE(ids(f.proxy), QStringList());
    }

    // A full journal (the cap) behind a filter: live polls push rows in at the top and the oldest
    // out. Prints the figures; the bound only catches a cost that grows with the rows kept.
    void liveAppendsAtTheCap()
    {
        // No QAbstractItemModelTester here: it walks every row at every row signal, which is all it
        // would measure (the other tests check the same signals with it attached).
        struct
        {
            JournalModel model;
            JournalFilterProxy proxy;
        } f;
        f.proxy.setSourceModel(&f.model);
        f.proxy.setPredicate(predicate(u"state eq 'failed' or appName eq 'shop'"_s));
        QList<HistoryTransition> history;
        for (int i = 0; i < JournalModel::DefaultCap; ++i)
            history.append(change(u"h%1"_s.arg(i), {}, i % 7 ? u"running"_s : u"failed"_s, kStart.addSecs(i),
                                  i % 3 ? u"crm"_s : u"shop"_s));
        QElapsedTimer timer;
        timer.start();
        f.model.setHistory(history);
        const qint64 backfillMs = timer.elapsed();
        QCOMPARE(f.model.rowCount(), JournalModel::DefaultCap);
        const int shownBefore = f.proxy.rowCount(); // the proxy maps (and so follows) what was asked of it
        QVERIFY(shownBefore > 0);
        constexpr int polls = 200, perPoll = 20;
        timer.restart();
        for (int poll = 0; poll < polls; ++poll) {
            QList<HistoryTransition> batch;
            const QDateTime at = kStart.addSecs(JournalModel::DefaultCap + poll);
            for (int i = 0; i < perPoll; ++i)
                batch.append(change(u"p%1-%2"_s.arg(poll).arg(i), u"running"_s, i % 2 ? u"failed"_s : u"completed"_s, at));
            f.model.append(batch);
        }
        const double appendMs = double(timer.nsecsElapsed()) / 1e6 / polls;
        QCOMPARE(f.model.rowCount(), JournalModel::DefaultCap);
        QCOMPARE(f.model.index(0, 0).data(JournalModel::AtRole).toDateTime(), kStart.addSecs(JournalModel::DefaultCap + polls - 1));
        QCOMPARE(f.proxy.index(0, 0).data(JournalModel::TaskIdRole).toString(), u"p%1-%2"_s.arg(polls - 1).arg(perPoll - 1));
        QVERIFY(f.proxy.rowCount() > shownBefore); // half of each poll failed: more rows match than before
        qInfo("journal_backfill_10k_ms: %lld", backfillMs);
        qInfo("journal_append_%d_at_cap_ms: %.3f", perPoll, appendMs);
        QVERIFY2(appendMs < 50, qPrintable(u"%1 ms per append"_s.arg(appendMs)));
    }
};

QTEST_GUILESS_MAIN(TestJournalModel)
#include "tst_journalmodel.moc"
