// `taskscope watch`: polls without a display, records every poll in the history as the window does,
// and prints each state transition once the history holds it (like `kubectl get -w`).
#include "watchcommand.h"

#include "changeplanner.h"
#include "connectionoptions.h"
#include "connectionprofile.h"
#include "exportcommand.h"
#include "historycommandline.h"
#include "historystore.h"
#include "namedirectory.h"
#include "tasksclient.h"
#include "tokenstore.h"

#include <QCommandLineParser>
#include <QFileDevice>
#include <QSocketNotifier>
#include <QTextStream>
#include <QTimer>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace Taskscope {

namespace {

// SIGINT and SIGTERM reach the event loop through a socket pair: the handler only writes a byte
// (async-signal-safe), a QSocketNotifier reads it on the loop's thread.
int g_signalSockets[2] = {-1, -1};

void onUnixSignal(int signal)
{
    const char byte = char(signal);
    [[maybe_unused]] const ssize_t written = ::write(g_signalSockets[0], &byte, 1);
}

// Installs the handlers for its lifetime; the previous ones come back after.
class SignalRoute final
{
public:
    SignalRoute()
    {
        if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalSockets) != 0)
            return;
        struct sigaction action = {};
        action.sa_handler = onUnixSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        m_ok = ::sigaction(SIGINT, &action, &m_oldInt) == 0 && ::sigaction(SIGTERM, &action, &m_oldTerm) == 0;
    }
    ~SignalRoute()
    {
        ::sigaction(SIGINT, &m_oldInt, nullptr);
        ::sigaction(SIGTERM, &m_oldTerm, nullptr);
        for (int &socket : g_signalSockets) {
            if (socket >= 0)
                ::close(socket);
            socket = -1;
        }
    }
    SignalRoute(const SignalRoute &) = delete;
    SignalRoute &operator=(const SignalRoute &) = delete;
    bool isOk() const { return m_ok; }
    int readSocket() const { return g_signalSockets[1]; }

private:
    struct sigaction m_oldInt = {};
    struct sigaction m_oldTerm = {};
    bool m_ok = false;
};

constexpr size_t kRecentPolls = 8;
constexpr int kNamesWaitMs = 5000;

} // namespace

WatchCommand::WatchCommand(const HistoryCommandLine &cli, HistoryStore *store, const Source &source,
                           const FilterExpr &filter, QIODevice *out, QTextStream &err)
    : m_cli(cli)
    , m_store(store)
    , m_source(source)
    , m_out(out)
    , m_err(err)
    , m_client(new TasksClient(this))
    , m_planner(new ChangePlanner([this] { return m_forest; }, this))
    , m_forest(TaskForest::empty())
    , m_filter(filter)
{
    connect(m_client, &TasksClient::snapshotReady, this, &WatchCommand::onSnapshot);
    connect(m_client, &TasksClient::pollFailed, this, &WatchCommand::onPollFailed);
    connect(m_planner, &ChangePlanner::planReady, this, &WatchCommand::onPlanReady);
    connect(m_store, &HistoryStore::recorded, this, &WatchCommand::onRecorded);
    connect(m_store, &HistoryStore::statusChanged, this, [this](HistoryStore::Status status, const QString &message) {
        if (status == HistoryStore::Status::Recording) {
            m_err << m_cli.errorLine(tr("the history records again")) << Qt::endl;
            return;
        }
        // A poll that was not written (a full disk, another process holding the file): polling goes
        // on, as in the window, and the next poll is compared with the whole file again, so that
        // what changed meanwhile is recorded then (and printed once it is).
        m_err << m_cli.errorLine(message) << Qt::endl;
        m_resync = true;
    });
    NameDirectory *names = m_client->names();
    // The first poll waits for the names (a few seconds at most): every line, and the history,
    // then has the app's name from the start.
    connect(names, &NameDirectory::roundFinished, this, &WatchCommand::namesReady);
    connect(names, &NameDirectory::problemChanged, this, [this](const QString &problem) {
        if (problem.isEmpty() || problem == m_namesProblem)
            return;
        m_namesProblem = problem;
        for (const QString &line : problem.split(u'\n', Qt::SkipEmptyParts))
            m_err << m_cli.errorLine(ExportCommand::tr("warning: names not resolved: %1").arg(line)) << Qt::endl;
    });
    m_client->setNamesEnabled(true);
    m_client->setConnection(m_source.config, m_source.token);
}

