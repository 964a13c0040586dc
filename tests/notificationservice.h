// NotificationService: a test-side org.freedesktop.Notifications server on its own bus connection that
// records every call, so that tests assert what a client sent; it emits ActionInvoked and
// NotificationClosed when a test asks. Header-only: list it in a test's SOURCES (moc reads it there).
#pragma once

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantMap>

struct RecordedNotification
{
    uint id = 0; // what Notify answered
    QString appName;
    uint replacesId = 0;
    QString appIcon;
    QString summary;
    QString body;
    QStringList actions; // key, label, key, label...
    QVariantMap hints;   // "urgency" arrives as a uchar
    int timeout = 0;

    // The action keys only ("default", "show", ...).
    QStringList actionKeys() const
    {
        QStringList keys;
        for (qsizetype i = 0; i + 1 < actions.size(); i += 2)
            keys << actions.at(i);
        return keys;
    }
    QString actionLabel(const QString &key) const
    {
        for (qsizetype i = 0; i + 1 < actions.size(); i += 2) {
            if (actions.at(i) == key)
                return actions.at(i + 1);
        }
        return {};
    }
};

class NotificationService : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    // `capabilities`: what GetCapabilities answers ("body-markup" makes clients escape bodies).
    explicit NotificationService(const QStringList &capabilities = {QStringLiteral("actions"), QStringLiteral("body")},
                                 QObject *parent = nullptr)
        : QObject(parent)
        , m_connectionName(QStringLiteral("taskscope-test-notifications-%1").arg(++instances()))
        , m_bus(QDBusConnection::connectToBus(QDBusConnection::SessionBus, m_connectionName))
        , m_capabilities(capabilities)
    {
    }

    ~NotificationService() override
    {
        stop();
        m_bus.unregisterObject(path());
        QDBusConnection::disconnectFromBus(m_connectionName);
    }

    static QString serviceName() { return QStringLiteral("org.freedesktop.Notifications"); }
    static QString path() { return QStringLiteral("/org/freedesktop/Notifications"); }

    // Takes the name on the bus (false: no session bus, or another owner has it).
    bool start()
    {
        if (!m_bus.isConnected())
            return false;
        if (!m_objectRegistered)
            m_objectRegistered = m_bus.registerObject(path(), this,
                                                      QDBusConnection::ExportScriptableSlots
                                                          | QDBusConnection::ExportScriptableSignals);
        return m_objectRegistered && m_bus.registerService(serviceName());
    }
    // Leaves the bus name (the server went away); the recorded calls stay.
    void stop()
    {
        if (m_bus.isConnected())
            m_bus.unregisterService(serviceName());
    }

    QDBusConnection connection() const { return m_bus; }
    const QList<RecordedNotification> &notifications() const { return m_notifications; }
    const QList<uint> &closeRequests() const { return m_closeRequests; }
    int capabilityQueries() const { return m_capabilityQueries; }

    // What a click does on a desktop: the server tells every client.
    void invokeAction(uint id, const QString &action) { Q_EMIT ActionInvoked(id, action); }
    // reason: 1 expired, 2 dismissed by the user, 3 CloseNotification, 4 undefined.
    void closeNotification(uint id, uint reason = 2) { Q_EMIT NotificationClosed(id, reason); }

public Q_SLOTS:
    Q_SCRIPTABLE uint Notify(const QString &app_name, uint replaces_id, const QString &app_icon, const QString &summary,
                             const QString &body, const QStringList &actions, const QVariantMap &hints,
                             int expire_timeout)
    {
        RecordedNotification call;
        call.id = replaces_id != 0 && replaces_id < m_nextId ? replaces_id : m_nextId++;
        call.appName = app_name;
        call.replacesId = replaces_id;
        call.appIcon = app_icon;
        call.summary = summary;
        call.body = body;
        call.actions = actions;
        call.hints = hints;
        call.timeout = expire_timeout;
        m_notifications.append(call);
        Q_EMIT notified(call.id);
        return call.id;
    }

    Q_SCRIPTABLE void CloseNotification(uint id)
    {
        m_closeRequests.append(id);
        Q_EMIT NotificationClosed(id, 3);
    }

    Q_SCRIPTABLE QStringList GetCapabilities()
    {
        ++m_capabilityQueries;
        return m_capabilities;
    }

    Q_SCRIPTABLE QString GetServerInformation(QString &vendor, QString &version, QString &spec_version)
    {
        vendor = QStringLiteral("Taskscope tests");
        version = QStringLiteral("1");
        spec_version = QStringLiteral("1.2");
        return QStringLiteral("notificationservice");
    }

Q_SIGNALS:
    Q_SCRIPTABLE void NotificationClosed(uint id, uint reason);
    Q_SCRIPTABLE void ActionInvoked(uint id, const QString &action_key);
    void notified(uint id); // local only (not exported): a Notify call was recorded

private:
    static int &instances()
    {
        static int count = 0;
        return count;
    }

    QString m_connectionName;
    QDBusConnection m_bus;
    QStringList m_capabilities;
    QList<RecordedNotification> m_notifications;
    QList<uint> m_closeRequests;
    int m_capabilityQueries = 0;
    uint m_nextId = 1;
    bool m_objectRegistered = false;
};
