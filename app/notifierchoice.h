// The notifier Taskscope uses: desktop notifications over D-Bus when the session bus has the
// service, else the tray icon's messages when the desktop has a tray, else none (said in the settings).
#pragma once

#include "notifier.h"

#include <QDBusConnection>

class QSystemTrayIcon;

namespace Taskscope {

// Shows nothing: no notification service and no tray. The settings say so.
class UnavailableNotifier final : public Notifier
{
    Q_OBJECT
public:
    using Notifier::Notifier;
    QString backendName() const override;
    bool isAvailable() const override { return false; }
    void show(const NotificationMessage &) override {}
};

// `tray`: the tray icon (TrayController's), or nullptr. The result is owned by `parent`.
// Without a session bus (a disconnected `bus`) this falls back and never fails.
Notifier *createNotifier(QSystemTrayIcon *tray, QObject *parent,
                         const QDBusConnection &bus = QDBusConnection::sessionBus());

} // namespace Taskscope
