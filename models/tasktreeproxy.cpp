// TaskTreeProxy: a filtering, sorting proxy over TaskTreeModel's nodes; see the header for why.
#include "tasktreeproxy.h"

#include <algorithm>
#include <unordered_set>

namespace Taskscope {

namespace {

enum : quint8 {
    MatchBit = 1, // filterAcceptsRow()
    HitBit = 2,   // the row matches, or a row below it does
};

// A filter change that shows or hides more rows than this is one layout change: each row signal
// makes Qt walk every persistent index, and a view lays itself out again after either.
constexpr int kRowSignalLimit = 512;

} // namespace

// The rows of one source parent (nullptr: the top level). Complete for every task with subtasks,
// shown or not, so that a row that comes back brings its subtree as it is now.
struct TaskTreeProxy::Level
{
    const Node *node = nullptr;
    std::vector<int> proxyToSource; // the source rows shown, in display order
    std::vector<int> sourceToProxy; // each source row's proxy row; -1: hidden
    std::vector<quint8> bits;       // MatchBit | HitBit of each source row
    // Each source row's own level (null: none). The tree view asks rowCount() and hasChildren() of
    // every row it lays out (100,000 after any insert): this answers them from the proxy's vectors,
    // without reading the model's nodes or looking up the levels' hash.
    std::vector<Level *> below;
    int hits = 0;                   // source rows with HitBit
    bool ancestorMatches = false;   // the node of this level, or a task above it, matches
};

// Levels whose shown rows may have changed, synchronised deepest first: a row that appears then
// brings its subtasks as they already are.
class TaskTreeProxy::Dirty
{
public:
    void add(Level *level)
    {
        if (m_seen.insert(level).second)
            m_levels.push_back(level);
    }
    std::vector<Level *> m_levels;

private:
    std::unordered_set<Level *> m_seen;
};

TaskTreeProxy::TaskTreeProxy(QObject *parent)
    : QAbstractProxyModel(parent)
{
}

TaskTreeProxy::~TaskTreeProxy() = default;

void TaskTreeProxy::setSourceModel(QAbstractItemModel *model)
{
    Q_ASSERT(!model || qobject_cast<TaskTreeModel *>(model));
    beginResetModel();
    for (const QMetaObject::Connection &connection : m_connections)
        disconnect(connection);
    m_connections.clear();
    m_model = static_cast<TaskTreeModel *>(model);
    QAbstractProxyModel::setSourceModel(model);
    if (m_model) {
        auto *source = m_model;
        m_connections = {
            connect(source, &QAbstractItemModel::dataChanged, this, &TaskTreeProxy::onDataChanged),
            connect(source, &QAbstractItemModel::rowsInserted, this, &TaskTreeProxy::onRowsInserted),
            connect(source, &QAbstractItemModel::rowsAboutToBeRemoved, this, &TaskTreeProxy::onRowsAboutToBeRemoved),
            connect(source, &QAbstractItemModel::rowsRemoved, this, &TaskTreeProxy::onRowsRemoved),
            connect(source, &QAbstractItemModel::rowsAboutToBeMoved, this, &TaskTreeProxy::onLayoutAboutToBeChanged),
            connect(source, &QAbstractItemModel::rowsMoved, this, &TaskTreeProxy::onLayoutChanged),
            connect(source, &QAbstractItemModel::layoutAboutToBeChanged, this, &TaskTreeProxy::onLayoutAboutToBeChanged),
            connect(source, &QAbstractItemModel::layoutChanged, this, &TaskTreeProxy::onLayoutChanged),
            connect(source, &QAbstractItemModel::modelAboutToBeReset, this, [this] { beginResetModel(); }),
            connect(source, &QAbstractItemModel::modelReset, this,
                    [this] {
                        buildAll();
                        endResetModel();
                    }),
            connect(source, &QAbstractItemModel::headerDataChanged, this, &QAbstractItemModel::headerDataChanged),
            connect(source, &QObject::destroyed, this,
                    [this] {
                        beginResetModel();
                        m_model = nullptr;
                        clearLevels();
                        endResetModel();
                    }),
        };
    }
    buildAll();
    endResetModel();
}

void TaskTreeProxy::sort(int column, Qt::SortOrder order)
{
    relayout([&] {
        m_sortColumn = column;
        m_sortOrder = order;
        buildAll();
    });
}

void TaskTreeProxy::setFilterRole(int role)
{
    if (role == m_filterRole)
        return;
    m_filterRole = role;
    invalidateRowsFilter();
}

void TaskTreeProxy::setAutoAcceptChildRows(bool accept)
{
    if (accept == m_autoAcceptChildRows)
        return;
    m_autoAcceptChildRows = accept;
    invalidateRowsFilter();
}

bool TaskTreeProxy::filterAcceptsRow(int, const QModelIndex &) const
{
    return true;
}

bool TaskTreeProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QPartialOrdering order = QVariant::compare(left.data(m_sortRole), right.data(m_sortRole));
    return order == QPartialOrdering::Less || (order != QPartialOrdering::Greater && left.row() < right.row());
}

