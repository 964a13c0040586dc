// MainWindow: the live tree of tasks, fed by a TasksClient, with the connection state in the status bar.
// It builds the widgets and wires them to FilterController, ConnectionController and the ErrorBanner.
#include "mainwindow.h"

#include "attentioncontroller.h"
#include "changehighlighter.h"
#include "changeplanner.h"
#include "freezebar.h"
#include "traycontroller.h"
#include "watchedstrip.h"
#include "connectioncontroller.h"
#include "connectiondialog.h"
#include "connectionprofile.h"
#include "detailspane.h"
#include "errorbanner.h"
#include "exportdialog.h"
#include "failuregroupsview.h"
#include "historycontroller.h"
#include "journalfilterproxy.h"
#include "journalmodel.h"
#include "journalview.h"
#include "messagebanner.h"
#include "filterclauses.h"
#include "filtercontroller.h"
#include "filtereditor.h"
#include "filterevaluator.h"
#include "namedirectory.h"
#include "newestfirstproxymodel.h"
#include "scheduler.h"
#include "statebar.h"
#include "taskcsv.h"
#include "taskexport.h"
#include "taskformat.h"
#include "tasksclient.h"
#include "tasktreemodel.h"
#include "tasktreeview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFrame>
#include <QGuiApplication>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace Taskscope {

// When the window was last active: what the Journal marks as new comes after it.
static const QString kJournalLastLookedKey = QStringLiteral("Journal/lastLooked");

// A chip's action is the controller's of the same name.
static_assert(int(StateBar::Action::Only) == int(FilterController::StateAction::Only)
              && int(StateBar::Action::Add) == int(FilterController::StateAction::Add)
              && int(StateBar::Action::Exclude) == int(FilterController::StateAction::Exclude)
              && int(StateBar::Action::Remove) == int(FilterController::StateAction::Remove));

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_clock(new QtScheduler)
    , m_model(new TaskTreeModel(this))
    , m_client(new TasksClient(this, m_clock))
    , m_planner(new ChangePlanner([this] { return m_model->forest(); }, this))
    , m_connections(new ConnectionController(m_client, this))
    , m_history(new HistoryController(this))
    , m_attentionTracker(std::make_shared<ProgressTracker>())
{
    m_clock->setParent(m_client); // the client's timers live in it: it must outlive the client
    setWindowTitle(tr("Taskscope"));
    setWindowIcon(QIcon(QStringLiteral(":/taskscope/icons/taskscope.svg")));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);

    // Shown only while the last poll failed: the data below is stale, and says since when.
    m_banner = new ErrorBanner(central);
    layout->addWidget(m_banner);
    m_historyBanner = new MessageBanner(central);
    m_historyBanner->setObjectName(QStringLiteral("historyBanner"));
    layout->addWidget(m_historyBanner);

    m_view = new TaskTreeView(central);
    m_order = new NewestFirstProxyModel(this);
    m_order->setSourceModel(m_model);
    m_view->setModel(m_order);
    m_filterController = new FilterController(m_model, m_order, m_clock, this);
    createFilterWidgets(central); // the expression, and under it one chip per state
    layout->addWidget(m_filter);
    layout->addWidget(m_stateBar);
    createFreeze(central);
    layout->addWidget(m_freezeBar);
    m_watchedStrip = new WatchedStrip(central);
    layout->addWidget(m_watchedStrip);
    m_view->setSortingEnabled(true); // a header click sorts by that column's raw value
    showNewestFirst();
    m_details = new DetailsPane(central);
    m_splitter = new QSplitter(Qt::Vertical, central);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_details);
    // The details pane gets a real share (a failed task's reason must fit), and keeps it as the window grows.
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setSizes({600, 400});
    layout->addWidget(m_splitter, 1); // the tree and details take what the bars above leave
    setCentralWidget(central);
    createFailureGroups();
    createJournal();
    createStatusWidgets();
    connectControllers();
    connectHistory();

    // Durations of running tasks and the countdown to the next poll move once a second.
    m_statusTick = new QTimer(this);
    m_statusTick->setInterval(1000);
    connect(m_statusTick, &QTimer::timeout, this, [this] {
        m_model->refreshRunningDurations();
        updateStatus();
    });
    m_statusTick->start();
    createActions();
    createAttention();
    restoreLayout();
    if (m_view->header()->sortIndicatorSection() < 0)
        showNewestFirst(); // unless the user left the list sorted by a column
    // The filter in force when the window closed comes back (if it still parses).
    m_subtreesAction->setChecked(FilterController::savedShowSubtrees());
    m_serverFilterAction->setChecked(m_filterController->serverFiltering());
    const QString filter = FilterController::savedText();
    if (!filter.isEmpty())
        m_filter->setText(filter);
    m_filterController->recount();
    updateStatus();
}

MainWindow::~MainWindow()
{
    m_attention->saveLastRun(); // while the clock (the client's) still lives
}

void MainWindow::createFilterWidgets(QWidget *parent)
{
    m_filter = new FilterEditor(parent);
    m_filter->setValueIndexProvider([this]() -> const FilterValueIndex & {
        if (m_valuesDirty) { // gathered only when completion asks
            m_values.clear();
            // In tree order: the values offered (at most so many per field) do not depend on a hash's order.
            m_model->forEachInTreeOrder([this](const Task &task, int) { m_values.add(task); });
            if (m_model->names())
                m_values.addNames(*m_model->names());
            m_valuesDirty = false;
        }
        return m_values;
    });
    m_filter->setMatchCounter([this](const FilterPredicate &predicate) {
        int count = 0;
        m_model->forEachTask([&](const Task &task) { count += predicate.matches(task); });
        return count;
    });
    m_stateBar = new StateBar(parent);
    // Clicks edit what the editor shows when it parses, else what is in force.
    m_filterController->setEditBase([this] {
        return m_filter->validity() == FilterEditor::Validity::Invalid ? m_filterController->text() : m_filter->text();
    });
}

// View › Group Failures by Cause: a dock beside the tree, hidden until asked for.
void MainWindow::createFailureGroups()
{
    m_failureGroups = new FailureGroupsView(this);
    auto *dock = new QDockWidget(tr("Failures by Cause"), this);
    dock->setObjectName(QStringLiteral("failureGroupsDock"));
    dock->setWidget(m_failureGroups);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    dock->hide();
    m_failureGroupsAction = dock->toggleViewAction();
    m_failureGroupsAction->setText(tr("&Group Failures by Cause"));
    m_failureGroupsAction->setToolTip(tr("List failed tasks by their reason, with counts; click one to show only its tasks"));
    connect(m_failureGroups, &FailureGroupsView::groupActivated, this, [this](const QString &title) {
        m_filter->setText(failureGroupFilter(title));
    });
}

