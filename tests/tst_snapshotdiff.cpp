// Unit tests of the diff half of the pipeline: TaskForest, SnapshotDiff (ChangePlan) and ChangePlanner.
#include "changeplanner.h"
#include "modelcheck.h"
#include "snapshotdiff.h"
#include "taskforest.h"
#include "tasksclient.h"
#include "taskspec.h"
#include "tasktreemodel.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <limits>

using namespace Taskscope;
using namespace Qt::StringLiterals;
using namespace Taskscope::TestSpec;

namespace {

constexpr auto Fatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

QStringList ids(const TaskForest &forest, const int *begin, const int *end)
{
    QStringList out;
    for (const int *it = begin; it != end; ++it)
        out << forest.task(*it).id;
    return out;
}

QStringList childIds(const TaskForest &forest, const QString &id)
{
    const int slot = id.isEmpty() ? -1 : forest.slotOf(id);
    return ids(forest, forest.childrenBegin(slot), forest.childrenEnd(slot));
}

QString treeText(const TaskForest &forest)
{
    QString out;
    forest.forEachInTreeOrder([&](const Task &task, int depth) {
        out += QString(depth * 2, u' ') + task.id + u'\n';
    });
    return out;
}

// A random snapshot over ids t0..t{n-1}: random parents (some missing, some looping, some the task
// itself), states, progress, start times and order hints, and now and then a duplicate or no id.
QList<Task> randomSnapshot(QRandomGenerator &random, int n)
{
    QList<Task> tasks;
    for (int i = 0; i < n; ++i) {
        if (random.bounded(10) == 0)
            continue; // not in this snapshot
        const QString id = u"t"_s + QString::number(i);
        QString parent;
        switch (random.bounded(8)) {
        case 0: case 1: case 2: break; // top level
        case 3: parent = u"missing"_s + QString::number(random.bounded(3)); break;
        case 4: parent = id; break;
        default: parent = u"t"_s + QString::number(random.bounded(n)); break;
        }
        Task t = makeTask(id, parent);
        t.state = TaskState(random.bounded(TaskStateCount));
        t.stateText = stateText(t.state);
        if (random.bounded(3))
            t.percentDone = double(random.bounded(5)) * 25;
        if (random.bounded(4))
            t.startTime = kBase.addSecs(random.bounded(3));
        if (random.bounded(3) == 0)
            t.orderHint = random.bounded(3);
        seal(t);
        tasks.append(t);
        if (random.bounded(40) == 0)
            tasks.append(makeTask(id)); // a duplicate: the first wins
        if (random.bounded(60) == 0)
            tasks.append(makeTask({}));
    }
    std::shuffle(tasks.begin(), tasks.end(), random);
    return tasks;
}

QList<quint64> digestsOf(const QList<Task> &tasks)
{
    QList<quint64> digests;
    for (const Task &task : tasks)
        digests.append(rawJsonDigest(task.rawJson));
    return digests;
}

} // namespace

class TestSnapshotDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void forestLinksParentsInSiblingOrder();
    void forestMarksOrphansSelfParentsAndCycles();
    void forestKeepsTheFirstOfEachId();
    void forestSharesUnchangedTasks();
    void forestWalksADeepChainWithoutRecursion();
    void planNamesWhatChanged();
    void planRemovesOnlyTheTopmostGoneTasks();
    void planListsTransitions();
    void planNamesTheEtaAndStallCells();
    void planForAnotherTreeIsRefused();
    void randomPlansOnAWorkerEqualAFreshBuild_data();
    void randomPlansOnAWorkerEqualAFreshBuild();
    void plannerAppliesTheNewestSnapshot();
    void plannerCancelDropsThePlanInFlight();
    void plannerRetriesAgainstTheCurrentTree();
};

void TestSnapshotDiff::forestLinksParentsInSiblingOrder()
{
    // Sibling order: orderHint, then start time, then id, whatever the order of the snapshot.
    const auto forest = TaskForest::build(parseSpec(u"z; c<z s=20; b<z o=2; a<z s=10; d<z o=1; y"_s));
    QCOMPARE(forest->size(), 6);
    QCOMPARE(childIds(*forest, {}), QStringList({u"y"_s, u"z"_s}));
    QCOMPARE(childIds(*forest, u"z"_s), QStringList({u"d"_s, u"b"_s, u"a"_s, u"c"_s}));
    QCOMPARE(forest->parent(forest->slotOf(u"a"_s)), forest->slotOf(u"z"_s));
    QCOMPARE(forest->parent(forest->slotOf(u"z"_s)), -1);
    QCOMPARE(forest->slotOf(u"nope"_s), -1);
    QCOMPARE(treeText(*forest), u"y\nz\n  d\n  b\n  a\n  c\n"_s);
    // Running tasks that have started tick; the others do not.
    QStringList ticking;
    for (int slot : forest->ticking())
        ticking << forest->task(slot).id;
    ticking.sort();
    QCOMPARE(ticking, QStringList({u"a"_s, u"c"_s}));
}