// --- the levels ------------------------------------------------------------------------------

TaskTreeProxy::Level *TaskTreeProxy::levelOf(const Node *node) const
{
    if (!node)
        return m_rootLevel; // asked for every top-level row the view lays out: no lookup
    const auto it = m_levels.find(node);
    return it == m_levels.end() ? nullptr : it->second.get();
}

TaskTreeProxy::Level *TaskTreeProxy::ensureLevel(const Node *node)
{
    std::unique_ptr<Level> &level = m_levels[node];
    if (!level) {
        level = std::make_unique<Level>();
        level->node = node;
        if (!node) {
            m_rootLevel = level.get();
        } else {
            Level *above = levelOf(m_model->parentNode(node));
            Q_ASSERT(above);
            const int row = m_model->rowOf(node);
            level->ancestorMatches = above->ancestorMatches || (above->bits[size_t(row)] & MatchBit);
            if (size_t(row) < above->below.size())
                above->below[size_t(row)] = level.get();
        }
    }
    return level.get();
}

// `top` and every level below it, parents before children.
std::vector<TaskTreeProxy::Level *> TaskTreeProxy::levelsPreOrder(Level *top) const
{
    std::vector<Level *> order;
    std::vector<Level *> pending{top};
    while (!pending.empty()) {
        Level *level = pending.back();
        pending.pop_back();
        order.push_back(level);
        const int rows = m_model->childCount(level->node);
        for (int row = rows - 1; row >= 0; --row) {
            const Node *child = m_model->childNode(level->node, row);
            if (m_model->childCount(child) > 0) {
                if (Level *below = levelOf(child))
                    pending.push_back(below);
            }
        }
    }
    return order;
}

bool TaskTreeProxy::childHasHits(const Level &level, int sourceRow) const
{
    const Node *child = m_model->childNode(level.node, sourceRow);
    if (m_model->childCount(child) == 0)
        return false;
    const Level *below = levelOf(child);
    return below && below->hits > 0;
}

bool TaskTreeProxy::shows(const Level &level, int sourceRow) const
{
    return (level.bits[size_t(sourceRow)] & HitBit) || (m_autoAcceptChildRows && level.ancestorMatches);
}

bool TaskTreeProxy::less(const Level &level, int leftRow, int rightRow) const
{
    if (m_sortColumn < 0)
        return leftRow < rightRow;
    const QModelIndex left = m_model->childIndex(level.node, leftRow, m_sortColumn);
    const QModelIndex right = m_model->childIndex(level.node, rightRow, m_sortColumn);
    return m_sortOrder == Qt::DescendingOrder ? lessThan(right, left) : lessThan(left, right);
}

// The level's node is a row of the proxy now (the top level always is).
bool TaskTreeProxy::isVisible(const Level &level) const
{
    for (const Node *node = level.node; node;) {
        const Node *above = m_model->parentNode(node);
        const Level *parentLevel = levelOf(above);
        if (!parentLevel || parentLevel->sourceToProxy[size_t(m_model->rowOf(node))] < 0)
            return false;
        node = above;
    }
    return true;
}

QModelIndex TaskTreeProxy::proxyIndexOf(const Node *node, int column) const
{
    if (!node)
        return {};
    Level *level = levelOf(m_model->parentNode(node));
    if (!level)
        return {};
    const int row = level->sourceToProxy[size_t(m_model->rowOf(node))];
    return row < 0 ? QModelIndex() : createIndex(row, column, level);
}

void TaskTreeProxy::renumber(Level &level, size_t from)
{
    for (size_t row = from; row < level.proxyToSource.size(); ++row)
        level.sourceToProxy[size_t(level.proxyToSource[row])] = int(row);
}

