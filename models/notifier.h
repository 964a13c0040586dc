// Notifier: how Taskscope tells the desktop that something needs an operator (a backup failed, a
// task stalls). Backends: org.freedesktop.Notifications over D-Bus (DBusNotifier, app/), else the
// tray icon's balloon (TrayNotifier, app/). AttentionEngine decides what to say; a Notifier only says it.
#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringList>

namespace Taskscope {

struct NotificationMessage
{
    enum class Urgency : quint8 { Low, Normal, Critical }; // Critical: a failure
    // Messages with the same key replace each other on screen (one task's updates; D-Bus replaces-id).
    QString key;
    QString title;    // "Backup failed on prod-east", "7 tasks failed on prod-east"
    QString body;     // the app and the reason, plain text (the D-Bus backend escapes it for markup)
    Urgency urgency = Urgency::Normal;
    QStringList taskIds; // what "Show" selects: the first one (a grouped message lists them all)
    QString ruleId;      // what "Mute this rule" mutes; empty for a test message
    QDateTime at;
    friend bool operator==(const NotificationMessage &, const NotificationMessage &) = default;
};

class Notifier : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    // What the settings show as the backend in use ("Desktop notifications (D-Bus)", "Tray icon").
    virtual QString backendName() const = 0;
    // False when the backend cannot show anything now (no tray, the service left the bus).
    virtual bool isAvailable() const = 0;
    virtual void show(const NotificationMessage &message) = 0;

Q_SIGNALS:
    // The user clicked the notification or its "Show" action: raise the window, select the task.
    void showRequested(const QString &taskId);
    // The "Mute this rule" action.
    void muteRequested(const QString &ruleId);
};

} // namespace Taskscope
