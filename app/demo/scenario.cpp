// Scenario: the demo server's deterministic task simulator.
//
// Every tree of tasks is planned entirely when it is scheduled, from a random generator seeded by
// (seed, tree index): its start, the work of each step, an optional pause, and how it ends. The
// state of any task at any time is then a pure function of the plan and the time, so the list at a
// given time does not depend on how often the clock was advanced. A priority queue holds, per
// live tree, the next time its observable state changes; advancing touches only those trees, and
// only tasks whose fields change get a new record (and JSON).
#include "scenario.h"

#include "demojson.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <iterator>
#include <map>
#include <queue>

using namespace Qt::StringLiterals;

namespace Taskscope::Demo {

namespace {

constexpr qint64 kUsPerSecond = 1'000'000;
constexpr double kQuantum = 0.25; // percentDone moves in quarter percents, like 20.25 in the reference example

QByteArray raw(const char *text)
{
    return QByteArray::fromRawData(text, qsizetype(qstrlen(text)));
}

const QByteArray kZeroUuid = raw("00000000-0000-0000-0000-000000000000");

// ---- The catalogue: what a tree of each kind looks like ---------------------------------------

enum class Resource : quint8 { Backup, Snapshot, App, CloneApp };
enum class FailureKind : quint8 { Hook, VolumeSnapshot, Bucket, RestoreTimeout, NamespaceConflict };

struct TaskKind {
    const char *name;
    const char *summary;
    const char *description;
    Resource resource;
    double minSeconds; // the work of the step (leaf trees: of the root)
    double maxSeconds;
    FailureKind failure;
};

struct TreeKind {
    TaskKind root;
    int subtaskCount;
    std::array<TaskKind, 3> subtasks;
    double weight;
    bool schedulable;
};

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

// Outcome and episode probabilities, and the ranges of the short phases (seconds before speed).
constexpr double kFailProbability = 0.08;
constexpr double kCancelProbability = 0.05;
constexpr double kPauseProbability = 0.10;
constexpr double kQueueSeconds[] = {1, 20};
constexpr double kPausingSeconds[] = {2, 8};
constexpr double kPausedSeconds[] = {20, 180};
constexpr double kCancellingSeconds[] = {2, 10};

const TaskKind &stepKind(const TreeKind &tree, int step)
{
    return tree.subtaskCount > 0 ? tree.subtasks[size_t(step)] : tree.root;
}

int stepCount(const TreeKind &tree)
{
    return std::max(tree.subtaskCount, 1);
}

double mid(const double (&range)[2])
{
    return (range[0] + range[1]) / 2;
}

// Mean tasks per tree and mean time from scheduling to the end (seconds before speed): they set the
// arrival rate that keeps about `targetTasks` tasks listed.
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

struct Cluster {
    QByteArray id;
    QByteArray name;
    QByteArray cloudId;
};

struct App {
    QByteArray id;
    QByteArray name;
    int cluster = 0;
    QList<QByteArray> namespaceIds; // one, sometimes two (an app spanning namespaces)
};

struct Topology {
    std::vector<Cluster> clusters;
    std::vector<App> apps;
    std::vector<QByteArray> users;
};

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

template<typename T, size_t N>
const T &pick(QRandomGenerator &rng, const T (&items)[N])
{
    return items[rng.bounded(quint32(N))];
}

Topology makeTopology(QRandomGenerator &rng, int targetTasks)
{
    static const char *const regions[] = {"eu-west", "eu-central", "us-east", "us-west", "ap-south", "ap-northeast"};
    static const char *const stages[] = {"prod", "stage", "dev"};
    static const char *const appBases[] = {"postgres", "mysql",  "mariadb",  "mongodb",  "redis",     "kafka",
                                           "elastic",  "nginx",  "wordpress", "minio",   "keycloak",  "grafana",
                                           "jenkins",  "gitlab", "rabbitmq", "cassandra"};
    static const char *const appPurposes[] = {"orders", "events",    "blog",    "billing", "search", "auth",
                                              "metrics", "ci",       "catalog", "payments", "users", "inventory",
                                              "reports", "chat",     "media",   "ledger"};
    Topology topo;
    const int clouds = 3;
    QList<QByteArray> cloudIds;
    for (int i = 0; i < clouds; ++i)
        cloudIds.append(uuid4(rng));

    const int clusterCount = std::clamp(4 + targetTasks / 4000, 4, 24);
    QSet<QByteArray> clusterNames;
    for (int i = 0; i < clusterCount; ++i) {
        QByteArray name;
        for (int n = 1; name.isEmpty() || clusterNames.contains(name); ++n)
            name = QByteArray(pick(rng, stages)) + '-' + pick(rng, regions) + '-' + QByteArray::number(n);
        clusterNames.insert(name);
        topo.clusters.push_back({uuid4(rng), name, cloudIds[i % clouds]});
    }

    const int appCount = std::clamp(targetTasks / 25, 8, 4000);
    QSet<QByteArray> appNames;
    for (int i = 0; i < appCount; ++i) {
        QByteArray name = QByteArray(pick(rng, appBases)) + '-' + pick(rng, appPurposes);
        if (appNames.contains(name)) {
            int n = 2;
            while (appNames.contains(name + '-' + QByteArray::number(n)))
                ++n;
            name += '-' + QByteArray::number(n);
        }
        appNames.insert(name);
        App app;
        app.id = uuid4(rng);
        app.name = name;
        app.cluster = int(rng.bounded(quint32(clusterCount)));
        app.namespaceIds.append(uuid4(rng));
        if (rng.generateDouble() < 0.2)
            app.namespaceIds.append(uuid4(rng));
        topo.apps.push_back(std::move(app));
    }

    for (int i = 0; i < 5; ++i)
        topo.users.push_back(uuid4(rng));
    return topo;
}

// ---- Plans: a tree's whole life, decided when it is scheduled ----------------------------------

struct Segment {
    qint64 begin;
    qint64 end;
    TaskState state; // Running, Pausing, Paused or Cancelling
    int step;
    double fracBegin; // progress of the step at begin and end (0..1)
    double fracEnd;
};

struct Plan {
    int kind = 0;
    int app = 0;
    int user = 0;
    bool scheduled = false;
    bool daily = false;
    qint64 created = 0; // scheduled (notStarted from here)
    qint64 start = 0;   // running from here
    qint64 end = 0;     // completed, failed or cancelled from here
    qint64 retire = 0;  // gone from the list from here
    qint64 cancelAt = -1;
    TaskState outcome = TaskState::Completed;
    int termStep = 0;     // the step that failed or was cancelled
    double termFrac = 1;  // its progress then
    int steps = 1;
    std::array<qint64, 3> work{};
    std::array<qint64, 3> stepStart{-1, -1, -1};
    std::array<qint64, 3> stepEnd{-1, -1, -1};
    std::vector<Segment> segments; // contiguous from start to end
};

double uniform(QRandomGenerator &rng, double low, double high)
{
    return low + (high - low) * rng.generateDouble();
}

Plan makePlan(QRandomGenerator &rng, qint64 created, const Topology &topo, double speed, qint64 retentionUs)
{
    auto usecs = [speed](double seconds) {
        return std::max<qint64>(1000, qint64(std::llround(seconds * double(kUsPerSecond) / speed)));
    };

    // A fixed sequence of draws, whatever the outcome.
    const double kindRoll = rng.generateDouble();
    Plan plan;
    plan.created = created;
    plan.app = int(rng.bounded(quint32(topo.apps.size())));
    plan.user = int(rng.bounded(quint32(topo.users.size())));
    const double scheduleRoll = rng.generateDouble();
    const double outcomeRoll = rng.generateDouble();
    const double termStepRoll = rng.generateDouble();
    const double termFrac = uniform(rng, 0.05, 0.95);
    const double pauseRoll = rng.generateDouble();
    const double pauseStepRoll = rng.generateDouble();
    const double pauseFrac = uniform(rng, 0.1, 0.9);
    const qint64 queue = usecs(uniform(rng, kQueueSeconds[0], kQueueSeconds[1]));
    const qint64 pausing = usecs(uniform(rng, kPausingSeconds[0], kPausingSeconds[1]));
    const qint64 paused = usecs(uniform(rng, kPausedSeconds[0], kPausedSeconds[1]));
    const qint64 cancelling = usecs(uniform(rng, kCancellingSeconds[0], kCancellingSeconds[1]));
    std::array<double, 3> workRolls{};
    for (double &roll : workRolls)
        roll = rng.generateDouble();

    double acc = 0;
    plan.kind = int(std::size(kTreeKinds)) - 1;
    for (int i = 0; i < int(std::size(kTreeKinds)); ++i) {
        acc += kTreeKinds[i].weight;
        if (kindRoll < acc) {
            plan.kind = i;
            break;
        }
    }
    const TreeKind &kind = kTreeKinds[plan.kind];
    plan.steps = stepCount(kind);
    plan.scheduled = kind.schedulable && scheduleRoll < 0.7;
    plan.daily = scheduleRoll < 0.2;
    for (int i = 0; i < plan.steps; ++i) {
        const TaskKind &step = stepKind(kind, i);
        plan.work[size_t(i)] = usecs(step.minSeconds + (step.maxSeconds - step.minSeconds) * workRolls[size_t(i)]);
    }
    if (outcomeRoll < kFailProbability)
        plan.outcome = TaskState::Failed;
    else if (outcomeRoll < kFailProbability + kCancelProbability)
        plan.outcome = TaskState::Cancelled;
    const bool ends = plan.outcome != TaskState::Completed;
    plan.termStep = ends ? std::min(plan.steps - 1, int(termStepRoll * plan.steps)) : plan.steps - 1;
    const int pauseStep = std::min(plan.steps - 1, int(pauseStepRoll * plan.steps));
    const bool pause = pauseRoll < kPauseProbability
                       && !(ends && (pauseStep > plan.termStep || (pauseStep == plan.termStep && pauseFrac >= termFrac)));

    qint64 t = created + queue;
    plan.start = t;
    for (int i = 0; i < plan.steps; ++i) {
        const auto s = size_t(i);
        plan.stepStart[s] = t;
        double frac = 0;
        auto run = [&](double to) {
            const qint64 duration = std::max<qint64>(1, std::llround(double(plan.work[s]) * (to - frac)));
            plan.segments.push_back({t, t + duration, TaskState::Running, i, frac, to});
            t += duration;
            frac = to;
        };
        auto hold = [&](TaskState state, qint64 duration) {
            plan.segments.push_back({t, t + duration, state, i, frac, frac});
            t += duration;
        };
        if (pause && pauseStep == i) {
            run(pauseFrac);
            hold(TaskState::Pausing, pausing);
            hold(TaskState::Paused, paused);
        }
        if (ends && plan.termStep == i) {
            run(termFrac);
            plan.termFrac = frac;
            if (plan.outcome == TaskState::Cancelled) {
                plan.cancelAt = t;
                hold(TaskState::Cancelling, cancelling);
            }
            break;
        }
        run(1.0);
        plan.stepEnd[s] = t;
    }
    plan.end = t;
    plan.retire = plan.end + retentionUs;
    return plan;
}

// percentDone along a running segment: p(t) = p0 + slope * (t - begin), in percent.
struct Linear {
    qint64 begin;
    double p0;
    double slope; // percent per microsecond