// The level's rows as the source has them now: matches from filterAcceptsRow(), nothing shown yet.
void TaskTreeProxy::computeMatches(Level &level, bool ancestorMatches)
{
    const int rows = m_model->childCount(level.node);
    const QModelIndex sourceParent = m_model->indexOf(level.node);
    level.ancestorMatches = ancestorMatches;
    level.proxyToSource.clear();
    level.sourceToProxy.assign(size_t(rows), -1);
    level.bits.assign(size_t(rows), 0);
    level.below.assign(size_t(rows), nullptr);
    level.hits = 0;
    for (int row = 0; row < rows; ++row)
        level.bits[size_t(row)] = filterAcceptsRow(row, sourceParent) ? MatchBit : 0;
}

// Builds `top` (its ancestorMatches already right) and every level below it, without signals.
void TaskTreeProxy::buildLevels(Level *top)
{
    std::vector<Level *> order;
    std::vector<std::pair<Level *, bool>> pending{{top, top->ancestorMatches}};
    while (!pending.empty()) {
        const auto [level, ancestorMatches] = pending.back();
        pending.pop_back();
        computeMatches(*level, ancestorMatches);
        order.push_back(level);
        for (int row = 0; row < int(level->bits.size()); ++row) {
            const Node *child = m_model->childNode(level->node, row);
            if (m_model->childCount(child) > 0) {
                Level *below = ensureLevel(child);
                level->below[size_t(row)] = below;
                pending.emplace_back(below, ancestorMatches || (level->bits[size_t(row)] & MatchBit));
            }
        }
    }
    for (auto it = order.rbegin(); it != order.rend(); ++it) { // children before parents
        Level &level = **it;
        for (int row = 0; row < int(level.bits.size()); ++row) {
            if ((level.bits[size_t(row)] & MatchBit) || childHasHits(level, row)) {
                level.bits[size_t(row)] |= HitBit;
                ++level.hits;
            }
            if (shows(level, row))
                level.proxyToSource.push_back(row);
        }
        std::stable_sort(level.proxyToSource.begin(), level.proxyToSource.end(),
                         [&](int a, int b) { return less(level, a, b); });
        renumber(level, 0);
    }
}

void TaskTreeProxy::clearLevels()
{
    m_levels.clear();
    m_rootLevel = nullptr;
}

void TaskTreeProxy::buildAll()
{
    clearLevels();
    if (!m_model)
        return;
    buildLevels(ensureLevel(nullptr));
}

// `change` rebuilds levels; persistent indexes follow their tasks (or become invalid when hidden).
void TaskTreeProxy::relayout(const std::function<void()> &change)
{
    onLayoutAboutToBeChanged();
    change();
    finishLayout();
}

void TaskTreeProxy::finishLayout()
{
    QModelIndexList after;
    after.reserve(m_layoutSources.size());
    for (const QPersistentModelIndex &source : std::as_const(m_layoutSources))
        after.append(mapFromSource(source));
    changePersistentIndexList(m_layoutProxies, after);
    m_layoutProxies.clear();
    m_layoutSources.clear();
    Q_EMIT layoutChanged();
}

// The HitBit of one row again, and upwards while a level goes from no hits to some or back.
void TaskTreeProxy::updateHit(Level *level, int sourceRow, Dirty &dirty)
{
    while (level) {
        quint8 &bits = level->bits[size_t(sourceRow)];
        const bool hit = (bits & MatchBit) || childHasHits(*level, sourceRow);
        if (hit == bool(bits & HitBit))
            return;
        bits = hit ? (bits | HitBit) : (bits & ~HitBit);
        const bool had = level->hits > 0;
        level->hits += hit ? 1 : -1;
        dirty.add(level);
        if ((level->hits > 0) == had || !level->node)
            return;
        const Node *node = level->node;
        level = levelOf(m_model->parentNode(node));
        sourceRow = m_model->rowOf(node);
    }
}

