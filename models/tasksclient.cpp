// TasksClient: wires the fetcher, the assembler and the poll loop; keeps the last snapshot and error.
#include "tasksclient.h"

#include "backgroundpriority.h"
#include "incrementalsync.h"
#include "logging.h"
#include "namedirectory.h"
#include "pagefetcher.h"
#include "scheduler.h"
#include "snapshotassembler.h"
#include "tasklistparser.h"
#include "workerrelease.h"

#include <QtConcurrent/QtConcurrentRun>

namespace Taskscope {

TasksClient::TasksClient(QObject *parent, Scheduler *scheduler)
    : QObject(parent)
    , m_scheduler(scheduler)
    , m_sync(std::make_shared<IncrementalSync>())
{
    if (!m_scheduler) {
        m_ownScheduler = std::make_unique<QtScheduler>();
        m_scheduler = m_ownScheduler.get();
    }
    qRegisterMetaType<Taskscope::Snapshot>();
    qRegisterMetaType<Taskscope::ApiError>();
    m_fetcher = new PageFetcher(this);
    m_assembler = new SnapshotAssembler(m_fetcher, m_scheduler, this);
    m_loop = new PollLoop(m_scheduler, this);
    m_names = new NameDirectory(m_scheduler, this);
    connect(m_loop, &PollLoop::pollDue, this, &TasksClient::beginPoll);
    connect(m_loop, &PollLoop::stateChanged, this, &TasksClient::stateChanged);
    connect(m_loop, &PollLoop::stateChanged, this, [this](PollLoop::State state) {
        if (state == PollLoop::State::AuthStopped)
            m_names->stop(); // the names lists would be refused too; new credentials start them again
    });
    connect(m_assembler, &SnapshotAssembler::working, m_loop, &PollLoop::setFetching);
    connect(m_assembler, &SnapshotAssembler::finished, this, &TasksClient::onAssembled);
    connect(m_assembler, &SnapshotAssembler::failed, this, &TasksClient::onFailed);
    connect(&m_absorb, &QFutureWatcherBase::finished, this, &TasksClient::onAbsorbed);
    applySettings();
}

TasksClient::~TasksClient()
{
    // The loop's timer and the assembler's request go before the scheduler they use.
    delete m_loop;
    delete m_names;
    delete m_assembler;
}

void TasksClient::applySettings()
{
    PageFetcher::Rules rules;
    rules.token = m_token;
    rules.allowPlainHttp = m_config.allowPlainHttp;
    rules.allowHttpsUpgrade = m_config.allowHttpsUpgrade;
    rules.trustedCertificates = m_config.trustedCertificates;
    rules.maxBodyBytes = m_config.maxBodyBytes;
    rules.transferTimeoutMs = m_config.transferTimeoutMs;
    rules.bodyPadding = TaskListParser::kPadding; // parsed in place, not copied again
    m_fetcher->setRules(rules);
    PageFetcher::Rules namesRules = rules;
    namesRules.bodyPadding = 0; // parsed by QJsonDocument, not in place
    m_names->setConnection(m_config, namesRules);
    m_loop->setTiming({m_config.pollIntervalMs, m_config.backoffInitialMs, m_config.backoffMaxMs});
}

void TasksClient::setConfig(const ConnectionConfig &config)
{
    if (config != m_config)
        change(config, m_token, false);
}

void TasksClient::setToken(const QString &token)
{
    if (token != m_token)
        change(m_config, token, false);
}

void TasksClient::setConnection(const ConnectionConfig &config, const QString &token)
{
    if (config != m_config || token != m_token)
        change(config, token, true);
}

void TasksClient::change(const ConnectionConfig &config, const QString &token, bool forgetOtherEndpoint)
{
    if (forgetOtherEndpoint && config.tasksUrl() != m_config.tasksUrl()) {
        releaseOnWorker(std::move(m_lastSnapshot));
        m_lastError = ApiError();
        m_lastSuccessAt = {};
    }
    abandonAbsorb();
    if (config != m_config)
        m_sync->reset(); // the merged view belongs to the old settings
    // New credentials or another account: the names are asked for again (a 401 there is history).
    const bool namesAgain = token != m_token || config.baseUrl != m_config.baseUrl || config.accountId != m_config.accountId;
    m_config = config;
    m_token = token;
    applySettings();
    if (m_loop->isPolling())
        m_assembler->abort();
    m_loop->restart();
    if (m_namesEnabled && m_loop->isPolling() && (namesAgain || !m_names->isActive())) {
        m_names->stop();
        m_names->start();
    }
}

void TasksClient::start()
{
    m_loop->start();
    if (m_namesEnabled)
        m_names->start();
}

void TasksClient::setNamesEnabled(bool enabled)
{
    m_namesEnabled = enabled;
    if (!enabled)
        m_names->stop();
    else if (m_loop->isPolling())
        m_names->start();
}

void TasksClient::stop()
{
    abandonAbsorb();
    m_assembler->abort();
    m_loop->stop();
    m_names->stop();
}

void TasksClient::pollNow()
{
    // Asked for by the user ("Refresh", "Retry now"): the whole list, removals included, and the
    // names again.
    requireFull();
    m_loop->pollNow();
    if (m_names->isActive())
        m_names->start();
}

void TasksClient::fetchOnce()
{
    m_loop->fetchOnce();
}

bool TasksClient::isPolling() const
{
    return m_loop->isPolling();
}

TasksClient::State TasksClient::state() const
{
    return m_loop->state();
}

QDateTime TasksClient::nextAttemptAt() const
{
    return m_loop->nextAttemptAt();
}

int TasksClient::consecutiveFailures() const
{
    return m_loop->consecutiveFailures();
}

qint64 TasksClient::requestsSent() const
{
    return m_fetcher->requestsSent();
}

bool TasksClient::hasRequestInFlight() const
{
    return m_fetcher->isBusy();
}

void TasksClient::requireFull()
{
    if (m_absorbing)
        m_fullRequested = true;
    else
        m_sync->requireFull();
}

void TasksClient::abandonAbsorb()
{
    if (!m_absorbing)
        return;
    m_absorbing = false; // its result is dropped when it comes
    m_fullRequested = false;
    m_sync = std::make_shared<IncrementalSync>(); // the worker still holds the old one
}

void TasksClient::beginPoll()
{
    abandonAbsorb(); // the poll loop abandoned the poll whose merge was running
    const std::optional<QString> changedSince = m_sync->beginPoll(m_config);
    m_assembler->start(m_config, changedSince ? QStringList{*changedSince} : QStringList());
}

void TasksClient::onAssembled()
{
    m_absorbing = true;
    m_absorb.setFuture(QtConcurrent::run([sync = m_sync, received = m_assembler->takeResult()]() mutable {
        yieldToTheUiThread();
        return sync->absorb(std::move(received));
    }));
}

void TasksClient::onAbsorbed()
{
    QFuture<std::unique_ptr<Snapshot>> future = m_absorb.future();
    std::unique_ptr<Snapshot> snapshot = future.resultCount() > 0 ? future.takeResult() : nullptr;
    if (!m_absorbing || !snapshot) {
        releaseOnWorker(std::move(snapshot)); // abandoned: a new poll is on its way, or none is wanted
        return;
    }
    m_absorbing = false;
    if (std::exchange(m_fullRequested, false))
        m_sync->requireFull();
    releaseOnWorker(std::exchange(m_lastSnapshot, std::move(snapshot)));
    m_lastError = ApiError();
    m_lastSuccessAt = m_lastSnapshot->receivedAt;
    qCDebug(lcNetwork) << (m_lastSnapshot->full ? "full" : "incremental") << "poll complete:"
                       << m_lastSnapshot->tasks.size() << "tasks," << m_lastSnapshot->bytes << "bytes in"
                       << m_lastSnapshot->pages << "pages";
    m_loop->pollSucceeded();
    Q_EMIT snapshotReady(*m_lastSnapshot);
}

void TasksClient::onFailed(const ApiError &error)
{
    m_lastError = error;
    requireFull(); // the next list learns what the failure may have hidden
    qCDebug(lcNetwork) << "poll failed:" << error.message();
    m_loop->pollFailed(error);
    Q_EMIT pollFailed(m_lastError);
}

} // namespace Taskscope
