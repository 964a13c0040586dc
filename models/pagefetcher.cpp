// PageFetcher: the token travels only in the Authorization header of requests to the configured origin.
#include "pagefetcher.h"

#include "logging.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QPointer>
#include <QSslError>
#include <QElapsedTimer>
#include <QThread>

#include <functional>

#include <memory>

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

struct PageFetcher::Outcome
{
    QByteArrayList body;
    QString url;
    std::optional<ApiError> error; // set: the request failed (an abort reports nothing)
};

// The network side of a PageFetcher: its QNetworkAccessManager and the reply in flight live in the
// fetcher's own thread. A body is read there as it arrives: Qt hands it over in pieces that are
// copied out of its buffer into fresh pages, and at a 135 MB list that held the UI thread for
// 100-300 ms per poll. Only the finished body (its pieces, shared, not copied) or the error crosses
// back. Everything here runs in that thread.
class PageFetcher::Transfer final : public QObject
{
public:
    using Done = std::function<void(const Outcome &)>;
    ~Transfer() override { abort(); }

    // Starts a request (an earlier one is aborted silently); `done` is called once with its outcome.
    void start(const QUrl &url, const Rules &rules, Done done);
    void abort();

private:
    void send(const QUrl &url);
    bool followRedirect(QNetworkReply *reply, int status);
    void connectReply(QNetworkReply *reply);
    void onReadyRead();
    void readAvailable(QNetworkReply *reply);
    void forgetBody();
    void onFinished();
    ApiError errorFromReply(QNetworkReply *reply, int httpStatus, const QByteArray &body) const;

    static constexpr int kMaxRedirects = 5;

    QNetworkAccessManager *m_network = nullptr;
    Rules m_rules;
    QUrl m_current;      // where the request in flight went (after the redirects so far)
    int m_redirects = 0; // followed for this fetch
    Done m_done;
    QPointer<QNetworkReply> m_reply;
    std::optional<ApiError> m_abortReason;
    std::optional<CertificateInfo> m_certificate;
    // The body so far: in one buffer of the announced length, with the room the parser wants after it,
    // then (when no length was announced, or more came) in pieces after it.
    QByteArray m_body;
    QByteArrayList m_chunks;
    qint64 m_received = 0;
    QElapsedTimer m_timer;
};

PageFetcher::PageFetcher(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_transfer(new Transfer)
{
    qRegisterMetaType<Taskscope::ApiError>();
    m_thread->setObjectName(QStringLiteral("PageFetcher"));
    m_transfer->moveToThread(m_thread);
    // Deleted in its own thread, with the network manager and any reply, as the thread ends.
    Transfer *transfer = m_transfer;
    connect(m_thread, &QThread::finished, m_thread, [transfer] { delete transfer; }, Qt::DirectConnection);
    m_thread->start();
}

PageFetcher::~PageFetcher()
{
    m_thread->quit();
    m_thread->wait();
}

std::optional<ApiError> PageFetcher::refusal(const QUrl &url, const QUrl &shownUrl) const
{
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"https" && url.scheme() != u"http"))
        return ApiError::insecureUrl(url.toString(), tr("not an http(s) URL: %1").arg(shownUrl.toString()));
    if (url.scheme() == u"http" && !isLoopback(url.host()) && !m_rules.allowPlainHttp) {
        return ApiError::insecureUrl(
            url.toString(),
            tr("the token would travel unencrypted to %1; use https, or allow plain http explicitly").arg(url.host()));
    }
    if (m_rules.token.isEmpty())
        return ApiError::noToken(url.toString(), tr("no API token is set for this connection"));
    return std::nullopt;
}

void PageFetcher::fetch(const QUrl &url)
{
    abort();
    const quint64 request = ++m_request;
    m_busy = true;
    ++m_requestsSent;
    Transfer *transfer = m_transfer;
    QMetaObject::invokeMethod(
        transfer,
        [this, transfer, url, rules = m_rules, request] {
            // Runs in the fetcher's thread; the outcome is handed back to this object's thread. A
            // fetcher being destroyed first waits for that thread to end, so `this` outlives the post.
            if (m_request.load() != request)
                return; // aborted or replaced before it started: the server never sees it
            transfer->start(url, rules, [this, request](const Outcome &outcome) {
                QMetaObject::invokeMethod(
                    this, [this, request, outcome] { finish(request, outcome); }, Qt::QueuedConnection);
            });
        },
        Qt::QueuedConnection);
}

void PageFetcher::finish(quint64 request, const Outcome &outcome)
{
    if (request != m_request.load() || !m_busy)
        return; // aborted, or replaced by a later request
    m_busy = false;
    if (outcome.error)
        Q_EMIT failed(scrubbed(*outcome.error));
    else
        Q_EMIT fetched(outcome.body, outcome.url);
}

void PageFetcher::abort()
{
    if (!m_busy)
        return;
    m_busy = false;
    ++m_request; // an outcome already on its way is dropped
    Transfer *transfer = m_transfer;
    QMetaObject::invokeMethod(transfer, [transfer] { transfer->abort(); }, Qt::QueuedConnection);
}

