// Settings › Notifications: the rules table, the rule editor and its filter check, defaults, the test button.
#include "attentionruledialog.h"
#include "attentionsettings.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>

using namespace Taskscope;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Taskscope::NotificationMessage)

namespace {

QString cell(const AttentionSettings &dialog, int row, int column)
{
    const QTableWidgetItem *item = dialog.table()->item(row, column);
    return item ? item->text() : QString();
}

AttentionRule rule(const QString &id, AttentionEvent event, const QString &filter, const QString &connection = {})
{
    AttentionRule rule;
    rule.id = id;
    rule.event = event;
    rule.filter = filter;
    rule.connection = connection;
    return rule;
}

} // namespace

class TestAttentionSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void listsTheRules()
    {
        AttentionSettings dialog;
        AttentionRule muted = rule(u"r2"_s, AttentionEvent::Completes, u"name in 'backup'"_s, u"prod-east"_s);
        muted.muted = true;
        muted.watchedOnly = true;
        dialog.setRules({rule(u"r1"_s, AttentionEvent::Fails, QString()), muted});
        QCOMPARE(dialog.table()->rowCount(), 2);
        QCOMPARE(dialog.table()->item(0, AttentionSettings::EnabledColumn)->checkState(), Qt::Checked);
        QCOMPARE(cell(dialog, 0, AttentionSettings::EventColumn), attentionEventText(AttentionEvent::Fails));
        QCOMPARE(cell(dialog, 0, AttentionSettings::FilterColumn), u"Any task"_s);
        QCOMPARE(cell(dialog, 0, AttentionSettings::ConnectionColumn), u"Any connection"_s);
        QCOMPARE(cell(dialog, 0, AttentionSettings::WatchedColumn), u"No"_s);
        QCOMPARE(dialog.table()->item(1, AttentionSettings::EnabledColumn)->checkState(), Qt::Unchecked);
        QCOMPARE(cell(dialog, 1, AttentionSettings::FilterColumn), u"name in 'backup'"_s);
        QCOMPARE(cell(dialog, 1, AttentionSettings::ConnectionColumn), u"prod-east"_s);
        QCOMPARE(cell(dialog, 1, AttentionSettings::WatchedColumn), u"Yes"_s);

        // The checkbox mutes and unmutes.
        dialog.table()->item(1, AttentionSettings::EnabledColumn)->setCheckState(Qt::Checked);
        dialog.table()->item(0, AttentionSettings::EnabledColumn)->setCheckState(Qt::Unchecked);
        QCOMPARE(dialog.rules().at(1).muted, false);
        QCOMPARE(dialog.rules().at(0).muted, true);
        QCOMPARE(dialog.rules().at(1).filter, u"name in 'backup'"_s); // the rest untouched
    }

    void addEditRemove()
    {
        AttentionSettings dialog;
        dialog.setConnectionNames({u"prod-east"_s, u"lab"_s});
        dialog.setRules(defaultAttentionRules());
        dialog.show();
        QVERIFY(!dialog.editButton()->isEnabled()); // nothing selected
        QVERIFY(!dialog.removeButton()->isEnabled());

        // Add: the editor opens without blocking; OK adds the rule.
        QTest::mouseClick(dialog.addButton(), Qt::LeftButton);
        QPointer<AttentionRuleDialog> editor = dialog.ruleEditor();
        QVERIFY(editor);
        QVERIFY(editor->isVisible());
        QCOMPARE(editor->connectionCombo()->itemText(0), u"Any connection"_s);
        QCOMPARE(editor->connectionCombo()->count(), 3);
        QCOMPARE(editor->eventCombo()->count(), 5); // fails, completes, ends, stalls, starts
        QCOMPARE(editor->eventCombo()->itemText(4), attentionEventText(AttentionEvent::Starts));
        editor->eventCombo()->setCurrentIndex(editor->eventCombo()->findData(int(AttentionEvent::Completes)));
        editor->filterEdit()->setText(u"name in 'backup'"_s);
        editor->connectionCombo()->setCurrentIndex(2);
        editor->watchedOnlyBox()->setChecked(true);
        QTest::mouseClick(editor->okButton(), Qt::LeftButton);
        QTRY_VERIFY(!editor); // closed and deleted
        QCOMPARE(dialog.rules().size(), 4);
        const AttentionRule added = dialog.rules().at(3);
        QVERIFY(!added.id.isEmpty());
        QVERIFY(added.id != dialog.rules().at(0).id);
        QCOMPARE(added.event, AttentionEvent::Completes);
        QCOMPARE(added.filter, u"name in 'backup'"_s);
        QCOMPARE(added.connection, u"lab"_s);
        QVERIFY(added.watchedOnly);
        QVERIFY(!added.muted);
        QCOMPARE(dialog.table()->rowCount(), 4);
        QCOMPARE(dialog.table()->currentRow(), 3); // the new rule is selected
        QVERIFY(dialog.editButton()->isEnabled());

        // Edit: the editor shows the rule; OK changes it in place, id kept.
        QTest::mouseClick(dialog.editButton(), Qt::LeftButton);
        editor = dialog.ruleEditor();
        QVERIFY(editor);
        QCOMPARE(editor->filterEdit()->text(), u"name in 'backup'"_s);
        QCOMPARE(editor->connectionCombo()->currentText(), u"lab"_s);
        QVERIFY(editor->watchedOnlyBox()->isChecked());
        editor->filterEdit()->setText(u"state eq 'failed'"_s);
        editor->connectionCombo()->setCurrentIndex(0);
        QTest::mouseClick(editor->okButton(), Qt::LeftButton);
        QTRY_VERIFY(!editor);
        QCOMPARE(dialog.rules().size(), 4);
        QCOMPARE(dialog.rules().at(3).id, added.id);
        QCOMPARE(dialog.rules().at(3).filter, u"state eq 'failed'"_s);
        QCOMPARE(dialog.rules().at(3).connection, QString());
        QCOMPARE(cell(dialog, 3, AttentionSettings::ConnectionColumn), u"Any connection"_s);

        // Cancel changes nothing.
        dialog.editRule(0);
        editor = dialog.ruleEditor();
        QVERIFY(editor);
        editor->filterEdit()->setText(u"name eq 'x'"_s);
        editor->reject();
        QTRY_VERIFY(!editor);
        QCOMPARE(dialog.rules().at(0), defaultAttentionRules().at(0));

        // Remove the selected rule.
        dialog.table()->selectRow(1);
        QTest::mouseClick(dialog.removeButton(), Qt::LeftButton);
        QCOMPARE(dialog.rules().size(), 3);
        QCOMPARE(dialog.rules().at(1).id, defaultAttentionRules().at(2).id);
        QCOMPARE(dialog.table()->rowCount(), 3);
    }

    void anInvalidFilterIsRefusedWithItsMessage()
    {
        AttentionSettings dialog;
        dialog.setRules({});
        dialog.show();
        dialog.addRule();
        QPointer<AttentionRuleDialog> editor = dialog.ruleEditor();
        QVERIFY(editor);
        QVERIFY(editor->okButton()->isEnabled()); // blank: any task
        editor->filterEdit()->setText(u"state eq 'failed' and nosuchfield eq 1"_s);
        QVERIFY(editor->filterError());
        QVERIFY(!editor->okButton()->isEnabled());
        const QString message = editor->filterMessage()->text();
        QVERIFY2(message.contains(editor->filterError()->message), qPrintable(message));
        QVERIFY2(message.contains(u"column %1"_s.arg(editor->filterError()->column + 1)), qPrintable(message));
        QCOMPARE(editor->filterError()->column, 22); // where "nosuchfield" starts
        QVERIFY(!editor->filterMessage()->isHidden());

        editor->accept(); // Enter, or a forced accept: still refused
        QVERIFY(editor);
        QVERIFY(editor->isVisible());
        QCOMPARE(editor->filterEdit()->cursorPosition(), 22);
        QCOMPARE(dialog.rules().size(), 0);

        editor->filterEdit()->setText(u"state eq 'failed'"_s);
        QVERIFY(!editor->filterError());
        QVERIFY(editor->okButton()->isEnabled());
        QVERIFY(editor->filterMessage()->isHidden());
        editor->accept();
        QTRY_VERIFY(!editor);
        QCOMPARE(dialog.rules().size(), 1);
        QCOMPARE(dialog.rules().at(0).filter, u"state eq 'failed'"_s);
    }

    void aSavedInvalidFilterIsMarked()
    {
        AttentionSettings dialog;
        dialog.setRules({rule(u"bad"_s, AttentionEvent::Fails, u"state eq"_s), rule(u"good"_s, AttentionEvent::Fails, u"state eq 'failed'"_s)});
        const QTableWidgetItem *bad = dialog.table()->item(0, AttentionSettings::FilterColumn);
        QVERIFY(!bad->icon().isNull());
        QVERIFY2(bad->toolTip().contains(parseFilter(u"state eq"_s).error->toString()), qPrintable(bad->toolTip()));
        QVERIFY(dialog.table()->item(1, AttentionSettings::FilterColumn)->icon().isNull());
        // Editing shows the same error and keeps OK off until it is fixed.
        dialog.show();
        dialog.editRule(0);
        QVERIFY(dialog.ruleEditor());
        QVERIFY(dialog.ruleEditor()->filterError());
        QVERIFY(!dialog.ruleEditor()->okButton()->isEnabled());
        dialog.ruleEditor()->reject();
    }

    void restoreDefaults()
    {
        AttentionSettings dialog;
        dialog.setRules({rule(u"mine"_s, AttentionEvent::Starts, u"name eq 'x'"_s)});
        QTest::mouseClick(dialog.restoreButton(), Qt::LeftButton);
        QCOMPARE(dialog.rules(), defaultAttentionRules());
        QCOMPARE(dialog.table()->rowCount(), 3);
    }

    void notifyMissedAndBackend()
    {
        AttentionSettings dialog;
        QVERIFY(!dialog.notifyMissed());
        dialog.setNotifyMissed(true);
        QVERIFY(dialog.notifyMissed());
        QVERIFY(dialog.notifyMissedBox()->isChecked());
        dialog.notifyMissedBox()->setChecked(false);
        QVERIFY(!dialog.notifyMissed());

        dialog.setBackendName(u"Desktop notifications (D-Bus)"_s);
        QVERIFY(dialog.backendLabel()->text().contains(u"Desktop notifications (D-Bus)"_s));
        QVERIFY(dialog.testButton()->isEnabled());
        dialog.setBackendName(u"No notification service"_s, false);
        QVERIFY(dialog.backendLabel()->text().contains(u"cannot be shown"_s));
        QVERIFY(!dialog.testButton()->isEnabled()); // nothing would show it
    }

    void testButtonAsksForATestNotification()
    {
        AttentionSettings dialog;
        dialog.setBackendName(u"Tray icon messages"_s);
        QSignalSpy spy(&dialog, &AttentionSettings::testNotificationRequested);
        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        QCOMPARE(spy.size(), 1);
        const auto message = spy.at(0).at(0).value<NotificationMessage>();
        QVERIFY(!message.title.isEmpty());
        QVERIFY(!message.body.isEmpty());
        QVERIFY(!message.key.isEmpty());       // a second click replaces the first
        QVERIFY(message.ruleId.isEmpty());     // nothing to mute
        QVERIFY(message.taskIds.isEmpty());    // nothing to show
        QCOMPARE(message.urgency, NotificationMessage::Urgency::Normal);
    }
};

QTEST_MAIN(TestAttentionSettings)
#include "tst_attentionsettings.moc"
