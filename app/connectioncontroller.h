// ConnectionController: which connection the client polls: saved connections with their keychain
// tokens, the built-in demo server, and the latest choice winning over slower keychain answers.
// The window keeps the dialogs and reports what this says.
#pragma once

#include "connectionconfig.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <functional>
#include <memory>

namespace Taskscope {

namespace Demo {
class DemoServer;
class DemoServerThread;
}
class TasksClient;
class TokenStore;
struct ConnectionProfile;

class ConnectionController final : public QObject
{
    Q_OBJECT
public:
    // `client` is not owned.
    explicit ConnectionController(TasksClient *client, QObject *parent = nullptr);
    ~ConnectionController() override;

    // Starts polling `config` with `token` (kept in memory only), with the server filters in force;
    // polling starts unless it is paused.
    void connectTo(const ConnectionConfig &config, const QString &token, const QString &description);
    QString description() const { return m_description; }
    void setPollingPaused(bool paused) { m_paused = paused; }
    // Where the filter clauses sent with each poll come from (read at each connection and push).
    void setServerFilterSource(std::function<QStringList()> source) { m_serverFilters = std::move(source); }
    // Sends the source's clauses now if they changed: the client polls again at once.
    void pushServerFilters();

    // Where tokens of saved connections live (not owned; the keychain in the application). Tokens
    // the store refuses stay in memory for the session. Without one: memory only.
    void setTokenStore(TokenStore *persistent);
    TokenStore *tokenStore() const { return m_tokens; }
    // Polls a saved connection with its stored token, and remembers it as the one to reopen.
    void openConnection(const ConnectionProfile &profile);
    // For a caller that connects once an answer arrives (a keychain read): take a serial first, and
    // connect only if it is still the latest, so that a later choice of connection stands.
    quint64 beginConnection() { return ++m_openSerial; }
    bool isLatestConnection(quint64 serial) const { return serial == m_openSerial; }
    // Reopens the connection used last; false when there is none.
    bool openLastConnection();
    // Saves the connections (tokens of removed ones leave the keychain, typed ones enter it) and
    // opens `selected`.
    void applyConnections(const QList<ConnectionProfile> &profiles, const QHash<QString, QString> &typedTokens,
                          const ConnectionProfile &selected);
    QString currentProfileId() const { return m_profileId; }
    // The id, in `profiles`, of the connection being polled. A connection given on the command line
    // is the saved one for the same server and account, else a new one filled in with its settings,
    // appended to `profiles`. Empty for the demo server and when nothing is polled.
    QString profileInUse(QList<ConnectionProfile> *profiles) const;

    // Polls the built-in demo server, with `settings`' page size and timeouts. The server is
    // `setDemoServer()`'s, else one this controller starts (and keeps) on first use; false when it
    // cannot start (demoFailed() says why).
    bool connectToDemo(const ConnectionConfig &settings);
    void setDemoServer(Demo::DemoServer *server) { m_demo = server; } // not owned (the one --demo started)
    // The client polls the built-in demo server.
    bool isDemo() const;

Q_SIGNALS:
    // Another endpoint or account is about to be polled: the tasks shown are not its tasks.
    void endpointChanging();
    void connected(); // the client polls what connectTo() was given
    void message(const QString &text); // for the status bar (a keychain that failed)
    void demoFailed(const QString &error);

private:
    TasksClient *m_client;
    TokenStore *m_tokens = nullptr;
    QString m_profileId;
    QString m_description;
    std::function<QStringList()> m_serverFilters;
    bool m_paused = false;
    Demo::DemoServer *m_demo = nullptr;
    std::unique_ptr<Demo::DemoServerThread> m_ownDemo; // the server lives in its own thread
    quint64 m_openSerial = 0; // the latest openConnection(): older keychain answers are dropped
};

} // namespace Taskscope