void MainWindow::createStatusWidgets()
{
    m_endpoint = new QLabel(this);
    m_lastPoll = new QLabel(this);
    m_lastPoll->setObjectName(QStringLiteral("pollStatus"));
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("taskCountStatus"));
    // A line between the poll's times and the task count: side by side they read as one sentence.
    auto *separator = new QFrame(this);
    separator->setObjectName(QStringLiteral("statusSeparator"));
    separator->setFrameShape(QFrame::VLine);
    separator->setFrameShadow(QFrame::Sunken);
    m_warnings = new QToolButton(this);
    m_warnings->setAutoRaise(true);
    m_warnings->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    m_warnings->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_warnings->hide();
    connect(m_warnings, &QToolButton::clicked, this, &MainWindow::showDataWarnings);
    statusBar()->addWidget(m_endpoint, 1);
    statusBar()->addPermanentWidget(m_warnings);
    //: shown in the status bar when the account's lists of apps, clusters... could not be read
    m_namesStatus = new QLabel(tr("Names unavailable"), this);
    m_namesStatus->hide();
    statusBar()->addPermanentWidget(m_namesStatus);
    //: shown in the status bar while the history file is not being written
    m_historyStatus = new QLabel(tr("History off"), this);
    m_historyStatus->setObjectName(QStringLiteral("historyStatus"));
    m_historyStatus->hide();
    statusBar()->addPermanentWidget(m_historyStatus);
    statusBar()->addPermanentWidget(m_lastPoll);
    statusBar()->addPermanentWidget(separator);
    statusBar()->addPermanentWidget(m_counts);
}

void MainWindow::connectControllers()
{
    const auto showMessage = [this](const QString &text) { statusBar()->showMessage(text, 6000); };
    FilterController *filter = m_filterController;
    connect(m_filter, &FilterEditor::filterApplied, this, [this](const QString &text) { applyFilter(text); });
    connect(m_filter, &FilterEditor::validityChanged, this, &MainWindow::showTaskCounts);
    connect(m_stateBar, &StateBar::stateActivated, filter, [filter](const QString &state, StateBar::Action action) {
        filter->onStateActivated(state, FilterController::StateAction(int(action)));
    });
    connect(m_view, &TaskTreeView::filterRequested, filter, &FilterController::applyRequest);
    connect(m_details, &DetailsPane::filterRequested, filter, &FilterController::applyRequest);
    connect(filter, &FilterController::textEdited, m_filter, &FilterEditor::setText);
    connect(filter, &FilterController::applied, m_filter, &FilterEditor::setAppliedText);
    connect(m_stateBar, &StateBar::stalledActivated, filter, &FilterController::toggleStalled);
    connect(filter, &FilterController::applied, m_stateBar, [this](const QString &text) {
        m_stateBar->setStalledSelected(FilterEdit::hasFieldClause(text, FilterField::Stalled));
    });
    connect(filter, &FilterController::applyFailed, this, showMessage);
    connect(filter, &FilterController::editFailed, this, showMessage);
    connect(filter, &FilterController::countsChanged, this, [this](const std::array<int, TaskStateCount> &perState, int matching) {
        m_stateBar->setCounts(perState);
        m_filter->setAppliedCounts(matching, m_model->taskCount());
        updateStatus();
    });
    connect(filter, &FilterController::selectionChanged, m_stateBar, &StateBar::setSelection);
    m_connections->setServerFilterSource([filter] { return filter->serverClauses(); });
    connect(filter, &FilterController::serverClausesChanged, m_connections, &ConnectionController::pushServerFilters);
    connect(m_order, &TaskFilterProxyModel::clockRefreshed, filter, &FilterController::recount);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::showCurrentDetails);
    connect(m_banner, &ErrorBanner::retryRequested, m_client, &TasksClient::pollNow);
    // From the banner: the connection in use, with the keyboard in the field that fixes the error.
    connect(m_banner, &ErrorBanner::settingsRequested, this,
            [this] { editConnections(ConnectionDialog::fieldToFix(m_client->lastError())); });
    connect(m_connections, &ConnectionController::endpointChanging, this, &MainWindow::onEndpointChanging);
    connect(m_connections, &ConnectionController::connected, this, &MainWindow::updateStatus);
    connect(m_connections, &ConnectionController::message, this, [this](const QString &text) { statusBar()->showMessage(text); });
    connect(m_connections, &ConnectionController::demoFailed, this, [this](const QString &error) {
        QMessageBox::warning(this, tr("Demo Server"), tr("Cannot start the demo server: %1").arg(error));
    });
    connect(m_client, &TasksClient::snapshotReady, this, [this](const Snapshot &snapshot) {
        // The diff, the counts under the filter, and the search for ids without a name run on a
        // worker; onPlanReady() applies the plan.
        // A list the server filtered lacks tasks that still exist: only a whole one tells which left.
        Snapshot planned = snapshot;
        planned.full = snapshot.full && m_client->config().serverFilters.isEmpty();
        m_planner->submit(planned, [count = m_filterController->countStep(), names = m_model->names()](ChangePlan &plan) {
            if (count)
                count(plan);
            plan.unknownNames = NameDirectory::hasUnknownIds(plan, names);
            plan.failureGroups = groupFailures(*plan.forest);
            plan.forest->forEachTask([&plan](const Task &task) { // the tray's counts, the Stalled chip
                if (task.isFromHistory())
                    return;
                ++plan.stateTotals[size_t(task.state)];
                plan.stalledCount += task.stalledSince.isValid() ? 1 : 0;
            });
        });
    });
    m_client->setNamesEnabled(true);
    NameDirectory *names = m_client->names();
    connect(names, &NameDirectory::namesChanged, m_model, &TaskTreeModel::setNames);
    connect(names, &NameDirectory::problemChanged, m_model, &TaskTreeModel::setNamesMissingWhy);
    connect(names, &NameDirectory::problemChanged, this, &MainWindow::updateStatus);
    connect(m_model, &TaskTreeModel::namesChanged, m_order, &TaskFilterProxyModel::refreshNames);
    connect(m_model, &TaskTreeModel::namesChanged, this, [this] {
        m_valuesDirty = true;
        m_details->setNames(m_model->names());
        showCurrentDetails();
    });
    connect(m_planner, &ChangePlanner::planReady, this, &MainWindow::onPlanReady);
    connect(m_client, &TasksClient::pollFailed, this, &MainWindow::updateStatus);
    connect(m_client, &TasksClient::stateChanged, this, &MainWindow::updateStatus);
}