    double at(qint64 t) const { return p0 + slope * double(t - begin); }
};

double quantize(double percent)
{
    return std::clamp(std::floor(percent / kQuantum) * kQuantum, 0.0, 100.0);
}

// When the quantized value shown at `t` was first reached within the segment.
qint64 reachedAt(const Linear &line, qint64 t)
{
    const double shown = quantize(line.at(t));
    if (line.slope <= 0 || shown <= line.p0)
        return line.begin;
    const qint64 when = line.begin + qint64(std::ceil((shown - line.p0) / line.slope));
    return std::clamp(when, line.begin, t);
}

// When the quantized value next changes (or `segmentEnd`, whichever is first).
qint64 nextStepAt(const Linear &line, qint64 t, qint64 segmentEnd)
{
    if (line.slope <= 0)
        return segmentEnd;
    const double target = quantize(line.at(t)) + kQuantum;
    const double offset = std::ceil((target - line.p0) / line.slope);
    if (offset >= double(segmentEnd - line.begin))
        return segmentEnd;
    return std::max(line.begin + qint64(offset), t + 1);
}

double totalWork(const Plan &plan)
{
    double total = 0;
    for (int i = 0; i < plan.steps; ++i)
        total += double(plan.work[size_t(i)]);
    return total;
}

double workBefore(const Plan &plan, int step)
{
    double sum = 0;
    for (int i = 0; i < step; ++i)
        sum += double(plan.work[size_t(i)]);
    return sum;
}

Linear stepLine(const Segment &seg)
{
    const double span = double(seg.end - seg.begin);
    return {seg.begin, 100 * seg.fracBegin, 100 * (seg.fracEnd - seg.fracBegin) / span};
}

Linear rootLine(const Plan &plan, const Segment &seg)
{
    const double total = totalWork(plan);
    const double work = double(plan.work[size_t(seg.step)]);
    const double span = double(seg.end - seg.begin);
    return {seg.begin, 100 * (workBefore(plan, seg.step) + work * seg.fracBegin) / total,
            100 * work * (seg.fracEnd - seg.fracBegin) / (span * total)};
}

const Segment &segmentAt(const Plan &plan, qint64 t)
{
    for (const Segment &seg : plan.segments) {
        if (t < seg.end)
            return seg;
    }
    return plan.segments.back();
}

// What a task shows at a time.
struct Observed {
    TaskState state = TaskState::NotStarted;
    double percent = 0;
    qint64 start = -1;
    qint64 end = -1;
    qint64 cancel = -1;
    qint64 modified = 0;
};

// task 0 is the root; 1.. are the subtasks (step = task - 1) of trees that have them.
Observed observe(const Plan &plan, bool hasSubtasks, int task, qint64 t)
{
    Observed o;
    o.modified = plan.created;
    if (t < plan.start)
        return o;
    const bool root = task == 0;
    const int step = hasSubtasks ? task - 1 : 0;

    if (t >= plan.end) {
        if (root) {
            o.start = plan.start;
            o.end = o.modified = plan.end;
            o.state = plan.outcome;
            if (plan.outcome == TaskState::Completed) {
                o.percent = 100;
            } else {
                o.percent = quantize(100 * (workBefore(plan, plan.termStep)
                                            + double(plan.work[size_t(plan.termStep)]) * plan.termFrac)
                                     / totalWork(plan));
                o.cancel = plan.cancelAt;
            }
            return o;
        }
        if (plan.outcome == TaskState::Completed || step < plan.termStep) {
            o.state = TaskState::Completed;
            o.percent = 100;
            o.start = plan.stepStart[size_t(step)];
            o.end = o.modified = plan.stepEnd[size_t(step)];
        } else if (step == plan.termStep) {
            o.state = plan.outcome;
            o.percent = quantize(100 * plan.termFrac);
            o.start = plan.stepStart[size_t(step)];
            o.end = o.modified = plan.end;
            o.cancel = plan.cancelAt;
        }
        return o;
    }

    const Segment &seg = segmentAt(plan, t);
    if (!root && step != seg.step) {
        if (step < seg.step) {
            o.state = TaskState::Completed;
            o.percent = 100;
            o.start = plan.stepStart[size_t(step)];
            o.end = o.modified = plan.stepEnd[size_t(step)];
        }
        return o;
    }
    const Linear line = root ? rootLine(plan, seg) : stepLine(seg);
    o.state = seg.state;
    o.start = root ? plan.start : plan.stepStart[size_t(step)];
    o.percent = quantize(line.at(t));
    o.modified = seg.state == TaskState::Running ? reachedAt(line, t) : seg.begin;
    if (seg.state == TaskState::Cancelling)
        o.cancel = plan.cancelAt;
    return o;
}

qint64 nextChange(const Plan &plan, bool hasSubtasks, qint64 t)
{
    if (t < plan.start)
        return plan.start;
    if (t >= plan.end)
        return plan.retire;
    const Segment &seg = segmentAt(plan, t);
    qint64 next = seg.end;
    if (seg.state == TaskState::Running) {
        next = std::min(next, nextStepAt(rootLine(plan, seg), t, seg.end));
        if (hasSubtasks)
            next = std::min(next, nextStepAt(stepLine(seg), t, seg.end));
    }
    return std::max(next, t + 1);
}

bool sameAs(const Observed &o, const TaskRecord &r)
{
    return o.state == r.state && o.percent == r.percentDone && o.start == r.startUs && o.end == r.endUs
           && o.cancel == r.cancelUs && o.modified == r.modifiedUs;
}

// ---- Failures: realistic stateDetails -----------------------------------------------------------

std::shared_ptr<const StateDetail> makeFailure(QRandomGenerator &rng, FailureKind kind, const App &app,
                                               const Cluster &cluster, qint64 whenUs)
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
        const QString ns = appName + u"-clone"_s;
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

// ---- Writing records -----------------------------------------------------------------------------

const char *const kFieldNames[taskFieldCount] = {
    "type",       "version",     "id",         "name",      "summary",       "description",
    "service",    "parentTaskID", "userID",    "resourceID", "resourceURI",  "resourceCollectionURI",
    "state",      "stateTransitions", "stateDetails", "orderHint", "percentDone", "startTime",
    "endTime",    "cancelTime",  "metadata"};

const char kStateTransitionsJson[] =
    R"([{"from":"running","to":["paused","cancelled"]},{"from":"paused","to":["running","cancelled"]}])";

void appendJson(QByteArray &out, const TaskRecord &record)
{
    out.append('{');
    bool first = true;
    for (int f = 0; f < taskFieldCount; ++f) {
        const qsizetype mark = out.size();
        if (!first)
            out.append(',');
        out.append('"');
        out.append(kFieldNames[f]);
        out.append("\":", 2);
        if (record.appendField(out, TaskField(f)))
            first = false;
        else
            out.truncate(mark);
    }
    out.append('}');
}

} // namespace

// ---- Public helpers ----------------------------------------------------------------------------------

QByteArray randomUuid(QRandomGenerator &rng)
{
    return uuid4(rng);
}

QByteArray stateName(TaskState state)
{
    static const char *const names[] = {"notStarted", "running",    "completed", "pausing",
                                        "paused",     "cancelling", "cancelled", "failed"};
    return raw(names[int(state)]);
}

bool isFinal(TaskState state)
{
    return state == TaskState::Completed || state == TaskState::Cancelled || state == TaskState::Failed;
}

QByteArray fieldName(TaskField field)
{
    return raw(kFieldNames[int(field)]);
}

std::optional<TaskField> fieldFromName(QStringView name)
{
    for (int f = 0; f < taskFieldCount; ++f) {
        if (name == QLatin1StringView(kFieldNames[f]))
            return TaskField(f);
    }
    return std::nullopt;
}

bool TaskRecord::appendField(QByteArray &out, TaskField field) const
{
    const TaskIdentity &id = *identity;
    switch (field) {
    case TaskField::Type: out.append("\"application/astra-task\""); return true;
    case TaskField::Version: out.append("\"1.1\""); return true;
    case TaskField::Id: Json::appendString(out, id.id); return true;
    case TaskField::Name: Json::appendString(out, id.name); return true;
    case TaskField::Summary: Json::appendString(out, id.summary); return true;
    case TaskField::Description: Json::appendString(out, id.description); return true;
    case TaskField::Service: out.append("\"nautilus\""); return true;
    case TaskField::ParentTaskID:
        if (id.parentTaskId.isEmpty())
            return false;
        Json::appendString(out, id.parentTaskId);
        return true;
    case TaskField::UserID: Json::appendString(out, id.userId); return true;
    case TaskField::ResourceID: Json::appendString(out, id.resourceId); return true;
    case TaskField::ResourceURI: Json::appendString(out, id.resourceUri); return true;
    case TaskField::ResourceCollectionURI:
        out.append('[');
        for (qsizetype i = 0; i < id.resourceCollectionUris.size(); ++i) {
            if (i)
                out.append(',');
            Json::appendString(out, id.resourceCollectionUris[i]);
        }
        out.append(']');
        return true;
    case TaskField::State: Json::appendString(out, stateName(state)); return true;
    case TaskField::StateTransitions: out.append(kStateTransitionsJson); return true;
    case TaskField::StateDetails:
        if (!failure) {
            out.append("[]", 2);
            return true;
        }
        out.append("[{\"type\":");
        Json::appendString(out, failure->type);
        out.append(",\"title\":");
        Json::appendString(out, failure->title);
        out.append(",\"detail\":");
        Json::appendString(out, failure->detail);
        out.append(",\"additionalDetails\":");
        out.append(QJsonDocument(failure->additionalDetails).toJson(QJsonDocument::Compact));
        out.append("}]");
        return true;
    case TaskField::OrderHint: out.append(QByteArray::number(id.orderHint)); return true;
    case TaskField::PercentDone: out.append(Json::numberText(percentDone)); return true;
    case TaskField::StartTime:
        if (startUs < 0)
            return false;
        Json::appendTimestamp(out, startUs);
        return true;
    case TaskField::EndTime:
        if (endUs < 0)
            return false;
        Json::appendTimestamp(out, endUs);
        return true;
    case TaskField::CancelTime:
        if (cancelUs < 0)
            return false;
        Json::appendTimestamp(out, cancelUs);
        return true;
    case TaskField::Metadata:
        out.append("{\"labels\":[");
        for (qsizetype i = 0; i < id.labels.size(); ++i) {
            out.append(i ? ",{\"name\":" : "{\"name\":");
            Json::appendString(out, id.labels[i].first);
            out.append(",\"value\":");
            Json::appendString(out, id.labels[i].second);
            out.append('}');
        }
        out.append("],\"creationTimestamp\":");
        Json::appendTimestamp(out, id.creationUs);
        out.append(",\"modificationTimestamp\":");
        Json::appendTimestamp(out, modifiedUs);
        out.append(",\"createdBy\":");
        Json::appendString(out, id.createdBy);
        out.append('}');
        return true;
    }
    return false;
}

QJsonValue TaskRecord::fieldValue(TaskField field) const
{
    const TaskIdentity &id = *identity;
    auto text = [](const QByteArray &utf8) { return QJsonValue(QString::fromUtf8(utf8)); };
    auto time = [](qint64 us) {
        return us < 0 ? QJsonValue(QJsonValue::Undefined) : QJsonValue(QString::fromLatin1(Json::timestamp(us)));
    };
    switch (field) {
    case TaskField::Type: return u"application/astra-task"_s;
    case TaskField::Version: return u"1.1"_s;
    case TaskField::Id: return text(id.id);
    case TaskField::Name: return text(id.name);
    case TaskField::Summary: return text(id.summary);
    case TaskField::Description: return text(id.description);
    case TaskField::Service: return u"nautilus"_s;
    case TaskField::ParentTaskID:
        return id.parentTaskId.isEmpty() ? QJsonValue(QJsonValue::Undefined) : text(id.parentTaskId);
    case TaskField::UserID: return text(id.userId);
    case TaskField::ResourceID: return text(id.resourceId);
    case TaskField::ResourceURI: return text(id.resourceUri);
    case TaskField::ResourceCollectionURI: {
        QJsonArray uris;
        for (const QByteArray &uri : id.resourceCollectionUris)
            uris.append(QString::fromUtf8(uri));
        return uris;
    }
    case TaskField::State: return text(stateName(state));
    case TaskField::StateTransitions:
        return QJsonDocument::fromJson(QByteArray(kStateTransitionsJson)).array();
    case TaskField::StateDetails: {
        QJsonArray details;
        if (failure) {
            details.append(QJsonObject{{u"type"_s, text(failure->type)},
                                       {u"title"_s, text(failure->title)},
                                       {u"detail"_s, text(failure->detail)},
                                       {u"additionalDetails"_s, failure->additionalDetails}});
        }
        return details;
    }
    case TaskField::OrderHint: return id.orderHint;
    case TaskField::PercentDone: return percentDone;
    case TaskField::StartTime: return time(startUs);
    case TaskField::EndTime: return time(endUs);
    case TaskField::CancelTime: return time(cancelUs);
    case TaskField::Metadata: {
        QJsonArray labels;
        for (const auto &[name, value] : id.labels)
            labels.append(QJsonObject{{u"name"_s, text(name)}, {u"value"_s, text(value)}});
        return QJsonObject{{u"labels"_s, labels},
                           {u"creationTimestamp"_s, time(id.creationUs)},
                           {u"modificationTimestamp"_s, time(modifiedUs)},
                           {u"createdBy"_s, text(id.createdBy)}};
    }
    }
    return QJsonValue(QJsonValue::Undefined);
}

QJsonValue TaskRecord::fieldValue(QStringView name) const
{
    const auto field = fieldFromName(name);
    return field ? fieldValue(*field) : QJsonValue(QJsonValue::Undefined);
}

// ---- The engine ----------------------------------------------------------------------------------------

namespace {

struct Tree {
    Plan plan;
    bool hasSubtasks = false;
    std::vector<std::shared_ptr<const TaskIdentity>> identities; // 0: root, then subtasks by orderHint
    std::vector<TaskRecordPtr> records;
    std::shared_ptr<const StateDetail> failure;
};

QRandomGenerator seededGenerator(quint64 seed, quint64 stream, quint32 purpose)
{
    const quint32 words[] = {quint32(seed), quint32(seed >> 32), quint32(stream), quint32(stream >> 32), purpose};
    return QRandomGenerator(words);
}

} // namespace

struct Scenario::Private {
    ScenarioConfig config;
    Topology topology;
    QRandomGenerator arrivals;
    double meanGapUs = 0;       // mean time between two trees, after speed
    qint64 retentionUs = 0;
    qint64 nowUs = 0;
    qint64 nextArrivalUs = 0;
    quint64 nextTreeIndex = 0;
    std::map<quint64, Tree> trees; // by tree index, i.e. creation order
    QHash<QByteArray, std::pair<quint64, int>> byId;
    using Due = std::pair<qint64, quint64>; // (time, tree index)
    std::priority_queue<Due, std::vector<Due>, std::greater<>> due;
    qsizetype taskCount = 0;
    quint64 generation = 1;
    quint64 serialised = 0;
    bool changed = false;
    mutable std::shared_ptr<const ScenarioSnapshot> snapshot;

