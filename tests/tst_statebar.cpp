// StateBar: the (state, action) of every click and key, counts, the Unknown chip, painting and layout.
#include "statebar.h"
#include "taskcolors.h"
#include "tasktreemodel.h"
#include "taskformat.h"
#include "testpalettes.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QContextMenuEvent>
#include <QHBoxLayout>
#include <QImage>
#include <QLineEdit>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace Taskscope;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Taskscope::TaskState)
Q_DECLARE_METATYPE(Qt::KeyboardModifiers)

namespace {

using Counts = std::array<int, TaskStateCount>;

// NotStarted 1, Running 2, Completed 5, Pausing/Paused/Cancelling 0, Cancelled 1, Failed 3, Unknown 0.
Counts sampleCounts()
{
    return {1, 2, 5, 0, 0, 0, 1, 3, 0};
}

int distance(const QColor &a, const QColor &b)
{
    return qAbs(a.red() - b.red()) + qAbs(a.green() - b.green()) + qAbs(a.blue() - b.blue());
}

// How many pixels of `rect` are within `tolerance` of `color`.
int countNear(const QImage &image, const QRect &rect, const QColor &color, int tolerance)
{
    int count = 0;
    const QRect area = rect.intersected(image.rect());
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            if (distance(image.pixelColor(x, y), color) <= tolerance)
                ++count;
        }
    }
    return count;
}

} // namespace

