// TaskRecord: one version of a demo task and the writer of its JSON.
#include "taskrecord.h"

#include "demojson.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Taskscope::Demo {

namespace {

const char *const kFieldNames[taskFieldCount] = {
    "type",       "version",     "id",         "name",      "summary",       "description",
    "service",    "parentTaskID", "userID",    "resourceID", "resourceURI",  "resourceCollectionURI",
    "state",      "stateTransitions", "stateDetails", "orderHint", "percentDone", "startTime",
    "endTime",    "cancelTime",  "metadata"};

const char kStateTransitionsJson[] =
    R"([{"from":"running","to":["paused","cancelled"]},{"from":"paused","to":["running","cancelled"]}])";

} // namespace

void appendTaskJson(QByteArray &out, const TaskRecord &record)
{
    out.append('{');
    bool first = true;
    for (int f = 0; f < taskFieldCount; ++f) {
        const qsizetype mark = out.size();
        if (!first)
            out.append(',');
        out.append('"');
        out.append(kFieldNames[f]);
        out.append("\":", 2);
        if (record.appendField(out, TaskField(f)))
            first = false;
        else
            out.truncate(mark);
    }
    out.append('}');
}

QByteArray stateName(TaskState state)
{
    static const char *const names[] = {"notStarted", "running",    "completed", "pausing",
                                        "paused",     "cancelling", "cancelled", "failed"};
    return staticText(names[int(state)]);
}

bool isFinal(TaskState state)
{
    return state == TaskState::Completed || state == TaskState::Cancelled || state == TaskState::Failed;
}

QByteArray fieldName(TaskField field)
{
    return staticText(kFieldNames[int(field)]);
}

std::optional<TaskField> fieldFromName(QStringView name)
{
    for (int f = 0; f < taskFieldCount; ++f) {
        if (name == QLatin1StringView(kFieldNames[f]))
            return TaskField(f);
    }
    return std::nullopt;
}

bool TaskRecord::appendField(QByteArray &out, TaskField field) const
{
    const TaskIdentity &id = *identity;
    auto appendTime = [&out](qint64 us) { // -1: absent
        if (us < 0)
            return false;
        Json::appendTimestamp(out, us);
        return true;
    };
    switch (field) {
    case TaskField::Type: out.append("\"application/astra-task\""); return true;
    case TaskField::Version: out.append("\"1.1\""); return true;
    case TaskField::Id: Json::appendString(out, id.id); return true;
    case TaskField::Name: Json::appendString(out, id.name); return true;
    case TaskField::Summary: Json::appendString(out, id.summary); return true;
    case TaskField::Description: Json::appendString(out, id.description); return true;
    case TaskField::Service: out.append("\"nautilus\""); return true;
    case TaskField::ParentTaskID:
        if (id.parentTaskId.isEmpty())
            return false;
        Json::appendString(out, id.parentTaskId);
        return true;
    case TaskField::UserID: Json::appendString(out, id.userId); return true;
    case TaskField::ResourceID: Json::appendString(out, id.resourceId); return true;
    case TaskField::ResourceURI: Json::appendString(out, id.resourceUri); return true;
    case TaskField::ResourceCollectionURI:
        out.append('[');
        for (qsizetype i = 0; i < id.resourceCollectionUris.size(); ++i) {
            if (i)
                out.append(',');
            Json::appendString(out, id.resourceCollectionUris[i]);
        }
        out.append(']');
        return true;
    case TaskField::State: Json::appendString(out, stateName(state)); return true;
    case TaskField::StateTransitions: out.append(kStateTransitionsJson); return true;
    case TaskField::StateDetails:
        if (!failure) {
            out.append("[]", 2);
            return true;
        }
        out.append("[{\"type\":");
        Json::appendString(out, failure->type);
        out.append(",\"title\":");
        Json::appendString(out, failure->title);
        out.append(",\"detail\":");
        Json::appendString(out, failure->detail);
        out.append(",\"additionalDetails\":");
        out.append(QJsonDocument(failure->additionalDetails).toJson(QJsonDocument::Compact));
        out.append("}]");
        return true;
    case TaskField::OrderHint: out.append(QByteArray::number(id.orderHint)); return true;
    case TaskField::PercentDone: out.append(Json::numberText(percentDone)); return true;
    case TaskField::StartTime: return appendTime(startUs);
    case TaskField::EndTime: return appendTime(endUs);
    case TaskField::CancelTime: return appendTime(cancelUs);
    case TaskField::Metadata:
        out.append("{\"labels\":[");
        for (qsizetype i = 0; i < id.labels.size(); ++i) {
            out.append(i ? ",{\"name\":" : "{\"name\":");
            Json::appendString(out, id.labels[i].first);
            out.append(",\"value\":");
            Json::appendString(out, id.labels[i].second);
            out.append('}');
        }
        out.append("],\"creationTimestamp\":");
        Json::appendTimestamp(out, id.creationUs);
        out.append(",\"modificationTimestamp\":");
        Json::appendTimestamp(out, modifiedUs);
        out.append(",\"createdBy\":");
        Json::appendString(out, id.createdBy);
        out.append('}');
        return true;
    }
    return false;
}

