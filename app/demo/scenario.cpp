// Scenario: the demo server's deterministic task simulator.
//
// Every tree of tasks is planned entirely when it is scheduled, from a random generator seeded by
// (seed, tree index): its start, the work of each step, an optional pause, and how it ends. The
// state of any task at any time is then a pure function of the plan and the time, so the list at a
// given time does not depend on how often the clock was advanced. A priority queue holds, per
// live tree, the next time its observable state changes; advancing touches only those trees, and
// only tasks whose fields change get a new record (and JSON).
//
// This file is the engine. What it runs: catalogue.h (kinds of trees, the account's topology, the
// names and URIs of tasks), treeplan.h (a tree's plan and what its tasks show at a time), and
// taskrecord.h (a task's version and its JSON).
#include "scenario.h"

#include "catalogue.h"
#include "treeplan.h"

#include <QHash>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <queue>

namespace Taskscope::Demo {

namespace {

struct Tree {
    TreePlan plan;
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

bool sameAs(const Observed &o, const TaskRecord &r)
{
    return o.state == r.state && o.percent == r.percentDone && o.start == r.startUs && o.end == r.endUs
           && o.cancel == r.cancelUs && o.modified == r.modifiedUs;
}

} // namespace

qint64 defaultRetentionSeconds(int targetTasks)
{
    constexpr double kBaseTasks = 300, kBaseRetention = 900, kLongest = 86400;
    // Trees running at once = rate * tree time, with rate = tasks / (tasks per tree * (tree time +
    // retention)): the same as at kBaseTasks when (tree time + retention) grows with the tasks.
    const double tree = meanTreeSeconds();
    const double retention = double(std::max(1, targetTasks)) / kBaseTasks * (tree + kBaseRetention) - tree;
    return qint64(std::llround(std::clamp(retention, kBaseRetention, kLongest)));
}

QByteArray randomUuid(QRandomGenerator &rng)
{
    return uuid4(rng);
}

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

    void startTree(quint64 index, qint64 created, qint64 failWithinUs = 0);
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
    appendTaskJson(scratch, *record);
    record->json = QByteArray(scratch.constData(), scratch.size());
    ++serialised;
    return record;
}

void Scenario::Private::startTree(quint64 index, qint64 created, qint64 failWithinUs)
{
    QRandomGenerator rng = seededGenerator(config.seed, index, 0x7ee1);
    TreePlan plan = makePlan(rng, created, topology, config.speed, retentionUs, failWithinUs);
    if (plan.retire <= nowUs)
        return; // over before the clock got here: never listed

    Tree tree;
    tree.hasSubtasks = kTreeKinds[plan.kind].subtaskCount > 0;
    TreeTasks tasks = describeTree(rng, plan, topology, config.accountId);
    tree.identities = std::move(tasks.identities);
    tree.failure = std::move(tasks.failure);
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
    d->config.retentionSeconds =
        config.retentionSeconds < 0 ? defaultRetentionSeconds(d->config.targetTasks) : config.retentionSeconds;
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
    if (config.failWithinSeconds > 0) {
        d->startTree(d->nextTreeIndex++, epochUs, config.failWithinSeconds * kUsPerSecond);
        ++d->generation;
        d->snapshot.reset();
    }
}

Scenario::~Scenario() = default;

const ScenarioConfig &Scenario::config() const
{
    return d->config;
}

const Topology &Scenario::topology() const
{
    return d->topology;
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
