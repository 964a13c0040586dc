// ConnectionProfile: a named connection as QSettings keeps it (never its token), and the list of them.
#pragma once

#include "tasksclient.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QUrl>

class QSettings;

namespace Taskscope {

struct ConnectionProfile
{
    QString id;   // stable across renames: the token store's key is derived from it
    QString name; // what the user calls it
    QUrl baseUrl;
    QString accountId;
    int pollIntervalSeconds = 10;
    int pageSize = 0; // 0: the whole list in one response
    bool allowPlainHttp = false;
    bool incremental = true; // after a full list, ask only for what changed (a full list every 12 polls)
    QHash<QString, QByteArray> trustedCertificates; // "host:port" -> SHA-256 of the certificate

    ConnectionConfig config() const;
    QString tokenKey() const { return tokenKeyFor(id); }
    static QString tokenKeyFor(const QString &profileId) { return QStringLiteral("connection/") + profileId; }
    friend bool operator==(const ConnectionProfile &, const ConnectionProfile &) = default;
};

// Every saved connection, and which one was used last. Reads and writes the default QSettings.
class ConnectionProfiles final
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionProfiles)
public:
    static QList<ConnectionProfile> load();
    static void save(const QList<ConnectionProfile> &profiles);
    static QString lastUsedId();
    static void setLastUsedId(const QString &id);
    // A new profile with a fresh id and a name not yet in `existing` ("Connection 2", ...).
    static ConnectionProfile create(const QList<ConnectionProfile> &existing);
    // Parses what a user types as the server: "astra.example.com" means https. Invalid on error.
    static QUrl urlFromText(const QString &text);
};

} // namespace Taskscope
