// AttentionEngine over real plans (SnapshotDiff, applied to a TaskTreeModel): what is notified,
// once, grouped in bursts; rules (watched, connection, muted, invalid); rules saved and loaded.
#include "attention.h"
#include "progresstracker.h"
#include "scheduler.h"
#include "snapshotdiff.h"
#include "taskspec.h"
#include "tasktreemodel.h"

#include <QAbstractItemModelTester>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Taskscope;
using namespace Qt::StringLiterals;
using namespace Taskscope::TestSpec;

namespace {

using Urgency = NotificationMessage::Urgency;

// A backup of app APP1 on cluster K1 (prod-east) unless told otherwise.
Task job(const QString &id, TaskState state, const QString &parent = {}, const QString &cluster = u"K1"_s)
{
    Task t = makeTask(id, parent);
    t.name = u"astra.backup"_s;
    t.summary = u"Backup"_s;
    t.state = state;
    t.stateText = stateApiName(state);
    t.resourceURI = cluster.isEmpty()
        ? QString(u"/accounts/A/k8s/v1/apps/APP1/appBackups/B-"_s + id)
        : QString(u"/accounts/A/topology/v1/clouds/C1/clusters/"_s + cluster + u"/namespaces/N1/apps/APP1/appBackups/B-"_s + id);
    if (state == TaskState::Failed)
        t.stateDetails = {StateDetail{u"error"_s, u"Snapshot failed"_s, u"the volume is full"_s, {}}};
    seal(t);
    return t;
}

QList<Task> jobs(const QStringList &ids, TaskState state)
{
    QList<Task> tasks;
    for (const QString &id : ids)
        tasks.append(job(id, state));
    return tasks;
}

AttentionRule rule(const QString &id, AttentionEvent event, const QString &filter = {})
{
    AttentionRule r;
    r.id = id;
    r.event = event;
    r.filter = filter;
    return r;
}

// Polls as the app does: the tracker prepares the tasks, the diff plans, the model applies, then
// the engine sees the applied plan.
class Session
{
public:
    Session()
        : engine(&clock)
        , tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal)
    {
        names.insert(NameKind::Cluster, u"K1"_s, u"prod-east"_s);
        names.insert(NameKind::Cluster, u"K2"_s, u"prod-west"_s);
        names.insert(NameKind::App, u"APP1"_s, u"elastic-metrics"_s);
        QObject::connect(&engine, &AttentionEngine::notify, &engine,
                         [this](const NotificationMessage &message) { messages.append(message); });
        QObject::connect(&engine, &AttentionEngine::itemsMatched, &engine,
                         [this](const QList<AttentionItem> &items) { matched.append(items); });
    }

    void poll(QList<Task> tasks, bool resync = false)
    {
        tracker.prepare(tasks, clock.now());
        if (resync) // the tree is rebuilt: every task appears again
            model.apply(QList<Task>());
        const ChangePlan plan = SnapshotDiff::compute(model.forest(), tasks, {}, clock.now());
        QVERIFY(model.apply(plan));
        engine.onPlanApplied(plan, names, first);
        first = false;
    }

    ManualScheduler clock;
    AttentionEngine engine;
    TaskTreeModel model;
    QAbstractItemModelTester tester;
    ProgressTracker tracker;
    NameTable names;
    bool first = true;
    QList<NotificationMessage> messages;
    QList<AttentionItem> matched;
};

} // namespace

class TestAttentionEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstSnapshotIsNotNews();
    void aFailureIsToldOnce();
    void titlesWithoutACluster();
    void completesAndStarts();
    void manyEventsInOnePlanAreOneMessage();
    void burstsAcrossPlansAreHeldThenGrouped();
    void watchedRulesIncludeSubtasks();
    void rulesMatchTheConnection();
    void mutedRulesAreSkipped();
    void invalidFiltersAreReportedAndSkipped();
    void filtersReadNames();
    void stallsAreToldOncePerStall();
    void missedFailuresAreNews();
    void resetForgetsHeldMessages();
    void rulesRoundTripThroughSettings();
};

