// Snapshot: one complete poll of the tasks endpoint, as the consumers (model, history, export) see it.
#pragma once

#include "task.h"
#include "tasklistparser.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>

namespace Taskscope {

// One complete poll: every page, in the order received. An incremental poll hands out the last
// view with its changes merged in, which looks exactly like a full list to consumers.
struct Snapshot
{
    QList<Task> tasks;
    QList<quint64> digests; // rawJsonDigest() of each task (TaskListPage::digests)
    QList<ParseWarning> warnings;
    QByteArray metadataJson;
    QDateTime receivedAt;
    qint64 latencyMs = 0; // first request sent -> last page parsed
    int pages = 0;
    qint64 bytes = 0;  // bytes received by this poll (an incremental one moves only the changes)
    bool full = true;  // the whole list; false: the last view with an incremental answer merged in
};

} // namespace Taskscope

Q_DECLARE_METATYPE(Taskscope::Snapshot)
