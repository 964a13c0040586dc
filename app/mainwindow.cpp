// MainWindow: the live tree of tasks, fed by a TasksClient, with the connection state in the status bar.
#include "mainwindow.h"

#include "changeplanner.h"
#include "connectiondialog.h"
#include "connectionoptions.h"
#include "connectionprofile.h"
#include "demoserver.h"
#include "detailspane.h"
#include "exportdialog.h"
#include "filtereditor.h"
#include "filterevaluator.h"
#include "newestfirstproxymodel.h"
#include "taskexport.h"
#include "tasksclient.h"
#include "tasktreemodel.h"
#include "tasktreeview.h"
#include "tokenstore.h"

#include <QAction>
#include <QClipboard>
#include <QCloseEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace Taskscope {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_model(new TaskTreeModel(this))
    , m_client(new TasksClient(this))
    , m_planner(new ChangePlanner([this] { return m_model->forest(); }, this))
    , m_tokens(new SessionTokenStore(nullptr, this))
{
    setWindowTitle(tr("Taskscope"));
    setWindowIcon(QIcon(QStringLiteral(":/taskscope/icons/taskscope.svg")));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);

    // Shown only while the last poll failed: the data below is stale, and says since when.
    m_banner = new QWidget(central);
    m_banner->setAutoFillBackground(true);
    QPalette bannerPalette = m_banner->palette();
    bannerPalette.setColor(QPalette::Window, bannerPalette.color(QPalette::ToolTipBase));
    bannerPalette.setColor(QPalette::WindowText, bannerPalette.color(QPalette::ToolTipText));
    m_banner->setPalette(bannerPalette);
    auto *bannerLayout = new QHBoxLayout(m_banner);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry = new QPushButton(tr("Retry now"), m_banner);
    connect(m_retry, &QPushButton::clicked, m_client, &TasksClient::pollNow);
    m_bannerSettings = new QPushButton(tr("Connection Settings…"), m_banner);
    connect(m_bannerSettings, &QPushButton::clicked, this, &MainWindow::editConnections);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_bannerSettings);
    bannerLayout->addWidget(m_retry);
    m_banner->hide();
    layout->addWidget(m_banner);

    // The filter: the expression, and under it one chip per state.
    m_filter = new FilterEditor(central);
    m_filter->setValueIndexProvider([this]() -> const FilterValueIndex & {
        if (m_valuesDirty) { // gathered only when completion asks
            m_values.clear();
            // In tree order: the values offered (at most so many per field) do not depend on a hash's order.
            m_model->forEachInTreeOrder([this](const Task &task, int) { m_values.add(task); });
            m_valuesDirty = false;
        }
        return m_values;
    });
    m_filter->setMatchCounter([this](const FilterPredicate &predicate) {
        int count = 0;
        m_model->forEachTask([&](const Task &task) { count += predicate.matches(task); });
        return count;
    });
    connect(m_filter, &FilterEditor::filterApplied, this, [this](const QString &text) { applyFilter(text); });
    layout->addWidget(m_filter);
    m_stateBar = new StateBar(central);
    connect(m_stateBar, &StateBar::stateActivated, this, &MainWindow::onStateActivated);
    layout->addWidget(m_stateBar);

    m_view = new TaskTreeView(central);
    m_order = new NewestFirstProxyModel(this);
    m_order->setSourceModel(m_model);
    m_view->setModel(m_order);
    connect(m_order, &TaskFilterProxyModel::clockRefreshed, this, [this] {
        recountFilter();
        updateStatus();
    });
    m_view->setSortingEnabled(true); // a header click sorts by that column's raw value
    showNewestFirst();
    m_details = new DetailsPane(central);
    auto *splitter = new QSplitter(Qt::Vertical, central);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::showCurrentDetails);
    connect(m_view, &TaskTreeView::filterRequested, this, &MainWindow::applyFilterRequest);
    connect(m_details, &DetailsPane::filterRequested, this, &MainWindow::applyFilterRequest);
    setCentralWidget(central);

    m_endpoint = new QLabel(this);
    m_lastPoll = new QLabel(this);
    m_counts = new QLabel(this);
    m_warnings = new QToolButton(this);
    m_warnings->setAutoRaise(true);
    m_warnings->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    m_warnings->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_warnings->hide();
    connect(m_warnings, &QToolButton::clicked, this, &MainWindow::showDataWarnings);
    statusBar()->addWidget(m_endpoint, 1);
    statusBar()->addPermanentWidget(m_warnings);
    statusBar()->addPermanentWidget(m_lastPoll);
    statusBar()->addPermanentWidget(m_counts);

    connect(m_client, &TasksClient::snapshotReady, this, &MainWindow::onSnapshot);
    connect(m_planner, &ChangePlanner::planReady, this, &MainWindow::onPlanReady);
    connect(m_client, &TasksClient::pollFailed, this, &MainWindow::onPollFailed);
    connect(m_client, &TasksClient::stateChanged, this, &MainWindow::updateStatus);

    // Durations of running tasks and the countdown to the next poll move once a second.
    m_statusTick = new QTimer(this);
    m_statusTick->setInterval(1000);
    connect(m_statusTick, &QTimer::timeout, this, [this] {
        m_model->refreshRunningDurations();
        updateStatus();
    });
    m_statusTick->start();
    createActions();
    resize(1180, 640);
    restoreLayout();
    if (m_view->header()->sortIndicatorSection() < 0)
        showNewestFirst(); // unless the user left the list sorted by a column
    // The filter in force when the window closed comes back (if it still parses).
    QSettings settings;
    m_subtreesAction->setChecked(settings.value(QStringLiteral("Filter/subtrees"), false).toBool());
    m_serverFilterAction->setChecked(settings.value(QStringLiteral("Filter/pushDown"), true).toBool());
    const QString filter = settings.value(QStringLiteral("Filter/current")).toString();
    if (!filter.isEmpty() && parseFilter(filter).ok())
        m_filter->setText(filter);
    recountFilter();
    updateStatus();
}

