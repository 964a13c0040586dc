// The progress and state-badge delegates, painted offscreen and checked pixel by pixel.
#include "changehighlighter.h"
#include "progressdelegate.h"
#include "rowhighlight.h"
#include "statebadgedelegate.h"
#include "tasknamedelegate.h"
#include "statepill.h"
#include "taskcolors.h"
#include "tasktreemodel.h"
#include "taskformat.h"
#include "tasktreeview.h"
#include "textcelldelegate.h"

#include "testpalettes.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QStyledItemDelegate>
#include <QApplication>
#include <QImage>
#include <QPaintEvent>
#include <QPainter>
#include <QStandardItemModel>
#include <QTest>
#include <QTreeView>

#include <functional>

using namespace Taskscope;
using namespace Qt::StringLiterals;

namespace {

Task makeTask(const QString &id, TaskState state, std::optional<double> percent)
{
    Task task;
    task.id = id;
    task.name = u"astra.backup"_s;
    task.state = state;
    task.stateText = stateApiName(state);
    task.percentDone = percent;
    task.orderHint = id.toInt();
    task.rawJson = (id + u'|' + task.stateText + u'|' + QString::number(percent.value_or(-1))).toUtf8();
    return task;
}

int distance(const QColor &a, const QColor &b)
{
    return qAbs(a.red() - b.red()) + qAbs(a.green() - b.green()) + qAbs(a.blue() - b.blue());
}

// How many pixels of `rect` are within `tolerance` of `color`.
int countNear(const QImage &image, const QRect &rect, const QColor &color, int tolerance = 60)
{
    int count = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x) {
            if (distance(image.pixelColor(x, y), color) <= tolerance)
                ++count;
        }
    }
    return count;
}

// Counts the paint events of a widget.
class PaintCounter final : public QObject
{
public:
    explicit PaintCounter(QWidget *widget) { widget->installEventFilter(this); }
    int paints = 0;
    QRegion painted; // every region painted

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            ++paints;
            painted += static_cast<QPaintEvent *>(event)->region();
        }
        return false;
    }
};

// The rows of a test run in the light and the dark test palette (a bool column "dark").
void addPaletteRows()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

// A row of a model with the roles the delegates paint from, in every column (as TaskTreeModel gives them).
void setRowData(QStandardItemModel *model, int row, int role, const QVariant &value)
{
    for (int column = 0; column < model->columnCount(); ++column)
        model->setData(model->index(row, column), value, role);
}