void TestSnapshotDiff::forestMarksOrphansSelfParentsAndCycles()
{
    const auto forest = TaskForest::build(parseSpec(u"o<gone; s<s; x<y; y<z; z<x; k<x"_s));
    const auto marks = [&](const QString &id) { return int(forest->marks(forest->slotOf(id))); };
    QCOMPARE(marks(u"o"_s), int(OrphanTaskMark));
    QCOMPARE(marks(u"s"_s), int(SelfParentTaskMark));
    // The loop x -> y -> z -> x is cut at its smallest id, whatever the order it was listed in.
    QCOMPARE(marks(u"x"_s), int(CycleTaskMark));
    QCOMPARE(marks(u"y"_s), int(NoTaskMark));
    QCOMPARE(forest->parent(forest->slotOf(u"x"_s)), -1);
    QCOMPARE(treeText(*forest), u"o\ns\nx\n  k\n  z\n    y\n"_s);
    const auto reordered = TaskForest::build(parseSpec(u"z<x; k<x; y<z; x<y; s<s; o<gone"_s));
    QCOMPARE(reordered->marks(reordered->slotOf(u"x"_s)), quint8(CycleTaskMark));
    QCOMPARE(treeText(*reordered), treeText(*forest));
}

void TestSnapshotDiff::forestKeepsTheFirstOfEachId()
{
    QList<Task> tasks = parseSpec(u"a n=first; b; a n=second; c"_s);
    tasks.insert(2, makeTask({}));
    QList<ParseWarning> warnings;
    const auto forest = TaskForest::build(tasks, digestsOf(tasks), &warnings);
    QCOMPARE(forest->size(), 3);
    QCOMPARE(forest->task(forest->slotOf(u"a"_s)).name, u"first"_s);
    QCOMPARE(warnings.size(), 2);
    QCOMPARE(warnings.at(0).itemIndex, 2); // the task without an id
    QVERIFY(warnings.at(0).skipped);
    QCOMPARE(warnings.at(1).itemIndex, 3); // the second "a"
    QCOMPARE(warnings.at(1).taskId, u"a"_s);
    // Slots follow the kept tasks; each knows where it was listed, and its digest.
    QCOMPARE(forest->sourceIndex(forest->slotOf(u"c"_s)), 4);
    QCOMPARE(forest->digest(forest->slotOf(u"c"_s)), rawJsonDigest(tasks.at(4).rawJson));
}

void TestSnapshotDiff::forestSharesUnchangedTasks()
{
    const QList<Task> first = parseSpec(u"a p=10; b<a p=20"_s);
    const auto before = TaskForest::build(first, digestsOf(first));
    const QList<Task> second = parseSpec(u"a p=10; b<a p=30; c"_s); // a: equal bytes, a new object
    std::vector<int> previousSlots;
    const auto after = TaskForest::build(second, digestsOf(second), nullptr, before.get(), &previousSlots);
    const int a = after->slotOf(u"a"_s), b = after->slotOf(u"b"_s);
    QCOMPARE(after->taskObject(a), before->taskObject(before->slotOf(u"a"_s)));
    QVERIFY(after->taskObject(b) != before->taskObject(before->slotOf(u"b"_s)));
    QCOMPARE(after->task(b).percentDone, 30.0);
    QCOMPARE(previousSlots, (std::vector<int>{before->slotOf(u"a"_s), before->slotOf(u"b"_s), -1}));
    // The ids stay found after the snapshot they were parsed from is gone.
    QCOMPARE(after->slotOf(u"a"_s), a);
}

