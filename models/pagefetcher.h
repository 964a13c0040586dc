// PageFetcher: one GET of the tasks endpoint at a time, with the rules every request obeys.
#pragma once

#include "apierror.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QNetworkReply>
#include <QByteArrayList>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;

namespace Taskscope {

// Accept and bearer token headers, redirects to the same origin only, TLS pins per host, a body
// size cap, an inactivity timeout, and error texts scrubbed of the token. Emits the body or an
// ApiError; abort() ends a request silently.
class PageFetcher final : public QObject
{
    Q_OBJECT
public:
    struct Rules
    {
        QString token;
        bool allowPlainHttp = false;
        bool allowHttpsUpgrade = false;
        QHash<QString, QByteArray> trustedCertificates; // "host:port" -> SHA-256
        qint64 maxBodyBytes = 256LL * 1024 * 1024;
        int transferTimeoutMs = 30'000;
    };

    explicit PageFetcher(QObject *parent = nullptr);
    ~PageFetcher() override;

    void setRules(const Rules &rules) { m_rules = rules; }
    const Rules &rules() const { return m_rules; }

    // Whether a request to `url` may be sent at all (an http(s) URL, plain http only to loopback
    // or when allowed, a token); the error says why not. `shownUrl` is what the user typed.
    std::optional<ApiError> refusal(const QUrl &url, const QUrl &shownUrl) const;

    // Starts a request; an earlier one still in flight is aborted silently.
    void fetch(const QUrl &url);
    void abort();
    bool isBusy() const { return m_reply != nullptr; }
    qint64 requestsSent() const { return m_requestsSent; }

    // The token (and its percent-encoded form) replaced by *** in every text of `error`.
    ApiError scrubbed(ApiError error) const;

Q_SIGNALS:
    // The body in the pieces it arrived in: they are read as they come (a copy of a few kilobytes
    // at a time), and joined by whoever parses them, on a worker, never on the UI thread.
    void fetched(const QByteArrayList &body, const QString &url);
    void failed(const Taskscope::ApiError &error);

private:
    void connectReply(QNetworkReply *reply, const QUrl &url);
    void onReadyRead();
    void onFinished();
    ApiError errorFromReply(QNetworkReply *reply, int httpStatus, const QByteArray &body) const;
    QString scrub(QString text) const;

    QNetworkAccessManager *m_network;
    Rules m_rules;
    QPointer<QNetworkReply> m_reply;
    std::optional<ApiError> m_abortReason;
    std::optional<CertificateInfo> m_certificate;
    QByteArrayList m_chunks; // the body so far
    qint64 m_received = 0;
    qint64 m_requestsSent = 0;
    QElapsedTimer m_timer;
};

} // namespace Taskscope