WatchCommand::~WatchCommand() = default;

int WatchCommand::exec(double durationSeconds)
{
    SignalRoute route;
    if (route.isOk()) {
        m_signals = new QSocketNotifier(route.readSocket(), QSocketNotifier::Read, this);
        connect(m_signals, &QSocketNotifier::activated, this, &WatchCommand::onSignal);
    }
    if (durationSeconds > 0)
        QTimer::singleShot(qint64(durationSeconds * 1000), this, [this] { stop(ExportCommand::Success); });
    QTimer::singleShot(kNamesWaitMs, this, &WatchCommand::namesReady);
    m_client->start();
    // A failure found at once (no token, a refused URL) has stopped it already.
    const int exitCode = m_stopping ? m_exitCode : m_loop.exec();
    delete m_signals; // before the route closes its socket
    m_signals = nullptr;
    return exitCode;
}

void WatchCommand::onSignal()
{
    char byte = 0;
    [[maybe_unused]] const ssize_t got = ::read(m_signals->socket(), &byte, 1);
    stop(ExportCommand::Success);
}

void WatchCommand::onSnapshot(const Snapshot &snapshot)
{
    if (m_stopping)
        return;
    // One plan at a time, each against the tree recorded last (a failed write can make that tree
    // empty before the next plan starts); while one is computed only the newest snapshot waits
    // (each is the whole list).
    if (m_planner->isBusy() || !m_namesReady)
        m_waiting = snapshot;
    else
        submit(snapshot);
}

void WatchCommand::namesReady()
{
    if (m_namesReady || m_stopping)
        return;
    m_namesReady = true;
    if (m_waiting && !m_planner->isBusy()) {
        const Snapshot first = std::move(*m_waiting);
        m_waiting.reset();
        submit(first);
    }
}

void WatchCommand::submit(const Snapshot &snapshot)
{
    // While the store fails, every poll is a resync: the one that is written when it recovers
    // compares every task with the file (a status repeated is not signalled again).
    if (m_store->status() == HistoryStore::Status::Failed)
        m_resync = true;
    m_planningResync = m_resync;
    if (m_resync) {
        m_forest = TaskForest::empty(); // every task appears, and the store compares it with the file
        m_resync = false;
    }
    m_planner->submit(snapshot, [names = m_client->names()->table()](ChangePlan &plan) {
        plan.unknownNames = NameDirectory::hasUnknownIds(plan, names);
    });
}

void WatchCommand::onPlanReady()
{
    ChangePlan plan = m_planner->takePlan();
    if (m_stopping)
        return;
    for (const ParseWarning &warning : std::as_const(plan.warnings))
        m_err << m_cli.errorLine(ExportCommand::tr("warning: %1").arg(warning.toString())) << Qt::endl;
    if (plan.unknownNames)
        m_client->names()->noteUnknownIds();
    HistoryBatch batch = HistoryBatch::fromPlan(plan, m_source.key, m_source.label, m_client->names()->table(),
                                                plan.full, m_first || m_planningResync);
    m_first = false;
    if (!m_filter.isEmpty()) { // the trees are kept only to evaluate it
        m_recent.push_back(Recent{batch.at, plan.forest, plan.previous});
        if (m_recent.size() > kRecentPolls)
            m_recent.pop_front();
    }
    m_forest = plan.forest;
    m_store->record(std::move(batch));
    if (m_waiting) {
        const Snapshot next = std::move(*m_waiting);
        m_waiting.reset();
        submit(next);
    }
}

// Runs once the store committed the poll: a printed line is in the file.
void WatchCommand::onRecorded(const QList<HistoryTransition> &transitions)
{
    QByteArray lines;
    for (const HistoryTransition &transition : transitions) {
        if (printed(transition))
            lines += HistoryCommandLine::transitionLine(transition, m_source.label);
    }
    if (lines.isEmpty())
        return;
    auto *file = qobject_cast<QFileDevice *>(m_out);
    if (m_out->write(lines) != lines.size() || (file && !file->flush())) {
        m_err << m_cli.errorLine(ExportCommand::tr("cannot write to standard output: %1").arg(m_out->errorString())) << Qt::endl;
        stop(ExportCommand::Failure);
    }
}

