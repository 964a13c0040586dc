// TasksClient against the real demo server on loopback: paging, include, server filters, every
// documented error, and backoff then recovery from each fault, with time driven by hand.
#include "demoserver.h"
#include "scenario.h"
#include "scheduler.h"
#include "tasksclient.h"
#include "tasktreemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace Taskscope;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kEpoch = 1'795'000'000'000; // a fixed start: the scenario is the same every run

QStringList sortedIds(const QList<Task> &tasks)
{
    QStringList ids;
    for (const Task &task : tasks)
        ids << task.id;
    ids.sort();
    return ids;
}

} // namespace

class TestClientDemo : public QObject
{
    Q_OBJECT
private:
    qint64 m_now = kEpoch + 30 * 60 * 1000; // half an hour into the scenario: every state is there

    std::unique_ptr<Demo::DemoServer> startServer(int tasks = 300, Demo::FaultOptions faults = {})
    {
        Demo::DemoServerOptions options;
        options.tasks = tasks;
        options.seed = 7;
        options.epochMsecs = kEpoch;
        options.clock = [this] { return m_now; };
        options.faults = faults;
        options.token = u"demo-token-123"_s;
        auto server = std::make_unique<Demo::DemoServer>(options);
        if (!server->listen(0))
            qFatal("demo server: %s", qPrintable(server->errorString()));
        return server;
    }

    static ConnectionConfig configFor(const Demo::DemoServer &server)
    {
        ConnectionConfig config;
        config.baseUrl = server.url();
        config.accountId = server.account();
        config.transferTimeoutMs = 5000;
        return config;
    }

    static Snapshot fetch(TasksClient &client)
    {
        QSignalSpy ready(&client, &TasksClient::snapshotReady);
        QSignalSpy failed(&client, &TasksClient::pollFailed);
        client.fetchOnce();
        if (!QTest::qWaitFor([&] { return ready.size() + failed.size() > 0; }, 20000))
            qWarning("no answer");
        if (!failed.isEmpty())
            qWarning("failed: %s", qPrintable(client.lastError().message()));
        return ready.isEmpty() ? Snapshot() : ready.first().first().value<Snapshot>();
    }

private Q_SLOTS:
    void pagingGivesExactlyTheFullSet_data()
    {
        QTest::addColumn<int>("pageSize");
        QTest::newRow("1") << 1;
        QTest::newRow("7") << 7;
        QTest::newRow("50") << 50;
        QTest::newRow("larger than the list") << 100000;
    }

    void pagingGivesExactlyTheFullSet()
    {
        QFETCH(int, pageSize);
        auto server = startServer(120);
        TasksClient client;
        ConnectionConfig config = configFor(*server);
        client.setConfig(config);
        client.setToken(server->token());
        const Snapshot whole = fetch(client);
        QVERIFY(whole.tasks.size() > 50);
        QCOMPARE(whole.pages, 1);

        config.pageSize = pageSize;
        client.setConfig(config);
        const Snapshot paged = fetch(client);
        QCOMPARE(paged.tasks.size(), whole.tasks.size());
        QCOMPARE(sortedIds(paged.tasks), sortedIds(whole.tasks));
        QCOMPARE(paged.pages, int((whole.tasks.size() + pageSize - 1) / pageSize));
        QVERIFY(paged.warnings.isEmpty());
    }

