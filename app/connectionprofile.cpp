// ConnectionProfile: a named connection as QSettings keeps it (never its token), and the list of them.
#include "connectionprofile.h"

#include <QSettings>
#include <QUuid>

namespace Taskscope {

namespace {
const QString kGroup = QStringLiteral("Connections");
const QString kLastUsed = QStringLiteral("Connections/lastUsed");
} // namespace

ConnectionConfig ConnectionProfile::config() const
{
    ConnectionConfig config;
    config.baseUrl = baseUrl;
    config.accountId = accountId;
    config.pollIntervalMs = qBound(1, pollIntervalSeconds, 24 * 3600) * 1000;
    config.pageSize = qMax(0, pageSize);
    config.allowPlainHttp = allowPlainHttp;
    config.incremental = incremental;
    config.trustedCertificates = trustedCertificates;
    return config;
}

QList<ConnectionProfile> ConnectionProfiles::load()
{
    QSettings settings;
    QList<ConnectionProfile> profiles;
    const int count = settings.beginReadArray(kGroup);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        ConnectionProfile profile;
        profile.id = settings.value(QStringLiteral("id")).toString();
        if (profile.id.isEmpty())
            continue; // not written by us: ignore rather than invent a key for a token
        profile.name = settings.value(QStringLiteral("name")).toString();
        profile.baseUrl = QUrl(settings.value(QStringLiteral("url")).toString());
        profile.accountId = settings.value(QStringLiteral("account")).toString();
        profile.pollIntervalSeconds = settings.value(QStringLiteral("pollIntervalSeconds"), 10).toInt();
        profile.pageSize = settings.value(QStringLiteral("pageSize"), 0).toInt();
        profile.incremental = settings.value(QStringLiteral("incremental"), true).toBool();
        profile.allowPlainHttp = settings.value(QStringLiteral("allowPlainHttp"), false).toBool();
        const QStringList trusted = settings.value(QStringLiteral("trustedCertificates")).toStringList();
        for (const QString &entry : trusted) {
            // "host:port=AB:CD:..." (the fingerprint as the dialog showed it)
            const qsizetype equals = entry.lastIndexOf(u'=');
            if (equals > 0)
                profile.trustedCertificates.insert(entry.left(equals), QByteArray::fromHex(entry.mid(equals + 1).toLatin1()));
        }
        profiles.append(profile);
    }
    settings.endArray();
    return profiles;
}

void ConnectionProfiles::save(const QList<ConnectionProfile> &profiles)
{
    QSettings settings;
    settings.remove(kGroup);
    settings.beginWriteArray(kGroup, int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const ConnectionProfile &profile = profiles[i];
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("id"), profile.id);
        settings.setValue(QStringLiteral("name"), profile.name);
        settings.setValue(QStringLiteral("url"), profile.baseUrl.toString());
        settings.setValue(QStringLiteral("account"), profile.accountId);
        settings.setValue(QStringLiteral("pollIntervalSeconds"), profile.pollIntervalSeconds);
        settings.setValue(QStringLiteral("pageSize"), profile.pageSize);
        settings.setValue(QStringLiteral("incremental"), profile.incremental);
        settings.setValue(QStringLiteral("allowPlainHttp"), profile.allowPlainHttp);
        QStringList trusted;
        for (auto it = profile.trustedCertificates.cbegin(); it != profile.trustedCertificates.cend(); ++it)
            trusted.append(it.key() + u'=' + QString::fromLatin1(it.value().toHex(':').toUpper()));
        trusted.sort();
        settings.setValue(QStringLiteral("trustedCertificates"), trusted);
    }
    settings.endArray();
}

QString ConnectionProfiles::lastUsedId()
{
    return QSettings().value(kLastUsed).toString();
}

void ConnectionProfiles::setLastUsedId(const QString &id)
{
    QSettings().setValue(kLastUsed, id);
}

ConnectionProfile ConnectionProfiles::create(const QList<ConnectionProfile> &existing)
{
    ConnectionProfile profile;
    profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    for (int n = int(existing.size()) + 1;; ++n) {
        const QString name = n == 1 ? tr("Astra Control") : tr("Astra Control %1").arg(n);
        if (std::none_of(existing.cbegin(), existing.cend(), [&](const ConnectionProfile &p) { return p.name == name; })) {
            profile.name = name;
            break;
        }
    }
    return profile;
}

QUrl ConnectionProfiles::urlFromText(const QString &input)
{
    QString text = input.trimmed();
    if (text.isEmpty())
        return {};
    if (!text.contains(QLatin1String("://")))
        text.prepend(QLatin1String("https://")); // https unless the user says otherwise
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"https" && url.scheme() != u"http"))
        return {};
    return url;
}

} // namespace Taskscope
