// TaskTreeModel: each apply() diffs a snapshot into the tree by id, so selection, expansion and
// persistent indexes survive polls; the model is never reset.
#include "tasktreemodel.h"

#include "logging.h"
#include "tasklistparser.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <map>

namespace Taskscope {

struct TaskTreeModel::Node
{
    Task task;
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;
    int row = 0;
    Marks marks;
    quint64 generation = 0; // the last apply() that kept this task
    int slot = -1;          // its index among that apply's tasks
    quint64 digest = 0;     // rawJsonDigest(task.rawJson); 0: not known
};

namespace {

using NodePtr = std::unique_ptr<TaskTreeModel::Node>;

bool sameSortKey(const Task &a, const Task &b)
{
    return a.orderHint == b.orderHint && a.startTime == b.startTime;
}

const QList<int> &changedRoles()
{
    static const QList<int> roles = {Qt::DisplayRole,         Qt::ToolTipRole,         Qt::DecorationRole,
                                     TaskTreeModel::RawRole,  TaskTreeModel::TaskRole, TaskTreeModel::StateRole,
                                     TaskTreeModel::MarksRole};
    return roles;
}

QString lastSegments(const QString &uri)
{
    // "/accounts/x/k8s/v1/apps/y/appBackups/z" -> "appBackups/z"
    const qsizetype last = uri.lastIndexOf(u'/');
    if (last <= 0)
        return uri;
    const qsizetype previous = uri.lastIndexOf(u'/', last - 1);
    return uri.mid(previous + 1);
}

QString formatTime(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    const QLocale locale;
    const QDateTime local = utc.toLocalTime();
    return locale.toString(local.date(), QLocale::ShortFormat) + u' '
        + locale.toString(local.time(), locale.timeFormat(QLocale::LongFormat).contains(u's')
                                            ? QStringLiteral("HH:mm:ss")
                                            : locale.timeFormat(QLocale::ShortFormat));
}

QString exactUtc(const QDateTime &utc)
{
    return utc.isValid() ? utc.toString(Qt::ISODateWithMs) : QString();
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

bool TaskTreeModel::siblingLess(const Task &a, const Task &b)
{
    if (a.orderHint.has_value() != b.orderHint.has_value())
        return a.orderHint.has_value();
    if (a.orderHint && *a.orderHint != *b.orderHint)
        return *a.orderHint < *b.orderHint;
    const bool aStarted = a.startTime.isValid(), bStarted = b.startTime.isValid();
    if (aStarted != bStarted)
        return aStarted;
    if (aStarted && a.startTime != b.startTime)
        return a.startTime < b.startTime;
    return a.id < b.id;
}

TaskTreeModel::TaskTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
}

TaskTreeModel::~TaskTreeModel()
{
    destroyIteratively(std::move(m_root));
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
            const auto it = m_byId.constFind(current->task.id);
            if (it != m_byId.cend() && it.value() == current)
                m_byId.erase(it);
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
    if (digests && digests->size() != snapshot.size())
        digests = nullptr;
    // 1. One task per id (the first wins); the effective parent of each. Tasks already in the
    //    model are found through m_byId and stamped with this apply's generation; only new ids
    //    need a second table.
    ++m_generation;
    std::vector<const Task *> tasks;
    std::vector<Node *> nodeOf;
    std::vector<quint64> digestOf;
    tasks.reserve(size_t(snapshot.size()));
    digestOf.reserve(size_t(snapshot.size()));
    nodeOf.reserve(size_t(snapshot.size()));
    QHash<QStringView, int> newSlot;
    if (m_byId.size() < snapshot.size()) { // growing (a first load above all): no rehashing on the way
        newSlot.reserve(snapshot.size() - m_byId.size());
        m_byId.reserve(snapshot.size());
    }
    for (qsizetype i = 0; i < snapshot.size(); ++i) {
        const Task &task = snapshot[i];
        if (task.id.isEmpty()) {
            if (warnings)
                warnings->append(ParseWarning{i, {}, QStringLiteral("id"), tr("a task without an id; skipped"), true});
            continue;
        }
        Node *node = m_byId.value(task.id);
        const bool duplicate = node ? node->generation == m_generation : newSlot.contains(QStringView(task.id));
        if (duplicate) {
            if (warnings)
                warnings->append(ParseWarning{i, task.id, QStringLiteral("id"),
                                              tr("duplicate id; the first task with this id is kept"), true});
            continue;
        }
        if (node) {
            node->generation = m_generation;
            node->slot = int(tasks.size());
        } else {
            newSlot.insert(QStringView(task.id), int(tasks.size()));
        }
        nodeOf.push_back(node);
        tasks.push_back(&task);
        digestOf.push_back(digests ? digests->at(i) : 0);
    }
    const auto slotOf = [&](const QString &id) {
        if (const Node *node = m_byId.value(id); node && node->generation == m_generation)
            return node->slot;
        return newSlot.value(QStringView(id), -1);
    };
    const int count = int(tasks.size());
    std::vector<int> parentOf(size_t(count), -1);
    std::vector<Marks> marks(size_t(count), NoMark);
    for (int i = 0; i < count; ++i) {
        const Task &task = *tasks[size_t(i)];
        if (task.parentTaskID.isEmpty())
            continue;
        if (task.parentTaskID == task.id) {
            marks[size_t(i)] |= SelfParentMark;
            continue;
        }
        // Most tasks keep their parent: when the tree already has it there, no lookup is needed.
        const Node *current = nodeOf[size_t(i)] ? nodeOf[size_t(i)]->parent : nullptr;
        const int parent = current && current != m_root.get() && current->generation == m_generation
                && current->task.id == task.parentTaskID
            ? current->slot
            : slotOf(task.parentTaskID);
        if (parent < 0)
            marks[size_t(i)] |= OrphanMark;
        else
            parentOf[size_t(i)] = parent;
    }
    // Break loops: walk each parent chain once; a chain that meets itself is a cycle, and the
    // smallest id in it becomes a root (the same choice whatever the snapshot's order).
    {
        std::vector<quint8> colour(size_t(count), 0); // 0 new, 1 on the current path, 2 done
        std::vector<int> path;
        for (int start = 0; start < count; ++start) {
            path.clear();
            int j = start;
            while (j >= 0 && colour[size_t(j)] == 0) {
                colour[size_t(j)] = 1;
                path.push_back(j);
                j = parentOf[size_t(j)];
            }
            if (j >= 0 && colour[size_t(j)] == 1) {
                const auto loopStart = std::find(path.begin(), path.end(), j);
                const int cut = *std::min_element(loopStart, path.end(), [&](int a, int b) {
                    return tasks[size_t(a)]->id < tasks[size_t(b)]->id;
                });
                parentOf[size_t(cut)] = -1;
                marks[size_t(cut)] |= CycleMark;
            }
            for (int p : path)
                colour[size_t(p)] = 2;
        }
    }

    // 2. Update surviving tasks in place; remember what changed. Structure is untouched yet, so
    //    nothing a view reads during the structural signals below changes under it.
    struct Change
    {
        Node *node;
        int firstColumn;
        int lastColumn;
        bool orderChanged;
    };
    std::vector<Change> changes;
    for (int i = 0; i < count; ++i) {
        const Task &task = *tasks[size_t(i)];
        Node *node = nodeOf[size_t(i)];
        if (!node)
            continue;
        const Marks newMarks = marks[size_t(i)];
        // Parsed tasks are equal exactly when their bytes are (their digests stand for them when
        // both are known); tasks built in code compare by field.
        const quint64 digest = digestOf[size_t(i)];
        const bool sameBytes = digest && node->digest
            ? digest == node->digest && task.rawJson.size() == node->task.rawJson.size()
            : node->task.rawJson == task.rawJson;
        const bool sameTask = sameBytes && (!task.rawJson.isEmpty() || node->task == task);
        node->digest = digest;
        if (sameTask && node->marks == newMarks)
            continue;
        int first = ColumnCount, last = -1;
        const auto touch = [&](int column, bool differs) {
            if (differs) {
                first = qMin(first, column);
                last = qMax(last, column);
            }
        };
        const Task &old = node->task;
        touch(NameColumn, old.name != task.name || node->marks != newMarks);
        touch(SummaryColumn, old.summary != task.summary);
        touch(StateColumn, old.state != task.state || old.stateText != task.stateText);
        touch(ProgressColumn, old.percentDone != task.percentDone || old.state != task.state);
        touch(ServiceColumn, old.service != task.service);
        touch(StartedColumn, old.startTime != task.startTime);
        touch(EndedColumn, old.endTime != task.endTime);
        touch(DurationColumn, old.startTime != task.startTime || old.endTime != task.endTime
                                  || old.cancelTime != task.cancelTime || old.state != task.state);
        touch(ResourceColumn, old.resourceURI != task.resourceURI);
        if (last < 0)
            touch(NameColumn, true); // only fields without a column changed: the task role did
        // A sorting proxy re-checks a row's place only when the changed columns include its sort
        // column: a new place among the siblings is announced on every column.
        const bool orderChanged = !sameSortKey(old, task);
        if (orderChanged) {
            first = 0;
            last = ColumnCount - 1;
        }
        node->task = task;
        node->marks = newMarks;
        changes.push_back({node, first, last, orderChanged});
    }

    // Many structural changes: make them under one layout change (see the header).
    const int threshold = layoutBatchThreshold();
    int structural = 0;
    int survivors = 0;
    std::vector<const Node *> insertParents; // survivors (or the root) that get new children: one insert each
    for (int i = 0; i < count && structural <= threshold; ++i) {
        const Node *node = nodeOf[size_t(i)];
        const int p = parentOf[size_t(i)];
        const Node *target = p < 0 ? m_root.get() : nodeOf[size_t(p)];
        if (node) {
            ++survivors;
            if (node->parent != target)
                ++structural; // a reparented survivor: one move
        } else if (target && std::find(insertParents.cbegin(), insertParents.cend(), target) == insertParents.cend()) {
            insertParents.push_back(target);
            ++structural;
        }
    }
    if (structural <= threshold)
        structural += int(m_byId.size()) - survivors; // gone tasks (new ones enter m_byId in step 3)
    const bool batch = structural > threshold;

    // The changed cells: one dataChanged per parent, over the rows from its first changed row to its
    // last, with the columns that changed (OrderRole where a place may change). A sorting proxy
    // places the rows of one dataChanged together: it takes them out, sorts them, and puts them back
    // by binary search among the others. Rows of one level announced one at a time would each be
    // searched for among rows whose keys have changed but that are not placed again yet, and end up
    // out of order. For the same reason they go out before the structural signals (new rows are
    // placed by binary search too), or after a layout change (which re-sorts everything).
    const auto emitChanges = [&] {
        std::sort(changes.begin(), changes.end(), [](const Change &a, const Change &b) {
            return a.node->parent != b.node->parent ? std::less<Node *>()(a.node->parent, b.node->parent)
                                                    : a.node->row < b.node->row;
        });
        static const QList<int> withOrder = changedRoles() + QList<int>{OrderRole};
        for (size_t begin = 0; begin < changes.size();) {
            size_t end = begin + 1;
            int first = changes[begin].firstColumn, last = changes[begin].lastColumn;
            bool orderChanged = changes[begin].orderChanged;
            for (; end < changes.size() && changes[end].node->parent == changes[begin].node->parent; ++end) {
                first = qMin(first, changes[end].firstColumn);
                last = qMax(last, changes[end].lastColumn);
                orderChanged = orderChanged || changes[end].orderChanged;
            }
            emit dataChanged(indexFor(changes[begin].node, first), indexFor(changes[end - 1].node, last),
                             orderChanged ? withOrder : changedRoles());
            begin = end;
        }
    };
    if (!batch)
        emitChanges();

    QModelIndexList persistentBefore;
    if (batch) {
        emit layoutAboutToBeChanged();
        persistentBefore = persistentIndexList();
        m_quiet = true;
    }

    // 3. Create the new tasks. A new task under another new task is attached to it now and
    //    travels inside its subtree; only the topmost new tasks are inserted with a signal.
    std::vector<NodePtr> created(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) {
        if (nodeOf[size_t(i)])
            continue;
        created[size_t(i)] = std::make_unique<Node>();
        Node *node = created[size_t(i)].get();
        node->task = *tasks[size_t(i)];
        node->marks = marks[size_t(i)];
        node->digest = digestOf[size_t(i)];
        node->generation = m_generation;
        node->slot = i;
        nodeOf[size_t(i)] = node;
        m_byId.insert(node->task.id, node);
    }
    std::vector<bool> isNew(size_t(count), false);
    for (int i = 0; i < count; ++i)
        isNew[size_t(i)] = created[size_t(i)] != nullptr;
    for (int i = 0; i < count; ++i) {
        const int p = parentOf[size_t(i)];
        if (isNew[size_t(i)] && p >= 0 && isNew[size_t(p)]) {
            Node *parent = nodeOf[size_t(p)];
            created[size_t(i)]->parent = parent;
            parent->children.push_back(std::move(created[size_t(i)]));
        }
    }
    // Siblings keep the order they arrived in (see the header): the topmost new children of each
    // parent are appended in one block.
    std::map<Node *, std::vector<NodePtr>> toInsert; // the root or a survivor -> its topmost new children
    for (int i = 0; i < count; ++i) {
        if (!isNew[size_t(i)])
            continue;
        Node *node = nodeOf[size_t(i)];
        renumber(node, 0, int(node->children.size()) - 1);
        if (created[size_t(i)]) {
            const int p = parentOf[size_t(i)];
            toInsert[p < 0 ? m_root.get() : nodeOf[size_t(p)]].push_back(std::move(created[size_t(i)]));
        }
    }
    for (auto &[parent, kids] : toInsert)
        insertChildren(parent, int(parent->children.size()), std::move(kids));

    // 4. Reparent survivors. A target that is currently inside the moving subtree cannot take it
    //    yet: such a task waits at the top level until the tasks between them have moved.
    const auto isInside = [](const Node *node, const Node *ancestor) {
        for (; node; node = node->parent) {
            if (node == ancestor)
                return true;
        }
        return false;
    };
    std::vector<std::pair<Node *, Node *>> deferred;
    for (int i = 0; i < count; ++i) {
        Node *node = nodeOf[size_t(i)];
        const int p = parentOf[size_t(i)];
        Node *target = p < 0 ? m_root.get() : nodeOf[size_t(p)];
        if (node->parent == target)
            continue;
        Node *source = node->parent;
        if (isInside(target, node)) {
            moveChild(source, node->row, m_root.get(), int(m_root->children.size()));
            deferred.emplace_back(node, target);
        } else {
            moveChild(source, node->row, target, int(target->children.size()));
        }
    }
    for (const auto &[node, target] : deferred) {
        Q_ASSERT(!isInside(target, node));
        moveChild(node->parent, node->row, target, int(target->children.size()));
    }

    // 5. Remove the tasks that are gone. After step 4 a gone task's subtree holds only gone tasks,
    //    so removing the topmost ones (runs of consecutive rows) removes exactly the gone tasks.
    if (m_byId.size() > count) {
        const auto kept = [this](const Node *node) { return node == m_root.get() || node->generation == m_generation; };
        std::map<Node *, std::vector<int>> rowsByParent;
        for (auto it = m_byId.cbegin(); it != m_byId.cend(); ++it) {
            Node *node = it.value();
            if (!kept(node) && kept(node->parent))
                rowsByParent[node->parent].push_back(node->row);
        }
        for (auto &[parent, rows] : rowsByParent) {
            std::sort(rows.begin(), rows.end());
            for (size_t end = rows.size(); end > 0;) {
                size_t begin = end - 1;
                while (begin > 0 && rows[begin - 1] == rows[begin] - 1)
                    --begin;
                removeChildren(parent, rows[begin], rows[end - 1]);
                end = begin;
            }
        }
    }

    if (batch) {
        // Every persistent index follows its task; those of gone tasks become invalid.
        m_quiet = false;
        QModelIndexList persistentAfter;
        persistentAfter.reserve(persistentBefore.size());
        for (const QModelIndex &index : std::as_const(persistentBefore)) {
            const Node *node = nodeFor(index);
            persistentAfter.append(node->generation == m_generation ? indexFor(node, index.column()) : QModelIndex());
        }
        changePersistentIndexList(persistentBefore, persistentAfter);
        emit layoutChanged();
        for (NodePtr &node : m_removed)
            destroyIteratively(std::move(node));
        m_removed.clear();
    }

    if (batch)
        emitChanges(); // the proxy re-sorted every level in the layout change
    qCDebug(lcModels) << "applied" << count << "tasks:" << changes.size() << "changed";
}

void TaskTreeModel::refreshRunningDurations()
{
    std::vector<Node *> stack{m_root.get()};
    while (!stack.empty()) {
        Node *parent = stack.back();
        stack.pop_back();
        int runStart = -1;
        const int rows = int(parent->children.size());
        for (int row = 0; row <= rows; ++row) {
            const Node *child = row < rows ? parent->children[size_t(row)].get() : nullptr;
            const bool ticking = child && child->task.startTime.isValid() && !child->task.endTime.isValid()
                && !child->task.cancelTime.isValid() && isActiveState(child->task.state);
            if (ticking && runStart < 0)
                runStart = row;
            if (!ticking && runStart >= 0) {
                emit dataChanged(index(runStart, DurationColumn, indexFor(parent)),
                                 index(row - 1, DurationColumn, indexFor(parent)), {Qt::DisplayRole, RawRole});
                runStart = -1;
            }
            if (child && !child->children.empty())
                stack.push_back(const_cast<Node *>(child));
        }
    }
}

// --- lookups ---------------------------------------------------------------------------------

const Task *TaskTreeModel::task(const QModelIndex &index) const
{
    if (!index.isValid())
        return nullptr;
    return &nodeFor(index)->task;
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
    std::vector<std::pair<const Node *, int>> stack;
    std::vector<const Node *> siblings;
    const auto pushChildren = [&](const Node *parent, int depth) {
        siblings.clear();
        for (const NodePtr &child : parent->children)
            siblings.push_back(child.get());
        std::sort(siblings.begin(), siblings.end(),
                  [](const Node *a, const Node *b) { return siblingLess(a->task, b->task); });
        for (auto it = siblings.rbegin(); it != siblings.rend(); ++it)
            stack.emplace_back(*it, depth);
    };
    pushChildren(m_root.get(), 0);
    while (!stack.empty()) {
        const auto [node, depth] = stack.back();
        stack.pop_back();
        visit(node->task, depth);
        pushChildren(node, depth + 1);
    }
}

void TaskTreeModel::forEachTask(const std::function<void(const Task &)> &visit) const
{
    for (const Node *node : m_byId)
        visit(node->task);
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
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
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
    return names;
}

QVariant TaskTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case SummaryColumn:
        return tr("Summary");
    case StateColumn:
        return tr("State");
    case ProgressColumn:
        return tr("Progress");
    case ServiceColumn:
        return tr("Service");
    case StartedColumn:
        return tr("Started");
    case EndedColumn:
        return tr("Ended");
    case DurationColumn:
        return tr("Duration");
    case ResourceColumn:
        return tr("Resource");
    default:
        return {};
    }
}