// Geometry, toolbar and header (widths, order, hidden columns) come back as the user left them.
void MainWindow::restoreLayout()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("state")).toByteArray());
    const QByteArray header = settings.value(QStringLiteral("header")).toByteArray();
    if (!header.isEmpty())
        m_view->header()->restoreState(header);
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
    settings.setValue(QStringLiteral("header"), m_view->header()->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    m_refreshAction = new QAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("&Refresh Now"), this);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setToolTip(tr("Poll the server now (F5)"));
    connect(m_refreshAction, &QAction::triggered, m_client, &TasksClient::pollNow);

    // Space pauses while the tree has the focus; the toolbar toggle works from anywhere.
    m_pauseAction = new QAction(style()->standardIcon(QStyle::SP_MediaPause), tr("&Pause Polling"), this);
    m_pauseAction->setCheckable(true);
    m_pauseAction->setToolTip(tr("Stop polling; the tasks shown stay as they are (Space in the tree)"));
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
    connect(connectionAction, &QAction::triggered, this, &MainWindow::editConnections);
    auto *demoAction = new QAction(tr("Connect to the &Demo Server"), this);
    demoAction->setObjectName(QStringLiteral("connectToDemoAction"));
    demoAction->setToolTip(tr("Watch the built-in demo server's simulated backups (no account needed)"));
    connect(demoAction, &QAction::triggered, this, [this] {
        ConnectionProfiles::setLastUsedId({}); // chosen here: the next start shows the demo too
        connectToDemo();
    });

    auto *quitAction = new QAction(tr("&Quit"), this);
    quitAction->setShortcut(QKeySequence::Quit);
    connect(quitAction, &QAction::triggered, this, &QWidget::close);

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
    connect(m_subtreesAction, &QAction::toggled, this, [this](bool on) {
        m_order->setMode(on ? TaskFilterProxyModel::Mode::MatchesWithSubtrees
                            : TaskFilterProxyModel::Mode::MatchesWithAncestors);
        QSettings().setValue(QStringLiteral("Filter/subtrees"), on);
    });
    m_serverFilterAction = new QAction(tr("Filter on the &Server Too"), this);
    m_serverFilterAction->setCheckable(true);
    m_serverFilterAction->setToolTip(tr("Send the clauses the server understands with each poll, so that less travels; "
                                        "the whole filter is still applied here. Parents that do not match are then "
                                        "not fetched, and their subtasks show as orphans."));
    connect(m_serverFilterAction, &QAction::toggled, this, &MainWindow::setServerFiltering);

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
    viewMenu->addSeparator();
    viewMenu->addAction(m_subtreesAction);
    viewMenu->addAction(m_serverFilterAction);

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

