// TasksClient: polls the tasks endpoint; errors are values; the token travels only in the
// Authorization header of requests to the configured origin.
#include "tasksclient.h"

#include "logging.h"
#include "scheduler.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslError>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace Taskscope {

namespace {

bool isLoopback(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

int effectivePort(const QUrl &url)
{
    return url.port(url.scheme() == u"https" ? 443 : 80);
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && effectivePort(a) == effectivePort(b);
}

QString certificateName(const QStringList &parts)
{
    return parts.isEmpty() ? QString() : parts.join(QLatin1String(", "));
}

} // namespace

QUrl ConnectionConfig::tasksUrl() const
{
    QUrl url = baseUrl;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + u"/accounts/" + accountId + u"/core/v1/tasks");
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

TasksClient::TasksClient(QObject *parent, Scheduler *scheduler)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_scheduler(scheduler)
{
    if (!m_scheduler) {
        m_ownScheduler = std::make_unique<QtScheduler>();
        m_scheduler = m_ownScheduler.get();
    }
    qRegisterMetaType<Taskscope::Snapshot>();
    qRegisterMetaType<Taskscope::ApiError>();
    // No cookies, no cache: every poll asks the server.
    m_network->setCookieJar(nullptr);
}

TasksClient::~TasksClient()
{
    if (m_timer)
        m_scheduler->cancel(m_timer);
    abortInFlight();
}

void TasksClient::setConfig(const ConnectionConfig &config)
{
    if (config == m_config)
        return;
    m_config = config;
    m_failures = 0;
    if (m_polling) {
        abortInFlight();
        beginPoll();
    }
}

void TasksClient::setToken(const QString &token)
{
    if (token == m_token)
        return;
    m_token = token;
    m_failures = 0;
    if (m_polling) {
        abortInFlight();
        beginPoll();
    }
}

void TasksClient::setConnection(const ConnectionConfig &config, const QString &token)
{
    if (config == m_config && token == m_token)
        return;
    const bool sameEndpoint = config.tasksUrl() == m_config.tasksUrl();
    m_config = config;
    m_token = token;
    m_failures = 0;
    if (!sameEndpoint) {
        m_lastSnapshot.reset();
        m_lastError = ApiError();
        m_lastSuccessAt = {};
    }
    if (m_polling) {
        abortInFlight();
        beginPoll();
    }
}

void TasksClient::start()
{
    m_polling = true;
    m_once = false;
    if (!m_reply)
        beginPoll();
}

void TasksClient::stop()
{
    m_polling = false;
    m_once = false;
    if (m_timer) {
        m_scheduler->cancel(m_timer);
        m_timer = 0;
    }
    abortInFlight();
    m_nextAttemptAt = {};
    setState(State::Idle);
}

void TasksClient::pollNow()
{
    if (m_reply)
        return;
    if (m_state == State::AuthStopped && !m_polling)
        return;
    beginPoll();
}

void TasksClient::fetchOnce()
{
    m_once = true;
    if (!m_reply)
        beginPoll();
}

qint64 TasksClient::backoffDelay(int failures, int initialMs, int maxMs, double jitter01)
{
    const double exponential = double(qMax(1, initialMs)) * std::pow(2.0, double(qMax(0, failures - 1)));
    const double capped = qMin(exponential, double(qMax(initialMs, maxMs)));
    const double factor = 0.8 + 0.4 * qBound(0.0, jitter01, 1.0); // +-20%: clients do not retry in lockstep
    return qint64(std::llround(qMin(capped * factor, double(qMax(initialMs, maxMs)))));
}

void TasksClient::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void TasksClient::scheduleNext(qint64 delayMs, State state)
{
    if (m_timer)
        m_scheduler->cancel(m_timer);
    m_nextAttemptAt = m_scheduler->now().addMSecs(delayMs);
    m_timer = m_scheduler->schedule(delayMs, [this] {
        m_timer = 0;
        beginPoll();
    });
    setState(state);
}

QString TasksClient::scrub(QString text) const
{
    if (m_token.size() >= 4) {
        text.replace(m_token, QStringLiteral("***"));
        text.replace(QString::fromLatin1(QUrl::toPercentEncoding(m_token)), QStringLiteral("***"), Qt::CaseInsensitive);
    }
    return text;
}

void TasksClient::beginPoll()
{
    if (m_timer) {
        m_scheduler->cancel(m_timer);
        m_timer = 0;
    }
    m_nextAttemptAt = {};
    m_building = std::make_unique<Snapshot>();
    m_seenTokens.clear();
    dropPendingPages();
    m_pollStarted = m_scheduler->now();

    const QUrl url = m_config.tasksUrl();
    ApiError refused;
    refused.url = url.toString();
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"https" && url.scheme() != u"http")) {
        refused.kind = ApiError::InsecureUrl;
        refused.detail = tr("not an http(s) URL: %1").arg(m_config.baseUrl.toString());
        failPoll(refused);
        return;
    }
    if (url.scheme() == u"http" && !isLoopback(url.host()) && !m_config.allowPlainHttp) {
        refused.kind = ApiError::InsecureUrl;
        refused.detail = tr("the token would travel unencrypted to %1; use https, or allow plain http explicitly")
                             .arg(url.host());
        failPoll(refused);
        return;
    }
    if (m_token.isEmpty()) {
        refused.kind = ApiError::NoToken;
        refused.detail = tr("no API token is set for this connection");
        failPoll(refused);
        return;
    }
    requestPage(QString());
}

