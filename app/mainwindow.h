// MainWindow: the live tree of tasks, fed by a TasksClient, with the connection state in the status bar.
#pragma once

#include "connectiondialog.h"
#include "filtercompletion.h"
#include "filtercontroller.h"

#include <QMainWindow>

#include <memory>
#include <optional>

class QAction;
class QLabel;
class QMenu;
class QSplitter;
class QTimer;
class QToolButton;

namespace Taskscope {

namespace Demo {
class DemoServer;
}
class AttentionController;
class ProgressTracker;
class ChangeHighlighter;
class ChangePlanner;
class FreezeBar;
class WatchedStrip;
class ConnectionController;
class FailureGroupsView;
class HistoryController;
class JournalFilterProxy;
class JournalModel;
class JournalView;
class MessageBanner;
class ConnectionDialog;
class DetailsPane;
class ErrorBanner;
class StateBar;
class FilterEditor;
class NewestFirstProxyModel;
class QtScheduler;
class TaskTreeModel;
class TaskTreeView;
class TasksClient;
class TokenStore;
struct ConnectionConfig;
struct ParseWarning;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // The connection lifecycle lives in ConnectionController; these forward to it (see there).
    void connectTo(const ConnectionConfig &config, const QString &token, const QString &description);
    void setTokenStore(TokenStore *persistent);
    TokenStore *tokenStore() const;
    quint64 beginConnection();
    bool isLatestConnection(quint64 serial) const;
    bool openLastConnection();
    // The connection dialog on the connection in use (see ConnectionController::profileInUse), with
    // the keyboard in `focus`; on "Connect" saves the connections and their tokens and opens the
    // selected one.
    void editConnections(std::optional<ConnectionDialog::Field> focus = std::nullopt);
    void applyConnections(const ConnectionDialog &dialog);
    QString currentProfileId() const;
    // File › Connect to the Demo Server also forgets the connection used last, so that the next start
    // shows the demo.
    void connectToDemo(const ConnectionConfig &settings);
    void connectToDemo();
    void setDemoServer(Demo::DemoServer *server); // not owned (the one --demo started)
    ConnectionController *connections() const { return m_connections; }
    // The history file (opened by main() unless --no-history; tests open one of their own).
    HistoryController *history() const { return m_history; }
    MessageBanner *historyBanner() const { return m_historyBanner; }
    JournalModel *journal() const { return m_journal; }
    JournalView *journalView() const { return m_journalView; }
    // Selects the task in the tree (expanding its parents, clearing nothing): false when the tree
    // does not show it (filtered out, or not known).
    bool selectTask(const QString &id);

    // Notifications, the tray, watched tasks, ETA and stalls.
    AttentionController *attention() const { return m_attention; }
    WatchedStrip *watchedStrip() const { return m_watchedStrip; }
    // View › Freeze (F9): the tree shows a still copy while polling, history and notifications go on;
    // the bar above it counts and lists the changes not shown. Unfreezing shows the live tree, with
    // the same tasks expanded and selected.
    void setFrozen(bool frozen);
    bool isFrozen() const { return m_frozen != nullptr; }
    FreezeBar *freezeBar() const { return m_freezeBar; }
    JournalModel *frozenChanges() const { return m_frozenChanges; }
    // Raises the window and selects the task (a notification's Show, the tray's last events).
    void showTask(const QString &id);

    TasksClient *client() const { return m_client; }
    TaskTreeModel *model() const { return m_model; }
    TaskTreeView *view() const { return m_view; }
    DetailsPane *details() const { return m_details; }
    int snapshotsApplied() const { return m_snapshots; }
    // The data problems of the last snapshot, one line each (parse warnings, duplicates, ...).
    QStringList dataWarnings() const { return m_warningLines; }
    void showDataWarnings();

    void setPollingPaused(bool paused);

    void showNewestFirst();
    void exportTasks();
    void copySelectionAsJson();

    void saveLayout() const;

