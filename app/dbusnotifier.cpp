// DBusNotifier: org.freedesktop.Notifications (Desktop Notifications Specification 1.2) over QtDBus.
#include "dbusnotifier.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QLoggingCategory>
#include <QVariantMap>

#include <utility>

Q_LOGGING_CATEGORY(lcNotify, "taskscope.notify", QtWarningMsg)

namespace Taskscope {

namespace {

// The bus daemon answers within microseconds; a stuck bus must not hold the start for long (these
// two questions, asked once when the notifier is made, are the only calls that wait).
constexpr int kBusQueryTimeoutMs = 500;
// The name of the installed desktop file (resources/), without ".desktop": the server finds the
// application's name and icon there.
constexpr auto kDesktopEntry = "io.github.taskscope.Taskscope";

QString actionDefault() { return QStringLiteral("default"); }
QString busDaemon() { return QStringLiteral("org.freedesktop.DBus"); }

QDBusMessage askBusDaemon(const QDBusConnection &bus, const QString &method, const QVariantList &arguments = {})
{
    QDBusMessage call = QDBusMessage::createMethodCall(busDaemon(), QStringLiteral("/org/freedesktop/DBus"),
                                                       busDaemon(), method);
    call.setArguments(arguments);
    return bus.call(call, QDBus::Block, kBusQueryTimeoutMs);
}

bool nameHasOwner(const QDBusConnection &bus, const QString &name)
{
    const QDBusMessage reply = askBusDaemon(bus, QStringLiteral("NameHasOwner"), {name});
    return reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty()
           && reply.arguments().constFirst().toBool();
}

bool isActivatable(const QDBusConnection &bus, const QString &name)
{
    const QDBusMessage reply = askBusDaemon(bus, QStringLiteral("ListActivatableNames"));
    return reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty()
           && reply.arguments().constFirst().toStringList().contains(name);
}
QString actionShow() { return QStringLiteral("show"); }
QString actionMute() { return QStringLiteral("mute"); }

} // namespace

QString DBusNotifier::serviceName() { return QStringLiteral("org.freedesktop.Notifications"); }
QString DBusNotifier::objectPath() { return QStringLiteral("/org/freedesktop/Notifications"); }
QString DBusNotifier::interfaceName() { return QStringLiteral("org.freedesktop.Notifications"); }

DBusNotifier::DBusNotifier(QObject *parent)
    : DBusNotifier(QDBusConnection::sessionBus(), parent)
{
}

DBusNotifier::DBusNotifier(const QDBusConnection &bus, QObject *parent)
    : Notifier(parent)
    , m_bus(bus)
{
    if (!m_bus.isConnected())
        return;
    m_bus.connect(serviceName(), objectPath(), interfaceName(), QStringLiteral("ActionInvoked"), this,
                  SLOT(onActionInvoked(uint,QString)));
    m_bus.connect(serviceName(), objectPath(), interfaceName(), QStringLiteral("NotificationClosed"), this,
                  SLOT(onNotificationClosed(uint,uint)));

    // A server that leaves (the desktop restarts its shell) takes its notifications with it; the one
    // that comes next may announce other capabilities.
    auto *watcher = new QDBusServiceWatcher(serviceName(), m_bus,
                                            QDBusServiceWatcher::WatchForRegistration
                                                | QDBusServiceWatcher::WatchForUnregistration,
                                            this);
    connect(watcher, &QDBusServiceWatcher::serviceRegistered, this, [this] {
        m_registered = true;
        queryCapabilities();
    });
    connect(watcher, &QDBusServiceWatcher::serviceUnregistered, this, [this] {
        m_registered = false;
        m_idOfKey.clear();
        m_shown.clear();
    });
    m_registered = nameHasOwner(m_bus, serviceName());
    m_activatable = isActivatable(m_bus, serviceName());
    if (isAvailable())
        queryCapabilities(); // else when a server comes (the watcher)
}

bool DBusNotifier::isServiceOnBus(const QDBusConnection &bus)
{
    return bus.isConnected() && (nameHasOwner(bus, serviceName()) || isActivatable(bus, serviceName()));
}

QString DBusNotifier::backendName() const
{
    return tr("Desktop notifications (D-Bus)");
}

bool DBusNotifier::isAvailable() const
{
    return m_bus.isConnected() && (m_registered || m_activatable);
}

void DBusNotifier::queryCapabilities()
{
    const QDBusMessage call =
        QDBusMessage::createMethodCall(serviceName(), objectPath(), interfaceName(), QStringLiteral("GetCapabilities"));
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *call) {
        call->deleteLater();
        const QDBusPendingReply<QStringList> reply = *call;
        if (reply.isError()) {
            qCWarning(lcNotify) << "GetCapabilities failed:" << reply.error().message();
            m_capabilities.clear(); // plain text, and actions may be ignored: still worth showing
        } else {
            m_capabilities = reply.value();
        }
        m_capabilitiesKnown = true;
        const QList<NotificationMessage> waiting = std::exchange(m_beforeCapabilities, {});
        for (const NotificationMessage &message : waiting)
            show(message);
    });
}

