// JournalModel: rows in a deque, newest first, so that live rows go in at the front in O(new) and the
// oldest leave from the back; "new since I last looked" is a prefix, found by binary search.
#include "journalmodel.h"

#include "changeplan.h"
#include "nametable.h"
#include "taskformat.h"

#include <algorithm>
#include <iterator>
#include <limits>

namespace Taskscope {

namespace {

// More separate places than this to insert at (a backfill interleaved with many live rows) and one
// reset costs less than the row signals (each walks the persistent indexes downstream).
constexpr int kMaxInsertRuns = 64;

constexpr qint64 kNoTime = std::numeric_limits<qint64>::min();

} // namespace

JournalModel::JournalModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

JournalModel::~JournalModel() = default;

JournalModel::Row JournalModel::makeRow(const HistoryTransition &transition)
{
    Row row;
    row.transition = transition;
    row.from = transition.from.isEmpty() ? TaskState::Unknown : stateFromApiName(transition.from);
    row.to = stateFromApiName(transition.to);
    row.at = transition.at.isValid() ? transition.at.toMSecsSinceEpoch() : kNoTime;
    return row;
}

// The transitions not shown yet, each once, newest first (of equal times, the later in the list first).
std::vector<JournalModel::Row> JournalModel::newRows(const QList<HistoryTransition> &transitions)
{
    std::vector<Row> rows;
    rows.reserve(size_t(transitions.size()));
    QSet<Key> batch;
    for (auto it = transitions.crbegin(); it != transitions.crend(); ++it) {
        Row row = makeRow(*it);
        const Key key = keyOf(row);
        if (m_keys.contains(key) || batch.contains(key))
            continue;
        batch.insert(key);
        rows.push_back(std::move(row));
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.at > b.at; });
    return rows;
}

void JournalModel::append(const QList<HistoryTransition> &transitions)
{
    merge(newRows(transitions));
}

void JournalModel::setHistory(const QList<HistoryTransition> &transitions)
{
    merge(newRows(transitions));
}

void JournalModel::merge(std::vector<Row> incoming)
{
    if (incoming.empty())
        return;
    // Where each incoming row goes among the rows shown: above the first that is not newer. The
    // places never decrease (both lists are newest first), so each search starts at the last place.
    std::vector<int> places(incoming.size());
    auto from = m_rows.cbegin();
    size_t kept = 0;
    for (; kept < incoming.size(); ++kept) {
        const qint64 at = incoming[kept].at;
        from = std::partition_point(from, m_rows.cend(), [at](const Row &row) { return row.at > at; });
        const int place = int(from - m_rows.cbegin());
        if (place + int(kept) >= m_cap)
            break; // it and every older one would be trimmed at once
        places[kept] = place;
    }
    incoming.resize(kept);
    places.resize(kept);
    if (incoming.empty())
        return;

    for (const Row &row : incoming)
        m_keys.insert(keyOf(row));
    int runs = 1;
    for (size_t i = 1; i < places.size(); ++i)
        runs += places[i] != places[i - 1];

    if (runs > kMaxInsertRuns) {
        beginResetModel();
        std::deque<Row> merged;
        std::merge(std::make_move_iterator(incoming.begin()), std::make_move_iterator(incoming.end()),
                   std::make_move_iterator(m_rows.begin()), std::make_move_iterator(m_rows.end()),
                   std::back_inserter(merged), [](const Row &a, const Row &b) { return a.at > b.at; });
        m_rows = std::move(merged);
        endResetModel();
    } else {
        size_t first = 0;
        while (first < incoming.size()) {
            size_t last = first;
            while (last + 1 < incoming.size() && places[last + 1] == places[first])
                ++last;
            const int row = places[first] + int(first); // the rows inserted before are above it
            beginInsertRows({}, row, row + int(last - first));
            m_rows.insert(m_rows.begin() + row, std::make_move_iterator(incoming.begin() + qsizetype(first)),
                          std::make_move_iterator(incoming.begin() + qsizetype(last + 1)));
            endInsertRows();
            first = last + 1;
        }
    }
    trimToCap();
    updateNewCount();
}

QList<HistoryTransition> JournalModel::rowsOf(const ChangePlan &plan, const NameTable *names)
{
    QList<HistoryTransition> rows;
    rows.reserve(qsizetype(plan.transitions.size()));
    for (const StateChange &change : plan.transitions) {
        const int slot = plan.forest->slotOf(change.taskId);
        if (slot < 0)
            continue;
        const Task &task = plan.forest->task(slot);
        HistoryTransition row;
        row.taskId = task.id;
        row.taskName = task.name;
        row.taskSummary = task.summary;
        row.appName = TaskPlace::nameOf(task, NameKind::App, names);
        row.from = change.fromText;
        row.to = change.toText;
        row.at = change.at;
        if (change.to == TaskState::Failed && !task.stateDetails.isEmpty())
            row.reason = task.stateDetails.first().title;
        rows.append(row);
    }
    return rows;
}