QJsonValue TaskRecord::fieldValue(TaskField field) const
{
    const TaskIdentity &id = *identity;
    auto text = [](const QByteArray &utf8) { return QJsonValue(QString::fromUtf8(utf8)); };
    auto time = [](qint64 us) {
        return us < 0 ? QJsonValue(QJsonValue::Undefined) : QJsonValue(QString::fromLatin1(Json::timestamp(us)));
    };
    switch (field) {
    case TaskField::Type: return u"application/astra-task"_s;
    case TaskField::Version: return u"1.1"_s;
    case TaskField::Id: return text(id.id);
    case TaskField::Name: return text(id.name);
    case TaskField::Summary: return text(id.summary);
    case TaskField::Description: return text(id.description);
    case TaskField::Service: return u"nautilus"_s;
    case TaskField::ParentTaskID:
        return id.parentTaskId.isEmpty() ? QJsonValue(QJsonValue::Undefined) : text(id.parentTaskId);
    case TaskField::UserID: return text(id.userId);
    case TaskField::ResourceID: return text(id.resourceId);
    case TaskField::ResourceURI: return text(id.resourceUri);
    case TaskField::ResourceCollectionURI: {
        QJsonArray uris;
        for (const QByteArray &uri : id.resourceCollectionUris)
            uris.append(QString::fromUtf8(uri));
        return uris;
    }
    case TaskField::State: return text(stateName(state));
    case TaskField::StateTransitions:
        return QJsonDocument::fromJson(QByteArray(kStateTransitionsJson)).array();
    case TaskField::StateDetails: {
        QJsonArray details;
        if (failure) {
            details.append(QJsonObject{{u"type"_s, text(failure->type)},
                                       {u"title"_s, text(failure->title)},
                                       {u"detail"_s, text(failure->detail)},
                                       {u"additionalDetails"_s, failure->additionalDetails}});
        }
        return details;
    }
    case TaskField::OrderHint: return id.orderHint;
    case TaskField::PercentDone: return percentDone;
    case TaskField::StartTime: return time(startUs);
    case TaskField::EndTime: return time(endUs);
    case TaskField::CancelTime: return time(cancelUs);
    case TaskField::Metadata: {
        QJsonArray labels;
        for (const auto &[name, value] : id.labels)
            labels.append(QJsonObject{{u"name"_s, text(name)}, {u"value"_s, text(value)}});
        return QJsonObject{{u"labels"_s, labels},
                           {u"creationTimestamp"_s, time(id.creationUs)},
                           {u"modificationTimestamp"_s, time(modifiedUs)},
                           {u"createdBy"_s, text(id.createdBy)}};
    }
    }
    return QJsonValue(QJsonValue::Undefined);
}

QJsonValue TaskRecord::fieldValue(QStringView name) const
{
    const auto field = fieldFromName(name);
    return field ? fieldValue(*field) : QJsonValue(QJsonValue::Undefined);
}

} // namespace Taskscope::Demo
