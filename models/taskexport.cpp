// Export writers: the API's JSON shape with each task's original bytes, and the indented tree text.
#include "taskexport.h"

#include "tasktreemodel.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace Taskscope {

QList<ExportItem> exportItemsInTreeOrder(const TaskForest &forest)
{
    QList<ExportItem> items;
    items.reserve(forest.size());
    forest.forEachInTreeOrder([&items](const Task &task, int depth) { items.append({&task, depth}); });
    return items;
}

QList<ExportItem> exportItemsInTreeOrder(const TaskTreeModel &model)
{
    return exportItemsInTreeOrder(*model.forest());
}

QList<ExportItem> keepItems(const QList<ExportItem> &items, const std::function<bool(const Task &)> &keep)
{
    QList<ExportItem> kept;
    // keptAbove[d]: kept ancestors of an item at depth d (the path to it, walked in tree order).
    std::vector<int> keptAbove{0};
    for (const ExportItem &item : items) {
        const size_t depth = size_t(item.depth);
        keptAbove.resize(depth + 1); // leaving deeper levels; each item is at most one below the last
        const bool keepThis = keep(*item.task);
        if (keepThis)
            kept.append({item.task, keptAbove[depth]});
        keptAbove.push_back(keptAbove[depth] + (keepThis ? 1 : 0));
    }
    return kept;
}

QByteArray exportJson(const QList<ExportItem> &items, const QByteArray &metadataJson)
{
    QJsonObject metadata = QJsonDocument::fromJson(metadataJson).object();
    metadata.remove(QLatin1String("continue")); // paging state of the request, meaningless in a file
    if (metadata.contains(QLatin1String("count")))
        metadata.insert(QLatin1String("count"), items.size());

    qsizetype size = 128;
    for (const ExportItem &item : items)
        size += item.task->rawJson.size() + 2;
    QByteArray out;
    out.reserve(size);
    out += R"({"type":"application/astra-tasks","version":"1.1","items":[)";
    bool first = true;
    for (const ExportItem &item : items) {
        out += first ? "\n" : ",\n";
        out += item.task->rawJson;
        first = false;
    }
    out += items.isEmpty() ? "]," : "\n],";
    out += R"("metadata":)";
    out += QJsonDocument(metadata).toJson(QJsonDocument::Compact);
    out += "}\n";
    return out;
}

QByteArray toCsv(const QList<QStringList> &rows)
{
    QByteArray out;
    for (const QStringList &row : rows) {
        bool first = true;
        for (const QString &field : row) {
            if (!first)
                out += ',';
            first = false;
            const QByteArray bytes = field.toUtf8();
            if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n') || bytes.contains('\r')) {
                out += '"';
                out += QByteArray(bytes).replace("\"", "\"\"");
                out += '"';
            } else {
                out += bytes;
            }
        }
        out += "\r\n";
    }
    return out;
}

QString formatPercentPlain(double percent)
{
    return QString::number(percent, 'g', QLocale::FloatingPointShortest);
}

QByteArray exportTree(const QList<ExportItem> &items)
{
    QByteArray out;
    out.reserve(items.size() * 96);
    for (const ExportItem &item : items) {
        const Task &task = *item.task;
        out.append(QByteArray(item.depth * 2, ' '));
        out += task.id.toUtf8();
        out += ' ';
        out += task.stateText.isEmpty() ? QByteArrayLiteral("-") : task.stateText.toUtf8();
        out += ' ';
        out += task.percentDone ? formatPercentPlain(*task.percentDone).toUtf8() : QByteArrayLiteral("-");
        out += ' ';
        out += task.name.isEmpty() ? QByteArrayLiteral("-") : task.name.toUtf8();
        out += '\n';
    }
    return out;
}

} // namespace Taskscope
