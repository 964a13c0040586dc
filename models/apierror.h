// ApiError: every way a request to the tasks endpoint can fail, as a value (network, TLS, HTTP problem, body).
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace Taskscope {

struct InvalidParam
{
    QString name;
    QString reason;
    friend bool operator==(const InvalidParam &, const InvalidParam &) = default;
};

// An application/problem+json body (RFC 7807 as Astra sends it: `status` is a string).
struct ProblemDetails
{
    QString type;
    QString title;
    QString detail;
    QString status;
    QString correlationID;
    QList<InvalidParam> invalidParams;
    friend bool operator==(const ProblemDetails &, const ProblemDetails &) = default;

    // Parses a problem body; nullopt when it is not a JSON object with at least a title or type.
    static std::optional<ProblemDetails> parse(const QByteArray &body);
};

// The certificate a TLS error was about, for the user to judge.
struct CertificateInfo
{
    QString host;
    quint16 port = 0;
    QString subject;
    QString issuer;
    QString sha256; // hex, colon-separated upper case: "AB:CD:..."
    QStringList errors;
    friend bool operator==(const CertificateInfo &, const CertificateInfo &) = default;
};

struct ApiError
{
    Q_DECLARE_TR_FUNCTIONS(ApiError)
public:
    enum Kind {
        NoError,
        ConnectionRefused,
        HostNotFound,
        Timeout,          // no data within the transfer timeout
        Cancelled,        // stopped by the user or by a settings change
        Tls,              // certificate not trusted (see `certificate`)
        Network,          // any other transport failure (reset, dropped connection, ...)
        Http,             // a 4xx/5xx status (see `httpStatus` and `problem`)
        MalformedBody,    // the body is not a task list (see `detail`)
        BodyTooLarge,     // the body exceeded the size cap
        TruncatedBody,    // the connection closed before Content-Length bytes arrived
        CrossOriginRedirect,
        InsecureUrl,      // plain http to a non-loopback host without the user's explicit consent
        PagingLoop,       // the server repeated a continue token, or sent more pages than the cap
        NoToken,
    };

    Kind kind = NoError;
    int httpStatus = 0;
    std::optional<ProblemDetails> problem;
    std::optional<CertificateInfo> certificate;
    QString detail; // technical detail (Qt's error text, the parse error), never holding the token
    QString url;    // the request URL (never holds the token: it travels in a header)

    bool isError() const { return kind != NoError; }
    // 401 and 403: polling stops until the connection settings change.
    bool isAuthFailure() const { return kind == Http && (httpStatus == 401 || httpStatus == 403); }
    // Failures that may go away by themselves: retried with backoff.
    bool isTransient() const;
    // One translated line for the status banner and stderr: "HTTP 404 Collection not found: ...".
    QString message() const;
    QString kindName() const;
};

} // namespace Taskscope