void TestSnapshotDiff::forestWalksADeepChainWithoutRecursion()
{
    QList<Task> chain;
    constexpr int depth = 20'000;
    for (int i = 0; i < depth; ++i)
        chain.append(makeTask(u"n"_s + QString::number(i), i ? u"n"_s + QString::number(i - 1) : QString()));
    TaskForestPtr forest;
    int deepest = -1;
    // On a small stack: nothing in build or walk may recurse per level.
    QThread *thread = QThread::create([&] {
        forest = TaskForest::build(chain);
        forest->forEachInTreeOrder([&](const Task &, int d) { deepest = std::max(deepest, d); });
    });
    thread->setStackSize(256 * 1024);
    thread->start();
    QVERIFY(thread->wait(60'000));
    delete thread;
    QCOMPARE(deepest, depth - 1);
    QCOMPARE(forest->childCount(forest->slotOf(u"n0"_s)), 1);
}

void TestSnapshotDiff::planNamesWhatChanged()
{
    const auto before = SnapshotDiff::compute(nullptr, parseSpec(u"a; a1<a p=10; b; b1<b; c"_s)).forest;
    // a1 progresses, b1 moves under a, c goes, d arrives with a child, e arrives under a.
    const ChangePlan plan = SnapshotDiff::compute(before, parseSpec(u"a; a1<a p=20; b; b1<a; d; d1<d; e<a"_s));
    QCOMPARE(plan.previous, before);
    QCOMPARE(plan.changed.size(), size_t(2)); // a1's progress and b1's parent field
    const ChangePlan::CellChange &progress = plan.changed.front();
    QCOMPARE(plan.forest->task(progress.slot).id, u"a1"_s);
    QCOMPARE(progress.firstColumn, int(TaskTreeModel::ProgressColumn));
    QCOMPARE(progress.lastColumn, int(TaskTreeModel::ProgressColumn));
    QVERIFY(!progress.orderChanged);
    QCOMPARE(plan.moves.size(), size_t(1));
    QCOMPARE(plan.forest->task(plan.moves.front()).id, u"b1"_s);
    // New subtrees: d (with d1 inside it) at the top level, e under a: one insert per parent.
    QCOMPARE(plan.inserts.size(), size_t(2));
    for (const ChangePlan::Insert &insert : plan.inserts) {
        const QString parent = insert.parentSlot < 0 ? QString() : plan.forest->task(insert.parentSlot).id;
        QCOMPARE(ids(*plan.forest, insert.tops.data(), insert.tops.data() + insert.tops.size()),
                 QStringList(parent.isEmpty() ? u"d"_s : u"e"_s));
    }
    QCOMPARE(plan.goneCount, 1);
    QCOMPARE(plan.structuralChanges(), 4);
    QVERIFY(plan.isNew[size_t(plan.forest->slotOf(u"d1"_s))]);
    QVERIFY(!plan.isNew[size_t(plan.forest->slotOf(u"a"_s))]);

    // A new start time may change a task's place: announced on every column.
    const ChangePlan started = SnapshotDiff::compute(plan.forest, parseSpec(u"a s=5; a1<a p=20; b; b1<a; d; d1<d; e<a"_s));
    QCOMPARE(started.changed.size(), size_t(1));
    QVERIFY(started.changed.front().orderChanged);
    QCOMPARE(started.changed.front().firstColumn, 0);
    QCOMPARE(started.changed.front().lastColumn, TaskTreeModel::ColumnCount - 1);
    // Nothing changed: an empty plan.
    const ChangePlan same = SnapshotDiff::compute(started.forest, parseSpec(u"a s=5; a1<a p=20; b; b1<a; d; d1<d; e<a"_s));
    QVERIFY(same.changed.empty() && same.inserts.empty() && same.moves.empty() && same.removals.empty());
    QVERIFY(same.transitions.empty());
}

void TestSnapshotDiff::planRemovesOnlyTheTopmostGoneTasks()
{
    const auto before = SnapshotDiff::compute(nullptr, parseSpec(u"a; a1<a; a11<a1; a12<a1; b; b1<b; k<a1"_s)).forest;
    // a and its subtree go, but k survives (it moves to the top level as an orphan); b1 goes alone.
    const ChangePlan plan = SnapshotDiff::compute(before, parseSpec(u"b; k<a1"_s));
    QStringList removed;
    for (int slot : plan.removals)
        removed << plan.previous->task(slot).id;
    removed.sort();
    QCOMPARE(removed, QStringList({u"a"_s, u"b1"_s}));
    QCOMPARE(plan.goneCount, 5);
    QCOMPARE(plan.moves.size(), size_t(1));
    QCOMPARE(plan.changed.size(), size_t(1)); // k's mark
    QCOMPARE(plan.forest->marks(plan.changed.front().slot), quint8(OrphanTaskMark));

    TaskTreeModel model;
    QAbstractItemModelTester tester(&model, Fatal);
    QVERIFY(model.apply(SnapshotDiff::compute(model.forest(), parseSpec(u"a; a1<a; a11<a1; a12<a1; b; b1<b; k<a1"_s))));
    QVERIFY(model.apply(SnapshotDiff::compute(model.forest(), parseSpec(u"b; k<a1"_s))));
    QCOMPARE(modelDifferences(model, parseSpec(u"b; k<a1"_s)), QString());
}

void TestSnapshotDiff::planNamesTheEtaAndStallCells()
{
    // ProgressTracker's fields change no JSON: the ETA cell, and the State cell for the stall mark.
    Task before = makeTask(u"a"_s);
    Task after = before;
    after.eta = EtaRange{60, 120, EtaRange::Rate};
    auto columns = SnapshotDiff::changedColumns(before, 0, after, 0);
    QCOMPARE(columns.first, int(TaskTreeModel::EtaColumn));
    QCOMPARE(columns.last, int(TaskTreeModel::EtaColumn));
    before = after;
    after.stalledSince = kBase;
    columns = SnapshotDiff::changedColumns(before, 0, after, 0);
    QCOMPARE(columns.first, int(TaskTreeModel::StateColumn));
    QCOMPARE(columns.last, int(TaskTreeModel::StateColumn));
    // Through a plan: the task is changed although its bytes are the same.
    const auto plan = SnapshotDiff::compute(TaskForest::build(QList<Task>{before}), QList<Task>{after});
    QCOMPARE(plan.changed.size(), size_t(1));
    QCOMPARE(plan.changed.front().firstColumn, int(TaskTreeModel::StateColumn));
}

void TestSnapshotDiff::planListsTransitions()
{
    const QDateTime at = kBase.addSecs(600);
    const ChangePlan first = SnapshotDiff::compute(nullptr, parseSpec(u"a st=running; b st=running"_s), {}, at);
    QCOMPARE(first.transitions.size(), size_t(2)); // both appear
    QVERIFY(first.transitions.front().appeared);
    QCOMPARE(first.transitions.front().to, TaskState::Running);

    const ChangePlan plan = SnapshotDiff::compute(first.forest, parseSpec(u"a st=failed; b st=running p=50; c st=bogus"_s),
                                                  {}, at.addSecs(10));
    QCOMPARE(plan.transitions.size(), size_t(2));
    const StateChange &failed = plan.transitions.at(0);
    QCOMPARE(failed.taskId, u"a"_s);
    QCOMPARE(failed.from, TaskState::Running);
    QCOMPARE(failed.fromText, u"running"_s);
    QCOMPARE(failed.to, TaskState::Failed);
    QCOMPARE(failed.at, at.addSecs(10));
    QVERIFY(!failed.appeared);
    const StateChange &appeared = plan.transitions.at(1);
    QCOMPARE(appeared.taskId, u"c"_s);
    QVERIFY(appeared.appeared);
    QCOMPARE(appeared.to, TaskState::Unknown);
    QCOMPARE(appeared.toText, u"bogus"_s); // an unknown state keeps the server's text
}

void TestSnapshotDiff::planForAnotherTreeIsRefused()
{
    TaskTreeModel model;
    QAbstractItemModelTester tester(&model, Fatal);
    model.apply(parseSpec(u"a; b"_s));
    const ChangePlan stale = SnapshotDiff::compute(nullptr, parseSpec(u"x"_s)); // against an empty tree
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QVERIFY(!model.apply(stale));
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(modelDifferences(model, parseSpec(u"a; b"_s)), QString());
    QVERIFY(model.apply(SnapshotDiff::compute(model.forest(), parseSpec(u"x"_s))));
    QCOMPARE(modelDifferences(model, parseSpec(u"x"_s)), QString());
}

void TestSnapshotDiff::randomPlansOnAWorkerEqualAFreshBuild_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("threshold");
    for (quint32 seed : {1u, 2u, 3u, 4u, 5u}) {
        QTest::addRow("seed %u, row signals", seed) << seed << std::numeric_limits<int>::max();
        QTest::addRow("seed %u, one layout change", seed) << seed << 0;
    }
}

// Plans computed on a worker thread and applied one after the other leave the model exactly as a
// fresh model built from the last snapshot; the forest's tree order is the model's.
void TestSnapshotDiff::randomPlansOnAWorkerEqualAFreshBuild()
{
    QFETCH(quint32, seed);
    QFETCH(int, threshold);
    QRandomGenerator random(seed);
    TaskTreeModel model;
    model.setLayoutBatchThreshold(threshold);
    QAbstractItemModelTester tester(&model, Fatal);
    for (int step = 0; step < 30; ++step) {
        const QList<Task> snapshot = randomSnapshot(random, 40);
        const QList<quint64> digests = step % 2 ? digestsOf(snapshot) : QList<quint64>();
        ChangePlan plan = QtConcurrent::run([base = model.forest(), snapshot, digests] {
                              return SnapshotDiff::compute(base, snapshot, digests);
                          }).result();
        QVERIFY(model.apply(std::move(plan)));
        QCOMPARE(modelDifferences(model, snapshot), QString());

        TaskTreeModel fresh;
        fresh.apply(snapshot);
        QString walked, freshWalk;
        model.forEachInTreeOrder([&](const Task &task, int depth) { walked += QString::number(depth) + task.id + u' '; });
        fresh.forEachInTreeOrder([&](const Task &task, int depth) { freshWalk += QString::number(depth) + task.id + u' '; });
        QCOMPARE(walked, freshWalk);
        for (int slot = 0; slot < model.forest()->size(); ++slot) {
            const QString id = model.forest()->task(slot).id;
            QCOMPARE(int(model.marks(model.indexForId(id))), int(fresh.marks(fresh.indexForId(id))));
        }
    }
}

void TestSnapshotDiff::plannerAppliesTheNewestSnapshot()
{
    TaskTreeModel model;
    QAbstractItemModelTester tester(&model, Fatal);
    ChangePlanner planner([&model] { return model.forest(); });
    int applied = 0;
    connect(&planner, &ChangePlanner::planReady, this, [&] {
        QVERIFY(model.apply(planner.takePlan()));
        ++applied;
    });
    Snapshot first, second, third;
    first.tasks = parseSpec(u"a; b"_s);
    second.tasks = parseSpec(u"a; b; c"_s);
    third.tasks = parseSpec(u"a st=failed; d"_s);
    third.warnings.append(ParseWarning{0, u"a"_s, u"percentDone"_s, u"bad"_s, false});
    bool stepRan = false;
    planner.submit(first);
    QVERIFY(planner.isBusy());
    planner.submit(second); // waits, then is replaced by the third
    planner.submit(third, [&stepRan](ChangePlan &plan) { stepRan = plan.forest->size() == 2; });
    QTRY_COMPARE(applied, 2);
    QVERIFY(!planner.isBusy());
    QVERIFY(stepRan);
    QCOMPARE(modelDifferences(model, third.tasks), QString());
}

void TestSnapshotDiff::plannerCancelDropsThePlanInFlight()
{
    TaskTreeModel model;
    ChangePlanner planner([&model] { return model.forest(); });
    QSignalSpy ready(&planner, &ChangePlanner::planReady);
    Snapshot snapshot;
    snapshot.tasks = parseSpec(u"a; b"_s);
    planner.submit(snapshot);
    planner.submit(snapshot);
    planner.cancel();
    QTRY_VERIFY(!planner.isBusy());
    QCOMPARE(ready.count(), 0);
    planner.submit(snapshot); // planning goes on after a cancel
    QTRY_COMPARE(ready.count(), 1);
    QVERIFY(model.apply(planner.takePlan()));
    QCOMPARE(model.taskCount(), 2);
}

void TestSnapshotDiff::plannerRetriesAgainstTheCurrentTree()
{
    TaskTreeModel model;
    QAbstractItemModelTester tester(&model, Fatal);
    ChangePlanner planner([&model] { return model.forest(); });
    QSignalSpy ready(&planner, &ChangePlanner::planReady);
    Snapshot snapshot;
    snapshot.tasks = parseSpec(u"a; b<a"_s);
    planner.submit(snapshot);
    QTRY_COMPARE(ready.count(), 1);
    model.apply(parseSpec(u"z"_s)); // the tree changed under the plan
    QVERIFY(!model.apply(planner.takePlan()));
    planner.retry();
    QTRY_COMPARE(ready.count(), 2);
    QVERIFY(model.apply(planner.takePlan()));
    QCOMPARE(modelDifferences(model, snapshot.tasks), QString());
}

QTEST_GUILESS_MAIN(TestSnapshotDiff)
#include "tst_snapshotdiff.moc"
