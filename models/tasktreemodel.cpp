// TaskTreeModel: each apply() diffs a snapshot into the tree by id, so selection, expansion and
// persistent indexes survive polls; the model is never reset.
#include "tasktreemodel.h"

#include "logging.h"
#include "snapshotdiff.h"
#include "taskformat.h"
#include "workerrelease.h"

#include <algorithm>
#include <map>

namespace Taskscope {

struct TaskTreeModel::Node
{
    const Task *task = nullptr; // the current forest's object (null for the root)
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;
    int row = 0;
    Marks marks;
    bool gone = false; // removed inside a layout change: its persistent indexes become invalid
};

struct TaskTreeModel::Change
{
    Node *node;
    int firstColumn;
    int lastColumn;
    bool orderChanged;
};

namespace {

using NodePtr = std::unique_ptr<TaskTreeModel::Node>;

const QList<int> &changedRoles()
{
    static const QList<int> roles = {Qt::DisplayRole,         Qt::ToolTipRole,         Qt::DecorationRole,
                                     TaskTreeModel::RawRole,  TaskTreeModel::TaskRole, TaskTreeModel::StateRole,
                                     TaskTreeModel::MarksRole, TaskTreeModel::FromHistoryRole};
    return roles;
}

// Destroys a subtree without recursion, so a 10,000-level chain cannot overflow the stack.
void destroyIteratively(NodePtr node)
{
    std::vector<NodePtr> pending;
    pending.push_back(std::move(node));
    while (!pending.empty()) {
        NodePtr current = std::move(pending.back());
        pending.pop_back();
        for (auto &child : current->children)
            pending.push_back(std::move(child));
        current->children.clear();
    }
}

} // namespace

TaskTreeModel::TaskTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
    , m_forest(TaskForest::empty())
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
}

TaskTreeModel::~TaskTreeModel()
{
    destroyIteratively(std::move(m_root));
    releaseOnWorker(std::move(m_forest));
}

void TaskTreeModel::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
}

QDateTime TaskTreeModel::now() const
{
    return m_clock();
}

// --- structure -------------------------------------------------------------------------------

TaskTreeModel::Node *TaskTreeModel::nodeFor(const QModelIndex &index) const
{
    if (!index.isValid())
        return m_root.get();
    Q_ASSERT(index.model() == this);
    return static_cast<Node *>(index.internalPointer());
}

QModelIndex TaskTreeModel::indexFor(const Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, column, const_cast<Node *>(node));
}

void TaskTreeModel::renumber(Node *parent, int from, int to)
{
    const int last = qMin(to, int(parent->children.size()) - 1);
    for (int i = qMax(0, from); i <= last; ++i)
        parent->children[size_t(i)]->row = i;
}

void TaskTreeModel::insertChildren(Node *parent, int row, std::vector<NodePtr> nodes)
{
    if (nodes.empty())
        return;
    if (!m_quiet)
        beginInsertRows(indexFor(parent), row, row + int(nodes.size()) - 1);
    for (auto &node : nodes)
        node->parent = parent;
    parent->children.insert(parent->children.begin() + row, std::make_move_iterator(nodes.begin()),
                            std::make_move_iterator(nodes.end()));
    renumber(parent, row, int(parent->children.size()) - 1);
    if (!m_quiet)
        endInsertRows();
}

void TaskTreeModel::removeChildren(Node *parent, int first, int last)
{
    if (!m_quiet)
        beginRemoveRows(indexFor(parent), first, last);
    std::vector<NodePtr> removed(std::make_move_iterator(parent->children.begin() + first),
                                 std::make_move_iterator(parent->children.begin() + last + 1));
    parent->children.erase(parent->children.begin() + first, parent->children.begin() + last + 1);
    renumber(parent, first, int(parent->children.size()) - 1);
    if (!m_quiet)
        endRemoveRows();
    for (auto &node : removed) {
        // Forget every id of the subtree, then free it.
        std::vector<Node *> stack{node.get()};
        while (!stack.empty()) {
            Node *current = stack.back();
            stack.pop_back();
            const auto it = m_byId.constFind(current->task->id);
            if (it != m_byId.cend() && it.value() == current)
                m_byId.erase(it);
            current->gone = true;
            for (auto &child : current->children)
                stack.push_back(child.get());
        }
        if (m_quiet)
            m_removed.push_back(std::move(node)); // persistent indexes may still point into it
        else
            destroyIteratively(std::move(node));
    }
}

