// TasksClient against a scripted loopback server: paging, errors as values, backoff and recovery
// on a manual clock, redirects, caps and timeouts, and the token kept to its origin.
#include "scheduler.h"
#include "tasksclient.h"
#include "testhttpserver.h"

#include <QFile>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QTest>
#include <QUrlQuery>

using namespace Taskscope;
using namespace Qt::StringLiterals;

namespace {

const QString kToken = u"s3cr3t-T0ken+/="_s;

QByteArray listJson(const QList<QByteArray> &items, const QString &continueToken = {})
{
    QByteArray body = "{\"items\":[" + items.join(',') + "],\"metadata\":{";
    if (!continueToken.isEmpty())
        body += "\"continue\":\"" + continueToken.toUtf8() + "\"";
    return body + "}}";
}

QByteArray problem(int status, int number, const QString &title, const QString &detail)
{
    return QStringLiteral(R"({"type":"https://astra.netapp.io/problems/%1","title":"%2","detail":"%3","status":"%4",)"
                          R"("correlationID":"c-1","invalidParams":[{"name":"limit","reason":"not a number"}]})")
        .arg(number)
        .arg(title, detail)
        .arg(status)
        .toUtf8();
}

QString queryValue(const QByteArray &target, const QString &name)
{
    const QUrl url(QString::fromLatin1("http://x") + QString::fromLatin1(target));
    return QUrlQuery(url).queryItemValue(name, QUrl::FullyDecoded);
}

} // namespace

class TestTasksClient : public QObject
{
    Q_OBJECT
private:
    ConnectionConfig configFor(const TestHttpServer &server) const
    {
        ConnectionConfig config;
        config.baseUrl = server.url();
        config.accountId = u"acc-1"_s;
        config.pollIntervalMs = 5000;
        config.transferTimeoutMs = 5000;
        return config;
    }

private Q_SLOTS:
    void pagingFollowsContinueTokens()
    {
        TestHttpServer server;
        // Tokens hold '+', '/' and '=': they must arrive intact, so they are percent-encoded.
        const QStringList tokens = {u"YWJj+ZGVm/Zw=="_s, u"b+2/=="_s};
        server.setHandler([&](const TestHttpServer::Request &r) {
            const QString token = queryValue(r.target, u"continue"_s);
            if (token.isEmpty())
                return TestHttpServer::json(200, listJson({taskJson(u"t1"_s), taskJson(u"t2"_s)}, tokens[0]));
            if (token == tokens[0])
                return TestHttpServer::json(200, listJson({taskJson(u"t3"_s)}, tokens[1]));
            if (token == tokens[1])
                return TestHttpServer::json(200, listJson({taskJson(u"t4"_s)}));
            return TestHttpServer::json(400, problem(400, 5, u"Invalid query parameters"_s, token));
        });
        ManualScheduler clock;
        TasksClient client(nullptr, &clock);
        ConnectionConfig config = configFor(server);
        config.pageSize = 2;
        config.serverFilters = {u"state eq 'running'"_s, u"name in 'backup'"_s};
        client.setConfig(config);
        client.setToken(kToken);
        QSignalSpy ready(&client, &TasksClient::snapshotReady);
        QSignalSpy failed(&client, &TasksClient::pollFailed);
        client.start();
        QTRY_COMPARE(ready.size(), 1);
        QCOMPARE(failed.size(), 0);
        const Snapshot snapshot = ready.first().first().value<Snapshot>();
        QCOMPARE(snapshot.tasks.size(), 4);
        QCOMPARE(snapshot.pages, 3);
        // Pages are parsed in parallel but joined in page order.
        QStringList ids;
        for (const Task &task : snapshot.tasks)
            ids << task.id;
        QCOMPARE(ids, (QStringList{u"t1"_s, u"t2"_s, u"t3"_s, u"t4"_s}));
        QCOMPARE(server.requests().size(), 3);
        for (const auto &request : server.requests()) {
            QVERIFY(request.target.startsWith("/accounts/acc-1/core/v1/tasks?"));
            QCOMPARE(request.headers.value("authorization"), "Bearer " + kToken.toUtf8());
            QCOMPARE(request.headers.value("accept"), QByteArray("application/json"));
            // Every page repeats the limit and each filter as its own parameter, spaces as %20.
            QVERIFY2(request.target.contains("limit=2"), request.target.constData());
            QVERIFY2(request.target.contains("filter=state%20eq%20%27running%27"), request.target.constData());
            QVERIFY2(request.target.contains("filter=name%20in%20%27backup%27"), request.target.constData());
        }
        QVERIFY(server.requests().at(1).target.contains("continue=YWJj%2BZGVm%2FZw%3D%3D"));
        QCOMPARE(client.state(), TasksClient::State::Waiting);
        QCOMPARE(client.nextAttemptAt(), clock.now().addMSecs(5000));
        // The next poll starts when the interval has passed since the end of this one.
        clock.advance(4999);
        QCOMPARE(server.requests().size(), 3);
        clock.advance(1);
        QTRY_COMPARE(ready.size(), 2);
    }