void MainWindow::exportTasks()
{
    ExportDialog dialog(m_model, m_view->model(), m_view->selectionModel(), m_order->filterText(), this);
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
    m_details->setTask(id.isEmpty() ? nullptr : m_model->task(m_model->indexForId(id)), m_model->now());
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
    FilterError error;
    if (!m_order->setFilterText(text, &error)) {
        statusBar()->showMessage(error.toString(), 6000);
        return;
    }
    m_filter->setAppliedText(text); // applied from elsewhere too: the editor shows what is in force
    if (persistence == FilterPersistence::Remember)
        QSettings().setValue(QStringLiteral("Filter/current"), text);
    pushFilterToServer();
    recountFilter();
    updateStatus();
}

void MainWindow::editFilter(const std::function<FilterEditResult(const QString &)> &edit)
{
    // Clicks edit what the editor shows when it parses, else what is in force.
    const QString base = m_filter->validity() == FilterEditor::Validity::Invalid ? m_order->filterText() : m_filter->text();
    const FilterEditResult result = edit(base);
    if (!result.ok()) {
        statusBar()->showMessage(tr("Cannot change the filter: %1").arg(result.error->toString()), 6000);
        return;
    }
    m_filter->setText(result.text);
}

void MainWindow::applyFilterRequest(const FilterRequest &request)
{
    editFilter([&request](const QString &text) {
        return request.exclude ? FilterEdit::excludeValue(text, request.field, request.value)
                               : FilterEdit::replaceFieldClauses(text, request.field, {request.value});
    });
}

void MainWindow::onStateActivated(const QString &state, StateBar::Action action)
{
    if (state.isEmpty()) {
        // The "other" chip: states this version does not know. The language has no name for them,
        // so they are "none of the known ones", and excluding them is "one of the known ones".
        editFilter([&](const QString &text) {
            if (action == StateBar::Action::Exclude) { // AND "one of the known states" onto what is there
                const FilterParseResult parsed = parseFilter(text);
                if (!parsed.ok())
                    return FilterEditResult{QString(), parsed.error};
                std::vector<FilterExpr> known;
                for (const QString &name : knownStateApiNames())
                    known.push_back(FilterExpr::comparison(FilterField::State, FilterOp::Eq, FilterValue::fromText(name)));
                return FilterEditResult{printFilter(FilterExpr::combine(
                                            FilterExpr::Kind::And,
                                            {parsed.expr, FilterExpr::combine(FilterExpr::Kind::Or, std::move(known))})),
                                        std::nullopt};
            }
            // Only (and Add, which cannot be said shorter): none of the known states.
            FilterEditResult result = FilterEdit::replaceFieldClauses(text, FilterField::State, {});
            if (!result.ok() || action == StateBar::Action::Remove)
                return result;
            for (const QString &known : knownStateApiNames()) {
                if (result.ok())
                    result = FilterEdit::excludeValue(result.text, FilterField::State, known);
            }
            return result;
        });
        return;
    }
    editFilter([&](const QString &text) {
        switch (action) {
        case StateBar::Action::Only:
            return FilterEdit::replaceFieldClauses(text, FilterField::State, {state});
        case StateBar::Action::Add: {
            QStringList states = FilterEdit::selectedValues(text, FilterField::State);
            if (!states.contains(state))
                states.append(state);
            return FilterEdit::replaceFieldClauses(text, FilterField::State, states);
        }
        case StateBar::Action::Exclude:
            return FilterEdit::excludeValue(text, FilterField::State, state);
        case StateBar::Action::Remove:
            break;
        }
        const FilterEditResult removed = FilterEdit::removeClause(text, FilterField::State, state);
        return removed.ok() ? FilterEdit::removeExclusion(removed.text, FilterField::State, state) : removed;
    });
}

void MainWindow::setServerFiltering(bool on)
{
    QSettings().setValue(QStringLiteral("Filter/pushDown"), on);
    pushFilterToServer();
}

