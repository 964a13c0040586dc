// NameDirectory: see namedirectory.h.
#include "namedirectory.h"

#include "changeplan.h"
#include "logging.h"
#include "scheduler.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QtConcurrent/QtConcurrentRun>

namespace Taskscope {

namespace {

// The values asked for with `include=`, in this order; the first two are always id and name.
QStringList includedFields(NameKind kind)
{
    if (kind == NameKind::App)
        return {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("clusterName"), QStringLiteral("clusterID")};
    return {QStringLiteral("id"), QStringLiteral("name")};
}

QString listPath(NameKind kind)
{
    switch (kind) {
    case NameKind::App: return QStringLiteral("/k8s/v2/apps");
    case NameKind::Cluster: return QStringLiteral("/topology/v1/clusters");
    case NameKind::Cloud: return QStringLiteral("/topology/v1/clouds");
    case NameKind::Namespace: return QStringLiteral("/topology/v1/namespaces");
    }
    return {};
}

// One item's values by field name, from an object or from an array in `include` order.
QString itemText(const QJsonValue &item, const QStringList &include, const QString &field)
{
    if (item.isObject())
        return item.toObject().value(field).toString();
    const qsizetype at = include.indexOf(field);
    return at >= 0 ? item.toArray().at(at).toString() : QString();
}

} // namespace

NamesPage NamesPage::parse(const QByteArray &body, NameKind kind)
{
    NamesPage page;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        page.error = tr("not JSON (%1 at byte %2)").arg(parseError.errorString()).arg(parseError.offset);
        return page;
    }
    const QJsonValue items = doc.object().value(QLatin1String("items"));
    if (!doc.isObject() || !items.isArray()) {
        page.error = tr("the response has no \"items\" list");
        return page;
    }
    const QStringList include = includedFields(kind);
    for (const QJsonValue &item : items.toArray()) {
        const QString id = itemText(item, include, QStringLiteral("id"));
        const QString name = itemText(item, include, QStringLiteral("name"));
        if ((!item.isObject() && !item.isArray()) || id.isEmpty() || name.isEmpty()) {
            ++page.skipped;
            continue;
        }
        page.names.insert(kind, id, name);
        if (kind == NameKind::App) { // an app names its cluster too: a fallback for the clusters list
            const QString clusterId = itemText(item, include, QStringLiteral("clusterID"));
            const QString clusterName = itemText(item, include, QStringLiteral("clusterName"));
            if (!clusterId.isEmpty() && !clusterName.isEmpty())
                page.names.insert(NameKind::Cluster, clusterId, clusterName);
        }
    }
    page.continueToken = doc.object().value(QLatin1String("metadata")).toObject().value(QLatin1String("continue")).toString();
    return page;
}

NameDirectory::NameDirectory(Scheduler *scheduler, QObject *parent)
    : QObject(parent)
    , m_scheduler(scheduler)
    , m_fetcher(new PageFetcher(this))
    , m_table(std::make_shared<const NameTable>())
{
    connect(m_fetcher, &PageFetcher::fetched, this, &NameDirectory::onFetched);
    connect(m_fetcher, &PageFetcher::failed, this, [this](const ApiError &error) { failKind(error.message()); });
    connect(&m_parse, &QFutureWatcherBase::finished, this, &NameDirectory::onParsed);
}

NameDirectory::~NameDirectory()
{
    cancelTimer();
    m_parse.waitForFinished();
}

void NameDirectory::setConnection(const ConnectionConfig &config, const PageFetcher::Rules &rules)
{
    const bool elsewhere = config.accountUrl({}) != m_config.accountUrl({});
    m_config = config;
    m_fetcher->setRules(rules);
    if (!elsewhere)
        return;
    // Someone else's names: forgotten at once, and a round in flight is abandoned.
    const bool wasFetching = isFetching();
    m_fetcher->abort();
    ++m_generation;
    m_kindIndex = -1;
    m_roundStarted = {};
    if (!m_table->isEmpty()) {
        m_table = std::make_shared<const NameTable>();
        emit namesChanged(m_table);
    }
    if (!m_problem.isEmpty()) {
        m_problem.clear();
        emit problemChanged(m_problem);
    }
    if (m_active && wasFetching)
        beginRound();
}

void NameDirectory::start()
{
    m_active = true;
    if (!isFetching())
        beginRound();
}

void NameDirectory::stop()
{
    m_active = false;
    cancelTimer();
    m_fetcher->abort();
    ++m_generation;
    m_kindIndex = -1;
}

void NameDirectory::noteUnknownIds()
{
    if (!m_active || m_unknownPending)
        return;
    m_unknownPending = true; // a round in flight may not have the new ids yet: another follows it
    if (isFetching())
        return;
    const qint64 since = m_roundStarted.isValid() ? m_roundStarted.msecsTo(m_scheduler->now()) : m_unknownGapMs;
    scheduleRound(qMax<qint64>(0, m_unknownGapMs - since));
}

bool NameDirectory::hasUnknownIds(const ChangePlan &plan, const NameTablePtr &table)
{
    if (!plan.forest)
        return false;
    const TaskForest &forest = *plan.forest;
    // An app's tasks (a backup and its subtasks, the next backup) name the same places: each app is
    // looked at once, so a first list of 100,000 tasks costs one URI read per task.
    QSet<QString> appsSeen;
    for (int slot = 0; slot < forest.size(); ++slot) {
        if (slot < int(plan.isNew.size()) && !plan.isNew[size_t(slot)])
            continue;
        const Task &task = forest.task(slot);
        const QString app = TaskPlace::idOf(task, NameKind::App);
        if (!app.isEmpty() && appsSeen.contains(app))
            continue;
        for (const NameKind kind : kNameKinds) {
            const QString id = kind == NameKind::App ? app : TaskPlace::idOf(task, kind);
            if (!id.isEmpty() && !(table && table->contains(kind, id)))
                return true;
        }
        if (!app.isEmpty())
            appsSeen.insert(app);
    }
    return false;
}

