// Notifiers on a real session bus (ctest runs this under dbus-run-session with a private bus): what
// DBusNotifier sends to org.freedesktop.Notifications, replaces-id, actions back to the window,
// escaping, the choice of backend, and the tray fallback.
#include "attentionsettings.h"
#include "dbusnotifier.h"
#include "notificationservice.h"
#include "notifierchoice.h"
#include "traynotifier.h"

#include <QApplication>
#include <QDBusMessage>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>

using namespace Taskscope;
using namespace Qt::StringLiterals;

namespace {

NotificationMessage failure(const QString &key, const QStringList &taskIds = {u"task-1"_s})
{
    NotificationMessage message;
    message.key = key;
    message.title = u"Backup failed on prod-east"_s;
    message.body = u"wordpress: the snapshot could not be taken"_s;
    message.urgency = NotificationMessage::Urgency::Critical;
    message.taskIds = taskIds;
    message.ruleId = u"default-fails"_s;
    message.at = QDateTime(QDate(2026, 12, 3), QTime(14, 2), Qt::UTC);
    return message;
}

bool activatable()
{
    const QString daemon = u"org.freedesktop.DBus"_s;
    const QDBusMessage reply = QDBusConnection::sessionBus().call(
        QDBusMessage::createMethodCall(daemon, u"/org/freedesktop/DBus"_s, daemon, u"ListActivatableNames"_s));
    return !reply.arguments().isEmpty()
           && reply.arguments().constFirst().toStringList().contains(NotificationService::serviceName());
}

} // namespace

