// Chooses the notification backend once, at start.
#include "notifierchoice.h"

#include "dbusnotifier.h"
#include "traynotifier.h"

#include <QSystemTrayIcon>

namespace Taskscope {

QString UnavailableNotifier::backendName() const
{
    return tr("No notification service");
}

Notifier *createNotifier(QSystemTrayIcon *tray, QObject *parent, const QDBusConnection &bus)
{
    if (DBusNotifier::isServiceOnBus(bus))
        return new DBusNotifier(bus, parent);
    if (tray && QSystemTrayIcon::isSystemTrayAvailable())
        return new TrayNotifier(tray, parent);
    return new UnavailableNotifier(parent);
}

} // namespace Taskscope
