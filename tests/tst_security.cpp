// Security end to end: the token never reaches disk or output (real binaries, debug logging on),
// redirects keep the token on its origin, TLS trust is per host and port, caps hold at their
// boundary, and a failed export leaves the old file as it was.
#include "connectiondialog.h"
#include "connectionprofile.h"
#include "mainwindow.h"
#include "tasksclient.h"
#include "demoprocess.h"
#include "testhttpserver.h"
#include "tokenstore.h"

#include <QApplication>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMutex>
#include <QProcess>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

#include <memory>

using namespace Taskscope;
using namespace Qt::StringLiterals;

namespace {

// Everything this process logs, for the token scan (set up in main(), before QApplication).
QMutex g_logMutex;
QByteArray g_log;
QtMessageHandler g_previousHandler = nullptr;
bool g_quietDebug = false;

void captureMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log += QByteArray(context.category ? context.category : "") + ": " + message.toUtf8() + '\n';
    }
    if (!(g_quietDebug && (type == QtDebugMsg || type == QtInfoMsg)) && g_previousHandler)
        g_previousHandler(type, context, message);
}

QByteArray randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), bytes / 4);
    return raw.toHex();
}

QByteArray listJson(const QList<QByteArray> &items)
{
    return "{\"items\":[" + items.join(',') + "],\"metadata\":{}}";
}

QByteArray problemJson(const QByteArray &text)
{
    const QByteArray quoted = QJsonDocument(QJsonArray{QString::fromUtf8(text)}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    return R"({"type":"https://astra.netapp.io/problems/5","title":)" + quoted + R"(,"detail":)" + quoted
        + R"(,"status":"400","invalidParams":[{"name":"limit","reason":)" + quoted + "}]}";
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList filesIn(const QString &dir)
{
    QStringList names = QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System | QDir::Dirs | QDir::NoDotAndDotDot);
    names.sort();
    return names;
}

struct Run
{
    int exitCode = -1;
    bool crashed = true;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestSecurity : public QObject
{
    Q_OBJECT
public:
    explicit TestSecurity(const QString &root) : m_root(root) {}

private:
    const QString m_root; // HOME, XDG_* and TMPDIR of this process and of every process it starts
    QList<QPair<QString, QByteArray>> m_outputs; // what every run printed, for the scan

    QProcessEnvironment isolatedEnvironment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "ASTRA_TOKEN"})
            env.remove(QString::fromLatin1(name));
        env.insert(u"HOME"_s, m_root + u"/home"_s);
        env.insert(u"XDG_CONFIG_HOME"_s, m_root + u"/config"_s);
        env.insert(u"XDG_DATA_HOME"_s, m_root + u"/data"_s);
        env.insert(u"XDG_CACHE_HOME"_s, m_root + u"/cache"_s);
        env.insert(u"XDG_RUNTIME_DIR"_s, m_root + u"/runtime"_s);
        env.insert(u"TMPDIR"_s, m_root + u"/tmp"_s);
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
        // Everything at debug level, Qt's network and our own included (plugin chatter left out).
        env.insert(u"QT_LOGGING_RULES"_s, u"*.debug=true;qt.core.plugin*.debug=false;qt.accessibility*.debug=false"_s);
        return env;
    }

    // Runs a process with the event loop going, so that servers in this process can answer it.
    Run run(const QString &label, const QString &program, const QStringList &arguments,
            const QProcessEnvironment &env, const std::function<void(QProcess &)> &setup = {})
    {
        QProcess process;
        process.setProcessEnvironment(env);
        if (setup)
            setup(process);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(program, arguments);
        Run result;
        if (!process.waitForStarted(10000))
            return result;
        process.closeWriteChannel();
        if (!finished.wait(120000)) {
            process.kill();
            process.waitForFinished();
            qWarning("%s did not finish", qPrintable(label));
        }
        result.crashed = process.exitStatus() != QProcess::NormalExit;
        result.exitCode = process.exitCode();
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        m_outputs.append({label + u" (stdout)"_s, result.out});
        m_outputs.append({label + u" (stderr)"_s, result.err});
        return result;
    }

    ConnectionConfig configFor(const TestHttpServer &server) const
    {
        ConnectionConfig config;
        config.baseUrl = server.url();
        config.accountId = u"acc-1"_s;
        config.transferTimeoutMs = 5000;
        return config;
    }

