// PageFetcher: one GET of the tasks endpoint at a time, with the rules every request obeys.
#pragma once

#include "apierror.h"

#include <QByteArray>
#include <QHash>
#include <QByteArrayList>
#include <QObject>
#include <QUrl>

#include <atomic>
#include <optional>

class QThread;

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
        qsizetype bodyPadding = 0; // bytes reserved after a body (its one buffer, or its pieces joined)
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
    bool isBusy() const { return m_busy; }
    qint64 requestsSent() const { return m_requestsSent; }

    // The token (and its percent-encoded form) replaced by *** in every text of `error`.
    ApiError scrubbed(ApiError error) const;

    // One piece is shared, not copied; several are joined with `padding` bytes reserved after them.
    static QByteArray joined(const QByteArrayList &pieces, qsizetype padding);

Q_SIGNALS:
    // The body in one piece (with Rules::bodyPadding bytes reserved after it): read as it comes and
    // joined in the fetcher's own thread, never on the UI thread.
    void fetched(const QByteArrayList &body, const QString &url);
    void failed(const Taskscope::ApiError &error);

private:
    class Transfer;
    struct Outcome;
    void finish(quint64 request, const Outcome &outcome);
    QString scrub(QString text) const;

    Rules m_rules;
    QThread *m_thread;
    Transfer *m_transfer; // lives in m_thread
    std::atomic<quint64> m_request = 0; // the request whose outcome is awaited (read in m_thread too)
    bool m_busy = false;
    qint64 m_requestsSent = 0;
};

} // namespace Taskscope
