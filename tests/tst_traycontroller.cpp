// The tray icon without a tray (offscreen): its tooltip, menu, last events and the painted icon.
#include "taskformat.h"
#include "traycontroller.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTest>

using namespace Taskscope;
using namespace Qt::StringLiterals;

namespace {

std::array<int, TaskStateCount> counts(int running, int failed, int completed)
{
    std::array<int, TaskStateCount> counts{};
    counts[size_t(TaskState::Running)] = running;
    counts[size_t(TaskState::Failed)] = failed;
    counts[size_t(TaskState::Completed)] = completed;
    return counts;
}

AttentionItem item(int n, AttentionEvent event = AttentionEvent::Fails)
{
    AttentionItem item;
    item.taskId = u"task-%1"_s.arg(n);
    item.event = event;
    item.ruleId = u"default-fails"_s;
    item.taskTitle = u"Backup %1"_s.arg(n);
    item.appName = u"wordpress"_s;
    item.reason = u"Snapshot failed"_s;
    item.at = QDateTime(QDate(2026, 12, 3), QTime(14, n), Qt::UTC);
    return item;
}

QStringList texts(const QList<QAction *> &actions)
{
    QStringList texts;
    for (const QAction *action : actions) {
        if (!action->isSeparator() && action->isVisible())
            texts << action->text();
    }
    return texts;
}

} // namespace