// View › Journal: every state change as it happens and from the history file, newest first,
// under the tree's filter; what came since the window was last active is marked.
void MainWindow::createJournal()
{
    m_journal = new JournalModel(this);
    m_journal->setLastLooked(QSettings().value(kJournalLastLookedKey).toDateTime());
    m_journalProxy = new JournalFilterProxy(this);
    m_journalProxy->setSourceModel(m_journal);
    m_journalProxy->setTaskLookup([this](const QString &id) -> const Task * {
        const TaskForest &forest = *m_model->forest();
        const int slot = forest.slotOf(id);
        return slot >= 0 ? &forest.task(slot) : nullptr; // the tasks shown from history too
    });
    m_journalProxy->setPredicate(m_order->predicate());
    m_journalView = new JournalView(this);
    m_journalView->setModel(m_journalProxy);
    m_journalView->setClock(m_clock);
    auto *dock = new QDockWidget(tr("Journal"), this);
    dock->setObjectName(QStringLiteral("journalDock"));
    dock->setWidget(m_journalView);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    dock->hide();
    m_journalAction = dock->toggleViewAction();
    m_journalAction->setText(tr("&Journal"));
    m_journalAction->setToolTip(tr("Every state change as it happens and from the history, newest first; what came "
                                   "while you looked elsewhere in bold"));
    const auto syncFilter = [this] { m_journalProxy->setPredicate(m_order->predicate()); };
    connect(m_order, &TaskFilterProxyModel::filterChanged, this, syncFilter);
    connect(m_order, &TaskFilterProxyModel::clockRefreshed, this, syncFilter);
    connect(m_history, &HistoryController::recorded, this, [this](QList<HistoryTransition> transitions) {
        const QString key = m_history->connectionKey();
        // Only this connection's (a batch of the one before may still arrive); the store leaves out
        // a connection's first sightings, which are not news.
        transitions.removeIf([&key](const HistoryTransition &transition) { return transition.connection != key; });
        m_journal->append(transitions);
        // The details' History tab follows its task's changes.
        const QString shown = m_details->taskId();
        if (std::any_of(transitions.cbegin(), transitions.cend(),
                        [&shown](const HistoryTransition &transition) { return transition.taskId == shown; }))
            showHistoryOf(shown);
    });
    connect(m_history, &HistoryController::connectionChanged, this, [this] {
        m_journal->clear();
        // The backfill: the newest rows the journal keeps, oldest first.
        m_history->transitionsSince({}, JournalModel::DefaultCap, m_journal,
                                    [this, key = m_history->connectionKey()](const QList<HistoryTransition> &transitions) {
                                        if (key == m_history->connectionKey()) // else asked for the connection before
                                            m_journal->setHistory(transitions);
                                    });
    });
    connect(m_journalView, &JournalView::taskActivated, this, [this](const QString &id) {
        if (!selectTask(id))
            statusBar()->showMessage(tr("That task is not in the tree: the filter hides it, or it is no longer known."), 6000);
    });
    connect(m_journalView, &JournalView::markedAsRead, this,
            [](const QDateTime &at) { QSettings().setValue(kJournalLastLookedKey, at); });
}

bool MainWindow::selectTask(const QString &id)
{
    const QModelIndex shown = m_order->mapFromSource(shownModel()->indexForId(id));
    if (!shown.isValid())
        return false;
    for (QModelIndex parent = shown.parent(); parent.isValid(); parent = parent.parent())
        m_view->expand(parent);
    m_view->setCurrentIndex(shown);
    m_view->scrollTo(shown);
    return true;
}

// "Since I last looked": the moment the window stopped being the active one.
void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::ActivationChange && !isActiveWindow() && m_journal) {
        const QDateTime now = m_clock->now();
        m_journal->setLastLooked(now);
        QSettings().setValue(kJournalLastLookedKey, now);
    }
    QMainWindow::changeEvent(event);
}

// The tray's first entry says what it will do: Hide Window, or Show Window.
void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_attention && m_attention->tray())
        m_attention->tray()->setWindowShown(true);
}

void MainWindow::hideEvent(QHideEvent *event)
{
    QMainWindow::hideEvent(event);
    if (m_attention && m_attention->tray())
        m_attention->tray()->setWindowShown(false);
}

// Geometry, toolbar and header (widths, order, hidden columns) come back as the user left them.
void MainWindow::restoreLayout()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    if (!restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray()))
        showDefaultGeometry();
    restoreState(settings.value(QStringLiteral("state")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("splitter")).toByteArray());
    // "header2": the columns of version 0.2 (names, Problem); an older layout would misplace them.
    const QByteArray header = settings.value(QStringLiteral("header2")).toByteArray();
    if (!header.isEmpty())
        m_view->header()->restoreState(header);
    m_journalView->restoreState(settings.value(QStringLiteral("journalHeader")).toByteArray());
}