class TestNotifier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QDBusConnection::sessionBus().isConnected(),
                 "no session bus: run through ctest (dbus-run-session with tests/dbus-session.conf)");
        if (QDBusConnection::sessionBus().interface()->isServiceRegistered(NotificationService::serviceName()))
            QSKIP("a notification server already owns the name: run through ctest (a private bus)");
    }

    void sendsTitleBodyUrgencyActionsAndHints()
    {
        NotificationService service;
        QVERIFY(service.start());
        DBusNotifier notifier;
        QVERIFY(notifier.isAvailable());
        QCOMPARE(notifier.backendName(), u"Desktop notifications (D-Bus)"_s);

        notifier.show(failure(u"task-1"_s));
        QTRY_COMPARE(service.notifications().size(), 1);
        const RecordedNotification sent = service.notifications().constFirst();
        QCOMPARE(sent.appName, u"Taskscope"_s);
        QCOMPARE(sent.replacesId, 0u);
        QCOMPARE(sent.appIcon, u"io.github.taskscope.Taskscope"_s);
        QCOMPARE(sent.summary, u"Backup failed on prod-east"_s);
        QCOMPARE(sent.body, u"wordpress: the snapshot could not be taken"_s);
        QCOMPARE(sent.actionKeys(), (QStringList{u"default"_s, u"show"_s, u"mute"_s}));
        QCOMPARE(sent.actionLabel(u"show"_s), u"Show"_s);
        QCOMPARE(sent.actionLabel(u"default"_s), u"Show"_s);
        QCOMPARE(sent.actionLabel(u"mute"_s), u"Mute this rule"_s);
        QCOMPARE(sent.hints.value(u"urgency"_s).typeId(), QMetaType::UChar); // a D-Bus byte
        QCOMPARE(sent.hints.value(u"urgency"_s).toInt(), 2);
        QCOMPARE(sent.hints.value(u"desktop-entry"_s).toString(), u"io.github.taskscope.Taskscope"_s);
        QCOMPARE(sent.hints.value(u"category"_s).toString(), u"transfer.error"_s);
        QCOMPARE(sent.timeout, -1);

        NotificationMessage normal = failure(u"task-2"_s);
        normal.urgency = NotificationMessage::Urgency::Normal;
        normal.title = u"Backup completed"_s;
        notifier.show(normal);
        NotificationMessage low = failure(u"task-3"_s);
        low.urgency = NotificationMessage::Urgency::Low;
        notifier.show(low);
        QTRY_COMPARE(service.notifications().size(), 3);
        QCOMPARE(service.notifications().at(1).summary, u"Backup completed"_s);
        QCOMPARE(service.notifications().at(1).hints.value(u"urgency"_s).toInt(), 1);
        QVERIFY(!service.notifications().at(1).hints.contains(u"category"_s)); // not a failure
        QCOMPARE(service.notifications().at(2).hints.value(u"urgency"_s).toInt(), 0);
        QCOMPARE(service.capabilityQueries(), 1); // asked once, not per message
    }

    void replacesIdForTheSameKeyOnly()
    {
        NotificationService service;
        QVERIFY(service.start());
        DBusNotifier notifier;

        notifier.show(failure(u"task-1"_s));
        QTRY_COMPARE(service.notifications().size(), 1);
        const uint first = service.notifications().at(0).id;
        QTRY_COMPARE(notifier.notificationId(u"task-1"_s), first);

        NotificationMessage update = failure(u"task-1"_s);
        update.title = u"Backup failed again"_s;
        notifier.show(update);
        notifier.show(failure(u"task-9"_s));
        QTRY_COMPARE(service.notifications().size(), 3);
        QCOMPARE(service.notifications().at(1).summary, u"Backup failed again"_s);
        QCOMPARE(service.notifications().at(1).replacesId, first);
        QCOMPARE(service.notifications().at(1).id, first);
        QCOMPARE(service.notifications().at(2).replacesId, 0u); // another key: a new notification
        QVERIFY(service.notifications().at(2).id != first);
    }

    void aKeyInFlightSendsOnlyItsNewestMessageWithTheId()
    {
        NotificationService service;
        QVERIFY(service.start());
        DBusNotifier notifier;
        // Three updates before the server answered the first: the id to replace is not known yet.
        NotificationMessage a = failure(u"task-1"_s), b = a, c = a;
        a.title = u"one"_s;
        b.title = u"two"_s;
        c.title = u"three"_s;
        notifier.show(a);
        notifier.show(b);
        notifier.show(c);
        QTRY_COMPARE(service.notifications().size(), 2);
        QCOMPARE(service.notifications().at(0).summary, u"one"_s);
        QCOMPARE(service.notifications().at(1).summary, u"three"_s);
        QCOMPARE(service.notifications().at(1).replacesId, service.notifications().at(0).id);
        // Nothing else comes: a later message of another key arrives third.
        notifier.show(failure(u"task-2"_s));
        QTRY_COMPARE(service.notifications().size(), 3);
        QCOMPARE(service.notifications().at(2).replacesId, 0u);
    }

    void aClosedNotificationIsNotReplaced()
    {
        NotificationService service;
        QVERIFY(service.start());
        DBusNotifier notifier;
        notifier.show(failure(u"task-1"_s));
        QTRY_VERIFY(notifier.notificationId(u"task-1"_s) != 0);
        service.closeNotification(notifier.notificationId(u"task-1"_s));
        QTRY_COMPARE(notifier.notificationId(u"task-1"_s), 0u);
        notifier.show(failure(u"task-1"_s));
        QTRY_COMPARE(service.notifications().size(), 2);
        QCOMPARE(service.notifications().at(1).replacesId, 0u);
    }

    void showAndDefaultActionsRequestTheFirstTask()
    {
        NotificationService service;
        QVERIFY(service.start());
        DBusNotifier notifier;
        QSignalSpy shown(&notifier, &Notifier::showRequested);
        QSignalSpy muted(&notifier, &Notifier::muteRequested);
        notifier.show(failure(u"group"_s, {u"task-7"_s, u"task-8"_s}));
        QTRY_VERIFY(notifier.notificationId(u"group"_s) != 0);
        const uint id = notifier.notificationId(u"group"_s);

        service.invokeAction(id + 1000, u"show"_s); // another application's notification: ignored
        service.invokeAction(id, u"show"_s);
        QTRY_COMPARE(shown.size(), 1);
        QCOMPARE(shown.at(0).at(0).toString(), u"task-7"_s);
        service.invokeAction(id, u"default"_s); // a click on the notification itself
        QTRY_COMPARE(shown.size(), 2);
        QCOMPARE(shown.at(1).at(0).toString(), u"task-7"_s);
        QCOMPARE(muted.size(), 0);
    }

    void muteActionRequestsTheRule()
    {
        NotificationService service;
        QVERIFY(service.start());
        DBusNotifier notifier;
        QSignalSpy shown(&notifier, &Notifier::showRequested);
        QSignalSpy muted(&notifier, &Notifier::muteRequested);
        NotificationMessage stalled = failure(u"task-3"_s, {u"task-3"_s});
        stalled.ruleId = u"rule-stalls"_s;
        notifier.show(stalled);
        QTRY_VERIFY(notifier.notificationId(u"task-3"_s) != 0);
        service.invokeAction(notifier.notificationId(u"task-3"_s), u"mute"_s);
        QTRY_COMPARE(muted.size(), 1);
        QCOMPARE(muted.at(0).at(0).toString(), u"rule-stalls"_s);
        QCOMPARE(shown.size(), 0);
    }

    void theTestMessageHasNoMuteAction()
    {
        NotificationService service;
        QVERIFY(service.start());
        DBusNotifier notifier;
        QSignalSpy shown(&notifier, &Notifier::showRequested);
        const NotificationMessage test = AttentionSettings::testMessage();
        QVERIFY(test.ruleId.isEmpty());
        notifier.show(test);
        QTRY_COMPARE(service.notifications().size(), 1);
        QCOMPARE(service.notifications().at(0).actionKeys(), (QStringList{u"default"_s, u"show"_s}));
        QCOMPARE(service.notifications().at(0).summary, test.title);
        QCOMPARE(service.notifications().at(0).hints.value(u"urgency"_s).toInt(), 1);
        // Show on a message without a task selects nothing.
        service.invokeAction(service.notifications().at(0).id, u"show"_s);
        service.invokeAction(service.notifications().at(0).id, u"mute"_s);
        notifier.show(failure(u"after"_s));
        QTRY_COMPARE(service.notifications().size(), 2);
        QTRY_VERIFY(notifier.notificationId(u"after"_s) != 0);
        service.invokeAction(notifier.notificationId(u"after"_s), u"show"_s);
        QTRY_COMPARE(shown.size(), 1); // only the last one: the test message's actions asked for nothing
        QCOMPARE(shown.at(0).at(0).toString(), u"task-1"_s);
    }

    void theBodyIsEscapedWhenTheServerReadsMarkup_data()
    {
        QTest::addColumn<QStringList>("capabilities");
        QTest::addColumn<QString>("body");
        QTest::newRow("plain") << QStringList{u"actions"_s, u"body"_s} << u"a <b>bold</b> & 'x'"_s;
        QTest::newRow("markup") << QStringList{u"actions"_s, u"body"_s, u"body-markup"_s}
                                << u"a &lt;b&gt;bold&lt;/b&gt; &amp; 'x'"_s;
    }

    void theBodyIsEscapedWhenTheServerReadsMarkup()
    {
        QFETCH(QStringList, capabilities);
        QFETCH(QString, body);
        NotificationService service(capabilities);
        QVERIFY(service.start());
        DBusNotifier notifier;
        NotificationMessage message = failure(u"task-1"_s);
        message.title = u"<i>not markup</i>"_s;
        message.body = u"a <b>bold</b> & 'x'"_s;
        notifier.show(message); // sent once the capabilities are known
        QTRY_COMPARE(service.notifications().size(), 1);
        QVERIFY(notifier.capabilitiesKnown());
        QCOMPARE(notifier.capabilities(), capabilities);
        QCOMPARE(service.notifications().at(0).body, body);
        QCOMPARE(service.notifications().at(0).summary, u"<i>not markup</i>"_s); // the summary is never markup
    }

    void chooserPicksDBusOnlyWhenTheServiceIsOnTheBus()
    {
        QObject owner;
        QSystemTrayIcon tray;
        // Offscreen has no tray: without the service nothing can be shown, and the settings say so.
        QVERIFY(!QSystemTrayIcon::isSystemTrayAvailable());
        Notifier *none = createNotifier(&tray, &owner);
        QVERIFY(qobject_cast<UnavailableNotifier *>(none));
        QVERIFY(!none->isAvailable());
        QCOMPARE(none->backendName(), u"No notification service"_s);
        none->show(failure(u"task-1"_s)); // harmless

        NotificationService service;
        QVERIFY(service.start());
        Notifier *dbus = createNotifier(&tray, &owner);
        QVERIFY(qobject_cast<DBusNotifier *>(dbus));
        QVERIFY(dbus->isAvailable());
        QCOMPARE(dbus->parent(), &owner);

        service.stop(); // the server left
        QTRY_VERIFY(!dbus->isAvailable());
        QVERIFY(qobject_cast<UnavailableNotifier *>(createNotifier(nullptr, &owner)));

        QVERIFY(service.start()); // and came back
        QTRY_VERIFY(dbus->isAvailable());
        QTRY_COMPARE(service.capabilityQueries(), 2); // the new server is asked again
    }

    void noBusIsNoCrash()
    {
        const QDBusConnection nobus =
            QDBusConnection::connectToBus(u"unix:path=/nonexistent/taskscope-test-bus"_s, u"taskscope-no-bus"_s);
        QVERIFY(!nobus.isConnected());
        QVERIFY(!DBusNotifier::isServiceOnBus(nobus));
        QObject owner;
        Notifier *chosen = createNotifier(nullptr, &owner, nobus);
        QVERIFY(qobject_cast<UnavailableNotifier *>(chosen));
        DBusNotifier direct(nobus);
        QVERIFY(!direct.isAvailable());
        direct.show(failure(u"task-1"_s));
        QCOMPARE(direct.notificationId(u"task-1"_s), 0u);
        QDBusConnection::disconnectFromBus(u"taskscope-no-bus"_s);
    }

    void anActivatableServiceCountsAsOnTheBus()
    {
        // Registered as tst_notifier_activatable: its bus can start a server that fails at once.
        if (!activatable())
            QSKIP("the bus has no activatable notification server (tst_notifier_activatable runs this)");
        QVERIFY(!QDBusConnection::sessionBus().interface()->isServiceRegistered(NotificationService::serviceName()));
        QVERIFY(DBusNotifier::isServiceOnBus(QDBusConnection::sessionBus()));
        QObject owner;
        auto *notifier = qobject_cast<DBusNotifier *>(createNotifier(nullptr, &owner));
        QVERIFY(notifier);
        QVERIFY(notifier->isAvailable());
        // The server cannot start: GetCapabilities fails (plain text then), the message is still
        // tried, fails quietly and leaves no id behind.
        notifier->show(failure(u"task-1"_s));
        QTRY_VERIFY(notifier->capabilitiesKnown());
        QVERIFY(notifier->capabilities().isEmpty());
        QCOMPARE(notifier->notificationId(u"task-1"_s), 0u);
    }

    void trayMessagesShowTheLastMessagesTask()
    {
        QSystemTrayIcon tray;
        TrayNotifier notifier(&tray);
        QCOMPARE(notifier.backendName(), u"Tray icon messages"_s);
        QVERIFY(!notifier.isAvailable()); // offscreen: no tray
        QSignalSpy shown(&notifier, &Notifier::showRequested);
        Q_EMIT tray.messageClicked(); // nothing shown yet: nothing to select
        QCOMPARE(shown.size(), 0);
        notifier.show(failure(u"a"_s, {u"task-1"_s}));
        notifier.show(failure(u"b"_s, {u"task-5"_s, u"task-6"_s}));
        QVERIFY(notifier.lastMessage());
        QCOMPARE(notifier.lastMessage()->key, u"b"_s);
        Q_EMIT tray.messageClicked();
        QCOMPARE(shown.size(), 1);
        QCOMPARE(shown.at(0).at(0).toString(), u"task-5"_s);
    }
};

QTEST_MAIN(TestNotifier)
#include "tst_notifier.moc"