// `node` began or stopped matching: with autoAcceptChildRows, the rows below it come or go.
void TaskTreeProxy::ancestorMatchChanged(const Node *node, Dirty &dirty)
{
    if (!m_autoAcceptChildRows || m_model->childCount(node) == 0)
        return;
    std::vector<Level *> pending;
    if (Level *below = levelOf(node))
        pending.push_back(below);
    while (!pending.empty()) {
        Level *level = pending.back();
        pending.pop_back();
        const Level *above = levelOf(m_model->parentNode(level->node));
        const bool ancestorMatches =
            above->ancestorMatches || (above->bits[size_t(m_model->rowOf(level->node))] & MatchBit);
        if (ancestorMatches == level->ancestorMatches)
            continue;
        level->ancestorMatches = ancestorMatches;
        dirty.add(level);
        for (int row = 0; row < int(level->bits.size()); ++row) {
            const Node *child = m_model->childNode(level->node, row);
            if (m_model->childCount(child) > 0) {
                if (Level *next = levelOf(child))
                    pending.push_back(next);
            }
        }
    }
}

// Deepest first (see Dirty); depths are counted once per node.
void TaskTreeProxy::syncDeepestFirst(Dirty &dirty)
{
    std::unordered_map<const Node *, int> depths;
    const auto depth = [&](const Node *node) {
        int steps = 0;
        std::vector<const Node *> path;
        for (; node; node = m_model->parentNode(node)) {
            const auto known = depths.find(node);
            if (known != depths.end()) {
                steps = known->second;
                break;
            }
            path.push_back(node);
        }
        for (auto it = path.rbegin(); it != path.rend(); ++it)
            depths[*it] = ++steps;
        return steps;
    };
    std::vector<std::pair<int, Level *>> byDepth;
    byDepth.reserve(dirty.m_levels.size());
    for (Level *level : dirty.m_levels)
        byDepth.emplace_back(depth(level->node), level);
    std::stable_sort(byDepth.begin(), byDepth.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    for (const auto &entry : byDepth)
        syncLevel(*entry.second);
}

// Hides the rows that should not show and shows those that should, signalling while visible.
void TaskTreeProxy::syncLevel(Level &level)
{
    const bool signal = isVisible(level);
    std::vector<int> gone;
    for (int row = 0; row < int(level.proxyToSource.size()); ++row) {
        if (!shows(level, level.proxyToSource[size_t(row)]))
            gone.push_back(row);
    }
    removeProxyRows(level, std::move(gone), signal);
    std::vector<int> come;
    for (int row = 0; row < int(level.sourceToProxy.size()); ++row) {
        if (level.sourceToProxy[size_t(row)] < 0 && shows(level, row))
            come.push_back(row);
    }
    insertSourceRows(level, std::move(come), signal);
}

// Removes the proxy rows (ascending), in runs, the last first.
void TaskTreeProxy::removeProxyRows(Level &level, std::vector<int> proxyRows, bool signal)
{
    for (size_t end = proxyRows.size(); end > 0;) {
        size_t begin = end - 1;
        while (begin > 0 && proxyRows[begin - 1] == proxyRows[begin] - 1)
            --begin;
        const int first = proxyRows[begin], last = proxyRows[end - 1];
        if (signal)
            beginRemoveRows(proxyIndexOf(level.node), first, last);
        for (int row = first; row <= last; ++row)
            level.sourceToProxy[size_t(level.proxyToSource[size_t(row)])] = -1;
        level.proxyToSource.erase(level.proxyToSource.begin() + first, level.proxyToSource.begin() + last + 1);
        renumber(level, size_t(first));
        if (signal)
            endRemoveRows();
        end = begin;
    }
}

// Shows the source rows at their sorted places: rows that land together go in one signal.
void TaskTreeProxy::insertSourceRows(Level &level, std::vector<int> sourceRows, bool signal)
{
    if (sourceRows.empty())
        return;
    const auto lessRows = [&](int a, int b) { return less(level, a, b); };
    std::stable_sort(sourceRows.begin(), sourceRows.end(), lessRows);
    std::vector<int> places(sourceRows.size());
    for (size_t i = 0; i < sourceRows.size(); ++i) {
        places[i] = int(std::upper_bound(level.proxyToSource.begin(), level.proxyToSource.end(), sourceRows[i], lessRows)
                        - level.proxyToSource.begin());
    }
    for (size_t end = sourceRows.size(); end > 0;) {
        size_t begin = end - 1;
        while (begin > 0 && places[begin - 1] == places[end - 1])
            --begin;
        const int at = places[begin];
        if (signal)
            beginInsertRows(proxyIndexOf(level.node), at, at + int(end - begin) - 1);
        level.proxyToSource.insert(level.proxyToSource.begin() + at, sourceRows.begin() + qsizetype(begin),
                                   sourceRows.begin() + qsizetype(end));
        renumber(level, size_t(at));
        if (signal)
            endInsertRows();
        end = begin;
    }
}

// Source rows first..last may have new sort keys: if any is out of place among its neighbours,
// they are taken out, sorted, and merged back among the others (still in order) under one
// layout change of this level.
void TaskTreeProxy::placeChangedRows(Level &level, int first, int last)
{
    if (m_sortColumn < 0)
        return;
    std::vector<int> &order = level.proxyToSource;
    const int count = int(order.size());
    bool misplaced = false;
    std::vector<int> changed;
    for (int row = first; row <= last; ++row) {
        const int at = level.sourceToProxy[size_t(row)];
        if (at < 0)
            continue;
        changed.push_back(row);
        misplaced = misplaced || (at > 0 && less(level, row, order[size_t(at - 1)]))
            || (at + 1 < count && less(level, order[size_t(at + 1)], row));
    }
    if (!misplaced)
        return;
    const bool signal = isVisible(level);
    QList<QPersistentModelIndex> parents;
    QModelIndexList from;
    std::vector<int> fromRows;
    if (signal) {
        parents.append(proxyIndexOf(level.node));
        Q_EMIT layoutAboutToBeChanged(parents, QAbstractItemModel::VerticalSortHint);
        const QModelIndexList persistent = persistentIndexList();
        for (const QModelIndex &index : persistent) {
            if (index.internalPointer() == &level) {
                from.append(index);
                fromRows.push_back(order[size_t(index.row())]);
            }
        }
    }
    const auto lessRows = [&](int a, int b) { return less(level, a, b); };
    std::vector<int> rest;
    rest.reserve(order.size());
    for (int row : order) {
        if (row < first || row > last)
            rest.push_back(row);
    }
    std::stable_sort(changed.begin(), changed.end(), lessRows);
    order.clear();
    std::merge(rest.begin(), rest.end(), changed.begin(), changed.end(), std::back_inserter(order), lessRows);
    renumber(level, 0);
    if (signal) {
        QModelIndexList to;
        to.reserve(from.size());
        for (qsizetype i = 0; i < from.size(); ++i)
            to.append(createIndex(level.sourceToProxy[size_t(fromRows[size_t(i)])], from[i].column(), &level));
        changePersistentIndexList(from, to);
        Q_EMIT layoutChanged(parents, QAbstractItemModel::VerticalSortHint);
    }
}

void TaskTreeProxy::forgetSubtree(const Node *node)
{
    std::vector<const Node *> pending{node};
    while (!pending.empty()) {
        const Node *current = pending.back();
        pending.pop_back();
        const int rows = m_model->childCount(current);
        if (rows == 0)
            continue;
        m_levels.erase(current);
        for (int row = 0; row < rows; ++row)
            pending.push_back(m_model->childNode(current, row));
    }
}

// --- the source's signals --------------------------------------------------------------------

void TaskTreeProxy::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    if (!topLeft.isValid() || !bottomRight.isValid() || !m_model)
        return;
    const Node *parentNode = m_model->parentNode(TaskTreeModel::nodeOf(topLeft));
    Level *level = levelOf(parentNode);
    if (!level)
        return;
    const int first = topLeft.row(), last = bottomRight.row();
    Dirty dirty;
    if (roles.isEmpty() || roles.contains(m_filterRole)) {
        const QModelIndex sourceParent = topLeft.parent();
        for (int row = first; row <= last; ++row) {
            quint8 &bits = level->bits[size_t(row)];
            const bool match = filterAcceptsRow(row, sourceParent);
            if (match == bool(bits & MatchBit))
                continue;
            bits = match ? (bits | MatchBit) : (bits & ~MatchBit);
            dirty.add(level);
            updateHit(level, row, dirty);
            ancestorMatchChanged(m_model->childNode(parentNode, row), dirty);
        }
    }
    if (topLeft.column() <= m_sortColumn && m_sortColumn <= bottomRight.column()
        && (roles.isEmpty() || roles.contains(m_sortRole)))
        placeChangedRows(*level, first, last);

    syncDeepestFirst(dirty);

    if (!isVisible(*level))
        return;
    int top = -1, bottom = -1;
    for (int row = first; row <= last; ++row) {
        const int at = level->sourceToProxy[size_t(row)];
        if (at >= 0) {
            top = top < 0 ? at : qMin(top, at);
            bottom = qMax(bottom, at);
        }
    }
    if (top >= 0)
        Q_EMIT dataChanged(createIndex(top, topLeft.column(), level), createIndex(bottom, bottomRight.column(), level),
                           roles);
}