void TestAttentionEngine::firstSnapshotIsNotNews()
{
    Session s;
    s.engine.setRules(defaultAttentionRules());
    s.poll({job(u"a"_s, TaskState::Failed), job(u"b"_s, TaskState::Completed), job(u"c"_s, TaskState::Running)});
    QVERIFY(s.messages.isEmpty());
    QVERIFY(s.matched.isEmpty());
    s.clock.advance(5000);
    s.poll({job(u"a"_s, TaskState::Failed), job(u"b"_s, TaskState::Completed), job(u"c"_s, TaskState::Running)});
    QVERIFY(s.messages.isEmpty());
    // Seen again after a resync (a new tree): still not news.
    s.clock.advance(5000);
    s.poll({job(u"a"_s, TaskState::Failed), job(u"b"_s, TaskState::Completed), job(u"c"_s, TaskState::Running)}, true);
    QVERIFY(s.messages.isEmpty());
}

void TestAttentionEngine::aFailureIsToldOnce()
{
    Session s;
    s.engine.setRules(defaultAttentionRules());
    s.poll({job(u"a"_s, TaskState::Running)});
    s.clock.advance(5000);
    s.poll({job(u"a"_s, TaskState::Failed)});
    QCOMPARE(s.messages.size(), 1);
    const NotificationMessage &m = s.messages.constFirst();
    QCOMPARE(m.title, u"Backup failed on prod-east"_s);
    QCOMPARE(m.body, u"elastic-metrics\nSnapshot failed: the volume is full"_s);
    QCOMPARE(m.urgency, Urgency::Critical);
    QCOMPARE(m.key, u"a"_s);
    QCOMPARE(m.taskIds, QStringList{u"a"_s});
    QCOMPARE(m.ruleId, u"default-fails"_s);
    QCOMPARE(m.at, s.clock.now());
    QCOMPARE(s.matched.size(), 1);
    QCOMPARE(s.matched.constFirst().event, AttentionEvent::Fails);
    QCOMPARE(s.matched.constFirst().clusterName, u"prod-east"_s);
    QCOMPARE(s.matched.constFirst().reason, u"Snapshot failed: the volume is full"_s);
    // Still failed at the next polls, and after a resync: not again.
    for (int i = 0; i < 3; ++i) {
        s.clock.advance(5000);
        s.poll({job(u"a"_s, TaskState::Failed)}, i == 2);
    }
    QCOMPARE(s.messages.size(), 1);
    // Retried and failed again: news again.
    s.clock.advance(60'000);
    s.poll({job(u"a"_s, TaskState::Running)});
    s.clock.advance(5000);
    s.poll({job(u"a"_s, TaskState::Failed)});
    QCOMPARE(s.messages.size(), 2);
    QCOMPARE(s.messages.constLast().key, u"a"_s);
    // Gone from the list, then listed again as failed: it was forgotten with the list, so news.
    s.clock.advance(60'000);
    s.poll({});
    s.clock.advance(5000);
    s.poll({job(u"a"_s, TaskState::Failed)});
    QCOMPARE(s.messages.size(), 3);
}

void TestAttentionEngine::titlesWithoutACluster()
{
    Session s;
    s.engine.setRules({rule(u"r"_s, AttentionEvent::Fails)});
    s.poll({job(u"a"_s, TaskState::Running, {}, {}), job(u"b"_s, TaskState::Running, {}, u"K9"_s)});
    s.clock.advance(5000);
    s.poll({job(u"a"_s, TaskState::Failed, {}, {}), job(u"b"_s, TaskState::Running, {}, u"K9"_s)});
    s.clock.advance(60'000); // its own burst window
    s.poll({job(u"a"_s, TaskState::Failed, {}, {}), job(u"b"_s, TaskState::Failed, {}, u"K9"_s)});
    QCOMPARE(s.messages.size(), 2);
    QCOMPARE(s.messages.at(0).title, u"Backup failed"_s);
    QCOMPARE(s.messages.at(1).title, u"Backup failed on K9"_s); // a cluster without a name: its id
}

void TestAttentionEngine::completesAndStarts()
{
    Session s;
    s.engine.setRules({rule(u"done"_s, AttentionEvent::Completes), rule(u"go"_s, AttentionEvent::Starts),
                       rule(u"end"_s, AttentionEvent::Ends)});
    s.poll({job(u"a"_s, TaskState::NotStarted), job(u"b"_s, TaskState::Running), job(u"c"_s, TaskState::Running)});
    s.clock.advance(5000);
    s.poll({job(u"a"_s, TaskState::Running), job(u"b"_s, TaskState::Completed), job(u"c"_s, TaskState::Running)});
    QCOMPARE(s.messages.size(), 2);
    QCOMPARE(s.messages.at(0).title, u"Backup started on prod-east"_s);
    QCOMPARE(s.messages.at(0).urgency, Urgency::Low);
    QCOMPARE(s.messages.at(0).ruleId, u"go"_s);
    QCOMPARE(s.messages.at(1).title, u"Backup completed on prod-east"_s);
    QCOMPARE(s.messages.at(1).body, u"elastic-metrics"_s);
    QCOMPARE(s.messages.at(1).urgency, Urgency::Low);
    QCOMPARE(s.messages.at(1).ruleId, u"done"_s); // the first matching rule
    s.clock.advance(60'000);
    // Cancelled: only "ends" matches. A new task running: it starts.
    s.poll({job(u"a"_s, TaskState::Running), job(u"b"_s, TaskState::Completed), job(u"c"_s, TaskState::Cancelled),
            job(u"d"_s, TaskState::Running)});
    QCOMPARE(s.messages.size(), 4);
    QCOMPARE(s.messages.at(2).title, u"Backup was cancelled on prod-east"_s);
    QCOMPARE(s.messages.at(2).urgency, Urgency::Normal);
    QCOMPARE(s.messages.at(2).ruleId, u"end"_s);
    QCOMPARE(s.messages.at(3).title, u"Backup started on prod-east"_s);
    QCOMPARE(s.messages.at(3).taskIds, QStringList{u"d"_s});
    // Paused and resumed: not a start, not even when a resync shows it running again.
    s.clock.advance(60'000);
    s.poll({job(u"a"_s, TaskState::Paused)});
    s.clock.advance(5000);
    s.poll({job(u"a"_s, TaskState::Running)});
    s.clock.advance(5000);
    s.poll({job(u"a"_s, TaskState::Paused)});
    s.clock.advance(5000);
    s.poll({job(u"a"_s, TaskState::Running)}, true);
    QCOMPARE(s.messages.size(), 4);
}

void TestAttentionEngine::manyEventsInOnePlanAreOneMessage()
{
    Session s;
    s.engine.setRules(defaultAttentionRules());
    const QStringList ids{u"t1"_s, u"t2"_s, u"t3"_s, u"t4"_s, u"t5"_s, u"t6"_s, u"t7"_s};
    s.poll(jobs(ids, TaskState::Running));
    s.clock.advance(5000);
    s.poll(jobs(ids, TaskState::Failed));
    QCOMPARE(s.messages.size(), 1);
    const NotificationMessage &m = s.messages.constFirst();
    QCOMPARE(m.title, u"7 task(s) failed on prod-east"_s);
    QCOMPARE(m.key, u"group"_s);
    QCOMPARE(m.taskIds, ids);
    QCOMPARE(m.urgency, Urgency::Critical);
    QCOMPARE(m.ruleId, u"default-fails"_s);
    const QStringList lines = m.body.split(u'\n');
    QCOMPARE(lines.size(), 6);
    QCOMPARE(lines.constFirst(), u"Backup · elastic-metrics: Snapshot failed: the volume is full"_s);
    QCOMPARE(lines.constLast(), u"…and 2 more"_s);
    QCOMPARE(s.matched.size(), 7); // every event, grouped or not
    // Several kinds of events: each line says what happened; the most urgent wins; no one rule to mute.
    Session mixed;
    mixed.engine.setRules({rule(u"f"_s, AttentionEvent::Fails), rule(u"c"_s, AttentionEvent::Completes)});
    mixed.poll(jobs({u"a"_s, u"b"_s, u"c"_s, u"d"_s}, TaskState::Running));
    mixed.clock.advance(5000);
    mixed.poll({job(u"a"_s, TaskState::Completed), job(u"b"_s, TaskState::Failed, {}, u"K2"_s),
                job(u"c"_s, TaskState::Completed), job(u"d"_s, TaskState::Completed)});
    QCOMPARE(mixed.messages.size(), 1);
    QCOMPARE(mixed.messages.constFirst().title, u"4 event(s)"_s);
    QCOMPARE(mixed.messages.constFirst().urgency, Urgency::Critical);
    QCOMPARE(mixed.messages.constFirst().ruleId, QString());
    QCOMPARE(mixed.messages.constFirst().body.split(u'\n').at(1),
             u"Backup failed on prod-west · elastic-metrics: Snapshot failed: the volume is full"_s);
    // Exactly the threshold: one message each.
    Session t;
    t.engine.setRules(defaultAttentionRules());
    t.poll(jobs({u"a"_s, u"b"_s, u"c"_s}, TaskState::Running));
    t.clock.advance(5000);
    t.poll(jobs({u"a"_s, u"b"_s, u"c"_s}, TaskState::Failed));
    QCOMPARE(t.messages.size(), 3);
    QCOMPARE(t.messages.at(2).key, u"c"_s);
}

void TestAttentionEngine::burstsAcrossPlansAreHeldThenGrouped()
{
    Session s;
    s.engine.setRules(defaultAttentionRules());
    const QStringList ids{u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s, u"f"_s};
    QList<Task> tasks = jobs(ids, TaskState::Running);
    s.poll(tasks);
    const auto fail = [&](int i, qint64 afterMs) {
        s.clock.advance(afterMs);
        tasks[i] = job(ids.at(i), TaskState::Failed);
        s.poll(tasks);
    };
    const QDateTime start = s.clock.now();
    fail(0, 1000); // at +1 s: the window runs to +11 s
    fail(1, 1000);
    fail(2, 1000);
    QCOMPARE(s.messages.size(), 3);
    fail(3, 1000); // a fourth within 10 s: held
    fail(4, 1000);
    QCOMPARE(s.messages.size(), 3);
    QCOMPARE(s.matched.size(), 5);
    QCOMPARE(s.clock.nextDelay(), 11'000 - start.msecsTo(s.clock.now()));
    s.clock.advance(s.clock.nextDelay());
    QCOMPARE(s.messages.size(), 4);
    const NotificationMessage &group = s.messages.constLast();
    QCOMPARE(group.key, u"group"_s);
    QCOMPARE(group.title, u"2 task(s) failed on prod-east"_s);
    QCOMPARE(group.taskIds, (QStringList{u"d"_s, u"e"_s}));
    QCOMPARE(group.at, start.addMSecs(11'000));
    QCOMPARE(group.body.count(u'\n'), 1);
    // Later, on its own.
    fail(5, 20'000);
    QCOMPARE(s.messages.size(), 5);
    QCOMPARE(s.messages.constLast().key, u"f"_s);
    QCOMPARE(s.clock.pendingCount(), 0);
}

void TestAttentionEngine::watchedRulesIncludeSubtasks()
{
    Session s;
    AttentionRule watched = rule(u"w"_s, AttentionEvent::Ends);
    watched.watchedOnly = true;
    s.engine.setRules({watched});
    s.engine.setWatched({u"p"_s});
    s.poll({job(u"p"_s, TaskState::Running), job(u"c"_s, TaskState::Running, u"p"_s),
            job(u"g"_s, TaskState::Running, u"c"_s), job(u"o"_s, TaskState::Running)});
    s.clock.advance(5000);
    s.poll({job(u"p"_s, TaskState::Running), job(u"c"_s, TaskState::Running, u"p"_s),
            job(u"g"_s, TaskState::Completed, u"c"_s), job(u"o"_s, TaskState::Completed)});
    QCOMPARE(s.messages.size(), 1);
    QCOMPARE(s.messages.constFirst().taskIds, QStringList{u"g"_s}); // a grandchild of the watched task
    QCOMPARE(s.messages.constFirst().title, u"Backup completed on prod-east"_s);
    QCOMPARE(s.messages.constFirst().ruleId, u"w"_s);
    // Nothing watched: the rule matches nothing.
    s.engine.setWatched({});
    s.clock.advance(60'000);
    s.poll({job(u"p"_s, TaskState::Failed), job(u"c"_s, TaskState::Running, u"p"_s),
            job(u"g"_s, TaskState::Completed, u"c"_s), job(u"o"_s, TaskState::Completed)});
    QCOMPARE(s.messages.size(), 1);
}

void TestAttentionEngine::rulesMatchTheConnection()
{
    Session s;
    AttentionRule onProd = rule(u"prod"_s, AttentionEvent::Fails);
    onProd.connection = u"prod"_s;
    s.engine.setRules({onProd});
    s.engine.setConnectionName(u"staging"_s);
    s.poll(jobs({u"a"_s, u"b"_s}, TaskState::Running));
    s.clock.advance(5000);
    s.poll({job(u"a"_s, TaskState::Failed), job(u"b"_s, TaskState::Running)});
    QVERIFY(s.messages.isEmpty());
    s.engine.setConnectionName(u"prod"_s);
    s.clock.advance(5000);
    s.poll({job(u"a"_s, TaskState::Failed), job(u"b"_s, TaskState::Failed)});
    QCOMPARE(s.messages.size(), 1);
    QCOMPARE(s.messages.constFirst().taskIds, QStringList{u"b"_s});
}

void TestAttentionEngine::mutedRulesAreSkipped()
{
    Session s;
    QList<AttentionRule> rules = defaultAttentionRules();
    s.engine.setRules(rules);
    QSignalSpy changed(&s.engine, &AttentionEngine::rulesChanged);
    s.engine.muteRule(u"default-fails"_s);
    QCOMPARE(changed.size(), 1);
    rules[0].muted = true;
    QCOMPARE(s.engine.rules(), rules);
    QCOMPARE(changed.constFirst().constFirst().value<QList<AttentionRule>>(), rules);
    s.engine.muteRule(u"default-fails"_s); // already muted
    s.engine.muteRule(u"no-such-rule"_s);
    QCOMPARE(changed.size(), 1);
    s.poll(jobs({u"a"_s}, TaskState::Running));
    s.clock.advance(5000);
    s.poll(jobs({u"a"_s}, TaskState::Failed));
    QVERIFY(s.messages.isEmpty());
    // A muted rule stays muted when the rules are set again as saved.
    s.engine.setRules(rules);
    s.clock.advance(5000);
    s.poll(jobs({u"a"_s}, TaskState::Running));
    s.clock.advance(5000);
    s.poll(jobs({u"a"_s}, TaskState::Failed));
    QVERIFY(s.messages.isEmpty());
}

void TestAttentionEngine::invalidFiltersAreReportedAndSkipped()
{
    Session s;
    AttentionRule broken = rule(u"broken"_s, AttentionEvent::Fails, u"state eq"_s);
    broken.name = u"Broken rule"_s;
    const AttentionRule good = rule(u"good"_s, AttentionEvent::Fails, u"name eq 'astra.backup'"_s);
    s.engine.setRules({broken, good});
    QCOMPARE(s.engine.ruleErrors().size(), 1);
    QVERIFY2(s.engine.ruleErrors().constFirst().contains(u"Broken rule"_s), qPrintable(s.engine.ruleErrors().constFirst()));
    QCOMPARE(s.engine.rules().size(), 2); // kept, to be fixed in the settings
    s.poll(jobs({u"a"_s}, TaskState::Running));
    s.clock.advance(5000);
    s.poll(jobs({u"a"_s}, TaskState::Failed));
    QCOMPARE(s.messages.size(), 1);
    QCOMPARE(s.messages.constFirst().ruleId, u"good"_s);
    s.engine.setRules({good});
    QVERIFY(s.engine.ruleErrors().isEmpty());
}

void TestAttentionEngine::filtersReadNames()
{
    Session s;
    s.engine.setRules({rule(u"west"_s, AttentionEvent::Fails, u"clusterName eq 'prod-west'"_s),
                       rule(u"metrics"_s, AttentionEvent::Fails, u"appName eq 'elastic-metrics' and cluster eq 'K1'"_s)});
    s.poll({job(u"a"_s, TaskState::Running), job(u"b"_s, TaskState::Running, {}, u"K2"_s),
            job(u"c"_s, TaskState::Running, {}, u"K3"_s)});
    s.clock.advance(5000);
    s.poll({job(u"a"_s, TaskState::Failed), job(u"b"_s, TaskState::Failed, {}, u"K2"_s),
            job(u"c"_s, TaskState::Failed, {}, u"K3"_s)});
    QCOMPARE(s.messages.size(), 2);
    QCOMPARE(s.messages.at(0).ruleId, u"metrics"_s);
    QCOMPARE(s.messages.at(0).taskIds, QStringList{u"a"_s});
    QCOMPARE(s.messages.at(1).ruleId, u"west"_s);
    QCOMPARE(s.messages.at(1).title, u"Backup failed on prod-west"_s);
}

void TestAttentionEngine::stallsAreToldOncePerStall()
{
    Session s;
    s.engine.setRules(defaultAttentionRules());
    const auto at = [](double percent) {
        Task t = job(u"a"_s, TaskState::Running);
        t.percentDone = percent;
        seal(t);
        return t;
    };
    s.poll({at(10)});
    for (int p = 20; p <= 40; p += 10) {
        s.clock.advance(60'000);
        s.poll({at(p)});
    }
    // No move for 10 minutes (a poll a minute): stalled at the tenth.
    for (int i = 0; i < 9; ++i) {
        s.clock.advance(60'000);
        s.poll({at(40)});
    }
    QVERIFY(s.messages.isEmpty());
    s.clock.advance(60'000);
    s.poll({at(40)});
    QCOMPARE(s.messages.size(), 1);
    const NotificationMessage &m = s.messages.constFirst();
    QCOMPARE(m.title, u"Backup stalled on prod-east"_s);
    QCOMPARE(m.urgency, Urgency::Normal);
    QCOMPARE(m.ruleId, u"default-stalls"_s);
    QCOMPARE(m.body, u"elastic-metrics\nNo progress for 10 minute(s) (at 40%)"_s);
    s.clock.advance(60'000);
    s.poll({at(40)});
    QCOMPARE(s.messages.size(), 1);
    // Moves, then stalls again: a second stall is news.
    s.clock.advance(60'000);
    s.poll({at(50)});
    for (int i = 0; i < 10; ++i) {
        s.clock.advance(60'000);
        s.poll({at(50)});
    }
    QCOMPARE(s.messages.size(), 2);
    QCOMPARE(s.matched.constLast().event, AttentionEvent::Stalls);
}

void TestAttentionEngine::missedFailuresAreNews()
{
    Session s;
    s.engine.setRules(defaultAttentionRules());
    AttentionItem item;
    item.taskId = u"m1"_s;
    item.event = AttentionEvent::Fails;
    item.ruleId = u"default-fails"_s;
    item.taskTitle = u"Backup"_s;
    item.appName = u"elastic-metrics"_s;
    item.clusterName = u"prod-east"_s;
    item.reason = u"Snapshot failed"_s;
    item.at = s.clock.now().addSecs(-3600);
    s.engine.notifyMissed({item});
    QCOMPARE(s.messages.size(), 1);
    QCOMPARE(s.messages.constFirst().title, u"Backup failed on prod-east"_s);
    QCOMPARE(s.messages.constFirst().body, u"elastic-metrics\nSnapshot failed"_s);
    QCOMPARE(s.matched, QList<AttentionItem>{item});
    // Many: one message.
    s.clock.advance(60'000);
    QList<AttentionItem> many;
    for (int i = 2; i <= 6; ++i) {
        item.taskId = u"m"_s + QString::number(i);
        many.append(item);
    }
    s.engine.notifyMissed(many);
    QCOMPARE(s.messages.size(), 2);
    QCOMPARE(s.messages.constLast().title, u"5 task(s) failed on prod-east"_s);
    // The snapshot that lists them failed (not the session's first: a resync) does not tell them again.
    s.clock.advance(60'000);
    s.first = false;
    s.poll({job(u"m1"_s, TaskState::Failed), job(u"m2"_s, TaskState::Failed)});
    QCOMPARE(s.messages.size(), 2);
    // A muted rule's missed items are dropped.
    s.engine.muteRule(u"default-fails"_s);
    item.taskId = u"m9"_s;
    s.engine.notifyMissed({item});
    QCOMPARE(s.messages.size(), 2);
}

void TestAttentionEngine::resetForgetsHeldMessages()
{
    Session s;
    s.engine.setRules(defaultAttentionRules());
    const QStringList ids{u"a"_s, u"b"_s, u"c"_s, u"d"_s};
    QList<Task> tasks = jobs(ids, TaskState::Running);
    s.poll(tasks);
    for (int i = 0; i < 4; ++i) {
        s.clock.advance(500);
        tasks[i] = job(ids.at(i), TaskState::Failed);
        s.poll(tasks);
    }
    QCOMPARE(s.messages.size(), 3);
    QCOMPARE(s.clock.pendingCount(), 1);
    s.engine.reset();
    QCOMPARE(s.clock.pendingCount(), 0);
    s.clock.advance(20'000);
    QCOMPARE(s.messages.size(), 3);
    // Forgotten: the next session's first snapshot is not news, its later failures are.
    Session t;
    t.engine.setRules(defaultAttentionRules());
    t.poll(tasks);
    QVERIFY(t.messages.isEmpty());
}

void TestAttentionEngine::rulesRoundTripThroughSettings()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"taskscope.ini"_s);
    {
        QSettings settings(path, QSettings::IniFormat);
        QCOMPARE(loadAttentionRules(settings), defaultAttentionRules());
    }
    AttentionRule custom = rule(u"3f1c"_s, AttentionEvent::Stalls, u"appName eq 'elastic-metrics'"_s);
    custom.name = u"Metrics stall"_s;
    custom.connection = u"prod"_s;
    custom.watchedOnly = true;
    custom.muted = true;
    const QList<AttentionRule> rules{custom, rule(u"x"_s, AttentionEvent::Starts)};
    {
        QSettings settings(path, QSettings::IniFormat);
        saveAttentionRules(settings, rules);
    }
    {
        QSettings settings(path, QSettings::IniFormat);
        QCOMPARE(loadAttentionRules(settings), rules);
        // Saved empty: no rules, not the defaults.
        saveAttentionRules(settings, {});
    }
    QSettings settings(path, QSettings::IniFormat);
    QVERIFY(loadAttentionRules(settings).isEmpty());
}

QTEST_GUILESS_MAIN(TestAttentionEngine)
#include "tst_attentionengine.moc"
