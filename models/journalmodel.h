// JournalModel: the Journal dock's rows, one state transition each (live and from history), newest
// first, with the rows newer than "when the user last looked" marked.
#pragma once

#include "historystore.h"
#include "task.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QSet>

#include <deque>
#include <limits>
#include <vector>

namespace Taskscope {

struct ChangePlan;
class NameTable;

class JournalModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, TaskColumn, AppColumn, ChangeColumn, ReasonColumn, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        TaskIdRole = Qt::UserRole + 1, // QString: the task's id
        StateRole,                     // int: the TaskState of `to` (the delegate paints failures from it)
        FromStateRole,                 // int: the TaskState of `from`; -1 when the task appeared
        AtRole,                        // QDateTime (UTC): when the change was seen
        IsNewRole,                     // bool: newer than lastLooked() ("new since I last looked")
    };
    Q_ENUM(Role)

    static constexpr int DefaultCap = 10000;

    explicit JournalModel(QObject *parent = nullptr);
    ~JournalModel() override;

    // Live changes (HistoryStore::recorded, or a plan's transitions): new rows go in at the top in
    // O(new); one older than the top row goes in at its place in time. A transition already shown
    // (same task, `to` and instant) is left out, so that live rows and the backfill may overlap.
    void append(const QList<HistoryTransition> &transitions);
    // The backfill from the history file (any order): merged into the rows by time, without duplicates.
    void setHistory(const QList<HistoryTransition> &transitions);
    // A plan's transitions as journal rows (the window's live rows without a history file, and the
    // changes a frozen tree has not shown yet): O(transitions).
    static QList<HistoryTransition> rowsOf(const ChangePlan &plan, const NameTable *names);
    // Empties the journal (another connection); lastLooked() stays.
    void clear();

    // The most rows kept; when there are more, the oldest go. At least 1.
    void setCap(int rows);
    int cap() const { return m_cap; }

    // Rows newer than `utc` are new (IsNewRole). A null time marks nothing as new.
    void setLastLooked(const QDateTime &utc);
    QDateTime lastLooked() const { return m_lastLooked; }
    // The rows newer than lastLooked(): always the top rows (the rows are in time order).
    int newCount() const { return m_newCount; }

    const HistoryTransition &transition(int row) const
    {
        Q_ASSERT(row >= 0 && row < rowCount());
        return m_rows[size_t(row)].transition;
    }
    TaskState toState(int row) const { return m_rows[size_t(row)].to; }

    // What the Change column says: "Running → Failed", or "appeared: Running" when `from` is empty.
    static QString changeText(const HistoryTransition &transition);
    // The row as one line of text, tab-separated columns (Copy).
    QString rowText(int row) const;

    // QAbstractItemModel
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void newCountChanged(int count);

private:
    struct Key
    {
        QString taskId;
        QString to;
        qint64 at = 0;
        friend bool operator==(const Key &, const Key &) = default;
        friend size_t qHash(const Key &key, size_t seed = 0) { return qHashMulti(seed, key.taskId, key.to, key.at); }
    };
    struct Row
    {
        HistoryTransition transition;
        TaskState from = TaskState::Unknown;
        TaskState to = TaskState::Unknown;
        qint64 at = 0; // msecs since the epoch; an invalid time sorts as the oldest
    };

    static Row makeRow(const HistoryTransition &transition);
    static Key keyOf(const Row &row) { return {row.transition.taskId, row.transition.to, row.at}; }
    // `incoming` newest first, none of it shown yet: inserted at its places with row signals.
    void merge(std::vector<Row> incoming);
    std::vector<Row> newRows(const QList<HistoryTransition> &transitions);
    void trimToCap();
    void updateNewCount();
    int countNewerThanLastLooked() const;
    bool isNew(const Row &row) const { return row.at > m_lastLookedMs; }

    std::deque<Row> m_rows; // newest first
    QSet<Key> m_keys;
    QDateTime m_lastLooked;
    qint64 m_lastLookedMs = std::numeric_limits<qint64>::max(); // of a null time: nothing is newer
    int m_newCount = 0;
    int m_cap = DefaultCap;
};

} // namespace Taskscope