// --- the network thread ---------------------------------------------------------------------

void PageFetcher::Transfer::start(const QUrl &url, const Rules &rules, Done done)
{
    abort();
    m_rules = rules;
    m_done = std::move(done);
    if (!m_network) {
        m_network = new QNetworkAccessManager(this);
        m_network->setCookieJar(nullptr); // no cookies, no cache: every request asks the server
    }
    m_redirects = 0;
    m_timer.start();
    send(url);
}

void PageFetcher::Transfer::send(const QUrl &url)
{
    forgetBody();
    m_current = url;
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("Authorization", "Bearer " + m_rules.token.toUtf8());
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("Taskscope/0.1"));
    request.setTransferTimeout(m_rules.transferTimeoutMs);
    // Qt's default policy forwards Authorization across origins: every redirect is decided and
    // followed here (followRedirect()).
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);

    m_abortReason.reset();
    m_certificate.reset();
    QNetworkReply *reply = m_network->get(request);
    m_reply = reply;
    qCDebug(lcNetwork) << "GET" << url.toString();
    connectReply(reply);
}

// A 3xx with a Location: the next hop when it stays on the origin (or is the allowed upgrade to
// https on the same host), with the token; otherwise the poll ends before any connection is made.
// True when the redirect was followed or refused (m_done called).
bool PageFetcher::Transfer::followRedirect(QNetworkReply *reply, int status)
{
    if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308)
        return false;
    QUrl location = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
    if (location.isEmpty())
        location = QUrl::fromEncoded(reply->rawHeader("Location"));
    if (location.isEmpty())
        return false;
    const QUrl from = m_current;
    const QUrl target = from.resolved(location);
    const bool upgrade = m_rules.allowHttpsUpgrade && from.scheme() == u"http" && target.scheme() == u"https"
        && from.host().compare(target.host(), Qt::CaseInsensitive) == 0;
    if (!sameOrigin(from, target) && !upgrade) {
        // The origin says where; a path or query chosen by the server could carry anything (the token).
        const QUrl origin =
            target.adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment);
        const QString detail = PageFetcher::tr("%1 redirected to %2").arg(from.toString(), origin.toString());
        m_done(Outcome{{}, {}, ApiError::crossOriginRedirect(from.toString(), detail)});
        return true;
    }
    if (++m_redirects > kMaxRedirects) {
        const QString detail = PageFetcher::tr("%1 redirected more than %2 times").arg(from.toString()).arg(kMaxRedirects);
        m_done(Outcome{{}, {}, ApiError::crossOriginRedirect(from.toString(), detail)});
        return true;
    }
    send(target);
    return true;
}

void PageFetcher::Transfer::connectReply(QNetworkReply *reply)
{
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply] {
        const qint64 length = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (length > m_rules.maxBodyBytes && !m_abortReason) {
            m_abortReason = ApiError::bodyTooLarge(
                reply->url().toString(),
                PageFetcher::tr("the server announced %1 bytes; the limit is %2").arg(length).arg(m_rules.maxBodyBytes));
            reply->abort();
            return;
        }
        // Read straight into a buffer of the announced length, which then goes to the parser as it is.
        if (length > 0 && m_received == 0 && m_body.capacity() < length + m_rules.bodyPadding)
            m_body.reserve(length + m_rules.bodyPadding);
    });
    connect(reply, &QNetworkReply::readyRead, this, &Transfer::onReadyRead);
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
        const auto trusted = m_rules.trustedCertificates.constFind(key);
        if (!digest.isEmpty() && trusted != m_rules.trustedCertificates.cend() && trusted.value() == digest) {
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
    connect(reply, &QNetworkReply::finished, this, &Transfer::onFinished);
}

void PageFetcher::Transfer::onReadyRead()
{
    if (!m_reply || m_abortReason)
        return;
    readAvailable(m_reply);
    if (m_received > m_rules.maxBodyBytes) {
        m_abortReason = ApiError::bodyTooLarge(m_reply->url().toString(),
                                               PageFetcher::tr("the response passed the limit of %1 bytes").arg(m_rules.maxBodyBytes));
        m_reply->abort();
    }
}

// Read as it arrives, in this thread: into the buffer made for the announced length (one copy out
// of Qt's buffer, and none later: the pieces of a 135 MB list were joined in a second copy), else
// in pieces.
void PageFetcher::Transfer::readAvailable(QNetworkReply *reply)
{
    qint64 available = 0;
    while ((available = reply->bytesAvailable()) > 0) {
        const qint64 room = m_body.capacity() - m_rules.bodyPadding - m_received;
        if (m_chunks.isEmpty() && available <= room) {
            m_body.resize(m_received + available);
            const qint64 got = reply->read(m_body.data() + m_received, available);
            m_body.resize(m_received + qMax<qint64>(0, got));
            if (got <= 0)
                break;
            m_received += got;
            continue;
        }
        if (!m_body.isEmpty())
            m_chunks.append(std::exchange(m_body, QByteArray()));
        QByteArray chunk = reply->read(available);
        if (chunk.isEmpty())
            break;
        m_received += chunk.size();
        m_chunks.append(std::move(chunk));
    }
}

