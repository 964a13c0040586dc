// Export writers: the API's JSON shape (every task byte-for-byte as received) and the indented tree text.
#pragma once

#include "task.h"
#include "taskforest.h"
#include "tasklistparser.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <unordered_set>

class QIODevice;

namespace Taskscope {

class TaskForest;
class TaskTreeModel;

enum class ExportFormat { Json, Tree, Csv }; // Csv: the machine CSV of taskcsv.h

struct ExportItem
{
    const Task *task = nullptr;
    int depth = 0;
};

// The tasks of `forest` depth-first in tree order, each with its depth (pointers into the forest).
QList<ExportItem> exportItemsInTreeOrder(const TaskForest &forest);
// The same for the tree a model shows.
QList<ExportItem> exportItemsInTreeOrder(const TaskTreeModel &model);

// The items for which `keep` holds, still in tree order; a depth counts only kept ancestors.
QList<ExportItem> keepItems(const QList<ExportItem> &items, const std::function<bool(const Task &)> &keep);

// A task list read for an export of the tasks that `keep` accepts, holding only what that needs:
// every task's place in the tree (id, parentTaskID, orderHint, startTime: the skeleton the forest
// orders), and for a kept task what `format` writes (its bytes for JSON; state, percentDone and
// name for the tree; the fields of machineCsvFieldsRead() for CSV). The body is read in place (TaskListParser::kPadding) and released once
// parsed, so a large file is held once, and a task list never twice.
struct ExportScan
{
    TaskForestPtr forest;
    TaskListPage page; // warnings, metadata; no tasks
    std::unordered_set<const Task *> kept;

    // The kept tasks in tree order, each depth counting only kept ancestors.
    QList<ExportItem> keptItems() const;
};
// `keepReads`: the TaskField bits `keep` reads (FilterPredicate::fieldsRead()); the parser builds
// only those and what the format and the tree need. Returns false and fills `error` when the body
// is not a usable list (nothing is kept then). `release` runs as soon as nothing reads the body's bytes any more (a mapped file is unmapped
// there, before the tree is built).
bool scanForExport(QByteArray &&body, const TaskListParser &parser, ExportFormat format,
                   const std::function<bool(const Task &)> &keep, quint32 keepReads, ExportScan *scan,
                   ParseError *error, const std::function<void()> &release = {});
// The same for tasks already read (from an endpoint, from the history): every task is kept whole,
// moved into the forest.
ExportScan scanForExport(TaskListPage &&page, const std::function<bool(const Task &)> &keep);

// {"type":"application/astra-tasks","version":"1.1","items":[...],"metadata":{...}}.
// `metadataJson` is the list metadata to carry over (paging fields are dropped); empty means {}.
QByteArray exportJson(const QList<ExportItem> &items, const QByteArray &metadataJson = {});

// One line per task: `<two spaces per depth><id> <state> <percentDone or -> <name>`.
QByteArray exportTree(const QList<ExportItem> &items);

// RFC 4180 CSV: fields with a comma, quote or line break are quoted (quotes doubled); CRLF ends
// every record. UTF-8.
QByteArray toCsv(const QList<QStringList> &rows);

// percentDone as the tree and CSV print it: the shortest exact decimal ("20.25", "100").
QString formatPercentPlain(double percent);

} // namespace Taskscope