// The first start: about three quarters of the screen, centred on it (a fixed size is a stamp on a
// large screen and overflows a small one).
void MainWindow::showDefaultGeometry()
{
    const QRect available = screen()->availableGeometry();
    resize(available.size() * 3 / 4);
    move(available.center() - QPoint(width() / 2, height() / 2));
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
    settings.setValue(QStringLiteral("header2"), m_view->header()->saveState());
    settings.setValue(QStringLiteral("splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("journalHeader"), m_journalView->saveState());
}

// With a tray, closing the window keeps Taskscope watching there (asked once, remembered); the
// tray's Quit and File › Quit end it.
void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    if (!m_quitting && m_attention && m_attention->tray() && keepRunningInTray()) {
        hide();
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
    if (m_attention && m_attention->tray())
        QCoreApplication::quit(); // the application does not quit when its last window closes then
}

bool MainWindow::keepRunningInTray()
{
    QSettings settings;
    const QString key = QStringLiteral("Tray/closeToTray");
    if (!settings.contains(key)) {
        QMessageBox box(QMessageBox::Question, tr("Keep Watching in the Tray?"),
                        tr("Taskscope can keep polling and notify you from the system tray when you close this window. "
                           "Quit it from the tray's menu or with File › Quit."),
                        QMessageBox::NoButton, this);
        QPushButton *keep = box.addButton(tr("Keep Running in the Tray"), QMessageBox::AcceptRole);
        box.addButton(tr("Quit"), QMessageBox::RejectRole);
        box.setDefaultButton(keep);
        box.setInformativeText(tr("Taskscope asks only once; the choice is kept."));
        box.exec();
        settings.setValue(key, box.clickedButton() == keep);
    }
    return settings.value(key).toBool();
}

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->menuAction()->setObjectName(QStringLiteral("viewMenu"));
    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    m_refreshAction = new QAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("&Refresh Now"), this);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setToolTip(tr("Poll the server now (F5)"));
    // While paused, one poll that leaves polling paused.
    connect(m_refreshAction, &QAction::triggered, this, [this] {
        if (m_client->isPolling())
            m_client->pollNow();
        else
            m_client->fetchOnce();
    });

    // Space pauses while the tree has the focus; the toolbar toggle works from anywhere.
    m_pauseAction = new QAction(this);
    m_pauseAction->setObjectName(QStringLiteral("pauseAction"));
    m_pauseAction->setCheckable(true);
    showPauseState(false);
    connect(m_pauseAction, &QAction::toggled, m_connections, &ConnectionController::setPollingPaused);
    connect(m_pauseAction, &QAction::toggled, this, &MainWindow::setPollingPaused);
    auto *pauseInTree = new QAction(m_view);
    pauseInTree->setShortcut(QKeySequence(Qt::Key_Space));
    pauseInTree->setShortcutContext(Qt::WidgetShortcut);
    connect(pauseInTree, &QAction::triggered, m_pauseAction, &QAction::toggle);
    m_view->addAction(pauseInTree);

    m_copyAction = new QAction(style()->standardIcon(QStyle::SP_FileIcon), tr("&Copy as JSON"), this);
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setToolTip(tr("Copy the selected tasks to the clipboard in the API's JSON shape"));
    connect(m_copyAction, &QAction::triggered, this, &MainWindow::copySelectionAsJson);

    auto *exportAction = new QAction(style()->standardIcon(QStyle::SP_DialogSaveButton), tr("&Export…"), this);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportAction->setToolTip(tr("Write all, visible or selected tasks to a JSON or CSV file (Ctrl+E)"));
    connect(exportAction, &QAction::triggered, this, &MainWindow::exportTasks);

    auto *connectionAction = new QAction(style()->standardIcon(QStyle::SP_DriveNetIcon), tr("&Connections…"), this);
    connectionAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Comma), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O)});
    connectionAction->setToolTip(tr("Add, edit, test and choose the Astra Control connection (Ctrl+,)"));
    connect(connectionAction, &QAction::triggered, this, [this] { editConnections(); });
    auto *demoAction = new QAction(tr("Connect to the &Demo Server"), this);
    demoAction->setObjectName(QStringLiteral("connectToDemoAction"));
    demoAction->setToolTip(tr("Watch the built-in demo server's simulated backups (no account needed)"));
    connect(demoAction, &QAction::triggered, this, [this] {
        ConnectionProfiles::setLastUsedId({}); // chosen here: the next start shows the demo too
        connectToDemo();
    });

    auto *quitAction = new QAction(tr("&Quit"), this);
    quitAction->setShortcut(QKeySequence::Quit);
    connect(quitAction, &QAction::triggered, this, [this] {
        m_quitting = true;
        close();
    });

    auto *newestFirst = new QAction(tr("&Newest First"), this);
    newestFirst->setToolTip(tr("Top-level tasks newest first, subtasks in their order (the default)"));
    connect(newestFirst, &QAction::triggered, this, &MainWindow::showNewestFirst);
    auto *expandAll = new QAction(tr("&Expand All"), this);
    expandAll->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Plus));
    expandAll->setToolTip(tr("Show the subtasks of every task"));
    connect(expandAll, &QAction::triggered, m_view, [this] { m_view->expandSubtasks(); });
    auto *collapseAll = new QAction(tr("&Collapse All"), this);
    collapseAll->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Minus));
    collapseAll->setToolTip(tr("Show only the top-level tasks"));
    connect(collapseAll, &QAction::triggered, m_view, &QTreeView::collapseAll);
    viewMenu->addAction(newestFirst);
    viewMenu->addAction(expandAll);
    viewMenu->addAction(collapseAll);
    createFilterActions(editMenu, viewMenu);

    fileMenu->addAction(connectionAction);
    fileMenu->addAction(demoAction);
    fileMenu->addAction(exportAction);
    fileMenu->addSeparator();
    fileMenu->addAction(quitAction);
    toolBar->addAction(connectionAction);
    toolBar->addAction(exportAction);
    editMenu->addAction(m_copyAction);
    viewMenu->addAction(m_refreshAction);
    viewMenu->addAction(m_pauseAction);
    toolBar->addAction(m_refreshAction);
    toolBar->addAction(m_pauseAction);
}

// The filter's actions: focus and clear the editor, subtrees of matches, filtering on the server.
void MainWindow::createFilterActions(QMenu *editMenu, QMenu *viewMenu)
{
    auto *filterAction = new QAction(tr("&Filter…"), this);
    filterAction->setShortcuts({QKeySequence::Find, QKeySequence(Qt::CTRL | Qt::Key_L)});
    filterAction->setToolTip(tr("Type a filter expression (Ctrl+F, Ctrl+L)"));
    connect(filterAction, &QAction::triggered, m_filter, &FilterEditor::focusEditor);
    editMenu->addAction(filterAction);
    auto *clearFilter = new QAction(tr("C&lear Filter"), this);
    connect(clearFilter, &QAction::triggered, this, [this] { m_filter->setText(QString()); });
    editMenu->addAction(clearFilter);

    m_subtreesAction = new QAction(tr("Show &Subtasks of Matches"), this);
    m_subtreesAction->setCheckable(true);
    m_subtreesAction->setToolTip(tr("Show every subtask of a matching task, not only the matches and the tasks above them"));
    connect(m_subtreesAction, &QAction::toggled, m_filterController, &FilterController::setShowSubtrees);
    m_serverFilterAction = new QAction(tr("Filter on the &Server Too"), this);
    m_serverFilterAction->setCheckable(true);
    m_serverFilterAction->setToolTip(tr("Send the clauses the server understands with each poll, so that less travels; "
                                        "the whole filter is still applied here. Parents that do not match are then "
                                        "not fetched, and their subtasks show as orphans."));
    connect(m_serverFilterAction, &QAction::toggled, m_filterController, &FilterController::setServerFiltering);

    viewMenu->addAction(m_failureGroupsAction);
    viewMenu->addAction(m_journalAction);
    viewMenu->addSeparator();
    m_includeHistoryAction = new QAction(tr("Include &Finished Tasks from History"), this);
    m_includeHistoryAction->setObjectName(QStringLiteral("includeHistoryAction"));
    m_includeHistoryAction->setCheckable(true);
    m_includeHistoryAction->setChecked(m_history->includesFinished());
    m_includeHistoryAction->setToolTip(tr("Keep showing tasks the server no longer lists (it keeps them about a day), "
                                          "dimmed, with a clock, from Taskscope's history"));
    connect(m_includeHistoryAction, &QAction::toggled, this, [this](bool include) {
        m_history->setIncludeFinished(include);
        m_planner->retry(); // the last snapshot again, with or without them
    });
    viewMenu->addAction(m_includeHistoryAction);
    viewMenu->addAction(m_subtreesAction);
    viewMenu->addAction(m_serverFilterAction);
}

