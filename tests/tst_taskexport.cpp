// Export writers: JSON keeps every task byte-for-byte in tree order; tree text has the documented shape.
#include "filterevaluator.h"
#include "filterlanguage.h"
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

        for (const ExportFormat format : {ExportFormat::Json, ExportFormat::Tree}) {
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
            else
                QCOMPARE(exportTree(items), exportTree(expected));
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
