// ApiError: the messages users read, and problem+json parsing.
#include "apierror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace Taskscope {

std::optional<ProblemDetails> ProblemDetails::parse(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    const auto text = [&o](const char *key) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isString())
            return v.toString();
        if (v.isDouble())
            return QString::number(v.toDouble(), 'g', 15);
        return QString();
    };
    ProblemDetails problem;
    problem.type = text("type");
    problem.title = text("title");
    problem.detail = text("detail");
    problem.status = text("status");
    problem.correlationID = text("correlationID");
    const QJsonArray params = o.value(QLatin1String("invalidParams")).toArray();
    for (const QJsonValue &p : params) {
        const QJsonObject param = p.toObject();
        problem.invalidParams.append({param.value(QLatin1String("name")).toString(),
                                      param.value(QLatin1String("reason")).toString()});
    }
    if (problem.title.isEmpty() && problem.type.isEmpty())
        return std::nullopt;
    return problem;
}

namespace {

ApiError makeError(ApiError::Kind kind, const QString &url, const QString &detail)
{
    ApiError error;
    error.kind = kind;
    error.url = url;
    error.detail = detail;
    return error;
}

} // namespace

ApiError ApiError::http(const QString &url, int status, std::optional<ProblemDetails> problem, const QString &detail)
{
    ApiError error = makeError(Http, url, detail);
    error.httpStatus = status;
    error.problem = std::move(problem);
    return error;
}

ApiError ApiError::network(Kind kind, const QString &url, const QString &detail)
{
    Q_ASSERT(kind == ConnectionRefused || kind == HostNotFound || kind == Network);
    return makeError(kind, url, detail);
}

ApiError ApiError::timeout(const QString &url, const QString &detail)
{
    return makeError(Timeout, url, detail);
}

ApiError ApiError::tls(const QString &url, std::optional<CertificateInfo> certificate, const QString &detail)
{
    ApiError error = makeError(Tls, url, detail);
    error.certificate = std::move(certificate);
    return error;
}

ApiError ApiError::malformedBody(const QString &url, const QString &detail)
{
    return makeError(MalformedBody, url, detail);
}

ApiError ApiError::bodyTooLarge(const QString &url, const QString &detail)
{
    return makeError(BodyTooLarge, url, detail);
}

ApiError ApiError::truncatedBody(const QString &url, const QString &detail)
{
    return makeError(TruncatedBody, url, detail);
}

ApiError ApiError::crossOriginRedirect(const QString &url, const QString &detail)
{
    return makeError(CrossOriginRedirect, url, detail);
}

ApiError ApiError::insecureUrl(const QString &url, const QString &detail)
{
    return makeError(InsecureUrl, url, detail);
}

ApiError ApiError::pagingLoop(const QString &url, const QString &detail)
{
    return makeError(PagingLoop, url, detail);
}

ApiError ApiError::noToken(const QString &url, const QString &detail)
{
    return makeError(NoToken, url, detail);
}

ApiError ApiError::cancelled()
{
    return makeError(Cancelled, QString(), QString());
}

ApiError::Recovery ApiError::recovery() const
{
    switch (kind) {
    case NoToken:
    case InsecureUrl:
        return Recovery::Settings;
    case Http:
        if (isAuthFailure())
            return Recovery::Settings;
        return httpStatus == 404 ? Recovery::RetryOrSettings : Recovery::Retry;
    case Tls:
    case HostNotFound:
        return Recovery::RetryOrSettings;
    case NoError:
    case ConnectionRefused:
    case Timeout:
    case Cancelled:
    case Network:
    case MalformedBody:
    case BodyTooLarge:
    case TruncatedBody:
    case CrossOriginRedirect:
    case PagingLoop:
        return Recovery::Retry;
    }
    return Recovery::Retry;
}

QString ApiError::kindName() const
{
    switch (kind) {
    case NoError:
        return tr("No error");
    case ConnectionRefused:
        return tr("Connection refused");
    case HostNotFound:
        return tr("Host not found");
    case Timeout:
        return tr("Timed out");
    case Cancelled:
        return tr("Cancelled");
    case Tls:
        return tr("Untrusted certificate");
    case Network:
        return tr("Network error");
    case Http:
        return tr("HTTP error");
    case MalformedBody:
        return tr("Malformed response");
    case BodyTooLarge:
        return tr("Response too large");
    case TruncatedBody:
        return tr("Response cut short");
    case CrossOriginRedirect:
        return tr("Redirect to another origin refused");
    case InsecureUrl:
        return tr("Plain HTTP refused");
    case PagingLoop:
        return tr("Paging loop");
    case NoToken:
        return tr("No token");
    }
    return {};
}

namespace {

// "host" or "host:port" of a request URL (the port only when `withPort`: the default one of the scheme
// when the URL has none).
QString hostOf(const QString &url, bool withPort)
{
    const QUrl parsed(url);
    if (!withPort)
        return parsed.host();
    return parsed.host() + u':' + QString::number(parsed.port(parsed.scheme() == u"http" ? 80 : 443));
}

// The account of a request for the task list (".../accounts/<id>/core/v1/tasks"); empty for any other request.
QString taskListAccount(const QString &url)
{
    const QStringList segments = QUrl(url).path().split(u'/', Qt::SkipEmptyParts);
    const qsizetype n = segments.size();
    if (n < 5 || segments[n - 5] != u"accounts" || segments[n - 3] != u"core" || segments[n - 2] != u"v1"
        || segments[n - 1] != u"tasks")
        return {};
    return segments[n - 4];
}

} // namespace

QString ApiError::message() const
{
    // Where the fix is in the settings, the text says which setting; Qt's own text would only repeat the host.
    switch (kind) {
    case HostNotFound:
        return tr("Host %1 not found: check the server URL and the network.").arg(hostOf(url, false));
    case ConnectionRefused:
        return tr("Connection refused by %1: check the server URL and port, and that the server is running.")
            .arg(hostOf(url, true));
    case Http:
        if (const QString account = taskListAccount(url); httpStatus == 404 && !account.isEmpty()) {
            return tr("Account %1 not found at %2: check the account id (%3).")
                .arg(account, hostOf(url, QUrl(url).port() != -1), httpMessage());
        }
        return httpMessage();
    default:
        break;
    }
    QString text = kindName();
    if (kind == Tls && certificate) {
        text += u": " + tr("%1 presented a certificate for %2 issued by %3 (SHA-256 %4)")
                            .arg(certificate->host, certificate->subject, certificate->issuer, certificate->sha256);
    }
    if (!detail.isEmpty() && detail.compare(text, Qt::CaseInsensitive) != 0)
        text += u": " + detail;
    return text;
}

// "HTTP 404 Collection not found: the detail [invalid: ...]", or with the reason phrase when there is no problem body.
QString ApiError::httpMessage() const
{
    QString text = tr("HTTP %1").arg(httpStatus);
    if (problem) {
        if (!problem->title.isEmpty())
            text += u' ' + problem->title;
        if (!problem->detail.isEmpty())
            text += u": " + problem->detail;
        QStringList params;
        for (const InvalidParam &p : problem->invalidParams)
            params << tr("%1 (%2)", "invalid query parameter: name (reason)").arg(p.name, p.reason);
        if (!params.isEmpty())
            text += u' ' + tr("[invalid: %1]").arg(params.join(QLatin1String(", ")));
    } else if (!detail.isEmpty()) {
        text += u": " + detail;
    }
    return text;
}

} // namespace Taskscope