private Q_SLOTS:
    void tokenIsNowhereOnDiskOrInOutput();
    void redirectsStayOnTheirOrigin_data();
    void redirectsStayOnTheirOrigin();
    void httpsUpgradeOnlyWhenAllowed();
    void trustIsForOneHostAndPort();
    void bodyCapBoundary();
    void oversizedLaterPageKeepsTheLastSnapshot();
    void failedExportsLeaveTheOldFile_data();
    void failedExportsLeaveTheOldFile();
};

// A known token goes through export (success, 401, 404, an echoing server), the GUI (command line,
// saved connection, reopened), error messages and debug logs; then every file and every output
// is searched for it, also base64- and percent-encoded.
void TestSecurity::tokenIsNowhereOnDiskOrInOutput()
{
    const QByteArray token = randomHex(20) + "-+/=Tk"; // 40 hex digits and what encodings change
    const QByteArray wrongToken = randomHex(20) + "-Wr0ng";
    const QString secrets = m_root + u"/secrets"_s; // the token files: the only place the token may be
    QVERIFY(QDir().mkpath(secrets));
    const QString tokenFile = secrets + u"/token"_s, wrongTokenFile = secrets + u"/wrong-token"_s;
    QVERIFY(writeFile(tokenFile, token + '\n'));
    QVERIFY(writeFile(wrongTokenFile, wrongToken + '\n'));
    QVERIFY(QDir().mkpath(m_root + u"/exports"_s));
    const QProcessEnvironment env = isolatedEnvironment();
    QProcessEnvironment envWithToken = env;
    envWithToken.insert(u"ASTRA_TOKEN"_s, QString::fromLatin1(token));

    // The demo server as its own process; its banner prints the token (that is its job): not scanned.
    QProcess demo;
    demo.setProcessEnvironment(env);
    const DemoEndpoint endpoint = startDemoServer(
        demo, QStringLiteral(TASKSCOPE_DEMO_SERVER),
        {u"--port"_s, u"0"_s, u"--tasks"_s, u"40"_s, u"--token"_s, QString::fromLatin1(token)});
    QVERIFY(endpoint.isValid());
    const QString url = endpoint.url, account = endpoint.account;

    // A careless server echoes the Authorization header: in a problem, and in a redirect's path.
    TestHttpServer echo;
    echo.setHandler([&](const TestHttpServer::Request &request) {
        const QByteArray header = request.headers.value("authorization");
        if (request.target.contains("/redirecting/"))
            return TestHttpServer::redirect(QUrl(u"http://127.0.0.1:1/"_s + QString::fromLatin1(QUrl::toPercentEncoding(
                                                     QString::fromLatin1(header)))));
        return TestHttpServer::json(400, problemJson(header), "application/problem+json");
    });
    const QString echoUrl = echo.url().toString();

    const QString exportFile = m_root + u"/exports/tasks.json"_s;
    const QString app = QStringLiteral(TASKSCOPE_BINARY);
    Run r = run(u"export to a file"_s, app,
                {u"export"_s, u"--url"_s, url, u"--account"_s, account, u"--token-file"_s, tokenFile, u"--output"_s, exportFile},
                env);
    QVERIFY2(!r.crashed && r.exitCode == 0, r.err.constData());
    QVERIFY(readFile(exportFile).contains("\"items\""));
    // Debug logging was on, so the scan below reads real logs.
    QVERIFY2(r.err.contains("taskscope.network: GET"), r.err.left(2000).constData());

    r = run(u"export with ASTRA_TOKEN"_s, app, {u"export"_s, u"--url"_s, url, u"--account"_s, account, u"--format"_s, u"tree"_s},
            envWithToken);
    QVERIFY2(!r.crashed && r.exitCode == 0 && r.out.count('\n') > 10, r.err.constData());

    r = run(u"export with a wrong token"_s, app,
            {u"export"_s, u"--url"_s, url, u"--account"_s, account, u"--token-file"_s, wrongTokenFile}, env);
    QVERIFY(!r.crashed);
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("401"), r.err.constData());

    r = run(u"export from an unknown account"_s, app,
            {u"export"_s, u"--url"_s, url, u"--account"_s, u"no-such-account"_s, u"--token-file"_s, tokenFile}, env);
    QVERIFY(!r.crashed);
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("404"), r.err.constData());

    r = run(u"export from an echoing server"_s, app,
            {u"export"_s, u"--url"_s, echoUrl, u"--account"_s, u"a"_s, u"--token-file"_s, tokenFile}, env);
    QVERIFY(!r.crashed);
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("400"), r.err.constData());

    r = run(u"export redirected with the token in the path"_s, app,
            {u"export"_s, u"--url"_s, echoUrl + u"/redirecting"_s, u"--account"_s, u"a"_s, u"--token-file"_s, tokenFile}, env);
    QVERIFY(!r.crashed);
    QCOMPARE(r.exitCode, 3);

    // The GUI: from the command line, then against the echoing server (the error banner).
    const QString shots = m_root + u"/shots"_s;
    QVERIFY(QDir().mkpath(shots));
    r = run(u"GUI"_s, app,
            {u"--url"_s, url, u"--account"_s, account, u"--token-file"_s, tokenFile, u"--screenshot"_s, shots + u"/gui.png"_s},
            env);
    QVERIFY2(!r.crashed && r.exitCode == 0, r.err.right(2000).constData());
    QVERIFY(QFile::exists(shots + u"/gui.png"_s));
    r = run(u"GUI on an echoing server"_s, app,
            {u"--url"_s, echoUrl, u"--account"_s, u"a"_s, u"--screenshot"_s, shots + u"/gui-error.png"_s}, envWithToken);
    QVERIFY2(!r.crashed && r.exitCode == 0, r.err.right(2000).constData());

    // In this process: the connection dialog with the token typed in, saved through MainWindow
    // into the settings file the binary reads (same organisation, application and XDG_CONFIG_HOME).
    QLoggingCategory::setFilterRules(u"*.debug=true\nqt.core.plugin*.debug=false\nqt.accessibility*.debug=false"_s);
    g_quietDebug = true;
    {
        MemoryTokenStore keychain;
        ConnectionProfile profile = ConnectionProfiles::create({});
        profile.baseUrl = QUrl(url);
        profile.accountId = account;
        MainWindow window;
        window.setTokenStore(&keychain);
        ConnectionDialog dialog({profile}, profile.id, window.tokenStore());
        int typed = 0;
        for (QLineEdit *edit : dialog.findChildren<QLineEdit *>()) {
            if (edit->echoMode() == QLineEdit::Password) {
                QTest::keyClicks(edit, QString::fromLatin1(token));
                ++typed;
            }
        }
        QCOMPARE(typed, 1);
        QSignalSpy tested(&dialog, &ConnectionDialog::testFinished);
        dialog.testConnection();
        QTRY_COMPARE_WITH_TIMEOUT(tested.size(), 1, 20000);
        QVERIFY(tested.first().first().toBool());
        m_outputs.append({u"dialog outcome"_s, dialog.testOutcome().toUtf8()});
        QSignalSpy applied(&window, &MainWindow::snapshotApplied);
        window.applyConnections(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(applied.size() > 0, 20000);
        window.saveLayout();
        window.close();
    }
    QSettings().sync();
    const QString settingsFile = QSettings().fileName();
    QVERIFY2(settingsFile.startsWith(m_root), qPrintable(settingsFile));
    QVERIFY(readFile(settingsFile).contains(account.toUtf8()));
    QLoggingCategory::setFilterRules({});
    g_quietDebug = false;

    // The next start reopens that connection (its token is in no keychain here: it says so).
    r = run(u"GUI reopening the saved connection"_s, app, {u"--screenshot"_s, shots + u"/reopened.png"_s}, env);
    QVERIFY2(!r.crashed && r.exitCode == 0, r.err.right(2000).constData());
    QVERIFY(QFile::exists(shots + u"/reopened.png"_s));
    // Reopened: no token, so nothing was asked; had it started the built-in demo instead, it would have polled.
    QVERIFY2(r.err.contains("poll failed") && !r.err.contains("taskscope.network: GET"), r.err.right(3000).constData());

    // The demo server's log too (at debug level; Qt's qt.httpserver category would print every
    // request's headers, so the server keeps it quiet). Its standard output is its banner, which
    // hands out its token on purpose.
    demo.terminate();
    QVERIFY(demo.waitForFinished(10000));
    m_outputs.append({u"demo server log"_s, demo.readAllStandardError()});
    {
        QMutexLocker lock(&g_logMutex);
        m_outputs.append({u"this process's log"_s, g_log});
    }

    // The scan: every file under the isolated home (but the token files), every output.
    QList<QByteArray> needles;
    for (const QByteArray &secret : {token, wrongToken}) {
        const QString text = QString::fromLatin1(secret);
        needles << secret << secret.left(16) << secret.toBase64() << QByteArray("Bearer " + secret).toBase64()
                << QUrl::toPercentEncoding(text) << QByteArray(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
    }
    QStringList found;
    int files = 0;
    QDirIterator it(m_root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.startsWith(secrets + u'/'))
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue; // a socket
        ++files;
        const QByteArray bytes = file.readAll();
        for (const QByteArray &needle : std::as_const(needles)) {
            if (bytes.contains(needle))
                found << path + u": "_s + QString::fromLatin1(needle);
        }
    }
    for (const auto &[label, bytes] : std::as_const(m_outputs)) {
        for (const QByteArray &needle : std::as_const(needles)) {
            if (bytes.contains(needle))
                found << label + u": "_s + QString::fromLatin1(needle);
        }
    }
    qInfo("scanned %d files and %lld outputs", files, qint64(m_outputs.size()));
    QVERIFY(files >= 5); // settings, export, screenshots at least
    QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
}

