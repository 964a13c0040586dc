// AttentionSettings (Settings › Notifications…): the notification rules (enable, add, edit, remove,
// restore the defaults), "failures since the last run", a test notification and the backend in use.
// It edits values only: the caller loads and saves them (QSettings) and sends the test message.
#pragma once

#include "attention.h"
#include "notifier.h"

#include <QDialog>
#include <QList>
#include <QPointer>
#include <QStringList>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace Taskscope {

class AttentionRuleDialog;

class AttentionSettings final : public QDialog
{
    Q_OBJECT
public:
    enum Column { EnabledColumn, EventColumn, FilterColumn, ConnectionColumn, WatchedColumn, ColumnCount };

    explicit AttentionSettings(QWidget *parent = nullptr);

    void setRules(const QList<AttentionRule> &rules);
    QList<AttentionRule> rules() const { return m_rules; }
    void setNotifyMissed(bool on);
    bool notifyMissed() const;
    // The Notifier::backendName() in use; `available` false says that nothing can be shown.
    void setBackendName(const QString &name, bool available = true);
    // The connection profiles a rule may be limited to.
    void setConnectionNames(const QStringList &names) { m_connectionNames = names; }

    // The message "Send a test notification" asks for (no rule: it has no Mute action).
    static NotificationMessage testMessage();

    // Opens the rule editor (window-modal, not blocking) on a new rule or on `row`.
    void addRule();
    void editRule(int row);
    void removeSelectedRule();
    void restoreDefaults();

    QTableWidget *table() const { return m_table; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *editButton() const { return m_edit; }
    QPushButton *removeButton() const { return m_remove; }
    QPushButton *restoreButton() const { return m_restore; }
    QPushButton *testButton() const { return m_test; }
    QCheckBox *notifyMissedBox() const { return m_notifyMissed; }
    QLabel *backendLabel() const { return m_backend; }
    // The rule editor while it is open, else nullptr.
    AttentionRuleDialog *ruleEditor() const;

Q_SIGNALS:
    void testNotificationRequested(const NotificationMessage &message);

private:
    void fillTable();
    void updateButtons();
    void openEditor(int row); // -1: a new rule
    int selectedRow() const;

    QList<AttentionRule> m_rules;
    QStringList m_connectionNames;
    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_remove;
    QPushButton *m_restore;
    QPushButton *m_test;
    QCheckBox *m_notifyMissed;
    QLabel *m_backend;
    QPointer<AttentionRuleDialog> m_editor;
    bool m_filling = false;
};

} // namespace Taskscope
