// The filter proxy: matches with their ancestors or their subtrees, live updates, bad filters, the clock.
#include "taskfilterproxymodel.h"
#include "tasktreemodel.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace Taskscope;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kNow = QDateTime::fromString(u"2026-11-28T12:00:00Z"_s, Qt::ISODate);

Task makeTask(const QString &id, const QString &parent, const QString &state, int minutesAgo)
{
    Task task;
    task.id = id;
    task.name = u"astra.backup."_s + id;
    task.parentTaskID = parent;
    task.stateText = state;
    task.state = stateFromApiName(state);
    task.startTime = kNow.addSecs(-60LL * minutesAgo);
    return task;
}

// "id(match?)" rows of the proxy, depth-first, children indented by a dot per level.
QStringList render(const QAbstractItemModel &model, const QModelIndex &parent = {}, int depth = 0)
{
    QStringList rows;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        rows << QString(depth, u'.') + index.data(TaskTreeModel::IdRole).toString()
                + (index.data(TaskFilterProxyModel::MatchRole).toBool() ? QString() : u"~"_s);
        rows << render(model, index, depth + 1);
    }
    return rows;
}

QList<Task> world()
{
    return {makeTask(u"a"_s, {}, u"running"_s, 50),   makeTask(u"a1"_s, u"a"_s, u"failed"_s, 49),
            makeTask(u"a2"_s, u"a"_s, u"completed"_s, 48), makeTask(u"b"_s, {}, u"completed"_s, 120),
            makeTask(u"b1"_s, u"b"_s, u"completed"_s, 119), makeTask(u"c"_s, {}, u"failed"_s, 10)};
}

} // namespace