    void firstPageOnlyStopsAfterOnePage()
    {
        // A connection test asks for one page and ignores its continue token.
        TestHttpServer server;
        server.setHandler([&](const TestHttpServer::Request &) {
            return TestHttpServer::json(200, listJson({taskJson(u"t1"_s)}, u"next"_s));
        });
        ManualScheduler clock;
        TasksClient client(nullptr, &clock);
        ConnectionConfig config = configFor(server);
        config.pageSize = 1;
        config.firstPageOnly = true;
        client.setConfig(config);
        client.setToken(kToken);
        QSignalSpy ready(&client, &TasksClient::snapshotReady);
        client.fetchOnce();
        QTRY_COMPARE(ready.size(), 1);
        QCOMPARE(ready.first().first().value<Snapshot>().tasks.size(), 1);
        QCOMPARE(server.requests().size(), 1);
        QVERIFY(server.requests().first().target.contains("limit=1"));
        QCOMPARE(client.state(), TasksClient::State::Idle);
    }

    void pagingLoopsAreErrors_data()
    {
        QTest::addColumn<bool>("repeatToken");
        QTest::newRow("repeated token") << true;
        QTest::newRow("page cap") << false;
    }

    void pagingLoopsAreErrors()
    {
        QFETCH(bool, repeatToken);
        TestHttpServer server;
        int page = 0;
        server.setHandler([&](const TestHttpServer::Request &) {
            ++page;
            const QString token = repeatToken ? u"same"_s : QString::number(page);
            return TestHttpServer::json(200, listJson({taskJson(QString::number(page))}, token));
        });
        ManualScheduler clock;
        TasksClient client(nullptr, &clock);
        ConnectionConfig config = configFor(server);
        config.maxPages = 5;
        client.setConfig(config);
        client.setToken(kToken);
        QSignalSpy failed(&client, &TasksClient::pollFailed);
        client.fetchOnce();
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(client.lastError().kind, ApiError::PagingLoop);
        QCOMPARE(server.requests().size(), repeatToken ? 2 : 5);
        QCOMPARE(client.state(), TasksClient::State::Idle);
    }

    void includeArraysParse()
    {
        TestHttpServer server;
        server.setHandler([](const TestHttpServer::Request &) {
            return TestHttpServer::json(200, R"({"items":[["a","running",null],["b","failed",12.5]],"metadata":{}})");
        });
        TasksClient client;
        ConnectionConfig config = configFor(server);
        config.include = {u"id"_s, u"state"_s, u"percentDone"_s};
        client.setConfig(config);
        client.setToken(kToken);
        QSignalSpy ready(&client, &TasksClient::snapshotReady);
        client.fetchOnce();
        QTRY_COMPARE(ready.size(), 1);
        QVERIFY(server.requests().first().target.contains("include=id%2Cstate%2CpercentDone"));
        const Snapshot snapshot = ready.first().first().value<Snapshot>();
        QCOMPARE(snapshot.tasks.size(), 2);
        QCOMPARE(snapshot.tasks[1].state, TaskState::Failed);
        QCOMPARE(snapshot.tasks[1].percentDone.value_or(-1), 12.5);
        QVERIFY(!snapshot.tasks[0].percentDone);
    }