void TestSecurity::redirectsStayOnTheirOrigin_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("location"); // {self} and {other}: the two servers' origins
    QTest::addColumn<bool>("followed");
    QTest::newRow("307 relative") << 307 << u"/moved/tasks"_s << true;
    QTest::newRow("308 absolute, same origin") << 308 << u"{self}/moved/tasks"_s << true;
    QTest::newRow("301 other port") << 301 << u"{other}/moved/tasks"_s << false;
    QTest::newRow("307 other port") << 307 << u"{other}/moved/tasks"_s << false;
    QTest::newRow("308 other port") << 308 << u"{other}/moved/tasks"_s << false;
    QTest::newRow("protocol-relative to other port") << 302 << u"//127.0.0.1:{otherport}/moved/tasks"_s << false;
    QTest::newRow("same host as https, no upgrade allowed") << 302 << u"https://127.0.0.1:{selfport}/moved/tasks"_s
                                                            << false;
    QTest::newRow("chain out and back") << 302 << u"{self}/step"_s << false; // /step -> other -> back here
}

// Each hop is decided by the client: a same-origin hop keeps the token, any other hop ends the
// poll before a connection is made (tst_tasksclient covers 302 to another port and to "localhost").
void TestSecurity::redirectsStayOnTheirOrigin()
{
    QFETCH(int, status);
    QFETCH(QString, location);
    QFETCH(bool, followed);
    TestHttpServer server, other;
    const auto ok = [](const TestHttpServer::Request &) { return TestHttpServer::json(200, listJson({taskJson(u"t1"_s)})); };
    other.setHandler([&](const TestHttpServer::Request &) { return TestHttpServer::redirect(server.url(u"/moved/tasks"_s)); });
    location.replace(u"{self}"_s, server.url().toString())
        .replace(u"{other}"_s, other.url().toString())
        .replace(u"{otherport}"_s, QString::number(other.port()))
        .replace(u"{selfport}"_s, QString::number(server.port()));
    server.setHandler([&](const TestHttpServer::Request &r) {
        if (r.target.startsWith("/moved"))
            return ok(r);
        if (r.target.startsWith("/step"))
            return TestHttpServer::redirect(other.url(u"/back"_s), 307);
        TestHttpServer::Response response = TestHttpServer::redirect(QUrl(location), status);
        response.headers = {{"Location", location.toUtf8()}}; // as written: relative stays relative
        return response;
    });
    const QByteArray token = "Bearer s3cr3t-" + randomHex(8);
    TasksClient client;
    client.setConfig(configFor(server));
    client.setToken(QString::fromLatin1(token.mid(7)));
    QSignalSpy ready(&client, &TasksClient::snapshotReady);
    QSignalSpy failed(&client, &TasksClient::pollFailed);
    client.fetchOnce();
    QTRY_COMPARE(ready.size() + failed.size(), 1);
    for (const auto &request : server.requests())
        QCOMPARE(request.headers.value("authorization"), token);
    QCOMPARE(other.requests().size(), 0); // never contacted: it never saw the token
    if (followed) {
        QCOMPARE(ready.size(), 1);
        QCOMPARE(server.requests().size(), 2);
        QVERIFY(server.requests().last().target.startsWith("/moved/tasks"));
    } else {
        QCOMPARE(failed.size(), 1);
        QCOMPARE(client.lastError().kind, ApiError::CrossOriginRedirect);
        QVERIFY(!client.lastError().message().contains(QString::fromLatin1(token.mid(7))));
        for (const auto &request : server.requests())
            QVERIFY(!request.target.startsWith("/moved"));
    }
}

