// MainWindow: the live tree of tasks, fed by a TasksClient, with the connection state in the status bar.
#pragma once

#include "apierror.h"
#include "filtercompletion.h"
#include "filterclauses.h"
#include "filterrequest.h"
#include "statebar.h"

#include <QMainWindow>

#include <functional>
#include <memory>

class QAction;
class QLabel;
class QPushButton;
class QTimer;
class QToolButton;

namespace Taskscope {

namespace Demo {
class DemoServer;
}
class ChangePlanner;
class ConnectionDialog;
class DetailsPane;
class FilterEditor;
class TokenStore;
struct ConnectionProfile;
class NewestFirstProxyModel;
class TaskTreeModel;
class TaskTreeView;
class TasksClient;
struct ConnectionConfig;
struct Snapshot;
struct FilterCounts;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Starts polling `config` with `token` (kept in memory only).
    void connectTo(const ConnectionConfig &config, const QString &token, const QString &description);

    // Where tokens of saved connections live (not owned; the keychain in the application). Tokens
    // the store refuses stay in memory for the session. Without one: memory only.
    void setTokenStore(TokenStore *persistent);
    TokenStore *tokenStore() const { return m_tokens; }
    // Polls a saved connection with its stored token, and remembers it as the one to reopen.
    void openConnection(const ConnectionProfile &profile);
    // For a caller that connects once an answer arrives (a keychain read): take a serial first, and
    // connect only if it is still the latest, so that a later choice of connection stands.
    quint64 beginConnection() { return ++m_openSerial; }
    bool isLatestConnection(quint64 serial) const { return serial == m_openSerial; }
    // Reopens the connection used last; false when there is none.
    bool openLastConnection();
    // The connection dialog; on "Connect" saves the connections and their tokens and opens the selected one.
    void editConnections();
    void applyConnections(const ConnectionDialog &dialog);
    QString currentProfileId() const { return m_profileId; }
    // Polls the built-in demo server, with `settings`' page size and timeouts. The server is
    // `setDemoServer()`'s, else one this window starts (and keeps) on first use. File › Connect to
    // the Demo Server also forgets the connection used last, so that the next start shows the demo.
    void connectToDemo(const ConnectionConfig &settings);
    void connectToDemo();
    void setDemoServer(Demo::DemoServer *server) { m_demo = server; } // not owned (the one --demo started)

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

    // Filtering: the expression editor, the state chips and the context menus all edit one text.
    FilterEditor *filterEdit() const { return m_filter; }
    StateBar *stateBar() const { return m_stateBar; }
    // Applies a valid expression (the editor's debounced apply calls this too); remembered for the
    // next start unless it is a one-off (--filter).
    enum class FilterPersistence { Remember, ThisSessionOnly };
    void applyFilter(const QString &text, FilterPersistence persistence = FilterPersistence::Remember);
    void applyFilterRequest(const FilterRequest &request);
    void onStateActivated(const QString &state, StateBar::Action action);
    void setServerFiltering(bool on);
    // Tasks the filter selects (all tasks without a filter), as of the last snapshot or filter change.
    int matchingTaskCount() const { return m_matching; }

Q_SIGNALS:
    void snapshotApplied();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void showCurrentDetails();
    void restoreLayout();
    void onSnapshot(const Snapshot &snapshot);
    void onPlanReady();
    void onPollFailed(const ApiError &error);
    void updateStatus();
    void editFilter(const std::function<FilterEditResult(const QString &text)> &edit);
    void recountFilter(); // the state chips' counts and the matching total, in one pass over the tasks
    void showCounts(const FilterCounts &counts);
    QDateTime filterNow() const;
    void pushFilterToServer();
    QStringList serverClauses() const; // of the filter in force, when filtering on the server is on

    TaskTreeModel *m_model;
    TasksClient *m_client;
    ChangePlanner *m_planner;
    TaskTreeView *m_view = nullptr;
    DetailsPane *m_details = nullptr;
    NewestFirstProxyModel *m_order = nullptr;
    QWidget *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_bannerSettings = nullptr;
    TokenStore *m_tokens = nullptr;
    QString m_profileId;
    Demo::DemoServer *m_demo = nullptr;
    std::unique_ptr<Demo::DemoServer> m_ownDemo;
    quint64 m_openSerial = 0; // the latest openConnection(): older keychain answers are dropped
    FilterEditor *m_filter = nullptr;
    StateBar *m_stateBar = nullptr;
    QAction *m_subtreesAction = nullptr;
    QAction *m_serverFilterAction = nullptr;
    FilterValueIndex m_values;
    bool m_valuesDirty = true;
    int m_matching = 0;
    QLabel *m_endpoint = nullptr;
    QLabel *m_lastPoll = nullptr;
    QLabel *m_counts = nullptr;
    QToolButton *m_warnings = nullptr; // what the last snapshot had wrong (shown only when something was)
    QStringList m_warningLines;
    QTimer *m_statusTick = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_copyAction = nullptr;
    QString m_description;
    int m_snapshots = 0;
};

} // namespace Taskscope
