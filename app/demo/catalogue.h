// The demo's catalogue: the kinds of task trees it runs, the account's topology (clouds, clusters,
// apps, users), and how the tasks of a planned tree are named, addressed and fail.
#pragma once

#include "taskrecord.h"
#include "treeplan.h"

#include <QByteArray>
#include <QList>

#include <array>
#include <memory>
#include <vector>

class QRandomGenerator;

namespace Taskscope::Demo {

inline constexpr qint64 kUsPerSecond = 1'000'000;

// ---- Kinds of trees ---------------------------------------------------------------------------

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

inline constexpr int kTreeKindCount = 4;
extern const TreeKind kTreeKinds[kTreeKindCount];

// Outcome and episode probabilities, and the ranges of the short phases (seconds before speed).
inline constexpr double kFailProbability = 0.08;
inline constexpr double kCancelProbability = 0.05;
inline constexpr double kPauseProbability = 0.10;
inline constexpr double kQueueSeconds[] = {1, 20};
inline constexpr double kPausingSeconds[] = {2, 8};
inline constexpr double kPausedSeconds[] = {20, 180};
inline constexpr double kCancellingSeconds[] = {2, 10};

const TaskKind &stepKind(const TreeKind &tree, int step);
int stepCount(const TreeKind &tree);

// Mean tasks per tree and mean time from scheduling to the end (seconds before speed): they set the
// arrival rate that keeps about `targetTasks` tasks listed. The longest a tree can take.
double meanTasksPerTree();
double meanTreeSeconds();
double maxTreeSeconds();

// ---- Topology ---------------------------------------------------------------------------------

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

QByteArray uuid4(QRandomGenerator &rng);
Topology makeTopology(QRandomGenerator &rng, int targetTasks);

// ---- The tasks of a tree ------------------------------------------------------------------------

struct TreeTasks {
    std::vector<std::shared_ptr<const TaskIdentity>> identities; // 0: root, then subtasks by orderHint
    std::shared_ptr<const StateDetail> failure;                  // set when the plan fails
};

// Ids, names, resource URIs and labels of a planned tree's tasks, and the failure it reports,
// drawn from `rng` (after the plan) in a fixed order.
TreeTasks describeTree(QRandomGenerator &rng, const TreePlan &plan, const Topology &topology,
                       const QByteArray &account);

} // namespace Taskscope::Demo
