// FilterPredicate: every operator on every kind of field, derived fields, lists, missing values, the
// clock; and completion offers at cursor positions.
#include "filtercompletion.h"
#include "filterevaluator.h"
#include "filterlanguage.h"
#include "resourceuri.h"
#include "task.h"

#include <QTest>

using namespace Taskscope;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kNow = QDateTime::fromString(u"2026-03-01T12:00:00Z"_s, Qt::ISODate);

QDateTime minutesAgo(int minutes)
{
    return kNow.addSecs(-60 * minutes);
}

// Four tasks that between them have every kind of value, and lack every kind of value.
QList<Task> fixtureTasks()
{
    Task running;
    running.id = u"t1"_s;
    running.name = u"astra.backup"_s;
    running.service = u"nautilus"_s;
    running.state = TaskState::Running;
    running.stateText = u"running"_s;
    running.percentDone = 40;
    running.orderHint = 1;
    running.startTime = minutesAgo(30);
    running.metadata.labels = {{u"env"_s, u"prod"_s}, {u"team"_s, u"db"_s}};
    running.metadata.modificationTimestamp = minutesAgo(5);
    running.resourceURI
        = u"/accounts/A/topology/v1/clouds/C1/clusters/K1/namespaces/N1/apps/APP1/appBackups/B1"_s;
    running.resourceCollectionURI = {u"/accounts/A/topology/v1/clouds/C1/clusters/K1"_s};
    running.stateTransitions = {{u"running"_s, {u"completed"_s, u"failed"_s}}};

    Task failed;
    failed.id = u"t2"_s;
    failed.parentTaskID = u"t1"_s;
    failed.name = u"astra.backup.prep"_s;
    failed.service = u"nautilus"_s;
    failed.state = TaskState::Failed;
    failed.stateText = u"failed"_s;
    failed.percentDone = 75;
    failed.startTime = minutesAgo(120);
    failed.endTime = minutesAgo(90);
    failed.stateDetails
        = {{u"https://astra.netapp.io/problems/3"_s, u"Quota exceeded"_s, u"It's over the quota"_s, {}}};
    failed.metadata.labels = {{u"env"_s, u"staging"_s}, {u"note"_s, u"it's"_s}};
    // No cluster in the resource's own URI: it comes from a collection URI.
    failed.resourceURI = u"/accounts/A/k8s/v1/apps/APP2/appSnaps/S2"_s;
    failed.resourceCollectionURI = {u"/accounts/A/topology/v1/clouds/C2"_s,
                                    u"/accounts/A/topology/v1/clouds/C2/clusters/K2/namespaces/N2"_s};

    Task unknown;
    unknown.id = u"t3"_s;
    unknown.name = u"ünïcødé.task"_s;
    unknown.state = TaskState::Unknown;
    unknown.stateText = u"exploded"_s;
    unknown.summary = u"Ünïcødé summary"_s;
    unknown.description = u"it's a 'quoted' test"_s;

    Task cancelled;
    cancelled.id = u"t4"_s;
    cancelled.name = u"astra.restore"_s;
    cancelled.state = TaskState::Cancelled;
    cancelled.stateText = u"cancelled"_s;
    cancelled.percentDone = 10.5;
    cancelled.startTime = QDateTime::fromString(u"2024-05-01T12:00:00.250Z"_s, Qt::ISODateWithMs);
    cancelled.cancelTime = QDateTime::fromString(u"2024-05-01T12:10:00Z"_s, Qt::ISODate);
    cancelled.metadata.creationTimestamp = QDateTime::fromString(u"2024-05-01T11:59:00Z"_s, Qt::ISODate);
    cancelled.resourceURI = u"/accounts/A/topology/v1/clouds/C1/clusters/K1/namespaces/N1"_s;

    return {running, failed, unknown, cancelled};
}