// The history: what it knows joins each snapshot on the planner's worker; each applied plan is
// recorded on the store's thread; its problems show in a banner and the status bar.
void MainWindow::connectHistory()
{
    // After the history's: its tasks shown from history are not running any more.
    m_planner->setPreparer([overlay = m_history->overlay(), tracker = m_attentionTracker](
                               QList<Task> &tasks, QList<quint64> &digests, const TaskForest &base, const QDateTime &at,
                               bool full) {
        overlay->prepare(tasks, digests, base, at, full);
        tracker->prepare(tasks, at);
    });
    connect(m_connections, &ConnectionController::connected, this,
            [this] { m_history->setConnection(m_client->config(), m_connections->isDemo()); });
    connect(m_history, &HistoryController::overlayLoaded, m_planner, &ChangePlanner::retry);
    connect(m_history, &HistoryController::statusChanged, this, &MainWindow::showHistoryStatus);
}

void MainWindow::showHistoryStatus()
{
    const HistoryStore *store = m_history->store();
    const HistoryStore::Status status = store->status();
    const bool problem = status == HistoryStore::Status::Failed || status == HistoryStore::Status::ReadOnly;
    m_historyStatus->setVisible(problem);
    m_historyStatus->setText(status == HistoryStore::Status::ReadOnly ? tr("History read-only") : tr("History off"));
    m_historyStatus->setToolTip(store->message());
    // A problem, or a file moved aside (recording goes on in a new one): said once, in words.
    if (problem || !store->message().isEmpty())
        m_historyBanner->showMessage(store->message());
    else
        m_historyBanner->hide();
}

void MainWindow::exportTasks()
{
    ExportDialog dialog(shownModel(), m_view->model(), m_view->selectionModel(), m_order->filterText(), this);
    dialog.setNameLookup(nameLookup(m_model->names()));
    if (dialog.exec() == QDialog::Accepted)
        statusBar()->showMessage(tr("Exported %n task(s) to %1", nullptr, dialog.taskCount()).arg(dialog.path()), 6000);
}

void MainWindow::showNewestFirst()
{
    m_order->sortNewestFirst();
    m_view->header()->setSortIndicator(-1, Qt::AscendingOrder); // no column is the sort key
}

void MainWindow::showCurrentDetails()
{
    const QModelIndex current = m_view->currentIndex();
    const QString id = current.isValid() ? current.data(TaskTreeModel::IdRole).toString() : QString();
    const bool another = id != m_details->taskId();
    m_details->setTask(id.isEmpty() ? nullptr : m_model->task(m_model->indexForId(id)), m_model->now());
    if (another && !id.isEmpty())
        showHistoryOf(id);
}

// The History tab of the details: what the file knows of the task (asked again when it changes).
void MainWindow::showHistoryOf(const QString &taskId)
{
    if (!m_history->isOpen())
        return;
    m_history->transitionsOf(taskId, this, [this, taskId](const QList<HistoryTransition> &transitions) {
        HistoryQuery query;
        query.connections = {m_history->connectionKey()};
        query.taskId = taskId;
        m_history->store()->queryTasks(query, this, [this, taskId, transitions](const QList<HistoryTask> &tasks) {
            m_details->setHistory(taskId, transitions, tasks.isEmpty() ? QDateTime() : tasks.first().lastSeen);
        });
    });
}

void MainWindow::showDataWarnings()
{
    QMessageBox box(QMessageBox::Warning, tr("Data problems"),
                    tr("The last poll returned %n item(s) with problems. Tasks with a usable id are shown with what "
                       "could be read; the others were skipped.",
                       nullptr, int(m_warningLines.size())),
                    QMessageBox::Close, this);
    box.setDetailedText(m_warningLines.join(u'\n'));
    box.exec();
}

void MainWindow::applyFilter(const QString &text, FilterPersistence persistence)
{
    m_filterController->apply(text, persistence);
}

int MainWindow::matchingTaskCount() const
{
    return m_filterController->matchingTaskCount();
}

void MainWindow::setPollingPaused(bool paused)
{
    showPauseState(paused); // also when the client already was where the toggle asks
    if (paused == !m_client->isPolling())
        return;
    if (paused)
        m_client->stop();
    else
        m_client->start();
    m_pauseAction->setChecked(paused);
    updateStatus();
}

// The toggle says what it will do: Pause while polling, Resume while paused.
void MainWindow::showPauseState(bool paused)
{
    if (paused) {
        m_pauseAction->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
        m_pauseAction->setText(tr("&Resume Polling"));
        m_pauseAction->setToolTip(tr("Poll again at the usual pace (Space in the tree)"));
    } else {
        m_pauseAction->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
        m_pauseAction->setText(tr("&Pause Polling"));
        m_pauseAction->setToolTip(tr("Stop polling; the tasks shown stay as they are (Space in the tree)"));
    }
}

void MainWindow::copySelectionAsJson()
{
    // The selected tasks in tree order, as `taskscope export` writes them.
    QSet<QString> selected;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        selected.insert(index.data(TaskTreeModel::IdRole).toString());
    if (selected.isEmpty())
        return;
    QList<ExportItem> items;
    for (const ExportItem &item : exportItemsInTreeOrder(*shownModel())) {
        if (selected.contains(item.task->id))
            items.append(item);
    }
    QGuiApplication::clipboard()->setText(QString::fromUtf8(exportJson(items)));
    statusBar()->showMessage(tr("Copied %n task(s) as JSON", nullptr, int(items.size())), 4000);
}

void MainWindow::connectTo(const ConnectionConfig &config, const QString &token, const QString &description)
{
    m_connections->connectTo(config, token, description);
}