QUrl TasksClient::pageUrl(const QString &continueToken) const
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
    if (m_config.pageSize > 0)
        add("limit", QString::number(m_config.pageSize));
    for (const QString &filter : m_config.serverFilters)
        add("filter", filter);
    if (!m_config.include.isEmpty())
        add("include", m_config.include.join(u','));
    if (!continueToken.isEmpty())
        add("continue", continueToken);
    QUrl url = m_config.tasksUrl();
    if (!query.isEmpty())
        url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return url;
}

void TasksClient::requestPage(const QString &continueToken)
{
    setState(State::Fetching);
    const QUrl url = pageUrl(continueToken);
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("Taskscope/0.1"));
    request.setTransferTimeout(m_config.transferTimeoutMs);
    // Qt's default policy forwards Authorization across origins: decide every redirect here.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setMaximumRedirectsAllowed(5);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);

    m_body.clear();
    m_abortReason.reset();
    m_certificate.reset();
    ++m_requestsSent;
    m_pageTimer.start();
    QNetworkReply *reply = m_network->get(request);
    m_reply = reply;
    qCDebug(lcNetwork) << "GET" << url.toString();

    // reply->url() already names the target when redirected() is emitted: remember where we are.
    auto current = std::make_shared<QUrl>(url);
    connect(reply, &QNetworkReply::redirected, this, [this, reply, current](const QUrl &target) {
        const QUrl from = *current;
        const bool upgrade = m_config.allowHttpsUpgrade && from.scheme() == u"http" && target.scheme() == u"https"
            && from.host().compare(target.host(), Qt::CaseInsensitive) == 0;
        if (sameOrigin(from, target) || upgrade) {
            *current = target;
            Q_EMIT reply->redirectAllowed();
            return;
        }
        ApiError error;
        error.kind = ApiError::CrossOriginRedirect;
        error.url = from.toString();
        // The origin says where; a path or query chosen by the server could carry anything (the token).
        const QUrl origin = target.adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment);
        error.detail = tr("%1 redirected to %2").arg(from.toString(), origin.toString());
        m_abortReason = error;
        reply->abort();
    });
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply] {
        const qint64 length = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (length > m_config.maxBodyBytes && !m_abortReason) {
            ApiError error;
            error.kind = ApiError::BodyTooLarge;
            error.url = reply->url().toString();
            error.detail = tr("the server announced %1 bytes; the limit is %2").arg(length).arg(m_config.maxBodyBytes);
            m_abortReason = error;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::readyRead, this, &TasksClient::onReadyRead);
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        const QUrl url = reply->url();
        QSslCertificate certificate = reply->sslConfiguration().peerCertificate();
        for (const QSslError &error : errors) {
            if (!error.certificate().isNull()) {
                certificate = error.certificate();
                break;
            }
        }
        const QByteArray digest = certificate.digest(QCryptographicHash::Sha256);
        const QString key = url.host() + u':' + QString::number(effectivePort(url));
        const auto trusted = m_config.trustedCertificates.constFind(key);
        if (!digest.isEmpty() && trusted != m_config.trustedCertificates.cend() && trusted.value() == digest) {
            reply->ignoreSslErrors(errors); // this exact certificate, for this host only: the user's choice
            return;
        }
        CertificateInfo info;
        info.host = url.host();
        info.port = quint16(effectivePort(url));
        info.subject = certificateName(certificate.subjectInfo(QSslCertificate::CommonName));
        info.issuer = certificateName(certificate.issuerInfo(QSslCertificate::CommonName));
        info.sha256 = QString::fromLatin1(digest.toHex(':').toUpper());
        for (const QSslError &error : errors)
            info.errors << error.errorString();
        m_certificate = info;
    });
    connect(reply, &QNetworkReply::finished, this, &TasksClient::onFinished);
}