void JournalModel::clear()
{
    if (m_rows.empty())
        return;
    beginRemoveRows({}, 0, int(m_rows.size()) - 1);
    m_rows.clear();
    m_keys.clear();
    endRemoveRows();
    updateNewCount();
}

void JournalModel::setCap(int rows)
{
    m_cap = qMax(1, rows);
    trimToCap();
    updateNewCount();
}

void JournalModel::trimToCap()
{
    const int size = int(m_rows.size());
    if (size <= m_cap)
        return;
    beginRemoveRows({}, m_cap, size - 1);
    for (auto it = m_rows.cbegin() + m_cap; it != m_rows.cend(); ++it)
        m_keys.remove(keyOf(*it));
    m_rows.erase(m_rows.begin() + m_cap, m_rows.end());
    endRemoveRows();
}

void JournalModel::setLastLooked(const QDateTime &utc)
{
    m_lastLooked = utc;
    m_lastLookedMs = utc.isValid() ? utc.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
    const int before = m_newCount;
    const int after = countNewerThanLastLooked();
    if (before != after) {
        // The rows between the two boundaries changed sides.
        emit dataChanged(index(qMin(before, after), 0), index(qMax(before, after) - 1, ColumnCount - 1), {IsNewRole});
    }
    updateNewCount();
}

int JournalModel::countNewerThanLastLooked() const
{
    const qint64 looked = m_lastLookedMs;
    return int(std::partition_point(m_rows.cbegin(), m_rows.cend(), [looked](const Row &row) { return row.at > looked; })
               - m_rows.cbegin());
}

void JournalModel::updateNewCount()
{
    const int count = countNewerThanLastLooked();
    if (count == m_newCount)
        return;
    m_newCount = count;
    emit newCountChanged(count);
}

QString JournalModel::changeText(const HistoryTransition &transition)
{
    const QString to = TaskFormat::stateName(stateFromApiName(transition.to), transition.to);
    if (transition.from.isEmpty())
        //: Journal: a task seen for the first time, in its state ("appeared: Running")
        return tr("appeared: %1").arg(to);
    //: Journal: a task's change of state, from → to ("Running → Failed")
    return tr("%1 → %2").arg(TaskFormat::stateName(stateFromApiName(transition.from), transition.from), to);
}

QString JournalModel::rowText(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    const HistoryTransition &t = transition(row);
    return QStringList{TaskFormat::exactUtc(t.at), t.taskName, t.taskId, t.appName, changeText(t), t.reason.simplified()}
        .join(u'\t');
}

int JournalModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int JournalModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JournalModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    const HistoryTransition &t = row.transition;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn: return TaskFormat::localTime(t.at);
        case TaskColumn: // as the tree's Name column: the summary ("Backup"), else the API's name
            return !t.taskSummary.isEmpty() ? t.taskSummary : t.taskName.isEmpty() ? t.taskId : t.taskName;
        case AppColumn: return t.appName;
        case ChangeColumn: return changeText(t);
        case ReasonColumn: return t.reason.simplified(); // one line; the tooltip has it as written
        }
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TimeColumn: return TaskFormat::exactUtc(t.at);
        case TaskColumn:
            if (t.taskName.isEmpty())
                return t.taskId;
            //: Journal: a task's tooltip, its name and its id
            return tr("%1\nid: %2").arg(t.taskName, t.taskId);
        case ReasonColumn: return t.reason.isEmpty() ? QVariant() : QVariant(t.reason);
        default: return {};
        }
    case TaskIdRole: return t.taskId;
    case StateRole: return int(row.to);
    case FromStateRole: return t.from.isEmpty() ? -1 : int(row.from);
    case AtRole: return t.at;
    case IsNewRole: return isNew(row);
    default: return {};
    }
}

QVariant JournalModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    //: Journal column: when the change was seen
    case TimeColumn: return tr("Time");
    //: Journal column: the task's name
    case TaskColumn: return tr("Task");
    //: Journal column: the application the task is about
    case AppColumn: return tr("App");
    //: Journal column: the change of state ("Running → Failed")
    case ChangeColumn: return tr("Change");
    //: Journal column: why the task failed
    case ReasonColumn: return tr("Reason");
    }
    return {};
}

Qt::ItemFlags JournalModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> JournalModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(TaskIdRole, "taskId");
    names.insert(StateRole, "state");
    names.insert(FromStateRole, "fromState");
    names.insert(AtRole, "at");
    names.insert(IsNewRole, "isNew");
    return names;
}

} // namespace Taskscope
