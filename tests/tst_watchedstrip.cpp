// The watched strip: its proxy over the real TaskTreeModel (through polls that insert, remove, move
// and relayout), subtasks, hidden-by texts, height, visibility, clicks and the context menu.
#include "filterevaluator.h"
#include "filterlanguage.h"
#include "tasktreemodel.h"
#include "watchedstrip.h"
#include "watchedtasksproxy.h"

#include "taskspec.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QIdentityProxyModel>
#include <QMenu>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>
#include <QVBoxLayout>

#include <climits>
#include <memory>

using namespace Taskscope;
using namespace Taskscope::TestSpec;
using namespace Qt::StringLiterals;

namespace {

// TaskTreeModel with WatchedRole from a set of ids (the main window's model answers it itself): the
// identity proxy passes every signal of apply() through unchanged.
class WatchingModel final : public QIdentityProxyModel
{
public:
    explicit WatchingModel(TaskTreeModel *source)
        : m_source(source)
    {
        setSourceModel(source);
    }

    void setWatched(const QString &id, bool watched)
    {
        if (watched)
            m_watched.insert(id);
        else
            m_watched.remove(id);
        const QModelIndex index = mapFromSource(m_source->indexForId(id));
        if (index.isValid())
            Q_EMIT dataChanged(index, index.siblingAtColumn(columnCount() - 1), {TaskTreeModel::WatchedRole});
    }
    // A reset, as a model that cannot say what changed would do.
    void resetWatching(const QSet<QString> &watched)
    {
        beginResetModel();
        m_watched = watched;
        endResetModel();
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == TaskTreeModel::WatchedRole)
            return m_watched.contains(index.data(TaskTreeModel::IdRole).toString());
        return QIdentityProxyModel::data(index, role);
    }

private:
    TaskTreeModel *m_source;
    QSet<QString> m_watched;
};

// The proxy's rows as "a(a1 a2) c(c1)": ids, children in parentheses.
QString describe(const QAbstractItemModel *model, const QModelIndex &parent = {})
{
    QStringList parts;
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        QString part = index.data(TaskTreeModel::IdRole).toString();
        if (model->rowCount(index) > 0)
            part += u'(' + describe(model, index) + u')';
        parts << part;
    }
    return parts.join(u' ');
}

} // namespace

class TestWatchedStrip : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TaskTreeModel> m_model;
    std::unique_ptr<WatchingModel> m_watching;
    std::unique_ptr<QWidget> m_window; // the strip's parent: a child hidden stays hidden when it is shown
    WatchedStrip *m_strip = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