class TestTrayController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void tooltipCountsTasksPerState()
    {
        TrayController tray;
        QCOMPARE(tray.toolTip(), u"Taskscope\nNo tasks"_s);
        tray.setCounts(counts(3, 2, 40));
        const QString tip = tray.toolTip();
        QVERIFY2(tip.contains(TaskFormat::stateName(TaskState::Running, QString()) + u": 3"_s), qPrintable(tip));
        QVERIFY2(tip.contains(TaskFormat::stateName(TaskState::Failed, QString()) + u": 2"_s), qPrintable(tip));
        QVERIFY2(tip.contains(TaskFormat::stateName(TaskState::Completed, QString()) + u": 40"_s), qPrintable(tip));
        QVERIFY(!tip.contains(TaskFormat::stateName(TaskState::Paused, QString()))); // none: not listed
        QVERIFY(!tip.contains(u"not yet seen"_s));
        tray.setUnseenFailures(2);
        QVERIFY(tray.toolTip().contains(TrayController::tr("%n failure(s) not yet seen", nullptr, 2)));
        QCOMPARE(tray.trayIcon()->toolTip(), tray.toolTip());
        tray.setUnseenFailures(1);
        QVERIFY(tray.toolTip().contains(TrayController::tr("%n failure(s) not yet seen", nullptr, 1)));
        QVERIFY(tray.toolTip().contains(u"1 failure"_s));
    }

    void menuEntries()
    {
        TrayController tray;
        QAction pause(u"&Pause Polling"_s);
        pause.setCheckable(true);
        tray.setPauseAction(&pause);
        QCOMPARE(tray.trayIcon()->contextMenu(), tray.menu());
        QCOMPARE(texts(tray.menu()->actions()),
                 (QStringList{u"&Hide Window"_s, u"&Pause Polling"_s, u"No events yet"_s, u"&Quit"_s}));
        QVERIFY(tray.menu()->actions().at(3)->isSeparator()); // the events' section title
        QCOMPARE(tray.menu()->actions().at(3)->text(), u"Recent Events"_s);
        tray.setWindowShown(false);
        QCOMPARE(tray.showHideAction()->text(), u"&Show Window"_s);

        QSignalSpy toggle(&tray, &TrayController::toggleWindowRequested);
        QSignalSpy quit(&tray, &TrayController::quitRequested);
        tray.showHideAction()->trigger();
        QCOMPARE(toggle.size(), 1);
        Q_EMIT tray.trayIcon()->activated(QSystemTrayIcon::Trigger); // a click on the icon
        QCOMPARE(toggle.size(), 2);
        Q_EMIT tray.trayIcon()->activated(QSystemTrayIcon::Context); // the menu opens: no toggle
        QCOMPARE(toggle.size(), 2);
        tray.quitAction()->trigger();
        QCOMPARE(quit.size(), 1);

        // The window's action itself: triggering it from the tray pauses the window's polling.
        QVERIFY(tray.menu()->actions().contains(&pause));
        QAction other(u"Resume"_s);
        tray.setPauseAction(&other);
        QVERIFY(!tray.menu()->actions().contains(&pause));
        QCOMPARE(tray.menu()->actions().indexOf(&other), 1);
    }

    void keepsTheLastFiveEvents()
    {
        TrayController tray;
        QSignalSpy show(&tray, &TrayController::showRequested);
        tray.addEvents({item(1), item(2), item(3)});
        QCOMPARE(tray.eventActions().size(), 3);
        QVERIFY(!texts(tray.menu()->actions()).contains(u"No events yet"_s));
        tray.addEvents({item(4), item(5)});
        QCOMPARE(tray.eventActions().size(), 5);
        tray.addEvents({item(6, AttentionEvent::Stalls)}); // the sixth pushes out the oldest
        QCOMPARE(tray.eventActions().size(), TrayController::maxEvents());
        QStringList ids;
        for (const AttentionItem &event : tray.events())
            ids << event.taskId;
        QCOMPARE(ids, (QStringList{u"task-6"_s, u"task-5"_s, u"task-4"_s, u"task-3"_s, u"task-2"_s}));

        // Newest first, in the menu between the title and Quit.
        const QStringList menu = texts(tray.menu()->actions());
        QCOMPARE(menu.size(), 1 + 5 + 1);
        QVERIFY2(menu.at(1).contains(u"Backup 6 of wordpress stalled"_s), qPrintable(menu.at(1)));
        QVERIFY2(menu.at(2).contains(u"Backup 5 of wordpress failed"_s), qPrintable(menu.at(2)));
        QVERIFY(!menu.join(u'|').contains(u"Backup 1 "_s));
        QCOMPARE(tray.eventActions().at(0)->toolTip(), u"Snapshot failed"_s);

        tray.eventActions().at(1)->trigger();
        QCOMPARE(show.size(), 1);
        QCOMPARE(show.at(0).at(0).toString(), u"task-5"_s);
    }

    void eventTextsSayWhatHappened()
    {
        AttentionItem event = item(7, AttentionEvent::Completes);
        event.at = {};
        QCOMPARE(TrayController::eventText(event), u"Backup 7 of wordpress completed"_s);
        event.appName.clear();
        event.event = AttentionEvent::Starts;
        QCOMPARE(TrayController::eventText(event), u"Backup 7 started"_s);
        event.taskTitle.clear();
        event.event = AttentionEvent::Ends;
        QCOMPARE(TrayController::eventText(event), u"task-7 ended"_s);
        // A title's "&" is shown, not taken for a mnemonic.
        TrayController tray;
        AttentionItem amp = item(8);
        amp.taskTitle = u"Backup & restore"_s;
        tray.addEvents({amp});
        QVERIFY(tray.eventActions().at(0)->text().contains(u"Backup && restore"_s));
    }

    void iconShowsTheWorstStateAndTheUnseenCount()
    {
        TrayController tray;
        QCOMPARE(tray.mark(), TrayController::Mark::Idle);
        const QImage idle = tray.iconImage();
        QVERIFY(!idle.isNull());
        QCOMPARE(idle.size(), QSize(64, 64));

        tray.setCounts(counts(2, 0, 5));
        QCOMPARE(tray.mark(), TrayController::Mark::Running);
        const QImage running = tray.iconImage();

        tray.setCounts(counts(2, 1, 5)); // a failure is worse than running
        QCOMPARE(tray.mark(), TrayController::Mark::Failed);
        const QImage failed = tray.iconImage();

        tray.setUnseenFailures(3);
        const QImage failedUnseen = tray.iconImage();
        tray.setUnseenFailures(120);
        const QImage failedMany = tray.iconImage();

        tray.setCounts(counts(0, 0, 5));
        tray.setUnseenFailures(0);
        QCOMPARE(tray.mark(), TrayController::Mark::Idle);
        QCOMPARE(tray.iconImage(), idle); // back to idle: the same picture

        const QList<QImage> images{idle, running, failed, failedUnseen, failedMany};
        for (int i = 0; i < images.size(); ++i) {
            for (int j = i + 1; j < images.size(); ++j)
                QVERIFY2(images.at(i) != images.at(j), qPrintable(u"images %1 and %2 are equal"_s.arg(i).arg(j)));
        }
        // Not colour alone: seen in grey, the running and failure marks still differ.
        const auto grey = [](const QImage &image) { return image.convertToFormat(QImage::Format_Grayscale8); };
        QVERIFY(grey(running) != grey(failed));
        // The mark sits at the bottom right; the badge at the top right leaves the mark alone.
        const QRect markArea(40, 40, 24, 24);
        QCOMPARE(failed.copy(markArea), failedUnseen.copy(markArea));
        QVERIFY(idle.copy(markArea) != failed.copy(markArea));
        QVERIFY(failed.copy(QRect(40, 0, 24, 20)) != failedUnseen.copy(QRect(40, 0, 24, 20)));
        // Every size a panel asks for is painted.
        QCOMPARE(TrayController::renderIcon(TrayController::Mark::Failed, 4, 16).size(), QSize(16, 16));
        QVERIFY(!tray.trayIcon()->icon().isNull());
    }
};

QTEST_MAIN(TestTrayController)
#include "tst_traycontroller.moc"
