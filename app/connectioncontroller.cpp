// ConnectionController: connections, their tokens and the demo server, feeding one TasksClient.
#include "connectioncontroller.h"

#include "connectionoptions.h"
#include "connectionprofile.h"
#include "demoserver.h"
#include "demoserverthread.h"
#include "tasksclient.h"
#include "tokenstore.h"

#include <QPointer>

#include <algorithm>

namespace Taskscope {

ConnectionController::ConnectionController(TasksClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_tokens(new SessionTokenStore(nullptr, this))
{
}

ConnectionController::~ConnectionController() = default;

void ConnectionController::connectTo(const ConnectionConfig &config, const QString &token, const QString &description)
{
    m_description = description;
    ConnectionConfig filtered = config;
    filtered.serverFilters = m_serverFilters ? m_serverFilters() : QStringList();
    if (filtered.tasksUrl() != m_client->config().tasksUrl())
        Q_EMIT endpointChanging();
    m_client->setConnection(filtered, token);
    if (!m_paused)
        m_client->start();
    Q_EMIT connected();
}

void ConnectionController::pushServerFilters()
{
    const QStringList clauses = m_serverFilters ? m_serverFilters() : QStringList();
    ConnectionConfig config = m_client->config();
    if (clauses == config.serverFilters)
        return;
    config.serverFilters = clauses;
    if (!config.baseUrl.isEmpty())
        m_client->setConfig(config); // polls again at once with the new filters
}

void ConnectionController::setTokenStore(TokenStore *persistent)
{
    delete m_tokens;
    m_tokens = new SessionTokenStore(persistent, this);
}

void ConnectionController::openConnection(const ConnectionProfile &profile)
{
    m_profileId = profile.id;
    ConnectionProfiles::setLastUsedId(profile.id);
    QPointer<ConnectionController> self(this);
    const quint64 serial = beginConnection();
    m_tokens->read(profile.tokenKey(), [self, profile, serial](bool ok, const QString &token, const QString &error) {
        if (!self || !self->isLatestConnection(serial))
            return; // another connection was opened while the keychain answered
        if (!ok) {
            Q_EMIT self->message(
                tr("Cannot read the token of %1 from %2: %3").arg(profile.name, self->m_tokens->description(), error));
        }
        self->connectTo(profile.config(), token, profile.name);
    });
}

QString ConnectionController::profileInUse(QList<ConnectionProfile> *profiles) const
{
    const ConnectionConfig &config = m_client->config();
    if (config.baseUrl.isEmpty() || (m_demo && config.baseUrl == m_demo->url()))
        return {};
    for (const ConnectionProfile &profile : std::as_const(*profiles)) {
        if (profile.id == m_profileId)
            return profile.id;
    }
    for (const ConnectionProfile &profile : std::as_const(*profiles)) {
        if (profile.config().tasksUrl() == config.tasksUrl())
            return profile.id;
    }
    ConnectionProfile profile = ConnectionProfiles::create(*profiles);
    const auto named = [this](const ConnectionProfile &p) { return p.name == m_description; };
    if (!m_description.isEmpty() && std::none_of(profiles->cbegin(), profiles->cend(), named))
        profile.name = m_description; // as the status bar names it (the URL, for the command line)
    profile.baseUrl = config.baseUrl;
    profile.accountId = config.accountId;
    profile.pollIntervalSeconds = qMax(1, config.pollIntervalMs / 1000);
    profile.pageSize = config.pageSize;
    profile.allowPlainHttp = config.allowPlainHttp;
    profile.incremental = config.incremental;
    profile.trustedCertificates = config.trustedCertificates;
    profiles->append(profile);
    return profile.id;
}

bool ConnectionController::connectToDemo(const ConnectionConfig &settings)
{
    if (!m_demo) {
        auto server = std::make_unique<Demo::DemoServerThread>(ConnectionOptions::demoServerOptions(true));
        if (!server->isListening()) {
            Q_EMIT demoFailed(server->errorString());
            return false;
        }
        m_ownDemo = std::move(server);
        m_demo = &m_ownDemo->server();
    }
    beginConnection(); // a keychain answer for another connection still on its way is dropped
    m_profileId.clear();
    ConnectionConfig config = settings;
    config.baseUrl = m_demo->url();
    config.accountId = m_demo->account();
    connectTo(config, m_demo->token(), tr("Demo server %1").arg(config.baseUrl.toString()));
    return true;
}

bool ConnectionController::isDemo() const
{
    return m_demo && m_client->config().baseUrl == m_demo->url() && m_client->config().accountId == m_demo->account();
}

bool ConnectionController::openLastConnection()
{
    const QString last = ConnectionProfiles::lastUsedId();
    if (last.isEmpty())
        return false;
    for (const ConnectionProfile &profile : ConnectionProfiles::load()) {
        if (profile.id == last) {
            openConnection(profile);
            return true;
        }
    }
    return false;
}

void ConnectionController::applyConnections(const QList<ConnectionProfile> &profiles,
                                            const QHash<QString, QString> &typedTokens,
                                            const ConnectionProfile &selected)
{
    const QList<ConnectionProfile> before = ConnectionProfiles::load();
    ConnectionProfiles::save(profiles);
    // Tokens of removed connections leave the keychain with them.
    for (const ConnectionProfile &old : before) {
        if (std::none_of(profiles.cbegin(), profiles.cend(), [&](const ConnectionProfile &p) { return p.id == old.id; }))
            m_tokens->remove(old.tokenKey(), [](bool, const QString &) {});
    }
    QPointer<ConnectionController> self(this);
    for (auto it = typedTokens.cbegin(); it != typedTokens.cend(); ++it) {
        m_tokens->write(ConnectionProfile::tokenKeyFor(it.key()), it.value(), [self](bool ok, const QString &error) {
            if (self && !ok)
                Q_EMIT self->message(tr("No system keychain (%1): the token stays in memory for this session only.").arg(error));
        });
    }
    openConnection(selected);
}

} // namespace Taskscope