    void httpProblemsAreValues_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("number");
        QTest::addColumn<QString>("title");
        QTest::addColumn<bool>("stopsPolling");
        QTest::newRow("400") << 400 << 5 << u"Invalid query parameters"_s << false;
        QTest::newRow("401") << 401 << 3 << u"Missing bearer token"_s << true;
        QTest::newRow("403") << 403 << 11 << u"Operation not permitted"_s << true;
        QTest::newRow("404") << 404 << 2 << u"Collection not found"_s << false;
        QTest::newRow("500") << 500 << 34 << u"Internal server error"_s << false;
        QTest::newRow("503") << 503 << 24 << u"Service unavailable"_s << false;
    }

    void httpProblemsAreValues()
    {
        QFETCH(int, status);
        QFETCH(int, number);
        QFETCH(QString, title);
        QFETCH(bool, stopsPolling);
        TestHttpServer server;
        server.setHandler([&](const TestHttpServer::Request &) {
            return TestHttpServer::json(status, problem(status, number, title, u"it went wrong"_s),
                                        "application/problem+json");
        });
        ManualScheduler clock;
        TasksClient client(nullptr, &clock);
        client.setConfig(configFor(server));
        client.setToken(kToken);
        QSignalSpy failed(&client, &TasksClient::pollFailed);
        client.start();
        QTRY_COMPARE(failed.size(), 1);
        const ApiError error = client.lastError();
        QCOMPARE(error.kind, ApiError::Http);
        QCOMPARE(error.httpStatus, status);
        QVERIFY(error.problem.has_value());
        QCOMPARE(error.problem->type, u"https://astra.netapp.io/problems/%1"_s.arg(number));
        QCOMPARE(error.problem->title, title);
        QCOMPARE(error.problem->detail, u"it went wrong"_s);
        QCOMPARE(error.problem->status, QString::number(status));
        QCOMPARE(error.problem->correlationID, u"c-1"_s);
        QCOMPARE(error.problem->invalidParams.size(), 1);
        QCOMPARE(error.problem->invalidParams.first().name, u"limit"_s);
        QVERIFY(error.message().contains(QString::number(status)));
        QVERIFY(error.message().contains(title));
        QCOMPARE(error.isAuthFailure(), stopsPolling);
        if (stopsPolling) {
            QCOMPARE(client.state(), TasksClient::State::AuthStopped);
            QCOMPARE(clock.pendingCount(), 0);
            clock.advance(10 * 60 * 1000);
            QCOMPARE(server.requests().size(), 1); // nothing more until the credentials change
            client.setToken(u"another"_s);
            QTRY_COMPARE(server.requests().size(), 2);
            QCOMPARE(server.requests().last().headers.value("authorization"), QByteArray("Bearer another"));
        } else {
            QCOMPARE(client.state(), TasksClient::State::BackingOff);
            QVERIFY(clock.pendingCount() == 1);
        }
    }

    void backoffGrowsThenRecovers()
    {
        TestHttpServer server;
        int failuresLeft = 4;
        server.setHandler([&](const TestHttpServer::Request &) {
            if (failuresLeft-- > 0)
                return TestHttpServer::json(503, problem(503, 24, u"Service unavailable"_s, u"busy"_s));
            return TestHttpServer::json(200, listJson({taskJson(u"t1"_s, u"running"_s, 50)}));
        });
        ManualScheduler clock;
        TasksClient client(nullptr, &clock);
        ConnectionConfig config = configFor(server);
        config.backoffInitialMs = 1000;
        config.backoffMaxMs = 4000;
        client.setConfig(config);
        client.setToken(kToken);
        QSignalSpy ready(&client, &TasksClient::snapshotReady);
        QSignalSpy failed(&client, &TasksClient::pollFailed);
        client.start();
        const qint64 expected[] = {1000, 2000, 4000, 4000}; // doubling to the cap, each +-20%
        for (int attempt = 0; attempt < 4; ++attempt) {
            QTRY_COMPARE(failed.size(), attempt + 1);
            QCOMPARE(client.state(), TasksClient::State::BackingOff);
            const qint64 delay = clock.nextDelay();
            QVERIFY2(delay >= expected[attempt] * 8 / 10 && delay <= qMin<qint64>(4000, expected[attempt] * 12 / 10),
                     qPrintable(QString::number(delay)));
            QCOMPARE(clock.now().msecsTo(client.nextAttemptAt()), delay);
            clock.advance(delay);
        }
        QTRY_COMPARE(ready.size(), 1);
        QCOMPARE(client.consecutiveFailures(), 0);
        QVERIFY(!client.lastError().isError());
        QCOMPARE(client.state(), TasksClient::State::Waiting);
        QCOMPARE(server.requests().size(), 5);
    }

    void lastGoodSnapshotSurvivesFailures()
    {
        TestHttpServer server;
        bool healthy = true;
        server.setHandler([&](const TestHttpServer::Request &) {
            if (healthy)
                return TestHttpServer::json(200, listJson({taskJson(u"t1"_s), taskJson(u"t2"_s)}));
            TestHttpServer::Response r;
            r.mode = TestHttpServer::Response::Close;
            return r;
        });
        ManualScheduler clock;
        TasksClient client(nullptr, &clock);
        client.setConfig(configFor(server));
        client.setToken(kToken);
        QSignalSpy ready(&client, &TasksClient::snapshotReady);
        QSignalSpy failed(&client, &TasksClient::pollFailed);
        client.start();
        QTRY_COMPARE(ready.size(), 1);
        QVERIFY(!client.isStale());
        healthy = false;
        clock.advance(clock.nextDelay());
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY(client.isStale());
        QCOMPARE(client.lastError().kind, ApiError::Network);
        QVERIFY(client.lastSnapshot());
        QCOMPARE(client.lastSnapshot()->tasks.size(), 2);
        QCOMPARE(client.lastSuccessAt(), ready.first().first().value<Snapshot>().receivedAt);
        healthy = true;
        client.pollNow(); // "Retry now"
        QTRY_COMPARE(ready.size(), 2);
        QVERIFY(!client.isStale());
    }

    void brokenTransfers_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("kind");
        QTest::newRow("truncated body") << int(TestHttpServer::Response::Truncate) << int(ApiError::TruncatedBody);
        QTest::newRow("dropped connection") << int(TestHttpServer::Response::Close) << int(ApiError::Network);
        QTest::newRow("silent server") << int(TestHttpServer::Response::Silent) << int(ApiError::Timeout);
        QTest::newRow("endless body") << int(TestHttpServer::Response::Endless) << int(ApiError::BodyTooLarge);
    }

    void brokenTransfers()
    {
        QFETCH(int, mode);
        QFETCH(int, kind);
        TestHttpServer server;
        server.setHandler([&](const TestHttpServer::Request &) {
            TestHttpServer::Response r = TestHttpServer::json(200, listJson({taskJson(u"t1"_s), taskJson(u"t2"_s)}));
            r.mode = TestHttpServer::Response::Mode(mode);
            return r;
        });
        TasksClient client;
        ConnectionConfig config = configFor(server);
        config.transferTimeoutMs = 300;
        config.maxBodyBytes = 2 * 1024 * 1024;
        client.setConfig(config);
        client.setToken(kToken);
        QSignalSpy failed(&client, &TasksClient::pollFailed);
        client.fetchOnce();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 15000);
        QCOMPARE(int(client.lastError().kind), kind);
        QVERIFY(!client.lastError().message().isEmpty());
        QVERIFY(!client.hasRequestInFlight());
    }

    void malformedBodyKeepsTheLastSnapshot()
    {
        TestHttpServer server;
        bool healthy = true;
        server.setHandler([&](const TestHttpServer::Request &) {
            return TestHttpServer::json(200, healthy ? listJson({taskJson(u"t1"_s)}) : QByteArray("{\"items\": [tru"));
        });
        ManualScheduler clock;
        TasksClient client(nullptr, &clock);
        client.setConfig(configFor(server));
        client.setToken(kToken);
        QSignalSpy ready(&client, &TasksClient::snapshotReady);
        QSignalSpy failed(&client, &TasksClient::pollFailed);
        client.start();
        QTRY_COMPARE(ready.size(), 1);
        healthy = false;
        clock.advance(clock.nextDelay());
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(client.lastError().kind, ApiError::MalformedBody);
        QVERIFY(client.lastError().message().contains(u"malformed JSON"_s));
        QCOMPARE(client.state(), TasksClient::State::BackingOff);
        QCOMPARE(client.lastSnapshot()->tasks.size(), 1);
    }

    void announcedOversizeIsRefusedAtOnce()
    {
        TestHttpServer server;
        server.setHandler([](const TestHttpServer::Request &) {
            TestHttpServer::Response r = TestHttpServer::json(200, QByteArray(4096, ' ') + listJson({}));
            return r;
        });
        TasksClient client;
        ConnectionConfig config = configFor(server);
        config.maxBodyBytes = 1024;
        client.setConfig(config);
        client.setToken(kToken);
        QSignalSpy failed(&client, &TasksClient::pollFailed);
        client.fetchOnce();
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(client.lastError().kind, ApiError::BodyTooLarge);
        QVERIFY(client.lastError().message().contains(u"1024"_s));
    }

    void redirects_data()
    {
        QTest::addColumn<bool>("sameOrigin");
        QTest::addColumn<bool>("viaLocalhostName");
        QTest::newRow("same origin") << true << false;
        QTest::newRow("other port") << false << false;
        QTest::newRow("localhost instead of 127.0.0.1") << false << true;
    }

    void redirects()
    {
        QFETCH(bool, sameOrigin);
        QFETCH(bool, viaLocalhostName);
        TestHttpServer server;
        TestHttpServer other;
        const auto ok = [](const TestHttpServer::Request &) {
            return TestHttpServer::json(200, listJson({taskJson(u"t1"_s)}));
        };
        other.setHandler(ok);
        server.setHandler([&](const TestHttpServer::Request &r) {
            if (r.target.startsWith("/moved"))
                return ok(r);
            QUrl target = sameOrigin ? server.url(u"/moved/tasks"_s) : other.url(u"/moved/tasks"_s);
            if (viaLocalhostName) {
                target = server.url(u"/moved/tasks"_s);
                target.setHost(u"localhost"_s);
            }
            return TestHttpServer::redirect(target);
        });
        TasksClient client;
        client.setConfig(configFor(server));
        client.setToken(kToken);
        QSignalSpy ready(&client, &TasksClient::snapshotReady);
        QSignalSpy failed(&client, &TasksClient::pollFailed);
        client.fetchOnce();
        QTRY_COMPARE(ready.size() + failed.size(), 1);
        if (sameOrigin) {
            QCOMPARE(ready.size(), 1);
            QCOMPARE(server.requests().size(), 2);
            QCOMPARE(server.requests().last().headers.value("authorization"), "Bearer " + kToken.toUtf8());
        } else {
            QCOMPARE(failed.size(), 1);
            QCOMPARE(client.lastError().kind, ApiError::CrossOriginRedirect);
            // The other origin never saw the token: it was not contacted at all.
            QCOMPARE(other.requests().size(), 0);
            for (const auto &request : server.requests())
                QVERIFY(!request.target.startsWith("/moved"));
            QVERIFY(!client.lastError().message().contains(kToken));
        }
    }

    // A self-signed certificate is refused and shown; trusting its fingerprint for this host and
    // port lets it through; another certificate on the same host and port is refused again.
    void tlsCertificatesArePinnedPerHost()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        const QSslConfiguration tlsA = serverTls(u"a"_s), tlsB = serverTls(u"b"_s);
        QVERIFY(!tlsA.localCertificate().isNull() && !tlsA.privateKey().isNull());
        const auto handler = [](const TestHttpServer::Request &) {
            return TestHttpServer::json(200, listJson({taskJson(u"t1"_s)}));
        };
        auto server = std::make_unique<TestHttpServer>(nullptr, &tlsA);
        server->setHandler(handler);
        const quint16 port = server->port();
        TasksClient client;
        ConnectionConfig config = configFor(*server);
        QCOMPARE(config.baseUrl.scheme(), u"https"_s);
        client.setConfig(config);
        client.setToken(kToken);
        QSignalSpy ready(&client, &TasksClient::snapshotReady);
        QSignalSpy failed(&client, &TasksClient::pollFailed);

        client.fetchOnce();
        QTRY_COMPARE(failed.size(), 1);
        ApiError error = client.lastError();
        QCOMPARE(error.kind, ApiError::Tls);
        QVERIFY(error.certificate);
        const QByteArray digestA = tlsA.localCertificate().digest(QCryptographicHash::Sha256);
        QCOMPARE(error.certificate->sha256, QString::fromLatin1(digestA.toHex(':').toUpper()));
        QCOMPARE(error.certificate->subject, u"taskscope-test-a"_s);
        QCOMPARE(error.certificate->host, u"127.0.0.1"_s);
        QCOMPARE(error.certificate->port, port);
        QVERIFY(!error.certificate->errors.isEmpty());
        QVERIFY(error.message().contains(error.certificate->sha256));
        QCOMPARE(server->requests().size(), 0); // nothing, the token least of all, went over it

        config.trustedCertificates.insert(u"127.0.0.1:%1"_s.arg(port), digestA);
        client.setConfig(config);
        client.fetchOnce();
        QTRY_COMPARE(ready.size(), 1);
        QCOMPARE(server->requests().size(), 1);
        QCOMPARE(server->requests().first().headers.value("authorization"), "Bearer " + kToken.toUtf8());

        // Same host and port, another certificate: refused, whatever was trusted before.
        server.reset();
        server = std::make_unique<TestHttpServer>(nullptr, &tlsB, port);
        server->setHandler(handler);
        QCOMPARE(server->port(), port);
        client.fetchOnce();
        QTRY_COMPARE(failed.size(), 2);
        error = client.lastError();
        QCOMPARE(error.kind, ApiError::Tls);
        QCOMPARE(error.certificate->subject, u"taskscope-test-b"_s);
        QCOMPARE(server->requests().size(), 0);
    }

    void plainHttpOnlyToLoopbackOrWhenAllowed()
    {
        ManualScheduler clock;
        TasksClient client(nullptr, &clock);
        ConnectionConfig config;
        config.baseUrl = QUrl(u"http://astra.invalid"_s);
        config.accountId = u"a"_s;
        client.setConfig(config);
        client.setToken(kToken);
        QSignalSpy failed(&client, &TasksClient::pollFailed);
        client.fetchOnce();
        QCOMPARE(failed.size(), 1); // refused before any connection
        QCOMPARE(client.lastError().kind, ApiError::InsecureUrl);
        QCOMPARE(client.requestsSent(), 0);

        config.allowPlainHttp = true;
        client.setConfig(config);
        client.fetchOnce();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 20000);
        QCOMPARE(client.requestsSent(), 1);
        QCOMPARE(client.lastError().kind, ApiError::HostNotFound); // .invalid never resolves
        QVERIFY(client.lastError().isTransient());
    }

    void refusedConnection()
    {
        quint16 port = 0;
        {
            TestHttpServer closed;
            port = closed.port();
        }
        TasksClient client;
        ConnectionConfig config;
        config.baseUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
        config.accountId = u"a"_s;
        client.setConfig(config);
        client.setToken(kToken);
        QSignalSpy failed(&client, &TasksClient::pollFailed);
        client.fetchOnce();
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(client.lastError().kind, ApiError::ConnectionRefused);
        QVERIFY(client.lastError().isTransient());
    }

    void noTokenNoRequest()
    {
        TestHttpServer server;
        TasksClient client;
        client.setConfig(configFor(server));
        QSignalSpy failed(&client, &TasksClient::pollFailed);
        client.fetchOnce();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(client.lastError().kind, ApiError::NoToken);
        QCOMPARE(server.requests().size(), 0);
    }

    void tokenNeverInErrorTexts()
    {
        TestHttpServer server;
        server.setHandler([](const TestHttpServer::Request &r) {
            // A hostile or careless server echoes the Authorization header back.
            const QString echoed = QString::fromUtf8(r.headers.value("authorization"));
            return TestHttpServer::json(400, problem(400, 5, echoed, echoed));
        });
        TasksClient client;
        client.setConfig(configFor(server));
        client.setToken(kToken);
        QSignalSpy failed(&client, &TasksClient::pollFailed);
        client.fetchOnce();
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY(!client.lastError().message().contains(kToken));
        QVERIFY(!client.lastError().problem->detail.contains(kToken));
    }

    void stopAbortsSilently()
    {
        TestHttpServer server;
        server.setHandler([](const TestHttpServer::Request &) {
            TestHttpServer::Response r;
            r.mode = TestHttpServer::Response::Silent;
            return r;
        });
        ManualScheduler clock;
        TasksClient client(nullptr, &clock);
        client.setConfig(configFor(server));
        client.setToken(kToken);
        QSignalSpy failed(&client, &TasksClient::pollFailed);
        QSignalSpy ready(&client, &TasksClient::snapshotReady);
        QSignalSpy received(&server, &TestHttpServer::requestReceived);
        client.start();
        QTRY_COMPARE(received.size(), 1);
        QVERIFY(client.hasRequestInFlight());
        client.stop();
        QVERIFY(!client.hasRequestInFlight());
        QCOMPARE(client.state(), TasksClient::State::Idle);
        QCOMPARE(clock.pendingCount(), 0);
        QTRY_COMPARE(server.openConnections(), 0);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(ready.size(), 0);
    }

    void backoffDelayIsBounded_data()
    {
        QTest::addColumn<int>("failures");
        QTest::addColumn<double>("jitter");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("first, no jitter") << 1 << 0.5 << qint64(1000);
        QTest::newRow("first, low") << 1 << 0.0 << qint64(800);
        QTest::newRow("first, high") << 1 << 1.0 << qint64(1200);
        QTest::newRow("third") << 3 << 0.5 << qint64(4000);
        QTest::newRow("capped") << 30 << 1.0 << qint64(60000);
        QTest::newRow("capped, low") << 30 << 0.0 << qint64(48000);
    }

    void backoffDelayIsBounded()
    {
        QFETCH(int, failures);
        QFETCH(double, jitter);
        QFETCH(qint64, expected);
        QCOMPARE(TasksClient::backoffDelay(failures, 1000, 60000, jitter), expected);
    }
};

QTEST_GUILESS_MAIN(TestTasksClient)
#include "tst_tasksclient.moc"