    // Filtering: the expression editor, the state chips and the context menus all edit one text,
    // held by FilterController; these forward to it.
    FilterEditor *filterEdit() const { return m_filter; }
    StateBar *stateBar() const { return m_stateBar; }
    FilterController *filterController() const { return m_filterController; }
    // Applies a valid expression (the editor's debounced apply calls this too); remembered for the
    // next start unless it is a one-off (--filter).
    using FilterPersistence = FilterController::Persistence;
    void applyFilter(const QString &text, FilterPersistence persistence = FilterPersistence::Remember);
    // Tasks the filter selects (all tasks without a filter), as of the last snapshot or filter change.
    int matchingTaskCount() const;

Q_SIGNALS:
    void snapshotApplied();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void showPauseState(bool paused);
    void createActions();
    void createFilterActions(QMenu *editMenu, QMenu *viewMenu);
    void createFilterWidgets(QWidget *parent);
    void createStatusWidgets();
    void connectControllers();
    void showCurrentDetails();
    void restoreLayout();
    void showDefaultGeometry();
    void onEndpointChanging();
    void onPlanReady();
    void showWarnings(const QList<ParseWarning> &warnings);
    void updateStatus();
    void applyStaleness();
    void createFailureGroups();
    void connectHistory();
    void createJournal();
    void showHistoryStatus();
    void showHistoryOf(const QString &taskId);
    QString dataAge() const;
    void showTaskCounts();
    void createAttention();
    bool keepRunningInTray();
    void createFreeze(QWidget *parent);
    void watchSelected(const QString &id, bool watch);
    TaskTreeModel *shownModel() const { return m_frozen ? m_frozen : m_model; }
    QStringList expandedIds() const;
    QStringList selectedIds() const;
    void restoreViewState(const QStringList &expanded, const QStringList &selected, const QString &current);

    QtScheduler *m_clock; // the one clock of the window and its client
    TaskTreeModel *m_model;
    TasksClient *m_client;
    ChangePlanner *m_planner;
    TaskTreeView *m_view = nullptr;
    DetailsPane *m_details = nullptr;
    NewestFirstProxyModel *m_order = nullptr;
    QSplitter *m_splitter = nullptr;
    ErrorBanner *m_banner = nullptr;
    MessageBanner *m_historyBanner = nullptr;
    QLabel *m_historyStatus = nullptr;
    QAction *m_includeHistoryAction = nullptr;
    JournalModel *m_journal = nullptr;
    JournalFilterProxy *m_journalProxy = nullptr;
    JournalView *m_journalView = nullptr;
    QAction *m_journalAction = nullptr;
    ConnectionController *m_connections = nullptr;
    HistoryController *m_history;
    FilterController *m_filterController = nullptr;
    FilterEditor *m_filter = nullptr;
    StateBar *m_stateBar = nullptr;
    QAction *m_subtreesAction = nullptr;
    QAction *m_serverFilterAction = nullptr;
    FilterValueIndex m_values;
    bool m_valuesDirty = true;
    QLabel *m_endpoint = nullptr;
    QLabel *m_lastPoll = nullptr;
    QLabel *m_counts = nullptr;
    QLabel *m_namesStatus = nullptr;
    FailureGroupsView *m_failureGroups = nullptr;
    QAction *m_failureGroupsAction = nullptr;
    QToolButton *m_warnings = nullptr; // what the last snapshot had wrong (shown only when something was)
    QStringList m_warningLines;
    QTimer *m_statusTick = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_copyAction = nullptr;
    int m_snapshots = 0;
    AttentionController *m_attention = nullptr;
    std::shared_ptr<ProgressTracker> m_attentionTracker; // ETA and stalls, run by the planner's preparer
    WatchedStrip *m_watchedStrip = nullptr;
    ChangeHighlighter *m_highlighter = nullptr;
    FreezeBar *m_freezeBar = nullptr;
    QAction *m_freezeAction = nullptr;
    TaskTreeModel *m_frozen = nullptr; // the still copy the view shows while frozen
    JournalModel *m_frozenChanges = nullptr;
    JournalView *m_frozenChangesView = nullptr;
    int m_frozenChangeCount = 0;
    bool m_quitting = false; // File › Quit or the tray's Quit: the window closes for good
};

} // namespace Taskscope