// Moves the child at `row` of `from` to position `destRow` (numbered as before the move) of `to`.
void TaskTreeModel::moveChild(Node *from, int row, Node *to, int destRow)
{
    if (from == to && (destRow == row || destRow == row + 1))
        return;
    if (!m_quiet) {
        const bool ok = beginMoveRows(indexFor(from), row, row, indexFor(to), destRow);
        Q_ASSERT(ok);
        if (!ok)
            return;
    }
    NodePtr node = std::move(from->children[size_t(row)]);
    from->children.erase(from->children.begin() + row);
    const int finalRow = (from == to && destRow > row) ? destRow - 1 : destRow;
    node->parent = to;
    to->children.insert(to->children.begin() + finalRow, std::move(node));
    if (from == to) {
        renumber(to, qMin(row, finalRow), qMax(row, finalRow));
    } else {
        renumber(from, row, int(from->children.size()) - 1);
        renumber(to, finalRow, int(to->children.size()) - 1);
    }
    if (!m_quiet)
        endMoveRows();
}

// --- apply -----------------------------------------------------------------------------------

void TaskTreeModel::apply(const QList<Task> &snapshot, QList<ParseWarning> *warnings, const QList<quint64> *digests)
{
    Q_ASSERT(!digests || digests->size() == snapshot.size());
    const bool withDigests = digests && digests->size() == snapshot.size();
    ChangePlan plan = SnapshotDiff::compute(m_forest, snapshot, withDigests ? *digests : QList<quint64>(), now());
    if (warnings)
        warnings->append(plan.warnings);
    apply(std::move(plan));
}

bool TaskTreeModel::apply(ChangePlan plan)
{
    if (!plan.forest || plan.previous != m_forest)
        return false;
    // 1. Update surviving tasks in place. Structure is untouched yet, so nothing a view reads
    //    during the structural signals below changes under it.
    std::vector<Change> changes;
    updateChanged(plan, &changes);
    // Many structural changes: make them under one layout change (see the header).
    const bool batch = plan.structuralChanges() > layoutBatchThreshold();
    if (!batch)
        emitChanges(changes);
    QModelIndexList persistentBefore;
    if (batch) {
        emit layoutAboutToBeChanged();
        persistentBefore = persistentIndexList();
        m_quiet = true;
    }
    insertNew(plan);     // 2. new subtrees, appended to their parents
    moveSurvivors(plan); // 3. tasks that changed parent
    removeGone(plan);    // 4. gone tasks, with their subtrees (which hold only gone tasks by now)
    if (batch) {
        m_quiet = false;
        remapPersistent(persistentBefore);
        emit layoutChanged();
        for (NodePtr &node : m_removed)
            destroyIteratively(std::move(node));
        m_removed.clear();
    }
    noteTransitions(plan);
    TaskForestPtr old = std::exchange(m_forest, std::move(plan.forest));
    plan.previous.reset();
    trackTicking();
    if (batch)
        emitChanges(changes); // the proxy re-sorted every level in the layout change
    qCDebug(lcModels) << "applied" << m_forest->size() << "tasks:" << changes.size() << "changed,"
                      << plan.structuralChanges() << "structural";
    releaseOnWorker(std::move(old));
    return true;
}

bool TaskTreeModel::showForest(TaskForestPtr forest)
{
    if (!forest || m_forest->size() != 0)
        return false;
    ChangePlan plan;
    plan.previous = m_forest;
    plan.isNew.assign(size_t(forest->size()), true);
    if (forest->size() > 0)
        plan.inserts.push_back({-1, std::vector<int>(forest->childrenBegin(-1), forest->childrenEnd(-1))});
    plan.forest = std::move(forest);
    return apply(std::move(plan));
}

