// Names instead of ids: the NameDirectory against a scripted server (paging, include, errors,
// security, refresh rules), and what the model, the filter and the diff make of its names.
#include "filterevaluator.h"
#include "modelcheck.h"
#include "namedirectory.h"
#include "scheduler.h"
#include "snapshotdiff.h"
#include "taskfilterproxymodel.h"
#include "taskspec.h"
#include "tasksclient.h"
#include "tasktreemodel.h"
#include "testhttpserver.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace Taskscope;
using namespace Taskscope::TestSpec;
using namespace Qt::StringLiterals;

namespace {

const QString kToken = u"names-secret-token"_s;
const QString kAppUri = u"/accounts/A/topology/v1/clouds/C1/clusters/K1/namespaces/N1/apps/APP1/appBackups/B1"_s;

QByteArray list(const QByteArray &items, const QByteArray &continueToken = {})
{
    const QByteArray metadata = continueToken.isEmpty() ? QByteArray("{}") : QByteArray(R"({"continue":")" + continueToken + R"("})");
    return R"({"type":"application/astra-x","version":"1.0","items":[)" + items + R"(],"metadata":)" + metadata + "}";
}

QByteArray problem(int status, const char *title)
{
    // (Plain literals: moc misreads some raw strings.)
    return "{\"type\":\"https://astra.netapp.io/problems/x\",\"title\":\"" + QByteArray(title) + "\",\"status\":\""
        + QByteArray::number(status) + "\"}";
}

// A server that answers the four lists; `override` answers first when it returns a status.
struct NamesServer
{
    TestHttpServer http;
    std::function<std::optional<TestHttpServer::Response>(const QByteArray &path, const QUrlQuery &query)> override;

    NamesServer()
    {
        http.setHandler([this](const TestHttpServer::Request &request) {
            const QUrl url(QString::fromLatin1(request.target));
            const QByteArray path = url.path().toLatin1();
            const QUrlQuery query(url);
            if (override) {
                if (auto answer = override(path, query))
                    return *answer;
            }
            if (path.endsWith("/k8s/v2/apps")) {
                // Two pages; items as arrays in the include order (id,name,clusterName,clusterID).
                if (query.queryItemValue(u"continue"_s, QUrl::FullyDecoded) == u"p+2/="_s)
                    return TestHttpServer::json(200, list(R"(["APP2","postgres-orders","prod-west","K2"])"));
                return TestHttpServer::json(200, list(R"(["APP1","elastic-metrics","prod-east","K1"],[null,"no-id",null,null])", "p+2/="));
            }
            if (path.endsWith("/topology/v1/clusters")) // a server that ignores include: objects
                return TestHttpServer::json(200, list(R"({"id":"K1","name":"prod-east-1","cloudID":"C1"})"));
            if (path.endsWith("/topology/v1/clouds"))
                return TestHttpServer::json(200, list(R"(["C1","aws-us-east-1"])"));
            if (path.endsWith("/topology/v1/namespaces"))
                return TestHttpServer::json(200, list(R"(["N1","metrics"])"));
            return TestHttpServer::json(404, problem(404, "Collection not found"), "application/problem+json");
        });
    }
};

ConnectionConfig configFor(const QUrl &url)
{
    ConnectionConfig config;
    config.baseUrl = url;
    config.accountId = u"A"_s;
    return config;
}

PageFetcher::Rules rulesWithToken()
{
    PageFetcher::Rules rules;
    rules.token = kToken;
    rules.transferTimeoutMs = 5'000;
    return rules;
}

Task placedTask(const QString &id, const QString &uri, const QString &parent = {})
{
    Task t = makeTask(id, parent);
    t.resourceURI = uri;
    seal(t);
    return t;
}

} // namespace

