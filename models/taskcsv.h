// Machine CSV: one row per task under stable English column names, for scripts and spreadsheets
// alike (the window's File › Export… and `taskscope export --format csv` write the same bytes).
#pragma once

#include "nametable.h"

#include "taskexport.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <functional>

namespace Taskscope {

// The name of object `id` of `collection` ("apps", "clusters", "clouds", "namespaces"); empty when
// unknown. A NameDirectory answers it; without one the name columns stay empty.
using NameLookup = std::function<QString(QStringView collection, const QString &id)>;

// The lookup over a NameDirectory's table (empty when there is none).
NameLookup nameLookup(const NameTablePtr &names);

// The header row: id, parentTaskID, name, summary, state, percentDone, startTime, ... resourceURI.
const QStringList &machineCsvColumns();

// One task's cells in machineCsvColumns() order, as plain text (not yet made safe or quoted):
// the state as the API spells it, times in ISO 8601 UTC, percentDone and duration (seconds, with
// the milliseconds where there are any; a running task's up to `now`) as plain numbers, the ids
// of app, cluster, cloud and namespace with their names from `nameOf`. Absent values are empty.
QStringList machineCsvRow(const Task &task, const QDateTime &now, const NameLookup &nameOf = {});

// The header and one row per item, in the items' order; every cell through csvSafeCell(), then
// RFC 4180 (toCsv()).
QByteArray exportMachineCsv(const QList<ExportItem> &items, const QDateTime &now, const NameLookup &nameOf = {});

// `cell` with a ' in front when it begins with =, +, -, @, tab or carriage return, so that a
// spreadsheet shows it as text instead of running it as a formula (OWASP's CSV injection advice).
QString csvSafeCell(const QString &cell);

// The TaskField bits (TaskFieldInfo::bit) machineCsvRow() reads.
quint32 machineCsvFieldsRead();

} // namespace Taskscope
