// Scenario: the demo server's deterministic task simulator (no networking, driven by an explicit clock).
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

class QRandomGenerator;

namespace Taskscope::Demo {

// The account the demo serves unless told otherwise (a UUIDv4, like Astra's account ids).
inline constexpr char kDefaultAccountId[] = "4a1f3c2e-8b7d-4e6f-9a0b-1c2d3e4f5a6b";

// A UUIDv4 (lower-case text) drawn from `rng`: deterministic for a seeded generator.
QByteArray randomUuid(QRandomGenerator &rng);

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

// The whole task list at one generation. Immutable; shared by whoever still pages through it.
struct ScenarioSnapshot {
    quint64 generation = 0;
    qint64 timeMsecs = 0;
    std::vector<TaskRecordPtr> tasks; // in list order: trees by creation, each parent before its subtasks
};

struct ScenarioConfig {
    QByteArray accountId = kDefaultAccountId;
    quint64 seed = 1;
    int targetTasks = 300;          // about this many tasks are in the list at any time
    double speed = 1.0;             // every duration of the scenario is divided by this
    qint64 epochMsecs = 0;          // UTC ms since 1970 when the scenario "starts" (the list is full already)
    qint64 retentionSeconds = 900;  // finished trees leave the list this long (before speed) after they end
};

class Scenario final
{
public:
    explicit Scenario(const ScenarioConfig &config);
    ~Scenario();
    Scenario(const Scenario &) = delete;
    Scenario &operator=(const Scenario &) = delete;

    const ScenarioConfig &config() const;

    // Moves the clock forward to `utcMsecs` (earlier times are ignored): starts the trees scheduled
    // until then, advances progress and states, retires finished trees past the retention window.
    // The state at a time does not depend on the steps taken to reach it.
    void advanceTo(qint64 utcMsecs);
    qint64 currentTimeMsecs() const;

    quint64 generation() const;          // changes whenever the list changes
    qsizetype taskCount() const;
    std::shared_ptr<const ScenarioSnapshot> snapshot() const; // the current list (built once per generation)
    TaskRecordPtr task(QByteArrayView id) const;              // null when no such task is listed
    QByteArray listJson() const;                              // the unpaged list response body

    // Statistics for tests and benchmarks.
    quint64 treesStarted() const;       // trees scheduled so far (also those retired already)
    quint64 recordsSerialised() const;  // task versions written to JSON so far

    static QByteArray listBody(const std::vector<TaskRecordPtr> &tasks);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Taskscope::Demo