bool WatchCommand::printed(const HistoryTransition &transition)
{
    if (m_filter.isEmpty())
        return true;
    m_filter.setNow(QDateTime::currentDateTimeUtc());
    m_filter.setNames(m_client->names()->table());
    if (const Task *task = taskOf(transition))
        return m_filter.matches(*task);
    // No tree holds it any more (an old poll's): what the transition says of it.
    Task task;
    task.id = transition.taskId;
    task.name = transition.taskName;
    task.stateText = transition.to;
    task.state = stateFromApiName(transition.to);
    return m_filter.matches(task);
}

const Task *WatchCommand::taskOf(const HistoryTransition &transition) const
{
    const auto find = [&transition](const TaskForestPtr &forest) -> const Task * {
        const int slot = forest ? forest->slotOf(transition.taskId) : -1;
        return slot >= 0 ? forest->taskObject(slot) : nullptr;
    };
    // The poll that saw it first (the task as it was then), newest first.
    for (auto it = m_recent.crbegin(); it != m_recent.crend(); ++it) {
        if (it->at != transition.at)
            continue;
        if (const Task *task = find(it->forest))
            return task;
        return find(it->previous); // gone with that poll
    }
    return find(m_forest);
}

void WatchCommand::onPollFailed(const ApiError &error)
{
    if (m_stopping)
        return;
    if (error.stopsPolling()) {
        // Credentials refused (401/403), no token, a refused URL: only other settings help.
        m_err << m_cli.errorLine(error.message()) << Qt::endl;
        stop(ExportCommand::EndpointError);
        return;
    }
    const QDateTime next = m_client->nextAttemptAt();
    const qint64 seconds = next.isValid() ? qMax<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(next)) : -1;
    m_err << m_cli.errorLine(seconds >= 0 ? tr("%1 (retrying in %n s)", nullptr, int(seconds)).arg(error.message())
                                          : error.message())
          << Qt::endl;
}

void WatchCommand::stop(int exitCode)
{
    if (m_stopping) { // a failure while stopping (standard output, during the flush) still counts
        m_exitCode = qMax(m_exitCode, exitCode);
        return;
    }
    m_stopping = true;
    m_exitCode = exitCode;
    m_client->stop();
    m_planner->cancel();
    m_waiting.reset();
    // Every poll handed to the store is committed, and its transitions printed (flush() delivers
    // `recorded`), before the end.
    m_store->flush();
    m_loop.exit(m_exitCode);
}

