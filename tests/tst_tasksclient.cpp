// TasksClient against a scripted loopback server: paging, errors as values, backoff and recovery
// on a manual clock, redirects, caps and timeouts, and the token kept to its origin.
#include "incrementalsync.h"
#include "pagefetcher.h"
#include "pollloop.h"
#include "scheduler.h"
#include "snapshotassembler.h"
#include "tasksclient.h"
#include "testhttpserver.h"

#include <QFile>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QTest>
#include <QUrlQuery>

#include <algorithm>

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

ConnectionConfig configFor(const TestHttpServer &server)
{
    ConnectionConfig config;
    config.baseUrl = server.url();
    config.accountId = u"acc-1"_s;
    config.pollIntervalMs = 5000;
    config.transferTimeoutMs = 5000;
    return config;
}

// What most tests need: a scripted server, a manual clock, a client on both, and its spies.
struct Fixture
{
    ConnectionConfig config() const { return configFor(server); }
    // The client on `config` (by default the fixture's server) with the test token.
    void connect(const ConnectionConfig &config)
    {
        client.setConfig(config);
        client.setToken(kToken);
    }
    void connect() { connect(config()); }
    Snapshot snapshot(qsizetype index) const { return ready.at(index).first().value<Snapshot>(); }
    // Connects, starts polling; true when the first snapshot came.
    [[nodiscard]] bool startPolling(const ConnectionConfig &config)
    {
        connect(config);
        client.start();
        return QTest::qWaitFor([&] { return !ready.isEmpty(); }) && ready.size() == 1;
    }
    // Runs the next scheduled poll; true when it brought the snapshot number `snapshots`.
    [[nodiscard]] bool pollAgain(qsizetype snapshots)
    {
        clock.advance(clock.nextDelay());
        return QTest::qWaitFor([&] { return ready.size() >= snapshots; }) && ready.size() == snapshots;
    }

    TestHttpServer server;
    ManualScheduler clock;
    TasksClient client{nullptr, &clock};
    QSignalSpy ready{&client, &TasksClient::snapshotReady};
    QSignalSpy failed{&client, &TasksClient::pollFailed};
};

PageFetcher::Rules tokenRules()
{
    PageFetcher::Rules rules;
    rules.token = kToken;
    return rules;
}

// A server that takes the request and never answers.
TestHttpServer::Response silence(const TestHttpServer::Request &)
{
    TestHttpServer::Response r;
    r.mode = TestHttpServer::Response::Silent;
    return r;
}

const QDateTime kT0(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);

// A task list a test edits between polls, served as a server would that honours (or not) the
// incremental filter `metadata.modificationTimestamp gte '...'`.
struct ChangingServer
{
    struct Entry
    {
        double percent = 10;
        QDateTime modified;
    };
    QMap<QString, Entry> tasks; // served in id order
    bool honoursFilter = true;
    bool addsOlderTasks = false; // honours it, but sends one task older than asked as well
    QStringList filters;         // the incremental filter of each request ("" for a full list)

    static QByteArray item(const QString &id, const Entry &entry)
    {
        const QByteArray stamp = "\"modificationTimestamp\":\"" + entry.modified.toString(Qt::ISODateWithMs).toUtf8() + '"';
        return taskJson(id, u"running"_s, entry.percent)
            .replace(QByteArrayView("\"modificationTimestamp\":\"2026-01-01T00:00:00Z\""), QByteArrayView(stamp));
    }

    TestHttpServer::Handler handler()
    {
        return [this](const TestHttpServer::Request &r) { return answer(r); };
    }

    TestHttpServer::Response answer(const TestHttpServer::Request &r)
    {
        const QUrl url(QString::fromLatin1("http://x") + QString::fromLatin1(r.target));
        QString since;
        for (const QString &filter : QUrlQuery(url).allQueryItemValues(u"filter"_s, QUrl::FullyDecoded)) {
            if (filter.startsWith(u"metadata.modificationTimestamp gte '"_s))
                since = filter.section(u'\'', 1, 1);
        }
        filters << since;
        const QDateTime cutoff = QDateTime::fromString(since, Qt::ISODate);
        QList<QByteArray> items;
        bool olderSent = false;
        for (auto it = tasks.cbegin(); it != tasks.cend(); ++it) {
            const bool asked = !honoursFilter || !cutoff.isValid() || it.value().modified >= cutoff;
            if (asked || (addsOlderTasks && !olderSent)) {
                olderSent = olderSent || !asked;
                items << item(it.key(), it.value());
            }
        }
        return TestHttpServer::json(200, listJson(items));
    }
};

QStringList idsOf(const Snapshot &snapshot)
{
    QStringList ids;
    for (const Task &task : snapshot.tasks)
        ids << task.id;
    return ids;
}

// The snapshot as a full list would give it: ids with their digests, in the same order rules.
QList<QPair<QString, quint64>> contentOf(const Snapshot &snapshot)
{
    QList<QPair<QString, quint64>> content;
    for (qsizetype i = 0; i < snapshot.tasks.size(); ++i)
        content.append({snapshot.tasks.at(i).id, snapshot.digests.value(i)});
    return content;
}

} // namespace

class TestTasksClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pagingFollowsContinueTokens()
    {
        Fixture f;
        // Tokens hold '+', '/' and '=': they must arrive intact, so they are percent-encoded.
        const QStringList tokens = {u"YWJj+ZGVm/Zw=="_s, u"b+2/=="_s};
        f.server.setHandler([&](const TestHttpServer::Request &r) {
            const QString token = queryValue(r.target, u"continue"_s);
            if (token.isEmpty())
                return TestHttpServer::json(200, listJson({taskJson(u"t1"_s), taskJson(u"t2"_s)}, tokens[0]));
            if (token == tokens[0])
                return TestHttpServer::json(200, listJson({taskJson(u"t3"_s)}, tokens[1]));
            if (token == tokens[1])
                return TestHttpServer::json(200, listJson({taskJson(u"t4"_s)}));
            return TestHttpServer::json(400, problem(400, 5, u"Invalid query parameters"_s, token));
        });
        ConnectionConfig config = f.config();
        config.pageSize = 2;
        config.serverFilters = {u"state eq 'running'"_s, u"name in 'backup'"_s};
        f.connect(config);
        f.client.start();
        QTRY_COMPARE(f.ready.size(), 1);
        QCOMPARE(f.failed.size(), 0);
        const Snapshot snapshot = f.snapshot(0);
        QCOMPARE(snapshot.tasks.size(), 4);
        QCOMPARE(snapshot.pages, 3);
        // Pages are parsed in parallel but joined in page order.
        QStringList ids;
        for (const Task &task : snapshot.tasks)
            ids << task.id;
        QCOMPARE(ids, (QStringList{u"t1"_s, u"t2"_s, u"t3"_s, u"t4"_s}));
        QCOMPARE(f.server.requests().size(), 3);
        for (const auto &request : f.server.requests()) {
            QVERIFY(request.target.startsWith("/accounts/acc-1/core/v1/tasks?"));
            QCOMPARE(request.headers.value("authorization"), "Bearer " + kToken.toUtf8());
            QCOMPARE(request.headers.value("accept"), QByteArray("application/json"));
            // Every page repeats the limit and each filter as its own parameter, spaces as %20.
            QVERIFY2(request.target.contains("limit=2"), request.target.constData());
            QVERIFY2(request.target.contains("filter=state%20eq%20%27running%27"), request.target.constData());
            QVERIFY2(request.target.contains("filter=name%20in%20%27backup%27"), request.target.constData());
        }
        QVERIFY(f.server.requests().at(1).target.contains("continue=YWJj%2BZGVm%2FZw%3D%3D"));
        QCOMPARE(f.client.state(), TasksClient::State::Waiting);
        QCOMPARE(f.client.nextAttemptAt(), f.clock.now().addMSecs(5000));
        // The next poll starts when the interval has passed since the end of this one.
        f.clock.advance(4999);
        QCOMPARE(f.server.requests().size(), 3);
        f.clock.advance(1);
        QTRY_COMPARE(f.ready.size(), 2);
    }

    void firstPageOnlyStopsAfterOnePage()
    {
        Fixture f;
        // A connection test asks for one page and ignores its continue token.
        f.server.setHandler([&](const TestHttpServer::Request &) {
            return TestHttpServer::json(200, listJson({taskJson(u"t1"_s)}, u"next"_s));
        });
        ConnectionConfig config = f.config();
        config.pageSize = 1;
        config.firstPageOnly = true;
        f.connect(config);
        f.client.fetchOnce();
        QTRY_COMPARE(f.ready.size(), 1);
        QCOMPARE(f.snapshot(0).tasks.size(), 1);
        QCOMPARE(f.server.requests().size(), 1);
        QVERIFY(f.server.requests().first().target.contains("limit=1"));
        QCOMPARE(f.client.state(), TasksClient::State::Idle);
    }

    void pagingLoopsAreErrors_data()
    {
        QTest::addColumn<bool>("repeatToken");
        QTest::newRow("repeated token") << true;
        QTest::newRow("page cap") << false;
    }

    void pagingLoopsAreErrors()
    {
        Fixture f;
        QFETCH(bool, repeatToken);
        int page = 0;
        f.server.setHandler([&](const TestHttpServer::Request &) {
            ++page;
            const QString token = repeatToken ? u"same"_s : QString::number(page);
            return TestHttpServer::json(200, listJson({taskJson(QString::number(page))}, token));
        });
        ConnectionConfig config = f.config();
        config.maxPages = 5;
        f.connect(config);
        f.client.fetchOnce();
        QTRY_COMPARE(f.failed.size(), 1);
        QCOMPARE(f.client.lastError().kind, ApiError::PagingLoop);
        QCOMPARE(f.server.requests().size(), repeatToken ? 2 : 5);
        QCOMPARE(f.client.state(), TasksClient::State::Idle);
    }

    void includeArraysParse()
    {
        Fixture f;
        f.server.setHandler([](const TestHttpServer::Request &) {
            return TestHttpServer::json(200, R"({"items":[["a","running",null],["b","failed",12.5]],"metadata":{}})");
        });
        ConnectionConfig config = f.config();
        config.include = {u"id"_s, u"state"_s, u"percentDone"_s};
        f.connect(config);
        f.client.fetchOnce();
        QTRY_COMPARE(f.ready.size(), 1);
        QVERIFY(f.server.requests().first().target.contains("include=id%2Cstate%2CpercentDone"));
        const Snapshot snapshot = f.snapshot(0);
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
        Fixture f;
        QFETCH(int, status);
        QFETCH(int, number);
        QFETCH(QString, title);
        QFETCH(bool, stopsPolling);
        f.server.setHandler([&](const TestHttpServer::Request &) {
            return TestHttpServer::json(status, problem(status, number, title, u"it went wrong"_s),
                                        "application/problem+json");
        });
        f.connect();
        f.client.start();
        QTRY_COMPARE(f.failed.size(), 1);
        const ApiError error = f.client.lastError();
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
            QCOMPARE(f.client.state(), TasksClient::State::AuthStopped);
            QCOMPARE(f.clock.pendingCount(), 0);
            f.clock.advance(10 * 60 * 1000);
            QCOMPARE(f.server.requests().size(), 1); // nothing more until the credentials change
            f.client.setToken(u"another"_s);
            QTRY_COMPARE(f.server.requests().size(), 2);
            QCOMPARE(f.server.requests().last().headers.value("authorization"), QByteArray("Bearer another"));
        } else {
            QCOMPARE(f.client.state(), TasksClient::State::BackingOff);
            QVERIFY(f.clock.pendingCount() == 1);
        }
    }

    void backoffGrowsThenRecovers()
    {
        Fixture f;
        int failuresLeft = 4;
        f.server.setHandler([&](const TestHttpServer::Request &) {
            if (failuresLeft-- > 0)
                return TestHttpServer::json(503, problem(503, 24, u"Service unavailable"_s, u"busy"_s));
            return TestHttpServer::json(200, listJson({taskJson(u"t1"_s, u"running"_s, 50)}));
        });
        ConnectionConfig config = f.config();
        config.backoffInitialMs = 1000;
        config.backoffMaxMs = 4000;
        f.connect(config);
        f.client.start();
        const qint64 expected[] = {1000, 2000, 4000, 4000}; // doubling to the cap, each +-20%
        for (int attempt = 0; attempt < 4; ++attempt) {
            QTRY_COMPARE(f.failed.size(), attempt + 1);
            QCOMPARE(f.client.state(), TasksClient::State::BackingOff);
            const qint64 delay = f.clock.nextDelay();
            QVERIFY2(delay >= expected[attempt] * 8 / 10 && delay <= qMin<qint64>(4000, expected[attempt] * 12 / 10),
                     qPrintable(QString::number(delay)));
            QCOMPARE(f.clock.now().msecsTo(f.client.nextAttemptAt()), delay);
            f.clock.advance(delay);
        }
        QTRY_COMPARE(f.ready.size(), 1);
        QCOMPARE(f.client.consecutiveFailures(), 0);
        QVERIFY(!f.client.lastError().isError());
        QCOMPARE(f.client.state(), TasksClient::State::Waiting);
        QCOMPARE(f.server.requests().size(), 5);
    }

    void lastGoodSnapshotSurvivesFailures()
    {
        Fixture f;
        bool healthy = true;
        f.server.setHandler([&](const TestHttpServer::Request &) {
            if (healthy)
                return TestHttpServer::json(200, listJson({taskJson(u"t1"_s), taskJson(u"t2"_s)}));
            TestHttpServer::Response r;
            r.mode = TestHttpServer::Response::Close;
            return r;
        });
        f.connect();
        f.client.start();
        QTRY_COMPARE(f.ready.size(), 1);
        QVERIFY(!f.client.isStale());
        healthy = false;
        f.clock.advance(f.clock.nextDelay());
        QTRY_COMPARE(f.failed.size(), 1);
        QVERIFY(f.client.isStale());
        QCOMPARE(f.client.lastError().kind, ApiError::Network);
        QVERIFY(f.client.lastSnapshot());
        QCOMPARE(f.client.lastSnapshot()->tasks.size(), 2);
        QCOMPARE(f.client.lastSuccessAt(), f.snapshot(0).receivedAt);
        healthy = true;
        f.client.pollNow(); // "Retry now"
        QTRY_COMPARE(f.ready.size(), 2);
        QVERIFY(!f.client.isStale());
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
        Fixture f;
        QFETCH(int, mode);
        QFETCH(int, kind);
        f.server.setHandler([&](const TestHttpServer::Request &) {
            TestHttpServer::Response r = TestHttpServer::json(200, listJson({taskJson(u"t1"_s), taskJson(u"t2"_s)}));
            r.mode = TestHttpServer::Response::Mode(mode);
            return r;
        });
        ConnectionConfig config = f.config();
        config.transferTimeoutMs = 300;
        config.maxBodyBytes = 2 * 1024 * 1024;
        f.connect(config);
        f.client.fetchOnce();
        QTRY_COMPARE_WITH_TIMEOUT(f.failed.size(), 1, 15000);
        QCOMPARE(int(f.client.lastError().kind), kind);
        QVERIFY(!f.client.lastError().message().isEmpty());
        QVERIFY(!f.client.hasRequestInFlight());
    }

    // A large body arrives whole whether its length was announced (read into one buffer of that
    // length) or not (read in pieces, joined at the end).
    void largeBodiesArriveWhole_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("compressed");
        QTest::newRow("announced length") << int(TestHttpServer::Response::Normal) << false;
        QTest::newRow("no length") << int(TestHttpServer::Response::Unannounced) << false;
        // The announced length is the compressed one: more bytes come than were made room for.
        QTest::newRow("compressed") << int(TestHttpServer::Response::Normal) << true;
    }

    void largeBodiesArriveWhole()
    {
        Fixture f;
        QFETCH(int, mode);
        QFETCH(bool, compressed);
        QList<QByteArray> items;
        for (int i = 0; i < 20000; ++i)
            items.append(taskJson(u"task-%1"_s.arg(i)));
        const QByteArray body = listJson(items);
        QVERIFY(body.size() > 2 * 1024 * 1024); // many reads
        f.server.setHandler([&](const TestHttpServer::Request &) {
            TestHttpServer::Response r = TestHttpServer::json(200, body);
            r.mode = TestHttpServer::Response::Mode(mode);
            if (compressed) {
                r.body = qCompress(body).mid(4); // a zlib stream: HTTP's deflate
                r.headers.append(qMakePair(QByteArray("Content-Encoding"), QByteArray("deflate")));
            }
            return r;
        });
        f.connect(f.config());
        f.client.fetchOnce();
        QTRY_COMPARE_WITH_TIMEOUT(f.ready.size(), 1, 15000);
        const Snapshot snapshot = f.snapshot(0);
        QCOMPARE(snapshot.tasks.size(), 20000);
        QCOMPARE(snapshot.tasks.constFirst().id, u"task-0"_s);
        QCOMPARE(snapshot.tasks.constLast().id, u"task-19999"_s);
        QCOMPARE(snapshot.tasks.at(12345).rawJson, items.at(12345));
        QVERIFY(f.failed.isEmpty());
    }

    void malformedBodyKeepsTheLastSnapshot()
    {
        Fixture f;
        bool healthy = true;
        f.server.setHandler([&](const TestHttpServer::Request &) {
            return TestHttpServer::json(200, healthy ? listJson({taskJson(u"t1"_s)}) : QByteArray("{\"items\": [tru"));
        });
        f.connect();
        f.client.start();
        QTRY_COMPARE(f.ready.size(), 1);
        healthy = false;
        f.clock.advance(f.clock.nextDelay());
        QTRY_COMPARE(f.failed.size(), 1);
        QCOMPARE(f.client.lastError().kind, ApiError::MalformedBody);
        QVERIFY(f.client.lastError().message().contains(u"malformed JSON"_s));
        QCOMPARE(f.client.state(), TasksClient::State::BackingOff);
        QCOMPARE(f.client.lastSnapshot()->tasks.size(), 1);
    }

    void announcedOversizeIsRefusedAtOnce()
    {
        Fixture f;
        f.server.setHandler([](const TestHttpServer::Request &) {
            TestHttpServer::Response r = TestHttpServer::json(200, QByteArray(4096, ' ') + listJson({}));
            return r;
        });
        ConnectionConfig config = f.config();
        config.maxBodyBytes = 1024;
        f.connect(config);
        f.client.fetchOnce();
        QTRY_COMPARE(f.failed.size(), 1);
        QCOMPARE(f.client.lastError().kind, ApiError::BodyTooLarge);
        QVERIFY(f.client.lastError().message().contains(u"1024"_s));
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
        Fixture f;
        QFETCH(bool, sameOrigin);
        QFETCH(bool, viaLocalhostName);
        TestHttpServer other;
        const auto ok = [](const TestHttpServer::Request &) {
            return TestHttpServer::json(200, listJson({taskJson(u"t1"_s)}));
        };
        other.setHandler(ok);
        f.server.setHandler([&](const TestHttpServer::Request &r) {
            if (r.target.startsWith("/moved"))
                return ok(r);
            QUrl target = sameOrigin ? f.server.url(u"/moved/tasks"_s) : other.url(u"/moved/tasks"_s);
            if (viaLocalhostName) {
                target = f.server.url(u"/moved/tasks"_s);
                target.setHost(u"localhost"_s);
            }
            return TestHttpServer::redirect(target);
        });
        f.connect();
        f.client.fetchOnce();
        QTRY_COMPARE(f.ready.size() + f.failed.size(), 1);
        if (sameOrigin) {
            QCOMPARE(f.ready.size(), 1);
            QCOMPARE(f.server.requests().size(), 2);
            QCOMPARE(f.server.requests().last().headers.value("authorization"), "Bearer " + kToken.toUtf8());
        } else {
            QCOMPARE(f.failed.size(), 1);
            QCOMPARE(f.client.lastError().kind, ApiError::CrossOriginRedirect);
            // The other origin never saw the token: it was not contacted at all.
            QCOMPARE(other.requests().size(), 0);
            for (const auto &request : f.server.requests())
                QVERIFY(!request.target.startsWith("/moved"));
            QVERIFY(!f.client.lastError().message().contains(kToken));
        }
    }

    // A server that redirects to itself for ever: five hops are followed, then the poll ends.
    void redirectLoopEnds()
    {
        Fixture f;
        f.server.setHandler([&](const TestHttpServer::Request &r) {
            return TestHttpServer::redirect(f.server.url(u"/again"_s + QString::fromLatin1(r.target.right(1))));
        });
        f.connect();
        f.client.fetchOnce();
        QTRY_COMPARE(f.failed.size(), 1);
        QCOMPARE(f.ready.size(), 0);
        QCOMPARE(f.client.lastError().kind, ApiError::CrossOriginRedirect);
        QVERIFY2(f.client.lastError().message().contains(u"5"_s), qPrintable(f.client.lastError().message()));
        QCOMPARE(f.server.requests().size(), 6); // the request and five redirects
        for (const auto &request : f.server.requests())
            QCOMPARE(request.headers.value("authorization"), "Bearer " + kToken.toUtf8());
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
        Fixture f;
        f.client.setConfig(f.config());
        f.client.fetchOnce();
        QCOMPARE(f.failed.size(), 1);
        QCOMPARE(f.client.lastError().kind, ApiError::NoToken);
        QCOMPARE(f.server.requests().size(), 0);
    }

    void tokenNeverInErrorTexts()
    {
        Fixture f;
        f.server.setHandler([](const TestHttpServer::Request &r) {
            // A hostile or careless server echoes the Authorization header back.
            const QString echoed = QString::fromUtf8(r.headers.value("authorization"));
            return TestHttpServer::json(400, problem(400, 5, echoed, echoed));
        });
        f.connect();
        f.client.fetchOnce();
        QTRY_COMPARE(f.failed.size(), 1);
        QVERIFY(!f.client.lastError().message().contains(kToken));
        QVERIFY(!f.client.lastError().problem->detail.contains(kToken));
    }

    void stopAbortsSilently()
    {
        Fixture f;
        f.server.setHandler(silence);
        f.connect();
        QSignalSpy received(&f.server, &TestHttpServer::requestReceived);
        f.client.start();
        QTRY_COMPARE(received.size(), 1);
        QVERIFY(f.client.hasRequestInFlight());
        f.client.stop();
        QVERIFY(!f.client.hasRequestInFlight());
        QCOMPARE(f.client.state(), TasksClient::State::Idle);
        QCOMPARE(f.clock.pendingCount(), 0);
        QTRY_COMPARE(f.server.openConnections(), 0);
        QCOMPARE(f.failed.size(), 0);
        QCOMPARE(f.ready.size(), 0);
    }

    // The one retry rule, and the three places that used to decide it apart.
    void retryRule_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("recovery");
        using R = ApiError::Recovery;
        QTest::newRow("503") << int(ApiError::Http) << 503 << int(R::Retry);
        QTest::newRow("500") << int(ApiError::Http) << 500 << int(R::Retry);
        QTest::newRow("429") << int(ApiError::Http) << 429 << int(R::Retry);
        QTest::newRow("400") << int(ApiError::Http) << 400 << int(R::Retry);
        QTest::newRow("404") << int(ApiError::Http) << 404 << int(R::RetryOrSettings);
        QTest::newRow("401") << int(ApiError::Http) << 401 << int(R::Settings);
        QTest::newRow("403") << int(ApiError::Http) << 403 << int(R::Settings);
        QTest::newRow("timeout") << int(ApiError::Timeout) << 0 << int(R::Retry);
        QTest::newRow("refused") << int(ApiError::ConnectionRefused) << 0 << int(R::Retry);
        QTest::newRow("network") << int(ApiError::Network) << 0 << int(R::Retry);
        QTest::newRow("truncated") << int(ApiError::TruncatedBody) << 0 << int(R::Retry);
        QTest::newRow("malformed") << int(ApiError::MalformedBody) << 0 << int(R::Retry);
        QTest::newRow("too large") << int(ApiError::BodyTooLarge) << 0 << int(R::Retry);
        QTest::newRow("paging loop") << int(ApiError::PagingLoop) << 0 << int(R::Retry);
        QTest::newRow("cross-origin redirect") << int(ApiError::CrossOriginRedirect) << 0 << int(R::Retry);
        QTest::newRow("host not found") << int(ApiError::HostNotFound) << 0 << int(R::RetryOrSettings);
        QTest::newRow("tls") << int(ApiError::Tls) << 0 << int(R::RetryOrSettings);
        QTest::newRow("insecure url") << int(ApiError::InsecureUrl) << 0 << int(R::Settings);
        QTest::newRow("no token") << int(ApiError::NoToken) << 0 << int(R::Settings);
    }

    void retryRule()
    {
        QFETCH(int, kind);
        QFETCH(int, status);
        QFETCH(int, recovery);
        ApiError error;
        error.kind = ApiError::Kind(kind);
        error.httpStatus = status;
        QCOMPARE(int(error.recovery()), recovery);
        // The banner offered the settings for exactly these before the rule had a name.
        const bool bannerBefore = error.isAuthFailure() || error.kind == ApiError::NoToken
            || error.kind == ApiError::Tls || error.kind == ApiError::InsecureUrl
            || error.kind == ApiError::HostNotFound || (error.kind == ApiError::Http && error.httpStatus == 404);
        QCOMPARE(!error.retryCanHelp(), bannerBefore);
        // The client stopped polling for exactly these.
        const bool stoppedBefore = error.isAuthFailure() || error.kind == ApiError::NoToken
            || error.kind == ApiError::InsecureUrl;
        QCOMPARE(error.stopsPolling(), stoppedBefore);
        QCOMPARE(error.isTransient(), !stoppedBefore);
    }

    // Where the settings are the fix, the text says which one; the host is named once.
    void errorsSayWhatToDo()
    {
        {
            Fixture f; // a 404 of the task list: the account is not there
            f.server.setHandler([](const TestHttpServer::Request &) {
                return TestHttpServer::json(404, problem(404, 2, u"Collection not found"_s, u"not found"_s),
                                            "application/problem+json");
            });
            f.connect();
            f.client.fetchOnce();
            QTRY_COMPARE(f.failed.size(), 1);
            const QString message = f.client.lastError().message();
            const QString host = u"127.0.0.1:"_s + QString::number(f.server.port());
            QVERIFY2(message.startsWith(u"Account acc-1 not found at %1: check the account id"_s.arg(host)), qPrintable(message));
            QVERIFY(message.contains(u"HTTP 404 Collection not found"_s)); // the server's words too
        }
        // Not the task list (one task): the server's words only.
        const ApiError task = ApiError::http(u"https://h/accounts/a/core/v1/tasks/t1"_s, 404, std::nullopt, u"Not Found"_s);
        QCOMPARE(task.message(), u"HTTP 404: Not Found"_s);

        quint16 closedPort = 0;
        {
            TestHttpServer gone;
            closedPort = gone.port();
        }
        const auto failure = [](const QUrl &url) {
            Fixture f;
            ConnectionConfig config = f.config();
            config.baseUrl = url;
            config.allowPlainHttp = true;
            f.connect(config);
            f.client.fetchOnce();
            return QTest::qWaitFor([&] { return !f.failed.isEmpty(); }, 20'000) ? f.client.lastError() : ApiError();
        };
        const ApiError refused = failure(QUrl(u"http://127.0.0.1:%1"_s.arg(closedPort)));
        QCOMPARE(refused.kind, ApiError::ConnectionRefused);
        QCOMPARE(refused.message().count(u"127.0.0.1"_s), 1);
        QVERIFY2(refused.message().startsWith(u"Connection refused by 127.0.0.1:%1: check"_s.arg(closedPort)),
                 qPrintable(refused.message()));
        const ApiError unknown = failure(QUrl(u"https://astra.invalid"_s)); // .invalid never resolves (RFC 6761)
        QCOMPARE(unknown.kind, ApiError::HostNotFound);
        QCOMPARE(unknown.message().count(u"astra.invalid"_s), 1);
        QVERIFY2(unknown.message().startsWith(u"Host astra.invalid not found: check"_s), qPrintable(unknown.message()));
    }

    void namedConstructorsFillTheirKind()
    {
        const ApiError http = ApiError::http(u"u"_s, 404, ProblemDetails{u"t"_s, u"Not found"_s, {}, u"404"_s, {}, {}});
        QCOMPARE(http.kind, ApiError::Http);
        QCOMPARE(http.httpStatus, 404);
        QCOMPARE(http.url, u"u"_s);
        QVERIFY(http.message().contains(u"Not found"_s));
        const ApiError timeout = ApiError::timeout(u"u"_s, u"no data for 5 s"_s);
        QCOMPARE(timeout.kind, ApiError::Timeout);
        QCOMPARE(timeout.detail, u"no data for 5 s"_s);
        CertificateInfo certificate;
        certificate.sha256 = u"AB:CD"_s;
        const ApiError tls = ApiError::tls(u"u"_s, certificate);
        QCOMPARE(tls.kind, ApiError::Tls);
        QVERIFY(tls.message().contains(u"AB:CD"_s));
        QCOMPARE(ApiError::network(ApiError::HostNotFound, u"u"_s, u"d"_s).kind, ApiError::HostNotFound);
        QCOMPARE(ApiError::pagingLoop(u"u"_s, u"d"_s).kind, ApiError::PagingLoop);
        QCOMPARE(ApiError::cancelled().kind, ApiError::Cancelled);
    }

    // PageFetcher alone: one request with its headers; the body or an error, scrubbed of the token.
    void pageFetcherSendsOneRequest()
    {
        TestHttpServer server;
        server.setHandler([](const TestHttpServer::Request &r) {
            if (r.target.contains("bad"))
                return TestHttpServer::json(400, problem(400, 5, u"Bad"_s, QString::fromUtf8(r.headers.value("authorization"))));
            return TestHttpServer::json(200, "{\"items\":[]}");
        });
        PageFetcher fetcher;
        fetcher.setRules(tokenRules());
        QSignalSpy fetched(&fetcher, &PageFetcher::fetched);
        QSignalSpy failed(&fetcher, &PageFetcher::failed);
        fetcher.fetch(server.url(u"/good"_s));
        QVERIFY(fetcher.isBusy());
        QTRY_COMPARE(fetched.size(), 1);
        QVERIFY(!fetcher.isBusy());
        QCOMPARE(fetched.first().first().value<QByteArrayList>().join(), QByteArray("{\"items\":[]}"));
        QCOMPARE(server.requests().first().headers.value("authorization"), "Bearer " + kToken.toUtf8());
        QCOMPARE(server.requests().first().headers.value("accept"), QByteArray("application/json"));

        fetcher.fetch(server.url(u"/bad"_s));
        QTRY_COMPARE(failed.size(), 1);
        const ApiError error = failed.first().first().value<ApiError>();
        QCOMPARE(error.httpStatus, 400);
        QVERIFY(error.problem);
        QVERIFY(!error.problem->detail.contains(kToken));
        QVERIFY(error.problem->detail.contains(u"***"_s));
        QCOMPARE(fetcher.requestsSent(), 2);
    }

    void pageFetcherRefusals()
    {
        PageFetcher fetcher;
        PageFetcher::Rules rules;
        const QUrl loopback(u"http://127.0.0.1:1/x"_s);
        QCOMPARE(fetcher.refusal(loopback, loopback)->kind, ApiError::NoToken);
        rules.token = kToken;
        fetcher.setRules(rules);
        QVERIFY(!fetcher.refusal(loopback, loopback));
        const QUrl remote(u"http://astra.invalid/x"_s);
        QCOMPARE(fetcher.refusal(remote, remote)->kind, ApiError::InsecureUrl);
        QCOMPARE(fetcher.refusal(QUrl(u"ftp://h/x"_s), QUrl(u"ftp://h"_s))->kind, ApiError::InsecureUrl);
        rules.allowPlainHttp = true;
        fetcher.setRules(rules);
        QVERIFY(!fetcher.refusal(remote, remote));
        QVERIFY(!fetcher.refusal(QUrl(u"https://astra.invalid/x"_s), remote));
    }

    void pageFetcherAbortIsSilent()
    {
        TestHttpServer server;
        server.setHandler(silence);
        PageFetcher fetcher;
        fetcher.setRules(tokenRules());
        QSignalSpy failed(&fetcher, &PageFetcher::failed);
        QSignalSpy received(&server, &TestHttpServer::requestReceived);
        fetcher.fetch(server.url(u"/x"_s));
        QTRY_COMPARE(received.size(), 1);
        fetcher.abort();
        QVERIFY(!fetcher.isBusy());
        QTRY_COMPARE(server.openConnections(), 0);
        QCOMPARE(failed.size(), 0);
    }

    // SnapshotAssembler alone: extra filters after the connection's, pages joined in order.
    void assemblerJoinsPagesWithExtraFilters()
    {
        TestHttpServer server;
        server.setHandler([](const TestHttpServer::Request &r) {
            if (queryValue(r.target, u"continue"_s).isEmpty())
                return TestHttpServer::json(200, listJson({taskJson(u"a"_s), taskJson(u"b"_s)}, u"p2"_s));
            return TestHttpServer::json(200, listJson({taskJson(u"c"_s)}));
        });
        ManualScheduler clock;
        PageFetcher fetcher;
        fetcher.setRules(tokenRules());
        SnapshotAssembler assembler(&fetcher, &clock);
        QSignalSpy finished(&assembler, &SnapshotAssembler::finished);
        ConnectionConfig config = configFor(server);
        config.pageSize = 2;
        config.serverFilters = {u"state eq 'running'"_s};
        assembler.start(config, {u"name eq 'x'"_s});
        QVERIFY(assembler.isRunning());
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY(!assembler.isRunning());
        const std::unique_ptr<Snapshot> snapshot = assembler.takeResult();
        QVERIFY(snapshot);
        QCOMPARE(snapshot->tasks.size(), 3);
        QCOMPARE(snapshot->digests.size(), 3);
        QCOMPARE(snapshot->tasks.at(2).id, u"c"_s);
        QCOMPARE(snapshot->pages, 2);
        QCOMPARE(snapshot->receivedAt, clock.now());
        for (const auto &request : server.requests())
            QVERIFY2(request.target.contains("filter=state%20eq%20%27running%27&filter=name%20eq%20%27x%27"),
                     request.target.constData());
        QCOMPARE(snapshot->bytes, qint64(listJson({taskJson(u"a"_s), taskJson(u"b"_s)}, u"p2"_s).size()
                                         + listJson({taskJson(u"c"_s)}).size()));
    }

    void assemblerRefusesBeforeAnyRequest()
    {
        ManualScheduler clock;
        PageFetcher fetcher; // no token
        SnapshotAssembler assembler(&fetcher, &clock);
        QSignalSpy failed(&assembler, &SnapshotAssembler::failed);
        ConnectionConfig config;
        config.baseUrl = QUrl(u"http://127.0.0.1:1"_s);
        config.accountId = u"a"_s;
        assembler.start(config);
        QCOMPARE(failed.size(), 1); // at once
        QCOMPARE(failed.first().first().value<ApiError>().kind, ApiError::NoToken);
        QCOMPARE(fetcher.requestsSent(), 0);
        QVERIFY(!assembler.isRunning());
    }

    // PollLoop alone, on a manual clock with fixed jitter: no network at all.
    void pollLoopSchedulesAndBacksOff()
    {
        ManualScheduler clock;
        PollLoop loop(&clock, nullptr, [] { return 0.5; });
        loop.setTiming({5000, 1000, 4000});
        QSignalSpy due(&loop, &PollLoop::pollDue);
        loop.start();
        QCOMPARE(due.size(), 1);
        QVERIFY(loop.isPollInProgress());
        loop.setFetching();
        QCOMPARE(loop.state(), PollLoop::State::Fetching);
        loop.pollNow(); // a poll is in progress: nothing
        QCOMPARE(due.size(), 1);
        loop.pollSucceeded();
        QCOMPARE(loop.state(), PollLoop::State::Waiting);
        QCOMPARE(loop.nextAttemptAt(), clock.now().addMSecs(5000));
        clock.advance(5000);
        QCOMPARE(due.size(), 2);
        const ApiError busy = ApiError::http(u"u"_s, 503, std::nullopt);
        for (const qint64 expected : {1000, 2000, 4000, 4000}) {
            loop.pollFailed(busy);
            QCOMPARE(loop.state(), PollLoop::State::BackingOff);
            QCOMPARE(clock.nextDelay(), expected);
            clock.advance(expected);
        }
        QCOMPARE(loop.consecutiveFailures(), 4);
        loop.pollFailed(ApiError::http(u"u"_s, 401, std::nullopt));
        QCOMPARE(loop.state(), PollLoop::State::AuthStopped);
        QCOMPARE(clock.pendingCount(), 0);
        QVERIFY(!loop.nextAttemptAt().isValid());
        const int before = int(due.size());
        loop.restart(); // new settings
        QCOMPARE(due.size(), before + 1);
        QCOMPARE(loop.consecutiveFailures(), 0);
        loop.stop();
        QCOMPARE(loop.state(), PollLoop::State::Idle);
        QVERIFY(!loop.isPollInProgress());
        QCOMPARE(clock.pendingCount(), 0);
    }

    void pollLoopFetchOnceEndsIdle()
    {
        ManualScheduler clock;
        PollLoop loop(&clock);
        QSignalSpy due(&loop, &PollLoop::pollDue);
        loop.fetchOnce();
        QCOMPARE(due.size(), 1);
        loop.pollFailed(ApiError::http(u"u"_s, 503, std::nullopt));
        QCOMPARE(loop.state(), PollLoop::State::Idle); // no retry for a one-off
        QCOMPARE(clock.pendingCount(), 0);
        loop.fetchOnce();
        loop.pollSucceeded();
        QCOMPARE(loop.state(), PollLoop::State::Idle);
        QCOMPARE(clock.pendingCount(), 0);
        QVERIFY(!loop.isPolling());
    }

    // Incremental polling: after a full list, only what changed travels, merged in by id.
    void incrementalPollsMergeChanges()
    {
        Fixture f;
        ChangingServer data;
        data.tasks = {{u"a"_s, {10, kT0}}, {u"b"_s, {20, kT0.addSecs(600)}}, {u"c"_s, {30, kT0}}};
        f.server.setHandler(data.handler());
        ConnectionConfig config = f.config();
        config.serverFilters = {u"state eq 'running'"_s};
        config.fullResyncEvery = 3;
        QVERIFY(f.startPolling(config));
        QVERIFY(f.snapshot(0).full);
        QCOMPARE(data.filters, QStringList{QString()});

        data.tasks[u"b"_s] = {55, kT0.addSecs(900)};
        data.tasks.insert(u"0d"_s, {1, kT0.addSecs(900)}); // first in the server's order
        QVERIFY(f.pollAgain(2));
        const Snapshot merged = f.snapshot(1);
        QVERIFY(!merged.full);
        // The newest seen (b, T0+600 s) minus a minute, beside the connection's own filter.
        QCOMPARE(data.filters.last(), kT0.addSecs(540).toString(Qt::ISODate));
        QVERIFY(f.server.requests().last().target.contains("filter=state%20eq%20%27running%27&filter=metadata."));
        QCOMPARE(idsOf(merged), (QStringList{u"a"_s, u"b"_s, u"c"_s, u"0d"_s})); // old order, new ones appended
        QCOMPARE(merged.tasks.at(1).percentDone.value_or(-1), 55.0);
        QCOMPARE(merged.digests.size(), merged.tasks.size());
        QCOMPARE(merged.bytes, qint64(listJson({ChangingServer::item(u"0d"_s, data.tasks[u"0d"_s]),
                                                ChangingServer::item(u"b"_s, data.tasks[u"b"_s])})
                                          .size()));
        QVERIFY(merged.bytes < f.snapshot(0).bytes);

        QVERIFY(f.pollAgain(3));
        QVERIFY(!f.snapshot(2).full);
        QCOMPARE(data.filters.last(), kT0.addSecs(840).toString(Qt::ISODate));
        QVERIFY(f.pollAgain(4)); // the third poll after a full list is full again
        const Snapshot full = f.snapshot(3);
        QVERIFY(full.full);
        QCOMPARE(data.filters.last(), QString());
        QVERIFY(full.warnings.isEmpty());
        auto mergedContent = contentOf(f.snapshot(2)), fullContent = contentOf(full);
        std::sort(mergedContent.begin(), mergedContent.end());
        std::sort(fullContent.begin(), fullContent.end());
        QCOMPARE(mergedContent, fullContent); // the same tasks, byte for byte
    }

    void incrementalLearnsRemovalsAtTheFullResync()
    {
        Fixture f;
        ChangingServer data;
        data.tasks = {{u"a"_s, {10, kT0}}, {u"b"_s, {20, kT0.addSecs(600)}}};
        f.server.setHandler(data.handler());
        ConnectionConfig config = f.config();
        config.fullResyncEvery = 2;
        QVERIFY(f.startPolling(config));
        data.tasks.remove(u"a"_s);
        QVERIFY(f.pollAgain(2));
        QVERIFY(!f.snapshot(1).full);
        QCOMPARE(idsOf(f.snapshot(1)), (QStringList{u"a"_s, u"b"_s})); // an answer cannot say what went
        QVERIFY(f.pollAgain(3));
        QVERIFY(f.snapshot(2).full);
        QCOMPARE(idsOf(f.snapshot(2)), QStringList{u"b"_s});
        QVERIFY(f.snapshot(2).warnings.isEmpty()); // a removal is no sign of a bad server
        QVERIFY(f.pollAgain(4));
        QVERIFY(!f.snapshot(3).full); // and incremental polls go on
    }

    // Servers that break the contract: the view is right after the next full list at the latest,
    // one warning says so, and that connection polls full lists from then on.
    void incrementalFallsBackOnce_data()
    {
        QTest::addColumn<int>("fault");
        QTest::newRow("ignores the filter") << 0;
        QTest::newRow("sends tasks older than asked") << 1;
        QTest::newRow("changes a task without its modificationTimestamp") << 2;
    }

    void incrementalFallsBackOnce()
    {
        QFETCH(int, fault);
        Fixture f;
        ChangingServer data;
        data.tasks = {{u"a"_s, {10, kT0}}, {u"b"_s, {20, kT0.addSecs(600)}}, {u"c"_s, {30, kT0}}};
        data.honoursFilter = fault != 0;
        data.addsOlderTasks = fault == 1;
        f.server.setHandler(data.handler());
        ConnectionConfig config = f.config();
        config.fullResyncEvery = 2;
        QVERIFY(f.startPolling(config));
        data.tasks[u"a"_s].percent = 77; // kept at T0 when the server forgets to move it
        if (fault != 2)
            data.tasks[u"a"_s].modified = kT0.addSecs(1200);
        QVERIFY(f.pollAgain(2));
        QVERIFY(!f.snapshot(1).full);
        QVERIFY(f.pollAgain(3));
        const Snapshot resync = f.snapshot(2);
        QVERIFY(resync.full);
        QCOMPARE(resync.tasks.at(0).percentDone.value_or(-1), 77.0);
        const QString sentence = u"The server's incremental answers were incomplete; polling full lists from now on."_s;
        const auto warned = [&](const Snapshot &s) {
            return std::count_if(s.warnings.cbegin(), s.warnings.cend(),
                                 [&](const ParseWarning &w) { return w.message == sentence; });
        };
        QCOMPARE(warned(resync), 1);
        for (int poll = 4; poll <= 6; ++poll) {
            QVERIFY(f.pollAgain(poll));
            QVERIFY(f.snapshot(poll - 1).full);
            QCOMPARE(warned(f.snapshot(poll - 1)), 0);
        }
        QCOMPARE(data.filters.mid(2), QStringList(4, QString()));
    }

    void incrementalCanBeTurnedOff()
    {
        Fixture f;
        ChangingServer data;
        data.tasks = {{u"a"_s, {10, kT0}}};
        f.server.setHandler(data.handler());
        ConnectionConfig config = f.config();
        config.incremental = false;
        QVERIFY(f.startPolling(config));
        QVERIFY(f.pollAgain(2));
        QVERIFY(f.pollAgain(3));
        QCOMPARE(data.filters, QStringList(3, QString()));
        QVERIFY(f.snapshot(2).full);
    }

    void incrementalResyncsAfterAnError()
    {
        Fixture f;
        ChangingServer data;
        data.tasks = {{u"a"_s, {10, kT0}}};
        bool broken = false;
        f.server.setHandler([&](const TestHttpServer::Request &r) {
            return broken ? TestHttpServer::json(503, problem(503, 24, u"Service unavailable"_s, u"busy"_s))
                          : data.answer(r);
        });
        QVERIFY(f.startPolling(f.config()));
        QVERIFY(f.pollAgain(2));
        QCOMPARE(data.filters.size(), 2);
        QVERIFY(!data.filters.last().isEmpty());
        broken = true;
        f.clock.advance(f.clock.nextDelay());
        QTRY_COMPARE(f.failed.size(), 1);
        broken = false;
        f.clock.advance(f.clock.nextDelay());
        QTRY_COMPARE(f.ready.size(), 3);
        QCOMPARE(data.filters.last(), QString());
        QVERIFY(f.snapshot(2).full);
    }

    // IncrementalSync alone: the filter it asks for, and a merge that keeps digests and warnings aligned.
    void incrementalMergeKeepsEverythingAligned()
    {
        const auto task = [](const QString &id, const QDateTime &modified) {
            Task t;
            t.id = id;
            t.metadata.modificationTimestamp = modified;
            return t;
        };
        const auto warning = [](qsizetype index, const QString &id, const QString &message) {
            ParseWarning w;
            w.itemIndex = index;
            w.taskId = id;
            w.message = message;
            return w;
        };
        IncrementalSync sync;
        ConnectionConfig config;
        QVERIFY(!sync.beginPoll(config)); // nothing seen yet: a full list
        auto full = std::make_unique<Snapshot>();
        full->tasks = {task(u"a"_s, kT0), task(u"b"_s, kT0.addSecs(30)), task(u"c"_s, kT0)};
        full->digests = {1, 2, 3};
        full->warnings = {warning(1, u"b"_s, u"old b"_s), warning(2, u"c"_s, u"old c"_s)};
        QVERIFY(sync.absorb(std::move(full))->full);

        QCOMPARE(sync.beginPoll(config).value_or(QString()),
                 u"metadata.modificationTimestamp gte '2025-12-31T23:59:30Z'"_s);
        auto changes = std::make_unique<Snapshot>();
        changes->tasks = {task(u"d"_s, kT0.addSecs(40)), task(u"b"_s, kT0.addSecs(40))};
        changes->digests = {4, 20};
        changes->warnings = {warning(0, u"d"_s, u"new d"_s)};
        changes->bytes = 99;
        const std::unique_ptr<Snapshot> merged = sync.absorb(std::move(changes));
        QVERIFY(!merged->full);
        QCOMPARE(idsOf(*merged), (QStringList{u"a"_s, u"b"_s, u"c"_s, u"d"_s}));
        QCOMPARE(merged->digests, (QList<quint64>{1, 20, 3, 4}));
        QCOMPARE(merged->bytes, qint64(99));
        QCOMPARE(merged->warnings.size(), 2); // b's old warning went with its old version
        QCOMPARE(merged->warnings.at(0).message, u"old c"_s);
        QCOMPARE(merged->warnings.at(1).itemIndex, 3); // d's warning names d's place in the view
        QCOMPARE(sync.beginPoll(config).value_or(QString()),
                 u"metadata.modificationTimestamp gte '2025-12-31T23:59:40Z'"_s);

        config.fullResyncEvery = 1; // every poll full
        QVERIFY(!sync.beginPoll(config));
        sync.reset();
        QVERIFY(!sync.beginPoll(ConnectionConfig()));
    }

    void pollNowAsksForTheWholeList()
    {
        Fixture f;
        ChangingServer data;
        data.tasks = {{u"a"_s, {10, kT0}}, {u"b"_s, {20, kT0}}};
        f.server.setHandler(data.handler());
        QVERIFY(f.startPolling(f.config()));
        QVERIFY(f.pollAgain(2));
        QVERIFY(!f.snapshot(1).full);
        data.tasks.remove(u"a"_s);
        f.client.pollNow(); // "Refresh": the user expects what the server has now, removals too
        QTRY_COMPARE(f.ready.size(), 3);
        QVERIFY(f.snapshot(2).full);
        QCOMPARE(idsOf(f.snapshot(2)), QStringList{u"b"_s});
    }

    // The merge of a poll into the last view (O(tasks)) runs on a worker. New settings while it
    // runs abandon it: its result never reaches the consumers, and the next list is a full one.
    void settingsChangedDuringTheMergeDropIt()
    {
        Fixture f;
        ChangingServer data;
        data.tasks = {{u"a"_s, {10, kT0}}, {u"b"_s, {20, kT0}}};
        f.server.setHandler(data.handler());
        QVERIFY(f.startPolling(f.config()));
        auto *assembler = f.client.findChild<SnapshotAssembler *>();
        QVERIFY(assembler);
        ConnectionConfig changed = f.config();
        changed.pollIntervalMs += 1000;
        bool changedDuringMerge = false;
        // Connected after the client's own slot: runs once the merge is on a worker.
        connect(assembler, &SnapshotAssembler::finished, &f.client, [&] {
            if (!std::exchange(changedDuringMerge, true))
                f.client.setConfig(changed);
        });
        data.tasks[u"b"_s] = {55, kT0.addSecs(900)};
        f.clock.advance(f.clock.nextDelay());
        QTRY_COMPARE(f.ready.size(), 2);
        QVERIFY(changedDuringMerge);
        QCOMPARE(data.filters.size(), 3); // full, incremental (its merge abandoned), full
        QVERIFY(!data.filters.at(1).isEmpty());
        QVERIFY(data.filters.at(2).isEmpty());
        QVERIFY(f.snapshot(1).full);
        QCOMPARE(idsOf(f.snapshot(1)), (QStringList{u"a"_s, u"b"_s}));
        QCOMPARE(f.snapshot(1).tasks.at(1).percentDone.value_or(-1), 55.0);
        QVERIFY(f.client.lastSnapshot()->full);
        QVERIFY(f.pollAgain(3)); // and polling goes on, incrementally again
        QVERIFY(!f.snapshot(2).full);
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
