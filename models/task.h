// Task: one Astra Control task, every field of the reference page typed, plus its original JSON.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <QUtf8StringView>

#include <initializer_list>
#include <optional>

namespace Taskscope {

// The states of the reference page, in a stable order; Unknown keeps the server's text in Task::stateText.
enum class TaskState : quint8 {
    NotStarted,
    Running,
    Completed,
    Pausing,
    Paused,
    Cancelling,
    Cancelled,
    Failed,
    Unknown,
};
inline constexpr int TaskStateCount = int(TaskState::Unknown) + 1;

// The API's spelling of a state ("notStarted", ...); Unknown -> empty.
QString stateApiName(TaskState state);
// The API's spelling of every known state, in TaskState order (Unknown left out).
QStringList knownStateApiNames();
// Parses the API's spelling (exact, case-sensitive as the API); anything else is Unknown.
TaskState stateFromApiName(QStringView text);
// A task in this state may still change (running, pausing, cancelling, notStarted, paused).
bool isActiveState(TaskState state);

struct Label
{
    QString name;
    QString value;
    friend bool operator==(const Label &, const Label &) = default;
};

// How long a running task may still take, as a range (never one false-precise number).
struct EtaRange
{
    qint64 lowSeconds = 0;
    qint64 highSeconds = 0;
    enum Source : quint8 { Rate = 1, History = 2 };
    quint8 sources = 0; // which estimates it combines (Rate | History)
    friend bool operator==(const EtaRange &, const EtaRange &) = default;
};

struct StateTransition
{
    QString from;
    QStringList to;
    friend bool operator==(const StateTransition &, const StateTransition &) = default;
};

struct StateDetail
{
    QString type;
    QString title;
    QString detail;
    QByteArray additionalDetails; // the raw JSON value as received, empty when absent
    friend bool operator==(const StateDetail &, const StateDetail &) = default;
};

struct TaskMetadata
{
    QList<Label> labels;
    QDateTime creationTimestamp;
    QDateTime modificationTimestamp;
    QString createdBy;
    QString modifiedBy;
    friend bool operator==(const TaskMetadata &, const TaskMetadata &) = default;
};

// A text held as its UTF-8 bytes: where the server wrote it without escapes, a view into the
// task's rawJson (which the task keeps anyway), so a long URI costs no second copy; else its own
// bytes. Read as a QString on demand (toString(), or implicitly where a QString is expected).
class Utf8Text
{
public:
    Utf8Text() = default;
    Utf8Text(const QString &text); // NOLINT: implicit, as a QString member was
    // `size` bytes at `offset` of `owner` (shared, not copied).
    static Utf8Text view(const QByteArray &owner, qsizetype offset, qsizetype size);

    QUtf8StringView utf8() const { return {m_bytes.constData() + m_offset, m_size}; }
    QString toString() const { return QString::fromUtf8(m_bytes.constData() + m_offset, m_size); }
    operator QString() const { return toString(); } // NOLINT
    bool isEmpty() const { return m_size == 0; }
    bool isNull() const { return m_bytes.isNull(); }
    void clear() { *this = Utf8Text(); }

    // <0, 0, >0 as QString::compare() of the two texts (UTF-16 code units), decoding only when
    // they first differ at a byte that is not ASCII.
    static int compare(const Utf8Text &a, const Utf8Text &b);

    friend bool operator==(const Utf8Text &a, const Utf8Text &b) { return a.bytes() == b.bytes(); }
    friend bool operator==(const Utf8Text &a, const QString &b) { return a.toString() == b; }

private:
    QByteArrayView bytes() const { return {m_bytes.constData() + m_offset, m_size}; }

    QByteArray m_bytes;
    qint32 m_offset = 0;
    qint32 m_size = 0;
};

// A list of texts held the same way: views into one shared buffer (the task's rawJson when no
// element has an escape, else the list's own bytes).
class Utf8TextList
{
public:
    Utf8TextList() = default;
    Utf8TextList(const QStringList &texts); // NOLINT: implicit, as a QStringList member was
    Utf8TextList(std::initializer_list<QString> texts);

