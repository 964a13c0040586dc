// The demo's catalogue: the kinds of task trees it runs, the account's topology (clouds, clusters,
// namespaces, apps and their clones, users), and how the tasks of a planned tree are named, addressed and fail.
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
// Every name is DNS-1123 (lower case, digits and '-', at most 63 characters) and unique: clouds,
// clusters and apps in the account, namespaces in their cluster.

struct Cloud {
    QByteArray id;
    QByteArray name;
    QByteArray cloudType; // gcp, azure, aws or private
};

struct Cluster {
    QByteArray id;
    QByteArray name;
    int cloud = 0;
    QByteArray clusterType; // eks, aks, gke, openshift...
};

struct Namespace {
    QByteArray id;
    QByteArray name;
    int cluster = 0;
};

struct App {
    QByteArray id;
    QByteArray name;
    int cluster = 0;
    std::vector<int> namespaces; // one, sometimes two (an app spanning namespaces)
    QByteArray protectionState;  // protected, partial, none or atRisk
};

struct Topology {
    std::vector<Cloud> clouds;
    std::vector<Cluster> clusters;
    std::vector<Namespace> namespaces;
    std::vector<App> apps;   // those tasks back up, snapshot, restore and clone
    std::vector<App> clones; // clones[i]: where apps[i] is cloned to ("<name>-clone", on another cluster)
    std::vector<QByteArray> users;

    const Cloud &cloudOf(const Cluster &cluster) const { return clouds[size_t(cluster.cloud)]; }
    const Cluster &clusterOf(const App &app) const { return clusters[size_t(app.cluster)]; }
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
