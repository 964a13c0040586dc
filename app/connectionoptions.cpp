// The command-line options that say where the tasks come from, shared by the GUI and `export`.
#include "connectionoptions.h"

#include "connectionprofile.h"
#include "demoserverthread.h"
#include "tokenstore.h"

#include <QCommandLineParser>

namespace Taskscope {

ConnectionOptions::ConnectionOptions()
    : m_demo(QStringLiteral("demo"), tr("Use the built-in demo server (live simulated backups; no account needed)."))
    , m_url(QStringLiteral("url"), tr("The Astra Control URL, e.g. https://astra.example.com."), tr("url"))
    , m_account(QStringLiteral("account"), tr("The Astra Control account id."), tr("id"))
    , m_tokenFile(QStringLiteral("token-file"),
                  tr("Read the API token from the first line of <file> (else $ASTRA_TOKEN)."), tr("file"))
    , m_pageSize(QStringLiteral("page-size"), tr("Ask for <n> tasks per page (limit=n); default: no paging."),
                 tr("n"))
    , m_allowHttp(QStringLiteral("allow-http"),
                  tr("Allow plain http to a host that is not this machine (the token travels unencrypted)."))
    , m_timeout(QStringLiteral("timeout"), tr("Give up on a request after <s> seconds without data (default 30)."),
                tr("s"))
{
}

ConnectionOptions::~ConnectionOptions() = default;

Demo::DemoServer *ConnectionOptions::demoServer() const
{
    return m_server ? &m_server->server() : nullptr;
}

void ConnectionOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({m_demo, m_url, m_account, m_tokenFile, m_pageSize, m_allowHttp, m_timeout});
}

bool ConnectionOptions::demoRequested(const QCommandLineParser &parser) const
{
    return parser.isSet(m_demo);
}

bool ConnectionOptions::urlRequested(const QCommandLineParser &parser) const
{
    return parser.isSet(m_url);
}

Demo::DemoServerOptions ConnectionOptions::demoServerOptions(bool forWindow)
{
    Demo::DemoServerOptions options;
    options.tasks = 240;
    options.speed = 4.0; // a backup every few seconds: something to watch at once
    if (forWindow)
        options.failWithinSeconds = kWindowDemoFailWithinSeconds;
    return options;
}

QUrl ConnectionOptions::demoHistoryUrl()
{
    return QUrl(QStringLiteral("http://demo.taskscope.invalid")); // .invalid: never a real host (RFC 2606)
}

QString ConnectionOptions::demoAccountId()
{
    const QString account = demoServerOptions().accountId;
    return account.isEmpty() ? Demo::DemoServer::defaultAccountId() : account;
}

void ConnectionOptions::addEndpointTo(QCommandLineParser &parser) const
{
    parser.addOptions({m_demo, m_url, m_account});
}

bool ConnectionOptions::resolveUrl(const QCommandLineParser &parser, QUrl *url, QString *accountId, QString *error) const
{
    *url = ConnectionProfiles::urlFromText(parser.value(m_url));
    if (!url->isValid()) {
        *error = tr("--url: not an http(s) URL: %1").arg(parser.value(m_url));
        return false;
    }
    if (!parser.isSet(m_account) || parser.value(m_account).trimmed().isEmpty()) {
        *error = tr("--url needs --account ID");
        return false;
    }
    *accountId = parser.value(m_account).trimmed();
    return true;
}

bool ConnectionOptions::resolve(const QCommandLineParser &parser, ConnectionConfig *config, QString *token,
                                QString *error, bool demoByDefault)
{
    if (parser.isSet(m_pageSize)) {
        bool ok = false;
        config->pageSize = parser.value(m_pageSize).toInt(&ok);
        if (!ok || config->pageSize < 1) {
            *error = tr("--page-size takes a whole number of at least 1");
            return false;
        }
    }
    if (parser.isSet(m_timeout)) {
        bool ok = false;
        const double seconds = parser.value(m_timeout).toDouble(&ok);
        if (!ok || seconds <= 0 || seconds > 3600) {
            *error = tr("--timeout takes a number of seconds between 0 and 3600");
            return false;
        }
        config->transferTimeoutMs = int(seconds * 1000);
    }
    config->allowPlainHttp = parser.isSet(m_allowHttp);

    if (parser.isSet(m_demo) || (demoByDefault && !parser.isSet(m_url))) {
        if (parser.isSet(m_url)) {
            *error = tr("--demo and --url exclude each other");
            return false;
        }
        m_server = std::make_unique<Demo::DemoServerThread>(demoServerOptions(m_forWindow));
        if (!m_server->isListening()) {
            *error = tr("cannot start the demo server: %1").arg(m_server->errorString());
            m_server.reset();
            return false;
        }
        config->baseUrl = m_server->server().url();
        config->accountId = m_server->server().account();
        *token = m_server->server().token();
        return true;
    }

    if (!parser.isSet(m_url)) {
        *error = tr("say where the tasks come from: --url URL --account ID, or --demo");
        return false;
    }
    if (!resolveUrl(parser, &config->baseUrl, &config->accountId, error))
        return false;
    if (parser.isSet(m_tokenFile)) {
        if (!TokenFromEnvironment::fromFile(parser.value(m_tokenFile), token, error))
            return false;
    } else {
        *token = TokenFromEnvironment::fromEnvironment();
    }
    return true;
}

} // namespace Taskscope