    void pagingStaysConsistentWhileTheScenarioMoves()
    {
        auto server = startServer(200);
        TasksClient client;
        ConnectionConfig config = configFor(*server);
        config.pageSize = 10;
        client.setConfig(config);
        client.setToken(server->token());
        QSignalSpy ready(&client, &TasksClient::snapshotReady);
        // Time moves on while the pages are fetched: the walk still sees one list.
        int pagesSeen = 0;
        connect(&client, &TasksClient::stateChanged, this, [&] { m_now += 2000; });
        client.fetchOnce();
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 20000);
        const Snapshot snapshot = ready.first().first().value<Snapshot>();
        pagesSeen = snapshot.pages;
        QVERIFY(pagesSeen > 5);
        QStringList ids = sortedIds(snapshot.tasks);
        QCOMPARE(ids.removeDuplicates(), 0);
    }

    void includeArraysParse()
    {
        auto server = startServer(60);
        TasksClient client;
        ConnectionConfig config = configFor(*server);
        client.setConfig(config);
        client.setToken(server->token());
        const Snapshot whole = fetch(client);
        config.include = {u"id"_s, u"name"_s, u"state"_s, u"percentDone"_s, u"parentTaskID"_s};
        client.setConfig(config);
        const Snapshot narrow = fetch(client);
        QCOMPARE(sortedIds(narrow.tasks), sortedIds(whole.tasks));
        QVERIFY(narrow.warnings.isEmpty());
        for (const Task &task : narrow.tasks) {
            QVERIFY(task.rawJson.startsWith('['));
            const auto full = std::find_if(whole.tasks.cbegin(), whole.tasks.cend(),
                                           [&](const Task &t) { return t.id == task.id; });
            QVERIFY(full != whole.tasks.cend());
            QCOMPARE(task.name, full->name);
            QCOMPARE(task.state, full->state);
            QCOMPARE(task.percentDone, full->percentDone);
            QCOMPARE(task.parentTaskID, full->parentTaskID);
            QVERIFY(task.summary.isEmpty()); // not included
        }
    }

    void serverFiltersAreHonoured()
    {
        auto server = startServer(200);
        TasksClient client;
        ConnectionConfig config = configFor(*server);
        client.setConfig(config);
        client.setToken(server->token());
        const Snapshot whole = fetch(client);
        config.serverFilters = {u"name eq 'astra.backup'"_s, u"state eq 'completed'"_s};
        client.setConfig(config);
        const Snapshot filtered = fetch(client);
        QVERIFY(!filtered.tasks.isEmpty());
        int expected = 0;
        for (const Task &task : whole.tasks)
            expected += task.name == u"astra.backup" && task.state == TaskState::Completed;
        QCOMPARE(filtered.tasks.size(), expected);
        for (const Task &task : filtered.tasks) {
            QCOMPARE(task.name, u"astra.backup"_s);
            QCOMPARE(task.state, TaskState::Completed);
        }
    }

    void documentedErrors_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("account");
        QTest::addColumn<QStringList>("filters");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("type");
        QTest::newRow("invalid token") << u"wrong"_s << QString() << QStringList() << 401
                                       << u"https://astra.netapp.io/problems/4"_s;
        QTest::newRow("unknown account") << QString() << u"00000000-0000-4000-8000-000000000000"_s << QStringList()
                                         << 404 << u"https://astra.netapp.io/problems/2"_s;
        QTest::newRow("malformed filter") << QString() << QString() << QStringList{u"state equals running"_s} << 400
                                          << u"https://astra.netapp.io/problems/5"_s;
    }

    void documentedErrors()
    {
        QFETCH(QString, token);
        QFETCH(QString, account);
        QFETCH(QStringList, filters);
        QFETCH(int, status);
        QFETCH(QString, type);
        auto server = startServer(30);
        ManualScheduler clock;
        TasksClient client(nullptr, &clock);
        ConnectionConfig config = configFor(*server);
        if (!account.isEmpty())
            config.accountId = account;
        config.serverFilters = filters;
        client.setConfig(config);
        client.setToken(token.isEmpty() ? server->token() : token);
        QSignalSpy failed(&client, &TasksClient::pollFailed);
        client.start();
        QTRY_COMPARE(failed.size(), 1);
        const ApiError error = client.lastError();
        QCOMPARE(error.kind, ApiError::Http);
        QCOMPARE(error.httpStatus, status);
        QVERIFY(error.problem);
        QCOMPARE(error.problem->type, type);
        QCOMPARE(error.problem->status, QString::number(status));
        if (status == 400) {
            QVERIFY(!error.problem->invalidParams.isEmpty());
            QCOMPARE(error.problem->invalidParams.first().name, u"filter"_s);
        }
        if (status == 401) {
            QCOMPARE(client.state(), TasksClient::State::AuthStopped);
            const qint64 before = server->requestCount();
            clock.advance(3600 * 1000);
            QCOMPARE(server->requestCount(), before); // stopped: no request with the bad token
        } else {
            QCOMPARE(client.state(), TasksClient::State::BackingOff);
        }
    }

    void faultsBackOffThenRecover_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<int>("kind");
        QTest::newRow("500/503") << u"error"_s << int(ApiError::Http);
        QTest::newRow("dropped connection") << u"drop"_s << int(ApiError::Network);
        QTest::newRow("truncated body") << u"truncate"_s << int(ApiError::TruncatedBody);
        QTest::newRow("latency over the timeout") << u"latency"_s << int(ApiError::Timeout);
        QTest::newRow("401 in the middle") << u"unauthorized"_s << int(ApiError::Http);
    }

    void faultsBackOffThenRecover()
    {
        QFETCH(QString, fault);
        QFETCH(int, kind);
        auto server = startServer(80);
        ManualScheduler clock;
        TasksClient client(nullptr, &clock);
        TaskTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        connect(&client, &TasksClient::snapshotReady, &model, [&model](const Snapshot &s) { model.apply(s.tasks); });
        ConnectionConfig config = configFor(*server);
        config.transferTimeoutMs = 400;
        config.backoffInitialMs = 1000;
        config.backoffMaxMs = 8000;
        client.setConfig(config);
        client.setToken(server->token());
        QSignalSpy ready(&client, &TasksClient::snapshotReady);
        QSignalSpy failed(&client, &TasksClient::pollFailed);
        client.start();
        QTRY_COMPARE(ready.size(), 1);
        const Snapshot good = client.lastSnapshot() ? *client.lastSnapshot() : Snapshot();
        QCOMPARE(model.taskCount(), good.tasks.size());

        Demo::FaultOptions faults;
        if (fault == u"error")
            faults.errorRate = 1.0;
        else if (fault == u"drop")
            faults.dropRate = 1.0;
        else if (fault == u"truncate")
            faults.truncateRate = 1.0;
        else if (fault == u"latency")
            faults.latencyMs = 1500;
        else
            faults.unauthorizedAfter = qint64(server->requestCount());
        server->setFaults(faults);

        // Three failed polls in a row, each followed by a longer wait.
        qint64 previousDelay = 0;
        for (int i = 1; i <= 3; ++i) {
            clock.advance(clock.nextDelay());
            QTRY_COMPARE_WITH_TIMEOUT(failed.size(), i, 10000);
            QCOMPARE(int(client.lastError().kind), kind);
            QVERIFY(client.isStale());
            // The last good snapshot stays, in the client and in the model.
            QCOMPARE(client.lastSnapshot()->tasks.size(), good.tasks.size());
            QCOMPARE(model.taskCount(), good.tasks.size());
            if (fault == u"unauthorized") {
                QCOMPARE(client.state(), TasksClient::State::AuthStopped);
                QCOMPARE(clock.pendingCount(), 0);
                break;
            }
            QCOMPARE(client.state(), TasksClient::State::BackingOff);
            const qint64 delay = clock.nextDelay();
            QVERIFY2(delay > previousDelay * 1.2 || delay >= 8000 * 0.8, qPrintable(QString::number(delay)));
            previousDelay = delay;
        }

        // The fault stops: the next attempt recovers by itself (for 401: once the token changes).
        server->setFaults({});
        if (fault == u"unauthorized") {
            client.setToken(u"x"_s);
            client.setToken(server->token());
        } else {
            clock.advance(clock.nextDelay());
        }
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 2, 10000);
        QVERIFY(!client.isStale());
        QCOMPARE(client.consecutiveFailures(), 0);
        QCOMPARE(client.state(), TasksClient::State::Waiting);
        QCOMPARE(model.taskCount(), client.lastSnapshot()->tasks.size());
    }
};

QTEST_GUILESS_MAIN(TestClientDemo)
#include "tst_clientdemo.moc"
