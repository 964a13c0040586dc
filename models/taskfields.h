// The API's task fields, written once: the parser's dispatch, the names `include` accepts and the
// filter language's field paths all read this table.
#pragma once

#include "task.h"

#include <QLatin1String>
#include <QStringList>

#include <array>
#include <optional>
#include <string_view>

namespace Taskscope {

// The top-level fields of task_1.1_get_response_body, in the reference page's order.
enum class TaskField : quint8 {
    Type, Version, Id, Name, Summary, Description, Service, ParentTaskId, UserId, ResourceId, ResourceUri,
    ResourceCollectionUri, State, StateTransitions, StateDetails, OrderHint, PercentDone, StartTime, EndTime,
    CancelTime, Metadata,
};
inline constexpr int TaskFieldCount = int(TaskField::Metadata) + 1;

enum class TaskFieldKind : quint8 {
    Text,        // a string
    Number,      // a number (a numeric string is read, with a warning)
    Time,        // a timestamp string
    TextList,    // an array of strings
    Transitions, // stateTransitions: an array of {from, to[]}
    Details,     // stateDetails: an array of {type, title, detail, additionalDetails}
    Metadata,    // metadata: {labels[], creationTimestamp, modificationTimestamp, createdBy, modifiedBy}
};

struct TaskFieldInfo
{
    TaskField field;
    std::string_view name; // the API's spelling, as JSON keys and `include=` write it
    TaskFieldKind kind;
    bool required;         // the reference page requires it
    bool interned;         // Text/TextList: the same text recurs across tasks, so tasks share one QString
    // Where the parser stores a plain value (the one matching `kind`; the others are null).
    QString Task::*text = nullptr;
    std::optional<double> Task::*number = nullptr;
    QDateTime Task::*time = nullptr;
    QStringList Task::*textList = nullptr;
    // Text/TextList kept as UTF-8 views of the task's bytes (long values read rarely).
    Utf8Text Task::*utf8 = nullptr;
    Utf8TextList Task::*utf8List = nullptr;

    constexpr QLatin1String latin1Name() const { return QLatin1String(name.data(), qsizetype(name.size())); }
    constexpr quint32 bit() const { return 1u << unsigned(field); }
};

namespace TaskFields {

using K = TaskFieldKind;
inline constexpr std::array<TaskFieldInfo, TaskFieldCount> kAll = {{
    {TaskField::Type, "type", K::Text, true, true, &Task::type},
    {TaskField::Version, "version", K::Text, true, true, &Task::version},
    {TaskField::Id, "id", K::Text, true, false, &Task::id},
    {TaskField::Name, "name", K::Text, true, true, &Task::name},
    {TaskField::Summary, "summary", K::Text, true, true, &Task::summary},
    {TaskField::Description, "description", K::Text, true, true, &Task::description},
    {TaskField::Service, "service", K::Text, false, true, &Task::service},
    {TaskField::ParentTaskId, "parentTaskID", K::Text, false, false, &Task::parentTaskID},
    {TaskField::UserId, "userID", K::Text, false, true, &Task::userID},
    {TaskField::ResourceId, "resourceID", K::Text, true, false, &Task::resourceID},
    {TaskField::ResourceUri, "resourceURI", K::Text, true, false, nullptr, nullptr, nullptr, nullptr, &Task::resourceURI},
    {TaskField::ResourceCollectionUri, "resourceCollectionURI", K::TextList, true, false, nullptr, nullptr, nullptr,
     nullptr, nullptr, &Task::resourceCollectionURI},
    {TaskField::State, "state", K::Text, true, true, &Task::stateText},
    {TaskField::StateTransitions, "stateTransitions", K::Transitions, true, false},
    {TaskField::StateDetails, "stateDetails", K::Details, true, false},
    {TaskField::OrderHint, "orderHint", K::Number, false, false, nullptr, &Task::orderHint},
    {TaskField::PercentDone, "percentDone", K::Number, false, false, nullptr, &Task::percentDone},
    {TaskField::StartTime, "startTime", K::Time, false, false, nullptr, nullptr, &Task::startTime},
    {TaskField::EndTime, "endTime", K::Time, false, false, nullptr, nullptr, &Task::endTime},
    {TaskField::CancelTime, "cancelTime", K::Time, false, false, nullptr, nullptr, &Task::cancelTime},
    {TaskField::Metadata, "metadata", K::Metadata, true, false},
}};

constexpr const TaskFieldInfo &info(TaskField field)
{
    return kAll[size_t(field)];
}

// The bits (TaskFieldInfo::bit) of the required fields.
inline constexpr quint32 kRequiredBits = [] {
    quint32 bits = 0;
    for (const TaskFieldInfo &f : kAll)
        bits |= f.required ? f.bit() : 0u;
    return bits;
}();

namespace Detail {
// The fields by the length of their name (names of one length: at most 4), for a lookup that
// compares a key with few names: it runs for every key of every item.
inline constexpr size_t kMaxNameLength = 21;
inline constexpr size_t kPerLength = 4;
inline constexpr auto kByLength = [] {
    std::array<std::array<qint8, kPerLength>, kMaxNameLength + 1> table{};
    for (auto &row : table)
        row.fill(-1);
    for (const TaskFieldInfo &f : kAll) {
        auto &row = table[f.name.size()];
        size_t i = 0;
        while (row[i] >= 0)
            ++i; // a fifth name of one length would not compile: i leaves the row
        row[i] = qint8(f.field);
    }
    return table;
}();
} // namespace Detail

// The field named `key` (exact, case-sensitive as the API), nullopt for any other key.
inline std::optional<TaskField> fromName(std::string_view key)
{
    if (key.size() > Detail::kMaxNameLength)
        return std::nullopt;
    for (const qint8 index : Detail::kByLength[key.size()]) {
        if (index < 0)
            break;
        if (kAll[size_t(index)].name == key)
            return TaskField(index);
    }
    return std::nullopt;
}

// The names, in table order (the names `include` accepts).
const QStringList &names();

} // namespace TaskFields

} // namespace Taskscope
