// Fault soak: the client and the model against the demo server with every fault at once, for a
// bounded time (TASKSCOPE_SOAK_SECONDS, default 100): no crash, no growth, the model always equal to
// the last good snapshot, recovery within the backoff cap, and a 401 that stops polling.
#include "modelcheck.h"
#include "demoserverthread.h"
#include "scheduler.h"
#include "taskfilterproxymodel.h"
#include "tasksclient.h"
#include "tasktreemodel.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>
#include <QTimer>

#include <malloc.h>
#include <unistd.h>

#include <map>

#if defined(__SANITIZE_ADDRESS__)
#define TASKSCOPE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TASKSCOPE_ASAN 1
#endif
#endif
#ifdef TASKSCOPE_ASAN
// From the sanitizer runtime (sanitizer/allocator_interface.h, not installed with every compiler).
extern "C" size_t __sanitizer_get_current_allocated_bytes();
#endif

using namespace Taskscope;
using namespace Qt::StringLiterals;

namespace {

// Real timers that know how many callbacks are pending: the client must never hold more than one.
class CountingScheduler final : public Scheduler
{
public:
    QDateTime now() const override { return m_inner.now(); }
    Handle schedule(qint64 delayMs, std::function<void()> callback) override
    {
        const Handle mine = ++m_next;
        const Handle inner = m_inner.schedule(delayMs, [this, mine, callback = std::move(callback)] {
            m_pending.erase(mine);
            callback();
        });
        m_pending.emplace(mine, inner);
        m_maxPending = qMax(m_maxPending, int(m_pending.size()));
        return mine;
    }
    void cancel(Handle handle) override
    {
        const auto it = m_pending.find(handle);
        if (it == m_pending.end())
            return;
        m_inner.cancel(it->second);
        m_pending.erase(it);
    }
    int pending() const { return int(m_pending.size()); }
    int maxPending() const { return m_maxPending; }

private:
    QtScheduler m_inner;
    std::map<Handle, Handle> m_pending;
    Handle m_next = 0;
    int m_maxPending = 0;
};

qint64 residentKiB()
{
    QFile statm(u"/proc/self/statm"_s);
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.value(1).toLongLong() * sysconf(_SC_PAGESIZE) / 1024;
}

// Bytes the allocator has handed out and not taken back: what a leak makes grow.
qint64 heapInUseKiB()
{
#ifdef TASKSCOPE_ASAN
    return qint64(__sanitizer_get_current_allocated_bytes()) / 1024;
#else
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks + info.hblkhd) / 1024;
#endif
}

int openFileDescriptors()
{
    return int(QDir(u"/proc/self/fd"_s).entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot).size());
}

// A stable name for the kinds of failure counted (kindName() is translated).
QString kindKey(const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Http:
        return u"http-"_s + QString::number(error.httpStatus);
    case ApiError::Timeout:
        return u"timeout"_s;
    case ApiError::Network:
        return u"dropped"_s;
    case ApiError::TruncatedBody:
        return u"truncated"_s;
    default:
        return u"other-"_s + QString::number(int(error.kind));
    }
}

// Runs the event loop for `ms`: the soak is driven by time, not waiting for anything.
void runFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}


} // namespace

static int soakSeconds()
{
    bool ok = false;
    const int seconds = qEnvironmentVariableIntValue("TASKSCOPE_SOAK_SECONDS", &ok);
    return ok && seconds > 0 ? seconds : 100;
}

class TestFaultSoak : public QObject
{
    Q_OBJECT
public:
    TestFaultSoak()
    {
        // Qt Test stops a test function after 5 minutes: a longer soak moves that limit with it.
        if (!qEnvironmentVariableIsSet("QTEST_FUNCTION_TIMEOUT"))
            qputenv("QTEST_FUNCTION_TIMEOUT", QByteArray::number((qint64(soakSeconds()) + 300) * 1000));
    }

private Q_SLOTS:
    void soak();
};