class TestStateBar : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<StateBar> m_bar;

    // The chip as the window shows it (the bar paints the window background behind the pill).
    QImage grabChip(TaskState state) const
    {
        return m_bar->grab(m_bar->chip(state)->geometry()).toImage().convertToFormat(QImage::Format_RGB32);
    }

    void addModifierRows()
    {
        QTest::addColumn<TaskState>("state");
        QTest::addColumn<Qt::KeyboardModifiers>("modifiers");
        QTest::addColumn<QStringList>("selected");
        QTest::addColumn<QStringList>("excluded");
        QTest::addColumn<StateBar::Action>("action");
        const Qt::KeyboardModifiers none = Qt::NoModifier, ctrl = Qt::ControlModifier, alt = Qt::AltModifier;
        const QStringList nothing;
        const QStringList failed{u"failed"_s};
        QTest::newRow("click unlit: only")
            << TaskState::Failed << none << nothing << nothing << StateBar::Action::Only;
        QTest::newRow("ctrl unlit: add")
            << TaskState::Failed << ctrl << nothing << nothing << StateBar::Action::Add;
        QTest::newRow("alt unlit: exclude")
            << TaskState::Failed << alt << nothing << nothing << StateBar::Action::Exclude;
        QTest::newRow("shift is a plain click")
            << TaskState::Failed << Qt::KeyboardModifiers(Qt::ShiftModifier) << nothing << nothing
            << StateBar::Action::Only;
        QTest::newRow("ctrl+alt counts as alt")
            << TaskState::Failed << (ctrl | alt) << nothing << nothing << StateBar::Action::Exclude;
        QTest::newRow("click lit: remove")
            << TaskState::Failed << none << failed << nothing << StateBar::Action::Remove;
        QTest::newRow("click excluded: remove")
            << TaskState::Failed << none << nothing << failed << StateBar::Action::Remove;
        QTest::newRow("ctrl lit: toggles off")
            << TaskState::Failed << ctrl << failed << nothing << StateBar::Action::Remove;
        QTest::newRow("alt excluded: toggles off")
            << TaskState::Failed << alt << nothing << failed << StateBar::Action::Remove;
        QTest::newRow("alt lit: exclude instead")
            << TaskState::Failed << alt << failed << nothing << StateBar::Action::Exclude;
        QTest::newRow("ctrl excluded: add instead")
            << TaskState::Failed << ctrl << nothing << failed << StateBar::Action::Add;
        QTest::newRow("another chip lit: only")
            << TaskState::Running << none << failed << nothing << StateBar::Action::Only;
        QTest::newRow("zero count still clickable")
            << TaskState::Paused << ctrl << failed << nothing << StateBar::Action::Add;
        QTest::newRow("notStarted api name")
            << TaskState::NotStarted << none << nothing << nothing << StateBar::Action::Only;
    }

    void checkActivation(const QSignalSpy &spy, TaskState state, StateBar::Action action)
    {
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), stateApiName(state));
        QCOMPARE(spy.at(0).at(1).value<StateBar::Action>(), action);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qRegisterMetaType<StateBar::Action>();
    }

    void init()
    {
        m_bar = std::make_unique<StateBar>();
        m_bar->setCounts(sampleCounts());
        m_bar->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_bar.get()));
    }

    void cleanup() { m_bar.reset(); }

    // The Stalled chip: hidden with nothing stalled unless the filter names it, its count read out,
    // a click reported (the window toggles the clause).
    void stalledChip()
    {
        QAbstractButton *chip = m_bar->stalledChip();
        QVERIFY(chip->isHidden());
        m_bar->setStalledCount(2);
        QVERIFY(chip->isVisible());
        QVERIFY(chip->accessibleName().contains(u"2"_s));
        QSignalSpy spy(m_bar.get(), &StateBar::stalledActivated);
        QTest::mouseClick(chip, Qt::LeftButton);
        QCOMPARE(spy.size(), 1);
        m_bar->setStalledSelected(true);
        QVERIFY(chip->isChecked());
        m_bar->setStalledCount(0);
        QVERIFY(chip->isVisible()); // lit: still there to be clicked off
        m_bar->setStalledSelected(false);
        QVERIFY(chip->isHidden());
    }

    void mouseClicks_data() { addModifierRows(); }
    void mouseClicks()
    {
        QFETCH(TaskState, state);
        QFETCH(Qt::KeyboardModifiers, modifiers);
        QFETCH(QStringList, selected);
        QFETCH(QStringList, excluded);
        QFETCH(StateBar::Action, action);
        m_bar->setSelection(selected, excluded);
        QSignalSpy spy(m_bar.get(), &StateBar::stateActivated);
        QTest::mouseClick(m_bar->chip(state), Qt::LeftButton, modifiers);
        checkActivation(spy, state, action);
        // The bar reports; only setSelection() lights chips (the expression is the single truth).
        QCOMPARE(m_bar->selected(), selected);
        QCOMPARE(m_bar->excluded(), excluded);
    }

    void keys_data() { addModifierRows(); }
    void keys()
    {
        QFETCH(TaskState, state);
        QFETCH(Qt::KeyboardModifiers, modifiers);
        QFETCH(QStringList, selected);
        QFETCH(QStringList, excluded);
        QFETCH(StateBar::Action, action);
        m_bar->setSelection(selected, excluded);
        QAbstractButton *chip = m_bar->chip(state);
        for (const Qt::Key key : {Qt::Key_Space, Qt::Key_Return, Qt::Key_Enter}) {
            QSignalSpy spy(m_bar.get(), &StateBar::stateActivated);
            QTest::keyClick(chip, key, modifiers);
            checkActivation(spy, state, action);
        }
    }

    // Space clicks on release, like every button: a press alone does nothing; the release's modifiers count.
    void spaceClicksOnRelease()
    {
        QAbstractButton *chip = m_bar->chip(TaskState::Completed);
        QSignalSpy spy(m_bar.get(), &StateBar::stateActivated);
        QTest::keyPress(chip, Qt::Key_Space);
        QCOMPARE(spy.count(), 0);
        QVERIFY(chip->isDown());
        QTest::keyRelease(chip, Qt::Key_Space, Qt::AltModifier);
        checkActivation(spy, TaskState::Completed, StateBar::Action::Exclude);
        QVERIFY(!chip->isDown());
    }

    void releaseOutsideIsNoClick()
    {
        QAbstractButton *chip = m_bar->chip(TaskState::Running);
        QSignalSpy spy(m_bar.get(), &StateBar::stateActivated);
        QTest::mousePress(chip, Qt::LeftButton, Qt::ControlModifier);
        QTest::mouseRelease(chip, Qt::LeftButton, Qt::ControlModifier, QPoint(chip->width() + 20, -20));
        QCOMPARE(spy.count(), 0);
        // Nothing stale survives: a later programmatic click (assistive technology) is a plain click.
        chip->click();
        checkActivation(spy, TaskState::Running, StateBar::Action::Only);
    }

    void countsInNamesAndTooltips()
    {
        for (int s = 0; s < TaskStateCount - 1; ++s) {
            const auto state = TaskState(s);
            QAbstractButton *chip = m_bar->chip(state);
            QVERIFY(chip);
            QCOMPARE(m_bar->count(state), sampleCounts()[s]);
            const QString name = TaskFormat::stateName(state, {});
            QCOMPARE(chip->text(), name);
            QCOMPARE(chip->accessibleName(),
                     StateBar::tr("%1: %Ln task(s)", "state chip: a state's name and its count",
                                  sampleCounts()[s])
                         .arg(name));
            QVERIFY2(chip->toolTip().contains(name), qPrintable(chip->toolTip()));
        }
        QCOMPARE(m_bar->chip(TaskState::Failed)->accessibleName(), u"Failed: 3 task(s)"_s);
        QCOMPARE(m_bar->chip(TaskState::Failed)->toolTip(),
                 u"Click: only Failed tasks.\nCtrl+click: add Failed.\nAlt+click: exclude Failed.\n"
                 u"Right-click for a menu."_s);

        // Live: new counts rename at once, and what assistive technology reads follows.
        Counts counts = sampleCounts();
        counts[int(TaskState::Failed)] = 1234;
        m_bar->setCounts(counts);
        QCOMPARE(m_bar->count(TaskState::Failed), 1234);
        const QString expected = u"Failed: "_s + QLocale().toString(1234) + u" task(s)"_s;
        QCOMPARE(m_bar->chip(TaskState::Failed)->accessibleName(), expected);
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(m_bar->chip(TaskState::Failed));
        QVERIFY(iface);
        QCOMPARE(iface->text(QAccessible::Name), expected);
        QVERIFY(!iface->state().checked);
        m_bar->setSelection({u"failed"_s}, {});
        QVERIFY(iface->state().checked);
        QVERIFY(m_bar->chip(TaskState::Failed)->toolTip().contains(u"remove Failed"_s));
        m_bar->setSelection({}, {u"failed"_s});
        QVERIFY(!iface->state().checked);
        QVERIFY(m_bar->chip(TaskState::Failed)->toolTip().contains(u"stop excluding Failed"_s));
    }

    void selectionByApiName()
    {
        m_bar->setSelection({u"running"_s, u"failed"_s, u"bogus"_s}, {u"completed"_s});
        QCOMPARE(m_bar->selected(), QStringList({u"running"_s, u"failed"_s}));
        QCOMPARE(m_bar->excluded(), QStringList({u"completed"_s}));
        QVERIFY(m_bar->chip(TaskState::Running)->isChecked());
        QVERIFY(!m_bar->chip(TaskState::Completed)->isChecked());
        m_bar->setSelection({}, {});
        QVERIFY(m_bar->selected().isEmpty() && m_bar->excluded().isEmpty());
        QVERIFY(!m_bar->chip(TaskState::Running)->isChecked());
    }

    void unknownChipOnlyWithTasks()
    {
        QAbstractButton *other = m_bar->chip(TaskState::Unknown);
        QVERIFY(other);
        QVERIFY(!other->isVisibleTo(m_bar.get()));
        // Zero-count known states stay in place (muted), so that the bar does not jump.
        QVERIFY(m_bar->chip(TaskState::Pausing)->isVisibleTo(m_bar.get()));
        m_bar->resize(m_bar->sizeHint().width() + 400, m_bar->sizeHint().height()); // room for one more chip
        m_bar->layout()->activate();
        const QRect pausedBefore = m_bar->chip(TaskState::Paused)->geometry();

        Counts counts = sampleCounts();
        counts[int(TaskState::Unknown)] = 2;
        m_bar->setCounts(counts);
        QVERIFY(other->isVisibleTo(m_bar.get()));
        QCOMPARE(other->accessibleName(), u"Other: 2 task(s)"_s);
        QTRY_VERIFY(other->geometry().left() > m_bar->chip(TaskState::Failed)->geometry().right());
        QCOMPARE(m_bar->chip(TaskState::Paused)->geometry(), pausedBefore);
        QSignalSpy spy(m_bar.get(), &StateBar::stateActivated);
        QTest::mouseClick(other, Qt::LeftButton, Qt::AltModifier);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QString()); // Unknown's API name is empty
        QCOMPARE(spy.at(0).at(1).value<StateBar::Action>(), StateBar::Action::Exclude);

        // While the expression excludes "other", its chip stays to undo that, even with nothing counted.
        m_bar->setSelection({}, {QString()});
        QCOMPARE(m_bar->excluded(), QStringList({QString()}));
        m_bar->setCounts(sampleCounts());
        QVERIFY(other->isVisibleTo(m_bar.get()));
        m_bar->setSelection({}, {});
        QVERIFY(!other->isVisibleTo(m_bar.get()));
    }

    void oneRowWithAReasonableSize()
    {
        const QFontMetrics fm(m_bar->font());
        const QSize hint = m_bar->sizeHint();
        int chipsWidth = 0;
        for (int s = 0; s < TaskStateCount - 1; ++s) {
            const QSize chipHint = m_bar->chip(TaskState(s))->sizeHint();
            QVERIFY(chipHint.height() >= fm.height() && chipHint.height() <= 3 * fm.height());
            QVERIFY2(chipHint.width() > fm.horizontalAdvance(m_bar->chip(TaskState(s))->text()) + fm.height(),
                     "a chip hint leaves no room for glyph, name and count");
            QVERIFY(m_bar->chip(TaskState(s))->minimumSizeHint().width() < chipHint.width());
            chipsWidth += chipHint.width();
        }
        QVERIFY(hint.width() >= chipsWidth);
        QVERIFY2(hint.width() < chipsWidth + 9 * fm.height(), "too much space between chips");
        QVERIFY(hint.height() < 3 * fm.height());

        for (const int width : {hint.width(), hint.width() + 300, m_bar->minimumSizeHint().width()}) {
            m_bar->resize(width, hint.height());
            QTRY_COMPARE(m_bar->width(), width);
            m_bar->layout()->activate();
            int right = -1;
            for (int s = 0; s < TaskStateCount - 1; ++s) {
                const QRect geometry = m_bar->chip(TaskState(s))->geometry();
                QCOMPARE(geometry.top(), m_bar->chip(TaskState::NotStarted)->geometry().top());
                QVERIFY2(geometry.left() > right, "chips overlap or wrap");
                QVERIFY(geometry.width() > 0 && geometry.right() < width);
                right = geometry.right();
            }
        }
        // At the preferred width every chip gets its whole hint: nothing is elided.
        m_bar->resize(hint);
        m_bar->layout()->activate();
        for (int s = 0; s < TaskStateCount - 1; ++s)
            QCOMPARE(m_bar->chip(TaskState(s))->width(), m_bar->chip(TaskState(s))->sizeHint().width());
    }

    // Counts change at every poll: a chip keeps the room of the widest count it has shown, so that
    // the chips after it do not move back and forth.
    void chipsKeepTheirWidthWhileCountsChange()
    {
        auto counts = sampleCounts();
        counts[int(TaskState::Running)] = 5;
        m_bar->setCounts(counts);
        m_bar->layout()->activate();
        QAbstractButton *running = m_bar->chip(TaskState::Running);
        QAbstractButton *next = m_bar->chip(TaskState(int(TaskState::Running) + 1));
        const int narrow = running->width();
        counts[int(TaskState::Running)] = 1234;
        m_bar->setCounts(counts);
        m_bar->resize(m_bar->sizeHint());
        m_bar->layout()->activate();
        const int wide = running->width();
        const int nextLeft = next->x();
        QVERIFY2(wide > narrow, "a four-digit count needs more room than one digit");
        for (const int count : {5, 0, 99, 1230}) {
            counts[int(TaskState::Running)] = count;
            m_bar->setCounts(counts);
            m_bar->layout()->activate();
            QCOMPARE(running->sizeHint().width(), wide);
            QCOMPARE(running->width(), wide);
            QCOMPARE(next->x(), nextLeft);
        }
        // Another font is measured again: the room follows the count shown from then on.
        QFont larger = running->font();
        larger.setPointSizeF(larger.pointSizeF() * 1.5);
        running->setFont(larger);
        const int widthInLarger = running->sizeHint().width();
        counts[int(TaskState::Running)] = 5;
        m_bar->setCounts(counts);
        QVERIFY(running->sizeHint().width() < widthInLarger);
    }

    void litChipLooksDifferent()
    {
        const QImage unlit = grabChip(TaskState::Failed);
        m_bar->setSelection({u"failed"_s}, {});
        const QImage lit = grabChip(TaskState::Failed);
        m_bar->setSelection({}, {u"failed"_s});
        const QImage excluded = grabChip(TaskState::Failed);
        QCOMPARE(lit.size(), unlit.size());
        QVERIFY(lit != unlit);
        QVERIFY(excluded != unlit && excluded != lit);
        // Lit: the pill is filled with the state's accent (darkened or lightened a little, for the text to
        // reach 4.5:1); unlit only tinted.
        const QColor accent = TaskColors::accent(TaskState::Failed, m_bar->palette());
        const int pixels = lit.width() * lit.height();
        QVERIFY2(countNear(lit, lit.rect(), accent, 60) > pixels / 3,
                 "the lit chip is not filled with its accent");
        QVERIFY(countNear(unlit, unlit.rect(), accent, 60) < pixels / 10);
        QVERIFY(countNear(excluded, excluded.rect(), accent, 60) < pixels / 10);
    }

    // Hover and press are visible, without changing the chip's size.
    void hoverAndPressFeedback()
    {
        QAbstractButton *chip = m_bar->chip(TaskState::Running);
        QTest::mouseMove(m_bar.get(), QPoint(1, m_bar->height() - 1)); // away from every chip
        QTRY_VERIFY(!chip->underMouse());
        const QImage idle = grabChip(TaskState::Running);
        QTest::mouseMove(chip, chip->rect().center());
        QTRY_VERIFY(chip->underMouse());
        const QImage hovered = grabChip(TaskState::Running);
        QCOMPARE(hovered.size(), idle.size());
        QVERIFY(hovered != idle);
        QTest::mousePress(chip, Qt::LeftButton);
        QVERIFY(chip->isDown());
        const QImage pressed = grabChip(TaskState::Running);
        QVERIFY(pressed != hovered && pressed != idle);
        QTest::mouseRelease(chip, Qt::LeftButton);
    }

    void textAndCountArePainted_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }
    void textAndCountArePainted()
    {
        QFETCH(bool, dark);
        if (dark)
            m_bar->setPalette(darkPalette());
        const QPalette palette = m_bar->palette();
        QCOMPARE(TaskColors::isDark(palette), dark);
        const QColor text = palette.color(QPalette::WindowText);
        const QImage chip = grabChip(TaskState::Completed);
        const QFontMetrics fm(m_bar->font());
        // Right of the glyph: the name and the count, in the palette's text colour.
        const QRect textArea(fm.height() * 3 / 2, 0, chip.width() - fm.height() * 3 / 2, chip.height());
        QVERIFY2(countNear(chip, textArea, text, 120) > 15, "no text in the chip");
        // The glyph sits left of the text, in the state's accent.
        const QColor accent = TaskColors::accent(TaskState::Completed, palette);
        QVERIFY(countNear(chip, QRect(0, 0, fm.height() * 3 / 2, chip.height()), accent, 60) > 5);

        // The count is painted: another count, another picture.
        Counts counts = sampleCounts();
        counts[int(TaskState::Completed)] = 7;
        m_bar->setCounts(counts);
        QVERIFY(grabChip(TaskState::Completed) != chip);

        // Lit, the text still reads: the pill holds pixels of one of the palette's text colours.
        m_bar->setSelection({u"completed"_s}, {});
        const QImage lit = grabChip(TaskState::Completed);
        const int readable = qMax(countNear(lit, textArea, text, 90),
                                  countNear(lit, textArea, palette.color(QPalette::Window), 90));
        QVERIFY2(readable > 15, "no readable text on the lit chip");
    }

    void focusIsOneTabStopAndArrows()
    {
        QWidget window;
        auto *layout = new QHBoxLayout(&window);
        auto *before = new QLineEdit(&window);
        auto *bar = new StateBar(&window);
        auto *after = new QLineEdit(&window);
        layout->addWidget(before);
        layout->addWidget(bar);
        layout->addWidget(after);
        bar->setCounts(sampleCounts());
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        before->setFocus();
        QTRY_VERIFY(before->hasFocus());

        QTest::keyClick(before, Qt::Key_Tab);
        QTRY_COMPARE(QApplication::focusWidget(), bar->chip(TaskState::NotStarted));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right);
        QCOMPARE(QApplication::focusWidget(), bar->chip(TaskState::Running));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
        QCOMPARE(QApplication::focusWidget(), bar->chip(TaskState::Completed));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Left);
        QCOMPARE(QApplication::focusWidget(), bar->chip(TaskState::Running));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_End);
        QCOMPARE(QApplication::focusWidget(), bar->chip(TaskState::Failed)); // "other" is hidden
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right);
        QCOMPARE(QApplication::focusWidget(), bar->chip(TaskState::NotStarted)); // wraps
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Left);
        QCOMPARE(QApplication::focusWidget(), bar->chip(TaskState::Failed));

        // The bar is one stop: Tab leaves it, Shift+Tab comes back to the chip focused last.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTRY_COMPARE(QApplication::focusWidget(), after);
        QTest::keyClick(after, Qt::Key_Backtab, Qt::ShiftModifier);
        QTRY_COMPARE(QApplication::focusWidget(), bar->chip(TaskState::Failed));

        // The focused chip says so: a focus ring in the palette's highlight.
        QAbstractButton *focused = bar->chip(TaskState::Failed);
        const QRect chipRect = focused->geometry().translated(bar->pos());
        const QImage withFocus = window.grab(chipRect).toImage().convertToFormat(QImage::Format_RGB32);
        QTest::keyClick(focused, Qt::Key_Left);
        QCOMPARE(QApplication::focusWidget(), bar->chip(TaskState::Cancelled));
        const QImage withoutFocus = window.grab(chipRect).toImage().convertToFormat(QImage::Format_RGB32);
        QVERIFY(withFocus != withoutFocus);
        const QColor highlight = window.palette().color(QPalette::Highlight);
        QVERIFY(countNear(withFocus, withFocus.rect(), highlight, 40)
                > countNear(withoutFocus, withoutFocus.rect(), highlight, 40) + 10);

        // A mouse click does not take the focus from the filter editor.
        after->setFocus();
        QTRY_VERIFY(after->hasFocus());
        QTest::mouseClick(bar->chip(TaskState::Running), Qt::LeftButton);
        QVERIFY(after->hasFocus());
    }

    void contextMenuOffersEveryAction()
    {
        m_bar->setSelection({u"failed"_s}, {});
        QAbstractButton *chip = m_bar->chip(TaskState::Failed);
        QContextMenuEvent event(QContextMenuEvent::Keyboard, QPoint(5, 5), chip->mapToGlobal(QPoint(5, 5)));
        QApplication::sendEvent(chip, &event);
        auto *menu = m_bar->findChild<QMenu *>();
        QVERIFY(menu);
        const QList<QAction *> actions = menu->actions();
        QCOMPARE(actions.size(), 4);
        QList<StateBar::Action> kinds;
        for (const QAction *action : actions) {
            QVERIFY(action->text().contains(u"Failed"_s));
            kinds << action->data().value<StateBar::Action>();
        }
        QCOMPARE(kinds, QList<StateBar::Action>({StateBar::Action::Only, StateBar::Action::Add,
                                                 StateBar::Action::Exclude, StateBar::Action::Remove}));
        QVERIFY(!actions[1]->isEnabled()); // already lit: nothing to add
        QVERIFY(actions[3]->isEnabled());
        QSignalSpy spy(m_bar.get(), &StateBar::stateActivated);
        actions[2]->trigger();
        checkActivation(spy, TaskState::Failed, StateBar::Action::Exclude);
        menu->close();
    }

};

QTEST_MAIN(TestStateBar)
#include "tst_statebar.moc"