void TaskTreeProxy::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    const Node *parentNode = TaskTreeModel::nodeOf(parent);
    Level *level = ensureLevel(parentNode);
    const int count = last - first + 1;
    level->sourceToProxy.insert(level->sourceToProxy.begin() + first, size_t(count), -1);
    level->bits.insert(level->bits.begin() + first, size_t(count), 0);
    level->below.insert(level->below.begin() + first, size_t(count), nullptr);
    for (int &row : level->proxyToSource) {
        if (row >= first)
            row += count;
    }
    Dirty dirty;
    dirty.add(level);
    for (int row = first; row <= last; ++row) {
        const bool match = filterAcceptsRow(row, parent);
        level->bits[size_t(row)] = match ? MatchBit : 0;
        const Node *child = m_model->childNode(parentNode, row);
        if (m_model->childCount(child) > 0) {
            Level *below = ensureLevel(child);
            level->below[size_t(row)] = below;
            below->ancestorMatches = level->ancestorMatches || match;
            buildLevels(below);
        }
        updateHit(level, row, dirty);
    }
    syncDeepestFirst(dirty);
}

void TaskTreeProxy::onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    const Node *parentNode = TaskTreeModel::nodeOf(parent);
    Level *level = levelOf(parentNode);
    m_removedHits = 0;
    if (!level)
        return;
    std::vector<int> shown;
    for (int row = first; row <= last; ++row) {
        if (level->sourceToProxy[size_t(row)] >= 0)
            shown.push_back(level->sourceToProxy[size_t(row)]);
        m_removedHits += (level->bits[size_t(row)] & HitBit) ? 1 : 0;
    }
    std::sort(shown.begin(), shown.end());
    removeProxyRows(*level, std::move(shown), isVisible(*level));
    for (int row = first; row <= last; ++row) {
        forgetSubtree(m_model->childNode(parentNode, row));
        level->below[size_t(row)] = nullptr;
    }
}