    // Adds `size` bytes at `offset` of `owner`, which must be the owner of every element so far.
    void appendView(const QByteArray &owner, qsizetype offset, qsizetype size);
    // Adds a text of its own (copied), for a value that is not its own bytes in the JSON.
    void append(QUtf8StringView text);

    qsizetype size() const { return m_spans.size(); }
    bool isEmpty() const { return m_spans.isEmpty(); }
    void clear() { *this = Utf8TextList(); }
    QUtf8StringView utf8(qsizetype i) const;
    QString at(qsizetype i) const { return QString::fromUtf8(utf8(i)); }
    QString value(qsizetype i) const { return i >= 0 && i < size() ? at(i) : QString(); }
    QStringList toList() const;
    operator QStringList() const { return toList(); } // NOLINT

    friend bool operator==(const Utf8TextList &a, const Utf8TextList &b);
    friend bool operator==(const Utf8TextList &a, const QStringList &b) { return a.toList() == b; }

private:
    struct Span
    {
        qint32 offset;
        qint32 size;
    };
    QByteArray m_bytes;
    QList<Span> m_spans;
    bool m_owned = false; // m_bytes is the list's own buffer (appended to), not a shared owner's
};

// A value type: cheap to copy (implicitly shared members). Timestamps are UTC with millisecond
// precision; finer fractions stay intact in rawJson, which is what every export writes.
class Task
{
public:
    QString type;
    QString version;
    QString id;
    QString name;
    QString summary;
    QString description;
    QString service;
    QString parentTaskID;
    QString userID;
    QString resourceID;
    Utf8Text resourceURI;                  // long, rarely read: kept as a view of rawJson
    Utf8TextList resourceCollectionURI;    // the same
    TaskState state = TaskState::Unknown;
    QString stateText; // the state exactly as received (also for known states)
    QList<StateTransition> stateTransitions;
    QList<StateDetail> stateDetails;
    std::optional<double> orderHint;
    std::optional<double> percentDone;
    QDateTime startTime;
    QDateTime endTime;
    QDateTime cancelTime;
    TaskMetadata metadata;

    // The item exactly as the server sent it: an object, or an array of values for `include`.
    QByteArray rawJson;

    // What Taskscope's history knows of the task (null when it knows nothing, or history is off).
    QDateTime firstSeen;      // the first poll that listed it
    QDateTime lastTransition; // when it entered its current state, as a poll saw it
    QDateTime goneAt;         // set: the server no longer lists it; shown from history since then
    bool isFromHistory() const { return goneAt.isValid(); }

    // What Taskscope's attention adds (ProgressTracker, on the planner's worker, at each snapshot).
    QDateTime stalledSince;       // set: running, and percentDone has not moved since then for too long
    std::optional<EtaRange> eta;  // how long it may still take, as of the snapshot; unset: unknown

    // The original item as a JSON object (parsed from rawJson on demand; empty for array items).
    QJsonObject json() const;

    // Seconds from startTime to endTime (cancelTime, or `now` while the task is active); nullopt when unknown.
    std::optional<qint64> durationSeconds(const QDateTime &now) const;
    // The same in milliseconds, as precise as the timestamps (the filter compares with it).
    std::optional<qint64> durationMilliseconds(const QDateTime &now) const;

    friend bool operator==(const Task &, const Task &) = default;
};

// Parses the API's timestamp form `YYYY-MM-DDTHH:MM:SS[.fraction]Z` (also accepts offsets); invalid on error.
QDateTime parseTimestamp(QStringView text);

// A 64-bit digest of a task's bytes (rawJson), never 0. The parser computes it on its worker
// thread, so that TaskTreeModel::apply() finds unchanged tasks without comparing their bytes on
// the UI thread. Only equal within one process run.
quint64 rawJsonDigest(QByteArrayView bytes);

} // namespace Taskscope

Q_DECLARE_METATYPE(Taskscope::Task)