void TasksClient::onReadyRead()
{
    if (!m_reply || m_abortReason)
        return;
    // The body stays in the reply's buffer (chunks, no copying as it grows) and is read once at
    // the end; only its size is watched here.
    if (m_reply->bytesAvailable() > m_config.maxBodyBytes) {
        ApiError error;
        error.kind = ApiError::BodyTooLarge;
        error.url = m_reply->url().toString();
        error.detail = tr("the response passed the limit of %1 bytes").arg(m_config.maxBodyBytes);
        m_abortReason = error;
        m_body.clear();
        m_reply->abort();
    }
}

ApiError TasksClient::errorFromReply(QNetworkReply *reply, int httpStatus) const
{
    ApiError error;
    error.url = reply->url().toString();
    if (httpStatus >= 400) {
        error.kind = ApiError::Http;
        error.httpStatus = httpStatus;
        error.problem = ProblemDetails::parse(m_body);
        if (!error.problem)
            error.detail = scrub(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
        return error;
    }
    error.detail = scrub(reply->errorString());
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        error.kind = ApiError::ConnectionRefused;
        break;
    case QNetworkReply::HostNotFoundError:
        error.kind = ApiError::HostNotFound;
        break;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // our own aborts carry m_abortReason: this is the transfer timeout
        error.kind = ApiError::Timeout;
        error.detail = tr("no data for %1 s").arg(m_config.transferTimeoutMs / 1000.0);
        break;
    case QNetworkReply::SslHandshakeFailedError:
        error.kind = ApiError::Tls;
        error.certificate = m_certificate;
        break;
    case QNetworkReply::InsecureRedirectError:
    case QNetworkReply::TooManyRedirectsError:
        error.kind = ApiError::CrossOriginRedirect;
        break;
    default:
        error.kind = ApiError::Network;
        break;
    }
    if (m_certificate && error.kind != ApiError::Tls) {
        error.kind = ApiError::Tls;
        error.certificate = m_certificate;
    }
    return error;
}