// http -> https on the same host only with allowHttpsUpgrade (and the certificate's own trust);
// https -> http never.
void TestSecurity::httpsUpgradeOnlyWhenAllowed()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    const QSslConfiguration tls = serverTls(u"a"_s);
    TestHttpServer secure(nullptr, &tls);
    TestHttpServer plain;
    bool downgrade = false;
    secure.setHandler([&](const TestHttpServer::Request &r) {
        if (downgrade && !r.target.startsWith("/moved"))
            return TestHttpServer::redirect(plain.url(u"/moved/tasks"_s));
        return TestHttpServer::json(200, listJson({taskJson(u"t1"_s)}));
    });
    plain.setHandler([&](const TestHttpServer::Request &r) {
        if (r.target.startsWith("/moved"))
            return TestHttpServer::json(200, listJson({taskJson(u"t1"_s)}));
        return TestHttpServer::redirect(secure.url(u"/moved/tasks"_s));
    });
    const QString token = u"upgrade-"_s + QString::fromLatin1(randomHex(8));
    const QString secureKey = u"127.0.0.1:%1"_s.arg(secure.port());
    const QByteArray digest = tls.localCertificate().digest(QCryptographicHash::Sha256);
    TasksClient client;
    client.setToken(token);
    QSignalSpy ready(&client, &TasksClient::snapshotReady);
    QSignalSpy failed(&client, &TasksClient::pollFailed);
    const auto fetch = [&](const ConnectionConfig &config) {
        const qsizetype before = ready.size() + failed.size();
        client.setConfig(config);
        client.fetchOnce();
        return QTest::qWaitFor([&] { return ready.size() + failed.size() > before; }, 10000);
    };

    ConnectionConfig config = configFor(plain);
    config.trustedCertificates.insert(secureKey, digest);
    QVERIFY(fetch(config)); // not allowed: refused, the secure server is never reached
    QCOMPARE(failed.size(), 1);
    QCOMPARE(client.lastError().kind, ApiError::CrossOriginRedirect);
    QCOMPARE(secure.requests().size(), 0);

    config.allowHttpsUpgrade = true;
    config.trustedCertificates.clear();
    QVERIFY(fetch(config)); // allowed, but the certificate is not trusted: TLS refuses, nothing sent
    QCOMPARE(failed.size(), 2);
    QCOMPARE(client.lastError().kind, ApiError::Tls);
    QCOMPARE(secure.requests().size(), 0);

    config.trustedCertificates.insert(secureKey, digest);
    QVERIFY(fetch(config)); // allowed and trusted: followed, the token arrives over TLS only
    QCOMPARE(ready.size(), 1);
    QCOMPARE(secure.requests().size(), 1);
    QCOMPARE(secure.requests().first().headers.value("authorization"), "Bearer " + token.toUtf8());

    // Back down to http: refused, even with upgrades allowed.
    downgrade = true;
    ConnectionConfig secureConfig = configFor(secure);
    secureConfig.allowHttpsUpgrade = true;
    secureConfig.trustedCertificates.insert(secureKey, digest);
    const qsizetype plainBefore = plain.requests().size();
    QVERIFY(fetch(secureConfig));
    QCOMPARE(failed.size(), 3);
    QCOMPARE(client.lastError().kind, ApiError::CrossOriginRedirect);
    QCOMPARE(plain.requests().size(), plainBefore);
}

