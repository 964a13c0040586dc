// TaskTreeModel: the tasks as a tree keyed by parentTaskID, updated by ChangePlans (never reset).
#pragma once

#include "changeplan.h"
#include "nametable.h"
#include "task.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace Taskscope {

struct ParseWarning;

class TaskTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    // In the order a new user sees them; InternalName and Service start hidden.
    enum Column {
        NameColumn,      // the summary ("Backup"), else the name: what people call the task
        InternalNameColumn, // the API's name: "astra.backup" (beside Name: a rename changes both)
        StateColumn,
        ProgressColumn,
        AppColumn,       // names from the NameDirectory (setNames()), else labels, else the short id
        ClusterColumn,
        NamespaceColumn,
        ProblemColumn,   // why it failed or paused: the first stateDetails title (its own or a failed subtask's)
        StartedColumn,
        EndedColumn,
        DurationColumn,
        ResourceColumn,  // the resource's kind and short id: "Backup 1b2c3d4e…"
        ServiceColumn,
        EtaColumn,       // "≈ 4-6 min" (Task::eta), "Unknown"; empty when not running
        WatchColumn,     // a star: the user watches the task (setWatched())
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        RawRole = Qt::UserRole + 1, // the column's value for sorting and painting (number, QDateTime, text)
        TaskRole,                   // the whole Task
        IdRole,                     // the task id
        StateRole,                  // TaskState as int
        MarksRole,                  // Marks as int
        OrderRole,                  // in dataChanged only when a task's place among its siblings may change
        PlaceNameRole,              // App, Cluster, Namespace columns: the name only (empty when not known)
        FromHistoryRole,            // bool: the server no longer lists the task; shown from history (Task::goneAt)
        ChangedAtRole,              // QDateTime: when a poll of this session saw its state change; invalid if none
        UnseenFailureRole,          // bool: it failed in this session and the row was not selected since
        WatchedRole,                // bool: the user watches it (setWatched())
        StalledRole,                // bool: Task::stalledSince is set
    };
    Q_ENUM(Role)

    // Why a task is not where its parentTaskID says.
    enum Mark {
        NoMark = NoTaskMark,
        OrphanMark = OrphanTaskMark,         // the parent is not in the snapshot: shown at the top level
        SelfParentMark = SelfParentTaskMark, // parentTaskID is the task itself: shown at the top level
        CycleMark = CycleTaskMark,           // the parent chain loops: the link of the smallest id in the loop is cut
    };
    Q_DECLARE_FLAGS(Marks, Mark)
    Q_FLAG(Marks)

    explicit TaskTreeModel(QObject *parent = nullptr);
    ~TaskTreeModel() override;

    // Brings the tree to `plan.forest` with the fewest signals: dataChanged for changed cells,
    // inserts, removals, and moves for tasks that change parent. Only signals and pointer swaps:
    // the plan was computed (SnapshotDiff::compute, on a worker) against forest(); a plan computed
    // against another forest is refused (returns false, nothing changes).
    // Siblings keep the order they arrived in (new ones are appended): the display order
    // (siblingLess(), or a column) is the sorting proxy's (TaskTreeProxy). It rebuilds every
    // level on any move or layout change of its source, which for a large tree costs tens of
    // milliseconds, while it re-sorts one level in place when a dataChanged covers its sort
    // column. So a change of start time or orderHint is a dataChanged
    // over every column, with OrderRole, not a move; and the changed rows of a parent go out in one
    // dataChanged, before any structural signal (see emitChanges() in the .cpp for why).
    // When a plan needs more than layoutBatchThreshold() structural signals, the changes are
    // made under one layoutAboutToBeChanged/layoutChanged pair instead (persistent indexes follow
    // their tasks, or become invalid when the task is gone): every row signal makes Qt walk every
    // persistent index, so hundreds of scattered inserts cost more than one relayout.
    bool apply(ChangePlan plan);
    // The same, computing the plan here (tests, export, small lists): duplicate ids keep the first
    // task, and each duplicate adds a warning to `warnings`. `digests`, when given, holds
    // rawJsonDigest() of each task's bytes (TaskListPage::digests): a task whose digest and size are
    // those of its version in the tree is unchanged, without a comparison of its bytes.
    void apply(const QList<Task> &snapshot, QList<ParseWarning> *warnings = nullptr,
               const QList<quint64> *digests = nullptr);
    // An empty model shows `forest` as it is (one insert of its top-level tasks; no transitions):
    // the still copy of the tree that View › Freeze shows while the live model moves on. False,
    // and nothing changes, when the model is not empty.
    bool showForest(TaskForestPtr forest);
    // apply({}) empties the tree; apply({a, b}) shows a and b.
    void apply(std::initializer_list<Task> snapshot) { apply(QList<Task>(snapshot)); }
    // The tree the model shows, as of the last apply(): what the next plan is computed against.
    const TaskForestPtr &forest() const { return m_forest; }
    // The default is low: each row signal costs a walk over every persistent index downstream (a
    // fully expanded view of 10,000 tasks holds about as many), which the model cannot see, while a
    // layout change costs about what a few of them do. Tests set 0 (always one layout change) or
    // INT_MAX (always row signals).
    void setLayoutBatchThreshold(int structuralChanges) { m_layoutBatchThreshold = structuralChanges; }
    int layoutBatchThreshold() const { return m_layoutBatchThreshold; }

    // The column the sorting proxy in front of this model sorts by (-1: unknown, the default).
    // The sorting proxy checks the place of every row of a dataChanged whose columns include
    // its sort column (two comparisons with the neighbours each), and one dataChanged per parent
    // spans every row from the first changed one to the last. Knowing the column, the model
    // announces the rows whose sort key may have changed (that column changed, or OrderRole) in
    // one dataChanged, first, and the others in dataChanged that leave that column out. Set by
    // NewestFirstProxyModel; a model shown through two proxies sorted differently must keep -1.
    void setSortColumnHint(int column) { m_sortColumnHint = column; }
    int sortColumnHint() const { return m_sortColumnHint; }

    // The names shown in the App, Cluster and Namespace columns (and the Resource column's
    // tooltip). A different table announces those columns of every row as changed.
    void setNames(NameTablePtr names);
    const NameTablePtr &names() const { return m_names; }
    // Why names are missing (the NameDirectory's problem), for the name cells' tooltips.
    void setNamesMissingWhy(const QString &why);
    // Why a task failed or paused, for the Problem column: the first stateDetails title of the
    // task when it has not completed, else of its first failed subtask (depth first); empty when none.
    QString problem(const QModelIndex &index) const;
    // Every stateDetails line ("title: detail") behind problem(), for its tooltip.
    QStringList problemDetails(const QModelIndex &index) const;

    // For tests and the running-duration tick: the clock used for durations of running tasks.
    void setClock(std::function<QDateTime()> clock);
    QDateTime now() const;

    // Emits dataChanged on the Duration column of tasks that have started and not ended (the
    // forest's list of them: no walk over every task).
    void refreshRunningDurations();

    const Task *task(const QModelIndex &index) const;
    Marks marks(const QModelIndex &index) const;
    QModelIndex indexForId(const QString &id, int column = 0) const;
    int taskCount() const { return m_forest->size(); }

    // Every task's flags (the same for all: read-only, selectable).
    static constexpr Qt::ItemFlags taskFlags() { return Qt::ItemIsEnabled | Qt::ItemIsSelectable; }

    // Sibling order: orderHint (absent last), then startTime (absent last), then id.
    static bool siblingLess(const Task &a, const Task &b) { return TaskForest::siblingLess(a, b); }

    // Every task depth-first in tree order (parents before children, siblings by siblingLess()),
    // with its depth. Iterative: safe for chains of any depth.
    void forEachInTreeOrder(const std::function<void(const Task &task, int depth)> &visit) const;
    // Every task once, in no particular order (counting, collecting values): no sorting.
    void forEachTask(const std::function<void(const Task &task)> &visit) const;

    // Attention. The tasks the user watches (WatchedRole, the Watch column's star); ids of tasks
    // not in the tree are kept (a watched task may come back, or be listed later).
    void setWatched(const QSet<QString> &ids);
    const QSet<QString> &watched() const { return m_watched; }
    bool isWatched(const QString &id) const { return m_watched.contains(id); }
    // Failures this session saw and the user has not looked at (UnseenFailureRole): a task that
    // entered failed (or appeared failed after the first snapshot) until its row is selected
    // (markSeen()) or markAllSeen().
    void markSeen(const QString &id);
    void markAllSeen();
    int unseenFailureCount() const { return int(m_unseenFailures.size()); }
    QStringList unseenFailures() const { return {m_unseenFailures.cbegin(), m_unseenFailures.cend()}; }
    // Forgets what the session saw change (another connection).
    void clearChangeMarks();

    // QAbstractItemModel
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
Q_SIGNALS:
    void namesChanged(); // setNames() took another table (after the name columns' dataChanged)
    void unseenFailuresChanged(int count);
    void watchedChanged();
