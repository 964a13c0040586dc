// NewestFirstProxyModel: top-level tasks newest first, subtasks in the model's order, live.
#include "newestfirstproxymodel.h"
#include "tasktreemodel.h"

#include <QAbstractItemModelTester>
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
        proxy.sort(0);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.apply({makeTask(u"old"_s, {}, 1), makeTask(u"new"_s, {}, 30), makeTask(u"pending"_s, {}, -1),
                     makeTask(u"c2"_s, u"new"_s, 31, 2), makeTask(u"c1"_s, u"new"_s, 40, 1),
                     makeTask(u"c0"_s, u"new"_s, 50, 0)});
        QCOMPARE(rows(proxy), (QStringList{u"pending"_s, u"new"_s, u"old"_s}));
        // Subtasks: orderHint, as the model orders them, whatever their start times.
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
};

QTEST_GUILESS_MAIN(TestNewestFirstProxy)
#include "tst_newestfirstproxy.moc"
