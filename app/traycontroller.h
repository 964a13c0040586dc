// TrayController: the tray icon: the worst state as a mark over the app icon, the count of failures
// not yet seen, a tooltip with the tasks per state, and a menu (Show/Hide, Pause Polling, the last
// events, Quit). It only reports clicks; the window decides what they do.
#pragma once

#include "attention.h"
#include "task.h"

#include <QImage>
#include <QList>
#include <QObject>
#include <QPointer>

#include <array>
#include <memory>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace Taskscope {

class TrayController final : public QObject
{
    Q_OBJECT
public:
    // The worst state the icon shows, each with its own shape (never colour alone).
    enum class Mark { Idle, Running, Failed };
    Q_ENUM(Mark)

    explicit TrayController(QObject *parent = nullptr);
    ~TrayController() override;

    // Tasks per state (TaskState order); any failed task gives the failure mark, else any running,
    // pausing or cancelling task the running mark.
    void setCounts(const std::array<int, TaskStateCount> &counts);
    void setUnseenFailures(int count);
    // Matched events in the order they happened; the menu keeps the newest maxEvents().
    void addEvents(const QList<AttentionItem> &items);
    // The window's Pause Polling action (not owned), shown in the menu.
    void setPauseAction(QAction *action);
    // Whether the window is shown: the first menu entry says Hide or Show.
    void setWindowShown(bool shown);
    // Shows or hides the icon in the tray (only where the desktop has one).
    void setVisible(bool visible);

    Mark mark() const { return m_mark; }
    int unseenFailures() const { return m_unseen; }
    QSystemTrayIcon *trayIcon() const { return m_tray; }
    // What a desktop shows, readable without a tray (offscreen tests).
    QMenu *menu() const { return m_menu.get(); }
    QImage iconImage() const { return m_image; }
    QString toolTip() const;
    QList<QAction *> eventActions() const { return m_eventActions; }
    QAction *showHideAction() const { return m_showHide; }
    QAction *quitAction() const { return m_quit; }
    QList<AttentionItem> events() const { return m_events; } // newest first

    static constexpr int maxEvents() { return 5; }
    // The icon at `size` pixels square: the app icon, the mark at the bottom right, the unseen count
    // in a badge at the top right (99+ above 99).
    static QImage renderIcon(Mark mark, int unseenFailures, int size);
    // The menu's text for an event: its local time and what happened.
    static QString eventText(const AttentionItem &item);

Q_SIGNALS:
    void showRequested(const QString &taskId);
    void toggleWindowRequested();
    void quitRequested();

private:
    void updateIcon();
    void rebuildEventActions();

    QSystemTrayIcon *m_tray;
    std::unique_ptr<QMenu> m_menu;
    QAction *m_showHide;
    QPointer<QAction> m_pause;
    QAction *m_eventsTitle;
    QAction *m_noEvents;
    QAction *m_eventsEnd;
    QAction *m_quit;
    QList<QAction *> m_eventActions;
    QList<AttentionItem> m_events;
    std::array<int, TaskStateCount> m_counts{};
    Mark m_mark = Mark::Idle;
    int m_unseen = 0;
    QImage m_image;
};

} // namespace Taskscope
