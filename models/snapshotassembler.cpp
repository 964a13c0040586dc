// SnapshotAssembler: pages are parsed on worker threads, several at once (each page stands alone),
// and their results are taken in page order on this thread; a large list never blocks the UI thread.
#include "snapshotassembler.h"

#include "backgroundpriority.h"
#include "logging.h"
#include "pagefetcher.h"
#include "scheduler.h"
#include "tasklistparser.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace Taskscope {

namespace {

// One page as the worker thread parsed it.
struct ParsedPage
{
    bool ok = false;
    TaskListPage page;
    ParseError error;
};

} // namespace

struct PendingPage
{
    QByteArrayList body; // as the fetcher hands it over: one piece, joined in its thread
    qint64 bytes = 0;
    QString url;
    QString prefetched; // the next page was requested early on this token
    std::shared_ptr<QFutureWatcher<ParsedPage>> watcher; // its parse, on a worker thread
};

SnapshotAssembler::SnapshotAssembler(PageFetcher *fetcher, Scheduler *scheduler, QObject *parent)
    : QObject(parent)
    , m_fetcher(fetcher)
    , m_scheduler(scheduler)
{
    connect(m_fetcher, &PageFetcher::fetched, this, &SnapshotAssembler::onFetched);
    connect(m_fetcher, &PageFetcher::failed, this, [this](const ApiError &error) {
        if (m_building)
            fail(error);
    });
}

SnapshotAssembler::~SnapshotAssembler()
{
    abort();
}

QUrl SnapshotAssembler::pageUrl(const ConnectionConfig &config, const QStringList &extraFilters,
                                const QString &continueToken)
{
    // Built by hand: QUrlQuery leaves '+' bare, which servers read as a space.
    QByteArray query;
    const auto add = [&query](const char *name, const QString &value) {
        if (!query.isEmpty())
            query += '&';
        query += name;
        query += '=';
        query += QUrl::toPercentEncoding(value);
    };
    if (config.pageSize > 0)
        add("limit", QString::number(config.pageSize));
    for (const QString &filter : config.serverFilters + extraFilters)
        add("filter", filter);
    if (!config.include.isEmpty())
        add("include", config.include.join(u','));
    if (!continueToken.isEmpty())
        add("continue", continueToken);
    QUrl url = config.tasksUrl();
    if (!query.isEmpty())
        url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return url;
}

void SnapshotAssembler::start(const ConnectionConfig &config, const QStringList &extraFilters)
{
    abort();
    m_config = config;
    m_extraFilters = extraFilters;
    m_building = std::make_unique<Snapshot>();
    m_result.reset();
    m_seenTokens.clear();
    m_started = m_scheduler->now();
    if (const std::optional<ApiError> refused = m_fetcher->refusal(config.tasksUrl(), config.baseUrl)) {
        fail(*refused);
        return;
    }
    requestPage(QString());
}

void SnapshotAssembler::abort()
{
    m_fetcher->abort();
    m_building.reset();
    dropPendingPages();
}

// One piece (what PageFetcher hands over) is shared, not copied; several are joined with room for
// the parser's padding after them, so that neither the peek nor the parse copies them again.
QByteArray SnapshotAssembler::joined(const QByteArrayList &pieces)
{
    return PageFetcher::joined(pieces, TaskListParser::kPadding);
}

void SnapshotAssembler::requestPage(const QString &continueToken)
{
    Q_EMIT working();
    m_fetcher->fetch(pageUrl(m_config, m_extraFilters, continueToken));
}

void SnapshotAssembler::onFetched(const QByteArrayList &body, const QString &url)
{
    if (!m_building)
        return;
    auto pending = std::make_unique<PendingPage>();
    pending->body = body;
    for (const QByteArray &piece : body)
        pending->bytes += piece.size();
    pending->url = url;
    // Paging: ask for the next page at once, so that its transfer (in Qt's network thread)
    // overlaps the parse of this one. Still one request in flight; the parse confirms the token.
    const int pagesSoFar = m_building->pages + int(m_pending.size());
    if (m_config.pageSize > 0 && pagesSoFar + 1 < m_config.maxPages && !m_config.firstPageOnly) {
        // Joined once: the parse takes the joined body, not the pieces again.
        pending->body = QByteArrayList{joined(pending->body)};
        const std::optional<QString> token = TaskListParser::peekContinueToken(pending->body.first());
        if (token && !token->isEmpty() && !m_seenTokens.contains(*token) && !m_prefetchedTokens.contains(*token)) {
            pending->prefetched = *token;
            m_prefetchedTokens.insert(*token);
            requestPage(*token);
        }
    }
    m_pending.push_back(std::move(pending));
    startParse();
}

