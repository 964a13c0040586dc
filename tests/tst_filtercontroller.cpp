// FilterController without widgets: chip clicks rewrite the expression, the "other" chip's selection
// and exclusion, counts under a filter, server clauses, the saved filter.
#include "filtercontroller.h"

#include "changeplan.h"
#include "filterclauses.h"
#include "scheduler.h"
#include "taskfilterproxymodel.h"
#include "taskforest.h"
#include "tasktreemodel.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Taskscope;
using namespace Qt::StringLiterals;
using Action = FilterController::StateAction;

namespace {

Task makeTask(const QString &id, const QString &name, const QString &state)
{
    Task task;
    task.id = id;
    task.name = name;
    task.stateText = state;
    task.state = stateFromApiName(state);
    return task;
}

QList<Task> world()
{
    return {makeTask(u"a"_s, u"backup.a"_s, u"running"_s),   makeTask(u"b"_s, u"backup.b"_s, u"failed"_s),
            makeTask(u"c"_s, u"snapshot.c"_s, u"failed"_s),  makeTask(u"d"_s, u"backup.d"_s, u"completed"_s),
            makeTask(u"e"_s, u"restore.e"_s, u"exploded"_s)}; // a state this version does not know
}

QString knownStatesExcluded()
{
    QStringList clauses;
    for (const QString &name : knownStateApiNames())
        clauses << u"state ne '%1'"_s.arg(name);
    return clauses.join(u" and "_s);
}

} // namespace

