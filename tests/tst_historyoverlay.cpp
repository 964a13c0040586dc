// HistoryOverlay through the real pipeline: ChangePlanner (worker) -> TaskTreeModel, as MainWindow runs it.
#include "changeplanner.h"
#include "filterevaluator.h"
#include "filterlanguage.h"
#include "historyoverlay.h"
#include "historystore.h"
#include "snapshot.h"
#include "taskspec.h"
#include "tasktreemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Taskscope;
using namespace Taskscope::TestSpec;

class TestHistoryOverlay : public QObject
{
    Q_OBJECT

    struct Rig
    {
        TaskTreeModel model;
        QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
        ChangePlanner planner{[this] { return model.forest(); }};
        HistoryOverlayPtr overlay = std::make_shared<HistoryOverlay>();

        Rig()
        {
            overlay->setEnabled(true);
            planner.setPreparer([overlay = overlay](QList<Task> &tasks, QList<quint64> &digests, const TaskForest &base,
                                                    const QDateTime &at, bool full) {
                overlay->prepare(tasks, digests, base, at, full);
            });
        }
        // Plans and applies one snapshot; the plan applied.
        bool poll(const QString &spec, const QDateTime &at, bool full = true)
        {
            Snapshot snapshot;
            snapshot.tasks = parseSpec(spec);
            snapshot.receivedAt = at;
            snapshot.full = full;
            planner.submit(snapshot);
            return applyNext();
        }
        bool applyNext()
        {
            QSignalSpy ready(&planner, &ChangePlanner::planReady);
            if (!ready.wait(10000))
                return false;
            return model.apply(planner.takePlan());
        }
        const Task *task(const QString &id) const { return model.task(model.indexForId(id)); }
    };

private Q_SLOTS:
    void goneTasksStayMarkedUntilListedAgain()
    {
        Rig rig;
        const QDateTime t0 = kBase, t1 = kBase.addSecs(60), t2 = kBase.addSecs(120);
        QVERIFY(rig.poll(u"a; b; c<b"_s, t0));
        QCOMPARE(rig.model.taskCount(), 3);
        QVERIFY(!rig.task(u"b"_s)->isFromHistory());
        QCOMPARE(rig.task(u"a"_s)->firstSeen, t0);

        // b and its subtask leave the list: both stay, from history, gone at the poll that lacked them.
        QVERIFY(rig.poll(u"a"_s, t1));
        QCOMPARE(rig.model.taskCount(), 3);
        QCOMPARE(rig.task(u"b"_s)->goneAt, t1);
        QCOMPARE(rig.task(u"c"_s)->goneAt, t1);
        QVERIFY(!rig.task(u"a"_s)->isFromHistory());
        const QModelIndex b = rig.model.indexForId(u"b"_s);
        QCOMPARE(b.data(TaskTreeModel::FromHistoryRole).toBool(), true);
        QVERIFY(b.data(Qt::ToolTipRole).toString().contains(u"history"_s));
        QCOMPARE(rig.model.indexForId(u"c"_s).parent(), b); // still under its parent
        QCOMPARE(rig.overlay->goneCount(), 2);

        // Listed again: live again.
        QVERIFY(rig.poll(u"a; b"_s, t2));
        QVERIFY(!rig.task(u"b"_s)->isFromHistory());
        QVERIFY(rig.task(u"c"_s)->isFromHistory());
        QCOMPARE(rig.task(u"b"_s)->firstSeen, t0); // the first sighting is kept
    }

    // Without a history file the snapshots pass unchanged: nothing from history, no sightings.
    void offChangesNothing()
    {
        Rig rig;
        rig.overlay->setEnabled(false);
        QVERIFY(rig.poll(u"a; b"_s, kBase));
        QVERIFY(rig.poll(u"a"_s, kBase.addSecs(5)));
        QCOMPARE(rig.model.taskCount(), 1);
        QVERIFY(!rig.task(u"a"_s)->firstSeen.isValid());
        QCOMPARE(rig.overlay->goneCount(), 0);
    }

    void incrementalListsNeverMakeTasksGone()
    {
        Rig rig;
        QVERIFY(rig.poll(u"a; b"_s, kBase));
        QVERIFY(rig.poll(u"a"_s, kBase.addSecs(5), false)); // a merged view that lacks b: not a whole list
        QVERIFY(!rig.task(u"a"_s)->isFromHistory());
        QCOMPARE(rig.model.taskCount(), 1);
        QCOMPARE(rig.overlay->goneCount(), 0);
    }

    void turningTheOptionOffRemovesThem()
    {
        Rig rig;
        QVERIFY(rig.poll(u"a; b"_s, kBase));
        QVERIFY(rig.poll(u"a"_s, kBase.addSecs(5)));
        QCOMPARE(rig.model.taskCount(), 2);
        rig.overlay->setIncludeGone(false);
        rig.planner.retry();
        QVERIFY(rig.applyNext());
        QCOMPARE(rig.model.taskCount(), 1);
        rig.overlay->setIncludeGone(true);
        rig.planner.retry();
        QVERIFY(rig.applyNext());
        QCOMPARE(rig.model.taskCount(), 2); // still known: only hidden
    }