void MainWindow::onEndpointChanging()
{
    m_planner->cancel(); // a plan still being computed holds the other endpoint's tasks
    setFrozen(false);    // the still tree is the other endpoint's
    if (m_model->taskCount() == 0)
        return;
    // Another endpoint or account: its tasks are not these. Start from an empty tree.
    m_model->apply({});
    m_snapshots = 0;
    m_warningLines.clear();
    m_warnings->hide();
    showCurrentDetails();
    m_filterController->recount();
}

void MainWindow::setTokenStore(TokenStore *persistent)
{
    m_connections->setTokenStore(persistent);
}

TokenStore *MainWindow::tokenStore() const
{
    return m_connections->tokenStore();
}

quint64 MainWindow::beginConnection()
{
    return m_connections->beginConnection();
}

bool MainWindow::isLatestConnection(quint64 serial) const
{
    return m_connections->isLatestConnection(serial);
}

bool MainWindow::openLastConnection()
{
    return m_connections->openLastConnection();
}

QString MainWindow::currentProfileId() const
{
    return m_connections->currentProfileId();
}

void MainWindow::setDemoServer(Demo::DemoServer *server)
{
    m_connections->setDemoServer(server);
}

void MainWindow::connectToDemo()
{
    connectToDemo(ConnectionConfig()); // as `taskscope --demo`
}

void MainWindow::connectToDemo(const ConnectionConfig &settings)
{
    m_connections->connectToDemo(settings);
}

void MainWindow::editConnections(std::optional<ConnectionDialog::Field> focus)
{
    QList<ConnectionProfile> profiles = ConnectionProfiles::load();
    const QString inUse = m_connections->profileInUse(&profiles);
    ConnectionDialog dialog(profiles, inUse, m_connections->tokenStore(), this);
    if (focus)
        dialog.focusField(*focus);
    if (dialog.exec() == QDialog::Accepted)
        applyConnections(dialog);
}

void MainWindow::applyConnections(const ConnectionDialog &dialog)
{
    m_connections->applyConnections(dialog.profiles(), dialog.typedTokens(), dialog.selectedProfile());
}

// The tasks a plan brings that open to show their subtasks, at the first snapshot as at every later
// one (one rule): each new top-level task, and a top-level task whose first subtasks arrive (it
// had nothing to open before). Those already there keep what the user made of them.
static QStringList tasksToOpen(const ChangePlan &plan)
{
    QStringList ids;
    const TaskForest &forest = *plan.forest;
    for (const ChangePlan::Insert &insert : plan.inserts) {
        if (insert.parentSlot < 0) {
            for (int slot : insert.tops)
                ids.append(forest.task(slot).id);
        } else if (forest.parent(insert.parentSlot) < 0 && plan.previous) {
            const QString &id = forest.task(insert.parentSlot).id;
            const int before = plan.previous->slotOf(id);
            if (before >= 0 && plan.previous->childCount(before) == 0)
                ids.append(id);
        }
    }
    return ids;
}

void MainWindow::onPlanReady()
{
    ChangePlan plan = m_planner->takePlan();
    const QStringList open = tasksToOpen(plan);
    const QList<ParseWarning> warnings = plan.warnings;
    const FilterCounts counts = plan.counts;
    if (plan.unknownNames)
        m_client->names()->noteUnknownIds();
    m_failureGroups->setGroups(plan.failureGroups);
    std::optional<HistoryBatch> batch = m_history->batchFor(plan, m_model->names());
    ChangePlan applied = plan; // what attention reads once the model took it (shared forests; isNew is bits)
    if (!m_model->apply(std::move(plan))) {
        m_planner->retry(); // the tree changed while the plan was computed
        return;
    }
    if (batch)
        m_history->commit(std::move(*batch));
    const NameTable noNames;
    m_attention->planApplied(applied, m_model->names() ? *m_model->names() : noNames);
    m_attention->setStateTotals(applied.stateTotals);
    m_stateBar->setStalledCount(applied.stalledCount);
    if (!applied.transitions.empty())
        m_highlighter->notifyChanged(applied.transitions.front().at);
    if (!m_history->isOpen()) // else the history's recorded rows are the journal's
        m_journal->append(JournalModel::rowsOf(applied, m_model->names().get()));
    if (isFrozen() && !applied.transitions.empty()) {
        m_frozenChangeCount += int(applied.transitions.size());
        m_frozenChanges->append(JournalModel::rowsOf(applied, m_model->names().get()));
        m_freezeBar->setChangeCount(m_frozenChangeCount);
    }
    m_journalProxy->tasksChanged(); // the rows' tasks are the tree's
    showWarnings(warnings);
    QModelIndexList shown;
    shown.reserve(open.size());
    for (const QString &id : isFrozen() ? QStringList() : open) {
        const QModelIndex index = m_order->mapFromSource(shownModel()->indexForId(id));
        if (index.isValid()) // else filtered out (an invalid index would be the whole list)
            shown.append(index);
    }
    m_view->expandSubtasksOf(shown, 1); // their subtasks, not deeper
    ++m_snapshots;
    m_valuesDirty = true;
    m_filterController->showPlanCounts(counts);
    showCurrentDetails(); // the task being read may have changed
    updateStatus();
    Q_EMIT snapshotApplied();
}

// Bad data is shown, never silently dropped: a count in the status bar, the list on a click.
void MainWindow::showWarnings(const QList<ParseWarning> &warnings)
{
    m_warningLines.clear();
    for (const ParseWarning &warning : warnings)
        m_warningLines.append(warning.toString());
    m_warnings->setVisible(!warnings.isEmpty());
    if (!warnings.isEmpty()) {
        m_warnings->setText(tr("%n data problem(s)", nullptr, int(warnings.size())));
        const QStringList first = m_warningLines.mid(0, 10);
        m_warnings->setToolTip(first.join(u'\n') + (m_warningLines.size() > first.size() ? QStringLiteral("\n…") : QString()));
    }
}

// Stale data looks stale: rows dimmed, running durations stopped at the last good poll; live
// again as soon as a poll succeeds.
void MainWindow::applyStaleness()
{
    const bool stale = m_client->isStale();
    if (stale == m_view->isStale())
        return;
    if (stale) {
        const QDateTime lastGood = m_client->lastSuccessAt();
        m_model->setClock([lastGood] { return lastGood; });
    } else {
        m_model->setClock([clock = m_clock] { return clock->now(); });
    }
    m_model->refreshRunningDurations();
    m_view->setStale(stale);
}