QStringList MainWindow::serverClauses() const
{
    if (!m_serverFilterAction || !m_serverFilterAction->isChecked())
        return {};
    // Not the state clauses: the chips count every state of what the rest of the filter leaves, so
    // the other states must still arrive.
    const FilterEditResult withoutStates = FilterEdit::replaceFieldClauses(m_order->filterText(), FilterField::State, {});
    if (!withoutStates.ok())
        return {};
    return splitForServer(parseFilter(withoutStates.text).expr, QDateTime::currentDateTimeUtc()).serverClauses;
}

void MainWindow::pushFilterToServer()
{
    ConnectionConfig config = m_client->config();
    const QStringList clauses = serverClauses();
    if (clauses == config.serverFilters)
        return;
    config.serverFilters = clauses;
    if (!config.baseUrl.isEmpty())
        m_client->setConfig(config); // polls again at once with the new filters
}

namespace {

// The state chips count what the rest of the filter leaves: the expression without its state
// clauses. Reads only its arguments: the planner runs it on a worker with each poll's plan.
FilterCounts countUnderFilter(const TaskForest &forest, const QString &text, const QDateTime &now)
{
    FilterCounts counts;
    counts.filter = text;
    counts.valid = true;
    const FilterEditResult rest = FilterEdit::replaceFieldClauses(text, FilterField::State, {});
    const FilterPredicate others(rest.ok() ? parseFilter(rest.text).expr : FilterExpr(), now);
    const FilterParseResult parsed = parseFilter(text);
    const FilterPredicate all(parsed.ok() ? parsed.expr : FilterExpr(), now);
    forest.forEachTask([&](const Task &task) {
        if (others.matches(task))
            ++counts.perState[size_t(task.state)];
        counts.matching += all.matches(task);
    });
    return counts;
}

} // namespace

void MainWindow::recountFilter()
{
    showCounts(countUnderFilter(*m_model->forest(), m_order->filterText(), filterNow()));
}

// The time the proxy's filter reads relative times and durations at (its clock refresh moves it).
QDateTime MainWindow::filterNow() const
{
    const FilterPredicate &predicate = m_order->predicate();
    return predicate.isEmpty() ? m_model->now() : predicate.now();
}

void MainWindow::showCounts(const FilterCounts &counts)
{
    const QString &text = counts.filter;
    m_matching = counts.matching;
    m_stateBar->setCounts(counts.perState);
    QStringList selected = FilterEdit::selectedValues(text, FilterField::State);
    QStringList excluded = FilterEdit::excludedValues(text, FilterField::State);
    const QStringList known = knownStateApiNames();
    const auto containsAll = [&known](const QStringList &names) {
        return std::all_of(known.cbegin(), known.cend(), [&](const QString &name) { return names.contains(name); });
    };
    if (containsAll(excluded)) { // none of the known states: the "other" chip is what is selected
        excluded.clear();
        selected.append(QString());
    } else if (containsAll(selected)) { // every known state: the unknown ones are excluded
        selected.clear();
        excluded.append(QString());
    }
    m_stateBar->setSelection(selected, excluded);
    m_filter->setAppliedCounts(m_matching, m_model->taskCount());
}

void MainWindow::setPollingPaused(bool paused)
{
    if (paused == !m_client->isPolling())
        return;
    if (paused)
        m_client->stop();
    else
        m_client->start();
    m_pauseAction->setChecked(paused);
    m_refreshAction->setEnabled(!paused);
    updateStatus();
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
    for (const ExportItem &item : exportItemsInTreeOrder(*m_model)) {
        if (selected.contains(item.task->id))
            items.append(item);
    }
    QGuiApplication::clipboard()->setText(QString::fromUtf8(exportJson(items)));
    statusBar()->showMessage(tr("Copied %n task(s) as JSON", nullptr, int(items.size())), 4000);
}

MainWindow::~MainWindow() = default;

void MainWindow::connectTo(const ConnectionConfig &config, const QString &token, const QString &description)
{
    m_description = description;
    ConnectionConfig filtered = config;
    filtered.serverFilters = serverClauses();
    if (filtered.tasksUrl() != m_client->config().tasksUrl())
        m_planner->cancel(); // a plan still being computed holds the other endpoint's tasks
    if (filtered.tasksUrl() != m_client->config().tasksUrl() && m_model->taskCount() > 0) {
        // Another endpoint or account: its tasks are not these. Start from an empty tree.
        m_model->apply({});
        m_snapshots = 0;
        m_warningLines.clear();
        m_warnings->hide();
        showCurrentDetails();
        recountFilter();
    }
    m_client->setConnection(filtered, token);
    if (!m_pauseAction->isChecked())
        m_client->start();
    updateStatus();
}

