// The demo's catalogue: kinds of trees, topology, and the names, URIs and failures of tasks.
#include "catalogue.h"

#include "demojson.h"

#include <QRandomGenerator>
#include <QSet>

#include <algorithm>
#include <iterator>
#include <numeric>

using namespace Qt::StringLiterals;

namespace Taskscope::Demo {

namespace {

const QByteArray kZeroUuid = staticText("00000000-0000-0000-0000-000000000000");

double mid(const double (&range)[2])
{
    return (range[0] + range[1]) / 2;
}

} // namespace

// ---- Kinds of trees ------------------------------------------------------------------------------

const TreeKind kTreeKinds[] = {
    {{"astra.backup", "Backup", "Task to take a Backup for an application", Resource::Backup, 0, 0,
      FailureKind::Bucket},
     3,
     {{{"astra.backup.prep", "Backup preparation", "Task to prepare for the application backup", Resource::Backup, 5,
        30, FailureKind::Hook},
       {"astra.backup.snapshot", "Backup snapshot", "Task to snapshot the application volumes", Resource::Snapshot,
        10, 60, FailureKind::VolumeSnapshot},
       {"astra.backup.copy", "Backup copy", "Task to copy the snapshot to the bucket", Resource::Backup, 60, 600,
        FailureKind::Bucket}}},
     0.45,
     true},
    {{"astra.snapshot", "Snapshot", "Task to take a snapshot of an application", Resource::Snapshot, 10, 120,
      FailureKind::VolumeSnapshot},
     0,
     {},
     0.30,
     true},
    {{"astra.restore", "Restore", "Task to restore an application from a backup", Resource::App, 60, 900,
      FailureKind::RestoreTimeout},
     0,
     {},
     0.10,
     false},
    {{"astra.clone", "Clone", "Task to clone an application", Resource::CloneApp, 0, 0,
      FailureKind::NamespaceConflict},
     2,
     {{{"astra.clone.snapshot", "Clone snapshot", "Task to snapshot the source application for the clone",
        Resource::Snapshot, 10, 60, FailureKind::VolumeSnapshot},
       {"astra.clone.restore", "Clone restore", "Task to restore the snapshot into the new application",
        Resource::CloneApp, 60, 600, FailureKind::NamespaceConflict}}},
     0.15,
     false},
};

const TaskKind &stepKind(const TreeKind &tree, int step)
{
    return tree.subtaskCount > 0 ? tree.subtasks[size_t(step)] : tree.root;
}

int stepCount(const TreeKind &tree)
{
    return std::max(tree.subtaskCount, 1);
}

double meanTasksPerTree()
{
    double sum = 0;
    for (const TreeKind &kind : kTreeKinds)
        sum += kind.weight * (1 + kind.subtaskCount);
    return sum;
}

double meanTreeSeconds()
{
    double sum = 0;
    for (const TreeKind &kind : kTreeKinds) {
        double work = 0;
        for (int i = 0; i < stepCount(kind); ++i)
            work += (stepKind(kind, i).minSeconds + stepKind(kind, i).maxSeconds) / 2;
        // Failed and cancelled trees stop half-way on average.
        work *= 1 - (kFailProbability + kCancelProbability) / 2;
        sum += kind.weight * work;
    }
    return mid(kQueueSeconds) + sum + kPauseProbability * (mid(kPausingSeconds) + mid(kPausedSeconds))
           + kCancelProbability * mid(kCancellingSeconds);
}

double maxTreeSeconds()
{
    double longest = 0;
    for (const TreeKind &kind : kTreeKinds) {
        double work = 0;
        for (int i = 0; i < stepCount(kind); ++i)
            work += stepKind(kind, i).maxSeconds;
        longest = std::max(longest, work);
    }
    return kQueueSeconds[1] + longest + kPausingSeconds[1] + kPausedSeconds[1] + kCancellingSeconds[1];
}

// ---- Topology: clouds, clusters, namespaces, apps, users ---------------------------------------

QByteArray uuid4(QRandomGenerator &rng)
{
    quint32 words[4];
    rng.fillRange(words);
    uchar bytes[16];
    for (int i = 0; i < 16; ++i)
        bytes[i] = uchar(words[i / 4] >> (8 * (i % 4)));
    bytes[6] = uchar((bytes[6] & 0x0f) | 0x40);
    bytes[8] = uchar((bytes[8] & 0x3f) | 0x80);
    static constexpr char hex[] = "0123456789abcdef";
    QByteArray text(36, Qt::Uninitialized);
    char *p = text.data();
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            *p++ = '-';
        *p++ = hex[bytes[i] >> 4];
        *p++ = hex[bytes[i] & 0xf];
    }
    return text;
}

