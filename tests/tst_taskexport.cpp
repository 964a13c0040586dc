// Export writers: JSON keeps every task byte-for-byte in tree order; tree text has the documented shape.
#include "taskexport.h"
#include "tasklistparser.h"
#include "tasktreemodel.h"

#include <QAbstractItemModelTester>
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