// A fingerprint trusted for one host:port does not vouch for the same certificate elsewhere
// (tst_tasksclient covers trust, and another certificate on the trusted port).
void TestSecurity::trustIsForOneHostAndPort()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    const QSslConfiguration tls = serverTls(u"a"_s);
    TestHttpServer server(nullptr, &tls);
    server.setHandler([](const TestHttpServer::Request &) { return TestHttpServer::json(200, listJson({taskJson(u"t1"_s)})); });
    const QByteArray digest = tls.localCertificate().digest(QCryptographicHash::Sha256);
    TasksClient client;
    client.setToken(u"pinned-"_s + QString::fromLatin1(randomHex(8)));
    QSignalSpy ready(&client, &TasksClient::snapshotReady);
    QSignalSpy failed(&client, &TasksClient::pollFailed);
    const quint16 port = server.port();
    const QStringList elsewhere = {u"127.0.0.1:%1"_s.arg(port == 65535 ? port - 1 : port + 1), u"localhost:%1"_s.arg(port),
                                   u"127.0.0.1:0"_s, u"127.0.0.1"_s};
    for (const QString &key : elsewhere) {
        ConnectionConfig config = configFor(server);
        config.trustedCertificates.insert(key, digest);
        client.setConfig(config);
        const qsizetype before = failed.size();
        client.fetchOnce();
        QTRY_COMPARE(failed.size(), before + 1);
        QCOMPARE(client.lastError().kind, ApiError::Tls);
        QVERIFY(client.lastError().certificate.has_value());
        QCOMPARE(client.lastError().certificate->port, port);
    }
    QCOMPARE(ready.size(), 0);
    QCOMPARE(server.requests().size(), 0); // the token never went out before the check passed

    ConnectionConfig config = configFor(server);
    config.trustedCertificates.insert(u"127.0.0.1:%1"_s.arg(port), digest);
    client.setConfig(config);
    client.fetchOnce();
    QTRY_COMPARE(ready.size(), 1);
}

