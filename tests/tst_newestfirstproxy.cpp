// NewestFirstProxyModel: top-level tasks newest first, subtasks in the model's order, live.
#include "newestfirstproxymodel.h"
#include "tasktreemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Taskscope;
using namespace Qt::StringLiterals;

namespace {
Task makeTask(const QString &id, const QString &parent, int startMinute, std::optional<double> orderHint = {})
{
    Task task;
    task.id = id;
    task.parentTaskID = parent;
    task.name = u"astra.backup"_s;
    task.state = TaskState::Running;
    task.stateText = u"running"_s;
    task.orderHint = orderHint;
    if (startMinute >= 0)
        task.startTime = QDateTime(QDate(2026, 1, 1), QTime(10, startMinute), Qt::UTC);
    task.rawJson = (id + u'|' + parent + u'|' + QString::number(startMinute)).toUtf8();
    return task;
}

QStringList rows(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(parent); ++row)
        ids << model.index(row, 0, parent).data(TaskTreeModel::IdRole).toString();
    return ids;
}
} // namespace

class TestNewestFirstProxy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void topLevelNewestFirstChildrenInModelOrder()
    {
        TaskTreeModel model;
        NewestFirstProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.sortNewestFirst();
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.apply({makeTask(u"old"_s, {}, 1), makeTask(u"new"_s, {}, 30), makeTask(u"pending"_s, {}, -1),
                     makeTask(u"c2"_s, u"new"_s, 31, 2), makeTask(u"c1"_s, u"new"_s, 40, 1),
                     makeTask(u"c0"_s, u"new"_s, 50, 0)});
        QCOMPARE(rows(proxy), (QStringList{u"pending"_s, u"new"_s, u"old"_s}));
        // Subtasks: orderHint first, whatever their start times.
        QCOMPARE(rows(proxy, proxy.index(1, 0)), (QStringList{u"c0"_s, u"c1"_s, u"c2"_s}));

        // A new task arrives and a selection-like persistent index follows its task.
        const QPersistentModelIndex old = proxy.index(2, 0);
        model.apply({makeTask(u"old"_s, {}, 1), makeTask(u"new"_s, {}, 30), makeTask(u"pending"_s, {}, -1),
                     makeTask(u"c2"_s, u"new"_s, 31, 2), makeTask(u"c1"_s, u"new"_s, 40, 1),
                     makeTask(u"c0"_s, u"new"_s, 50, 0), makeTask(u"newest"_s, {}, 45)});
        QCOMPARE(rows(proxy), (QStringList{u"pending"_s, u"newest"_s, u"new"_s, u"old"_s}));
        QVERIFY(old.isValid());
        QCOMPARE(old.data(TaskTreeModel::IdRole).toString(), u"old"_s);
    }

    // Progress moving is not a reason to re-sort (and re-lay out) the tree; a new start time or
    // orderHint is, and the proxy re-sorts that level in place: the model moves nothing (a source
    // move would make QSortFilterProxyModel drop every mapping it holds).
    void onlyOrderChangesResort()
    {
        TaskTreeModel model;
        NewestFirstProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.sortNewestFirst();
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        Task a = makeTask(u"a"_s, {}, 1), b = makeTask(u"b"_s, {}, 2);
        Task b1 = makeTask(u"b1"_s, u"b"_s, 3, 1), b2 = makeTask(u"b2"_s, u"b"_s, 4, 2);
        model.apply({a, b, b1, b2});
        QCOMPARE(rows(proxy), (QStringList{u"b"_s, u"a"_s}));
        const QPersistentModelIndex persistentB1 = proxy.index(0, 0, proxy.index(0, 0));
        QCOMPARE(persistentB1.data(TaskTreeModel::IdRole).toString(), u"b1"_s);
        QSignalSpy layouts(&proxy, &QAbstractItemModel::layoutChanged);
        QSignalSpy data(&proxy, &QAbstractItemModel::dataChanged);
        QSignalSpy sourceMoves(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy sourceLayouts(&model, &QAbstractItemModel::layoutChanged);
        a.percentDone = 50;
        a.rawJson += "|50";
        model.apply({a, b, b1, b2});
        QCOMPARE(data.size(), 1);
        QVERIFY(!data.first().at(2).value<QList<int>>().contains(TaskTreeModel::OrderRole));
        QCOMPARE(layouts.size(), 0);

        a.startTime = a.startTime.addSecs(3600); // now the newest
        a.rawJson += "|later";
        model.apply({a, b, b1, b2});
        QVERIFY(data.last().at(2).value<QList<int>>().contains(TaskTreeModel::OrderRole));
        QCOMPARE(rows(proxy), (QStringList{u"a"_s, u"b"_s}));
        QCOMPARE(layouts.size(), 1);

        b1.orderHint = 9; // subtasks: after b2 now
        b1.rawJson += "|9";
        model.apply({a, b, b1, b2});
        QCOMPARE(rows(proxy, proxy.index(1, 0)), (QStringList{u"b2"_s, u"b1"_s}));
        QCOMPARE(layouts.size(), 2);
        QCOMPARE(persistentB1.data(TaskTreeModel::IdRole).toString(), u"b1"_s); // selection follows
        QCOMPARE(persistentB1.row(), 1);
        QCOMPARE(sourceMoves.size() + sourceLayouts.size(), 0);
    }

    void headerSortUsesRawValues()
    {
        TaskTreeModel model;
        NewestFirstProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.sortNewestFirst();
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        Task a = makeTask(u"a"_s, {}, 1), b = makeTask(u"b"_s, {}, 2), c = makeTask(u"c"_s, {}, 3), d = makeTask(u"d"_s, {}, 4);
        a.percentDone = 9.5; // as text "9.5" would sort after "10"
        b.percentDone = 10;
        c.percentDone = 100;
        for (Task *t : {&a, &b, &c, &d})
            t->rawJson += QByteArray::number(t->percentDone.value_or(-1));
        model.apply({a, b, c, d});
        QVERIFY(proxy.isNewestFirst());
        QCOMPARE(rows(proxy), (QStringList{u"d"_s, u"c"_s, u"b"_s, u"a"_s}));
        proxy.sort(TaskTreeModel::ProgressColumn, Qt::AscendingOrder);
        QVERIFY(!proxy.isNewestFirst());
        QCOMPARE(rows(proxy), (QStringList{u"a"_s, u"b"_s, u"c"_s, u"d"_s})); // no progress: last
        proxy.sort(TaskTreeModel::ProgressColumn, Qt::DescendingOrder);
        QCOMPARE(rows(proxy), (QStringList{u"c"_s, u"b"_s, u"a"_s, u"d"_s})); // still last
        proxy.sort(TaskTreeModel::StartedColumn, Qt::AscendingOrder);
        QCOMPARE(rows(proxy), (QStringList{u"a"_s, u"b"_s, u"c"_s, u"d"_s}));
        proxy.sortNewestFirst();
        QCOMPARE(rows(proxy), (QStringList{u"d"_s, u"c"_s, u"b"_s, u"a"_s}));
    }
};

QTEST_GUILESS_MAIN(TestNewestFirstProxy)
#include "tst_newestfirstproxy.moc"