    void oldGoneTasksLeaveAfterTheWindow()
    {
        Rig rig;
        rig.overlay->setGoneWindowDays(1);
        QVERIFY(rig.poll(u"a; b"_s, kBase));
        QVERIFY(rig.poll(u"a"_s, kBase.addSecs(60)));
        QCOMPARE(rig.model.taskCount(), 2);
        QVERIFY(rig.poll(u"a"_s, kBase.addDays(1).addSecs(61)));
        QCOMPARE(rig.model.taskCount(), 1);
        QCOMPARE(rig.overlay->goneCount(), 0);
    }

    void stateChangesMoveTheTransitionTime()
    {
        Rig rig;
        const QDateTime t1 = kBase.addSecs(30);
        QVERIFY(rig.poll(u"a p=10"_s, kBase));
        QCOMPARE(rig.task(u"a"_s)->lastTransition, kBase);
        QVERIFY(rig.poll(u"a p=50"_s, t1)); // progress only
        QCOMPARE(rig.task(u"a"_s)->lastTransition, kBase);
        QVERIFY(rig.poll(u"a st=failed"_s, kBase.addSecs(60)));
        QCOMPARE(rig.task(u"a"_s)->lastTransition, kBase.addSecs(60));
    }

    // A gone task that was running does not keep counting: its duration ends where it was last seen.
    void goneRunningTasksStopTicking()
    {
        Rig rig;
        QVERIFY(rig.poll(u"a s=0"_s, kBase));
        QCOMPARE(rig.model.forest()->ticking().size(), size_t(1));
        QVERIFY(rig.poll(u""_s, kBase.addSecs(100)));
        QCOMPARE(rig.model.forest()->ticking().size(), size_t(0));
        QCOMPARE(rig.task(u"a"_s)->durationSeconds(kBase.addDays(3)), std::optional<qint64>(100));
    }

    // What the file knew: tasks it had as listed and the first poll lacks are gone from then on;
    // listed ones keep the file's first sighting.
    void loadedFromTheFile()
    {
        Rig rig;
        const QDateTime earlier = kBase.addDays(-2);
        QList<HistoryTask> stored;
        for (const Task &task : parseSpec(u"a st=running; old st=failed"_s)) {
            HistoryTask row;
            row.id = task.id;
            row.json = task.rawJson;
            row.firstSeen = earlier;
            row.lastSeen = kBase.addSecs(-60);
            stored.append(row);
        }
        HistoryTask gone;
        gone.id = u"older"_s;
        gone.json = parseSpec(u"older st=completed"_s).first().rawJson;
        gone.firstSeen = earlier;
        gone.goneAt = kBase.addDays(-1);
        stored.append(gone);
        rig.overlay->load(stored, rig.overlay->generation());

        // A load asked for before a clear (another connection) is dropped.
        HistoryOverlay other;
        other.setEnabled(true);
        const quint64 before = other.generation();
        other.clear();
        other.load(stored, before);
        QCOMPARE(other.goneCount(), 0);
        QList<Task> none;
        QList<quint64> digests;
        other.prepare(none, digests, *TaskForest::empty(), kBase, true);
        QVERIFY(none.isEmpty());

        QVERIFY(rig.poll(u"a st=completed; new"_s, kBase));
        QCOMPARE(rig.model.taskCount(), 4);
        QCOMPARE(rig.task(u"a"_s)->firstSeen, earlier);
        QVERIFY(!rig.task(u"a"_s)->isFromHistory());
        QCOMPARE(rig.task(u"a"_s)->lastTransition, kBase); // running (the file) -> completed, seen now
        QCOMPARE(rig.task(u"old"_s)->goneAt, kBase);
        QCOMPARE(rig.task(u"old"_s)->state, TaskState::Failed);
        QCOMPARE(rig.task(u"older"_s)->goneAt, kBase.addDays(-1));
        QCOMPARE(rig.task(u"new"_s)->firstSeen, kBase);
    }

    void filterFieldsReadTheHistory()
    {
        Rig rig;
        QVERIFY(rig.poll(u"a; b"_s, kBase));
        QVERIFY(rig.poll(u"a; c"_s, kBase.addSecs(3600)));
        const auto matching = [&rig](const QString &text) {
            const FilterParseResult parsed = parseFilter(text);
            if (!parsed.ok())
                return QStringList{u"error: "_s + parsed.error->toString()};
            const FilterPredicate predicate(parsed.expr, kBase.addSecs(3600 + 60));
            QStringList ids;
            rig.model.forEachTask([&](const Task &task) {
                if (predicate.matches(task))
                    ids << task.id;
            });
            ids.sort();
            return ids;
        };
        QCOMPARE(matching(u"gone gt now-1h"_s), QStringList{u"b"_s});
        QCOMPARE(matching(u"seen gt now-30m"_s), QStringList{u"c"_s});
        QCOMPARE(matching(u"seen lt now-30m"_s), (QStringList{u"a"_s, u"b"_s}));
        QCOMPARE(matching(u"transition gte now-5m"_s), QStringList{u"c"_s});
        QCOMPARE(matching(u"not gone gt now-1d"_s), (QStringList{u"a"_s, u"c"_s})); // absent: not matched by gt
    }
};

QTEST_GUILESS_MAIN(TestHistoryOverlay)
#include "tst_historyoverlay.moc"
