#include "historycontroller.h"

#include "changeplan.h"
#include "connectionconfig.h"
#include "connectionoptions.h"

#include <QFutureWatcher>
#include <QSettings>
#include <QtConcurrent>

namespace Taskscope {

namespace {

const QString kPathKey = QStringLiteral("History/path");
const QString kEnabledKey = QStringLiteral("History/enabled");
const QString kIncludeKey = QStringLiteral("History/includeFinished");
const QString kWindowKey = QStringLiteral("History/finishedDays");
const QString kAgeKey = QStringLiteral("History/retentionDays");
const QString kSizeKey = QStringLiteral("History/retentionMiB");
// Tasks the server no longer lists stay in the tree this long: a weekend, and a big account's tree
// stays a few times its live size.
constexpr int kDefaultWindowDays = 3;

} // namespace

HistoryController::HistoryController(QObject *parent)
    : QObject(parent)
    , m_store(new HistoryStore(this))
{
    const QSettings settings;
    m_overlay->setIncludeGone(settings.value(kIncludeKey, true).toBool());
    m_overlay->setGoneWindowDays(settings.value(kWindowKey, kDefaultWindowDays).toInt());
    m_store->setRetention(settings.value(kAgeKey, 90).toInt(), settings.value(kSizeKey, 1024).toLongLong() * 1024 * 1024);
    connect(m_store, &HistoryStore::statusChanged, this, &HistoryController::statusChanged);
    // A poll that was not written: the next one is compared with the file again (changes of
    // tasks it lists are caught up; a change between two polls not written is not).
    connect(m_store, &HistoryStore::statusChanged, this, [this](HistoryStore::Status status) {
        if (status == HistoryStore::Status::Failed)
            m_firstOfSession = true;
    });
    connect(m_store, &HistoryStore::recorded, this, &HistoryController::recorded);
}

HistoryController::~HistoryController() = default;

QString HistoryController::configuredPath()
{
    const QString path = QSettings().value(kPathKey).toString();
    return path.isEmpty() ? HistoryDatabase::defaultPath() : path;
}

bool HistoryController::configuredEnabled()
{
    return QSettings().value(kEnabledKey, true).toBool();
}

void HistoryController::open(const QString &path)
{
    m_opened = !path.isEmpty();
    m_overlay->setEnabled(m_opened);
    if (!m_opened) {
        m_store->close();
        return;
    }
    m_store->open(path);
    if (!m_key.isEmpty()) { // opened after the connection was chosen: what the file knows of it
        m_key.clear();
        setConnection(m_config, m_demo);
    }
}

void HistoryController::setConnection(const ConnectionConfig &config, bool demo)
{
    const QUrl url = demo ? ConnectionOptions::demoHistoryUrl() : config.baseUrl;
    const QString account = demo ? ConnectionOptions::demoAccountId() : config.accountId;
    const QString key = historyConnectionKey(url, account);
    if (key == m_key)
        return;
    m_key = key;
    m_config = config;
    m_demo = demo;
    m_label = historyConnectionLabel(url, account);
    m_firstOfSession = true;
    m_overlay->clear();
    const quint64 serial = ++m_loadSerial;
    Q_EMIT connectionChanged();
    if (!m_opened)
        return;
    HistoryQuery query;
    query.connections = {key};
    const int days = QSettings().value(kWindowKey, kDefaultWindowDays).toInt();
    if (days > 0)
        query.since = QDateTime::currentDateTimeUtc().addDays(-days);
    m_store->queryTasks(query, this, [this, serial](QList<HistoryTask> tasks) {
        if (serial != m_loadSerial || tasks.isEmpty())
            return; // another connection meanwhile, or nothing known
        // Parsing days of tasks is not the UI thread's work.
        auto *watcher = new QFutureWatcher<void>(this);
        connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher, serial] {
            watcher->deleteLater();
            if (serial == m_loadSerial)
                Q_EMIT overlayLoaded();
        });
        watcher->setFuture(QtConcurrent::run([overlay = m_overlay, tasks = std::move(tasks), generation = m_overlay->generation()] {
            overlay->load(tasks, generation);
        }));
    });
}

void HistoryController::setIncludeFinished(bool include)
{
    m_overlay->setIncludeGone(include);
    QSettings().setValue(kIncludeKey, include);
}

std::optional<HistoryBatch> HistoryController::batchFor(const ChangePlan &plan, NameTablePtr names) const
{
    if (m_key.isEmpty() || !m_opened || !plan.forest)
        return std::nullopt;
    return HistoryBatch::fromPlan(plan, m_key, m_label, std::move(names), plan.full, m_firstOfSession);
}

void HistoryController::commit(HistoryBatch batch)
{
    // Queued even before the store's thread says it opened: it writes it then, or drops it
    // (read-only, failed) and has said why.
    if (batch.connection != m_key)
        return; // planned for the connection before
    m_store->record(std::move(batch));
    m_firstOfSession = false;
}

void HistoryController::transitionsOf(const QString &taskId, QObject *context,
                                      std::function<void(QList<HistoryTransition>)> done)
{
    HistoryQuery query;
    query.connections = {m_key};
    query.taskId = taskId;
    m_store->queryTransitions(query, context, std::move(done));
}

void HistoryController::transitionsSince(const QDateTime &since, int limit, QObject *context,
                                         std::function<void(QList<HistoryTransition>)> done)
{
    HistoryQuery query;
    query.connections = {m_key};
    query.since = since;
    query.limit = limit;
    m_store->queryTransitions(query, context, std::move(done));
}

} // namespace Taskscope