void MainWindow::setTokenStore(TokenStore *persistent)
{
    delete m_tokens;
    m_tokens = new SessionTokenStore(persistent, this);
}

void MainWindow::openConnection(const ConnectionProfile &profile)
{
    m_profileId = profile.id;
    ConnectionProfiles::setLastUsedId(profile.id);
    QPointer<MainWindow> self(this);
    const quint64 serial = beginConnection();
    m_tokens->read(profile.tokenKey(), [self, profile, serial](bool ok, const QString &token, const QString &error) {
        if (!self || !self->isLatestConnection(serial))
            return; // another connection was opened while the keychain answered
        if (!ok)
            self->statusBar()->showMessage(tr("Cannot read the token of %1 from %2: %3")
                                               .arg(profile.name, self->m_tokens->description(), error));
        self->connectTo(profile.config(), token, profile.name);
    });
}

void MainWindow::connectToDemo()
{
    connectToDemo(ConnectionConfig()); // as `taskscope --demo`
}

void MainWindow::connectToDemo(const ConnectionConfig &settings)
{
    if (!m_demo) {
        auto server = std::make_unique<Demo::DemoServer>(ConnectionOptions::demoServerOptions());
        if (!server->listen(0)) {
            QMessageBox::warning(this, tr("Demo Server"), tr("Cannot start the demo server: %1").arg(server->errorString()));
            return;
        }
        m_ownDemo = std::move(server);
        m_demo = m_ownDemo.get();
    }
    beginConnection(); // a keychain answer for another connection still on its way is dropped
    m_profileId.clear();
    ConnectionConfig config = settings;
    config.baseUrl = m_demo->url();
    config.accountId = m_demo->account();
    connectTo(config, m_demo->token(), tr("Demo server %1").arg(config.baseUrl.toString()));
}

bool MainWindow::openLastConnection()
{
    const QString last = ConnectionProfiles::lastUsedId();
    if (last.isEmpty())
        return false;
    for (const ConnectionProfile &profile : ConnectionProfiles::load()) {
        if (profile.id == last) {
            openConnection(profile);
            return true;
        }
    }
    return false;
}

void MainWindow::editConnections()
{
    ConnectionDialog dialog(ConnectionProfiles::load(), m_profileId, m_tokens, this);
    if (dialog.exec() == QDialog::Accepted)
        applyConnections(dialog);
}

void MainWindow::applyConnections(const ConnectionDialog &dialog)
{
    const QList<ConnectionProfile> before = ConnectionProfiles::load();
    const QList<ConnectionProfile> after = dialog.profiles();
    ConnectionProfiles::save(after);
    // Tokens of removed connections leave the keychain with them.
    for (const ConnectionProfile &old : before) {
        if (std::none_of(after.cbegin(), after.cend(), [&](const ConnectionProfile &p) { return p.id == old.id; }))
            m_tokens->remove(old.tokenKey(), [](bool, const QString &) {});
    }
    const QHash<QString, QString> typed = dialog.typedTokens();
    QPointer<MainWindow> self(this);
    for (auto it = typed.cbegin(); it != typed.cend(); ++it) {
        m_tokens->write(ConnectionProfile::tokenKeyFor(it.key()), it.value(), [self](bool ok, const QString &error) {
            if (self && !ok) {
                self->statusBar()->showMessage(
                    tr("No system keychain (%1): the token stays in memory for this session only.").arg(error));
            }
        });
    }
    openConnection(dialog.selectedProfile());
}

void MainWindow::onSnapshot(const Snapshot &snapshot)
{
    // The diff, and the counts under the filter, run on a worker; onPlanReady() applies the plan.
    m_planner->submit(snapshot, [text = m_order->filterText(), now = filterNow()](ChangePlan &plan) {
        plan.counts = countUnderFilter(*plan.forest, text, now);
    });
}