void SnapshotAssembler::startParse()
{
    PendingPage &page = *m_pending.back();
    Q_EMIT working();
    const QByteArrayList body = page.body;
    const QStringList include = m_config.include;
    page.watcher = std::make_shared<QFutureWatcher<ParsedPage>>();
    const quint64 generation = m_generation;
    connect(page.watcher.get(), &QFutureWatcherBase::finished, this, [this, generation] {
        if (generation == m_generation)
            onPageParsed();
    });
    page.watcher->setFuture(QtConcurrent::run([body, include] {
        yieldToTheUiThread();
        ParsedPage parsed;
        parsed.ok = TaskListParser(include).parse(joined(body), &parsed.page, &parsed.error);
        return parsed;
    }));
}

void SnapshotAssembler::onPageParsed()
{
    // Take every page that is parsed, in order; a later page may finish before an earlier one.
    while (!m_pending.empty() && m_pending.front()->watcher && m_pending.front()->watcher->isFinished()) {
        if (!takeParsedPage())
            return;
    }
}

// Adds the first pending page to the snapshot. False when the list ended (finished, failed, or
// restarted because the early look at the continue token was wrong).
bool SnapshotAssembler::takeParsedPage()
{
    if (m_pending.empty() || !m_building)
        return false;
    std::unique_ptr<PendingPage> current = std::move(m_pending.front());
    m_pending.pop_front();
    return addPage(*current);
}

bool SnapshotAssembler::addPage(PendingPage &current)
{
    // Taken, not copied: the page's tasks then move into the snapshot instead of being copied.
    ParsedPage parsed = current.watcher->future().takeResult();
    if (!parsed.ok) {
        fail(ApiError::malformedBody(current.url, parsed.error.toString()));
        return false;
    }
    TaskListPage &page = parsed.page;
    Snapshot &snapshot = *m_building;
    snapshot.bytes += current.bytes;
    ++snapshot.pages;
    // Item indexes in warnings count from the first page, so that each names one item.
    const qsizetype offset = snapshot.tasks.size();
    for (ParseWarning &warning : page.warnings) {
        if (warning.itemIndex >= 0)
            warning.itemIndex += offset;
        snapshot.warnings.append(std::move(warning));
    }
    if (snapshot.tasks.isEmpty()) {
        snapshot.tasks = std::move(page.tasks);
        snapshot.digests = std::move(page.digests);
    } else {
        snapshot.tasks.append(std::move(page.tasks));
        snapshot.digests.append(std::move(page.digests));
    }
    snapshot.metadataJson = page.metadataJson;

    if (page.continueToken && !m_config.firstPageOnly) {
        if (m_seenTokens.contains(*page.continueToken)) {
            fail(ApiError::pagingLoop(current.url, tr("the server sent the same continue token twice")));
            return false;
        }
        if (snapshot.pages >= m_config.maxPages) {
            fail(ApiError::pagingLoop(current.url, tr("more than %1 pages").arg(m_config.maxPages)));
            return false;
        }
        m_seenTokens.insert(*page.continueToken);
        if (current.prefetched != *page.continueToken) {
            // The early look at the token was wrong: drop what it fetched and ask properly.
            m_fetcher->abort();
            dropPendingPages();
            requestPage(*page.continueToken);
            return false;
        }
        return true;
    }
    m_fetcher->abort(); // a page fetched ahead on a token the full parse did not confirm
    dropPendingPages();
    m_result = std::move(m_building);
    m_result->receivedAt = m_scheduler->now();
    m_result->latencyMs = m_started.msecsTo(m_result->receivedAt);
    Q_EMIT finished();
    return false;
}

void SnapshotAssembler::fail(const ApiError &error)
{
    abort();
    Q_EMIT failed(m_fetcher->scrubbed(error));
}

void SnapshotAssembler::dropPendingPages()
{
    m_pending.clear();
    m_prefetchedTokens.clear();
    ++m_generation; // a parse still running now belongs to an older generation: its result is dropped
}

} // namespace Taskscope