namespace {

struct CloudKind {
    const char *name;
    const char *cloudType;
    const char *site; // in the names of its clusters
    const char *clusterType;
};

const CloudKind kClouds[] = {
    {"aws-us-east-1", "aws", "east", "eks"},
    {"azure-westeurope", "azure", "eu", "aks"},
    {"onprem-vsphere", "private", "central", "openshift"},
    {"gcp-us-west1", "gcp", "west", "gke"},
    {"aws-ap-southeast-2", "aws", "apac", "eks"},
    {"azure-eastus2", "azure", "us", "aks"},
    {"onprem-openstack", "private", "dc2", "kubernetes"},
    {"gcp-europe-west4", "gcp", "nl", "gke"},
};

const char *const kStages[] = {"prod", "staging", "dr", "dev"};

// An app and the namespace it lives in.
struct AppKind {
    const char *name;
    const char *space;
};

const AppKind kApps[] = {
    {"postgres-orders", "orders"},       {"elastic-metrics", "metrics"},      {"kafka-events", "kafka"},
    {"redis-sessions", "sessions"},      {"wordpress-blog", "blog"},          {"mysql-billing", "billing"},
    {"mongodb-catalog", "catalog"},      {"keycloak-auth", "auth"},           {"grafana-dashboards", "monitoring"},
    {"jenkins-ci", "ci"},                {"gitlab-runner", "ci"},             {"minio-artifacts", "artifacts"},
    {"rabbitmq-queues", "messaging"},    {"cassandra-ledger", "ledger"},      {"mariadb-inventory", "inventory"},
    {"postgres-payments", "payments"},   {"redis-cache", "cache"},            {"elastic-search", "search"},
    {"mongodb-users", "users"},          {"kafka-connect", "kafka"},          {"mysql-reports", "reports"},
    {"nextcloud-files", "files"},        {"mattermost-chat", "chat"},         {"harbor-registry", "registry"},
    {"vault-secrets", "vault"},          {"postgres-analytics", "analytics"}, {"clickhouse-events", "analytics"},
    {"influxdb-telemetry", "telemetry"}, {"loki-logs", "logging"},            {"magento-shop", "shop"},
    {"odoo-erp", "erp"},                 {"mediawiki-docs", "docs"},          {"ghost-news", "news"},
    {"drupal-portal", "portal"},         {"airflow-pipelines", "airflow"},    {"jupyter-notebooks", "notebooks"},
    {"superset-bi", "bi"},               {"nats-streams", "nats"},            {"couchdb-sync", "sync"},
    {"neo4j-graph", "graph"},
};

// `base`, or `base-2`, `base-3`... whichever `taken` does not hold yet; then taken.
QByteArray uniqueName(const QByteArray &base, QSet<QByteArray> &taken)
{
    QByteArray name = base;
    for (int n = 2; taken.contains(name); ++n)
        name = base + '-' + QByteArray::number(n);
    taken.insert(name);
    return name;
}

QByteArray drawProtectionState(QRandomGenerator &rng)
{
    const double roll = rng.generateDouble();
    return staticText(roll < 0.6 ? "protected" : roll < 0.75 ? "partial" : roll < 0.9 ? "none" : "atRisk");
}

} // namespace