void TasksClient::onFinished()
{
    QNetworkReply *reply = qobject_cast<QNetworkReply *>(sender());
    if (!reply || reply != m_reply)
        return;
    reply->deleteLater();
    m_reply = nullptr;
    if (m_abortReason) {
        const ApiError error = *m_abortReason;
        m_abortReason.reset();
        if (error.kind != ApiError::Cancelled)
            failPoll(error);
        return;
    }
    if (reply->bytesAvailable() > 0)
        m_body = reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError || status >= 400 || status == 0) {
        ApiError error = errorFromReply(reply, status);
        if (error.kind == ApiError::Network && status >= 200 && status < 300) {
            const qint64 announced = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
            if (announced > m_body.size()) {
                error.kind = ApiError::TruncatedBody;
                error.detail = tr("%1 of %2 bytes arrived").arg(m_body.size()).arg(announced);
            }
        }
        failPoll(error);
        return;
    }
    const qint64 announced = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    if (announced > 0 && announced != m_body.size()) {
        ApiError error;
        error.kind = ApiError::TruncatedBody;
        error.url = reply->url().toString();
        error.detail = tr("%1 of %2 bytes arrived").arg(m_body.size()).arg(announced);
        failPoll(error);
        return;
    }

    qCDebug(lcNetwork) << "page of" << m_body.size() << "bytes received in" << m_pageTimer.elapsed() << "ms";
    PendingPage pending;
    pending.body = std::exchange(m_body, QByteArray());
    pending.url = reply->url().toString();
    // Paging: ask for the next page at once, so that its transfer (in Qt's network thread)
    // overlaps the parse of this one. Still one request in flight; the parse confirms the token.
    const int pagesSoFar = m_building->pages + int(m_pending.size());
    if (m_config.pageSize > 0 && pagesSoFar + 1 < m_config.maxPages && !m_config.firstPageOnly) {
        const std::optional<QString> token = TaskListParser::peekContinueToken(pending.body);
        if (token && !token->isEmpty() && !m_seenTokens.contains(*token) && !m_prefetchedTokens.contains(*token)) {
            pending.prefetched = *token;
            m_prefetchedTokens.insert(*token);
            requestPage(*token);
        }
    }
    m_pending.push_back(std::move(pending));
    startParse();
}

// Pages are parsed on worker threads, several at once (each page stands alone), and their results
// are taken in page order on this thread; a large list never blocks the UI thread.
void TasksClient::startParse()
{
    PendingPage &page = m_pending.back();
    setState(State::Fetching);
    const QByteArray body = page.body;
    const QStringList include = m_config.include;
    page.watcher = std::make_shared<QFutureWatcher<ParsedPage>>();
    const quint64 poll = m_pollId;
    connect(page.watcher.get(), &QFutureWatcherBase::finished, this, [this, poll] {
        if (poll == m_pollId)
            onPageParsed();
    });
    page.watcher->setFuture(QtConcurrent::run([body, include] {
        ParsedPage parsed;
        parsed.ok = TaskListParser(include).parse(body, &parsed.page, &parsed.error);
        return parsed;
    }));
}

void TasksClient::onPageParsed()
{
    // Take every page that is parsed, in order; a later page may finish before an earlier one.
    while (!m_pending.empty() && m_pending.front().watcher && m_pending.front().watcher->isFinished()) {
        if (!takeParsedPage())
            return;
    }
}