class TestFilterController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void init()
    {
        QSettings().remove(u"Filter"_s);
        m_model = std::make_unique<TaskTreeModel>();
        m_model->apply(world());
        m_proxy = std::make_unique<TaskFilterProxyModel>();
        m_proxy->setSourceModel(m_model.get());
        m_controller = std::make_unique<FilterController>(m_model.get(), m_proxy.get(), &m_clock);
    }

    void cleanup()
    {
        m_controller.reset();
        m_proxy.reset();
        m_model.reset();
    }

    void chipClicksRewriteTheExpression_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("state");
        QTest::addColumn<Action>("action");
        QTest::addColumn<QString>("expected");
        QTest::newRow("only") << QString() << u"completed"_s << Action::Only << u"state eq 'completed'"_s;
        QTest::newRow("only replaces") << u"state eq 'failed'"_s << u"running"_s << Action::Only << u"state eq 'running'"_s;
        QTest::newRow("add") << u"state eq 'completed'"_s << u"running"_s << Action::Add
                             << u"state eq 'completed' or state eq 'running'"_s;
        QTest::newRow("add keeps the rest") << u"name in 'backup'"_s << u"failed"_s << Action::Add
                                            << u"name in 'backup' and state eq 'failed'"_s;
        QTest::newRow("remove") << u"state eq 'completed' or state eq 'running'"_s << u"completed"_s << Action::Remove
                                << u"state eq 'running'"_s;
        QTest::newRow("remove the last") << u"state eq 'running'"_s << u"running"_s << Action::Remove << QString();
        QTest::newRow("exclude") << QString() << u"completed"_s << Action::Exclude << u"state ne 'completed'"_s;
        QTest::newRow("remove an exclusion") << u"state ne 'completed'"_s << u"completed"_s << Action::Remove << QString();
        QTest::newRow("other: only") << QString() << QString() << Action::Only << knownStatesExcluded();
        QTest::newRow("other: remove") << knownStatesExcluded() << QString() << Action::Remove << QString();
    }

    void chipClicksRewriteTheExpression()
    {
        QFETCH(QString, text);
        QFETCH(QString, state);
        QFETCH(Action, action);
        QFETCH(QString, expected);
        QSignalSpy edited(m_controller.get(), &FilterController::textEdited);
        m_controller->setEditBase([text] { return text; });
        m_controller->onStateActivated(state, action);
        QCOMPARE(edited.size(), 1);
        QCOMPARE(edited.at(0).at(0).toString(), expected);
        QCOMPARE(FilterController::editForState(text, state, action).text, expected);
    }

    // The Stalled chip adds `stalled gte 0`, and a second click removes every stalled clause.
    void stalledChipToggles()
    {
        QSignalSpy edited(m_controller.get(), &FilterController::textEdited);
        m_controller->setEditBase([] { return u"state eq 'running'"_s; });
        m_controller->toggleStalled();
        QCOMPARE(edited.takeFirst().at(0).toString(), u"state eq 'running' and stalled gte 0"_s);
        QVERIFY(FilterEdit::hasFieldClause(u"state eq 'running' and stalled gte 0"_s, FilterField::Stalled));
        QVERIFY(!FilterEdit::hasFieldClause(u"state eq 'running' or stalled gte 0"_s, FilterField::Stalled)); // not top-level
        QVERIFY(!FilterEdit::hasFieldClause(u"stalled gte"_s, FilterField::Stalled)); // does not parse
        m_controller->setEditBase([] { return u"stalled gt 1800 and state eq 'running'"_s; });
        m_controller->toggleStalled();
        QCOMPARE(edited.takeFirst().at(0).toString(), u"state eq 'running'"_s);
    }

    void requestsEditWhatTheEditorShows()
    {
        QSignalSpy edited(m_controller.get(), &FilterController::textEdited);
        QSignalSpy failed(m_controller.get(), &FilterController::editFailed);
        m_controller->applyRequest({FilterField::Name, u"it's"_s, false});
        QCOMPARE(edited.takeFirst().at(0).toString(), u"name eq 'it''s'"_s); // from the filter in force (none)
        m_controller->setEditBase([] { return u"state eq 'failed'"_s; });
        m_controller->applyRequest({FilterField::Name, u"backup.b"_s, true});
        QCOMPARE(edited.takeFirst().at(0).toString(), u"state eq 'failed' and name ne 'backup.b'"_s);
        m_controller->setEditBase([] { return u"state eq"_s; }); // does not parse: said, not edited
        m_controller->applyRequest({FilterField::Name, u"x"_s, false});
        QCOMPARE(failed.size(), 1);
        QVERIFY(edited.isEmpty());
    }

    void theOtherChipSelectionAndExclusion()
    {
        using Selection = FilterController::StateSelection;
        QCOMPARE(FilterController::stateSelection(QString()), (Selection{}));
        QCOMPARE(FilterController::stateSelection(u"state eq 'failed'"_s), (Selection{{u"failed"_s}, {}}));
        QCOMPARE(FilterController::stateSelection(u"state ne 'failed'"_s), (Selection{{}, {u"failed"_s}}));
        // None of the known states: the "other" chip is lit.
        QCOMPARE(FilterController::stateSelection(knownStatesExcluded()), (Selection{{QString()}, {}}));
        // Every known state: the "other" chip is struck, beside what was excluded before.
        const FilterEditResult excluded =
            FilterController::editForState(u"state ne 'failed'"_s, QString(), Action::Exclude);
        QVERIFY(excluded.ok());
        QCOMPARE(FilterController::stateSelection(excluded.text), (Selection{{}, {u"failed"_s, QString()}}));
        QCOMPARE(FilterController::countUnderFilter(*m_model->forest(), excluded.text, m_clock.now()).matching, 2);
        QStringList every;
        for (const QString &name : knownStateApiNames())
            every << u"state eq '%1'"_s.arg(name);
        QCOMPARE(FilterController::stateSelection(every.join(u" or "_s)), (Selection{{}, {QString()}}));
    }

    void countsUnderAFilter()
    {
        // The chips count what the filter without its state clauses leaves; matching counts the whole.
        const FilterCounts counts = FilterController::countUnderFilter(
            *m_model->forest(), u"name in 'backup' and state eq 'failed'"_s, m_clock.now());
        QVERIFY(counts.valid);
        QCOMPARE(counts.matching, 1);
        QCOMPARE(counts.perState[size_t(TaskState::Failed)], 1);
        QCOMPARE(counts.perState[size_t(TaskState::Running)], 1);
        QCOMPARE(counts.perState[size_t(TaskState::Completed)], 1);
        QCOMPARE(counts.perState[size_t(TaskState::Unknown)], 0);

        // Applying a filter counts and lights the chips.
        QSignalSpy countsChanged(m_controller.get(), &FilterController::countsChanged);
        QSignalSpy selection(m_controller.get(), &FilterController::selectionChanged);
        QSignalSpy applied(m_controller.get(), &FilterController::applied);
        QVERIFY(m_controller->apply(u"state eq 'failed'"_s));
        QCOMPARE(applied.size(), 1);
        QCOMPARE(m_controller->matchingTaskCount(), 2);
        QCOMPARE(countsChanged.size(), 1);
        QCOMPARE(countsChanged.at(0).at(1).toInt(), 2);
        QCOMPARE(selection.at(0).at(0).toStringList(), QStringList{u"failed"_s});

        // The planner's worker step counts a plan's forest with the filter in force.
        ChangePlan plan;
        plan.forest = m_model->forest();
        m_controller->countStep()(plan);
        QCOMPARE(plan.counts.filter, u"state eq 'failed'"_s);
        QCOMPARE(plan.counts.matching, 2);
        m_controller->showPlanCounts(plan.counts);
        QCOMPARE(countsChanged.size(), 2);

        // A bad expression is refused and said.
        QSignalSpy failed(m_controller.get(), &FilterController::applyFailed);
        QVERIFY(!m_controller->apply(u"state eq"_s));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(m_controller->text(), u"state eq 'failed'"_s);
    }

    void serverClauses()
    {
        QSignalSpy clauses(m_controller.get(), &FilterController::serverClausesChanged);
        QVERIFY(m_controller->serverFiltering()); // the default
        QVERIFY(m_controller->apply(u"state eq 'completed' and name in 'backup' and duration gt 1"_s));
        // The server grammar's clauses, each its own; not the state clause (the chips count every
        // state), nor a derived field.
        QCOMPARE(m_controller->serverClauses(), QStringList{u"name in 'backup'"_s});
        QCOMPARE(clauses.last().at(0).toStringList(), QStringList{u"name in 'backup'"_s});
        m_controller->setServerFiltering(false);
        QVERIFY(m_controller->serverClauses().isEmpty());
        QVERIFY(clauses.last().at(0).toStringList().isEmpty());
        QCOMPARE(QSettings().value(u"Filter/pushDown"_s).toBool(), false);
        m_controller->setServerFiltering(true);
        // Relative times are read on the controller's clock.
        QVERIFY(m_controller->apply(u"startTime gt now-1h"_s));
        const QStringList relative = m_controller->serverClauses();
        QCOMPARE(relative.size(), 1);
        QVERIFY2(relative.first().contains(m_clock.now().addSecs(-3600).toString(Qt::ISODate).left(16)),
                 qPrintable(relative.first()));
    }

    void theFilterIsRemembered()
    {
        QVERIFY(m_controller->apply(u"state eq 'failed'"_s));
        QCOMPARE(FilterController::savedText(), u"state eq 'failed'"_s);
        QVERIFY(m_controller->apply(u"state eq 'running'"_s, FilterController::Persistence::ThisSessionOnly));
        QCOMPARE(FilterController::savedText(), u"state eq 'failed'"_s); // a one-off is not saved
        QSettings().setValue(u"Filter/current"_s, u"state eq"_s);
        QCOMPARE(FilterController::savedText(), QString()); // one that no longer parses does not come back
        QVERIFY(!FilterController::savedShowSubtrees());
        m_controller->setShowSubtrees(true);
        QVERIFY(FilterController::savedShowSubtrees());
        QCOMPARE(m_proxy->mode(), TaskFilterProxyModel::Mode::MatchesWithSubtrees);
    }

private:
    ManualScheduler m_clock;
    std::unique_ptr<TaskTreeModel> m_model;
    std::unique_ptr<TaskFilterProxyModel> m_proxy;
    std::unique_ptr<FilterController> m_controller;
};

QTEST_GUILESS_MAIN(TestFilterController)
#include "tst_filtercontroller.moc"
