// Transitions for the Journal's tests: minutes after a fixed start, one call per row.
#pragma once

#include "historystore.h"

namespace Taskscope::JournalSpec {

// Before ManualScheduler's default start, so that its "now" is after every row.
inline const QDateTime kStart(QDate(2026, 3, 4), QTime(10, 0), Qt::UTC);

inline QDateTime minute(int n)
{
    return kStart.addSecs(60LL * n);
}

// `from` empty: the task appeared. The name defaults to "Backup of <id>".
inline HistoryTransition change(const QString &id, const QString &from, const QString &to, const QDateTime &at,
                                const QString &app = QStringLiteral("shop"), const QString &reason = {},
                                const QString &name = {})
{
    HistoryTransition t;
    t.connection = QStringLiteral("c1");
    t.taskId = id;
    t.taskName = name.isEmpty() ? QStringLiteral("Backup of ") + id : name;
    t.appName = app;
    t.from = from;
    t.to = to;
    t.at = at;
    t.reason = reason;
    return t;
}

} // namespace Taskscope::JournalSpec