void MainWindow::onPlanReady()
{
    ChangePlan plan = m_planner->takePlan();
    const bool first = m_model->taskCount() == 0 && m_snapshots == 0;
    const QList<ParseWarning> warnings = plan.warnings;
    const FilterCounts counts = plan.counts;
    if (!m_model->apply(std::move(plan))) {
        m_planner->retry(); // the tree changed while the plan was computed
        return;
    }
    // Bad data is shown, never silently dropped: a count in the status bar, the list on a click.
    m_warningLines.clear();
    for (const ParseWarning &warning : warnings)
        m_warningLines.append(warning.toString());
    m_warnings->setVisible(!warnings.isEmpty());
    if (!warnings.isEmpty()) {
        m_warnings->setText(tr("%n data problem(s)", nullptr, int(warnings.size())));
        const QStringList first = m_warningLines.mid(0, 10);
        m_warnings->setToolTip(first.join(u'\n') + (m_warningLines.size() > first.size() ? QStringLiteral("\n…") : QString()));
    }
    if (first)
        m_view->expandSubtasks({}, 1); // the subtasks of each top-level task
    ++m_snapshots;
    m_valuesDirty = true;
    if (counts.valid && counts.filter == m_order->filterText())
        showCounts(counts);
    else
        recountFilter(); // the filter changed while the plan was computed
    showCurrentDetails(); // the task being read may have changed
    m_banner->hide();
    updateStatus();
    Q_EMIT snapshotApplied();
}

void MainWindow::onPollFailed(const ApiError &error)
{
    Q_UNUSED(error);
    updateStatus();
}

void MainWindow::updateStatus()
{
    const QLocale locale;
    const ConnectionConfig &config = m_client->config();
    m_endpoint->setText(config.baseUrl.isEmpty()
                            ? tr("Not connected")
                            : tr("%1 — account %2").arg(m_description.isEmpty() ? config.baseUrl.toString() : m_description,
                                                        config.accountId));
    const Snapshot *last = m_client->lastSnapshot();
    QString poll;
    if (last) {
        poll = tr("Last poll %1 (%2 ms)")
                   .arg(locale.toString(last->receivedAt.toLocalTime().time(), QLocale::LongFormat))
                   .arg(last->latencyMs);
    }
    const QDateTime next = m_client->nextAttemptAt();
    if (next.isValid() && m_client->state() == TasksClient::State::Waiting) {
        const qint64 seconds = qMax<qint64>(0, (QDateTime::currentDateTimeUtc().msecsTo(next) + 999) / 1000);
        poll += (poll.isEmpty() ? QString() : QStringLiteral(" · ")) + tr("next in %1 s").arg(seconds);
    } else if (m_client->state() == TasksClient::State::Fetching) {
        poll += (poll.isEmpty() ? QString() : QStringLiteral(" · ")) + tr("polling…");
    }
    if (!m_client->isPolling() && m_pauseAction && m_pauseAction->isChecked())
        poll += (poll.isEmpty() ? QString() : QStringLiteral(" · ")) + tr("polling paused");
    m_lastPoll->setText(poll);
    m_counts->setText(m_order->isFiltering()
                          ? tr("%1 of %n task(s) match", nullptr, m_model->taskCount()).arg(m_matching)
                          : tr("%n task(s)", nullptr, m_model->taskCount()));

    const ApiError &error = m_client->lastError();
    if (!error.isError()) {
        m_banner->hide();
        return;
    }
    QString text = error.message();
    if (m_client->lastSuccessAt().isValid()) {
        text += u'\n' + tr("Showing the tasks of the last good poll (%1): they may be out of date.")
                            .arg(locale.toString(m_client->lastSuccessAt().toLocalTime(), QLocale::ShortFormat));
    }
    if (m_client->state() == TasksClient::State::BackingOff && next.isValid()) {
        const qint64 seconds = qMax<qint64>(0, (QDateTime::currentDateTimeUtc().msecsTo(next) + 999) / 1000);
        text += u'\n' + tr("Next retry in %1 s.").arg(seconds);
    } else if (m_client->state() == TasksClient::State::AuthStopped) {
        text += u'\n' + tr("Polling is stopped until the connection settings change.");
    }
    m_bannerText->setText(text);
    // Settings are the way out of errors that retrying cannot fix.
    m_bannerSettings->setVisible(!error.retryCanHelp());
    m_banner->show();
}

} // namespace Taskscope
