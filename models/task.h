// Task: one Astra Control task, every field of the reference page typed, plus its original JSON.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

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
    QString resourceURI;
    QStringList resourceCollectionURI;
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

    // The original item as a JSON object (parsed from rawJson on demand; empty for array items).
    QJsonObject json() const;

    // Seconds from startTime to endTime (cancelTime, or `now` while the task is active); nullopt when unknown.
    std::optional<qint64> durationSeconds(const QDateTime &now) const;

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
