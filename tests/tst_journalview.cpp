// JournalView (offscreen): a click names the task, Mark as Read, the placeholder, Copy, the header's
// state, and the rule under the last new row as painted.
#include "filterevaluator.h"
#include "filterlanguage.h"
#include "historystore.h"
#include "journalfilterproxy.h"
#include "journalmodel.h"
#include "journalspec.h"
#include "journalview.h"
#include "scheduler.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace Taskscope;
using namespace Taskscope::JournalSpec;
using namespace Qt::StringLiterals;

namespace {

QList<HistoryTransition> sample()
{
    return {
        change(u"t1"_s, {}, u"running"_s, minute(0), u"shop"_s, {}, u"backup-shop-0412"_s),
        change(u"t2"_s, {}, u"running"_s, minute(1), u"crm"_s, {}, u"snapshot-crm-hourly"_s),
        change(u"t2"_s, u"running"_s, u"completed"_s, minute(3), u"crm"_s, {}, u"snapshot-crm-hourly"_s),
        change(u"t3"_s, {}, u"notStarted"_s, minute(4), u"billing"_s, {}, u"restore-billing"_s),
        change(u"t1"_s, u"running"_s, u"failed"_s, minute(6), u"shop"_s,
               u"Out of space: the bucket s3://backups is full"_s, u"backup-shop-0412"_s),
        change(u"t3"_s, u"notStarted"_s, u"running"_s, minute(7), u"billing"_s, {}, u"restore-billing"_s),
        change(u"t4"_s, u"running"_s, u"cancelling"_s, minute(8), u"analytics"_s, {}, u"clone-analytics"_s),
        change(u"t5"_s, {}, u"failed"_s, minute(9), u"crm"_s, u"Snapshot timed out"_s, u"backup-crm-nightly"_s),
    };
}

// Whether the middle of an empty list has text in the placeholder colour.
bool placeholderPainted(JournalView &view)
{
    QWidget *viewport = view.view()->viewport();
    const QImage image = viewport->grab().toImage();
    const QColor placeholder = view.view()->palette().color(QPalette::PlaceholderText);
    const QColor base = view.view()->palette().color(QPalette::Base);
    const QColor ink = QColor::fromRgbF(placeholder.redF() * placeholder.alphaF() + base.redF() * (1 - placeholder.alphaF()),
                                        placeholder.greenF() * placeholder.alphaF() + base.greenF() * (1 - placeholder.alphaF()),
                                        placeholder.blueF() * placeholder.alphaF() + base.blueF() * (1 - placeholder.alphaF()));
    const int dpr = int(image.devicePixelRatio());
    const int middle = viewport->height() / 2 * dpr;
    const int band = view.fontMetrics().height() * dpr;
    int found = 0;
    for (int y = qMax(0, middle - band); y < qMin(image.height(), middle + band); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            found += qAbs(c.red() - ink.red()) + qAbs(c.green() - ink.green()) + qAbs(c.blue() - ink.blue()) < 24;
        }
    }
    return found > 20;
}

struct Fixture
{
    JournalModel model;
    JournalFilterProxy proxy;
    std::unique_ptr<QAbstractItemModelTester> tester;
    JournalView view;
    Fixture()
    {
        proxy.setSourceModel(&model);
        tester = std::make_unique<QAbstractItemModelTester>(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.setModel(&proxy);
        view.resize(900, 320);
    }
    bool show()
    {
        view.show();
        return QTest::qWaitForWindowExposed(&view);
    }
    QPoint centre(int row, int column = 1) const
    {
        return view.view()->visualRect(proxy.index(row, column)).center();
    }
};

} // namespace