private Q_SLOTS:
    void init()
    {
        m_model = std::make_unique<TaskTreeModel>();
        m_model->apply(parseSpec(u"a o=1; a1<a o=1; a2<a o=2; b o=2; b1<b o=1; c o=3; c1<c o=1; c2<c o=2"_s));
        m_watching = std::make_unique<WatchingModel>(m_model.get());
        m_window = std::make_unique<QWidget>();
        m_strip = new WatchedStrip(m_window.get());
        auto *layout = new QVBoxLayout(m_window.get());
        layout->addWidget(m_strip);
        layout->addStretch(1);
        m_strip->setSourceModel(m_watching.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(m_strip->proxy(),
                                                              QAbstractItemModelTester::FailureReportingMode::Fatal);
        m_window->resize(800, 400);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_tester.reset();
        m_window.reset();
        m_strip = nullptr;
        m_watching.reset();
        m_model.reset();
    }

    void hiddenWhileNothingIsWatched()
    {
        QVERIFY(m_strip->isHidden());
        QCOMPARE(m_strip->proxy()->rowCount(), 0);
        m_watching->setWatched(u"b"_s, true);
        QTRY_VERIFY(!m_strip->isHidden());
        m_watching->setWatched(u"b"_s, false);
        QTRY_VERIFY(m_strip->isHidden());
    }

    // A watched task comes with its subtasks; a watched subtask with the path to it, not its siblings.
    void watchedTasksAndTheirSubtasks()
    {
        m_watching->setWatched(u"a"_s, true);
        QCOMPARE(describe(m_strip->proxy()), u"a(a1 a2)"_s);
        m_watching->setWatched(u"c1"_s, true);
        QCOMPARE(describe(m_strip->proxy()), u"a(a1 a2) c(c1)"_s);
        QTRY_VERIFY(m_strip->view()->isExpanded(m_strip->proxy()->index(0, 0)));
        QVERIFY(m_strip->view()->isExpanded(m_strip->proxy()->index(1, 0)));
        // Only the strip's columns are shown.
        QVERIFY(!m_strip->view()->isColumnHidden(TaskTreeModel::NameColumn));
        QVERIFY(!m_strip->view()->isColumnHidden(TaskTreeModel::StateColumn));
        QVERIFY(!m_strip->view()->isColumnHidden(TaskTreeModel::ProgressColumn));
        QVERIFY(!m_strip->view()->isColumnHidden(TaskTreeModel::EtaColumn));
        QVERIFY(m_strip->view()->isColumnHidden(TaskTreeModel::ClusterColumn));
    }

    // Polls insert, remove, re-parent and change tasks, with row signals or one layout change.
    void survivesPolls_data()
    {
        QTest::addColumn<int>("threshold");
        QTest::newRow("row signals") << INT_MAX;
        QTest::newRow("layout changes") << 0;
    }

    void survivesPolls()
    {
        QFETCH(int, threshold);
        m_model->setLayoutBatchThreshold(threshold);
        QAbstractItemModelTester sourceTester(m_watching.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        m_watching->setWatched(u"a"_s, true);
        m_watching->setWatched(u"c1"_s, true);
        QCOMPARE(describe(m_strip->proxy()), u"a(a1 a2) c(c1)"_s);
        // A new subtask of a watched task, and one of an unwatched task.
        m_model->apply(parseSpec(u"a o=1; a1<a o=1; a2<a o=2; a3<a o=3; b o=2; b1<b o=1; b2<b o=2; c o=3; c1<c o=1; c2<c o=2"_s));
        QCOMPARE(describe(m_strip->proxy()), u"a(a1 a2 a3) c(c1)"_s);
        // Removed: a2; re-parented: a1 to b (leaves the strip), b1 to a (joins it); c1 gets a subtask.
        m_model->apply(parseSpec(u"a o=1; a3<a o=3; b1<a o=4; b o=2; a1<b o=1; b2<b o=2; c o=3; c1<c o=1; c11<c1 o=1; c2<c o=2"_s));
        QCOMPARE(describe(m_strip->proxy()), u"a(a3 b1) c(c1(c11))"_s);
        // A change of state reaches the strip's cells.
        QList<Task> tasks = parseSpec(u"a o=1; a3<a o=3 st=failed; b1<a o=4; b o=2; a1<b o=1; b2<b o=2; c o=3; c1<c o=1; c11<c1 o=1; c2<c o=2"_s);
        QSignalSpy changed(m_strip->proxy(), &QAbstractItemModel::dataChanged);
        m_model->apply(tasks);
        QVERIFY(changed.count() > 0);
        const QModelIndex a3 = m_strip->proxy()->index(0, 0, m_strip->proxy()->index(0, 0));
        QCOMPARE(a3.data(TaskTreeModel::IdRole).toString(), u"a3"_s);
        QCOMPARE(TaskState(a3.data(TaskTreeModel::StateRole).toInt()), TaskState::Failed);
        // The watched parent goes: its subtasks are shown at the top level as orphans, still watched
        // through nothing, so they leave the strip; the watched c1 stays.
        m_model->apply(parseSpec(u"a3<a o=3; b o=2; c o=3; c1<c o=1; c11<c1 o=1"_s));
        QCOMPARE(describe(m_strip->proxy()), u"c(c1(c11))"_s);
        m_model->apply(QList<Task>());
        QCOMPARE(describe(m_strip->proxy()), QString());
        QTRY_VERIFY(m_strip->isHidden());
    }

    void survivesResets()
    {
        m_watching->setWatched(u"a"_s, true);
        QCOMPARE(describe(m_strip->proxy()), u"a(a1 a2)"_s);
        m_watching->resetWatching({u"b"_s, u"c2"_s});
        QCOMPARE(describe(m_strip->proxy()), u"b(b1) c(c2)"_s);
        QTRY_VERIFY(!m_strip->isHidden());
        m_watching->resetWatching({});
        QCOMPARE(describe(m_strip->proxy()), QString());
        QTRY_VERIFY(m_strip->isHidden());
    }

    // A watched task the tree's filter hides names the clause; one it shows does not.
    void hiddenByTheFilter()
    {
        m_model->apply(parseSpec(u"a o=1 n=backup; a1<a o=1 st=failed n=prep; b o=2 n=restore"_s));
        m_watching->setWatched(u"a"_s, true);
        FilterPredicate predicate(parseFilter(u"name in 'backup' and state eq 'running'"_s).expr);
        int asked = 0;
        m_strip->setHiddenBy([&](const Task &task) {
            ++asked;
            return predicate.hiddenBy(task);
        });
        const QModelIndex a = m_strip->proxy()->index(0, TaskTreeModel::NameColumn);
        const QModelIndex a1 = m_strip->proxy()->index(0, TaskTreeModel::NameColumn, a.siblingAtColumn(0));
        QCOMPARE(a.data(WatchedTasksProxy::HiddenByRole).toString(), QString());
        QCOMPARE(a.data().toString(), m_model->indexForId(u"a"_s).data().toString());
        QCOMPARE(a1.data(WatchedTasksProxy::HiddenByRole).toString(), u"name in 'backup'"_s);
        QVERIFY2(a1.data().toString().endsWith(u"hidden by: name in 'backup'"_s), qPrintable(a1.data().toString()));
        QVERIFY(a1.data(Qt::ToolTipRole).toString().contains(u"name in 'backup'"_s));
        QVERIFY(asked > 0);
        // Another filter: the strip asks again, and says so with dataChanged.
        QSignalSpy changed(m_strip->proxy(), &QAbstractItemModel::dataChanged);
        predicate = FilterPredicate(parseFilter(u"state eq 'running'"_s).expr);
        m_strip->refreshHiddenBy();
        QCOMPARE(changed.count(), 2); // one per level
        QCOMPARE(a1.data(WatchedTasksProxy::HiddenByRole).toString(), u"state eq 'running'"_s);
        // The strip is drawn (hidden-by text and all) without trouble.
        QTRY_VERIFY(!m_strip->isHidden());
        QVERIFY(!m_strip->grab().isNull());
    }

    // At most five rows tall, then it scrolls; fewer rows, a lower strip.
    void heightFitsFiveRows()
    {
        QList<Task> tasks;
        for (int i = 0; i < 9; ++i)
            tasks << parseSpec(u"t%1 o=%1"_s.arg(i));
        m_model->apply(tasks);
        m_watching->setWatched(u"t0"_s, true);
        m_watching->setWatched(u"t1"_s, true);
        QTRY_VERIFY(!m_strip->isHidden());
        QTreeView *view = m_strip->view();
        const int row = qMax(view->sizeHintForRow(0), view->fontMetrics().height() + 4);
        QTRY_COMPARE(view->height(), 2 * row + 2 * view->frameWidth());
        const int two = view->height();
        for (int i = 2; i < 9; ++i)
            m_watching->setWatched(u"t%1"_s.arg(i), true);
        QTRY_COMPARE(view->height(), 5 * row + 2 * view->frameWidth());
        QVERIFY(view->height() > two);
        QTRY_VERIFY(view->verticalScrollBar()->maximum() > 0); // the other four scroll
    }

    // Told that nothing is watched, the strip lets go of the source; told otherwise, it shows it again.
    void detachedWhileNothingIsWatched()
    {
        m_watching->setWatched(u"a"_s, true);
        m_strip->setAnyWatched(false);
        QCOMPARE(m_strip->proxy()->sourceModel(), nullptr);
        QVERIFY(m_strip->isHidden());
        m_strip->setAnyWatched(true);
        QCOMPARE(m_strip->proxy()->sourceModel(), m_watching.get());
        QCOMPARE(describe(m_strip->proxy()), u"a(a1 a2)"_s);
        QVERIFY(!m_strip->isHidden());
    }

    void clickActivatesTheTask()
    {
        m_watching->setWatched(u"c"_s, true);
        QTRY_VERIFY(!m_strip->isHidden());
        QTRY_VERIFY(m_strip->view()->isExpanded(m_strip->proxy()->index(0, 0)));
        QSignalSpy activated(m_strip, &WatchedStrip::taskActivated);
        const QModelIndex c2 = m_strip->proxy()->index(1, 0, m_strip->proxy()->index(0, 0));
        QCOMPARE(c2.data(TaskTreeModel::IdRole).toString(), u"c2"_s);
        QTest::mouseClick(m_strip->view()->viewport(), Qt::LeftButton, {},
                          m_strip->view()->visualRect(c2).center());
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), u"c2"_s);
    }

    // What the strip adds to a poll of a large list that moves a few tasks (one layout change): the
    // proxy's recursive filter reads WatchedRole of every task again. Figures: -iterations N.
    void pollCostWithTheStrip_data()
    {
        QTest::addColumn<int>("strip"); // 0: none, 1: nothing watched, 2: one task watched
        QTest::newRow("no strip") << 0;
        QTest::newRow("strip, nothing watched") << 1;
        QTest::newRow("strip, one watched") << 2;
        QTest::newRow("strip told nothing is watched") << 3;
    }

    void pollCostWithTheStrip()
    {
        QFETCH(int, strip);
        QList<Task> even, odd;
        for (int parent = 0; parent < 2000; ++parent) {
            const QString p = u"p%1"_s.arg(parent);
            even << makeTask(p);
            odd << makeTask(p);
            for (int child = 0; child < 10; ++child) {
                const QString id = p + u'c' + QString::number(child);
                even << makeTask(id, p);
                // A few children change parent in every other poll.
                odd << makeTask(id, parent % 500 == 0 && child == 0 ? u"p%1"_s.arg(parent + 1) : p);
            }
        }
        m_tester.reset(); // (it would dominate the figures)
        m_model->setLayoutBatchThreshold(0);
        m_model->apply(even);
        if (strip == 0)
            m_strip->setSourceModel(nullptr);
        else if (strip == 3)
            m_strip->setAnyWatched(false);
        else if (strip == 2)
            m_watching->setWatched(u"p7"_s, true);
        QCoreApplication::processEvents();
        bool flip = false;
        QBENCHMARK {
            m_model->apply((flip = !flip) ? odd : even);
            QCoreApplication::processEvents(); // the strip's update
        }
        QCOMPARE(m_strip->proxy()->rowCount(), strip == 2 ? 1 : 0);
    }

    // "Stop Watching" names the watched task: the row's own, or the one it is a subtask of.
    void stopWatching()
    {
        m_watching->setWatched(u"c"_s, true);
        m_watching->setWatched(u"a1"_s, true);
        QSignalSpy unwatch(m_strip, &WatchedStrip::unwatchRequested);
        const QModelIndex a = m_strip->proxy()->index(0, 0);
        const QModelIndex c = m_strip->proxy()->index(1, 0);
        QCOMPARE(a.data(TaskTreeModel::IdRole).toString(), u"a"_s);
        QCOMPARE(m_strip->createContextMenu(a, m_strip), nullptr); // shown only as the path to a1
        const auto trigger = [&](const QModelIndex &index) {
            std::unique_ptr<QMenu> menu(m_strip->createContextMenu(index, m_strip));
            QVERIFY(menu);
            QCOMPARE(menu->actions().size(), 1);
            menu->actions().first()->trigger();
        };
        trigger(m_strip->proxy()->index(0, TaskTreeModel::StateColumn, a)); // a1, from another column
        trigger(m_strip->proxy()->index(1, 0, c)); // c2, a subtask of c
        QCOMPARE(unwatch.count(), 2);
        QCOMPARE(unwatch.at(0).at(0).toString(), u"a1"_s);
        QCOMPARE(unwatch.at(1).at(0).toString(), u"c"_s);
        QCOMPARE(m_strip->createContextMenu({}, m_strip), nullptr);
    }
};

QTEST_MAIN(TestWatchedStrip)
#include "tst_watchedstrip.moc"
