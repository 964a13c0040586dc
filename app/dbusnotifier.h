// DBusNotifier: notifications through the desktop's org.freedesktop.Notifications service (QtDBus),
// with the "Show" and "Mute this rule" actions, urgency, and one task's updates replacing each other.
#pragma once

#include "notifier.h"

#include <QDBusConnection>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

class QDBusPendingCallWatcher;

namespace Taskscope {

class DBusNotifier final : public Notifier
{
    Q_OBJECT
public:
    // Asks the bus daemon (not the service) whether the service is there or can be started: two short
    // calls, bounded; every call to the service afterwards is asynchronous.
    explicit DBusNotifier(const QDBusConnection &bus, QObject *parent = nullptr);
    explicit DBusNotifier(QObject *parent = nullptr); // the session bus

    // Whether `bus` has the service now, or can start it (ListActivatableNames). Asks the bus daemon
    // (never the service itself) with a short timeout; false without a bus.
    static bool isServiceOnBus(const QDBusConnection &bus);

    QString backendName() const override;
    bool isAvailable() const override;
    void show(const NotificationMessage &message) override;

    // The server's capabilities once GetCapabilities answered (messages wait for them); empty before.
    QStringList capabilities() const { return m_capabilities; }
    bool capabilitiesKnown() const { return m_capabilitiesKnown; }

    // The id the server gave the notification of `key` while it is on screen; 0 when none is.
    uint notificationId(const QString &key) const { return m_idOfKey.value(key, 0); }

    static QString serviceName();
    static QString objectPath();
    static QString interfaceName();

private Q_SLOTS: // string-based: QDBusConnection::connect() needs slots for bus signals
    void onActionInvoked(uint id, const QString &action);
    void onNotificationClosed(uint id, uint reason);

private:
    struct Shown
    {
        QString key;
        QString taskId; // the first task: what "Show" selects
        QString ruleId;
    };

    void queryCapabilities();
    void send(const NotificationMessage &message);
    void onNotifyReply(QDBusPendingCallWatcher *watcher, const NotificationMessage &message);
    void forget(uint id);

    QDBusConnection m_bus;
    bool m_registered = false;  // the service has an owner on the bus
    bool m_activatable = false; // the bus can start it
    bool m_capabilitiesKnown = false;
    QStringList m_capabilities;
    QList<NotificationMessage> m_beforeCapabilities;
    QHash<QString, uint> m_idOfKey;   // message key -> the id the server gave its notification
    QHash<uint, Shown> m_shown;       // ids this notifier sent, until the server closes them
    QSet<QString> m_inFlight;         // keys whose Notify has not answered yet
    QHash<QString, NotificationMessage> m_waiting; // the newest message of a key in flight
};

} // namespace Taskscope