class TestJournalView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void placeholderWhenEmpty()
    {
        Fixture f;
        QVERIFY(f.show());
        QCOMPARE(f.view.placeholderText(), u"No state changes yet"_s);
        QVERIFY(placeholderPainted(f.view));

        f.model.append(sample());
        QCOMPARE(f.view.placeholderText(), QString());

        f.proxy.setPredicate(FilterPredicate(parseFilter(u"appName eq 'nothing'"_s).expr));
        QCOMPARE(f.view.placeholderText(), u"No state changes match the filter"_s);
        f.proxy.setPredicate(FilterPredicate());
        QCOMPARE(f.view.placeholderText(), QString());
        f.model.clear();
        QCOMPARE(f.view.placeholderText(), u"No state changes yet"_s);
        QVERIFY(placeholderPainted(f.view));
    }

    void clickNamesTheTask()
    {
        Fixture f;
        f.model.append(sample());
        QVERIFY(f.show());
        QSignalSpy activated(&f.view, &JournalView::taskActivated);
        // Rows: t5, t4, t3, t1, t3, t2, t2, t1.
        QTest::mouseClick(f.view.view()->viewport(), Qt::LeftButton, {}, f.centre(3));
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), u"t1"_s);
        // Again on the same row: again (the tree's selection may have moved since).
        QTest::mouseClick(f.view.view()->viewport(), Qt::LeftButton, {}, f.centre(3, 4));
        QCOMPARE(activated.count(), 2);
        // The keyboard moves to another row: that task.
        QTest::keyClick(f.view.view(), Qt::Key_Down);
        QCOMPARE(activated.count(), 3);
        QCOMPARE(activated.at(2).at(0).toString(), u"t3"_s);
        QTest::keyClick(f.view.view(), Qt::Key_Return);
        QCOMPARE(activated.count(), 4);
        QCOMPARE(activated.at(3).at(0).toString(), u"t3"_s);
        // Rows that come and go move the current row without anyone asking: no signal.
        f.model.append({change(u"t6"_s, {}, u"running"_s, minute(20), u"shop"_s, {}, u"new"_s)});
        f.proxy.setPredicate(FilterPredicate(parseFilter(u"appName eq 'crm'"_s).expr));
        f.proxy.setPredicate(FilterPredicate());
        f.model.clear();
        QCOMPARE(activated.count(), 4);
    }

    void markAsReadClearsTheNewLine()
    {
        Fixture f;
        ManualScheduler clock;
        f.view.setClock(&clock);
        f.model.setLastLooked(minute(5)); // 4 rows after it
        f.model.append(sample());
        QVERIFY(f.show());
        auto *button = f.view.findChild<QPushButton *>(u"journalMarkAsRead"_s);
        auto *label = f.view.findChild<QLabel *>(u"journalNewLabel"_s);
        QVERIFY(button && label);
        QCOMPARE(f.model.newCount(), 4);
        QCOMPARE(f.view.newText(), u"4 new since you last looked"_s);
        QVERIFY(button->isVisible());
        QVERIFY(label->isVisible());

        // Under a filter: the new rows it shows, and how many in all.
        f.proxy.setPredicate(FilterPredicate(parseFilter(u"appName eq 'crm'"_s).expr));
        QCOMPARE(f.view.newText(), u"1 new since you last looked (4 without the filter)"_s);
        f.proxy.setPredicate(FilterPredicate());

        QSignalSpy marked(&f.view, &JournalView::markedAsRead);
        QSignalSpy count(&f.model, &JournalModel::newCountChanged);
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(marked.count(), 1);
        QCOMPARE(marked.at(0).at(0).toDateTime(), clock.now());
        QCOMPARE(f.model.lastLooked(), clock.now());
        QCOMPARE(f.model.newCount(), 0);
        QCOMPARE(count.count(), 1);
        QCOMPARE(f.view.newText(), QString());
        QVERIFY(!label->isVisible());
        QVERIFY(!button->isVisible());
        for (int row = 0; row < f.proxy.rowCount(); ++row)
            QVERIFY(!f.proxy.index(row, 0).data(JournalModel::IsNewRole).toBool());

        // A change after that is new again.
        HistoryTransition later = change(u"t9"_s, {}, u"running"_s, minute(0), u"shop"_s, {}, u"later"_s);
        later.at = clock.now().addSecs(5);
        f.model.append({later});
        QCOMPARE(f.view.newText(), u"1 new since you last looked"_s);
        QVERIFY(button->isVisible());
    }

    void copyTheRowsAsText()
    {
        Fixture f;
        f.model.append(sample());
        QVERIFY(f.show());
        QTreeView *list = f.view.view();
        list->selectionModel()->select(f.proxy.index(3, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        list->selectionModel()->select(f.proxy.index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QCOMPARE(f.view.selectedText(), f.model.rowText(0) + u'\n' + f.model.rowText(3));
        QGuiApplication::clipboard()->clear();
        f.view.copyAction()->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), f.view.selectedText());
        QVERIFY(QGuiApplication::clipboard()->text().contains(u"Out of space: the bucket s3://backups is full"_s));
        // Ctrl+C in the list copies its rows, even with a window-wide Ctrl+C (the main window's Copy as JSON).
        QAction windowCopy(u"Copy as JSON"_s);
        windowCopy.setShortcut(QKeySequence::Copy);
        f.view.addAction(&windowCopy);
        QSignalSpy windowCopied(&windowCopy, &QAction::triggered);
        QGuiApplication::clipboard()->clear();
        list->setFocus();
        QTest::keyClick(list, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), f.view.selectedText());
        QCOMPARE(windowCopied.count(), 0);
        // The same through a filter: the source's rows, not the proxy's numbers.
        f.proxy.setPredicate(FilterPredicate(parseFilter(u"appName eq 'shop'"_s).expr));
        list->selectionModel()->select(f.proxy.index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QCOMPARE(f.view.selectedText(), f.model.rowText(3));
    }

    void headerStateRoundTrips()
    {
        Fixture f;
        QHeaderView *header = f.view.view()->header();
        QVERIFY(header->sectionSize(JournalModel::TimeColumn) > 0);
        header->resizeSection(JournalModel::AppColumn, 211);
        header->moveSection(JournalModel::AppColumn, 0);
        const QByteArray state = f.view.saveState();
        Fixture g;
        QVERIFY(g.view.restoreState(state));
        QCOMPARE(g.view.view()->header()->sectionSize(JournalModel::AppColumn), 211);
        QCOMPARE(g.view.view()->header()->visualIndex(JournalModel::AppColumn), 0);
    }

    // Renders the dock with sample data; TASKSCOPE_JOURNAL_PNG=file saves the picture to look at.
    void paintsTheRuleUnderTheLastNewRow()
    {
        Fixture f;
        f.model.setLastLooked(minute(5));
        f.model.append(sample());
        QVERIFY(f.show());
        f.view.view()->selectionModel()->setCurrentIndex(f.proxy.index(5, 0),
                                                         QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        const QImage image = f.view.grab().toImage();
        const QString out = qEnvironmentVariable("TASKSCOPE_JOURNAL_PNG");
        if (!out.isEmpty())
            QVERIFY(image.save(out));
        // Row 3 is the last new one: its bottom edge is the highlight colour, across the row.
        QTreeView *list = f.view.view();
        const QColor highlight = list->palette().color(QPalette::Highlight);
        const QPoint offset = list->viewport()->mapTo(&f.view, QPoint(0, 0));
        const QRect lastNew = list->visualRect(f.proxy.index(3, 1)).translated(offset);
        const QRect old = list->visualRect(f.proxy.index(4, 1)).translated(offset);
        const int dpr = int(image.devicePixelRatio());
        const auto pixel = [&](int x, int y) { return image.pixelColor(x * dpr, y * dpr); };
        QCOMPARE(pixel(lastNew.center().x(), lastNew.bottom()), highlight);
        QVERIFY(pixel(old.center().x(), old.bottom()) != highlight);
        const QRect firstNew = list->visualRect(f.proxy.index(0, 1)).translated(offset);
        QVERIFY(pixel(firstNew.center().x(), firstNew.bottom()) != highlight);
    }
};

QTEST_MAIN(TestJournalView)
#include "tst_journalview.moc"