// What the session saw change: the highlight of the last poll's state changes, and the failures
// nobody looked at yet. O(transitions + the few marks kept).
void TaskTreeModel::noteTransitions(const ChangePlan &plan)
{
    const bool first = !plan.previous || plan.previous->size() == 0; // not news: the first snapshot
    const int unseenBefore = int(m_unseenFailures.size());
    QDateTime latest;
    for (const StateChange &change : plan.transitions) {
        if (!change.appeared)
            m_changedAt.insert(change.taskId, change.at);
        if (change.to == TaskState::Failed && !(change.appeared && first))
            m_unseenFailures.insert(change.taskId);
        else if (change.to != TaskState::Failed)
            m_unseenFailures.remove(change.taskId); // retried: its failure is no longer the news
        if (!latest.isValid() || change.at > latest)
            latest = change.at;
    }
    if (latest.isValid()) {
        // A highlight fades in 5 s: older marks only cost memory.
        m_changedAt.removeIf([&latest](const auto &it) { return it.value().msecsTo(latest) > 10'000; });
    }
    const TaskForest &forest = *plan.forest;
    m_unseenFailures.removeIf([&forest](const QString &id) { return forest.slotOf(id) < 0; });
    if (int(m_unseenFailures.size()) != unseenBefore || !plan.transitions.empty())
        emit unseenFailuresChanged(int(m_unseenFailures.size()));
}

void TaskTreeModel::announceRow(const QString &id, const QList<int> &roles)
{
    const QModelIndex first = indexForId(id, 0);
    if (first.isValid())
        emit dataChanged(first, first.siblingAtColumn(ColumnCount - 1), roles);
}

void TaskTreeModel::setWatched(const QSet<QString> &ids)
{
    if (ids == m_watched)
        return;
    const QSet<QString> before = std::exchange(m_watched, ids);
    for (const QString &id : before) {
        if (!m_watched.contains(id))
            announceRow(id, {Qt::DisplayRole, RawRole, WatchedRole, Qt::AccessibleTextRole});
    }
    for (const QString &id : m_watched) {
        if (!before.contains(id))
            announceRow(id, {Qt::DisplayRole, RawRole, WatchedRole, Qt::AccessibleTextRole});
    }
    emit watchedChanged();
}

void TaskTreeModel::markSeen(const QString &id)
{
    if (!m_unseenFailures.remove(id))
        return;
    announceRow(id, {UnseenFailureRole});
    emit unseenFailuresChanged(int(m_unseenFailures.size()));
}

void TaskTreeModel::markAllSeen()
{
    const QSet<QString> unseen = std::exchange(m_unseenFailures, {});
    for (const QString &id : unseen)
        announceRow(id, {UnseenFailureRole});
    if (!unseen.isEmpty())
        emit unseenFailuresChanged(0);
}

void TaskTreeModel::clearChangeMarks()
{
    m_changedAt.clear();
    markAllSeen();
}

TaskTreeModel::Node *TaskTreeModel::nodeForSlot(const TaskForest &forest, int slot) const
{
    if (slot < 0)
        return m_root.get();
    Node *node = m_byId.value(forest.task(slot).id);
    Q_ASSERT(node);
    return node;
}

void TaskTreeModel::updateChanged(const ChangePlan &plan, std::vector<Change> *changes)
{
    const TaskForest &forest = *plan.forest;
    changes->reserve(plan.changed.size());
    for (const ChangePlan::CellChange &change : plan.changed) {
        Node *node = nodeForSlot(forest, change.slot);
        node->task = forest.taskObject(change.slot);
        node->marks = Marks(forest.marks(change.slot));
        changes->push_back({node, change.firstColumn, change.lastColumn, change.orderChanged});
    }
}

// The changed cells: one dataChanged per parent, over the rows from its first changed row to its
// last, with the columns that changed (OrderRole where a place may change). A sorting proxy places
// the rows of one dataChanged together: it takes them out, sorts them, and puts them back by binary
// search among the others. Rows of one level announced one at a time would each be searched for
// among rows whose keys have changed but that are not placed again yet, and end up out of order.
// For the same reason they go out before the structural signals (new rows are placed by binary
// search too), or after a layout change (which re-sorts everything). Rows whose key did not change
// keep their place whatever the order of the signals: with the sort column known, they go apart.
void TaskTreeModel::emitChanges(std::vector<Change> &changes)
{
    std::sort(changes.begin(), changes.end(), [](const Change &a, const Change &b) {
        return a.node->parent != b.node->parent ? std::less<Node *>()(a.node->parent, b.node->parent)
                                                : a.node->row < b.node->row;
    });
    // With a sort column known (setSortColumnHint()): first the rows whose key may have changed,
    // then the others, left and right of that column, in dataChanged that leave it out.
    static const QList<int> withOrder = changedRoles() + QList<int>{OrderRole};
    const int hint = m_sortColumnHint;
    const auto group = [hint](const Change &c) {
        if (hint < 0 || c.orderChanged || (c.firstColumn <= hint && hint <= c.lastColumn))
            return 0;
        return c.lastColumn < hint ? 1 : 2;
    };
    struct Span
    {
        const Change *top = nullptr, *bottom = nullptr;
        int first = ColumnCount, last = -1;
        bool orderChanged = false;
    };
    for (size_t begin = 0; begin < changes.size();) {
        Span spans[3];
        size_t end = begin;
        for (; end < changes.size() && changes[end].node->parent == changes[begin].node->parent; ++end) {
            const Change &c = changes[end];
            Span &span = spans[group(c)];
            span.top = span.top ? span.top : &c;
            span.bottom = &c;
            span.first = qMin(span.first, c.firstColumn);
            span.last = qMax(span.last, c.lastColumn);
            span.orderChanged = span.orderChanged || c.orderChanged;
        }
        for (const Span &span : spans) {
            if (span.top)
                emit dataChanged(indexFor(span.top->node, span.first), indexFor(span.bottom->node, span.last),
                                 span.orderChanged ? withOrder : changedRoles());
        }
        begin = end;
    }
}

// A new task and the new tasks below it, built before the one signal that inserts them. Siblings
// keep the order they arrived in (see the header); a surviving task that moves under a new one
// joins it in moveSurvivors().
NodePtr TaskTreeModel::buildSubtree(const ChangePlan &plan, int slot)
{
    const TaskForest &forest = *plan.forest;
    const auto make = [&](int s) {
        auto node = std::make_unique<Node>();
        node->task = forest.taskObject(s);
        node->marks = Marks(forest.marks(s));
        m_byId.insert(node->task->id, node.get());
        return node;
    };
    NodePtr top = make(slot);
    std::vector<std::pair<Node *, int>> pending{{top.get(), slot}};
    std::vector<int> kids;
    while (!pending.empty()) {
        const auto [node, s] = pending.back();
        pending.pop_back();
        kids.clear();
        for (const int *it = forest.childrenBegin(s); it != forest.childrenEnd(s); ++it) {
            if (plan.isNew[size_t(*it)])
                kids.push_back(*it);
        }
        std::sort(kids.begin(), kids.end()); // the snapshot's order
        node->children.reserve(kids.size());
        for (int kid : kids) {
            NodePtr child = make(kid);
            child->parent = node;
            child->row = int(node->children.size());
            pending.emplace_back(child.get(), kid);
            node->children.push_back(std::move(child));
        }
    }
    return top;
}

void TaskTreeModel::insertNew(const ChangePlan &plan)
{
    for (const ChangePlan::Insert &insert : plan.inserts) {
        Node *parent = nodeForSlot(*plan.forest, insert.parentSlot);
        std::vector<NodePtr> nodes;
        nodes.reserve(insert.tops.size());
        for (int slot : insert.tops)
            nodes.push_back(buildSubtree(plan, slot));
        insertChildren(parent, int(parent->children.size()), std::move(nodes));
    }
}

// A target that is currently inside the moving subtree cannot take it yet: such a task waits at
// the top level until the tasks between them have moved.
void TaskTreeModel::moveSurvivors(const ChangePlan &plan)
{
    const auto isInside = [](const Node *node, const Node *ancestor) {
        for (; node; node = node->parent) {
            if (node == ancestor)
                return true;
        }
        return false;
    };
    const TaskForest &forest = *plan.forest;
    std::vector<std::pair<Node *, Node *>> deferred;
    for (int slot : plan.moves) {
        Node *node = nodeForSlot(forest, slot);
        Node *target = nodeForSlot(forest, forest.parent(slot));
        if (node->parent == target)
            continue;
        if (isInside(target, node)) {
            moveChild(node->parent, node->row, m_root.get(), int(m_root->children.size()));
            deferred.emplace_back(node, target);
        } else {
            moveChild(node->parent, node->row, target, int(target->children.size()));
        }
    }
    for (const auto &[node, target] : deferred) {
        Q_ASSERT(!isInside(target, node));
        moveChild(node->parent, node->row, target, int(target->children.size()));
    }
}

void TaskTreeModel::removeGone(const ChangePlan &plan)
{
    std::map<Node *, std::vector<int>> rowsByParent;
    for (int slot : plan.removals) {
        const Node *node = nodeForSlot(*plan.previous, slot);
        rowsByParent[node->parent].push_back(node->row);
    }
    for (auto &[parent, rows] : rowsByParent) {
        std::sort(rows.begin(), rows.end());
        for (size_t end = rows.size(); end > 0;) { // runs of consecutive rows, last first
            size_t begin = end - 1;
            while (begin > 0 && rows[begin - 1] == rows[begin] - 1)
                --begin;
            removeChildren(parent, rows[begin], rows[end - 1]);
            end = begin;
        }
    }
}

// After a quiet batch: every persistent index follows its task; those of gone tasks become invalid.
void TaskTreeModel::remapPersistent(const QModelIndexList &before)
{
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex &index : before) {
        const Node *node = nodeFor(index);
        after.append(node->gone ? QModelIndex() : indexFor(node, index.column()));
    }
    changePersistentIndexList(before, after);
}

void TaskTreeModel::trackTicking()
{
    m_ticking.clear();
    m_ticking.reserve(m_forest->ticking().size());
    for (int slot : m_forest->ticking())
        m_ticking.push_back(nodeForSlot(*m_forest, slot));
}

void TaskTreeModel::refreshRunningDurations()
{
    std::vector<const Node *> ticking(m_ticking.cbegin(), m_ticking.cend());
    std::sort(ticking.begin(), ticking.end(), [](const Node *a, const Node *b) {
        return a->parent != b->parent ? std::less<const Node *>()(a->parent, b->parent) : a->row < b->row;
    });
    // One dataChanged per run of consecutive running rows of a parent.
    for (size_t begin = 0; begin < ticking.size();) {
        size_t end = begin + 1;
        while (end < ticking.size() && ticking[end]->parent == ticking[begin]->parent
               && ticking[end]->row == ticking[end - 1]->row + 1)
            ++end;
        emit dataChanged(indexFor(ticking[begin], DurationColumn), indexFor(ticking[end - 1], DurationColumn),
                         {Qt::DisplayRole, RawRole});
        begin = end;
    }
}

// --- lookups ---------------------------------------------------------------------------------

const Task *TaskTreeModel::task(const QModelIndex &index) const
{
    if (!index.isValid())
        return nullptr;
    return nodeFor(index)->task;
}

TaskTreeModel::Marks TaskTreeModel::marks(const QModelIndex &index) const
{
    return index.isValid() ? nodeFor(index)->marks : Marks();
}

QModelIndex TaskTreeModel::indexForId(const QString &id, int column) const
{
    const Node *node = m_byId.value(id);
    return node ? indexFor(node, column) : QModelIndex();
}

void TaskTreeModel::forEachInTreeOrder(const std::function<void(const Task &, int)> &visit) const
{
    m_forest->forEachInTreeOrder(visit);
}

void TaskTreeModel::forEachTask(const std::function<void(const Task &)> &visit) const
{
    m_forest->forEachTask(visit);
}

const TaskTreeModel::Node *TaskTreeModel::parentNode(const Node *node) const
{
    return node && node->parent != m_root.get() ? node->parent : nullptr;
}

int TaskTreeModel::childCount(const Node *node) const
{
    return int((node ? node : m_root.get())->children.size());
}

const TaskTreeModel::Node *TaskTreeModel::childNode(const Node *node, int row) const
{
    return (node ? node : m_root.get())->children[size_t(row)].get();
}

int TaskTreeModel::rowOf(const Node *node) const
{
    return node ? node->row : -1;
}

QModelIndex TaskTreeModel::childIndex(const Node *node, int row, int column) const
{
    return createIndex(row, column, const_cast<Node *>(childNode(node, row)));
}

// --- QAbstractItemModel ----------------------------------------------------------------------

QModelIndex TaskTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    const Node *parentNode = nodeFor(parent);
    if (!parentNode || row >= int(parentNode->children.size()))
        return {};
    return createIndex(row, column, parentNode->children[size_t(row)].get());
}