QVariant TaskTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &node = *nodeFor(index);
    const Task &task = node.task;
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
    case OrderRole:
        return task.startTime;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case NameColumn: {
            const QStringList lines = QStringList{task.name, task.id} + markDescriptions(node.marks, task.parentTaskID);
            return lines.join(u'\n');
        }
        case StartedColumn:
            return exactUtc(task.startTime);
        case EndedColumn:
            return exactUtc(task.endTime.isValid() ? task.endTime : task.cancelTime);
        case ResourceColumn:
            return task.resourceURI;
        case StateColumn:
            return stateDisplayName(task.state, task.stateText);
        default:
            return displayData(node, index.column());
        }
    case Qt::AccessibleTextRole: // what a screen reader says for the painted badge and bar
        if (index.column() == ProgressColumn && !task.percentDone)
            return tr("No progress reported");
        return displayData(node, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == DurationColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant TaskTreeModel::displayData(const Node &node, int column) const
{
    const Task &task = node.task;
    switch (column) {
    case NameColumn:
        return task.name.isEmpty() ? task.id : task.name;
    case SummaryColumn:
        return task.summary;
    case StateColumn:
        return stateDisplayName(task.state, task.stateText);
    case ProgressColumn:
        return formatProgress(task.percentDone);
    case ServiceColumn:
        return task.service;
    case StartedColumn:
        return formatTime(task.startTime);
    case EndedColumn:
        return formatTime(task.endTime.isValid() ? task.endTime : task.cancelTime);
    case DurationColumn: {
        const auto seconds = task.durationSeconds(m_clock());
        return seconds ? formatDuration(*seconds) : QString();
    }
    case ResourceColumn:
        return lastSegments(task.resourceURI);
    default:
        return {};
    }
}

QVariant TaskTreeModel::rawData(const Node &node, int column) const
{
    const Task &task = node.task;
    switch (column) {
    case NameColumn:
        return task.name;
    case SummaryColumn:
        return task.summary;
    case StateColumn:
        return int(task.state);
    case ProgressColumn:
        return task.percentDone ? QVariant(*task.percentDone) : QVariant();
    case ServiceColumn:
        return task.service;
    case StartedColumn:
        return task.startTime;
    case EndedColumn:
        return task.endTime.isValid() ? task.endTime : task.cancelTime;
    case DurationColumn: {
        const auto seconds = task.durationSeconds(m_clock());
        return seconds ? QVariant(*seconds) : QVariant();
    }
    case ResourceColumn:
        return task.resourceURI;
    default:
        return {};
    }
}

QString TaskTreeModel::stateDisplayName(TaskState state, const QString &rawText)
{
    switch (state) {
    case TaskState::NotStarted:
        return tr("Not started", "task state");
    case TaskState::Running:
        return tr("Running", "task state");
    case TaskState::Completed:
        return tr("Completed", "task state");
    case TaskState::Pausing:
        return tr("Pausing", "task state");
    case TaskState::Paused:
        return tr("Paused", "task state");
    case TaskState::Cancelling:
        return tr("Cancelling", "task state");
    case TaskState::Cancelled:
        return tr("Cancelled", "task state");
    case TaskState::Failed:
        return tr("Failed", "task state");
    case TaskState::Unknown:
        break;
    }
    return rawText.isEmpty() ? tr("Unknown", "task state") : rawText;
}

QStringList TaskTreeModel::markDescriptions(Marks marks, const QString &parentTaskID)
{
    QStringList lines;
    if (marks & OrphanMark)
        lines << tr("Its parent task %1 is not in the list: shown at the top level.").arg(parentTaskID);
    if (marks & SelfParentMark)
        lines << tr("It names itself as its parent: shown at the top level.");
    if (marks & CycleMark)
        lines << tr("Its parent chain loops back to it (parent %1): the loop is cut here.").arg(parentTaskID);
    return lines;
}

QString TaskTreeModel::formatProgress(std::optional<double> percent)
{
    if (!percent)
        return {};
    const double value = *percent;
    const int decimals = value == std::floor(value) ? 0 : 1;
    return tr("%1%", "percent done").arg(QLocale().toString(value, 'f', decimals));
}

QString TaskTreeModel::formatDuration(qint64 seconds)
{
    const qint64 h = seconds / 3600, m = (seconds % 3600) / 60, s = seconds % 60;
    if (h > 0)
        return tr("%1h %2m %3s", "duration").arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'));
    if (m > 0)
        return tr("%1m %2s", "duration").arg(m).arg(s, 2, 10, QLatin1Char('0'));
    return tr("%1s", "duration").arg(s);
}

} // namespace Taskscope
