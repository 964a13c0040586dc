// PageFetcher: the token travels only in the Authorization header of requests to the configured origin.
#include "pagefetcher.h"

#include "logging.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslError>

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

PageFetcher::PageFetcher(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    qRegisterMetaType<Taskscope::ApiError>();
    // No cookies, no cache: every request asks the server.
    m_network->setCookieJar(nullptr);
}

PageFetcher::~PageFetcher()
{
    abort();
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
    m_chunks.clear();
    m_received = 0;
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("Authorization", "Bearer " + m_rules.token.toUtf8());
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("Taskscope/0.1"));
    request.setTransferTimeout(m_rules.transferTimeoutMs);
    // Qt's default policy forwards Authorization across origins: decide every redirect here.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setMaximumRedirectsAllowed(5);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);

    m_abortReason.reset();
    m_certificate.reset();
    ++m_requestsSent;
    m_timer.start();
    QNetworkReply *reply = m_network->get(request);
    m_reply = reply;
    qCDebug(lcNetwork) << "GET" << url.toString();
    connectReply(reply, url);
}

void PageFetcher::connectReply(QNetworkReply *reply, const QUrl &url)
{
    // reply->url() already names the target when redirected() is emitted: remember where we are.
    auto current = std::make_shared<QUrl>(url);
    connect(reply, &QNetworkReply::redirected, this, [this, reply, current](const QUrl &target) {
        const QUrl from = *current;
        const bool upgrade = m_rules.allowHttpsUpgrade && from.scheme() == u"http" && target.scheme() == u"https"
            && from.host().compare(target.host(), Qt::CaseInsensitive) == 0;
        if (sameOrigin(from, target) || upgrade) {
            *current = target;
            Q_EMIT reply->redirectAllowed();
            return;
        }
        // The origin says where; a path or query chosen by the server could carry anything (the token).
        const QUrl origin = target.adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment);
        m_abortReason = ApiError::crossOriginRedirect(from.toString(),
                                                      tr("%1 redirected to %2").arg(from.toString(), origin.toString()));
        reply->abort();
    });
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply] {
        const qint64 length = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (length > m_rules.maxBodyBytes && !m_abortReason) {
            m_abortReason = ApiError::bodyTooLarge(
                reply->url().toString(),
                tr("the server announced %1 bytes; the limit is %2").arg(length).arg(m_rules.maxBodyBytes));
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::readyRead, this, &PageFetcher::onReadyRead);
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
    connect(reply, &QNetworkReply::finished, this, &PageFetcher::onFinished);
}

void PageFetcher::onReadyRead()
{
    if (!m_reply || m_abortReason)
        return;
    // Read as it arrives: one read of a whole 15 MB body at the end stalled the UI thread for
    // milliseconds (a copy into fresh pages); pieces cost microseconds each.
    QByteArray chunk = m_reply->readAll();
    m_received += chunk.size();
    if (!chunk.isEmpty())
        m_chunks.append(std::move(chunk));
    if (m_received > m_rules.maxBodyBytes) {
        m_abortReason = ApiError::bodyTooLarge(m_reply->url().toString(),
                                               tr("the response passed the limit of %1 bytes").arg(m_rules.maxBodyBytes));
        m_reply->abort();
    }
}

ApiError PageFetcher::errorFromReply(QNetworkReply *reply, int httpStatus, const QByteArray &body) const
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
        return ApiError::timeout(url, tr("no data for %1 s").arg(m_rules.transferTimeoutMs / 1000.0));
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
            return ApiError::truncatedBody(url, tr("%1 of %2 bytes arrived").arg(body.size()).arg(announced));
    }
    return ApiError::network(ApiError::Network, url, detail);
}

void PageFetcher::onFinished()
{
    QNetworkReply *reply = qobject_cast<QNetworkReply *>(sender());
    if (!reply || reply != m_reply)
        return;
    reply->deleteLater();
    m_reply = nullptr;
    if (m_abortReason) {
        const ApiError error = *std::exchange(m_abortReason, std::nullopt);
        m_chunks.clear();
        m_received = 0;
        if (error.kind != ApiError::Cancelled)
            Q_EMIT failed(scrubbed(error));
        return;
    }
    if (reply->bytesAvailable() > 0) {
        m_chunks.append(reply->readAll());
        m_received += m_chunks.constLast().size();
    }
    QByteArrayList body = std::exchange(m_chunks, {});
    const qint64 received = std::exchange(m_received, 0);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError || status >= 400 || status == 0) {
        Q_EMIT failed(scrubbed(errorFromReply(reply, status, body.join()))); // a problem+json: small
        return;
    }
    const qint64 announced = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    if (announced > 0 && announced != received) {
        Q_EMIT failed(scrubbed(ApiError::truncatedBody(reply->url().toString(),
                                                       tr("%1 of %2 bytes arrived").arg(received).arg(announced))));
        return;
    }
    qCDebug(lcNetwork) << "page of" << received << "bytes in" << body.size() << "pieces received in" << m_timer.elapsed()
                       << "ms";
    Q_EMIT fetched(body, reply->url().toString());
}

void PageFetcher::abort()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
    m_chunks.clear();
    m_received = 0;
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