QString MainWindow::dataAge() const
{
    if (!m_client->isStale())
        return {};
    const qint64 seconds = qMax<qint64>(0, m_client->lastSuccessAt().secsTo(m_clock->now()));
    //: the status bar while the last poll failed: how old the rows are
    return tr("data %1 old").arg(TaskFormat::duration(seconds));
}

// While the expression being typed does not parse, the tasks shown are still those of the filter in
// force: the count says so.
void MainWindow::showTaskCounts()
{
    const int total = m_model->taskCount();
    const int matching = m_filterController->matchingTaskCount();
    if (m_filter->validity() == FilterEditor::Validity::Invalid) {
        m_counts->setText(m_order->isFiltering()
                              ? tr("The previous filter is still applied: %1 of %n task(s) match", nullptr, total).arg(matching)
                              : tr("No filter is applied: %n task(s)", nullptr, total));
    } else {
        m_counts->setText(m_order->isFiltering() ? tr("%1 of %n task(s) match", nullptr, total).arg(matching)
                                                 : tr("%n task(s)", nullptr, total));
    }
}

void MainWindow::updateStatus()
{
    applyStaleness();
    const QLocale locale;
    const ConnectionConfig &config = m_client->config();
    const QString description = m_connections->description();
    m_endpoint->setText(config.baseUrl.isEmpty()
                            ? tr("Not connected")
                            : tr("%1 — account %2").arg(description.isEmpty() ? config.baseUrl.toString() : description,
                                                        config.accountId));
    const Snapshot *last = m_client->lastSnapshot();
    QString poll;
    if (last) {
        poll = tr("Last poll %1 (%2 ms)")
                   .arg(locale.toString(last->receivedAt.toLocalTime().time(), QLocale::LongFormat))
                   .arg(last->latencyMs);
    }
    const QDateTime now = m_clock->now();
    const QDateTime next = m_client->nextAttemptAt();
    const TasksClient::State state = m_client->state();
    if (next.isValid() && state == TasksClient::State::Waiting) {
        poll += (poll.isEmpty() ? QString() : QStringLiteral(" · ")) + tr("next in %1 s").arg(ErrorBanner::secondsUntil(now, next));
    } else if (state == TasksClient::State::Fetching) {
        poll += (poll.isEmpty() ? QString() : QStringLiteral(" · ")) + tr("polling…");
    }
    if (!m_client->isPolling() && m_pauseAction && m_pauseAction->isChecked())
        poll += (poll.isEmpty() ? QString() : QStringLiteral(" · ")) + tr("polling paused");
    if (const QString age = dataAge(); !age.isEmpty())
        poll += (poll.isEmpty() ? QString() : QStringLiteral(" · ")) + age;
    const QString namesProblem = m_client->names()->problem();
    m_namesStatus->setVisible(!namesProblem.isEmpty());
    m_namesStatus->setToolTip(tr("Some names cannot be shown; ids are shown instead.\n%1").arg(namesProblem));
    m_lastPoll->setText(poll);
    showTaskCounts();
    m_banner->showError(m_client->lastError(),
                        {m_client->lastSuccessAt(),
                         state == TasksClient::State::BackingOff ? next : QDateTime(),
                         state == TasksClient::State::AuthStopped, now});
}

// Attention: notifications and the tray, watched tasks in their strip, the change highlight, and
// the selected row's failure seen.
void MainWindow::createAttention()
{
    m_attention = new AttentionController(m_clock, m_model, m_pauseAction, m_attentionTracker, this);
    if (m_attention->tray())
        QApplication::setQuitOnLastWindowClosed(false); // closing the window may leave it in the tray
    connect(m_attention, &AttentionController::showTaskRequested, this, &MainWindow::showTask);
    connect(m_attention, &AttentionController::toggleWindowRequested, this, [this] {
        if (isVisible() && !isMinimized()) { // a click on the tray takes the focus: not asked
            hide();
        } else {
            showNormal();
            raise();
            activateWindow();
        }
    });
    connect(m_attention, &AttentionController::quitRequested, this, [this] {
        m_quitting = true;
        close();
    });
    // Rules name connections as the connection dialog does.
    connect(m_connections, &ConnectionController::connected, this, [this] {
        const QList<ConnectionProfile> profiles = ConnectionProfiles::load();
        QStringList names;
        QString name = m_connections->isDemo() ? tr("Demo Server") : m_connections->description();
        for (const ConnectionProfile &profile : profiles) {
            names.append(profile.name);
            if (profile.id == m_connections->currentProfileId() && !m_connections->isDemo())
                name = profile.name;
        }
        names.append(tr("Demo Server"));
        m_attention->setConnectionNames(names);
        m_attention->setConnection(name);
    });
    // ETA from past runs: what history knows of this connection's finished tasks.
    connect(m_history, &HistoryController::connectionChanged, this, [this] {
        m_history->store()->queryDurations(m_history->connectionKey(), this,
                                           [tracker = m_attentionTracker](DurationTable durations) {
                                               tracker->setDurations(std::move(durations));
                                           });
        if (!m_attention->notifiesMissed())
            return;
        const QDateTime since = AttentionController::lastRun();
        if (!since.isValid())
            return;
        m_history->transitionsSince(since, 200, this, [this, key = m_history->connectionKey()](const QList<HistoryTransition> &rows) {
            if (key != m_history->connectionKey())
                return;
            QList<AttentionItem> missed;
            for (const HistoryTransition &row : rows) {
                if (row.to != stateApiName(TaskState::Failed))
                    continue;
                AttentionItem item;
                item.taskId = row.taskId;
                item.event = AttentionEvent::Fails;
                item.taskTitle = row.taskSummary.isEmpty() ? row.taskName : row.taskSummary;
                item.appName = row.appName;
                item.reason = row.reason;
                item.at = row.at;
                missed.append(item);
            }
            m_attention->notifyMissed(missed);
        });
    });

    m_model->setWatched(m_attention->watched());
    connect(m_view, &TaskTreeView::watchRequested, this, &MainWindow::watchSelected);
    m_watchedStrip->setSourceModel(m_model);
    // The tree also shows the parents of matches: only a task it does not show is hidden.
    m_watchedStrip->setHiddenBy([this](const Task &task) {
        return m_order->mapFromSource(shownModel()->indexForId(task.id)).isValid() ? QString()
                                                                                  : m_order->predicate().hiddenBy(task);
    });
    m_watchedStrip->setAnyWatched(!m_model->watched().isEmpty());
    connect(m_model, &TaskTreeModel::watchedChanged, m_watchedStrip,
            [this] { m_watchedStrip->setAnyWatched(!m_model->watched().isEmpty()); });
    m_watchedStrip->setClock([clock = m_clock] { return clock->now(); });
    connect(m_order, &TaskFilterProxyModel::filterChanged, m_watchedStrip, &WatchedStrip::refreshHiddenBy);
    connect(m_watchedStrip, &WatchedStrip::taskActivated, this, &MainWindow::showTask);
    connect(m_watchedStrip, &WatchedStrip::unwatchRequested, this, [this](const QString &id) { watchSelected(id, false); });

    m_view->setClock([clock = m_clock] { return clock->now(); });
    m_highlighter = new ChangeHighlighter(m_view, [clock = m_clock] { return clock->now(); });
    // A failure is seen once its row is selected.
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            m_model->markSeen(current.data(TaskTreeModel::IdRole).toString());
    });
    connect(m_journalView, &JournalView::markedAsRead, m_model, &TaskTreeModel::markAllSeen);

    QMenu *settingsMenu = menuBar()->addMenu(tr("&Settings"));
    QAction *notifications = settingsMenu->addAction(tr("&Notifications…"), this, [this] { m_attention->editSettings(this); });
    notifications->setObjectName(QStringLiteral("notificationSettingsAction"));
    notifications->setToolTip(tr("Which events notify you (a task fails, ends, stalls, starts), for which tasks, and a test"));
    QMenu *viewMenu = nullptr;
    for (QAction *action : menuBar()->actions()) {
        if (action->objectName() == QLatin1String("viewMenu"))
            viewMenu = action->menu();
    }
    if (viewMenu) {
        viewMenu->addSeparator();
        viewMenu->addAction(m_freezeAction);
        QAction *seen = viewMenu->addAction(tr("Mark Failures as &Seen"), m_model, &TaskTreeModel::markAllSeen);
        seen->setToolTip(tr("Stop highlighting the failures you have not selected yet"));
    }
}