void TaskTreeProxy::onRowsRemoved(const QModelIndex &parent, int first, int last)
{
    const Node *parentNode = TaskTreeModel::nodeOf(parent);
    Level *level = levelOf(parentNode);
    if (!level)
        return;
    const int count = last - first + 1;
    level->sourceToProxy.erase(level->sourceToProxy.begin() + first, level->sourceToProxy.begin() + last + 1);
    level->bits.erase(level->bits.begin() + first, level->bits.begin() + last + 1);
    level->below.erase(level->below.begin() + first, level->below.begin() + last + 1);
    for (int &row : level->proxyToSource) {
        if (row > last)
            row -= count;
    }
    const bool had = level->hits > 0;
    level->hits -= m_removedHits;
    m_removedHits = 0;
    if ((level->hits > 0) == had || !parentNode)
        return;
    // The last match below the parent went: the parent (and maybe tasks above it) hide.
    Dirty dirty;
    updateHit(levelOf(m_model->parentNode(parentNode)), m_model->rowOf(parentNode), dirty);
    syncDeepestFirst(dirty);
}

void TaskTreeProxy::onLayoutAboutToBeChanged()
{
    Q_EMIT layoutAboutToBeChanged();
    m_layoutProxies = persistentIndexList();
    m_layoutSources.clear();
    m_layoutSources.reserve(m_layoutProxies.size());
    for (const QModelIndex &index : std::as_const(m_layoutProxies))
        m_layoutSources.append(mapToSource(index));
}

void TaskTreeProxy::onLayoutChanged()
{
    buildAll();
    finishLayout();
}

void TaskTreeProxy::invalidate()
{
    relayout([this] { buildAll(); });
}