Topology makeTopology(QRandomGenerator &rng, int targetTasks)
{
    Topology topo;
    QSet<QByteArray> taken; // cloud, cluster and app names
    const int cloudCount = std::clamp(3 + targetTasks / 20000, 3, 8);
    for (int i = 0; i < cloudCount; ++i) {
        const CloudKind &kind = kClouds[size_t(i) % std::size(kClouds)];
        topo.clouds.push_back({uuid4(rng), uniqueName(kind.name, taken), staticText(kind.cloudType)});
    }

    const int clusterCount = std::clamp(4 + targetTasks / 4000, 4, 24);
    for (int i = 0; i < clusterCount; ++i) {
        const CloudKind &kind = kClouds[size_t(i % cloudCount) % std::size(kClouds)];
        const QByteArray base = QByteArray(kStages[i % std::size(kStages)]) + '-' + kind.site;
        topo.clusters.push_back({uuid4(rng), uniqueName(base, taken), i % cloudCount, staticText(kind.clusterType)});
    }

    // Namespace names are unique per cluster (as in Kubernetes): an app's own, else the app's name.
    std::vector<QSet<QByteArray>> spaces(static_cast<size_t>(clusterCount));
    auto addNamespace = [&](int cluster, const QByteArray &name) {
        topo.namespaces.push_back({uuid4(rng), uniqueName(name, spaces[size_t(cluster)]), cluster});
        return int(topo.namespaces.size() - 1);
    };

    // The same kinds of apps in another order for every seed; past the list, numbered.
    std::vector<int> order(std::size(kApps));
    std::iota(order.begin(), order.end(), 0);
    for (size_t i = order.size() - 1; i > 0; --i)
        std::swap(order[i], order[rng.bounded(quint32(i + 1))]);
    const int appCount = std::clamp(targetTasks / 25, 8, 4000);
    for (int i = 0; i < appCount; ++i) {
        const AppKind &kind = kApps[size_t(order[size_t(i) % order.size()])];
        App app;
        app.id = uuid4(rng);
        app.name = uniqueName(kind.name, taken);
        app.cluster = int(rng.bounded(quint32(clusterCount)));
        const QByteArray space = spaces[size_t(app.cluster)].contains(kind.space) ? app.name : QByteArray(kind.space);
        app.namespaces.push_back(addNamespace(app.cluster, space));
        if (rng.generateDouble() < 0.2)
            app.namespaces.push_back(addNamespace(app.cluster, topo.namespaces.back().name + "-db"));
        app.protectionState = drawProtectionState(rng);
        topo.apps.push_back(std::move(app));
    }

    // Where each app is cloned to: "<name>-clone", in a namespace of that name, on another cluster.
    for (const App &source : topo.apps) {
        App clone;
        clone.id = uuid4(rng);
        clone.name = uniqueName(source.name + "-clone", taken);
        clone.cluster = (source.cluster + 1 + int(rng.bounded(quint32(clusterCount - 1)))) % clusterCount;
        clone.namespaces.push_back(addNamespace(clone.cluster, source.name + "-clone"));
        clone.protectionState = staticText("none");
        topo.clones.push_back(std::move(clone));
    }

    for (int i = 0; i < 5; ++i)
        topo.users.push_back(uuid4(rng));
    return topo;
}

// ---- The tasks of a tree: names, URIs, labels, realistic stateDetails -------------------------

