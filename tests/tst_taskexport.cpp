// Export writers: JSON keeps every task byte-for-byte in tree order; tree text has the documented shape.
#include "csvread.h"
#include "filterevaluator.h"
#include "filterlanguage.h"
#include "taskcsv.h"
#include "taskexport.h"
#include "tasklistparser.h"
#include "tasktreemodel.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Taskscope;
using namespace Qt::StringLiterals;

class TestTaskExport : public QObject
{
    Q_OBJECT
private:
    static TaskListPage parse(const QByteArray &body)
    {
        TaskListPage page;
        ParseError error;
        if (!TaskListParser().parse(body, &page, &error))
            qFatal("fixture does not parse: %s", qPrintable(error.toString()));
        return page;
    }

    // The machine CSV of `body`'s tasks in tree order, read back; {} when it is not well-formed.
    static QList<QStringList> machineRows(const QByteArray &body, const QDateTime &now, const NameLookup &nameOf = {},
                                          QByteArray *csv = nullptr)
    {
        TaskListPage page = parse(body);
        const TaskForestPtr forest = TaskForest::build(page.tasks, page.digests, &page.warnings);
        const QByteArray bytes = exportMachineCsv(exportItemsInTreeOrder(*forest), now, nameOf);
        if (csv)
            *csv = bytes;
        return readCsv(bytes);
    }

    // A list of one task: `fields` over {"id":"t","state":"running"}.
    static QByteArray oneTask(const QJsonObject &fields)
    {
        QJsonObject task{{u"id"_s, u"t"_s}, {u"state"_s, u"running"_s}};
        for (auto it = fields.begin(); it != fields.end(); ++it)
            task.insert(it.key(), it.value());
        return QJsonDocument(QJsonObject{{u"items"_s, QJsonArray{task}}}).toJson();
    }