QUrl NameDirectory::listUrl(const ConnectionConfig &config, NameKind kind, const QString &continueToken)
{
    QUrl url = config.accountUrl(listPath(kind));
    // Built by hand as the tasks client does: a continue token's '+' must be percent-encoded.
    QByteArray query = "include=" + includedFields(kind).join(u',').toLatin1();
    if (config.pageSize > 0)
        query += "&limit=" + QByteArray::number(config.pageSize);
    if (!continueToken.isEmpty())
        query += "&continue=" + QUrl::toPercentEncoding(continueToken);
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return url;
}

void NameDirectory::beginRound()
{
    cancelTimer();
    m_unknownPending = false;
    m_roundStarted = m_scheduler->now();
    m_roundTable = NameTable();
    m_roundProblems.clear();
    m_kindIndex = -1;
    nextKind();
}

void NameDirectory::nextKind()
{
    ++m_kindIndex;
    if (m_kindIndex >= NameKindCount) {
        finishRound();
        return;
    }
    m_building = NameTable();
    m_pages = 0;
    m_seenTokens.clear();
    requestPage({});
}

void NameDirectory::requestPage(const QString &continueToken)
{
    const QUrl url = listUrl(m_config, kNameKinds[size_t(m_kindIndex)], continueToken);
    if (const auto refused = m_fetcher->refusal(url, url)) {
        failKind(refused->message());
        return;
    }
    ++m_pages;
    m_fetcher->fetch(url);
}

void NameDirectory::onFetched(const QByteArrayList &body, const QString &)
{
    if (!isFetching())
        return;
    const QByteArray bytes = PageFetcher::joined(body, 0);
    const NameKind kind = kNameKinds[size_t(m_kindIndex)];
    const quint64 generation = m_generation;
    m_parse.setFuture(QtConcurrent::run([bytes, kind] { return NamesPage::parse(bytes, kind); }));
    m_parse.setProperty("generation", generation);
}

void NameDirectory::onParsed()
{
    if (!isFetching() || m_parse.property("generation").toULongLong() != m_generation)
        return;
    const NamesPage page = m_parse.result();
    if (!page.error.isEmpty()) {
        failKind(page.error);
        return;
    }
    if (page.skipped > 0)
        qCWarning(lcNetwork) << "names:" << page.skipped << "items without an id and a name in" << listPath(kNameKinds[size_t(m_kindIndex)]);
    m_building.merge(page.names);
    if (page.continueToken.isEmpty()) {
        const NameKind kind = kNameKinds[size_t(m_kindIndex)];
        if (kind == NameKind::Cluster) {
            m_roundTable.merge(m_building); // adds to (and wins over) the clusters the apps named
        } else {
            m_roundTable.replaceKind(kind, m_building);
            if (kind == NameKind::App) // the apps' clusters, until the clusters list answers
                m_roundTable.replaceKind(NameKind::Cluster, m_building);
        }
        nextKind();
        return;
    }
    if (m_seenTokens.contains(page.continueToken) || m_pages >= m_maxPages) {
        failKind(m_pages >= m_maxPages ? tr("more than %n pages", nullptr, m_maxPages)
                                       : tr("the server repeated a continue token"));
        return;
    }
    m_seenTokens.insert(page.continueToken);
    requestPage(page.continueToken);
}

void NameDirectory::failKind(const QString &why)
{
    if (!isFetching())
        return;
    const NameKind kind = kNameKinds[size_t(m_kindIndex)];
    m_roundProblems.append(tr("%1: %2").arg(kindTitle(kind), why));
    // The names this list had stay until it answers again.
    NameTable kept;
    kept.replaceKind(kind, *m_table);
    m_roundTable.merge(kept);
    nextKind();
}

void NameDirectory::finishRound()
{
    m_kindIndex = -1;
    if (*m_table != m_roundTable) {
        m_table = std::make_shared<const NameTable>(m_roundTable);
        emit namesChanged(m_table);
    }
    const QString problem = m_roundProblems.join(u'\n');
    if (problem != m_problem) {
        m_problem = problem;
        emit problemChanged(m_problem);
    }
    if (m_active)
        scheduleRound(m_unknownPending ? m_unknownGapMs : m_refreshMs);
    emit roundFinished();
}

void NameDirectory::scheduleRound(qint64 delayMs)
{
    cancelTimer();
    m_timer = m_scheduler->schedule(delayMs, [this] {
        m_timer = 0;
        if (m_active && !isFetching())
            beginRound();
    });
}

void NameDirectory::cancelTimer()
{
    if (m_timer)
        m_scheduler->cancel(m_timer);
    m_timer = 0;
}

QString NameDirectory::kindTitle(NameKind kind)
{
    switch (kind) {
    case NameKind::App: return tr("App names");
    case NameKind::Cluster: return tr("Cluster names");
    case NameKind::Cloud: return tr("Cloud names");
    case NameKind::Namespace: return tr("Namespace names");
    }
    return {};
}

} // namespace Taskscope