QModelIndex TaskTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *node = nodeFor(child);
    return indexFor(node->parent);
}

int TaskTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeFor(parent)->children.size());
}

int TaskTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool TaskTreeModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

Qt::ItemFlags TaskTreeModel::flags(const QModelIndex &index) const
{
    return index.isValid() ? taskFlags() : Qt::NoItemFlags;
}

QHash<int, QByteArray> TaskTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(RawRole, "raw");
    names.insert(TaskRole, "task");
    names.insert(IdRole, "taskId");
    names.insert(StateRole, "state");
    names.insert(MarksRole, "marks");
    names.insert(OrderRole, "order");
    names.insert(PlaceNameRole, "placeName");
    return names;
}

namespace {

NameKind nameKindOf(int column)
{
    switch (column) {
    case TaskTreeModel::ClusterColumn: return NameKind::Cluster;
    case TaskTreeModel::NamespaceColumn: return NameKind::Namespace;
    default: return NameKind::App;
    }
}

bool isNameColumn(int column)
{
    return column == TaskTreeModel::AppColumn || column == TaskTreeModel::ClusterColumn
        || column == TaskTreeModel::NamespaceColumn;
}

// A task's own reason: the first stateDetails title, unless it completed (details of a success
// are not a problem).
const StateDetail *ownProblem(const Task &task)
{
    if (task.stateDetails.isEmpty() || task.state == TaskState::Completed)
        return nullptr;
    return &task.stateDetails.first();
}

} // namespace