    static int column(const QString &name) { return int(machineCsvColumns().indexOf(name)); }

private Q_SLOTS:
    void jsonKeepsEveryFieldInTreeOrder()
    {
        // The child comes first in the input; its parent is given, and an unknown field rides along.
        const QByteArray body = R"({"items":[
            {"id":"b","parentTaskID":"a","name":"astra.backup.prep","state":"running","percentDone":20.250,"x-extra":{"k":[1,2]}},
            {"id":"a","name":"astra.backup","state":"completed","percentDone":100}
        ],"metadata":{"continue":"abc","count":2,"labels":[]}})";
        TaskListPage page = parse(body);
        TaskTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.apply(page.tasks, &page.warnings);
        const QByteArray out = exportJson(exportItemsInTreeOrder(model), page.metadataJson);

        QJsonParseError error;
        const QJsonObject doc = QJsonDocument::fromJson(out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(doc.value(u"type").toString(), u"application/astra-tasks");
        QCOMPARE(doc.value(u"version").toString(), u"1.1");
        const QJsonArray items = doc.value(u"items").toArray();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0).toObject().value(u"id").toString(), u"a");
        QCOMPARE(items.at(1).toObject().value(u"id").toString(), u"b");
        QCOMPARE(items.at(1).toObject().value(u"x-extra").toObject().value(u"k").toArray().size(), 2);
        // Byte-faithful: the number is written as the server spelled it.
        QVERIFY(out.contains(R"("percentDone":20.250)"));
        const QJsonObject metadata = doc.value(u"metadata").toObject();
        QVERIFY(!metadata.contains(u"continue"));
        QCOMPARE(metadata.value(u"count").toInt(), 2);
        QVERIFY(metadata.contains(u"labels"));
    }

    // The streamed scan of `taskscope export --input` (tasks parsed with only the fields the
    // filter reads, skeletons for the others, the body read in place) writes the same bytes and
    // warnings as the whole pipeline: every task parsed whole, a forest, then the filter.
    void scanWritesWhatTheWholePipelineWrites_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("filter");
        const QByteArray nested = R"({"items":[
            {"id":"c2","parentTaskID":"p","name":"astra.backup.copy","state":"failed","orderHint":2,
             "startTime":"2026-12-01T10:05:00Z","endTime":"2026-12-01T10:09:00Z","percentDone":40,
             "resourceURI":"/accounts/a/topology/v1/clouds/cl/clusters/k/namespaces/n/core/v1/apps/app1/appBackups/b1",
             "stateDetails":[{"type":"urn:astra:problem:space","title":"Out of space","detail":"pool full"}],
             "metadata":{"labels":[{"name":"tier","value":"gold"}],"createdBy":"u1","creationTimestamp":"2026-12-01T10:00:00Z","modificationTimestamp":"2026-12-01T10:09:00Z"}},
            {"id":"p","name":"astra.backup","summary":"Backup","description":"Backup of app1","state":"failed",
             "startTime":"2026-12-01T10:00:00Z","endTime":"2026-12-01T10:09:00Z","percentDone":70,
             "resourceCollectionURI":["/accounts/a/topology/v1/clouds/cl/clusters/k/namespaces/n/core/v1/apps/app1/appBackups"],
             "stateTransitions":[{"from":"running","to":["failed"]}],
             "metadata":{"labels":[],"createdBy":"u2","creationTimestamp":"2026-12-01T10:00:00Z","modificationTimestamp":"2026-12-01T10:09:00Z"}},
            {"id":"c1","parentTaskID":"p","name":"astra.backup.prep","state":"completed","orderHint":1,
             "startTime":"2026-12-01T10:00:00Z","endTime":"2026-12-01T10:05:00Z","percentDone":100},
            {"id":"r","name":"astra.restore","state":"running","startTime":"2026-12-01T11:00:00Z","percentDone":5,
             "resourceURI":"/accounts/a/topology/v1/clusters/k2/namespaces/n2/core/v1/apps/app2"},
            {"id":"g","parentTaskID":"c2","name":"astra.backup.copy.part","state":"failed","percentDone":"12"}
        ],"metadata":{"count":5}})";
        const QStringList filters{
            QString(), u"state eq 'failed'"_s, u"duration gt 300"_s, u"app eq 'app1'"_s, u"cluster eq 'k2'"_s,
            u"resourceType eq 'appBackups'"_s, u"stateDetails[*].title matches 'space'"_s,
            u"metadata.labels[*].value eq 'gold'"_s, u"metadata.createdBy eq 'u2'"_s, u"description matches 'app1'"_s,
            u"endTime lt '2026-12-01T10:06:00Z'"_s, u"not name eq 'astra.backup'"_s, u"percentDone gte 12"_s,
            u"stateTransitions[*].to[*] eq 'failed' or parentTaskID eq ''"_s};
        QList<QPair<QString, QByteArray>> bodies{{u"nested"_s, nested}};
        const QDir fixtures(QStringLiteral(TASKSCOPE_FIXTURES_DIR));
        for (const QString &name : {u"example-response.json"_s, u"hostile/cycles.json"_s, u"hostile/duplicates.json"_s,
                                    u"hostile/invalid-utf8.json"_s, u"hostile/wrong-types.json"_s,
                                    u"hostile/unknown-states.json"_s, u"hostile/numbers-as-strings.json"_s,
                                    u"parser/mixed-items.json"_s}) {
            QFile file(fixtures.filePath(name));
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(name));
            bodies.append({name, file.readAll()});
        }
        for (const auto &[name, body] : std::as_const(bodies)) {
            for (const QString &filter : filters)
                QTest::addRow("%s | %s", qPrintable(name), qPrintable(filter)) << body << filter;
        }
    }

    void scanWritesWhatTheWholePipelineWrites()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, filter);
        const FilterParseResult parsed = parseFilter(filter);
        QVERIFY2(parsed.ok(), qPrintable(filter));
        const FilterPredicate predicate(parsed.expr, QDateTime(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC));
        const auto keep = [&predicate](const Task &task) { return predicate.matches(task); };

        TaskListPage page = parse(body);
        const TaskForestPtr forest = TaskForest::build(page.tasks, page.digests, &page.warnings);
        const QList<ExportItem> expected = keepItems(exportItemsInTreeOrder(*forest), keep);

        const QDateTime now(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC);
        for (const ExportFormat format : {ExportFormat::Json, ExportFormat::Tree, ExportFormat::Csv}) {
            QByteArray padded = body;
            padded.reserve(body.size() + TaskListParser::kPadding); // read in place, as a file is
            ExportScan scan;
            ParseError error;
            bool released = false;
            TaskListParser parser;
            parser.setThreads(format == ExportFormat::Json ? 1 : 2); // as the command line reads a file
            QVERIFY(scanForExport(std::move(padded), parser, format, keep, predicate.fieldsRead(), &scan,
                                  &error, [&released] { released = true; }));
            QVERIFY(released);
            QVERIFY(padded.isNull());
            QCOMPARE(scan.page.warnings, page.warnings);
            const QList<ExportItem> items = scan.keptItems();
            QCOMPARE(items.size(), expected.size());
            if (format == ExportFormat::Json)
                QCOMPARE(exportJson(items, scan.page.metadataJson), exportJson(expected, page.metadataJson));
            else if (format == ExportFormat::Tree)
                QCOMPARE(exportTree(items), exportTree(expected));
            else // the body is gone: what the CSV reads must not point into it
                QCOMPARE(exportMachineCsv(items, now), exportMachineCsv(expected, now));
        }
    }

    void scanOfMalformedJsonFailsLikeTheParser()
    {
        const QByteArray body = R"({"items":[{"id":"a","state":"failed"},{"id":"b","state":tru}]})";
        ParseError expected;
        TaskListPage page;
        QVERIFY(!TaskListParser().parse(body, &page, &expected));
        ExportScan scan;
        ParseError error;
        QVERIFY(!scanForExport(QByteArray(body), TaskListParser(), ExportFormat::Json,
                               [](const Task &) { return true; }, 0, &scan, &error));
        QCOMPARE(error.toString(), expected.toString());
        QVERIFY(!scan.forest);
    }

    void jsonOfNothingIsStillAList()
    {
        const QByteArray out = exportJson({}, {});
        const QJsonObject doc = QJsonDocument::fromJson(out).object();
        QVERIFY(doc.value(u"items").isArray());
        QCOMPARE(doc.value(u"items").toArray().size(), 0);
        QVERIFY(doc.value(u"metadata").isObject());
    }

    void treeLines_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("nested") << QByteArray(R"({"items":[
                {"id":"c","parentTaskID":"a","name":"astra.backup.copy","state":"running","orderHint":2},
                {"id":"p","parentTaskID":"a","name":"astra.backup.prep","state":"completed","percentDone":100,"orderHint":0},
                {"id":"a","name":"astra.backup","state":"running","percentDone":33.5},
                {"id":"g","parentTaskID":"p","name":"astra.backup.prep.hook","state":"failed","percentDone":0}]})")
                                << QByteArray("a running 33.5 astra.backup\n"
                                              "  p completed 100 astra.backup.prep\n"
                                              "    g failed 0 astra.backup.prep.hook\n"
                                              "  c running - astra.backup.copy\n");
        QTest::newRow("unknown state and no name") << QByteArray(R"({"items":[{"id":"z","state":"exploded"}]})")
                                                   << QByteArray("z exploded - -\n");
        QTest::newRow("empty") << QByteArray(R"({"items":[]})") << QByteArray();
    }

    void treeLines()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, expected);
        TaskListPage page = parse(body);
        TaskTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.apply(page.tasks);
        QCOMPARE(exportTree(exportItemsInTreeOrder(model)), expected);
    }

    void csvQuotesAsRfc4180()
    {
        const QByteArray csv = toCsv({{u"Name"_s, u"Summary"_s}, {u"a,b"_s, u"say \"hi\""_s}, {u"two\nlines"_s, u"plain é"_s}});
        QCOMPARE(csv, QByteArray("Name,Summary\r\n\"a,b\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",plain \xc3\xa9\r\n"));
        QCOMPARE(toCsv({}), QByteArray());
    }

    void machineCsvHasEveryColumn()
    {
        const QByteArray body = R"({"items":[
            {"id":"c","parentTaskID":"p","name":"astra.backup.copy","summary":"Copy, then verify","state":"failed",
             "percentDone":40.5,"service":"nautilus","resourceID":"b1",
             "resourceURI":"/accounts/a/k8s/v1/apps/app1/appBackups/b1",
             "resourceCollectionURI":["/accounts/a/topology/v1/clouds/cl/clusters/k/namespaces/n/apps/app1/appBackups/b1"],
             "startTime":"2026-12-01T10:05:00.250Z","endTime":"2026-12-01T10:35:01.190Z",
             "stateDetails":[{"type":"urn:x","title":"storage pool 'aggr2_ssd' is out of space","detail":"d"},
                             {"type":"urn:y","title":"second","detail":"d"}],
             "metadata":{"labels":[],"creationTimestamp":"2026-12-01T10:00:00Z",
                         "modificationTimestamp":"2026-12-01T10:35:01.190+01:00"}},
            {"id":"p","name":"astra.backup","summary":"Backup","state":"failed","startTime":"2026-12-01T10:00:00Z",
             "endTime":"2026-12-01T10:36:00Z"}
        ]})";
        QByteArray csv;
        const QList<QStringList> rows = machineRows(body, QDateTime(QDate(2026, 12, 2), QTime(0, 0), Qt::UTC), {}, &csv);
        QCOMPARE(rows.size(), 3);
        // Stable machine names: scripts depend on them, so they are spelled out here once more.
        QCOMPARE(rows[0].join(u','),
                 u"id,parentTaskID,name,summary,state,percentDone,startTime,endTime,creationTimestamp,"
                 "modificationTimestamp,duration,service,resourceType,resourceID,appID,appName,clusterID,clusterName,"
                 "cloudID,cloudName,namespaceID,namespaceName,problem,resourceURI"_s);
        QCOMPARE(rows[1].value(0), u"p"_s); // tree order: the parent first
        QCOMPARE(rows[1].value(column(u"duration"_s)), u"2160"_s);
        const QStringList expected{
            u"c"_s, u"p"_s, u"astra.backup.copy"_s, u"Copy, then verify"_s, u"failed"_s, u"40.5"_s,
            u"2026-12-01T10:05:00.250Z"_s, u"2026-12-01T10:35:01.190Z"_s, u"2026-12-01T10:00:00Z"_s,
            u"2026-12-01T09:35:01.190Z"_s, // an offset becomes UTC
            u"1800.94"_s, u"nautilus"_s, u"appBackups"_s, u"b1"_s,
            // The app from resourceURI; cluster, cloud and namespace from the collection URI.
            u"app1"_s, QString(), u"k"_s, QString(), u"cl"_s, QString(), u"n"_s, QString(),
            u"storage pool 'aggr2_ssd' is out of space"_s, u"/accounts/a/k8s/v1/apps/app1/appBackups/b1"_s};
        QCOMPARE(rows[2], expected);
        QVERIFY(csv.contains(",\"Copy, then verify\",")); // RFC 4180: a comma is quoted
    }

    void machineCsvLeavesAbsentValuesEmpty()
    {
        const QList<QStringList> rows = machineRows(R"({"items":[{"id":"z","state":"exploded"}]})", QDateTime::currentDateTimeUtc());
        QCOMPARE(rows.size(), 2);
        QStringList expected(machineCsvColumns().size());
        expected[column(u"id"_s)] = u"z"_s;
        expected[column(u"state"_s)] = u"exploded"_s; // an unknown state as received
        QCOMPARE(rows[1], expected);
        // Zero is a value, not an absence.
        const QList<QStringList> zero = machineRows(oneTask({{u"percentDone"_s, 0}}), QDateTime::currentDateTimeUtc());
        QCOMPARE(zero.value(1).value(column(u"percentDone"_s)), u"0"_s);
        QCOMPARE(readCsv(exportMachineCsv({}, QDateTime::currentDateTimeUtc())), QList<QStringList>{machineCsvColumns()});
    }

    void machineCsvDuration_data()
    {
        QTest::addColumn<QJsonObject>("fields");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<QString>("expected");
        const QDateTime half(QDate(2026, 12, 1), QTime(10, 30, 0, 940), Qt::UTC);
        const QJsonObject running{{u"startTime"_s, u"2026-12-01T10:00:00Z"_s}};
        QTest::newRow("running, up to now") << running << half << u"1800.94"_s;
        QTest::newRow("running, whole seconds") << running << half.addMSecs(-940) << u"1800"_s;
        QTest::newRow("running, ten milliseconds") << running << half.addMSecs(-930) << u"1800.01"_s;
        QTest::newRow("running, clock behind the start") << running << half.addSecs(-3600) << u"0"_s;
        QTest::newRow("ended: now does not count")
            << QJsonObject{{u"state"_s, u"completed"_s}, {u"startTime"_s, u"2026-12-01T10:00:00Z"_s},
                           {u"endTime"_s, u"2026-12-01T10:00:05.500Z"_s}}
            << half << u"5.5"_s;
        QTest::newRow("cancelled") << QJsonObject{{u"state"_s, u"cancelled"_s}, {u"startTime"_s, u"2026-12-01T10:00:00Z"_s},
                                                  {u"cancelTime"_s, u"2026-12-01T10:01:00Z"_s}}
                                   << half << u"60"_s;
        QTest::newRow("ended without an end") << QJsonObject{{u"state"_s, u"completed"_s},
                                                             {u"startTime"_s, u"2026-12-01T10:00:00Z"_s}}
                                              << half << QString();
        QTest::newRow("not started") << QJsonObject{{u"state"_s, u"notStarted"_s}} << half << QString();
    }

    void machineCsvDuration()
    {
        QFETCH(QJsonObject, fields);
        QFETCH(QDateTime, now);
        QFETCH(QString, expected);
        const QList<QStringList> rows = machineRows(oneTask(fields), now);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[1].value(column(u"duration"_s)), expected);
    }

    // OWASP's CSV injection advice: a cell a spreadsheet would run as a formula starts with a '.
    void machineCsvDefusesFormulas_data()
    {
        QTest::addColumn<QString>("summary");
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QByteArray>("bytes"); // as the file spells the cell
        QTest::newRow("=HYPERLINK") << u"=HYPERLINK(\"http://x\",\"y\")"_s << u"'=HYPERLINK(\"http://x\",\"y\")"_s
                                    << QByteArray(R"csv("'=HYPERLINK(""http://x"",""y"")")csv");
        QTest::newRow("@") << u"@SUM(1)"_s << u"'@SUM(1)"_s << QByteArray("'@SUM(1)");
        QTest::newRow("+") << u"+1"_s << u"'+1"_s << QByteArray("'+1");
        QTest::newRow("-") << u"-2"_s << u"'-2"_s << QByteArray("'-2");
        QTest::newRow("tab") << u"\tx"_s << u"'\tx"_s << QByteArray("'\tx");
        QTest::newRow("carriage return") << u"\rx"_s << u"'\rx"_s << QByteArray("\"'\rx\"");
        QTest::newRow("space first") << u" =x"_s << u" =x"_s << QByteArray(" =x");
        QTest::newRow("inside") << u"a=b"_s << u"a=b"_s << QByteArray("a=b");
        QTest::newRow("quote first") << u"'=x"_s << u"'=x"_s << QByteArray("'=x");
    }

    void machineCsvDefusesFormulas()
    {
        QFETCH(QString, summary);
        QFETCH(QString, cell);
        QFETCH(QByteArray, bytes);
        QCOMPARE(csvSafeCell(summary), cell);
        QByteArray csv;
        const QList<QStringList> rows = machineRows(oneTask({{u"summary"_s, summary}}), QDateTime::currentDateTimeUtc(), {}, &csv);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[1].value(column(u"summary"_s)), cell);
        QVERIFY2(csv.contains(QByteArray("\r\nt,,," + bytes + ",running,")), csv.constData());
    }

    void machineCsvDefusesEveryColumn()
    {
        const QByteArray body = oneTask({{u"id"_s, u"+id"_s},
                                         {u"name"_s, u"=1+1"_s},
                                         {u"service"_s, u"@x"_s},
                                         {u"stateDetails"_s, QJsonArray{QJsonObject{{u"type"_s, u"t"_s},
                                                                                    {u"title"_s, u"-boom"_s},
                                                                                    {u"detail"_s, u"d"_s}}}},
                                         {u"resourceURI"_s, u"/accounts/a/k8s/v1/apps/=app/appBackups/b"_s}});
        const NameLookup nameOf = [](QStringView, const QString &) { return u"\t=cmd|' /C calc'!A0"_s; };
        const QStringList row = machineRows(body, QDateTime::currentDateTimeUtc(), nameOf).value(1);
        QCOMPARE(row.value(column(u"id"_s)), u"'+id"_s);
        QCOMPARE(row.value(column(u"name"_s)), u"'=1+1"_s);
        QCOMPARE(row.value(column(u"service"_s)), u"'@x"_s);
        QCOMPARE(row.value(column(u"problem"_s)), u"'-boom"_s);
        QCOMPARE(row.value(column(u"appID"_s)), u"'=app"_s);
        QCOMPARE(row.value(column(u"appName"_s)), u"'\t=cmd|' /C calc'!A0"_s); // names from a server too
    }

    void machineCsvNamesComeFromTheLookup()
    {
        const QByteArray body = R"({"items":[
            {"id":"a","state":"running","resourceURI":"/accounts/x/k8s/v1/apps/app1/appBackups/b1",
             "resourceCollectionURI":["/accounts/x/topology/v1/clouds/cl/clusters/k/namespaces/n/apps/app1/appBackups/b1"]},
            {"id":"b","state":"running"}
        ]})";
        QList<QPair<QString, QString>> asked;
        const NameLookup nameOf = [&asked](QStringView collection, const QString &id) {
            asked.append({collection.toString(), id});
            static const QHash<QString, QString> names{{u"apps/app1"_s, u"postgres-orders"_s},
                                                       {u"clusters/k"_s, u"prod-east"_s},
                                                       {u"clouds/cl"_s, u"aws, us-east-1"_s}};
            return names.value(collection.toString() + u'/' + id); // the namespace is not known
        };
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QList<QStringList> rows = machineRows(body, now, nameOf);
        QCOMPARE(rows.size(), 3);
        const int rowA = rows[1][0] == u"a"_s ? 1 : 2;
        const QStringList &a = rows[rowA], &b = rows[3 - rowA];
        QCOMPARE(a.mid(column(u"appID"_s), 8), (QStringList{u"app1"_s, u"postgres-orders"_s, u"k"_s, u"prod-east"_s, u"cl"_s,
                                                             u"aws, us-east-1"_s, u"n"_s, QString()}));
        QCOMPARE(b.mid(column(u"appID"_s), 8), QStringList(8));
        // Asked for each id once, never for a missing one.
        QCOMPARE(asked.size(), 4);
        QVERIFY(asked.contains(qMakePair(u"namespaces"_s, u"n"_s)));
        // Without a lookup the name columns are still there, empty.
        const QList<QStringList> unnamed = machineRows(body, now);
        QCOMPARE(unnamed.size(), 3);
        for (const QStringList &row : unnamed)
            QCOMPARE(row.size(), machineCsvColumns().size());
        QCOMPARE(unnamed[rowA].value(column(u"appName"_s)), QString());
        QCOMPARE(unnamed[rowA].value(column(u"appID"_s)), u"app1"_s);
    }

    void percentIsShortestExactDecimal_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("integer") << 100.0 << QStringLiteral("100");
        QTest::newRow("quarter") << 20.25 << QStringLiteral("20.25");
        QTest::newRow("zero") << 0.0 << QStringLiteral("0");
        QTest::newRow("third") << 33.3 << QStringLiteral("33.3");
    }

    void percentIsShortestExactDecimal()
    {
        QFETCH(double, value);
        QFETCH(QString, expected);
        QCOMPARE(formatPercentPlain(value), expected);
    }
};

QTEST_GUILESS_MAIN(TestTaskExport)
#include "tst_taskexport.moc"