class TestTaskFilterProxy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void modes_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<bool>("subtrees");
        QTest::addColumn<QStringList>("rows");
        QTest::newRow("no filter") << QString() << false
                                   << QStringList{u"b"_s, u".b1"_s, u"a"_s, u".a1"_s, u".a2"_s, u"c"_s};
        QTest::newRow("failed, ancestors dimmed") << u"state eq 'failed'"_s << false
                                                  << QStringList{u"a~"_s, u".a1"_s, u"c"_s};
        QTest::newRow("running, with subtrees") << u"state eq 'running'"_s << true
                                                << QStringList{u"a"_s, u".a1"_s, u".a2"_s};
        QTest::newRow("running, alone") << u"state eq 'running'"_s << false << QStringList{u"a"_s};
        QTest::newRow("nothing") << u"name eq 'none'"_s << false << QStringList{};
        QTest::newRow("or across levels") << u"state eq 'failed' or name in 'b1'"_s << false
                                          << QStringList{u"b~"_s, u".b1"_s, u"a~"_s, u".a1"_s, u"c"_s};
    }

    void modes()
    {
        QFETCH(QString, filter);
        QFETCH(bool, subtrees);
        QFETCH(QStringList, rows);
        TaskTreeModel model;
        model.setClock([] { return kNow; });
        TaskFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.apply(world());
        proxy.setMode(subtrees ? TaskFilterProxyModel::Mode::MatchesWithSubtrees
                               : TaskFilterProxyModel::Mode::MatchesWithAncestors);
        QVERIFY(proxy.setFilterText(filter));
        QCOMPARE(render(proxy), rows);
        QCOMPARE(proxy.isFiltering(), !filter.isEmpty());
        int matches = 0;
        for (const QString &row : rows)
            matches += !row.endsWith(u'~');
        if (!subtrees) // every match is shown exactly once, context rows are not matches
            QCOMPARE(proxy.matchingTaskCount(), matches);
    }

    void badFilterKeepsTheFilterInForce()
    {
        TaskTreeModel model;
        TaskFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        model.apply(world());
        QVERIFY(proxy.setFilterText(u"state eq 'failed'"_s));
        QSignalSpy changed(&proxy, &TaskFilterProxyModel::filterChanged);
        FilterError error;
        QVERIFY(!proxy.setFilterText(u"stat eq 'failed'"_s, &error));
        QCOMPARE(error.column, 0);
        QVERIFY2(error.message.contains(u"state"_s), qPrintable(error.message)); // did you mean
        QCOMPARE(changed.size(), 0);
        QCOMPARE(proxy.filterText(), u"state eq 'failed'"_s);
        QCOMPARE(render(proxy), (QStringList{u"a~"_s, u".a1"_s, u"c"_s}));
    }

    void liveUpdatesFollowTheFilter()
    {
        TaskTreeModel model;
        model.setClock([] { return kNow; });
        TaskFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.apply(world());
        QVERIFY(proxy.setFilterText(u"state eq 'failed'"_s));
        const QPersistentModelIndex c = proxy.index(1, 0);
        QCOMPARE(c.data(TaskTreeModel::IdRole).toString(), u"c"_s);

        // b1 fails: it appears with its parent; a1 is retried and runs: a goes.
        QList<Task> next = world();
        next[4].stateText = u"failed"_s;
        next[4].state = TaskState::Failed;
        next[1].stateText = u"running"_s;
        next[1].state = TaskState::Running;
        model.apply(next);
        QCOMPARE(render(proxy), (QStringList{u"b~"_s, u".b1"_s, u"c"_s}));
        QVERIFY(c.isValid()); // a row that stays keeps its place for selection and expansion
        QCOMPARE(c.data(TaskTreeModel::IdRole).toString(), u"c"_s);

        // The same under one big layout change.
        model.setLayoutBatchThreshold(0);
        QList<Task> third = next;
        third.append(makeTask(u"d"_s, {}, u"failed"_s, 1));
        third.removeAt(3); // b goes: b1 is an orphan at the top level
        model.apply(third);
        QCOMPARE(render(proxy), (QStringList{u"b1"_s, u"c"_s, u"d"_s})); // sibling order: oldest first
        QVERIFY(c.isValid());
    }

    void filterChangesKeepVisibleRows()
    {
        TaskTreeModel model;
        TaskFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.apply(world());
        const QPersistentModelIndex a1 = proxy.index(0, 0, proxy.index(1, 0));
        QCOMPARE(a1.data(TaskTreeModel::IdRole).toString(), u"a1"_s);
        QSignalSpy resets(&proxy, &QAbstractItemModel::modelReset);
        QVERIFY(proxy.setFilterText(u"state eq 'failed'"_s));
        QVERIFY(a1.isValid());
        QVERIFY(proxy.setFilterText(u"state in 'fail' or state eq 'running'"_s));
        QVERIFY(a1.isValid());
        QVERIFY(proxy.setFilterText(QString()));
        QVERIFY(a1.isValid());
        QCOMPARE(resets.size(), 0);
    }

    void relativeTimeFollowsTheClock()
    {
        TaskTreeModel model;
        QDateTime now = kNow;
        model.setClock([&now] { return now; });
        TaskFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.apply(world());
        QVERIFY(proxy.setFilterText(u"startTime gt now-1h"_s));
        QVERIFY(proxy.predicate().dependsOnNow());
        QCOMPARE(render(proxy), (QStringList{u"a"_s, u".a1"_s, u".a2"_s, u"c"_s}));
        now = kNow.addSecs(15 * 60); // a (50 min ago) and its subtasks fall out of the last hour
        proxy.refreshClock();
        QCOMPARE(render(proxy), (QStringList{u"c"_s}));
        // The proxy refreshes by itself while such a filter is in force.
        proxy.setClockRefreshInterval(10);
        now = kNow.addSecs(3600);
        QVERIFY(proxy.setFilterText(u"startTime gt now-1h"_s));
        QCOMPARE(render(proxy), QStringList{});
        now = kNow;
        QTRY_COMPARE(render(proxy), (QStringList{u"a"_s, u".a1"_s, u".a2"_s, u"c"_s}));
    }

    // Filters and modes changed back and forth over a random forest: the live proxy shows what a
    // proxy set up from scratch shows, whether the change went out as row signals (few rows come
    // or go) or as one layout change (many), and held indexes keep their tasks.
    void filterChangesMatchAFreshProxy_data()
    {
        QTest::addColumn<int>("tasks");
        QTest::addRow("small: row signals") << 60;
        QTest::addRow("large: layout changes") << 3000;
    }

    void filterChangesMatchAFreshProxy()
    {
        QFETCH(int, tasks);
        QRandomGenerator rng(11);
        const QString states[] = {u"running"_s, u"failed"_s, u"completed"_s, u"pending"_s};
        QList<Task> forest;
        for (int i = 0; i < tasks; ++i) {
            const QString parent = i > 0 && rng.bounded(3) > 0 ? forest.at(rng.bounded(i)).id : QString();
            Task task = makeTask(u"t%1"_s.arg(i, 4, 10, QLatin1Char('0')), parent, states[rng.bounded(4)], int(rng.bounded(600)));
            task.percentDone = rng.bounded(101);
            task.rawJson = task.id.toUtf8();
            forest.append(task);
        }
        TaskTreeModel model;
        model.setClock([] { return kNow; });
        model.apply(forest);
        TaskFilterProxyModel live;
        live.setSourceModel(&model);
        QAbstractItemModelTester tester(&live, QAbstractItemModelTester::FailureReportingMode::Fatal);
        const std::pair<QString, bool> steps[] = {
            {u"state eq 'failed'"_s, false}, {u"state eq 'failed'"_s, true},  {u"percentDone lt 5"_s, true},
            {u"percentDone lt 5"_s, false},  {QString(), false},                {u"state in 'run'"_s, false},
            {u"state eq 'pending' or percentDone gt 95"_s, true}, {u"name eq 'none'"_s, false}, {QString(), true},
        };
        for (const auto &[filter, subtrees] : steps) {
            std::vector<std::pair<QPersistentModelIndex, QString>> held;
            for (int row = 0; row < live.rowCount() && held.size() < 20; row += 1 + int(rng.bounded(5))) {
                const QModelIndex index = live.index(row, 0);
                held.emplace_back(index, index.data(TaskTreeModel::IdRole).toString());
                if (live.rowCount(index) > 0)
                    held.emplace_back(live.index(0, 0, index), live.index(0, 0, index).data(TaskTreeModel::IdRole).toString());
            }
            const auto mode = subtrees ? TaskFilterProxyModel::Mode::MatchesWithSubtrees
                                       : TaskFilterProxyModel::Mode::MatchesWithAncestors;
            live.setMode(mode);
            QVERIFY(live.setFilterText(filter));
            TaskFilterProxyModel scratch;
            scratch.setSourceModel(&model);
            scratch.setMode(mode);
            QVERIFY(scratch.setFilterText(filter));
            QCOMPARE(render(live), render(scratch));
            for (const auto &[index, id] : held)
                QVERIFY(!index.isValid() || index.data(TaskTreeModel::IdRole).toString() == id);
        }
    }
};

QTEST_GUILESS_MAIN(TestTaskFilterProxy)
#include "tst_taskfilterproxy.moc"