QString matchingIds(const QString &text, const QDateTime &now = kNow)
{
    const FilterParseResult parsed = parseFilter(text);
    if (!parsed.ok())
        qFatal("does not parse: %s: %s", qPrintable(text), qPrintable(parsed.error->toString()));
    const FilterPredicate predicate(parsed.expr, now);
    QStringList ids;
    for (const Task &task : fixtureTasks()) {
        if (predicate.matches(task))
            ids << task.id;
    }
    return ids.join(u' ');
}

} // namespace

class TestFilterEvaluator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matches_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("ids");
        const auto row = [](const QString &text, const QString &ids) {
            QTest::newRow(qPrintable(text)) << text << ids;
        };
        // Text.
        row(u"state eq 'running'"_s, u"t1"_s);
        row(u"state eq 'Running'"_s, QString());
        row(u"state eq 'exploded'"_s, u"t3"_s);
        row(u"state ne 'running'"_s, u"t2 t3 t4"_s);
        row(u"state lt 'f'"_s, u"t3 t4"_s);
        row(u"state gt 'failed'"_s, u"t1"_s);
        row(u"state lte 'failed'"_s, u"t2 t3 t4"_s);
        row(u"state gte 'running'"_s, u"t1"_s);
        row(u"state in 'AIL'"_s, u"t2"_s);
        row(u"state matches '^(running|failed)$'"_s, u"t1 t2"_s);
        row(u"state matches 'RUN'"_s, QString());
        row(u"state matches '(?i)RUN'"_s, u"t1"_s);
        row(u"description in 'IT''S A'"_s, u"t3"_s);
        row(u"description eq 'it''s a ''quoted'' test'"_s, u"t3"_s);
        row(u"summary eq 'Ünïcødé summary'"_s, u"t3"_s);
        row(u"name in 'ÜNÏ'"_s, u"t3"_s);
        row(u"name matches '^astra\\.backup\\.prep$'"_s, u"t2"_s);
        row(u"parentTaskID eq ''"_s, u"t1 t3 t4"_s);
        row(u"service in ''"_s, u"t1 t2 t3 t4"_s);
        row(u"service ne 'nautilus'"_s, u"t3 t4"_s);
        // Numbers; a missing one matches only ne.
        row(u"percentDone gt 40"_s, u"t2"_s);
        row(u"percentDone gte 40"_s, u"t1 t2"_s);
        row(u"percentDone lt 40"_s, u"t4"_s);
        row(u"percentDone lte 10.5"_s, u"t4"_s);
        row(u"percentDone eq '75'"_s, u"t2"_s);
        row(u"percentDone ne 75"_s, u"t1 t3 t4"_s);
        row(u"orderHint lt 2"_s, u"t1"_s);
        row(u"orderHint ne 1"_s, u"t2 t3 t4"_s);
        // Instants, absolute and relative to the injected now; a missing one matches only ne.
        row(u"startTime gt now-1h"_s, u"t1"_s);
        row(u"startTime lt now-60m"_s, u"t2 t4"_s);
        row(u"startTime lte now-7200s"_s, u"t2 t4"_s);
        row(u"startTime gte now-2h"_s, u"t1 t2"_s);
        row(u"startTime eq '2024-05-01T12:00:00.250Z'"_s, u"t4"_s);
        row(u"startTime eq '2024-05-01T14:00:00.25+02:00'"_s, u"t4"_s);
        row(u"startTime ne '2024-05-01T12:00:00.250Z'"_s, u"t1 t2 t3"_s);
        row(u"startTime gte '2024-05-01T12:00:00.250Z'"_s, u"t1 t2 t4"_s);
        row(u"startTime lte '2024-05-01T12:00:00.250Z'"_s, u"t4"_s);
        row(u"startTime lt '2024-05-01T12:00:00.250Z'"_s, QString());
        row(u"endTime gt now-2h"_s, u"t2"_s);
        row(u"endTime ne '2000-01-01T00:00:00Z'"_s, u"t1 t2 t3 t4"_s);
        row(u"cancelTime lt '2025-01-01T00:00:00Z'"_s, u"t4"_s);
        row(u"metadata.creationTimestamp eq '2024-05-01T11:59:00Z'"_s, u"t4"_s);
        row(u"metadata.modificationTimestamp gt now-1d"_s, u"t1"_s);
        // Derived fields.
        row(u"duration eq 1800"_s, u"t1 t2"_s);
        row(u"duration lt 1000"_s, u"t4"_s);
        // t4 ran 599.75 s: compared to the millisecond, not as the 599 whole seconds it shows.
        row(u"duration gt 599"_s, u"t1 t2 t4"_s);
        row(u"duration gt 599.7"_s, u"t1 t2 t4"_s);
        row(u"duration lt 599.8"_s, u"t4"_s);
        row(u"duration eq 599.75"_s, u"t4"_s);
        row(u"duration ne 599"_s, u"t1 t2 t3 t4"_s);
        row(u"app eq 'APP1'"_s, u"t1"_s);
        row(u"app eq 'APP2'"_s, u"t2"_s);
        row(u"app eq ''"_s, u"t3 t4"_s);
        row(u"cluster eq 'K1'"_s, u"t1 t4"_s);
        row(u"cluster eq 'K2'"_s, u"t2"_s);
        row(u"namespace in 'n'"_s, u"t1 t2 t4"_s);
        row(u"cloud eq 'C2'"_s, u"t2"_s);
        row(u"cloud ne 'C1'"_s, u"t2 t3"_s);
        row(u"resourceType eq 'appBackups'"_s, u"t1"_s);
        row(u"resourceType eq 'appSnaps'"_s, u"t2"_s);
        row(u"resourceType eq 'namespaces'"_s, u"t4"_s);
        row(u"resourceType ne 'appBackups'"_s, u"t2 t3 t4"_s);
        // Lists: any element; ne is no element equal; an empty list matches only ne.
        row(u"metadata.labels[*].value eq 'prod'"_s, u"t1"_s);
        row(u"metadata.labels[*].name eq 'env'"_s, u"t1 t2"_s);
        row(u"metadata.labels[*].value ne 'prod'"_s, u"t2 t3 t4"_s);
        row(u"not metadata.labels[*].value eq 'prod'"_s, u"t2 t3 t4"_s);
        row(u"metadata.labels.value in 'STAG'"_s, u"t2"_s);
        row(u"metadata.labels[*].value lt 'e'"_s, u"t1"_s);
        row(u"metadata.labels[*].value gte 'a'"_s, u"t1 t2"_s);
        row(u"metadata.labels[*].value eq 'it''s'"_s, u"t2"_s);
        row(u"stateDetails[*].title in 'quota'"_s, u"t2"_s);
        row(u"stateDetails[*].detail matches 'It''s'"_s, u"t2"_s);
        row(u"stateDetails[*].type eq 'https://astra.netapp.io/problems/3'"_s, u"t2"_s);
        row(u"stateDetails[*].title ne 'Quota exceeded'"_s, u"t1 t3 t4"_s);
        row(u"resourceCollectionURI[*] in 'clusters/K1'"_s, u"t1"_s);
        row(u"resourceCollectionURI[*] matches '/clouds/C2$'"_s, u"t2"_s);
        row(u"stateTransitions[*].to[*] eq 'failed'"_s, u"t1"_s);
        row(u"stateTransitions[*].to[*] ne 'failed'"_s, u"t2 t3 t4"_s);
        row(u"stateTransitions[*].from eq 'running'"_s, u"t1"_s);
        // Logic.
        row(QString(), u"t1 t2 t3 t4"_s);
        row(u"state eq 'running' or state eq 'failed'"_s, u"t1 t2"_s);
        row(u"not (state eq 'running' or state eq 'failed')"_s, u"t3 t4"_s);
        row(u"state eq 'failed' and percentDone gt 50"_s, u"t2"_s);
        row(u"state eq 'running' or state eq 'failed' and percentDone lt 50"_s, u"t1"_s);
        row(u"not not app eq 'APP1'"_s, u"t1"_s);
    }

    void matches()
    {
        QFETCH(QString, text);
        QFETCH(QString, ids);
        QCOMPARE(matchingIds(text), ids);
    }

    // "Hidden by": the first top-level AND clause a rejected task fails, printed canonically; the whole
    // expression when the top level is an OR, a NOT or one comparison; nothing for a task that matches.
    void hiddenBy_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("clause");
        const auto row = [](const char *name, const QString &text, const QString &id, const QString &clause) {
            QTest::newRow(name) << text << id << clause;
        };
        row("matches", u"state eq 'running' and service eq 'nautilus'"_s, u"t1"_s, QString());
        row("empty filter", QString(), u"t2"_s, QString());
        row("first clause", u"state eq 'running' and service eq 'nautilus'"_s, u"t2"_s, u"state eq 'running'"_s);
        row("second clause", u"service eq 'nautilus' and state eq 'running'"_s, u"t2"_s, u"state eq 'running'"_s);
        row("first of two false", u"service eq 'nautilus' and percentDone gt 90 and state eq 'running'"_s, u"t2"_s,
            u"percentDone gt 90"_s);
        row("canonical spelling", u"Service eq 'nautilus' AND metadata.labels.name EQ 'zzz'"_s, u"t1"_s,
            u"metadata.labels[*].name eq 'zzz'"_s);
        row("or at top level", u"state eq 'running' or state eq 'cancelled'"_s, u"t2"_s,
            u"state eq 'running' or state eq 'cancelled'"_s);
        row("or inside and", u"service eq 'nautilus' and (state eq 'running' or percentDone gt 90)"_s, u"t2"_s,
            u"state eq 'running' or percentDone gt 90"_s);
        row("one comparison", u"state eq 'failed'"_s, u"t1"_s, u"state eq 'failed'"_s);
        row("not at top level", u"not state eq 'running'"_s, u"t1"_s, u"not state eq 'running'"_s);
        row("missing value", u"name in 'task' and percentDone gt 1"_s, u"t3"_s, u"percentDone gt 1"_s);
    }

    void hiddenBy()
    {
        QFETCH(QString, text);
        QFETCH(QString, id);
        QFETCH(QString, clause);
        const FilterParseResult parsed = parseFilter(text);
        QVERIFY2(parsed.ok(), qPrintable(text));
        const FilterPredicate predicate(parsed.expr, kNow);
        const QList<Task> tasks = fixtureTasks();
        const auto task = std::find_if(tasks.cbegin(), tasks.cend(), [&id](const Task &t) { return t.id == id; });
        QVERIFY(task != tasks.cend());
        QCOMPARE(predicate.hiddenBy(*task), clause);
        QCOMPARE(predicate.hiddenBy(*task).isEmpty(), predicate.matches(*task));
        if (!clause.isEmpty()) // the clause named is one that hides the task on its own
            QVERIFY(!FilterPredicate(parseFilter(clause).expr, kNow).matches(*task));
    }

    // The walkthrough's case: a task of 1800.94 s is longer than 1800 s, though its column says 30m 00s.
    void durationComparesToTheMillisecond()
    {
        Task task;
        task.state = TaskState::Completed;
        task.startTime = QDateTime::fromString(u"2026-03-01T10:00:00.030Z"_s, Qt::ISODateWithMs);
        task.endTime = QDateTime::fromString(u"2026-03-01T10:30:00.970Z"_s, Qt::ISODateWithMs);
        QCOMPARE(task.durationSeconds(kNow), 1800); // whole seconds, for the column, as before
        QCOMPARE(task.durationMilliseconds(kNow), 1'800'940);
        const auto matches = [&task](const QString &text) {
            return FilterPredicate(parseFilter(text).expr, kNow).matches(task);
        };
        QVERIFY(matches(u"duration gt 1800"_s));
        QVERIFY(!matches(u"duration eq 1800"_s));
        QVERIFY(matches(u"duration lt 1801"_s));
        QVERIFY(matches(u"duration gte 1800.94"_s));
        QVERIFY(!matches(u"duration gt 1800.94"_s));

        // A running task's duration is measured to `now` to the millisecond too.
        task.state = TaskState::Running;
        task.endTime = {};
        const QDateTime now = task.startTime.addMSecs(1'800'500);
        QCOMPARE(task.durationMilliseconds(now), 1'800'500);
        QVERIFY(FilterPredicate(parseFilter(u"duration gt 1800"_s).expr, now).matches(task));
        QVERIFY(!FilterPredicate(parseFilter(u"duration gt 1800"_s).expr, task.startTime.addMSecs(1'800'000)).matches(task));
    }

    void clockMovesRelativeTimesAndDurations()
    {
        const Task running = fixtureTasks().at(0); // started 30 minutes before kNow
        FilterPredicate recent(parseFilter(u"startTime gt now-1h"_s).expr, kNow);
        QVERIFY(recent.dependsOnNow());
        QVERIFY(recent.matches(running));
        recent.setNow(kNow.addSecs(31 * 60));
        QCOMPARE(recent.now(), kNow.addSecs(31 * 60));
        QVERIFY(!recent.matches(running));
        recent.setNow(kNow);
        QVERIFY(recent.matches(running));

        FilterPredicate longRunning(parseFilter(u"duration gte 3600"_s).expr, kNow);
        QVERIFY(longRunning.dependsOnNow());
        QVERIFY(!longRunning.matches(running));
        longRunning.setNow(kNow.addSecs(30 * 60));
        QVERIFY(longRunning.matches(running));

        QVERIFY(!FilterPredicate(parseFilter(u"startTime gt '2024-01-01T00:00:00Z'"_s).expr, kNow)
                     .dependsOnNow());
        QVERIFY(FilterPredicate().isEmpty());
        QVERIFY(FilterPredicate().matches(running));
    }

    // The derived ids read a URI exactly as ResourceUri does.
    void derivedUriFieldsAgreeWithResourceUri_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::newRow("full")
            << u"/accounts/A/topology/v1/clouds/C/clusters/K/namespaces/N/apps/X/appBackups/B"_s;
        QTest::newRow("k8s") << u"/accounts/A/k8s/v1/apps/X"_s;
        QTest::newRow("empty parts") << u"//accounts//A/topology/v1/clouds/C/"_s;
        QTest::newRow("collection only") << u"/accounts/A/topology/v1/clouds/C/clusters"_s;
        QTest::newRow("version in odd place") << u"clouds/C/v2/x/clusters/K"_s;
        QTest::newRow("version right away") << u"/apps/v1/clusters/K"_s;
        QTest::newRow("not a version") << u"/apps/v0/clusters/K/namespaces/vx"_s;
        QTest::newRow("repeated collection") << u"/apps/first/apps/second"_s;
        QTest::newRow("nothing") << QString();
    }

    void derivedUriFieldsAgreeWithResourceUri()
    {
        QFETCH(QString, uri);
        Task task;
        task.resourceURI = uri;
        const std::pair<FilterField, QString> fields[] = {{FilterField::App, u"apps"_s},
                                                          {FilterField::Cluster, u"clusters"_s},
                                                          {FilterField::Namespace, u"namespaces"_s},
                                                          {FilterField::Cloud, u"clouds"_s}};
        for (const auto &[field, collection] : fields)
            QCOMPARE(derivedUriField(task, field), ResourceUri::idOf(uri, collection));
        const QList<UriSegment> segments = ResourceUri::segments(uri);
        QCOMPARE(derivedUriField(task, FilterField::ResourceType),
                 segments.isEmpty() ? QString() : segments.last().collection);
        QCOMPARE(derivedUriField(task, FilterField::Name), QString());
    }

    void valueIndex()
    {
        FilterValueIndex index;
        for (const Task &task : fixtureTasks())
            index.add(task);
        QCOMPARE(index.values(FilterField::State),
                 (QStringList{u"notStarted"_s, u"running"_s, u"completed"_s, u"pausing"_s, u"paused"_s,
                              u"cancelling"_s, u"cancelled"_s, u"failed"_s, u"exploded"_s}));
        QCOMPARE(index.values(FilterField::Service), QStringList{u"nautilus"_s});
        QCOMPARE(index.values(FilterField::LabelValue),
                 (QStringList{u"db"_s, u"it's"_s, u"prod"_s, u"staging"_s}));
        QCOMPARE(index.values(FilterField::LabelName), (QStringList{u"env"_s, u"note"_s, u"team"_s}));
        QCOMPARE(index.values(FilterField::Cluster), (QStringList{u"K1"_s, u"K2"_s}));
        QCOMPARE(index.values(FilterField::ResourceType),
                 (QStringList{u"appBackups"_s, u"appSnaps"_s, u"namespaces"_s}));
        QCOMPARE(index.values(FilterField::Description), QStringList());
        index.clear();
        QCOMPARE(index.values(FilterField::Service), QStringList());

        FilterValueIndex capped(2);
        for (const Task &task : fixtureTasks())
            capped.add(task);
        QCOMPARE(capped.values(FilterField::Name).size(), 2);
    }

    void completion_data()
    {
        QTest::addColumn<QString>("textWithCursor"); // `|` marks the cursor
        QTest::addColumn<QStringList>("texts");
        QTest::addColumn<int>("start");
        QTest::addColumn<int>("length");
        QTest::addColumn<int>("kind"); // FilterCompletion::Kind of the first candidate

        QStringList allFields;
        for (int i = 0; i < FilterFieldCount; ++i)
            allFields << filterFieldInfo(FilterField(i)).path.toString();
        const QStringList fieldStart = allFields + QStringList{u"not"_s, u"("_s};
        const QStringList allStates = {u"'notStarted'"_s, u"'running'"_s,    u"'completed'"_s,
                                       u"'pausing'"_s,    u"'paused'"_s,     u"'cancelling'"_s,
                                       u"'cancelled'"_s,  u"'failed'"_s,     u"'exploded'"_s};
        const int field = int(FilterCompletion::Kind::Field), op = int(FilterCompletion::Kind::Operator),
                  keyword = int(FilterCompletion::Kind::Keyword), value = int(FilterCompletion::Kind::Value);

        QTest::newRow("empty") << u"|"_s << fieldStart << 0 << 0 << field;
        QTest::newRow("after a parenthesis") << u"(|"_s << fieldStart << 1 << 0 << field;
        QTest::newRow("after not") << u"NOT |"_s << fieldStart << 4 << 0 << field;
        QTest::newRow("after and") << u"state eq 'failed' and |"_s << fieldStart << 22 << 0 << field;
        QTest::newRow("a field begun")
            << u"sta|"_s
            << QStringList{u"state"_s, u"stateTransitions[*].from"_s, u"stateTransitions[*].to[*]"_s,
                           u"stateDetails[*].type"_s, u"stateDetails[*].title"_s, u"stateDetails[*].detail"_s,
                           u"startTime"_s, u"stalled"_s}
            << 0 << 3 << field;
        QTest::newRow("cursor inside a field") << u"sta|te eq 'x'"_s
                                               << QStringList{u"state"_s,
                                                              u"stateTransitions[*].from"_s,
                                                              u"stateTransitions[*].to[*]"_s,
                                                              u"stateDetails[*].type"_s,
                                                              u"stateDetails[*].title"_s,
                                                              u"stateDetails[*].detail"_s,
                                                              u"startTime"_s, u"stalled"_s}
                                               << 0 << 5 << field;
        QTest::newRow("a path begun")
            << u"x eq 'a' or metadata.lab|"_s
            << QStringList{u"metadata.labels[*].name"_s, u"metadata.labels[*].value"_s} << 12 << 12 << field;
        QTest::newRow("a path with a wildcard")
            << u"Metadata.Labels[*].v|"_s << QStringList{u"metadata.labels[*].value"_s} << 0 << 20 << field;
        QTest::newRow("not begun") << u"no|"_s << QStringList{u"not"_s} << 0 << 2 << keyword;
        QTest::newRow("operators") << u"state |"_s << QStringList{u"eq"_s,  u"ne"_s,  u"lt"_s, u"gt"_s,
                                                                  u"lte"_s, u"gte"_s, u"in"_s, u"matches"_s}
                                   << 6 << 0 << op;
        QTest::newRow("operators of a number")
            << u"percentDone |"_s << QStringList{u"eq"_s, u"ne"_s, u"lt"_s, u"gt"_s, u"lte"_s, u"gte"_s} << 12
            << 0 << op;
        QTest::newRow("operators after a wildcard")
            << u"resourceCollectionURI[*] m|"_s << QStringList{u"matches"_s} << 25 << 1 << op;
        QTest::newRow("an operator begun") << u"state E|"_s << QStringList{u"eq"_s} << 6 << 1 << op;
        QTest::newRow("states") << u"state eq |"_s << allStates << 9 << 0 << value;
        QTest::newRow("a state begun")
            << u"state eq 'c|"_s << QStringList{u"'completed'"_s, u"'cancelling'"_s, u"'cancelled'"_s} << 9
            << 2 << value;
        QTest::newRow("inside a value")
            << u"(state eq 'c|ancelled')"_s
            << QStringList{u"'completed'"_s, u"'cancelling'"_s, u"'cancelled'"_s} << 10 << 11 << value;
        QTest::newRow("a bare start")
            << u"app in A|"_s << QStringList{u"'APP1'"_s, u"'APP2'"_s} << 7 << 1 << value;
        QTest::newRow("a quote in the value") << u"metadata.labels[*].value eq 'it''|"_s
                                              << QStringList{u"'it''s'"_s} << 28 << 5 << value;
        QTest::newRow("timestamps") << u"startTime gt |"_s
                                    << QStringList{u"now-15m"_s, u"now-1h"_s, u"now-1d"_s, u"now-7d"_s} << 13
                                    << 0 << value;
        QTest::newRow("numbers have no values") << u"percentDone lt |"_s << QStringList() << 15 << 0 << value;
        QTest::newRow("after a comparison")
            << u"state eq 'failed' |"_s << QStringList{u"and"_s, u"or"_s} << 18 << 0 << keyword;
        QTest::newRow("a keyword begun")
            << u"state eq 'failed' A|"_s << QStringList{u"and"_s} << 18 << 1 << keyword;
        QTest::newRow("after a group")
            << u"(state eq 'failed')|"_s << QStringList{u"and"_s, u"or"_s} << 19 << 0 << keyword;
        QTest::newRow("after a relative time")
            << u"endTime gt now-1h |"_s << QStringList{u"and"_s, u"or"_s} << 18 << 0 << keyword;
        QTest::newRow("nothing fits after an error")
            << u"state eq 'x' state |"_s << QStringList() << 19 << 0 << 0;
        QTest::newRow("nothing after a stray character") << u"state = |"_s << QStringList() << 8 << 0 << 0;
    }

    void completion()
    {
        QFETCH(QString, textWithCursor);
        QFETCH(QStringList, texts);
        QFETCH(int, start);
        QFETCH(int, length);
        QFETCH(int, kind);
        FilterValueIndex index;
        for (const Task &task : fixtureTasks())
            index.add(task);
        const int cursor = int(textWithCursor.indexOf(u'|'));
        const QString text = QString(textWithCursor).remove(cursor, 1);
        const QList<FilterCompletion> completions = completionsAt(text, cursor, index);
        QStringList actual;
        for (const FilterCompletion &completion : completions) {
            actual << completion.text;
            QCOMPARE(completion.start, start);
            QCOMPARE(completion.length, length);
        }
        QCOMPARE(actual, texts);
        if (!completions.isEmpty())
            QCOMPARE(int(completions.first().kind), kind);
        // Every candidate, put in place, reads as it was offered.
        for (const FilterCompletion &completion : completions) {
            const QString completed
                = QString(text).replace(completion.start, completion.length, completion.text);
            const QList<FilterToken> tokens = lexFilter(completed);
            QVERIFY(std::any_of(tokens.cbegin(), tokens.cend(), [&](const FilterToken &token) {
                return token.start == completion.start;
            }));
        }
    }
};

QTEST_GUILESS_MAIN(TestFilterEvaluator)
#include "tst_filterevaluator.moc"