// Adds the first pending page to the snapshot. False when the poll ended (finished, failed, or
// restarted because the early look at the continue token was wrong).
bool TasksClient::takeParsedPage()
{
    if (m_pending.empty() || !m_building)
        return false;
    PendingPage current = std::move(m_pending.front());
    m_pending.pop_front();
    ParsedPage parsed = current.watcher->result();
    qCDebug(lcNetwork) << "page parsed at" << m_pageTimer.elapsed() << "ms";
    if (!parsed.ok) {
        ApiError error;
        error.kind = ApiError::MalformedBody;
        error.url = current.url;
        error.detail = parsed.error.toString();
        failPoll(error);
        return false;
    }
    TaskListPage &page = parsed.page;
    Snapshot &snapshot = *m_building;
    snapshot.bytes += current.body.size();
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
        ApiError error;
        error.kind = ApiError::PagingLoop;
        error.url = current.url;
        if (m_seenTokens.contains(*page.continueToken)) {
            error.detail = tr("the server sent the same continue token twice");
            failPoll(error);
            return false;
        }
        if (snapshot.pages >= m_config.maxPages) {
            error.detail = tr("more than %1 pages").arg(m_config.maxPages);
            failPoll(error);
            return false;
        }
        m_seenTokens.insert(*page.continueToken);
        if (current.prefetched != *page.continueToken) {
            // The early look at the token was wrong: drop what it fetched and ask properly.
            abortReply();
            dropPendingPages();
            requestPage(*page.continueToken);
            return false;
        }
        return true;
    }
    abortReply(); // a page fetched ahead on a token the full parse did not confirm
    dropPendingPages();
    finishPoll();
    return false;
}

// Freeing a snapshot of 10,000 tasks is hundreds of thousands of blocks: 10-15 ms of the UI
// thread at every poll. Its data is implicitly shared (with atomic counts) with the model and the
// next snapshot, so a worker can let go of it.
void TasksClient::releaseOnWorker(std::unique_ptr<Snapshot> snapshot)
{
    if (!snapshot)
        return;
    QThreadPool::globalInstance()->start([old = std::shared_ptr<Snapshot>(std::move(snapshot))]() mutable { old.reset(); });
}

void TasksClient::finishPoll()
{
    std::unique_ptr<Snapshot> snapshot = std::move(m_building);
    snapshot->receivedAt = m_scheduler->now();
    snapshot->latencyMs = m_pollStarted.msecsTo(snapshot->receivedAt);
    releaseOnWorker(std::exchange(m_lastSnapshot, std::move(snapshot)));
    m_lastError = ApiError();
    m_lastSuccessAt = m_lastSnapshot->receivedAt;
    m_failures = 0;
    qCDebug(lcNetwork) << "poll complete:" << m_lastSnapshot->tasks.size() << "tasks in" << m_lastSnapshot->pages
                       << "pages";
    if (m_polling)
        scheduleNext(m_config.pollIntervalMs, State::Waiting);
    else
        setState(State::Idle);
    m_once = false;
    Q_EMIT snapshotReady(*m_lastSnapshot);
}

void TasksClient::failPoll(ApiError error)
{
    abortInFlight();
    m_body.clear();
    error.detail = scrub(error.detail);
    if (error.problem) { // a server may echo what it was sent
        error.problem->title = scrub(error.problem->title);
        error.problem->detail = scrub(error.problem->detail);
        for (InvalidParam &param : error.problem->invalidParams)
            param.reason = scrub(param.reason);
    }
    m_lastError = error;
    ++m_failures;
    qCDebug(lcNetwork) << "poll failed:" << error.message();
    if (m_once && !m_polling) {
        m_once = false;
        setState(State::Idle);
    } else if (error.isAuthFailure() || error.kind == ApiError::NoToken || error.kind == ApiError::InsecureUrl) {
        m_nextAttemptAt = {};
        setState(State::AuthStopped); // retrying with the same settings cannot help
    } else if (m_polling) {
        const double jitter = QRandomGenerator::global()->generateDouble();
        scheduleNext(backoffDelay(m_failures, m_config.backoffInitialMs, m_config.backoffMaxMs, jitter),
                     State::BackingOff);
    } else {
        setState(State::Idle);
    }
    Q_EMIT pollFailed(m_lastError);
}

void TasksClient::abortReply()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
    m_body.clear();
}

void TasksClient::dropPendingPages()
{
    m_pending.clear();
    m_prefetchedTokens.clear();
    ++m_pollId; // a parse still running now belongs to an older poll id: its result is dropped
}

void TasksClient::abortInFlight()
{
    abortReply();
    m_building.reset();
    dropPendingPages();
}

} // namespace Taskscope
