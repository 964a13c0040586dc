// ApiError: every way a request to the tasks endpoint can fail, as a value (network, TLS, HTTP problem, body).
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QMetaType>
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

    // Named constructors: one per kind of failure, so that no call site fills fields by hand.
    static ApiError http(const QString &url, int status, std::optional<ProblemDetails> problem, const QString &detail = {});
    static ApiError network(Kind kind, const QString &url, const QString &detail); // ConnectionRefused, HostNotFound, Network
    static ApiError timeout(const QString &url, const QString &detail);
    static ApiError tls(const QString &url, std::optional<CertificateInfo> certificate, const QString &detail = {});
    static ApiError malformedBody(const QString &url, const QString &detail);
    static ApiError bodyTooLarge(const QString &url, const QString &detail);
    static ApiError truncatedBody(const QString &url, const QString &detail);
    static ApiError crossOriginRedirect(const QString &url, const QString &detail);
    static ApiError insecureUrl(const QString &url, const QString &detail);
    static ApiError pagingLoop(const QString &url, const QString &detail);
    static ApiError noToken(const QString &url, const QString &detail);
    static ApiError cancelled();

    // What it takes to get past this error. The one rule behind "can a retry fix this": the
    // client's backoff, the banner's Settings button and the connection test's hint all ask it.
    enum class Recovery {
        Retry,            // retrying fixes it: a busy or unreachable server, a broken transfer, ...
        RetryOrSettings,  // the server side may change (DNS, certificate, account), but the settings
                          // are the likelier cause: polling backs off, the user is offered the settings
        Settings,         // only new settings fix it (credentials refused or missing, URL refused):
                          // polling stops until they change
    };
    Recovery recovery() const;
    bool retryCanHelp() const { return recovery() == Recovery::Retry; }
    bool stopsPolling() const { return recovery() == Recovery::Settings; }

    bool isError() const { return kind != NoError; }
    // 401 and 403: polling stops until the connection settings change.
    bool isAuthFailure() const { return kind == Http && (httpStatus == 401 || httpStatus == 403); }
    // Polling goes on by itself (with backoff) after this failure.
    bool isTransient() const { return !stopsPolling(); }
    // One translated line for the status banner and stderr: "HTTP 404 Collection not found: ...".
    // Where the settings are the likely fix, it says which one: "Account <id> not found at <host>:
    // check the account id (HTTP 404 ...)".
    QString message() const;
    QString kindName() const;

private:
    QString httpMessage() const;
};

} // namespace Taskscope

Q_DECLARE_METATYPE(Taskscope::ApiError)
