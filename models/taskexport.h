// Export writers: the API's JSON shape (every task byte-for-byte as received) and the indented tree text.
#pragma once

#include "task.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

class QIODevice;

namespace Taskscope {

class TaskForest;
class TaskTreeModel;

enum class ExportFormat { Json, Tree };

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