public:
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    struct Node; // internal: one task in the tree

    // For the proxy in front (TaskTreeProxy): the tree by node, without a QModelIndex per step. A
    // node lives as long as its task is in the tree; nullptr is the root.
    static const Node *nodeOf(const QModelIndex &index) { return static_cast<const Node *>(index.internalPointer()); }
    const Node *parentNode(const Node *node) const; // nullptr for a top-level task
    int childCount(const Node *node) const;
    const Node *childNode(const Node *node, int row) const;
    int rowOf(const Node *node) const;
    QModelIndex indexOf(const Node *node, int column = 0) const { return indexFor(node, column); }
    QModelIndex childIndex(const Node *node, int row, int column) const;

private:
    Node *nodeFor(const QModelIndex &index) const;
    QModelIndex indexFor(const Node *node, int column = 0) const;
    QVariant displayData(const Node &node, int column) const;
    QVariant rawData(const Node &node, int column) const;
    QVariant toolTip(const Node &node, int column) const;
    const Node *problemNode(const Node &node) const;
    void announceNamesChanged();

    struct Change;
    void updateChanged(const ChangePlan &plan, std::vector<Change> *changes);
    void emitChanges(std::vector<Change> &changes);
    void insertNew(const ChangePlan &plan);
    std::unique_ptr<Node> buildSubtree(const ChangePlan &plan, int slot);
    void moveSurvivors(const ChangePlan &plan);
    void removeGone(const ChangePlan &plan);
    void remapPersistent(const QModelIndexList &before);
    void trackTicking();
    void insertChildren(Node *parent, int row, std::vector<std::unique_ptr<Node>> nodes);
    void removeChildren(Node *parent, int first, int last);
    void moveChild(Node *from, int row, Node *to, int destRow);
    static void renumber(Node *parent, int from, int to);
    Node *nodeForSlot(const TaskForest &forest, int slot) const; // -1: the root

    std::unique_ptr<Node> m_root;
    QHash<QString, Node *> m_byId;
    TaskForestPtr m_forest;
    std::vector<Node *> m_ticking; // the nodes of m_forest->ticking()
    int m_layoutBatchThreshold = 8;
    int m_sortColumnHint = -1;
    bool m_quiet = false;                        // structural changes without row signals (inside a layout change)
    std::vector<std::unique_ptr<Node>> m_removed; // subtrees removed quietly, freed after layoutChanged
    std::function<QDateTime()> m_clock;
    QSet<QString> m_watched;
    QHash<QString, QDateTime> m_changedAt; // the last few seconds' state changes (ChangedAtRole)
    QSet<QString> m_unseenFailures;
    void noteTransitions(const ChangePlan &plan);
    void announceRow(const QString &id, const QList<int> &roles);
    NameTablePtr m_names;
    QString m_namesMissingWhy;
};

} // namespace Taskscope

Q_DECLARE_OPERATORS_FOR_FLAGS(Taskscope::TaskTreeModel::Marks)