void DBusNotifier::show(const NotificationMessage &message)
{
    if (!isAvailable())
        return; // nobody would show it: nothing piles up meanwhile
    if (!m_capabilitiesKnown) {
        // The body is escaped or not depending on the answer: wait for it (one round trip, at start).
        m_beforeCapabilities.append(message);
        return;
    }
    if (!message.key.isEmpty() && m_inFlight.contains(message.key)) {
        // The id to replace is not known yet: send the newest message of this key when it is.
        m_waiting.insert(message.key, message);
        return;
    }
    send(message);
}

void DBusNotifier::send(const NotificationMessage &message)
{
    const uint replacesId = message.key.isEmpty() ? 0 : m_idOfKey.value(message.key, 0);
    const QString body =
        m_capabilities.contains(QStringLiteral("body-markup")) ? message.body.toHtmlEscaped() : message.body;

    QStringList actions{actionDefault(), tr("Show"), actionShow(), tr("Show")};
    if (!message.ruleId.isEmpty())
        actions << actionMute() << tr("Mute this rule");

    QVariantMap hints;
    uchar urgency = 1;
    switch (message.urgency) {
    case NotificationMessage::Urgency::Low: urgency = 0; break;
    case NotificationMessage::Urgency::Normal: urgency = 1; break;
    case NotificationMessage::Urgency::Critical: urgency = 2; break;
    }
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(urgency));
    hints.insert(QStringLiteral("desktop-entry"), QString::fromLatin1(kDesktopEntry));
    if (message.urgency == NotificationMessage::Urgency::Critical)
        hints.insert(QStringLiteral("category"), QStringLiteral("transfer.error"));

    QDBusMessage call = QDBusMessage::createMethodCall(serviceName(), objectPath(), interfaceName(), QStringLiteral("Notify"));
    call << QStringLiteral("Taskscope") << replacesId << QString::fromLatin1(kDesktopEntry) << message.title << body
         << actions << hints << qint32(-1);
    if (!message.key.isEmpty())
        m_inFlight.insert(message.key);
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, message](QDBusPendingCallWatcher *call) { onNotifyReply(call, message); });
}

void DBusNotifier::onNotifyReply(QDBusPendingCallWatcher *watcher, const NotificationMessage &message)
{
    watcher->deleteLater();
    const QDBusPendingReply<uint> reply = *watcher;
    if (reply.isError()) {
        qCWarning(lcNotify) << "Notify failed:" << reply.error().message();
    } else {
        const uint id = reply.value();
        m_shown.insert(id, Shown{message.key, message.taskIds.value(0), message.ruleId});
        if (!message.key.isEmpty()) {
            const uint previous = m_idOfKey.value(message.key, 0);
            if (previous != 0 && previous != id)
                m_shown.remove(previous); // the server gave a new id instead of replacing
            m_idOfKey.insert(message.key, id);
        }
    }
    if (message.key.isEmpty())
        return;
    m_inFlight.remove(message.key);
    if (const auto waiting = m_waiting.find(message.key); waiting != m_waiting.end()) {
        const NotificationMessage next = waiting.value();
        m_waiting.erase(waiting);
        send(next);
    }
}

void DBusNotifier::onActionInvoked(uint id, const QString &action)
{
    const auto shown = m_shown.constFind(id);
    if (shown == m_shown.cend())
        return; // another application's notification
    if (action == actionDefault() || action == actionShow()) {
        if (!shown->taskId.isEmpty())
            Q_EMIT showRequested(shown->taskId);
    } else if (action == actionMute()) {
        if (!shown->ruleId.isEmpty())
            Q_EMIT muteRequested(shown->ruleId);
    }
}

void DBusNotifier::onNotificationClosed(uint id, uint reason)
{
    Q_UNUSED(reason) // expired, dismissed, closed or undefined: gone from the screen either way
    forget(id);
}

void DBusNotifier::forget(uint id)
{
    const auto shown = m_shown.constFind(id);
    if (shown == m_shown.cend())
        return;
    if (!shown->key.isEmpty() && m_idOfKey.value(shown->key) == id)
        m_idOfKey.remove(shown->key);
    m_shown.erase(shown);
}

} // namespace Taskscope
