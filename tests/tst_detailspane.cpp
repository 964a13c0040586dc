// DetailsPane and ResourceUri: a failed task's problems and URI segments, the raw JSON, and a
// live update that keeps the reader's place.
#include "detailspane.h"
#include "resourceuri.h"
#include "tasklistparser.h"

#include <QApplication>
#include <QFile>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QTest>
#include <QTreeWidget>

using namespace Taskscope;
using namespace Qt::StringLiterals;

namespace {

const QString kCollection =
    u"/accounts/acc-1/topology/v1/clouds/cloud-1/clusters/cluster-1/namespaces/ns-1/apps/app-1/appBackups/backup-1"_s;

Task failedTask(double percent)
{
    // A template with %1 (the collection URI) and %2 (percentDone).
    QFile file(QStringLiteral(TASKSCOPE_FIXTURES_DIR "/details/failed-task.json.in"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("fixture missing");
    const QByteArray body = QString::fromUtf8(file.readAll())
                               .arg(kCollection)
                               .arg(percent)
                               .toUtf8();
    TaskListPage page;
    ParseError error;
    if (!TaskListParser().parse(body, &page, &error) || page.tasks.size() != 1)
        qFatal("fixture: %s", qPrintable(error.toString()));
    return page.tasks.first();
}

QStringList itemTexts(const QTreeWidget *tree)
{
    QStringList texts;
    std::vector<const QTreeWidgetItem *> pending;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        pending.push_back(tree->topLevelItem(i));
    while (!pending.empty()) {
        const QTreeWidgetItem *item = pending.back();
        pending.pop_back();
        texts << item->text(0) + u'|' + item->text(1);
        for (int i = 0; i < item->childCount(); ++i)
            pending.push_back(item->child(i));
    }
    return texts;
}

} // namespace

class TestDetailsPane : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void uriSegments_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("collection") << kCollection
                                    << QStringList{u"accounts=acc-1"_s, u"clouds=cloud-1"_s, u"clusters=cluster-1"_s,
                                                   u"namespaces=ns-1"_s, u"apps=app-1"_s, u"appBackups=backup-1"_s};
        QTest::newRow("resource") << u"/accounts/a/k8s/v1/apps/x/appSnaps/y"_s
                                  << QStringList{u"accounts=a"_s, u"apps=x"_s, u"appSnaps=y"_s};
        QTest::newRow("empty") << QString() << QStringList{};
        QTest::newRow("odd segment count") << u"/accounts/a/apps"_s << QStringList{u"accounts=a"_s};
    }

    void uriSegments()
    {
        QFETCH(QString, uri);
        QFETCH(QStringList, expected);
        QStringList got;
        for (const UriSegment &segment : ResourceUri::segments(uri))
            got << segment.collection + u'=' + segment.id;
        QCOMPARE(got, expected);
        QCOMPARE(ResourceUri::idOf(kCollection, u"clusters"), u"cluster-1"_s);
        QVERIFY(ResourceUri::idOf(kCollection, u"nothing").isEmpty());
    }

    void failedTaskShowsProblemsAndSegments()
    {
        DetailsPane pane;
        pane.resize(500, 700);
        pane.show();
        const Task task = failedTask(40);
        pane.setTask(&task, QDateTime::currentDateTimeUtc());
        QCOMPARE(pane.taskId(), u"task-1"_s);

        const QStringList problems = itemTexts(pane.problemsView());
        QVERIFY(pane.problemsView()->isVisibleTo(&pane));
        QVERIFY2(problems.contains(u"Bucket unreachable|The bucket did not answer within 300 s."_s), qPrintable(problems.join(u'\n')));
        QVERIFY(problems.contains(DetailsPane::tr("type") + u"|https://astra.netapp.io/problems/47"));
        QVERIFY(problems.contains(u"endpoint|s3.example"_s));
        QVERIFY(problems.contains(u"[2]|3"_s));

        const QStringList overview = pane.overviewTexts();
        const QStringList expected = {ResourceUri::label(u"clouds"_s) + u": cloud-1", ResourceUri::label(u"clusters"_s) + u": cluster-1",
                                    ResourceUri::label(u"namespaces"_s) + u": ns-1", ResourceUri::label(u"apps"_s) + u": app-1",
                                    ResourceUri::label(u"appBackups"_s) + u": backup-1", DetailsPane::tr("Task id") + u": task-1",
                                    DetailsPane::tr("Labels") + u": app=orders"};
        for (const QString &line : expected) {
            QVERIFY2(overview.contains(line), qPrintable(line + u"\nnot in\n" + overview.join(u'\n')));
        }
        QVERIFY(pane.rawView()->toPlainText().contains(u"\"id\": \"task-1\""_s));
        QVERIFY(pane.rawView()->isReadOnly());
    }

    void liveUpdateKeepsTheScrollPosition()
    {
        DetailsPane pane;
        pane.resize(400, 160); // small: the overview scrolls
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        const Task first = failedTask(40);
        pane.setTask(&first, QDateTime::currentDateTimeUtc());
        QScrollBar *bar = pane.overviewArea()->verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 40);
        bar->setValue(40);
        const Task updated = failedTask(41); // the same task, one poll later
        pane.setTask(&updated, QDateTime::currentDateTimeUtc());
        QCOMPARE(bar->value(), 40);
        QVERIFY(pane.overviewTexts().join(u'\n').contains(u"41"_s));

        Task other = failedTask(41);
        other.id = u"task-2"_s;
        other.rawJson.replace("task-1", "task-2");
        pane.setTask(&other, QDateTime::currentDateTimeUtc());
        QCOMPARE(bar->value(), 0); // another task starts at the top
        pane.setTask(nullptr, {});
        QVERIFY(pane.taskId().isEmpty());
        QVERIFY(pane.rawView()->toPlainText().isEmpty());
    }
};

QTEST_MAIN(TestDetailsPane)
#include "tst_detailspane.moc"
