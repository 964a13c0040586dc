// TaskFormat: the localised text of a task's values (state names, progress, durations, times, marks),
// shared by the tree model, the details pane, the state chips and CSV export.
#pragma once

#include "task.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace Taskscope {

class TaskFormat
{
    Q_DECLARE_TR_FUNCTIONS(TaskFormat)
public:
    // The state's name in the user's language; an unknown state shows the server's text.
    static QString stateName(TaskState state, const QString &rawText);
    // The state's name as the badge shows it and a screen reader says it: "Running · stalled" when
    // the task's progress has stopped (Task::stalledSince), else the name alone.
    static QString stateLabel(const QString &stateName, bool stalled);
    // How long a task may still take: "≈ 4–6 min", "≈ 30 s", "< 2 min", "≈ 1.5–2 h" (the unit from the
    // upper end; both ends rounded in it, one value when they round alike). "Unknown" for a running
    // task without an estimate; empty when the task is not running (never "∞" for a finished task).
    static QString eta(const std::optional<EtaRange> &eta, bool running);
    // "42%", "42.5%"; empty when the API gives no percentDone.
    static QString progress(std::optional<double> percent);
    // "1h 02m 05s", "3m 07s", "9s".
    static QString duration(qint64 seconds);
    // A UTC instant as the user reads it: the local date (short, with a four-digit year) and time;
    // empty when invalid.
    static QString localTime(const QDateTime &utc);
    // The exact UTC instant, ISO 8601 with milliseconds; empty when invalid.
    static QString exactUtc(const QDateTime &utc);
    // A resource URI's last segment as a user reads it: ".../appBackups/<id>" -> "Backup 1b2c3d4e…".
    static QString readableResource(const QString &uri);
    // Why a task with these marks (TaskMark bits) is not where its parentTaskID says: one sentence per mark.
    static QStringList markDescriptions(int marks, const QString &parentTaskID);
};

} // namespace Taskscope
