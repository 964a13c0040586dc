// TaskRecord: one version of a demo task (what never changes, its state now) and the writer of its JSON.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringView>

#include <memory>
#include <optional>
#include <utility>

namespace Taskscope::Demo {

enum class TaskState : quint8 { NotStarted, Running, Completed, Pausing, Paused, Cancelling, Cancelled, Failed };
QByteArray stateName(TaskState state);
bool isFinal(TaskState state);

// The top-level fields of a task, in the order they are written.
enum class TaskField : quint8 {
    Type,
    Version,
    Id,
    Name,
    Summary,
    Description,
    Service,
    ParentTaskID,
    UserID,
    ResourceID,
    ResourceURI,
    ResourceCollectionURI,
    State,
    StateTransitions,
    StateDetails,
    OrderHint,
    PercentDone,
    StartTime,
    EndTime,
    CancelTime,
    Metadata,
};
inline constexpr int taskFieldCount = int(TaskField::Metadata) + 1;
QByteArray fieldName(TaskField field);
std::optional<TaskField> fieldFromName(QStringView name);

// One entry of `stateDetails` (a failed task carries one).
struct StateDetail {
    QByteArray type;   // https://astra.netapp.io/problems/NN
    QByteArray title;  // at most 40 characters
    QByteArray detail; // at most 511 characters
    QJsonObject additionalDetails;
};

// What never changes during a task's life.
struct TaskIdentity {
    QByteArray id;
    QByteArray name;
    QByteArray summary;
    QByteArray description;
    QByteArray parentTaskId; // empty for a top-level task
    QByteArray userId;
    QByteArray resourceId;
    QByteArray resourceUri;
    QList<QByteArray> resourceCollectionUris;
    QList<std::pair<QByteArray, QByteArray>> labels;
    QByteArray createdBy;
    qint64 creationUs = 0;
    int orderHint = 0;
};

// One immutable version of a task: its identity, its current state, and its JSON written once.
// Records are shared: list snapshots keep the versions they were built from.
struct TaskRecord {
    std::shared_ptr<const TaskIdentity> identity;
    std::shared_ptr<const StateDetail> failure; // set when failed
    TaskState state = TaskState::NotStarted;
    double percentDone = 0;
    qint64 startUs = -1; // -1: absent
    qint64 endUs = -1;
    qint64 cancelUs = -1;
    qint64 modifiedUs = 0;
    QByteArray json; // the whole task object, compact

    // Appends the JSON of one field's value; false (and nothing appended) when the task has no such field.
    bool appendField(QByteArray &out, TaskField field) const;
    // The same value as a QJsonValue (undefined when absent), for filters.
    QJsonValue fieldValue(TaskField field) const;
    QJsonValue fieldValue(QStringView name) const;
};
using TaskRecordPtr = std::shared_ptr<const TaskRecord>;

// Appends the whole task object, compact: its fields in TaskField order, those it lacks left out.
void appendTaskJson(QByteArray &out, const TaskRecord &record);

// A QByteArray over text that lives as long as the program (literals), without a copy.
inline QByteArray staticText(const char *text)
{
    return QByteArray::fromRawData(text, qsizetype(qstrlen(text)));
}

} // namespace Taskscope::Demo
