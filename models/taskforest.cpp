// TaskForest: the tree structure of one snapshot, built on a worker thread and read-only afterwards.
#include "taskforest.h"

#include "tasklistparser.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>

namespace Taskscope {

std::shared_ptr<const TaskForest> TaskForest::empty()
{
    static const TaskForestPtr none = build(QList<Task>());
    return none;
}

std::shared_ptr<const TaskForest> TaskForest::build(const QList<Task> &tasks, const QList<quint64> &digests,
                                                     QList<ParseWarning> *warnings, const TaskForest *previous,
                                                     std::vector<int> *previousSlots)
{
    return buildFrom(tasks, nullptr, digests, warnings, previous, previousSlots);
}

std::shared_ptr<const TaskForest> TaskForest::build(QList<Task> &&tasks, const QList<quint64> &digests,
                                                     QList<ParseWarning> *warnings, const TaskForest *previous,
                                                     std::vector<int> *previousSlots)
{
    tasks.detach(); // moving out of a list someone else shares would empty theirs
    return buildFrom(tasks, &tasks, digests, warnings, previous, previousSlots);
}

std::shared_ptr<const TaskForest> TaskForest::build(std::vector<std::shared_ptr<const Task>> &&tasks,
                                                     QList<ParseWarning> *warnings)
{
    return buildWith(
        qsizetype(tasks.size()), [&tasks](qsizetype i) -> const Task & { return *tasks[size_t(i)]; },
        [&tasks](qsizetype i) { return std::move(tasks[size_t(i)]); }, {}, warnings, nullptr, nullptr);
}

std::shared_ptr<const TaskForest> TaskForest::buildFrom(const QList<Task> &tasks, QList<Task> *owned,
                                                         const QList<quint64> &digests, QList<ParseWarning> *warnings,
                                                         const TaskForest *previous, std::vector<int> *previousSlots)
{
    return buildWith(
        tasks.size(), [&tasks](qsizetype i) -> const Task & { return tasks[i]; },
        [&tasks, owned](qsizetype i) {
            return owned ? std::make_shared<const Task>(std::move((*owned)[i])) : std::make_shared<const Task>(tasks[i]);
        },
        digests, warnings, previous, previousSlots);
}

template <typename Peek, typename Take>
std::shared_ptr<const TaskForest> TaskForest::buildWith(qsizetype count, Peek peek, Take take,
                                                         const QList<quint64> &digests, QList<ParseWarning> *warnings,
                                                         const TaskForest *previous, std::vector<int> *previousSlots)
{
    Q_ASSERT(digests.isEmpty() || digests.size() == count);
    const bool withDigests = digests.size() == count && count > 0;
    if (previous && previous->size() == 0)
        previous = nullptr;
    auto forest = std::make_shared<TaskForest>();
    forest->m_tasks.reserve(size_t(count));
    forest->m_source.reserve(size_t(count));
    if (withDigests)
        forest->m_digests.reserve(size_t(count));
    if (previousSlots)
        previousSlots->clear();
    forest->m_slotById.reserve(count);
    for (qsizetype i = 0; i < count; ++i) {
        const Task &task = peek(i);
        if (task.id.isEmpty()) {
            if (warnings) {
                warnings->append(ParseWarning{i, {}, QStringLiteral("id"),
                                              QCoreApplication::translate("Taskscope::TaskTreeModel", "a task without an id; skipped"),
                                              true});
            }
            continue;
        }
        const quint64 digest = withDigests ? digests[i] : 0;
        const int oldSlot = previous ? previous->slotOf(task.id) : -1;
        // An unchanged task is the previous forest's object (and digest): one copy in memory.
        const bool same = oldSlot >= 0 && sameTask(previous->task(oldSlot), previous->digest(oldSlot), task, digest);
        std::shared_ptr<const Task> kept = same ? previous->m_tasks[size_t(oldSlot)] : take(i);
        // One lookup. The key views the id of the object kept, which lives as long as the forest;
        // the value is slot + 1 (a new entry holds 0).
        int &entry = forest->m_slotById[QStringView(kept->id)];
        if (entry != 0) {
            if (warnings) {
                warnings->append(ParseWarning{
                    i, kept->id, QStringLiteral("id"),
                    QCoreApplication::translate("Taskscope::TaskTreeModel", "duplicate id; the first task with this id is kept"),
                    true});
            }
            continue;
        }
        forest->m_tasks.push_back(std::move(kept));
        entry = int(forest->m_tasks.size());
        if (withDigests)
            forest->m_digests.push_back(same ? previous->digest(oldSlot) : digest);
        if (previousSlots)
            previousSlots->push_back(oldSlot);
        forest->m_source.push_back(i);
    }
    forest->linkParents();
    forest->cutCycles();
    forest->buildChildren();
    return forest;
}

void TaskForest::linkParents()
{
    const int count = size();
    m_parent.assign(size_t(count), -1);
    m_marks.assign(size_t(count), NoTaskMark);
    for (int i = 0; i < count; ++i) {
        const Task &task = *m_tasks[size_t(i)];
        if (task.parentTaskID.isEmpty())
            continue;
        if (task.parentTaskID == task.id) {
            m_marks[size_t(i)] |= SelfParentTaskMark;
            continue;
        }
        const int parent = slotOf(task.parentTaskID);
        if (parent < 0)
            m_marks[size_t(i)] |= OrphanTaskMark;
        else
            m_parent[size_t(i)] = parent;
    }
}

// Walks each parent chain once; a chain that meets itself is a cycle, and the smallest id in it
// becomes a top-level task (the same choice whatever the snapshot's order).
void TaskForest::cutCycles()
{
    const int count = size();
    std::vector<quint8> colour(size_t(count), 0); // 0 new, 1 on the current path, 2 done
    std::vector<int> path;
    for (int start = 0; start < count; ++start) {
        path.clear();
        int j = start;
        while (j >= 0 && colour[size_t(j)] == 0) {
            colour[size_t(j)] = 1;
            path.push_back(j);
            j = m_parent[size_t(j)];
        }
        if (j >= 0 && colour[size_t(j)] == 1) {
            const auto loopStart = std::find(path.begin(), path.end(), j);
            const int cut = *std::min_element(loopStart, path.end(),
                                              [&](int a, int b) { return task(a).id < task(b).id; });
            m_parent[size_t(cut)] = -1;
            m_marks[size_t(cut)] |= CycleTaskMark;
        }
        for (int p : path)
            colour[size_t(p)] = 2;
    }
}

void TaskForest::buildChildren()
{
    const int count = size();
    // Counting sort by parent (the top level first, as parent -1), then each family in sibling order.
    m_childStart.assign(size_t(count) + 2, 0);
    for (int i = 0; i < count; ++i)
        ++m_childStart[size_t(m_parent[size_t(i)] + 2)];
    for (size_t p = 1; p < m_childStart.size(); ++p)
        m_childStart[p] += m_childStart[p - 1];
    m_children.resize(size_t(count));
    std::vector<int> fill(m_childStart.begin(), m_childStart.end() - 1);
    for (int i = 0; i < count; ++i)
        m_children[size_t(fill[size_t(m_parent[size_t(i)] + 1)]++)] = i;
    // siblingLess() on keys read once per task (QDateTime comparisons cost more than integers).
    struct Key
    {
        double hint;   // orderHint; +inf when absent (last)
        qint64 start;  // startTime in ms; max when absent (last)
    };
    std::vector<Key> keys(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) {
        const Task &t = task(i);
        keys[size_t(i)] = {t.orderHint ? *t.orderHint : std::numeric_limits<double>::infinity(),
                           t.startTime.isValid() ? t.startTime.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max()};
    }
    const auto less = [&](int a, int b) {
        const Key &ka = keys[size_t(a)], &kb = keys[size_t(b)];
        if (ka.hint != kb.hint || ka.start != kb.start)
            return ka.hint != kb.hint ? ka.hint < kb.hint : ka.start < kb.start;
        return siblingLess(task(a), task(b)); // equal keys (or an infinite orderHint): the full rule
    };
    for (int p = -1; p < count; ++p) {
        int *begin = m_children.data() + m_childStart[size_t(p + 1)];
        int *end = m_children.data() + m_childStart[size_t(p + 2)];
        if (end - begin > 1)
            std::sort(begin, end, less);
    }
    for (int i = 0; i < count; ++i) {
        const Task &task = *m_tasks[size_t(i)];
        if (task.startTime.isValid() && !task.endTime.isValid() && !task.cancelTime.isValid()
            && isActiveState(task.state) && !task.isFromHistory())
            m_ticking.push_back(i);
    }
}

void TaskForest::forEachInTreeOrder(const std::function<void(const Task &, int)> &visit) const
{
    std::vector<std::pair<int, int>> stack; // slot, depth
    const auto pushChildren = [&](int parent, int depth) {
        for (const int *it = childrenEnd(parent); it != childrenBegin(parent);)
            stack.emplace_back(*--it, depth);
    };
    pushChildren(-1, 0);
    while (!stack.empty()) {
        const auto [slot, depth] = stack.back();
        stack.pop_back();
        visit(*m_tasks[size_t(slot)], depth);
        pushChildren(slot, depth + 1);
    }
}

void TaskForest::forEachTask(const std::function<void(const Task &)> &visit) const
{
    for (const auto &task : m_tasks)
        visit(*task);
}

bool TaskForest::siblingLess(const Task &a, const Task &b)
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

bool TaskForest::newestFirstLess(const Task &a, const Task &b)
{
    const bool aStarted = a.startTime.isValid(), bStarted = b.startTime.isValid();
    if (aStarted != bStarted)
        return aStarted;
    if (aStarted && a.startTime != b.startTime)
        return a.startTime > b.startTime;
    const QDateTime &x = a.metadata.creationTimestamp, &y = b.metadata.creationTimestamp;
    if (x.isValid() != y.isValid())
        return x.isValid();
    if (x != y)
        return x > y;
    return siblingLess(a, b);
}

bool TaskForest::sameTask(const Task &a, quint64 digestA, const Task &b, quint64 digestB)
{
    // Parsed tasks are equal exactly when their bytes are (their digests stand for them when both
    // are known); tasks built in code compare by field.
    const bool sameBytes = digestA && digestB ? digestA == digestB && a.rawJson.size() == b.rawJson.size()
                                              : a.rawJson == b.rawJson;
    return sameBytes && (!a.rawJson.isEmpty() || a == b) && a.goneAt == b.goneAt && a.firstSeen == b.firstSeen
        && a.lastTransition == b.lastTransition && a.stalledSince == b.stalledSince && a.eta == b.eta;
}

} // namespace Taskscope