QVariant TaskTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case StateColumn: return tr("State");
    case ProgressColumn: return tr("Progress");
    case AppColumn: return tr("App");
    case ClusterColumn: return tr("Cluster");
    case NamespaceColumn: return tr("Namespace");
    case ProblemColumn: return tr("Problem");
    case StartedColumn: return tr("Started");
    case EndedColumn: return tr("Ended");
    case DurationColumn: return tr("Duration");
    case ResourceColumn: return tr("Resource");
    case InternalNameColumn: return tr("Internal Name");
    case ServiceColumn: return tr("Service");
    case EtaColumn: return tr("ETA");
    //: the header of the narrow column of stars (watched tasks)
    case WatchColumn: return tr("★");
    default: return {};
    }
}

QVariant TaskTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &node = *nodeFor(index);
    const Task &task = *node.task;
    switch (role) {
    case Qt::DisplayRole:
        return displayData(node, index.column());
    case RawRole:
        return rawData(node, index.column());
    case TaskRole:
        return QVariant::fromValue(task);
    case IdRole:
        return task.id;
    case StateRole:
        return int(task.state);
    case MarksRole:
        return int(node.marks);
    case FromHistoryRole:
        return task.isFromHistory();
    case ChangedAtRole:
        return m_changedAt.value(task.id);
    case UnseenFailureRole:
        return m_unseenFailures.contains(task.id);
    case WatchedRole:
        return m_watched.contains(task.id);
    case StalledRole:
        return task.stalledSince.isValid();
    case OrderRole:
        return task.startTime;
    case Qt::ToolTipRole:
        return toolTip(node, index.column());
    case PlaceNameRole:
        return isNameColumn(index.column()) ? TaskPlace::nameOf(task, nameKindOf(index.column()), m_names.get()) : QString();
    case Qt::AccessibleTextRole: // what a screen reader says for the painted badge and bar
        if (index.column() == ProgressColumn && !task.percentDone)
            return tr("No progress reported");
        if (index.column() == WatchColumn)
            return m_watched.contains(task.id) ? tr("Watched") : tr("Not watched");
        if (index.column() == StateColumn)
            return TaskFormat::stateLabel(TaskFormat::stateName(task.state, task.stateText), task.stalledSince.isValid());
        return displayData(node, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == DurationColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}


const TaskTreeModel::Node *TaskTreeModel::problemNode(const Node &node) const
{
    if (ownProblem(*node.task))
        return &node;
    // A parent's problem is its first failed subtask's (depth first, iteratively).
    std::vector<const Node *> pending;
    for (auto it = node.children.rbegin(); it != node.children.rend(); ++it)
        pending.push_back(it->get());
    while (!pending.empty()) {
        const Node *current = pending.back();
        pending.pop_back();
        if (current->task->state == TaskState::Failed && ownProblem(*current->task))
            return current;
        for (auto it = current->children.rbegin(); it != current->children.rend(); ++it)
            pending.push_back(it->get());
    }
    return nullptr;
}

QString TaskTreeModel::problem(const QModelIndex &index) const
{
    const Node *node = checkIndex(index, CheckIndexOption::IndexIsValid) ? problemNode(*nodeFor(index)) : nullptr;
    return node ? ownProblem(*node->task)->title : QString();
}

QStringList TaskTreeModel::problemDetails(const QModelIndex &index) const
{
    const Node *node = checkIndex(index, CheckIndexOption::IndexIsValid) ? problemNode(*nodeFor(index)) : nullptr;
    QStringList lines;
    if (!node)
        return lines;
    if (node != nodeFor(index)) {
        //: the subtask whose failure a parent shows
        lines.append(tr("In subtask “%1”:").arg(node->task->summary.isEmpty() ? node->task->name : node->task->summary));
    }
    for (const StateDetail &detail : node->task->stateDetails)
        lines.append(detail.detail.isEmpty() ? detail.title : tr("%1: %2").arg(detail.title, detail.detail));
    return lines;
}

QVariant TaskTreeModel::toolTip(const Node &node, int column) const
{
    const Task &task = *node.task;
    switch (column) {
    case NameColumn: {
        QStringList lines = QStringList{task.name, task.id} + TaskFormat::markDescriptions(int(node.marks), task.parentTaskID);
        if (task.isFromHistory()) {
            //: a task shown from Taskscope's history; %1 is a date and time
            lines.append(tr("From history: the server stopped listing it at %1").arg(TaskFormat::exactUtc(task.goneAt)));
        }
        return lines.join(u'\n');
    }
    case StartedColumn:
        return TaskFormat::exactUtc(task.startTime);
    case EndedColumn:
        return TaskFormat::exactUtc(task.endTime.isValid() ? task.endTime : task.cancelTime);
    case ResourceColumn:
        return task.resourceURI.toString();
    case EtaColumn:
        if (!task.eta)
            return task.state == TaskState::Running ? tr("Not enough progress yet, and fewer than 3 past runs of this kind for this app") : QString();
        if (task.eta->sources == (EtaRange::Rate | EtaRange::History))
            return tr("From its recent progress and from past runs of this kind for this app");
        return task.eta->sources == EtaRange::History ? tr("From past runs of this kind for this app")
                                                      : tr("From its recent progress");
    case AppColumn:
    case ClusterColumn:
    case NamespaceColumn: {
        const NameKind kind = nameKindOf(column);
        const TaskPlace place = TaskPlace::of(task, kind, m_names.get());
        if (place.id(kind).isEmpty())
            return {};
        if (place.name(kind).isEmpty()) //: a resource whose name is not known: its id, and why
            return tr("%1\nName not known: %2").arg(place.id(kind), m_namesMissingWhy.isEmpty() ? tr("the account's lists do not name it") : m_namesMissingWhy);
        return tr("%1\nid %2").arg(place.name(kind), place.id(kind));
    }
    case StateColumn:
    case ProblemColumn: {
        const QModelIndex index = indexFor(&node, column);
        QStringList lines = problemDetails(index);
        if (column == StateColumn) {
            lines.prepend(TaskFormat::stateName(task.state, task.stateText));
            if (task.stalledSince.isValid()) {
                //: a running task whose progress stopped moving; %1 is a date and time
                lines.insert(1, tr("Stalled: no progress since %1").arg(TaskFormat::localTime(task.stalledSince)));
            }
        }
        return lines.join(u'\n');
    }
    default:
        return displayData(node, column);
    }
}

QVariant TaskTreeModel::displayData(const Node &node, int column) const
{
    const Task &task = *node.task;
    switch (column) {
    case NameColumn:
        return !task.summary.isEmpty() ? task.summary : task.name.isEmpty() ? task.id : task.name;
    case InternalNameColumn:
        return task.name;
    case StateColumn:
        return TaskFormat::stateName(task.state, task.stateText);
    case ProgressColumn:
        return TaskFormat::progress(task.percentDone);
    case ServiceColumn:
        return task.service;
    case EtaColumn:
        return TaskFormat::eta(task.eta, task.state == TaskState::Running && !task.isFromHistory());
    case WatchColumn:
        return m_watched.contains(task.id) ? QStringLiteral("★") : QString();
    case StartedColumn:
        return TaskFormat::localTime(task.startTime);
    case EndedColumn:
        return TaskFormat::localTime(task.endTime.isValid() ? task.endTime : task.cancelTime);
    case DurationColumn: {
        const auto seconds = task.durationSeconds(m_clock());
        return seconds ? TaskFormat::duration(*seconds) : QString();
    }
    case ResourceColumn:
        return TaskFormat::readableResource(task.resourceURI);
    case AppColumn:
    case ClusterColumn:
    case NamespaceColumn:
        return TaskPlace::of(task, nameKindOf(column), m_names.get()).shown(nameKindOf(column));
    case ProblemColumn: {
        const Node *source = problemNode(node);
        return source ? ownProblem(*source->task)->title : QString();
    }
    default:
        return {};
    }
}

QVariant TaskTreeModel::rawData(const Node &node, int column) const
{
    const Task &task = *node.task;
    switch (column) {
    case NameColumn:
    case AppColumn:
    case ClusterColumn:
    case NamespaceColumn:
    case ProblemColumn:
        return displayData(node, column);
    case InternalNameColumn:
        return task.name;
    case StateColumn:
        return int(task.state);
    case ProgressColumn:
        return task.percentDone ? QVariant(*task.percentDone) : QVariant();
    case ServiceColumn:
        return task.service;
    case EtaColumn:
        return task.eta ? QVariant(task.eta->lowSeconds) : QVariant();
    case WatchColumn:
        return m_watched.contains(task.id);
    case StartedColumn:
        return task.startTime;
    case EndedColumn:
        return task.endTime.isValid() ? task.endTime : task.cancelTime;
    case DurationColumn: {
        const auto seconds = task.durationSeconds(m_clock());
        return seconds ? QVariant(*seconds) : QVariant();
    }
    case ResourceColumn:
        return task.resourceURI.toString();
    default:
        return {};
    }
}

void TaskTreeModel::setNames(NameTablePtr names)
{
    if (names == m_names || (names && m_names && *names == *m_names))
        return;
    m_names = std::move(names);
    announceNamesChanged();
    emit namesChanged();
}

void TaskTreeModel::setNamesMissingWhy(const QString &why)
{
    m_namesMissingWhy = why;
}

// The name columns of every row changed: one dataChanged per parent, iteratively. Names change
// rarely (a new app, a refresh that differs), so a walk over the tree is fine here.
void TaskTreeModel::announceNamesChanged()
{
    static const QList<int> roles = {Qt::DisplayRole, Qt::ToolTipRole, RawRole};
    std::vector<const Node *> pending{m_root.get()};
    while (!pending.empty()) {
        const Node *parent = pending.back();
        pending.pop_back();
        if (parent->children.empty())
            continue;
        const QModelIndex parentIndex = parent == m_root.get() ? QModelIndex() : indexFor(parent);
        emit dataChanged(index(0, AppColumn, parentIndex), index(int(parent->children.size()) - 1, NamespaceColumn, parentIndex), roles);
        for (const auto &child : parent->children)
            pending.push_back(child.get());
    }
}

} // namespace Taskscope