// A body of exactly the cap is read; one byte less of cap and it is refused with the cap in the
// message (tst_tasksclient covers a far larger announced size and an endless body).
void TestSecurity::bodyCapBoundary()
{
    const QByteArray body = listJson({taskJson(u"t1"_s), taskJson(u"t2"_s)});
    TestHttpServer server;
    server.setHandler([&](const TestHttpServer::Request &) { return TestHttpServer::json(200, body); });
    for (const qint64 cap : {qint64(body.size()), qint64(body.size() - 1)}) {
        TasksClient client;
        ConnectionConfig config = configFor(server);
        config.maxBodyBytes = cap;
        client.setConfig(config);
        client.setToken(u"t"_s);
        QSignalSpy ready(&client, &TasksClient::snapshotReady);
        QSignalSpy failed(&client, &TasksClient::pollFailed);
        client.fetchOnce();
        QTRY_COMPARE(ready.size() + failed.size(), 1);
        if (cap >= body.size()) {
            QCOMPARE(ready.size(), 1);
        } else {
            QCOMPARE(failed.size(), 1);
            QCOMPARE(client.lastError().kind, ApiError::BodyTooLarge);
            QVERIFY2(client.lastError().message().contains(QString::number(cap)), qPrintable(client.lastError().message()));
        }
        QVERIFY(!client.hasRequestInFlight());
    }
}