    void startTree(quint64 index, qint64 created);
    void update(quint64 index, Tree &tree);
    void retire(quint64 index);
    TaskRecordPtr makeRecord(const std::shared_ptr<const TaskIdentity> &identity, const Observed &o,
                             const std::shared_ptr<const StateDetail> &failure);
};

TaskRecordPtr Scenario::Private::makeRecord(const std::shared_ptr<const TaskIdentity> &identity, const Observed &o,
                                            const std::shared_ptr<const StateDetail> &failure)
{
    auto record = std::make_shared<TaskRecord>();
    record->identity = identity;
    record->state = o.state;
    record->percentDone = o.percent;
    record->startUs = o.start;
    record->endUs = o.end;
    record->cancelUs = o.cancel;
    record->modifiedUs = o.modified;
    if (o.state == TaskState::Failed)
        record->failure = failure;
    // Written into a reused buffer, then copied at its exact size: 100,000 records stay compact.
    static thread_local QByteArray scratch;
    scratch.resize(0);
    appendJson(scratch, *record);
    record->json = QByteArray(scratch.constData(), scratch.size());
    ++serialised;
    return record;
}

void Scenario::Private::startTree(quint64 index, qint64 created)
{
    QRandomGenerator rng = seededGenerator(config.seed, index, 0x7ee1);
    Plan plan = makePlan(rng, created, topology, config.speed, retentionUs);
    if (plan.retire <= nowUs)
        return; // over before the clock got here: never listed

    const TreeKind &kind = kTreeKinds[plan.kind];
    const App &app = topology.apps[size_t(plan.app)];
    const Cluster &cluster = topology.clusters[size_t(app.cluster)];
    const QByteArray &account = config.accountId;
    const QByteArray user = topology.users[size_t(plan.user)];

    const QByteArray backupId = uuid4(rng);
    const QByteArray snapshotId = uuid4(rng);
    const QByteArray cloneAppId = uuid4(rng);
    const QByteArray cloneNamespaceId = uuid4(rng);
    const Cluster &cloneCluster = topology.clusters[rng.bounded(quint32(topology.clusters.size()))];

    auto identityFor = [&](const TaskKind &taskKind, int orderHint) {
        auto identity = std::make_shared<TaskIdentity>();
        identity->id = uuid4(rng);
        identity->name = raw(taskKind.name);
        identity->summary = raw(taskKind.summary);
        identity->description = raw(taskKind.description);
        identity->userId = user;
        identity->createdBy = plan.scheduled ? kZeroUuid : user;
        identity->creationUs = plan.created;
        identity->orderHint = orderHint;
        const QByteArray appUri = "/accounts/" + account + "/k8s/v1/apps/" + app.id;
        auto topologyUri = [&](const QByteArray &namespaceId) -> QByteArray {
            return "/accounts/" + account + "/topology/v1/clouds/" + cluster.cloudId + "/clusters/" + cluster.id
                   + "/namespaces/" + namespaceId + "/apps/" + app.id;
        };
        switch (taskKind.resource) {
        case Resource::Backup:
        case Resource::Snapshot: {
            const bool backup = taskKind.resource == Resource::Backup;
            identity->resourceId = backup ? backupId : snapshotId;
            const QByteArray tail = (backup ? "/appBackups/" : "/appSnaps/") + identity->resourceId;
            identity->resourceUri = appUri + tail;
            for (const QByteArray &ns : app.namespaceIds)
                identity->resourceCollectionUris.append(topologyUri(ns) + tail);
            break;
        }
        case Resource::App:
            identity->resourceId = app.id;
            identity->resourceUri = appUri;
            for (const QByteArray &ns : app.namespaceIds)
                identity->resourceCollectionUris.append(topologyUri(ns));
            break;
        case Resource::CloneApp:
            identity->resourceId = cloneAppId;
            identity->resourceUri = "/accounts/" + account + "/k8s/v1/apps/" + cloneAppId;
            identity->resourceCollectionUris.append("/accounts/" + account + "/topology/v1/clouds/"
                                                    + cloneCluster.cloudId + "/clusters/" + cloneCluster.id
                                                    + "/namespaces/" + cloneNamespaceId + "/apps/" + cloneAppId);
            break;
        }
        return identity;
    };

    Tree tree;
    tree.hasSubtasks = kind.subtaskCount > 0;
    auto root = identityFor(kind.root, 0);
    root->labels.append({raw("app"), app.name});
    if (plan.scheduled)
        root->labels.append({raw("schedule"), raw(plan.daily ? "daily" : "hourly")});
    tree.identities.push_back(root);
    for (int i = 0; i < kind.subtaskCount; ++i) {
        auto sub = identityFor(kind.subtasks[size_t(i)], i);
        sub->parentTaskId = root->id;
        tree.identities.push_back(sub);
    }
    if (plan.outcome == TaskState::Failed) {
        const TaskKind &failed = stepKind(kind, plan.termStep);
        tree.failure = makeFailure(rng, failed.failure, app,
                                   failed.resource == Resource::CloneApp ? cloneCluster : cluster, plan.end);
    }
    tree.records.resize(tree.identities.size());
    tree.plan = std::move(plan);

    for (int i = 0; i < int(tree.identities.size()); ++i)
        byId.insert(tree.identities[size_t(i)]->id, {index, i});
    taskCount += qsizetype(tree.identities.size());
    auto [it, inserted] = trees.emplace(index, std::move(tree));
    Q_ASSERT(inserted);
    update(index, it->second);
}

void Scenario::Private::update(quint64 index, Tree &tree)
{
    if (nowUs >= tree.plan.retire) {
        retire(index);
        return;
    }
    for (int i = 0; i < int(tree.records.size()); ++i) {
        const Observed o = observe(tree.plan, tree.hasSubtasks, i, nowUs);
        TaskRecordPtr &record = tree.records[size_t(i)];
        if (!record || !sameAs(o, *record)) {
            record = makeRecord(tree.identities[size_t(i)], o, tree.failure);
            changed = true;
        }
    }
    due.push({nextChange(tree.plan, tree.hasSubtasks, nowUs), index});
}

void Scenario::Private::retire(quint64 index)
{
    const auto it = trees.find(index);
    if (it == trees.end())
        return;
    for (const auto &identity : it->second.identities)
        byId.remove(identity->id);
    taskCount -= qsizetype(it->second.identities.size());
    trees.erase(it);
    changed = true;
}

Scenario::Scenario(const ScenarioConfig &config)
    : d(std::make_unique<Private>())
{
    d->config = config;
    d->config.targetTasks = std::max(1, config.targetTasks);
    d->config.speed = config.speed > 0 ? config.speed : 1.0;
    d->config.retentionSeconds = std::max<qint64>(0, config.retentionSeconds);
    const double speed = d->config.speed;

    QRandomGenerator topologyRng = seededGenerator(d->config.seed, ~quint64(0), 0x7090);
    d->topology = makeTopology(topologyRng, d->config.targetTasks);
    d->arrivals = seededGenerator(d->config.seed, ~quint64(0), 0xa441);

    // Trees per second (before speed) so that about targetTasks tasks are listed:
    // tasks listed = rate * tasks per tree * (time a tree runs + retention).
    const double retentionSeconds = double(d->config.retentionSeconds);
    const double rate = d->config.targetTasks / (meanTasksPerTree() * (meanTreeSeconds() + retentionSeconds));
    d->meanGapUs = double(kUsPerSecond) / rate / speed;
    d->retentionUs = qint64(std::llround(retentionSeconds * double(kUsPerSecond) / speed));

    // Start early enough that the list is already in its steady state at the epoch.
    const qint64 epochUs = config.epochMsecs * 1000;
    const qint64 warmUpUs = qint64(std::llround((maxTreeSeconds() + retentionSeconds) * double(kUsPerSecond) / speed));
    d->nextArrivalUs = epochUs - warmUpUs;
    d->nowUs = d->nextArrivalUs - 1;
    advanceTo(config.epochMsecs);
}

Scenario::~Scenario() = default;

const ScenarioConfig &Scenario::config() const
{
    return d->config;
}

void Scenario::advanceTo(qint64 utcMsecs)
{
    const qint64 t = utcMsecs * 1000;
    if (t <= d->nowUs)
        return;
    d->nowUs = t;
    d->changed = false;

    while (d->nextArrivalUs <= t) {
        const qint64 created = d->nextArrivalUs;
        const double gap = -std::log(1.0 - d->arrivals.generateDouble()) * d->meanGapUs;
        d->nextArrivalUs += std::max<qint64>(1, qint64(std::llround(gap)));
        d->startTree(d->nextTreeIndex++, created);
    }
    while (!d->due.empty() && d->due.top().first <= t) {
        const quint64 index = d->due.top().second;
        d->due.pop();
        const auto it = d->trees.find(index);
        if (it != d->trees.end())
            d->update(index, it->second);
    }
    if (d->changed) {
        ++d->generation;
        d->snapshot.reset();
    }
}

qint64 Scenario::currentTimeMsecs() const
{
    return d->nowUs / 1000;
}

quint64 Scenario::generation() const
{
    return d->generation;
}

qsizetype Scenario::taskCount() const
{
    return d->taskCount;
}

std::shared_ptr<const ScenarioSnapshot> Scenario::snapshot() const
{
    if (!d->snapshot) {
        auto snapshot = std::make_shared<ScenarioSnapshot>();
        snapshot->generation = d->generation;
        snapshot->timeMsecs = currentTimeMsecs();
        snapshot->tasks.reserve(size_t(d->taskCount));
        for (const auto &[index, tree] : d->trees)
            snapshot->tasks.insert(snapshot->tasks.end(), tree.records.begin(), tree.records.end());
        d->snapshot = std::move(snapshot);
    }
    return d->snapshot;
}

TaskRecordPtr Scenario::task(QByteArrayView id) const
{
    const auto found = d->byId.constFind(id.toByteArray());
    if (found == d->byId.cend())
        return {};
    const auto tree = d->trees.find(found->first);
    if (tree == d->trees.end())
        return {};
    return tree->second.records[size_t(found->second)];
}

QByteArray Scenario::listJson() const
{
    return listBody(snapshot()->tasks);
}

quint64 Scenario::treesStarted() const
{
    return d->nextTreeIndex;
}

quint64 Scenario::recordsSerialised() const
{
    return d->serialised;
}

QByteArray Scenario::listBody(const std::vector<TaskRecordPtr> &tasks)
{
    static const QByteArray head = R"({"type":"application/astra-tasks","version":"1.1","items":[)";
    static const QByteArray tail = R"(],"metadata":{}})";
    qsizetype size = head.size() + tail.size();
    for (const TaskRecordPtr &task : tasks)
        size += task->json.size() + 1;
    QByteArray body;
    body.reserve(size);
    body.append(head);
    for (size_t i = 0; i < tasks.size(); ++i) {
        if (i)
            body.append(',');
        body.append(tasks[i]->json);
    }
    body.append(tail);
    return body;
}

} // namespace Taskscope::Demo
