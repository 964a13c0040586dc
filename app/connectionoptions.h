// The command-line options that say where the tasks come from, shared by the GUI and `export`.
#pragma once

#include "tasksclient.h"

#include <QCommandLineOption>
#include <QCoreApplication>

#include <memory>

class QCommandLineParser;

namespace Taskscope {

namespace Demo {
class DemoServer;
class DemoServerThread;
struct DemoServerOptions;
}

class ConnectionOptions final
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionOptions)
public:
    ConnectionOptions();
    ~ConnectionOptions();
    void addTo(QCommandLineParser &parser) const;
    // Only --demo, --url and --account: which endpoint, without what it takes to reach it (for
    // `taskscope history`, which reads a file).
    void addEndpointTo(QCommandLineParser &parser) const;

    bool demoRequested(const QCommandLineParser &parser) const;
    bool urlRequested(const QCommandLineParser &parser) const;

    // Fills the config and the token from --url/--account/--token-file/$ASTRA_TOKEN, or starts the
    // embedded demo server for --demo (or when `demoByDefault` and no --url). False with a one-line
    // message on bad or missing values.
    bool resolve(const QCommandLineParser &parser, ConnectionConfig *config, QString *token, QString *error,
                 bool demoByDefault = false);

    // --url and --account, checked (an http(s) URL, an account); false with a one-line message.
    bool resolveUrl(const QCommandLineParser &parser, QUrl *url, QString *accountId, QString *error) const;

    // What the embedded demo server simulates: a few hundred tasks, a backup every few seconds.
    // `forWindow`: also a backup that fails within the first minute, so that a new user sees a
    // notification (the command line's --demo stays the same scenario as the demo server's).
    static Demo::DemoServerOptions demoServerOptions(bool forWindow = false);
    static constexpr qint64 kWindowDemoFailWithinSeconds = 45;
    // resolve() starts the window's demo (demoServerOptions(true)).
    void setForWindow(bool forWindow) { m_forWindow = forWindow; }
    // The embedded demo server listens on a new port each time: its history is kept under this
    // fixed identity (http://demo.taskscope.invalid and the demo account), so that every --demo
    // session (watch, history, the window) finds what the others recorded.
    static QUrl demoHistoryUrl();
    static QString demoAccountId();
    // The embedded demo server, once resolve() started it.
    Demo::DemoServer *demoServer() const; // the --demo server (in its own thread), or null

private:
    bool m_forWindow = false;
    QCommandLineOption m_demo;
    QCommandLineOption m_url;
    QCommandLineOption m_account;
    QCommandLineOption m_tokenFile;
    QCommandLineOption m_pageSize;
    QCommandLineOption m_allowHttp;
    QCommandLineOption m_timeout;
    std::unique_ptr<Demo::DemoServerThread> m_server;
};

} // namespace Taskscope
