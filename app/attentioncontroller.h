// AttentionController: the window's attention: which plans' changes deserve a notification
// (AttentionEngine), how they are shown (a Notifier: D-Bus, else the tray's balloons), the tray
// icon, the tasks the user watches, and the progress tracker that gives ETA and stalls.
#pragma once

#include "attention.h"
#include "notifier.h"
#include "progresstracker.h"

#include <QObject>
#include <QSet>

#include <memory>

class QAction;
class QWidget;

namespace Taskscope {

class Scheduler;
class TaskTreeModel;
class TrayController;

class AttentionController final : public QObject
{
    Q_OBJECT
public:
    // `pause` is the window's Pause Polling action (the tray's menu shows it too); `tracker` is the
    // one the planner's preparer runs (the window sets the preparer before it builds this).
    AttentionController(Scheduler *clock, TaskTreeModel *model, QAction *pause, std::shared_ptr<ProgressTracker> tracker,
                        QObject *parent = nullptr);
    ~AttentionController() override;

    AttentionEngine *engine() const { return m_engine; }
    Notifier *notifier() const { return m_notifier.get(); }
    // Null when the desktop has no system tray (and offscreen).
    TrayController *tray() const { return m_tray; }
    // Replaces the notifier (the settings' choice is made at start; tests give one on their bus).
    void setNotifier(std::unique_ptr<Notifier> notifier);
    // What ChangePlanner's preparer runs on its worker after the history's (shares the tracker).
    std::shared_ptr<ProgressTracker> tracker() const { return m_tracker; }

    // A new connection: nothing notified so far is news there; its tracks and marks are forgotten.
    void setConnection(const QString &name);
    // An applied plan (a copy taken before TaskTreeModel::apply() moved it).
    void planApplied(const ChangePlan &plan, const NameTable &names);
    // Per state, every task of the tree (the tray's tooltip).
    void setStateTotals(const std::array<int, TaskStateCount> &totals);

    // Right-click › Watch: kept in the settings, shown by the model's star.
    void setWatched(const QString &taskId, bool watched);
    QSet<QString> watched() const { return m_watched; }

    // The saved connections' names, offered by the rules' editor.
    void setConnectionNames(const QStringList &names) { m_connectionNames = names; }
    // Settings › Notifications…
    void editSettings(QWidget *parent);
    // "At start, notify the failures since the last run" (Attention/notifyMissed).
    bool notifiesMissed() const;
    // The failures history saw since the last run, told as news (when notifiesMissed()).
    void notifyMissed(const QList<AttentionItem> &items);
    // When this run was last seen alive (saved at most once a minute while polls arrive, and by the
    // window as it closes: the clock lives in the client, which may go first): the start of "since the last run".
    static QDateTime lastRun();
    void saveLastRun();

Q_SIGNALS:
    void showTaskRequested(const QString &taskId);
    void toggleWindowRequested();
    void quitRequested();

private:
    void show(const NotificationMessage &message);

    Scheduler *m_clock;
    TaskTreeModel *m_model;
    AttentionEngine *m_engine;
    std::unique_ptr<Notifier> m_notifier;
    TrayController *m_tray = nullptr;
    std::shared_ptr<ProgressTracker> m_tracker;
    QSet<QString> m_watched;
    QStringList m_connectionNames; // what a rule may name (setConnectionNames())
    QString m_connection;
    QDateTime m_lastRunSaved;
};

} // namespace Taskscope