// Rows with the attention roles, shown with the tree's delegates and a clock the test moves.
struct HighlightFixture
{
    QStandardItemModel model{3, TaskTreeModel::ColumnCount};
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::Fatal};
    QTreeView view;
    QDateTime now = QDateTime::fromMSecsSinceEpoch(1'800'000'000'000, Qt::UTC);
    const QDateTime changedAt = now;

    explicit HighlightFixture(const QPalette &palette)
    {
        for (int row = 0; row < 3; ++row) {
            model.setData(model.index(row, TaskTreeModel::NameColumn), u"Backup %1"_s.arg(row));
            model.setData(model.index(row, TaskTreeModel::StateColumn), TaskFormat::stateName(TaskState::Running, {}));
            model.setData(model.index(row, TaskTreeModel::ProgressColumn), u"40%"_s);
            setRowData(&model, row, TaskTreeModel::StateRole, int(TaskState::Running));
            model.setData(model.index(row, TaskTreeModel::ProgressColumn), 40.0, TaskTreeModel::RawRole);
        }
        setRowData(&model, 0, TaskTreeModel::ChangedAtRole, changedAt); // row 1 did not change
        setRowData(&model, 2, TaskTreeModel::UnseenFailureRole, true);
        setRowData(&model, 2, TaskTreeModel::ChangedAtRole, changedAt);
        view.setPalette(palette);
        view.setAlternatingRowColors(false);
        view.setUniformRowHeights(true);
        view.setRootIsDecorated(false);
        view.setSelectionBehavior(QAbstractItemView::SelectRows);
        const std::function<QDateTime()> clock = [this] { return now; };
        auto *text = new TextCellDelegate(&view);
        auto *name = new TaskNameDelegate(&view);
        auto *badge = new StateBadgeDelegate(&view);
        auto *progress = new ProgressDelegate(&view);
        text->setClock(clock);
        name->setClock(clock);
        badge->setClock(clock);
        progress->setClock(clock);
        view.setItemDelegate(text);
        view.setItemDelegateForColumn(TaskTreeModel::NameColumn, name);
        view.setItemDelegateForColumn(TaskTreeModel::StateColumn, badge);
        view.setItemDelegateForColumn(TaskTreeModel::ProgressColumn, progress);
        view.setModel(&model);
        view.resize(1600, 200);
        for (int column = 0; column < model.columnCount(); ++column)
            view.header()->resizeSection(column, column == TaskTreeModel::StateColumn ? 260 : 120);
    }

    bool show()
    {
        view.show();
        return QTest::qWaitForWindowExposed(&view);
    }
    QImage grab(int row, int column)
    {
        const QRect rect = view.visualRect(model.index(row, column));
        return view.viewport()->grab(rect).toImage().convertToFormat(QImage::Format_RGB32);
    }
    // A background pixel of a cell of each delegate: the empty Cluster cell's middle, the name's
    // right end, the badge's right end, the progress cell's left margin (the bar is inset).
    QList<QColor> backgrounds(int row)
    {
        QList<QColor> colors;
        const QImage empty = grab(row, TaskTreeModel::ClusterColumn);
        colors << empty.pixelColor(empty.width() / 2, empty.height() / 2);
        const QImage name = grab(row, TaskTreeModel::NameColumn);
        colors << name.pixelColor(name.width() - 3, name.height() / 2);
        const QImage badge = grab(row, TaskTreeModel::StateColumn);
        colors << badge.pixelColor(badge.width() - 2, badge.height() / 2);
        const QImage progress = grab(row, TaskTreeModel::ProgressColumn);
        colors << progress.pixelColor(0, progress.height() / 2);
        return colors;
    }
};

} // namespace

class TestDelegates : public QObject
{
    Q_OBJECT
private:
    TaskTreeModel *m_model = nullptr;
    TaskTreeView *m_view = nullptr;

