// Tasks for model and diff tests, written compactly: parseSpec(u"a; b<a o=1 s=30 p=50 st=failed"_s).
#pragma once

#include "task.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Taskscope::TestSpec {

using namespace Qt::StringLiterals;

inline const QDateTime kBase(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);

// The API's name of a state (the product's list); an unknown state reads "weird".
inline QString stateText(TaskState state)
{
    const QString name = stateApiName(state);
    return name.isEmpty() ? u"weird"_s : name;
}

// rawJson from the fields the tests set, so that two tasks differ in rawJson whenever they differ.
inline void seal(Task &t)
{
    QJsonObject o;
    o[u"id"_s] = t.id;
    o[u"name"_s] = t.name;
    o[u"summary"_s] = t.summary;
    o[u"service"_s] = t.service;
    o[u"resourceURI"_s] = t.resourceURI.toString();
    o[u"state"_s] = t.stateText;
    if (!t.parentTaskID.isEmpty())
        o[u"parentTaskID"_s] = t.parentTaskID;
    if (t.orderHint)
        o[u"orderHint"_s] = *t.orderHint;
    if (t.percentDone)
        o[u"percentDone"_s] = *t.percentDone;
    if (t.startTime.isValid())
        o[u"startTime"_s] = t.startTime.toString(Qt::ISODateWithMs);
    if (t.endTime.isValid())
        o[u"endTime"_s] = t.endTime.toString(Qt::ISODateWithMs);
    t.rawJson = QJsonDocument(o).toJson(QJsonDocument::Compact);
}

inline Task makeTask(const QString &id, const QString &parent = {})
{
    Task t;
    t.type = u"application/astra-task"_s;
    t.version = u"1.0"_s;
    t.id = id;
    t.parentTaskID = parent;
    t.name = u"Task "_s + id;
    t.state = TaskState::Running;
    t.stateText = stateText(t.state);
    seal(t);
    return t;
}

// A snapshot in a compact form: items separated by ';', each "id[<parent] [o=orderHint] [s=startSecs]
// [e=endSecs] [p=percent] [n=name] [st=apiState]" (seconds relative to kBase).
inline QList<Task> parseSpec(const QString &spec)
{
    QList<Task> tasks;
    const QStringList items = spec.split(u';', Qt::SkipEmptyParts);
    for (const QString &item : items) {
        const QStringList tokens = item.split(u' ', Qt::SkipEmptyParts);
        if (tokens.isEmpty())
            continue;
        const QStringList head = tokens.first().split(u'<');
        Task t = makeTask(head.at(0), head.size() > 1 ? head.at(1) : QString());
        for (qsizetype i = 1; i < tokens.size(); ++i) {
            const QString key = tokens.at(i).section(u'=', 0, 0);
            const QString value = tokens.at(i).section(u'=', 1);
            if (key == u"o")
                t.orderHint = value.toDouble();
            else if (key == u"s")
                t.startTime = kBase.addSecs(value.toLongLong());
            else if (key == u"e")
                t.endTime = kBase.addSecs(value.toLongLong());
            else if (key == u"p")
                t.percentDone = value.toDouble();
            else if (key == u"n")
                t.name = value;
            else if (key == u"st") {
                t.state = stateFromApiName(value);
                t.stateText = value;
            } else
                qFatal("bad spec token %s", qPrintable(tokens.at(i)));
        }
        seal(t);
        tasks.append(t);
    }
    return tasks;
}

} // namespace Taskscope::TestSpec
