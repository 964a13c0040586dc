// Chooses the notification backend once, at start.
#include "notifierchoice.h"

#include "dbusnotifier.h"
#include "traynotifier.h"

#include <QSystemTrayIcon>

#include <memory>

namespace Taskscope {

QString UnavailableNotifier::backendName() const
{
    return tr("No notification service");
}

Notifier *createNotifier(QSystemTrayIcon *tray, QObject *parent, const QDBusConnection &bus)
{
    if (bus.isConnected()) {
        // The notifier asks the bus what it needs to know (owner, activatable) once.
        auto dbus = std::make_unique<DBusNotifier>(bus);
        if (dbus->isAvailable()) {
            dbus->setParent(parent);
            return dbus.release();
        }
    }
    if (tray && QSystemTrayIcon::isSystemTrayAvailable())
        return new TrayNotifier(tray, parent);
    return new UnavailableNotifier(parent);
}

} // namespace Taskscope
