// Export writers: the API's JSON shape with each task's original bytes, and the indented tree text.
#include "taskexport.h"

#include "taskcsv.h"
#include "taskfields.h"
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

namespace {

// Where a task is in the tree, read while the body is parsed: a fraction of a Task's size.
struct Skeleton
{
    QString id;
    QString parentTaskID;
    std::optional<double> orderHint;
    QDateTime startTime;
    qsizetype kept = -1; // index into the kept tasks
};

// What `format` writes of a kept task, moved out of the task as read.
Task keptPart(Task &&task, ExportFormat format)
{
    Task part;
    if (format == ExportFormat::Json) {
        part.rawJson = QByteArray(task.rawJson.constData(), task.rawJson.size()); // a view of the body: copied
        return part;
    }
    if (format == ExportFormat::Csv) {
        // Everything it read, but no views of the body, which is released before the CSV is written.
        part = std::move(task);
        part.rawJson = QByteArray();
        part.resourceURI = Utf8Text(part.resourceURI.toString());
        part.resourceCollectionURI = Utf8TextList(part.resourceCollectionURI.toList());
        return part;
    }
    part.name = std::move(task.name);
    part.state = task.state;
    part.stateText = std::move(task.stateText);
    part.percentDone = task.percentDone;
    return part;
}

} // namespace

QList<ExportItem> ExportScan::keptItems() const
{
    return keepItems(exportItemsInTreeOrder(*forest), [this](const Task &task) { return kept.count(&task) != 0; });
}

bool scanForExport(QByteArray &&body, const TaskListParser &parser, ExportFormat format,
                   const std::function<bool(const Task &)> &keep, quint32 keepReads, ExportScan *scan,
                   ParseError *error, const std::function<void()> &release)
{
    const auto bit = [](TaskField field) { return TaskFields::info(field).bit(); };
    quint32 reads = keepReads | bit(TaskField::ParentTaskId) | bit(TaskField::OrderHint) | bit(TaskField::StartTime);
    if (format == ExportFormat::Tree)
        reads |= bit(TaskField::Name) | bit(TaskField::PercentDone);
    if (format == ExportFormat::Csv)
        reads |= machineCsvFieldsRead();
    TaskListParser reader = parser;
    reader.setFields(reads);

    std::vector<Skeleton> skeletons;
    QList<Task> keptTasks;
    const auto sink = [&](Task &&task) {
        Skeleton skeleton{std::move(task.id), std::move(task.parentTaskID), task.orderHint, task.startTime, -1};
        task.id = skeleton.id; // shared, not copied: `keep` may read it
        task.parentTaskID = skeleton.parentTaskID;
        if (keep(task)) {
            skeleton.kept = keptTasks.size();
            keptTasks.append(keptPart(std::move(task), format));
        }
        skeletons.push_back(std::move(skeleton));
    };
    const bool parsed = reader.parse(body, &scan->page, error, sink);
    body = QByteArray(); // the parser's buffers are gone too: from here on, only what is kept
    if (release)
        release();
    if (!parsed)
        return false;

    // One block for every task (each pointer shares its ownership): 100,000 allocations fewer.
    const auto storage = std::make_shared<std::vector<Task>>(skeletons.size());
    std::vector<std::shared_ptr<const Task>> tasks;
    tasks.reserve(skeletons.size());
    for (size_t i = 0; i < skeletons.size(); ++i) {
        Skeleton &skeleton = skeletons[i];
        Task &task = (*storage)[i];
        if (skeleton.kept >= 0)
            task = std::move(keptTasks[skeleton.kept]);
        task.id = std::move(skeleton.id);
        task.parentTaskID = std::move(skeleton.parentTaskID);
        task.orderHint = skeleton.orderHint;
        task.startTime = skeleton.startTime;
        tasks.emplace_back(storage, &task);
    }
    std::vector<bool> keptAt(skeletons.size());
    for (size_t i = 0; i < skeletons.size(); ++i)
        keptAt[i] = skeletons[i].kept >= 0;
    skeletons = {};
    keptTasks = {};
    scan->forest = TaskForest::build(std::move(tasks), &scan->page.warnings);
    for (int slot = 0; slot < scan->forest->size(); ++slot) {
        if (keptAt[size_t(scan->forest->sourceIndex(slot))])
            scan->kept.insert(scan->forest->taskObject(slot));
    }
    return true;
}

ExportScan scanForExport(TaskListPage &&page, const std::function<bool(const Task &)> &keep)
{
    ExportScan scan;
    scan.page.warnings = std::move(page.warnings);
    scan.page.metadataJson = std::move(page.metadataJson);
    scan.forest = TaskForest::build(std::move(page.tasks), page.digests, &scan.page.warnings);
    for (int slot = 0; slot < scan.forest->size(); ++slot) {
        if (keep(scan.forest->task(slot)))
            scan.kept.insert(scan.forest->taskObject(slot));
    }
    return scan;
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