void TaskTreeProxy::invalidateRowsFilter()
{
    if (!m_model)
        return;
    const std::vector<Level *> order = levelsPreOrder(ensureLevel(nullptr));
    for (Level *level : order) { // matches, and whether a task above each level matches
        const QModelIndex sourceParent = m_model->indexOf(level->node);
        for (int row = 0; row < int(level->bits.size()); ++row) {
            const bool match = filterAcceptsRow(row, sourceParent);
            quint8 &bits = level->bits[size_t(row)];
            bits = match ? (bits | MatchBit) : (bits & ~MatchBit);
            const Node *child = m_model->childNode(level->node, row);
            if (m_model->childCount(child) > 0) {
                if (Level *below = levelOf(child))
                    below->ancestorMatches = level->ancestorMatches || match;
            }
        }
    }
    int changes = 0;
    for (auto it = order.rbegin(); it != order.rend(); ++it) { // hits, children before parents
        Level &level = **it;
        level.hits = 0;
        for (int row = 0; row < int(level.bits.size()); ++row) {
            quint8 &bits = level.bits[size_t(row)];
            const bool hit = (bits & MatchBit) || childHasHits(level, row);
            bits = hit ? (bits | HitBit) : (bits & ~HitBit);
            level.hits += hit;
            changes += shows(level, row) != (level.sourceToProxy[size_t(row)] >= 0);
        }
    }
    if (changes == 0)
        return;
    if (changes > kRowSignalLimit) {
        relayout([&] {
            for (Level *level : order) {
                std::fill(level->sourceToProxy.begin(), level->sourceToProxy.end(), -1);
                level->proxyToSource.clear();
                for (int row = 0; row < int(level->bits.size()); ++row) {
                    if (shows(*level, row))
                        level->proxyToSource.push_back(row);
                }
                std::stable_sort(level->proxyToSource.begin(), level->proxyToSource.end(),
                                 [&](int a, int b) { return less(*level, a, b); });
                renumber(*level, 0);
            }
        });
        return;
    }
    for (auto it = order.rbegin(); it != order.rend(); ++it)
        syncLevel(**it);
}

// --- QAbstractItemModel ----------------------------------------------------------------------

// The level of a (valid) proxy index's own rows, if it has one.
const TaskTreeProxy::Level *TaskTreeProxy::levelBelow(const QModelIndex &proxyIndex) const
{
    const auto *level = static_cast<const Level *>(proxyIndex.internalPointer());
    if (proxyIndex.row() >= int(level->proxyToSource.size()))
        return nullptr;
    return level->below[size_t(level->proxyToSource[size_t(proxyIndex.row())])];
}

QModelIndex TaskTreeProxy::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || !m_model)
        return {};
    const auto *level = static_cast<const Level *>(proxyIndex.internalPointer());
    if (proxyIndex.row() >= int(level->proxyToSource.size()))
        return {};
    return m_model->childIndex(level->node, level->proxyToSource[size_t(proxyIndex.row())], proxyIndex.column());
}

QModelIndex TaskTreeProxy::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || !m_model)
        return {};
    Level *level = levelOf(m_model->parentNode(TaskTreeModel::nodeOf(sourceIndex)));
    if (!level || sourceIndex.row() >= int(level->sourceToProxy.size()))
        return {};
    const int row = level->sourceToProxy[size_t(sourceIndex.row())];
    return row < 0 ? QModelIndex() : createIndex(row, sourceIndex.column(), level);
}

QModelIndex TaskTreeProxy::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= columnCount() || (parent.isValid() && parent.column() != 0))
        return {};
    const Level *level = parent.isValid() ? levelBelow(parent) : m_rootLevel;
    if (!level || row >= int(level->proxyToSource.size()))
        return {};
    return createIndex(row, column, const_cast<Level *>(level));
}

QModelIndex TaskTreeProxy::parent(const QModelIndex &child) const
{
    if (!child.isValid() || !m_model)
        return {};
    return proxyIndexOf(static_cast<const Level *>(child.internalPointer())->node);
}

QModelIndex TaskTreeProxy::sibling(int row, int column, const QModelIndex &index) const
{
    if (!index.isValid() || row < 0 || column < 0 || column >= columnCount())
        return {};
    auto *level = static_cast<Level *>(index.internalPointer());
    return row < int(level->proxyToSource.size()) ? createIndex(row, column, level) : QModelIndex();
}

int TaskTreeProxy::rowCount(const QModelIndex &parent) const
{
    if (!m_model || (parent.isValid() && parent.column() != 0))
        return 0;
    const Level *level = parent.isValid() ? levelBelow(parent) : m_rootLevel;
    return level ? int(level->proxyToSource.size()) : 0;
}

int TaskTreeProxy::columnCount(const QModelIndex &) const
{
    return m_model ? int(TaskTreeModel::ColumnCount) : 0;
}

bool TaskTreeProxy::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QVariant TaskTreeProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    return m_model ? m_model->headerData(section, orientation, role) : QVariant();
}

} // namespace Taskscope