namespace {

// `cloneNamespace`: the namespace a clone of the app goes to.
std::shared_ptr<const StateDetail> makeFailure(QRandomGenerator &rng, FailureKind kind, const App &app,
                                               const Cluster &cluster, const QByteArray &cloneNamespace,
                                               qint64 whenUs)
{
    auto detail = std::make_shared<StateDetail>();
    auto problem = [](int n) -> QByteArray { return "https://astra.netapp.io/problems/" + QByteArray::number(n); };
    const double clusterRoll = rng.generateDouble();
    const int number = int(rng.bounded(1, 100));
    const QString appName = QString::fromLatin1(app.name);
    const QString clusterName = QString::fromLatin1(cluster.name);
    if (clusterRoll < 0.15) {
        detail->type = problem(72);
        detail->title = "Cluster unreachable";
        detail->detail = u"Cluster '%1' has not reported for %2 s; the task was aborted."_s.arg(clusterName)
                             .arg(300 + number * 3)
                             .toUtf8();
        detail->additionalDetails = {{u"clusterID"_s, QString::fromLatin1(cluster.id)},
                                     {u"clusterName"_s, clusterName},
                                     {u"lastSeen"_s, QString::fromLatin1(Json::timestamp(whenUs - 300'000'000))}};
        return detail;
    }
    switch (kind) {
    case FailureKind::Hook: {
        static const char *const hooks[] = {"quiesce-db", "flush-tables", "pre-snapshot", "freeze-fs"};
        const QString hook = QString::fromLatin1(hooks[number % 4]);
        const QString container = appName.section(u'-', 0, 0);
        detail->type = problem(61);
        detail->title = "Execution hook failed";
        detail->detail = u"Execution hook '%1' exited with status %2 in container '%3' of app '%4'."_s.arg(hook)
                             .arg(number % 3 + 1)
                             .arg(container, appName)
                             .toUtf8();
        detail->additionalDetails = {{u"hookName"_s, hook},
                                     {u"container"_s, container},
                                     {u"exitCode"_s, number % 3 + 1},
                                     {u"appName"_s, appName}};
        break;
    }
    case FailureKind::VolumeSnapshot: {
        const QString pvc = u"pvc-"_s + QString::fromLatin1(uuid4(rng));
        const QString pool = u"aggr%1_ssd"_s.arg(number % 4 + 1);
        detail->type = problem(58);
        detail->title = "Volume snapshot failed";
        detail->detail = u"The CSI driver 'csi.trident.netapp.io' could not snapshot volume '%1': storage pool '%2' "
                         u"is out of space."_s.arg(pvc, pool)
                             .toUtf8();
        detail->additionalDetails = {{u"pvcName"_s, pvc},
                                     {u"storagePool"_s, pool},
                                     {u"driver"_s, u"csi.trident.netapp.io"_s},
                                     {u"requestedBytes"_s, double(qint64(number) * 1'073'741'824)}};
        break;
    }
    case FailureKind::Bucket: {
        static const char *const endpoints[] = {"s3.eu-west-1.amazonaws.com", "storage.googleapis.com",
                                                "minio.backup.svc:9000", "blob.core.windows.net"};
        const QString bucket = u"astra-backups-"_s + appName.section(u'-', 1, 1);
        detail->type = problem(47);
        detail->title = "Bucket unreachable";
        detail->detail = u"The object store bucket '%1' did not answer within 300 s."_s.arg(bucket).toUtf8();
        detail->additionalDetails = {{u"bucketID"_s, QString::fromLatin1(uuid4(rng))},
                                     {u"bucketName"_s, bucket},
                                     {u"endpoint"_s, QString::fromLatin1(endpoints[number % 4])},
                                     {u"attempts"_s, number % 5 + 1}};
        break;
    }
    case FailureKind::RestoreTimeout: {
        const int desired = number % 6 + 2;
        detail->type = problem(63);
        detail->title = "Restore timed out";
        detail->detail =
            u"Pods of app '%1' did not become ready within 900 s after the restore (%2 of %3 ready)."_s.arg(appName)
                .arg(desired - 1)
                .arg(desired)
                .toUtf8();
        detail->additionalDetails = {{u"timeoutSeconds"_s, 900},
                                     {u"readyPods"_s, desired - 1},
                                     {u"desiredPods"_s, desired}};
        break;
    }
    case FailureKind::NamespaceConflict: {
        const QString ns = QString::fromLatin1(cloneNamespace);
        detail->type = problem(65);
        detail->title = "Namespace already exists";
        detail->detail = u"Namespace '%1' already exists on cluster '%2' and is not empty."_s.arg(ns, clusterName)
                             .toUtf8();
        detail->additionalDetails = {{u"namespace"_s, ns}, {u"clusterID"_s, QString::fromLatin1(cluster.id)}};
        break;
    }
    }
    return detail;
}

} // namespace

namespace {

// Where `app` lives, seen from one of its namespaces: .../clouds/C/clusters/CL/namespaces/NS/apps/APP.
QByteArray topologyUri(const QByteArray &account, const Topology &topology, const App &app, int space)
{
    const Cluster &cluster = topology.clusterOf(app);
    return "/accounts/" + account + "/topology/v1/clouds/" + topology.cloudOf(cluster).id + "/clusters/" + cluster.id
           + "/namespaces/" + topology.namespaces[size_t(space)].id + "/apps/" + app.id;
}

} // namespace

TreeTasks describeTree(QRandomGenerator &rng, const TreePlan &plan, const Topology &topology,
                       const QByteArray &account)
{
    const TreeKind &kind = kTreeKinds[plan.kind];
    const App &app = topology.apps[size_t(plan.app)];
    const App &clone = topology.clones[size_t(plan.app)];
    const QByteArray user = topology.users[size_t(plan.user)];

    const QByteArray backupId = uuid4(rng);
    const QByteArray snapshotId = uuid4(rng);

    auto identityFor = [&](const TaskKind &taskKind, int orderHint) {
        auto identity = std::make_shared<TaskIdentity>();
        identity->id = uuid4(rng);
        identity->name = staticText(taskKind.name);
        identity->summary = staticText(taskKind.summary);
        identity->description = staticText(taskKind.description);
        identity->userId = user;
        identity->createdBy = plan.scheduled ? kZeroUuid : user;
        identity->creationUs = plan.created;
        identity->orderHint = orderHint;
        const QByteArray appUri = "/accounts/" + account + "/k8s/v1/apps/" + app.id;
        switch (taskKind.resource) {
        case Resource::Backup:
        case Resource::Snapshot: {
            const bool backup = taskKind.resource == Resource::Backup;
            identity->resourceId = backup ? backupId : snapshotId;
            const QByteArray tail = (backup ? "/appBackups/" : "/appSnaps/") + identity->resourceId;
            identity->resourceUri = appUri + tail;
            for (int space : app.namespaces)
                identity->resourceCollectionUris.append(topologyUri(account, topology, app, space) + tail);
            break;
        }
        case Resource::App:
            identity->resourceId = app.id;
            identity->resourceUri = appUri;
            for (int space : app.namespaces)
                identity->resourceCollectionUris.append(topologyUri(account, topology, app, space));
            break;
        case Resource::CloneApp:
            identity->resourceId = clone.id;
            identity->resourceUri = "/accounts/" + account + "/k8s/v1/apps/" + clone.id;
            identity->resourceCollectionUris.append(topologyUri(account, topology, clone, clone.namespaces.front()));
            break;
        }
        return identity;
    };

    TreeTasks tasks;
    auto root = identityFor(kind.root, 0);
    root->labels.append({staticText("app"), app.name});
    if (plan.scheduled)
        root->labels.append({staticText("schedule"), staticText(plan.daily ? "daily" : "hourly")});
    tasks.identities.push_back(root);
    for (int i = 0; i < kind.subtaskCount; ++i) {
        auto sub = identityFor(kind.subtasks[size_t(i)], i);
        sub->parentTaskId = root->id;
        tasks.identities.push_back(sub);
    }
    if (plan.outcome == TaskState::Failed) {
        const TaskKind &failed = stepKind(kind, plan.termStep);
        const bool cloned = failed.resource == Resource::CloneApp;
        const Namespace &target = topology.namespaces[size_t(clone.namespaces.front())];
        tasks.failure = makeFailure(rng, failed.failure, app, topology.clusterOf(cloned ? clone : app), target.name,
                                    plan.end);
    }
    return tasks;
}

} // namespace Taskscope::Demo
