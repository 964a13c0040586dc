// ConnectionConfig: where and how to poll one tasks endpoint (never the token).
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Taskscope {

// Where and how to poll. The token is not part of it: it never reaches settings.
struct ConnectionConfig
{
    QUrl baseUrl;                 // https://astra.example.com (a path prefix is kept)
    QString accountId;
    int pollIntervalMs = 10'000;  // from the end of one poll to the start of the next
    int pageSize = 0;             // `limit`; 0: off
    QStringList serverFilters;    // each sent as its own `filter=` (the server ANDs them)
    QStringList include;          // `include=`; empty: whole objects
    bool allowPlainHttp = false;  // plain http to a host that is not loopback
    bool allowHttpsUpgrade = false; // follow a redirect from http:// to https:// on the same host
    QHash<QString, QByteArray> trustedCertificates; // "host:port" -> SHA-256 of the certificate the user trusted
    qint64 maxBodyBytes = 256LL * 1024 * 1024;
    int transferTimeoutMs = 30'000; // of inactivity
    int maxPages = 10'000;
    bool firstPageOnly = false;   // a connection test: one page, its continue token ignored
    int backoffInitialMs = 1'000;
    int backoffMaxMs = 60'000;
    // After a full list, ask only for tasks modified since (minus a margin) and merge them in;
    // a full list every `fullResyncEvery` polls and after any error learns about removals.
    bool incremental = true;
    int fullResyncEvery = 12;

    // The tasks endpoint, without query.
    QUrl tasksUrl() const;
    // `path` ("/k8s/v2/apps") under the account, without query.
    QUrl accountUrl(const QString &path) const;
    friend bool operator==(const ConnectionConfig &, const ConnectionConfig &) = default;
};

} // namespace Taskscope