class TestNameDirectory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { m_scheduler = std::make_unique<ManualScheduler>(QDateTime::currentDateTimeUtc()); }

    // Every list, every page, with the token, `include` and the continue token percent-encoded.
    void readsEveryListAndPage()
    {
        NamesServer server;
        NameDirectory names(m_scheduler.get());
        names.setConnection(configFor(server.http.url()), rulesWithToken());
        QSignalSpy changed(&names, &NameDirectory::namesChanged);
        QSignalSpy finished(&names, &NameDirectory::roundFinished);
        names.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10'000);
        QCOMPARE(changed.count(), 1);
        const NameTable &table = *names.table();
        QCOMPARE(table.name(NameKind::App, u"APP1"_s), u"elastic-metrics"_s);
        QCOMPARE(table.name(NameKind::App, u"APP2"_s), u"postgres-orders"_s);
        QCOMPARE(table.count(NameKind::App), 2); // the item without an id is skipped
        QCOMPARE(table.name(NameKind::Cluster, u"K1"_s), u"prod-east-1"_s); // the clusters list wins over the apps'
        QCOMPARE(table.name(NameKind::Cluster, u"K2"_s), u"prod-west"_s);   // known from the apps list alone
        QCOMPARE(table.name(NameKind::Cloud, u"C1"_s), u"aws-us-east-1"_s);
        QCOMPARE(table.name(NameKind::Namespace, u"N1"_s), u"metrics"_s);
        QVERIFY(names.problem().isEmpty());

        const QList<TestHttpServer::Request> &requests = server.http.requests();
        QCOMPARE(requests.size(), 5);
        for (const auto &request : requests) {
            QCOMPARE(request.headers.value("authorization"), "Bearer " + kToken.toLatin1());
            QVERIFY2(request.target.contains("include=id,name"), request.target.constData());
        }
        QVERIFY2(requests.at(0).target.contains("include=id,name,clusterName,clusterID"), requests.at(0).target.constData());
        QVERIFY2(requests.at(1).target.contains("continue=p%2B2%2F%3D"), requests.at(1).target.constData());
    }

    // A list that fails costs only its names: the others come, the reason is kept per list, and
    // the names a list had stay when it fails later.
    void failuresKeepWhatWasKnownAndSayWhy()
    {
        NamesServer server;
        NameDirectory names(m_scheduler.get());
        names.setConnection(configFor(server.http.url()), rulesWithToken());
        QSignalSpy finished(&names, &NameDirectory::roundFinished);
        names.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10'000);
        QCOMPARE(names.table()->name(NameKind::App, u"APP1"_s), u"elastic-metrics"_s);

        server.override = [](const QByteArray &path, const QUrlQuery &) -> std::optional<TestHttpServer::Response> {
            if (path.endsWith("/apps"))
                return TestHttpServer::json(403, problem(403, "Operation not permitted"), "application/problem+json");
            if (path.endsWith("/clouds"))
                return TestHttpServer::json(200, "{\"items\": [1, 2"); // cut short
            if (path.endsWith("/namespaces"))
                return TestHttpServer::json(200, list(R"(["N1","metrics-v2"])"));
            return std::nullopt;
        };
        QSignalSpy problemChanged(&names, &NameDirectory::problemChanged);
        m_scheduler->advance(names.refreshInterval());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 10'000);
        QCOMPARE(problemChanged.count(), 1);
        const QStringList lines = names.problem().split(u'\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(0).startsWith(NameDirectory::tr("App names")) && lines.at(0).contains(u"403"), qPrintable(lines.at(0)));
        QVERIFY2(lines.at(1).startsWith(NameDirectory::tr("Cloud names")), qPrintable(lines.at(1)));
        QVERIFY(!names.problem().contains(kToken));
        QCOMPARE(names.table()->name(NameKind::App, u"APP1"_s), u"elastic-metrics"_s); // kept
        QCOMPARE(names.table()->name(NameKind::Cloud, u"C1"_s), u"aws-us-east-1"_s);    // kept
        QCOMPARE(names.table()->name(NameKind::Namespace, u"N1"_s), u"metrics-v2"_s);   // fresh

        server.override = {};
        m_scheduler->advance(names.refreshInterval());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 10'000);
        QVERIFY(names.problem().isEmpty()); // all back
    }

    // A repeated continue token ends that list with an error instead of a loop.
    void repeatedContinueTokenIsAnError()
    {
        NamesServer server;
        server.override = [](const QByteArray &path, const QUrlQuery &) -> std::optional<TestHttpServer::Response> {
            if (path.endsWith("/namespaces"))
                return TestHttpServer::json(200, list(R"(["N1","metrics"])", "again"));
            return std::nullopt;
        };
        NameDirectory names(m_scheduler.get());
        names.setConnection(configFor(server.http.url()), rulesWithToken());
        QSignalSpy finished(&names, &NameDirectory::roundFinished);
        names.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10'000);
        QVERIFY2(names.problem().startsWith(NameDirectory::tr("Namespace names")), qPrintable(names.problem()));
        QCOMPARE(names.table()->count(NameKind::Namespace), 0);
        QCOMPARE(names.table()->name(NameKind::App, u"APP1"_s), u"elastic-metrics"_s);
    }

    // The names lists obey the tasks' security rules: a redirect to another origin is refused and
    // the token never reaches it.
    void crossOriginRedirectIsRefused()
    {
        TestHttpServer elsewhere;
        elsewhere.setHandler([](const TestHttpServer::Request &) { return TestHttpServer::json(200, list({})); });
        NamesServer server;
        server.override = [&elsewhere](const QByteArray &path, const QUrlQuery &) -> std::optional<TestHttpServer::Response> {
            if (path.endsWith("/clouds"))
                return TestHttpServer::redirect(elsewhere.url(u"/accounts/A/topology/v1/clouds"_s));
            return std::nullopt;
        };
        NameDirectory names(m_scheduler.get());
        names.setConnection(configFor(server.http.url()), rulesWithToken());
        QSignalSpy finished(&names, &NameDirectory::roundFinished);
        names.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10'000);
        QVERIFY(names.problem().startsWith(NameDirectory::tr("Cloud names")));
        QVERIFY(elsewhere.requests().isEmpty());
        QCOMPARE(names.table()->name(NameKind::Namespace, u"N1"_s), u"metrics"_s);
    }

    // Rounds: every refreshInterval(); an unknown id brings the next one forward, but never sooner
    // than unknownGap() after the last began, and only once however often it is noted.
    void unknownIdsAskAgainAtMostOncePerGap()
    {
        NamesServer server;
        NameDirectory names(m_scheduler.get());
        names.setConnection(configFor(server.http.url()), rulesWithToken());
        QSignalSpy finished(&names, &NameDirectory::roundFinished);
        names.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10'000);
        QCOMPARE(m_scheduler->nextDelay(), names.refreshInterval());

        m_scheduler->advance(10'000);
        names.noteUnknownIds();
        names.noteUnknownIds();
        QCOMPARE(m_scheduler->pendingCount(), 1);
        QCOMPARE(m_scheduler->nextDelay(), names.unknownGap() - 10'000);
        m_scheduler->advance(names.unknownGap() - 10'000 - 1);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(server.http.requests().size(), 5);
        m_scheduler->advance(1);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 10'000);
        QCOMPARE(server.http.requests().size(), 10);
        QCOMPARE(m_scheduler->nextDelay(), names.refreshInterval()); // back to the slow rhythm

        names.stop();
        QCOMPARE(m_scheduler->pendingCount(), 0);
        names.noteUnknownIds(); // stopped: nothing
        QCOMPARE(m_scheduler->pendingCount(), 0);
    }

    // Another account's names are forgotten at once; new names come from the new account.
    void anotherAccountForgetsTheNames()
    {
        NamesServer server;
        NameDirectory names(m_scheduler.get());
        names.setConnection(configFor(server.http.url()), rulesWithToken());
        QSignalSpy finished(&names, &NameDirectory::roundFinished);
        names.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10'000);
        QVERIFY(!names.table()->isEmpty());
        QSignalSpy changed(&names, &NameDirectory::namesChanged);
        ConnectionConfig other = configFor(server.http.url());
        other.accountId = u"B"_s;
        names.setConnection(other, rulesWithToken());
        QCOMPARE(changed.count(), 1);
        QVERIFY(names.table()->isEmpty());
        // The same account again (a new token, say): the names stay.
        names.setConnection(other, rulesWithToken());
        QCOMPARE(changed.count(), 1);
    }

    // Names failing never stop task polling.
    void taskPollingGoesOnWhenNamesFail()
    {
        TestHttpServer server;
        server.setHandler([](const TestHttpServer::Request &request) {
            if (request.target.contains("/core/v1/tasks"))
                return TestHttpServer::json(200, list(taskJson(u"t1"_s)));
            return TestHttpServer::json(500, problem(500, "Internal server error"), "application/problem+json");
        });
        TasksClient client;
        client.setNamesEnabled(true);
        client.setConnection(configFor(server.url()), kToken);
        QSignalSpy snapshots(&client, &TasksClient::snapshotReady);
        QSignalSpy namesFinished(client.names(), &NameDirectory::roundFinished);
        client.start();
        QTRY_VERIFY_WITH_TIMEOUT(snapshots.count() >= 1 && namesFinished.count() >= 1, 10'000);
        QVERIFY(!client.lastError().isError());
        QCOMPARE(client.names()->problem().split(u'\n').size(), 4);
        QVERIFY(client.names()->problem().contains(u"500"));
        client.stop();
        QVERIFY(!client.names()->isActive());
    }

    // Refused credentials pause the names with the tasks; a new token starts both again.
    void refusedCredentialsPauseTheNames()
    {
        TestHttpServer server;
        server.setHandler([](const TestHttpServer::Request &request) {
            if (request.headers.value("authorization") != "Bearer good")
                return TestHttpServer::json(401, problem(401, "Invalid bearer token"), "application/problem+json");
            return TestHttpServer::json(200, list(request.target.contains("/core/v1/tasks") ? taskJson(u"t1"_s) : QByteArray()));
        });
        TasksClient client;
        client.setNamesEnabled(true);
        client.setConnection(configFor(server.url()), u"bad"_s);
        QSignalSpy snapshots(&client, &TasksClient::snapshotReady);
        client.start();
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), TasksClient::State::AuthStopped, 10'000);
        QVERIFY(!client.names()->isActive());
        QSignalSpy finished(client.names(), &NameDirectory::roundFinished);
        client.setToken(u"good"_s);
        QVERIFY(client.names()->isActive());
        QTRY_VERIFY_WITH_TIMEOUT(snapshots.count() == 1 && finished.count() >= 1, 10'000);
        QVERIFY2(client.names()->problem().isEmpty(), qPrintable(client.names()->problem()));
    }

    // The model shows names (ids in the tooltip), else the task's labels, else the short id; a
    // new table announces the name columns of every row.
    void modelShowsNamesThenLabelsThenShortIds()
    {
        TaskTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        Task labelled = placedTask(u"labelled"_s, u"/accounts/A/topology/v1/clouds/C9/clusters/K9/namespaces/N9/apps/3f0b6c2e-1111-4222-8333-944445555666/appBackups/B2"_s);
        labelled.metadata.labels = {{u"app"_s, u"from-label"_s}};
        model.apply({placedTask(u"top"_s, kAppUri), placedTask(u"child"_s, kAppUri, u"top"_s), labelled});
        const QModelIndex top = model.indexForId(u"top"_s, TaskTreeModel::AppColumn);
        QCOMPARE(top.data().toString(), u"APP1"_s); // short ids are shown whole
        const QModelIndex unnamed = model.indexForId(u"labelled"_s, TaskTreeModel::ClusterColumn);
        QCOMPARE(unnamed.data().toString(), u"K9"_s);
        QCOMPARE(model.indexForId(u"labelled"_s, TaskTreeModel::AppColumn).data().toString(), u"from-label"_s);

        auto table = std::make_shared<NameTable>();
        table->insert(NameKind::App, u"APP1"_s, u"elastic-metrics"_s);
        table->insert(NameKind::Cluster, u"K1"_s, u"prod-east"_s);
        QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy namesChanged(&model, &TaskTreeModel::namesChanged);
        model.setNames(table);
        QCOMPARE(namesChanged.count(), 1);
        QCOMPARE(dataChanged.count(), 2); // the top level, and the one parent with children
        for (const auto &args : dataChanged) {
            QCOMPARE(args.at(0).value<QModelIndex>().column(), int(TaskTreeModel::AppColumn));
            QCOMPARE(args.at(1).value<QModelIndex>().column(), int(TaskTreeModel::NamespaceColumn));
        }
        QCOMPARE(top.data().toString(), u"elastic-metrics"_s);
        QVERIFY(top.data(Qt::ToolTipRole).toString().contains(u"APP1"_s));
        QCOMPARE(model.indexForId(u"child"_s, TaskTreeModel::ClusterColumn).data().toString(), u"prod-east"_s);
        QCOMPARE(model.indexForId(u"labelled"_s, TaskTreeModel::AppColumn).data().toString(), u"from-label"_s);
        QCOMPARE(top.data(TaskTreeModel::PlaceNameRole).toString(), u"elastic-metrics"_s);

        // An id no one names: the short id, and the tooltip says why.
        model.setNamesMissingWhy(u"App names: HTTP 403"_s);
        Task unknown = placedTask(u"unknown"_s, u"/accounts/A/k8s/v1/apps/7c8bef49-697e-4fb4-810c-675cef4cf6c9/appBackups/B"_s);
        model.apply({placedTask(u"top"_s, kAppUri), placedTask(u"child"_s, kAppUri, u"top"_s), labelled, unknown});
        const QModelIndex shortened = model.indexForId(u"unknown"_s, TaskTreeModel::AppColumn);
        QCOMPARE(shortened.data().toString(), u"7c8bef49…"_s);
        QVERIFY(shortened.data(Qt::ToolTipRole).toString().contains(u"7c8bef49-697e-4fb4-810c-675cef4cf6c9"_s));
        QVERIFY(shortened.data(Qt::ToolTipRole).toString().contains(u"App names: HTTP 403"_s));

        // The same names again: no signal.
        dataChanged.clear();
        model.setNames(std::make_shared<NameTable>(*table));
        QCOMPARE(dataChanged.count(), 0);
    }

    // appName and the like filter by name (the table's, else the labels'), and the proxy filters
    // again when the names arrive.
    void nameFieldsFilterByName()
    {
        TaskTreeModel model;
        TaskFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.apply({placedTask(u"a"_s, kAppUri), placedTask(u"b"_s, u"/accounts/A/k8s/v1/apps/APP2/appBackups/B"_s)});
        QVERIFY(proxy.setFilterText(u"appName eq 'elastic-metrics' or clusterName in 'EAST'"_s));
        QCOMPARE(proxy.rowCount(), 0); // no names yet
        QVERIFY(proxy.predicate().readsNames());
        QVERIFY(!FilterPredicate().readsNames());

        auto table = std::make_shared<NameTable>();
        table->insert(NameKind::App, u"APP1"_s, u"elastic-metrics"_s);
        QSignalSpy filterChanged(&proxy, &TaskFilterProxyModel::filterChanged);
        QObject::connect(&model, &TaskTreeModel::namesChanged, &proxy, &TaskFilterProxyModel::refreshNames);
        model.setNames(table);
        QCOMPARE(filterChanged.count(), 1);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data(TaskTreeModel::IdRole).toString(), u"a"_s);

        // The filter fields are derived: never sent to a server.
        const FilterParseResult parsed = parseFilter(u"namespaceName eq 'metrics'"_s);
        QVERIFY(parsed.ok());
        QVERIFY(filterFieldInfo(FilterField::NamespaceName).derived);
    }

    // The Problem column: a task's own first reason, or a parent's first failed subtask's; the
    // tooltip lists every reason; a completed task shows none.
    void problemColumnShowsTheReason()
    {
        TaskTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        const auto failed = [](const QString &id, const QString &parent, const QString &title) {
            Task t = makeTask(id, parent);
            t.state = TaskState::Failed;
            t.stateText = u"failed"_s;
            t.stateDetails = {{u"error"_s, title, u"storage pool 'aggr2_ssd' is out of space"_s, {}},
                              {u"error"_s, u"Retry later"_s, u"second"_s, {}}};
            seal(t);
            t.rawJson.insert(1, "\"details\":\"" + title.toUtf8() + "\",");
            return t;
        };
        Task done = failed(u"done"_s, {}, u"Old problem"_s);
        done.state = TaskState::Completed;
        done.stateText = u"completed"_s;
        done.rawJson.insert(1, "\"c\":1,");
        const QList<Task> running = {makeTask(u"root"_s), makeTask(u"prep"_s, u"root"_s), makeTask(u"copy"_s, u"root"_s), done};
        model.apply(running);
        const auto problemOf = [&](const QString &id) { return model.indexForId(id, TaskTreeModel::ProblemColumn).data().toString(); };
        QCOMPARE(problemOf(u"root"_s), QString());
        QCOMPARE(problemOf(u"done"_s), QString()); // completed: details are not a problem

        // A subtask fails: its own cell and its parent's change, in one poll.
        QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
        QList<Task> next = running;
        next[2] = failed(u"copy"_s, u"root"_s, u"Out of space"_s);
        model.apply(next);
        QCOMPARE(problemOf(u"copy"_s), u"Out of space"_s);
        QCOMPARE(problemOf(u"root"_s), u"Out of space"_s);
        // Whether a dataChanged since the spy was cleared covered `id`'s Problem cell.
        const auto announced = [&](const QString &id) {
            const QModelIndex cell = model.indexForId(id, TaskTreeModel::ProblemColumn);
            for (const auto &args : dataChanged) {
                const QModelIndex from = args.at(0).value<QModelIndex>(), to = args.at(1).value<QModelIndex>();
                if (from.parent() == cell.parent() && from.row() <= cell.row() && cell.row() <= to.row()
                    && from.column() <= cell.column() && cell.column() <= to.column())
                    return true;
            }
            return false;
        };
        QVERIFY(announced(u"root"_s));
        const QString tip = model.indexForId(u"root"_s, TaskTreeModel::ProblemColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(u"storage pool 'aggr2_ssd' is out of space"_s) && tip.contains(u"Retry later: second"_s), qPrintable(tip));
        const QString badgeTip = model.indexForId(u"copy"_s, TaskTreeModel::StateColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(badgeTip.contains(u"Out of space"_s), qPrintable(badgeTip));

        // The failed subtask moves to another parent: the old parent's problem goes, the new one's comes.
        QList<Task> moved = next;
        moved.append(makeTask(u"other"_s));
        model.apply(moved);
        QCOMPARE(problemOf(u"other"_s), QString());
        moved[2] = failed(u"copy"_s, u"other"_s, u"Out of space"_s);
        dataChanged.clear();
        model.apply(moved);
        QCOMPARE(problemOf(u"root"_s), QString());
        QCOMPARE(problemOf(u"other"_s), u"Out of space"_s);
        QVERIFY(announced(u"root"_s));
        QVERIFY(announced(u"other"_s));

        // The failed subtask goes: the parent's problem goes with it.
        model.apply(next);
        QCOMPARE(problemOf(u"root"_s), u"Out of space"_s);
        dataChanged.clear();
        model.apply(running.mid(0, 2) + running.mid(3));
        QCOMPARE(problemOf(u"root"_s), QString());
        QVERIFY(!dataChanged.isEmpty());
    }

    // The plan says whether new tasks name ids the table does not know.
    void plansFindUnknownIds()
    {
        const QList<Task> tasks = {placedTask(u"a"_s, kAppUri)};
        const ChangePlan plan = SnapshotDiff::compute(nullptr, tasks, {}, {});
        QVERIFY(NameDirectory::hasUnknownIds(plan, nullptr));
        auto table = std::make_shared<NameTable>();
        for (const auto &[kind, id] : {std::pair{NameKind::App, u"APP1"_s}, {NameKind::Cluster, u"K1"_s},
                                       {NameKind::Cloud, u"C1"_s}})
            table->insert(kind, id, u"x"_s);
        QVERIFY(NameDirectory::hasUnknownIds(plan, table)); // the namespace is not known
        table->insert(NameKind::Namespace, u"N1"_s, u"n"_s);
        QVERIFY(!NameDirectory::hasUnknownIds(plan, table));
        // Only new tasks are looked at: a second poll of the same task finds nothing new.
        auto newTable = std::make_shared<NameTable>();
        const ChangePlan again = SnapshotDiff::compute(plan.forest, tasks, {}, {});
        QVERIFY(!NameDirectory::hasUnknownIds(again, newTable));
    }

private:
    std::unique_ptr<ManualScheduler> m_scheduler;
};

QTEST_GUILESS_MAIN(TestNameDirectory)
#include "tst_namedirectory.moc"