// The cap applies to every page: an oversized second page ends the poll, the last snapshot stays.
void TestSecurity::oversizedLaterPageKeepsTheLastSnapshot()
{
    TestHttpServer server;
    bool huge = false;
    server.setHandler([&](const TestHttpServer::Request &r) {
        if (!r.target.contains("continue="))
            return TestHttpServer::json(200, R"({"items":[)" + taskJson(u"t1"_s) + R"(],"metadata":{"continue":"p2"}})");
        return TestHttpServer::json(200, listJson({taskJson(u"t2"_s, huge ? QString(8192, u'x') : u"running"_s)}));
    });
    TasksClient client;
    ConnectionConfig config = configFor(server);
    config.pageSize = 1;
    config.maxBodyBytes = 4096;
    client.setConfig(config);
    client.setToken(u"t"_s);
    QSignalSpy ready(&client, &TasksClient::snapshotReady);
    QSignalSpy failed(&client, &TasksClient::pollFailed);
    client.fetchOnce();
    QTRY_COMPARE(ready.size(), 1);
    QCOMPARE(client.lastSnapshot()->tasks.size(), 2);
    huge = true;
    client.fetchOnce();
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(client.lastError().kind, ApiError::BodyTooLarge);
    QCOMPARE(client.lastSnapshot()->tasks.size(), 2);
    QVERIFY(!client.hasRequestInFlight());
}

void TestSecurity::failedExportsLeaveTheOldFile_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("file size limit") << u"fsize"_s;     // as a full disk: write() fails
    QTest::newRow("output is a directory") << u"dir"_s;
    QTest::newRow("standard output is full") << u"stdout"_s; // /dev/full
}

// tst_cli covers a missing directory and a bad input; here the write itself fails.
void TestSecurity::failedExportsLeaveTheOldFile()
{
    QFETCH(QString, how);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString input = QStringLiteral(TASKSCOPE_FIXTURES_DIR "/example-response.json"); // no warnings
    const QString target = how == u"dir" ? dir.filePath(u"out.json"_s) : dir.filePath(u"keep.json"_s);
    if (how == u"dir")
        QVERIFY(QDir().mkpath(target + u"/inside"_s));
    else
        QVERIFY(writeFile(target, "precious"));
    const QStringList before = filesIn(dir.path());

    QStringList arguments{u"export"_s, u"--input"_s, input};
    if (how != u"stdout")
        arguments << u"--output"_s << target;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    const Run r = run(u"export: "_s + how, QStringLiteral(TASKSCOPE_BINARY), arguments, env, [&](QProcess &process) {
        if (how == u"fsize") {
            // Only the size limit: SIGXFSZ keeps its default (it kills), the binary must cope.
            process.setChildProcessModifier([] {
                const rlimit limit{512, 512};
                setrlimit(RLIMIT_FSIZE, &limit);
            });
        } else if (how == u"stdout") {
            process.setStandardOutputFile(u"/dev/full"_s);
        }
    });
    QVERIFY2(!r.crashed, "killed (SIGXFSZ?)");
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.startsWith("taskscope export: cannot write"), r.err.constData());
    if (how == u"dir")
        QVERIFY(QFileInfo(target + u"/inside"_s).isDir());
    else if (how == u"fsize")
        QCOMPARE(readFile(target), QByteArray("precious"));
    QCOMPARE(filesIn(dir.path()), before); // no temporary file left behind
}

int main(int argc, char **argv)
{
    // One isolated home for the whole run: HOME, XDG_* and TMPDIR point into it, for this process
    // (its settings) and every process it starts.
    auto root = std::make_unique<QTemporaryDir>();
    if (!root->isValid())
        qFatal("no temporary directory");
    const QString base = root->path();
    for (const char *sub : {"home", "config", "data", "cache", "runtime", "tmp"})
        QDir().mkpath(base + u'/' + QLatin1String(sub));
    QFile::setPermissions(base + u"/runtime"_s, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    qputenv("HOME", QFile::encodeName(base + u"/home"_s));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(base + u"/config"_s));
    qputenv("XDG_DATA_HOME", QFile::encodeName(base + u"/data"_s));
    qputenv("XDG_CACHE_HOME", QFile::encodeName(base + u"/cache"_s));
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(base + u"/runtime"_s));
    qputenv("TMPDIR", QFile::encodeName(base + u"/tmp"_s));
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    qunsetenv("ASTRA_TOKEN");
    g_previousHandler = qInstallMessageHandler(captureMessages);

    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Taskscope"_s); // as the binary: the same settings file
    QCoreApplication::setApplicationName(u"taskscope"_s);
    int status = 0;
    {
        TestSecurity test(base);
        QTEST_SET_MAIN_SOURCE_PATH
        status = QTest::qExec(&test, argc, argv);
    }
    qInstallMessageHandler(g_previousHandler);
    return status;
}

#include "tst_security.moc"
