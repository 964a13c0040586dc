// TrayNotifier: notifications as the tray icon's balloon messages.
#include "traynotifier.h"

#include <QSystemTrayIcon>

namespace Taskscope {

TrayNotifier::TrayNotifier(QSystemTrayIcon *tray, QObject *parent)
    : Notifier(parent)
    , m_tray(tray)
{
    if (m_tray) {
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            if (m_last && !m_last->taskIds.isEmpty())
                Q_EMIT showRequested(m_last->taskIds.constFirst());
        });
    }
}

QString TrayNotifier::backendName() const
{
    return tr("Tray icon messages");
}

bool TrayNotifier::isAvailable() const
{
    return m_tray && QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages();
}

void TrayNotifier::show(const NotificationMessage &message)
{
    if (!m_tray)
        return;
    // A balloon replaces the one before: the click is about this message from now on.
    m_last = message;
    const auto icon = message.urgency == NotificationMessage::Urgency::Critical ? QSystemTrayIcon::Critical
                                                                                : QSystemTrayIcon::Information;
    m_tray->showMessage(message.title, message.body, icon);
}

} // namespace Taskscope