void MainWindow::watchSelected(const QString &id, bool watch)
{
    m_attention->setWatched(id, watch);
    if (m_frozen)
        m_frozen->setWatched(m_model->watched());
}

void MainWindow::showTask(const QString &id)
{
    showNormal();
    raise();
    activateWindow();
    if (!id.isEmpty() && !selectTask(id))
        statusBar()->showMessage(tr("That task is not in the tree: the filter hides it, or it is no longer known."), 6000);
}

void MainWindow::createFreeze(QWidget *parent)
{
    m_freezeBar = new FreezeBar(parent);
    m_freezeBar->hide();
    m_frozenChanges = new JournalModel(this);
    auto *frozenRows = new JournalFilterProxy(this); // no predicate: every change
    frozenRows->setSourceModel(m_frozenChanges);
    m_frozenChangesView = new JournalView(m_freezeBar);
    m_frozenChangesView->setModel(frozenRows);
    m_frozenChangesView->setClock(m_clock);
    m_freezeBar->setChangesView(m_frozenChangesView);
    connect(m_frozenChangesView, &JournalView::taskActivated, this, &MainWindow::showTask);
    connect(m_freezeBar, &FreezeBar::unfreezeRequested, this, [this] { setFrozen(false); });
    m_freezeAction = new QAction(tr("&Freeze"), this);
    m_freezeAction->setObjectName(QStringLiteral("freezeAction"));
    m_freezeAction->setCheckable(true);
    m_freezeAction->setShortcut(QKeySequence(Qt::Key_F9));
    m_freezeAction->setToolTip(tr("Stop the tree from moving while polling goes on; unfreeze to see every change (F9)"));
    connect(m_freezeAction, &QAction::toggled, this, &MainWindow::setFrozen);
}

void MainWindow::setFrozen(bool frozen)
{
    if (frozen == isFrozen())
        return;
    const QStringList expanded = expandedIds();
    const QStringList selected = selectedIds();
    const QModelIndex currentIndex = m_view->currentIndex();
    const QString current = currentIndex.isValid() ? currentIndex.data(TaskTreeModel::IdRole).toString() : QString();
    if (frozen) {
        const QDateTime now = m_clock->now();
        m_frozen = new TaskTreeModel(this);
        m_frozen->setNames(m_model->names());
        m_frozen->setWatched(m_model->watched());
        m_frozen->setClock([now] { return now; }); // running durations stop too
        m_frozen->showForest(m_model->forest());
        m_frozenChangeCount = 0;
        m_frozenChanges->clear();
        m_freezeBar->setFrozenSince(now);
        m_freezeBar->setChangeCount(0);
        m_order->setSourceModel(m_frozen);
    } else {
        m_order->setSourceModel(m_model);
        delete std::exchange(m_frozen, nullptr);
    }
    restoreViewState(expanded, selected, current);
    m_freezeBar->setVisible(frozen);
    m_freezeAction->setChecked(frozen);
    statusBar()->showMessage(frozen ? tr("Frozen: the tree stays as it is; polling goes on (F9 to unfreeze)") : QString(), 4000);
}

// The expanded rows of the view, by task id (walking only what is expanded).
QStringList MainWindow::expandedIds() const
{
    QStringList ids;
    std::vector<QModelIndex> pending{QModelIndex()};
    while (!pending.empty()) {
        const QModelIndex parent = pending.back();
        pending.pop_back();
        for (int row = 0, rows = m_order->rowCount(parent); row < rows; ++row) {
            const QModelIndex index = m_order->index(row, 0, parent);
            if (m_view->isExpanded(index)) {
                ids.append(index.data(TaskTreeModel::IdRole).toString());
                pending.push_back(index);
            }
        }
    }
    return ids;
}

QStringList MainWindow::selectedIds() const
{
    QStringList ids;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        ids.append(index.data(TaskTreeModel::IdRole).toString());
    return ids;
}

void MainWindow::restoreViewState(const QStringList &expanded, const QStringList &selected, const QString &current)
{
    TaskTreeModel *model = shownModel();
    for (const QString &id : expanded) {
        const QModelIndex index = m_order->mapFromSource(model->indexForId(id));
        if (index.isValid())
            m_view->expand(index);
    }
    QItemSelection selection;
    for (const QString &id : selected) {
        const QModelIndex index = m_order->mapFromSource(model->indexForId(id));
        if (index.isValid())
            selection.select(index, index);
    }
    const QModelIndex currentIndex = m_order->mapFromSource(model->indexForId(current));
    if (currentIndex.isValid())
        m_view->selectionModel()->setCurrentIndex(currentIndex, QItemSelectionModel::NoUpdate);
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (currentIndex.isValid())
        m_view->scrollTo(currentIndex);
}

} // namespace Taskscope
