// TrayNotifier: the fallback Notifier where no notification service is on the bus: the tray icon's
// balloon message (QSystemTrayIcon::showMessage). A click on the balloon shows the message's task.
#pragma once

#include "notifier.h"

#include <QPointer>

#include <optional>

class QSystemTrayIcon;

namespace Taskscope {

class TrayNotifier final : public Notifier
{
    Q_OBJECT
public:
    // `tray` is not owned (TrayController's icon); messages need it visible.
    explicit TrayNotifier(QSystemTrayIcon *tray, QObject *parent = nullptr);

    QString backendName() const override;
    bool isAvailable() const override;
    void show(const NotificationMessage &message) override;

    // The message a click on the balloon refers to (the tray keeps one balloon at a time).
    const std::optional<NotificationMessage> &lastMessage() const { return m_last; }

private:
    QPointer<QSystemTrayIcon> m_tray;
    std::optional<NotificationMessage> m_last;
};

} // namespace Taskscope
