// Notifications end to end: the demo server as its own process, with faults; the window's whole
// pipeline (client, diff, model, attention engine, the notifier it chooses); and a notification
// server on a real session bus (dbus-run-session), which records what it is told.
#include "attention.h"
#include "attentioncontroller.h"
#include "connectionconfig.h"
#include "demoprocess.h"
#include "mainwindow.h"
#include "notificationservice.h"
#include "tasktreemodel.h"
#include "tasktreeview.h"

#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace Taskscope;
using namespace Qt::StringLiterals;

namespace {

const QString kToken = u"0123456789abcdef0123456789abcdef"_s;

QList<RecordedNotification> critical(const NotificationService &service)
{
    QList<RecordedNotification> found;
    for (const RecordedNotification &notification : service.notifications()) {
        if (notification.hints.value(u"urgency"_s).toInt() == 2)
            found.append(notification);
    }
    return found;
}

QSet<QString> failedIds(const TaskTreeModel &model)
{
    QSet<QString> ids;
    model.forEachTask([&ids](const Task &task) {
        if (task.state == TaskState::Failed)
            ids.insert(task.id);
    });
    return ids;
}

} // namespace

class TestAttentionDemo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    // The backup the demo fails within seconds is notified once (not again at later polls, nor
    // after failed polls and their resyncs), as a critical message with Show and Mute; failures
    // of the first snapshot are not news; Show selects the task; Mute mutes the rule, saved.
    void aFailureIsNotifiedOnce()
    {
        NotificationService service;
        QVERIFY(service.start());
        QProcess demo;
        const DemoEndpoint endpoint = startDemoServer(
            demo, QStringLiteral(TASKSCOPE_DEMO_SERVER),
            {u"--port"_s, u"0"_s, u"--tasks"_s, u"80"_s, u"--speed"_s, u"10"_s, u"--seed"_s, u"11"_s,
             u"--fail-within"_s, u"8"_s, u"--error-rate"_s, u"0.2"_s, u"--token"_s, kToken});
        QVERIFY(endpoint.isValid());

        MainWindow window; // chooses its notifier now: the service is on the bus
        QVERIFY(window.attention()->notifier()->isAvailable());
        QCOMPARE(window.attention()->notifier()->metaObject()->className(), "Taskscope::DBusNotifier");
        ConnectionConfig config;
        config.baseUrl = QUrl(endpoint.url);
        config.accountId = endpoint.account;
        config.pollIntervalMs = 400;
        config.backoffInitialMs = 200;
        config.backoffMaxMs = 400;
        window.connectTo(config, kToken, u"demo process"_s);
        QTRY_VERIFY_WITH_TIMEOUT(window.snapshotsApplied() >= 1, 20000);
        const QSet<QString> failedAtStart = failedIds(*window.model());
        QVERIFY(!failedAtStart.isEmpty()); // the demo's list starts with failures of its past
        QVERIFY(critical(service).isEmpty()); // ...which are not news

        QTRY_VERIFY_WITH_TIMEOUT(!critical(service).isEmpty(), 40000);
        const RecordedNotification failure = critical(service).first();
        QCOMPARE(failure.appName, u"Taskscope"_s);
        QVERIFY2(failure.summary.contains(u"failed"_s), qPrintable(failure.summary));
        QVERIFY(!failure.body.isEmpty());
        QVERIFY(failure.actionKeys().contains(u"show"_s));
        QVERIFY(failure.actionKeys().contains(u"mute"_s));
        QCOMPARE(failure.replacesId, 0u);

        // Later polls, failed ones among them (20% are answered 500/503), tell it no more.
        const int polls = window.snapshotsApplied();
        QTRY_VERIFY_WITH_TIMEOUT(window.snapshotsApplied() >= polls + 8, 30000);
        int same = 0;
        for (const RecordedNotification &notification : service.notifications())
            same += notification.summary == failure.summary && notification.body == failure.body;
        QCOMPARE(same, 1);

        // Show: the window selects a task that failed after the first snapshot.
        service.invokeAction(failure.id, u"show"_s);
        QTRY_VERIFY(window.view()->currentIndex().isValid());
        const QString shown = window.view()->currentIndex().data(TaskTreeModel::IdRole).toString();
        QVERIFY(!failedAtStart.contains(shown));
        QVERIFY(failedIds(*window.model()).contains(shown));
        QVERIFY(!window.model()->unseenFailures().contains(shown)); // selected: seen

        // Mute this rule: muted, and saved.
        service.invokeAction(failure.id, u"mute"_s);
        const auto muted = [&window] {
            for (const AttentionRule &rule : window.attention()->engine()->rules()) {
                if (rule.muted)
                    return true;
            }
            return false;
        };
        QTRY_VERIFY(muted());
        QSettings settings;
        const QList<AttentionRule> saved = loadAttentionRules(settings);
        QVERIFY(std::any_of(saved.cbegin(), saved.cend(), [](const AttentionRule &rule) { return rule.muted; }));
        demo.kill();
        demo.waitForFinished();
    }
};

QTEST_MAIN(TestAttentionDemo)
#include "tst_attentiondemo.moc"