void PageFetcher::Transfer::forgetBody()
{
    m_body = QByteArray();
    m_chunks.clear();
    m_received = 0;
}

ApiError PageFetcher::Transfer::errorFromReply(QNetworkReply *reply, int httpStatus, const QByteArray &body) const
{
    const QString url = reply->url().toString();
    if (httpStatus >= 400) {
        std::optional<ProblemDetails> problem = ProblemDetails::parse(body);
        const QString reason = problem ? QString() : reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        return ApiError::http(url, httpStatus, std::move(problem), reason);
    }
    const QString detail = reply->errorString();
    if (m_certificate)
        return ApiError::tls(url, m_certificate, detail);
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        return ApiError::network(ApiError::ConnectionRefused, url, detail);
    case QNetworkReply::HostNotFoundError:
        return ApiError::network(ApiError::HostNotFound, url, detail);
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // our own aborts carry m_abortReason: this is the transfer timeout
        return ApiError::timeout(url, PageFetcher::tr("no data for %1 s").arg(m_rules.transferTimeoutMs / 1000.0));
    case QNetworkReply::SslHandshakeFailedError:
        return ApiError::tls(url, m_certificate, detail);
    case QNetworkReply::InsecureRedirectError:
    case QNetworkReply::TooManyRedirectsError:
        return ApiError::crossOriginRedirect(url, detail);
    default:
        break;
    }
    if (httpStatus >= 200 && httpStatus < 300) {
        const qint64 announced = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (announced > body.size())
            return ApiError::truncatedBody(url, PageFetcher::tr("%1 of %2 bytes arrived").arg(body.size()).arg(announced));
    }
    return ApiError::network(ApiError::Network, url, detail);
}

void PageFetcher::Transfer::onFinished()
{
    QNetworkReply *reply = qobject_cast<QNetworkReply *>(sender());
    if (!reply || reply != m_reply)
        return;
    reply->deleteLater();
    m_reply = nullptr;
    if (m_abortReason) {
        const ApiError error = *std::exchange(m_abortReason, std::nullopt);
        forgetBody();
        if (error.kind != ApiError::Cancelled)
            m_done(Outcome{{}, {}, error});
        return;
    }
    readAvailable(reply);
    QByteArrayList body = std::exchange(m_chunks, {});
    if (!m_body.isEmpty())
        body.prepend(std::exchange(m_body, QByteArray()));
    const qint64 received = m_received;
    forgetBody();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() == QNetworkReply::NoError && followRedirect(reply, status))
        return;
    if (reply->error() != QNetworkReply::NoError || status >= 400 || status == 0) {
        m_done(Outcome{{}, {}, errorFromReply(reply, status, body.join())}); // a problem+json: small
        return;
    }
    const qint64 announced = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    if (announced > 0 && announced != received) {
        m_done(Outcome{{}, {}, ApiError::truncatedBody(reply->url().toString(),
                                                     PageFetcher::tr("%1 of %2 bytes arrived").arg(received).arg(announced))});
        return;
    }
    qCDebug(lcNetwork) << "page of" << received << "bytes in" << body.size() << "pieces received in" << m_timer.elapsed()
                       << "ms";
    if (body.size() > 1) // joined here, off the UI thread, with the room the reader wants after it
        body = QByteArrayList{PageFetcher::joined(body, m_rules.bodyPadding)};
    m_done(Outcome{std::move(body), reply->url().toString(), std::nullopt});
}

void PageFetcher::Transfer::abort()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
    forgetBody();
}

QByteArray PageFetcher::joined(const QByteArrayList &pieces, qsizetype padding)
{
    if (pieces.size() == 1)
        return pieces.first();
    qsizetype size = 0;
    for (const QByteArray &piece : pieces)
        size += piece.size();
    QByteArray body;
    body.reserve(size + padding);
    for (const QByteArray &piece : pieces)
        body.append(piece);
    return body;
}

QString PageFetcher::scrub(QString text) const
{
    const QString &token = m_rules.token;
    if (token.size() >= 4) {
        text.replace(token, QStringLiteral("***"));
        text.replace(QString::fromLatin1(QUrl::toPercentEncoding(token)), QStringLiteral("***"), Qt::CaseInsensitive);
    }
    return text;
}

ApiError PageFetcher::scrubbed(ApiError error) const
{
    error.detail = scrub(error.detail);
    if (error.problem) { // a server may echo what it was sent
        error.problem->title = scrub(error.problem->title);
        error.problem->detail = scrub(error.problem->detail);
        for (InvalidParam &param : error.problem->invalidParams)
            param.reason = scrub(param.reason);
    }
    return error;
}

} // namespace Taskscope