    QImage grabCell(int row, int column)
    {
        const QRect rect = m_view->visualRect(m_model->index(row, column));
        return m_view->viewport()->grab(rect).toImage().convertToFormat(QImage::Format_RGB32);
    }

private Q_SLOTS:
    void init()
    {
        m_model = new TaskTreeModel;
        m_view = new TaskTreeView;
        m_view->setModel(m_model);
        m_view->resize(1100, 400);
        m_model->apply({makeTask(u"0"_s, TaskState::Failed, 60), makeTask(u"1"_s, TaskState::Running, 60),
                        makeTask(u"2"_s, TaskState::Cancelled, 60), makeTask(u"3"_s, TaskState::NotStarted, {}),
                        makeTask(u"4"_s, TaskState::Completed, 100)});
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view));
    }

    void cleanup()
    {
        delete m_view;
        delete m_model;
    }

    void failedBarUsesTheFailureColour()
    {
        const QPalette palette = m_view->palette();
        const QColor failure = TaskColors::accent(TaskState::Failed, palette);
        const QColor cancelled = TaskColors::accent(TaskState::Cancelled, palette);
        const QColor normal = palette.color(QPalette::Highlight);
        const QImage failedCell = grabCell(0, TaskTreeModel::ProgressColumn);
        const QImage runningCell = grabCell(1, TaskTreeModel::ProgressColumn);
        const QImage cancelledCell = grabCell(2, TaskTreeModel::ProgressColumn);
        const QRect all = failedCell.rect();
        QVERIFY2(countNear(failedCell, all, failure, 40) > 30, "the failed task's bar is not red");
        QCOMPARE(countNear(runningCell, all, failure, 40), 0);
        QVERIFY2(countNear(runningCell, all, normal, 40) > 30, "the running task's bar is not the normal bar");
        QVERIFY2(countNear(cancelledCell, all, cancelled, 40) > 30, "the cancelled task's bar is not in its colour");
        // The bar fills 60% of the cell: the filled part stops well before the right edge.
        const QRect rightQuarter(all.width() * 3 / 4, 0, all.width() / 4 - 4, all.height());
        QCOMPARE(countNear(failedCell, rightQuarter, failure, 40), 0);
    }

    // Cancelled is a neutral grey, far from the running bar's highlight (they were two blues), in light
    // and dark palettes alike.
    void cancelledBarIsNeutral_data()
    {
        addPaletteRows();
    }

    void cancelledBarIsNeutral()
    {
        QFETCH(bool, dark);
        const QPalette palette = testPalette(dark);
        m_view->setPalette(palette);
        const QColor running = palette.color(QPalette::Highlight);
        const QColor cancelled = TaskColors::accent(TaskState::Cancelled, palette);
        QVERIFY2(cancelled.hsvSaturationF() < 0.1, qPrintable(cancelled.name())); // no hue: neither blue nor red
        QVERIFY(distance(cancelled, running) > 150);
        QVERIFY(distance(cancelled, TaskColors::opaqueOn(TaskColors::accent(TaskState::NotStarted, palette),
                                                         palette.color(QPalette::Base)))
                > 60); // stronger than the grey of tasks not started
        QVERIFY(TaskColors::contrast(cancelled, palette.color(QPalette::Base)) > 2.5); // a bar seen on the row
        const QImage cancelledCell = grabCell(2, TaskTreeModel::ProgressColumn);
        const QImage runningCell = grabCell(1, TaskTreeModel::ProgressColumn);
        QVERIFY2(countNear(cancelledCell, cancelledCell.rect(), cancelled, 40) > 30, "the cancelled bar is not grey");
        QCOMPARE(countNear(cancelledCell, cancelledCell.rect(), running, 60), 0);
        QVERIFY2(countNear(runningCell, runningCell.rect(), running, 40) > 30, "the running bar lost its highlight");
    }

    // A task that changes is painted again: the view's dataChanged() only schedules a repaint of
    // what is shown (TaskTreeView skips Qt's search for the changed rows among those laid out).
    void changedTaskIsRepainted()
    {
        QAbstractItemModelTester tester(m_model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        const QColor failure = TaskColors::accent(TaskState::Failed, m_view->palette());
        const QImage before = grabCell(1, TaskTreeModel::ProgressColumn);
        QCOMPARE(countNear(before, before.rect(), failure, 40), 0);
        QCoreApplication::processEvents(); // what showing scheduled
        PaintCounter counter(m_view->viewport()); // (a grab paints too: none from here on)
        m_model->apply({makeTask(u"0"_s, TaskState::Failed, 60), makeTask(u"1"_s, TaskState::Failed, 60),
                        makeTask(u"2"_s, TaskState::Cancelled, 60), makeTask(u"3"_s, TaskState::NotStarted, {}),
                        makeTask(u"4"_s, TaskState::Completed, 100)});
        QTRY_VERIFY(counter.paints > 0);
        const QImage cell = grabCell(1, TaskTreeModel::ProgressColumn);
        QVERIFY2(countNear(cell, cell.rect(), failure, 40) > 30, "the task that failed is not painted as failed");
    }

    // Changes repaint the changed cells on screen, not the whole view: a change far below what is
    // shown paints nothing, one on screen paints its row's changed cell (here the progress bar).
    void onlyChangedCellsOnScreenAreRepainted()
    {
        QList<Task> tasks;
        for (int i = 0; i < 200; ++i)
            tasks.append(makeTask(QString::number(i), TaskState::Running, 10));
        m_model->apply(tasks);
        QTRY_VERIFY(m_view->indexAt(QPoint(1, 1)).isValid());
        const QRect row1 = m_view->visualRect(m_model->index(1, 0));
        QVERIFY(!m_view->visualRect(m_model->index(150, 0)).intersects(m_view->viewport()->rect()));
        {
            PaintCounter settle(m_view->viewport()); // the inserts lay the tree out and paint it whole
            QTRY_VERIFY(settle.paints > 0);
        }
        PaintCounter counter(m_view->viewport());
        tasks[150].percentDone = 90; // a poll that changes a row below the screen
        tasks[150].rawJson += ' ';
        m_model->apply(tasks);
        tasks[1].percentDone = 50; // and one that changes a row on it, before the view paints
        tasks[1].rawJson += ' ';
        m_model->apply(tasks);
        QTRY_VERIFY(counter.paints > 0);
        const QRect painted = counter.painted.boundingRect();
        QCOMPARE(painted.top(), row1.top());
        QCOMPARE(painted.height(), row1.height());
        QCOMPARE(painted.left(), m_view->columnViewportPosition(TaskTreeModel::ProgressColumn));
        QCOMPARE(painted.width(), m_view->columnWidth(TaskTreeModel::ProgressColumn));
    }

    // When the user has moved columns, a change still repaints where its cells are now.
    void changedCellsFollowMovedColumns()
    {
        QAbstractItemModelTester tester(m_model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QList<Task> tasks;
        for (int i = 0; i < 20; ++i)
            tasks.append(makeTask(QString::number(i), TaskState::Running, 10));
        m_model->apply(tasks);
        m_view->header()->moveSection(m_view->header()->visualIndex(TaskTreeModel::ProgressColumn), 0);
        QTRY_VERIFY(m_view->indexAt(QPoint(1, 1)).isValid());
        {
            PaintCounter settle(m_view->viewport());
            QTRY_VERIFY(settle.paints > 0);
        }
        PaintCounter counter(m_view->viewport());
        tasks[2].percentDone = 70;
        tasks[2].rawJson += ' ';
        m_model->apply(tasks);
        QTRY_VERIFY(counter.paints > 0);
        const QRect painted = counter.painted.boundingRect();
        QCOMPARE(painted.left(), 0);
        QCOMPARE(painted.width(), m_view->columnWidth(TaskTreeModel::ProgressColumn));
        QCOMPARE(painted.top(), m_view->visualRect(m_model->index(2, 0)).top());
    }

    // Texts drawn from the cache of laid-out texts look exactly as QStyledItemDelegate draws them: plain,
    // elided where the column is narrow, selected, and right-aligned (the duration).
    void cachedTextsLookAsQtDrawsThem()
    {
        QAbstractItemModelTester tester(m_model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QList<Task> tasks;
        for (int i = 0; i < 4; ++i) {
            Task task = makeTask(QString::number(i), TaskState::Completed, 100);
            task.summary = u"Backup of the orders database"_s;
            task.name = u"astra.backup.orders.database"_s;
            task.startTime = QDateTime::currentDateTimeUtc().addSecs(-7200);
            task.endTime = task.startTime.addSecs(3723); // a duration that does not tick between grabs
            tasks.append(task);
        }
        m_model->apply(tasks);
        m_view->resize(1800, 400); // every column compared on screen
        m_view->header()->setSectionHidden(TaskTreeModel::InternalNameColumn, false); // hidden by default
        m_view->header()->resizeSection(TaskTreeModel::InternalNameColumn, 60);       // elided
        m_view->selectionModel()->select(m_model->index(2, 0),
                                         QItemSelectionModel::Select | QItemSelectionModel::Rows);
        const int columns[] = {TaskTreeModel::NameColumn, TaskTreeModel::InternalNameColumn,
                               TaskTreeModel::StartedColumn, TaskTreeModel::DurationColumn};
        for (const int column : columns) {
            for (const int row : {1, 2}) {
                QVERIFY(!m_model->index(row, column).data().toString().isEmpty());
                const QImage cached = grabCell(row, column);
                auto *plain = new QStyledItemDelegate(m_view);
                QAbstractItemDelegate *ours = m_view->itemDelegateForIndex(m_model->index(row, column));
                QVERIFY(qobject_cast<TextCellDelegate *>(ours));
                m_view->setItemDelegateForColumn(column, plain);
                const QImage byQt = grabCell(row, column);
                m_view->setItemDelegateForColumn(column, column == TaskTreeModel::NameColumn ? ours : nullptr);
                QCOMPARE(cached.size(), byQt.size());
                QVERIFY2(cached == byQt, qPrintable(u"column %1, row %2 differs"_s.arg(column).arg(row)));
                const QColor ink = m_view->palette().color(row == 2 ? QPalette::HighlightedText : QPalette::Text);
                QVERIFY(countNear(cached, cached.rect(), ink, 100) > 4); // the text is there
            }
        }
    }

    // A text is drawn in the font it was given, whatever font the painter had (a cell's FontRole).
    void cachedTextsKeepTheirFont()
    {
        QFont bold = m_view->font();
        bold.setBold(true);
        bold.setPointSize(bold.pointSize() + 4);
        const auto draw = [&](const QFont &painterFont) {
            QImage image(200, 40, QImage::Format_RGB32);
            image.fill(Qt::white);
            QPainter painter(&image);
            painter.setFont(painterFont);
            painter.setPen(Qt::black);
            CellTextCache cache;
            cache.draw(&painter, image.rect(), Qt::AlignLeft | Qt::AlignVCenter, Qt::LeftToRight, u"Backup failed"_s,
                       bold, Qt::ElideRight);
            return image;
        };
        const QImage fromPlain = draw(m_view->font());
        QCOMPARE(fromPlain, draw(bold));
        QVERIFY(countNear(fromPlain, fromPlain.rect(), Qt::black, 200) > 20);
    }

    void noPercentIsAnEmptyBar()
    {
        const QPalette palette = m_view->palette();
        const QImage cell = grabCell(3, TaskTreeModel::ProgressColumn);
        QCOMPARE(countNear(cell, cell.rect(), palette.color(QPalette::Highlight), 30), 0);
        QCOMPARE(m_model->index(3, TaskTreeModel::ProgressColumn).data(Qt::AccessibleTextRole).toString(),
                 TaskTreeModel::tr("No progress reported"));
    }

    void badgeShowsItsTextAndGlyph()
    {
        const QPalette palette = m_view->palette();
        const QImage cell = grabCell(1, TaskTreeModel::StateColumn);
        const QFontMetrics fm(m_view->font());
        // Text pixels sit right of the glyph, inside the pill.
        const QRect textArea(fm.height() * 2, 0, fm.horizontalAdvance(TaskFormat::stateName(TaskState::Running, {})),
                             cell.height());
        QVERIFY2(countNear(cell, textArea, palette.color(QPalette::Text), 120) > 10, "no text in the badge");
        // The glyph is drawn in the state's accent.
        QVERIFY(countNear(cell, QRect(0, 0, fm.height() * 2, cell.height()), TaskColors::accent(TaskState::Running, palette), 60)
                > 5);
        QCOMPARE(m_model->index(1, TaskTreeModel::StateColumn).data(Qt::AccessibleTextRole).toString(),
                 TaskFormat::stateName(TaskState::Running, {}));
    }

    void selectedBadgeUsesHighlightedText()
    {
        const QPalette palette = m_view->palette();
        m_view->selectionModel()->select(m_model->index(1, 0),
                                         QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        const QImage cell = grabCell(1, TaskTreeModel::StateColumn);
        QVERIFY(countNear(cell, cell.rect(), palette.color(QPalette::HighlightedText), 40) > 20);
    }

    // Never colour alone: in grey, every state's glyph still differs from every other's.
    void everyStateHasItsOwnGlyph()
    {
        QList<QImage> glyphs;
        for (int s = 0; s < TaskStateCount; ++s) {
            QImage image(24, 24, QImage::Format_Grayscale8);
            image.fill(Qt::white);
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            StatePill::drawGlyph(&painter, TaskState(s), QRectF(2, 2, 20, 20), Qt::black);
            painter.end();
            glyphs << image;
        }
        for (int a = 0; a < glyphs.size(); ++a) {
            for (int b = a + 1; b < glyphs.size(); ++b)
                QVERIFY2(glyphs[a] != glyphs[b], qPrintable(u"states %1 and %2 look alike"_s.arg(a).arg(b)));
        }
    }

    // An orphan's name carries a warning icon (and the model's tooltip says why); a task in place does not.
    void orphanMarkIsVisible()
    {
        Task orphan = makeTask(u"9"_s, TaskState::Running, 10);
        orphan.parentTaskID = u"gone"_s;
        orphan.rawJson += "|orphan";
        Task inPlace = makeTask(u"8"_s, TaskState::Running, 10);
        m_model->apply({inPlace, orphan});
        m_view->setAlternatingRowColors(false);
        const QModelIndex orphanIndex = m_model->indexForId(u"9"_s);
        const QModelIndex inPlaceIndex = m_model->indexForId(u"8"_s);
        QVERIFY(orphanIndex.isValid() && inPlaceIndex.isValid());
        QCOMPARE(m_model->marks(orphanIndex), TaskTreeModel::Marks(TaskTreeModel::OrphanMark));
        QVERIFY(orphanIndex.data(Qt::ToolTipRole).toString().contains(u"gone"_s));
        const QImage orphanCell = grabCell(orphanIndex.row(), TaskTreeModel::NameColumn);
        const QImage inPlaceCell = grabCell(inPlaceIndex.row(), TaskTreeModel::NameColumn);
        QCOMPARE(orphanCell.size(), inPlaceCell.size());
        // Same name, same state: only the icon can make the two cells differ.
        QVERIFY(orphanCell != inPlaceCell);
    }

    // A row that changed is tinted with the highlight colour, fading linearly from the change to
    // nothing at 5 s, in every delegate's cells; a row that did not change is not tinted.
    void changeHighlightFades_data()
    {
        addPaletteRows();
    }

    void changeHighlightFades()
    {
        QFETCH(bool, dark);
        const QPalette palette = testPalette(dark);
        HighlightFixture fixture(palette);
        QVERIFY(fixture.show());
        const QColor base = palette.color(QPalette::Base);
        const QColor highlight = palette.color(QPalette::Highlight);
        const auto strengthOf = [&](const QColor &pixel) {
            // Where the pixel lies between Base (0) and Highlight (1), on the channel that moves most.
            double best = 0;
            for (const auto channel : {&QColor::redF, &QColor::greenF, &QColor::blueF}) {
                const double span = std::invoke(channel, highlight) - std::invoke(channel, base);
                if (qAbs(span) > qAbs(best))
                    best = span;
            }
            for (const auto channel : {&QColor::redF, &QColor::greenF, &QColor::blueF}) {
                const double span = std::invoke(channel, highlight) - std::invoke(channel, base);
                if (span == best)
                    return (std::invoke(channel, pixel) - std::invoke(channel, base)) / span;
            }
            return 0.0;
        };
        QList<double> atStart;
        for (const QColor &pixel : fixture.backgrounds(0))
            atStart << strengthOf(pixel);
        for (const double s : std::as_const(atStart))
            QVERIFY2(s > 0.25 && s < 0.5, qPrintable(QString::number(s))); // clearly there, not opaque
        for (const QColor &pixel : fixture.backgrounds(1))
            QCOMPARE(pixel, base); // unchanged row: untouched
        // Text on the strongest tint keeps its contrast.
        QVERIFY(TaskColors::contrast(palette.color(QPalette::Text), fixture.backgrounds(0).front()) >= 4.5);

        fixture.now = fixture.changedAt.addMSecs(2500);
        const QList<QColor> half = fixture.backgrounds(0);
        for (int i = 0; i < half.size(); ++i)
            QVERIFY2(qAbs(strengthOf(half[i]) - atStart[i] / 2) < 0.04,
                     qPrintable(u"cell %1: %2 at 2.5 s, %3 at 0 s"_s.arg(i).arg(strengthOf(half[i])).arg(atStart[i])));
        fixture.now = fixture.changedAt.addMSecs(RowHighlight::FadeMs);
        for (const QColor &pixel : fixture.backgrounds(0))
            QCOMPARE(pixel, base);
        QCOMPARE(RowHighlight::strength(fixture.changedAt, fixture.changedAt.addMSecs(1000)), 0.8);
        QCOMPARE(RowHighlight::strength(fixture.changedAt, fixture.changedAt.addSecs(3600)), 0.0);
        QCOMPARE(RowHighlight::strength(QDateTime(), fixture.now), 0.0);
    }

    // An unseen failure keeps a steady tint and a bar at the row's left edge (not colour alone: the
    // bar's shape), long after the fade, until the role goes false; a selected row keeps the bar.
    void unseenFailureStays_data()
    {
        addPaletteRows();
    }

    void unseenFailureStays()
    {
        QFETCH(bool, dark);
        const QPalette palette = testPalette(dark);
        HighlightFixture fixture(palette);
        QVERIFY(fixture.show());
        const QColor base = palette.color(QPalette::Base);
        const QColor failure = TaskColors::accent(TaskState::Failed, palette);
        fixture.now = fixture.changedAt.addSecs(3600);
        const QList<QColor> tinted = fixture.backgrounds(2);
        for (const QColor &pixel : tinted) {
            QVERIFY2(distance(pixel, base) > 30, qPrintable(pixel.name()));
            QVERIFY(distance(pixel, failure) < distance(base, failure)); // towards the failure colour
            QVERIFY(TaskColors::contrast(palette.color(QPalette::Text), pixel) >= 4.5);
        }
        const QImage first = fixture.grab(2, TaskTreeModel::NameColumn);
        const QRect bar(0, 0, 3, first.height());
        QCOMPARE(countNear(first, bar, failure, 30), bar.width() * bar.height());
        // Only the row's first cell has the bar.
        const QImage empty = fixture.grab(2, TaskTreeModel::ClusterColumn);
        QCOMPARE(countNear(empty, QRect(0, 0, 3, empty.height()), failure, 30), 0);
        // Selected: the selection's colours, and the bar in the selected text's colour.
        fixture.view.selectionModel()->select(fixture.model.index(2, 0),
                                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        const QImage selected = fixture.grab(2, TaskTreeModel::NameColumn);
        QCOMPARE(countNear(selected, bar, palette.color(QPalette::HighlightedText), 30), bar.width() * bar.height());
        fixture.view.selectionModel()->clear();
        // Seen: back to the plain row.
        setRowData(&fixture.model, 2, TaskTreeModel::UnseenFailureRole, false);
        for (const QColor &pixel : fixture.backgrounds(2))
            QCOMPARE(pixel, base);
        const QImage seen = fixture.grab(2, TaskTreeModel::NameColumn);
        QCOMPARE(countNear(seen, bar, failure, 30), 0);
    }

    // A stalled task's badge says so in words after the state's name, wider than the plain badge.
    void stalledBadgeSaysSo()
    {
        HighlightFixture fixture(testPalette(false));
        QVERIFY(fixture.show());
        const QPalette palette = testPalette(false);
        const QImage plain = fixture.grab(1, TaskTreeModel::StateColumn);
        setRowData(&fixture.model, 1, TaskTreeModel::StalledRole, true);
        const QImage stalled = fixture.grab(1, TaskTreeModel::StateColumn);
        QCOMPARE(plain.size(), stalled.size());
        const QFontMetrics fm(fixture.view.font());
        const QString name = TaskFormat::stateName(TaskState::Running, {});
        const QString label = TaskFormat::stateLabel(name, true);
        QVERIFY(label.startsWith(name) && label.size() > name.size());
        // Text where the plain badge has ended: right of the name, up to the label's end.
        const int nameEnd = fm.height() * 2 + fm.horizontalAdvance(name);
        const QRect suffix(nameEnd + fm.height() / 2, 0, fm.horizontalAdvance(label) - fm.horizontalAdvance(name),
                           stalled.height());
        QCOMPARE(countNear(plain, suffix, palette.color(QPalette::Text), 120), 0);
        QVERIFY2(countNear(stalled, suffix, palette.color(QPalette::Text), 120) > 10, "no stalled mark on the badge");
        auto *badge = qobject_cast<StateBadgeDelegate *>(fixture.view.itemDelegateForColumn(TaskTreeModel::StateColumn));
        QStyleOptionViewItem option;
        option.initFrom(&fixture.view);
        QVERIFY(badge->sizeHint(option, fixture.model.index(1, TaskTreeModel::StateColumn)).width()
                > badge->sizeHint(option, fixture.model.index(0, TaskTreeModel::StateColumn)).width());
        // What a screen reader says (the model's AccessibleTextRole is this text).
        QCOMPARE(TaskFormat::stateLabel(name, true), u"Running · stalled"_s);
    }

    // The highlighter repaints while a fade lasts and stops its timer when the last one has ended;
    // TaskTreeView starts it from a dataChanged that carries ChangedAtRole.
    void highlighterRepaintsOnlyWhileFading()
    {
        QDateTime now = QDateTime::fromMSecsSinceEpoch(1'800'000'000'000, Qt::UTC);
        QStandardItemModel model(2, TaskTreeModel::ColumnCount);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        TaskTreeView view;
        view.setModel(&model);
        view.setClock([&now] { return now; });
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        ChangeHighlighter *highlighter = view.changeHighlighter();
        QVERIFY(!highlighter->isAnimating());
        highlighter->notifyChanged(now.addSecs(-6)); // already faded
        QVERIFY(!highlighter->isAnimating());
        QCoreApplication::processEvents();
        PaintCounter counter(view.viewport());
        model.setData(model.index(1, 0), now, TaskTreeModel::ChangedAtRole);
        QVERIFY(highlighter->isAnimating());
        QCOMPARE(highlighter->fadeEnd(), now.addMSecs(RowHighlight::FadeMs));
        QTRY_VERIFY(counter.paints >= 3); // frames, not one repaint
        QVERIFY(counter.painted.boundingRect().contains(view.viewport()->rect()));
        now = now.addSecs(2);
        highlighter->notifyChanged(now); // a later change: its fade ends later
        QCOMPARE(highlighter->fadeEnd(), now.addMSecs(RowHighlight::FadeMs));
        now = now.addMSecs(RowHighlight::FadeMs - 1);
        const int painted = counter.paints;
        QTRY_VERIFY(counter.paints > painted + 1); // frames go on: a millisecond to go
        QVERIFY(highlighter->isAnimating());
        now = now.addMSecs(1);
        QTRY_VERIFY(!highlighter->isAnimating());
        // Other roles start nothing.
        model.setData(model.index(0, 0), u"renamed"_s);
        QVERIFY(!highlighter->isAnimating());
    }

    // What a repaint of a screen of rows costs, plain, fading, and with unseen failures (run with
    // -iterations N for figures; the highlight adds two role reads per cell and one fill).
    void paintCostOfHighlightedRows_data()
    {
        QTest::addColumn<int>("look");
        QTest::newRow("plain") << 0;
        QTest::newRow("fading") << 1;
        QTest::newRow("unseen failure") << 2;
    }

    void paintCostOfHighlightedRows()
    {
        QFETCH(int, look);
        HighlightFixture fixture(testPalette(false));
        fixture.model.setRowCount(40);
        for (int row = 0; row < 40; ++row) {
            fixture.model.setData(fixture.model.index(row, TaskTreeModel::NameColumn), u"Backup %1"_s.arg(row));
            fixture.model.setData(fixture.model.index(row, TaskTreeModel::StateColumn),
                                  TaskFormat::stateName(TaskState::Running, {}));
            setRowData(&fixture.model, row, TaskTreeModel::StateRole, int(TaskState::Running));
            setRowData(&fixture.model, row, TaskTreeModel::ChangedAtRole, look == 1 ? QVariant(fixture.changedAt) : QVariant());
            setRowData(&fixture.model, row, TaskTreeModel::UnseenFailureRole, look == 2);
        }
        fixture.view.resize(1600, 900);
        fixture.now = fixture.changedAt.addMSecs(1000);
        QVERIFY(fixture.show());
        QBENCHMARK {
            fixture.view.viewport()->repaint();
        }
    }

    void darkPaletteKeepsTheFailureColourReadable()
    {
        QPalette dark;
        dark.setColor(QPalette::Base, QColor(30, 30, 30));
        dark.setColor(QPalette::Text, QColor(230, 230, 230));
        dark.setColor(QPalette::Highlight, QColor(42, 130, 218));
        const QColor failure = TaskColors::accent(TaskState::Failed, dark);
        QVERIFY(TaskColors::isDark(dark));
        QVERIFY(failure.red() > failure.green() * 2);
        QVERIFY(failure.lightnessF() > dark.color(QPalette::Base).lightnessF() + 0.25);
    }
};

QTEST_MAIN(TestDelegates)
#include "tst_delegates.moc"