void TestFaultSoak::soak()
{
    const int seconds = soakSeconds();

    Demo::DemoServerOptions options;
    options.seed = 20260101;
    options.tasks = 300;
    options.speed = 30;            // tasks start, progress, finish and retire within seconds
    options.retentionSeconds = 60; // 2 s at this speed: steady churn of inserts and removals
    options.token = u"soak-token-0123456789abcdef"_s;
    Demo::DemoServerThread demo(options);
    QVERIFY2(demo.isListening(), qPrintable(demo.errorString()));
    Demo::DemoServer &server = demo.server();
    // The server lives in its thread: everything but url/account/token is read and set there.
    const auto setFaults = [&server](const Demo::FaultOptions &faults) {
        QMetaObject::invokeMethod(&server, [&server, faults] { server.setFaults(faults); }, Qt::BlockingQueuedConnection);
    };
    const auto serverRequests = [&server] {
        quint64 count = 0;
        QMetaObject::invokeMethod(&server, [&server, &count] { count = server.requestCount(); },
                                  Qt::BlockingQueuedConnection);
        return count;
    };

    ConnectionConfig config;
    config.baseUrl = server.url();
    config.accountId = server.account();
    config.pollIntervalMs = 100;
    config.pageSize = 120; // three pages a poll: faults land between pages too
    config.transferTimeoutMs = 500;
    config.backoffInitialMs = 50;
    config.backoffMaxMs = 400;
    constexpr int kLatencyMs = 1200; // beyond the transfer timeout: the request times out
    // Faults stop -> a request still held by the server times out, the backoff (at most the cap)
    // runs out, and one healthy poll of three pages completes (slack for a sanitizer build).
    const qint64 recoveryBound = config.transferTimeoutMs + config.backoffMaxMs + 2500;

    CountingScheduler scheduler;
    TasksClient client(nullptr, &scheduler);
    client.setConfig(config);
    client.setToken(server.token());

    TaskTreeModel model;
    QAbstractItemModelTester modelTester(&model);
    TaskFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QVERIFY(proxy.setFilterText(u"state eq 'running' or (percentDone gt 50 and name in 'backup')"_s));
    QAbstractItemModelTester proxyTester(&proxy);

    quint64 modelSignals = 0;
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(&model, signal, this, [&modelSignals] { ++modelSignals; });
    connect(&model, &QAbstractItemModel::rowsMoved, this, [&modelSignals] { ++modelSignals; });
    connect(&model, &QAbstractItemModel::dataChanged, this, [&modelSignals] { ++modelSignals; });
    connect(&model, &QAbstractItemModel::layoutChanged, this, [&modelSignals] { ++modelSignals; });
    connect(&model, &QAbstractItemModel::modelReset, this, [&modelSignals] { ++modelSignals; });

    QElapsedTimer clock;
    clock.start();
    QList<Task> lastGood;
    quint64 signalsAfterApply = 0;
    qint64 snapshots = 0, failures = 0, warnings = 0, lastSnapshotAt = -1, backoffOverCap = 0;
    qint64 fullSnapshots = 0, snapshotBytes = 0;
    QStringList mismatches;
    std::map<QString, qint64> faultKinds;
    int maxReplies = 0, maxPoolThreads = 0;

    const auto checkClient = [&] {
        const TasksClient::State state = client.state();
        const bool idle = state != TasksClient::State::Fetching;
        if (idle && client.hasRequestInFlight())
            mismatches << u"a request in flight in state %1"_s.arg(int(state));
        if (scheduler.pending() > 1)
            mismatches << u"%1 timers pending"_s.arg(scheduler.pending());
        if ((state == TasksClient::State::Waiting || state == TasksClient::State::BackingOff) && scheduler.pending() != 1)
            mismatches << u"state %1 without its timer"_s.arg(int(state));
        if (state == TasksClient::State::AuthStopped && (scheduler.pending() != 0 || client.hasRequestInFlight()))
            mismatches << u"stopped, yet something is scheduled or in flight"_s;
        maxReplies = qMax(maxReplies, int(client.findChildren<QNetworkReply *>().size()));
        maxPoolThreads = qMax(maxPoolThreads, QThreadPool::globalInstance()->activeThreadCount());
    };

    connect(&client, &TasksClient::snapshotReady, this, [&](const Snapshot &snapshot) {
        ++snapshots;
        fullSnapshots += snapshot.full ? 1 : 0;
        snapshotBytes += snapshot.bytes;
        lastSnapshotAt = clock.elapsed();
        QList<ParseWarning> applied = snapshot.warnings;
        model.apply(snapshot.tasks, &applied);
        warnings += applied.size();
        if (const QString problem = modelDifferences(model, snapshot.tasks); !problem.isEmpty())
            mismatches << u"after snapshot %1: %2"_s.arg(snapshots).arg(problem);
        lastGood = snapshot.tasks;
        signalsAfterApply = modelSignals;
        checkClient();
    });
    connect(&client, &TasksClient::pollFailed, this, [&](const ApiError &error) {
        ++failures;
        const QString kind = kindKey(error);
        ++faultKinds[kind];
        // The model is untouched and still shows the last good snapshot; so does the client.
        if (modelSignals != signalsAfterApply)
            mismatches << u"the model changed on a failure (%1)"_s.arg(kind);
        if (const QString problem = modelDifferences(model, lastGood); !problem.isEmpty())
            mismatches << u"after failure %1 (%2): %3"_s.arg(failures).arg(kind, problem);
        if (snapshots > 0 && (!client.lastSnapshot() || client.lastSnapshot()->tasks != lastGood))
            mismatches << u"the client lost the last good snapshot on %1"_s.arg(kind);
        if (client.state() == TasksClient::State::BackingOff) {
            const qint64 delay = scheduler.now().msecsTo(client.nextAttemptAt());
            if (delay > config.backoffMaxMs)
                ++backoffOverCap;
        }
        checkClient();
    });
    connect(&client, &TasksClient::stateChanged, this, checkClient);
    QTimer sampler;
    connect(&sampler, &QTimer::timeout, this, checkClient);
    sampler.start(37);

    QRandomGenerator chance(4242); // the same fault pattern every run
    int cycles = 0, recoveries = 0, authStops = 0, chaosSlices = 0;
    qint64 maxRecoveryMs = 0, rssStart = 0, heapStart = 0, fdsStart = 0;

    // Every fault stops; the next good snapshot must come within the bound.
    const auto recover = [&]() -> bool {
        setFaults({});
        const qint64 stopped = clock.elapsed();
        const qint64 before = snapshots;
        if (!QTest::qWaitFor([&] { return snapshots > before; }, int(recoveryBound + 5000))) {
            qWarning("no recovery: state %d, %s", int(client.state()), qPrintable(client.lastError().message()));
            return false;
        }
        const qint64 took = lastSnapshotAt - stopped;
        maxRecoveryMs = qMax(maxRecoveryMs, took);
        ++recoveries;
        if (took > recoveryBound) {
            qWarning("recovery took %lld ms, more than %lld", took, recoveryBound);
            return false;
        }
        return true;
    };

    client.start();
    QTRY_VERIFY_WITH_TIMEOUT(snapshots > 0, 20000);
    const qint64 deadline = qint64(seconds) * 1000;
    while (clock.elapsed() < deadline || cycles < 2) {
        ++cycles;
        // 1. Chaos: errors, drops and truncation at once, with bursts of 5xx and of latency.
        for (int slice = 0; slice < 8; ++slice) {
            Demo::FaultOptions faults;
            faults.errorRate = 0.2;
            faults.dropRate = 0.1;
            faults.truncateRate = 0.1;
            const quint32 pick = chance.bounded(4);
            if (pick == 0)
                faults.errorRate = 0.9; // a burst of 500/503
            else if (pick == 1)
                faults.latencyMs = kLatencyMs; // a burst of timeouts
            setFaults(faults);
            ++chaosSlices;
            runFor(500);
        }
        // 2. Recovery, then healthy polling for a while.
        QVERIFY2(recover(), "polling did not recover within the bound after faults stopped");
        const qint64 healthyFrom = snapshots, failuresFrom = failures;
        QTRY_VERIFY2_WITH_TIMEOUT(snapshots >= healthyFrom + 3, "healthy polling stalled", 15000);
        QCOMPARE(failures, failuresFrom); // no fault without a fault injected
        QCOMPARE(client.consecutiveFailures(), 0);

        // 3. Every third cycle (the second one first, so that a short run has one): a 401 in the middle.
        if (cycles % 3 == 2) {
            Demo::FaultOptions unauthorized;
            unauthorized.unauthorizedAfter = qint64(serverRequests());
            setFaults(unauthorized);
            QTRY_COMPARE_WITH_TIMEOUT(client.state(), TasksClient::State::AuthStopped, 10000);
            ++authStops;
            QCOMPARE(client.lastError().httpStatus, 401);
            QCOMPARE(scheduler.pending(), 0);
            QVERIFY(!client.hasRequestInFlight());
            // The server would accept again, but nothing is asked until the credentials change.
            setFaults({});
            const quint64 held = serverRequests();
            runFor(int(3 * (config.pollIntervalMs + config.backoffMaxMs)));
            QCOMPARE(serverRequests(), held);
            QCOMPARE(client.state(), TasksClient::State::AuthStopped);
            // A wrong token: one request, refused, stopped again.
            QSignalSpy refused(&client, &TasksClient::pollFailed);
            client.setToken(u"not-the-token"_s);
            QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, 10000);
            QCOMPARE(client.state(), TasksClient::State::AuthStopped);
            QCOMPARE(serverRequests(), held + 1);
            ++authStops;
            // The right one: polling resumes.
            const qint64 before = snapshots;
            client.setToken(server.token());
            QTRY_VERIFY_WITH_TIMEOUT(snapshots > before, int(recoveryBound + 5000));
            ++recoveries;
        }
        if (cycles == 1) { // warmed up: every code path has run once
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
            rssStart = residentKiB();
            heapStart = heapInUseKiB();
            fdsStart = openFileDescriptors();
        }
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.mid(0, 10).join(u'\n')));
        // The trend, for long runs: memory that grows cycle after cycle is a leak.
        std::printf("cycle %d: seconds %lld, requests %lld, heap-kib %lld, rss-kib %lld\n", cycles,
                    clock.elapsed() / 1000, client.requestsSent(), heapInUseKiB(), residentKiB());
        std::fflush(stdout);
    }
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    const qint64 rssEnd = residentKiB(), heapEnd = heapInUseKiB(), fdsEnd = openFileDescriptors();
    const qint64 requests = client.requestsSent();

    client.stop();
    QVERIFY(!client.hasRequestInFlight());
    QCOMPARE(scheduler.pending(), 0);
    QTRY_COMPARE(client.findChildren<QNetworkReply *>().size(), 0);
    sampler.stop();

    std::printf("soak-seconds: %d\n", seconds);
    std::printf("cycles: %d\n", cycles);
    std::printf("requests: %lld\n", requests);
    std::printf("server-requests: %llu\n", static_cast<unsigned long long>(serverRequests()));
    std::printf("snapshots: %lld\n", snapshots);
    std::printf("full-snapshots: %lld\n", fullSnapshots); // the others were incremental, merged
    std::printf("snapshot-bytes: %lld\n", snapshotBytes);
    std::printf("faults: %lld\n", failures);
    for (const auto &[kind, count] : faultKinds)
        std::printf("faults-%s: %lld\n", qPrintable(kind), count);
    std::printf("chaos-slices: %d\n", chaosSlices);
    std::printf("auth-stops: %d\n", authStops);
    std::printf("recoveries: %d\n", recoveries);
    std::printf("max-recovery-ms: %lld (bound %lld)\n", maxRecoveryMs, recoveryBound);
    std::printf("parse-warnings: %lld\n", warnings);
    std::printf("rss-kib: %lld -> %lld\n", rssStart, rssEnd);
    std::printf("heap-kib: %lld -> %lld\n", heapStart, heapEnd);
    std::printf("fds: %lld -> %lld\n", fdsStart, fdsEnd);
    std::printf("max-pending-timers: %d\n", scheduler.maxPending());
    std::printf("max-replies: %d\n", maxReplies);
    std::printf("max-parse-threads: %d\n", maxPoolThreads);
    std::fflush(stdout);

    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.mid(0, 10).join(u'\n')));
    QCOMPARE(backoffOverCap, 0);
    QVERIFY2(requests >= 2 * seconds, qPrintable(QString::number(requests))); // hundreds of polls, not a handful
    // Every kind of fault was seen, and survived.
    for (const QString &kind : {u"http-500"_s, u"http-503"_s, u"http-401"_s, u"dropped"_s, u"truncated"_s, u"timeout"_s})
        QVERIFY2(faultKinds[kind] > 0, qPrintable(kind));
    QVERIFY(recoveries >= cycles);
    QCOMPARE(scheduler.maxPending(), 1);
    QVERIFY2(maxReplies <= 3, qPrintable(QString::number(maxReplies)));
    // Nothing grows with time: sockets, heap, resident memory (ASan's quarantine holds freed
    // memory up to 256 MiB: a looser bound there, the heap bound stays tight).
    QVERIFY2(fdsEnd <= fdsStart + 8, qPrintable(u"%1 -> %2"_s.arg(fdsStart).arg(fdsEnd)));
    QVERIFY2(heapEnd - heapStart < 24 * 1024, qPrintable(u"%1 -> %2 KiB"_s.arg(heapStart).arg(heapEnd)));
#ifdef TASKSCOPE_ASAN
    constexpr qint64 kRssGrowthKiB = 320 * 1024;
#else
    constexpr qint64 kRssGrowthKiB = 64 * 1024;
#endif
    QVERIFY2(rssEnd - rssStart < kRssGrowthKiB, qPrintable(u"%1 -> %2 KiB"_s.arg(rssStart).arg(rssEnd)));
}

QTEST_GUILESS_MAIN(TestFaultSoak)
#include "tst_faultsoak.moc"