int WatchCommand::run(const QStringList &arguments, QIODevice *out, QTextStream &err)
{
    HistoryCommandLine cli(QStringLiteral("watch"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Poll without a display, record the history, and print each state transition as it happens."));
    cli.addTo(parser);
    const QCommandLineOption filterOption(
        QStringLiteral("filter"),
        tr("Print only the transitions of tasks that match <expression> (everything is recorded)."),
        ExportCommand::tr("expression"));
    const QCommandLineOption durationOption(QStringLiteral("duration"),
                                            tr("End after <seconds> (default: until interrupted)."), tr("seconds"));
    const QCommandLineOption intervalOption(
        QStringLiteral("interval"),
        tr("Poll every <seconds> (default: the saved connection's interval, else 10)."), tr("seconds"));
    parser.addOptions({filterOption, durationOption, intervalOption});
    ConnectionOptions connection;
    connection.addTo(parser);

    if (const std::optional<int> done = cli.parse(parser, arguments, out, err))
        return *done;
    const int sources = int(cli.connectionRequested(parser)) + int(connection.urlRequested(parser))
        + int(connection.demoRequested(parser));
    if (sources != 1) {
        err << cli.errorLine(sources == 0 ? tr("say what to watch: --connection NAME, --url URL --account ID, or --demo")
                                          : HistoryCommandLine::tr("--connection, --url and --demo exclude each other: choose one"))
            << Qt::endl;
        return ExportCommand::UsageError;
    }
    FilterExpr filter;
    if (parser.isSet(filterOption)
        && !ExportCommand::parseFilterOption(parser.value(filterOption), cli.errorLine({}), &filter, err))
        return ExportCommand::UsageError;
    double duration = 0;
    if (parser.isSet(durationOption)) {
        bool ok = false;
        duration = parser.value(durationOption).toDouble(&ok);
        if (!ok || duration <= 0) {
            err << cli.errorLine(tr("--duration takes a number of seconds above 0")) << Qt::endl;
            return ExportCommand::UsageError;
        }
    }
    int intervalMs = 0;
    if (parser.isSet(intervalOption)) {
        bool ok = false;
        const double seconds = parser.value(intervalOption).toDouble(&ok);
        if (!ok || seconds < 0.1 || seconds > 24 * 3600) {
            err << cli.errorLine(tr("--interval takes a number of seconds from 0.1 to 86400")) << Qt::endl;
            return ExportCommand::UsageError;
        }
        intervalMs = int(seconds * 1000);
    }

    Source source;
    QString error;
    if (cli.connectionRequested(parser)) {
        ConnectionProfile profile;
        if (!HistoryCommandLine::findProfile(cli.connectionName(parser), &profile, &error)) {
            err << cli.errorLine(error) << Qt::endl;
            return ExportCommand::UsageError;
        }
        source.config = profile.config();
        const QString tokenFile = parser.value(QStringLiteral("token-file"));
        if (!tokenFile.isEmpty()) {
            if (!TokenFromEnvironment::fromFile(tokenFile, &source.token, &error)) {
                err << cli.errorLine(error) << Qt::endl;
                return ExportCommand::UsageError;
            }
        } else {
            source.token = TokenFromEnvironment::fromEnvironment();
        }
        if (source.token.isEmpty()) {
            // The window keeps the token in the system keychain: over D-Bus, no display needed.
            KeychainTokenStore keychain(QStringLiteral("taskscope"));
            struct Answer
            {
                bool done = false;
                bool ok = false;
                QString token;
                QString error;
            };
            auto answer = std::make_shared<Answer>();
            QEventLoop wait;
            keychain.read(profile.tokenKey(), [answer, &wait](bool ok, const QString &token, const QString &why) {
                *answer = Answer{true, ok, token, why};
                wait.quit();
            });
            QTimer::singleShot(20'000, &wait, &QEventLoop::quit); // a keychain that asks to be unlocked
            if (!answer->done)
                wait.exec();
            source.token = answer->token;
            if (source.token.isEmpty()) {
                const QString why = !answer->done ? tr("the system keychain did not answer")
                                    : answer->ok  ? tr("the system keychain holds no token for it")
                                                  : tr("the system keychain is not available (%1)").arg(answer->error);
                err << cli.errorLine(tr("no API token for \"%1\": %2; use --token-file FILE or set ASTRA_TOKEN")
                                         .arg(profile.name, why))
                    << Qt::endl;
                return ExportCommand::UsageError;
            }
        }
        source.key = historyConnectionKey(source.config);
        source.label = historyConnectionLabel(source.config.baseUrl, source.config.accountId);
    } else {
        if (!connection.resolve(parser, &source.config, &source.token, &error)) {
            err << cli.errorLine(error) << Qt::endl;
            return ExportCommand::UsageError;
        }
        if (connection.demoRequested(parser)) {
            // The embedded server's port changes every time; its history does not.
            const QUrl url = ConnectionOptions::demoHistoryUrl();
            source.key = historyConnectionKey(url, ConnectionOptions::demoAccountId());
            source.label = historyConnectionLabel(url, ConnectionOptions::demoAccountId());
        } else {
            if (source.token.isEmpty()) {
                err << cli.errorLine(ExportCommand::tr("no API token: use --token-file FILE or set ASTRA_TOKEN")) << Qt::endl;
                return ExportCommand::UsageError;
            }
            source.key = historyConnectionKey(source.config);
            source.label = historyConnectionLabel(source.config.baseUrl, source.config.accountId);
        }
    }
    if (intervalMs > 0)
        source.config.pollIntervalMs = intervalMs;

    // The history first: watch exists to record, so a file it cannot write ends it before any poll.
    const QString path = cli.historyPath(parser);
    HistoryStore store;
    {
        QEventLoop wait;
        connect(&store, &HistoryStore::statusChanged, &wait, &QEventLoop::quit);
        store.open(path);
        while (store.status() == HistoryStore::Status::Off)
            wait.exec();
    }
    if (store.status() != HistoryStore::Status::Recording) {
        err << cli.errorLine(tr("cannot record the history in %1: %2").arg(path, store.message())) << Qt::endl;
        return ExportCommand::Failure;
    }
    if (!store.message().isEmpty()) // a corrupt file moved aside, say
        err << cli.errorLine(store.message()) << Qt::endl;

    WatchCommand watch(cli, &store, source, filter, out, err);
    return watch.exec(duration);
}

} // namespace Taskscope
