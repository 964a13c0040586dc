// `taskscope history`: what the history file holds (tasks or transitions), without a display or a network.
#include "historycommand.h"

#include "connectionoptions.h"
#include "connectionprofile.h"
#include "exportcommand.h"
#include "filterevaluator.h"
#include "historycommandline.h"
#include "historystore.h"
#include "taskcsv.h"
#include "taskexport.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QSet>
#include <QTextStream>

#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace Taskscope {

namespace {

// The names the history keeps with each task, for appName and clusterName in filters and for CSV.
NameTablePtr namesOf(const QList<HistoryTask> &tasks)
{
    auto table = std::make_shared<NameTable>();
    for (const HistoryTask &task : tasks) {
        if (!task.appId.isEmpty() && !task.appName.isEmpty())
            table->insert(NameKind::App, task.appId, task.appName);
        if (!task.clusterId.isEmpty() && !task.clusterName.isEmpty())
            table->insert(NameKind::Cluster, task.clusterId, task.clusterName);
    }
    return table;
}

// The stored tasks of one connection: they make one tree.
struct ConnectionTasks
{
    QString connection;
    QList<qsizetype> indexes; // into the query's tasks
};

} // namespace

int HistoryCommand::run(const QStringList &arguments, QIODevice *out, QTextStream &err)
{
    HistoryCommandLine cli(QStringLiteral("history"));
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Show the tasks and state transitions the history holds, without a display "
                                        "or a network."));
    cli.addTo(parser);
    const QCommandLineOption sinceOption(
        QStringLiteral("since"),
        tr("Only tasks seen, and transitions, at or after <time> (ISO 8601, or now-<n> with s, m, h or d)."),
        tr("time"));
    const QCommandLineOption untilOption(QStringLiteral("until"),
                                         tr("Only tasks first seen, and transitions, at or before <time>."), tr("time"));
    const QCommandLineOption filterOption(
        QStringLiteral("filter"), tr("Only the tasks (or their transitions) that match <expression>."),
        ExportCommand::tr("expression"));
    const QCommandLineOption formatOption(QStringLiteral("format"),
                                          tr("Output format: json (default), csv, tree or transitions."), ExportCommand::tr("format"),
                                          QStringLiteral("json"));
    const QCommandLineOption outputOption(QStringLiteral("output"),
                                          ExportCommand::tr("Write to <file> (atomically) instead of standard output."),
                                          ExportCommand::tr("file"));
    ConnectionOptions endpoint;
    endpoint.addEndpointTo(parser);
    parser.addOptions({sinceOption, untilOption, filterOption,
                       formatOption, outputOption});

    if (const std::optional<int> done = cli.parse(parser, arguments, out, err))
        return *done;
    const int sources =
        int(cli.connectionRequested(parser)) + int(endpoint.urlRequested(parser)) + int(endpoint.demoRequested(parser));
    if (sources > 1) {
        err << cli.errorLine(HistoryCommandLine::tr("--connection, --url and --demo exclude each other: choose one")) << Qt::endl;
        return ExportCommand::UsageError;
    }
    const QString format = parser.value(formatOption).toLower();
    if (format != u"json" && format != u"csv" && format != u"tree" && format != u"transitions") {
        err << cli.errorLine(tr("unknown format \"%1\": use json, csv, tree or transitions").arg(parser.value(formatOption)))
            << Qt::endl;
        return ExportCommand::UsageError;
    }
    FilterExpr filter;
    if (parser.isSet(filterOption)
        && !ExportCommand::parseFilterOption(parser.value(filterOption), cli.errorLine({}), &filter, err))
        return ExportCommand::UsageError;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    HistoryQuery query;
    QString error;
    for (const auto &[option, time] : {std::pair{&sinceOption, &query.since}, std::pair{&untilOption, &query.until}}) {
        if (!parser.isSet(*option))
            continue;
        *time = HistoryCommandLine::parseTime(parser.value(*option), now, &error);
        if (!time->isValid()) {
            err << cli.errorLine(QStringLiteral("--%1: %2").arg(option->names().constFirst(), error)) << Qt::endl;
            return ExportCommand::UsageError;
        }
    }

    // Which connection: the same key as the one `watch` and the window record under.
    QString key;
    QString wanted; // what the user named, for a message
    if (cli.connectionRequested(parser)) {
        ConnectionProfile profile;
        if (!HistoryCommandLine::findProfile(cli.connectionName(parser), &profile, &error)) {
            err << cli.errorLine(error) << Qt::endl;
            return ExportCommand::UsageError;
        }
        key = historyConnectionKey(profile.baseUrl, profile.accountId);
        wanted = profile.name;
    } else if (endpoint.urlRequested(parser)) {
        QUrl url;
        QString account;
        if (!endpoint.resolveUrl(parser, &url, &account, &error)) {
            err << cli.errorLine(error) << Qt::endl;
            return ExportCommand::UsageError;
        }
        key = historyConnectionKey(url, account);
        wanted = historyConnectionLabel(url, account);
    } else if (endpoint.demoRequested(parser)) {
        key = historyConnectionKey(ConnectionOptions::demoHistoryUrl(), ConnectionOptions::demoAccountId());
        wanted = historyConnectionLabel(ConnectionOptions::demoHistoryUrl(), ConnectionOptions::demoAccountId());
    }

    const QString path = cli.historyPath(parser);
    if (!QFileInfo::exists(path)) {
        err << cli.errorLine(tr("no history file at %1 (taskscope watch and the window record one)").arg(path))
            << Qt::endl;
        return ExportCommand::Failure;
    }
    HistoryDatabase database;
    const HistoryDatabase::OpenResult opened = database.open(path, HistoryDatabase::Mode::ReadOnly);
    if (opened == HistoryDatabase::OpenResult::Failed || opened == HistoryDatabase::OpenResult::MovedAside) {
        err << cli.errorLine(tr("cannot read the history %1: %2").arg(path, database.message())) << Qt::endl;
        return ExportCommand::Failure;
    }
    if (!database.message().isEmpty()) // a newer schema, read as far as this version can
        err << cli.errorLine(tr("note: %1").arg(database.message())) << Qt::endl;

    QHash<QString, QString> labels;
    QStringList held;
    for (const auto &[connectionKey, label] : database.connections()) {
        labels.insert(connectionKey, label);
        held.append(label);
    }
    if (!key.isEmpty()) {
        if (!labels.contains(key)) {
            err << cli.errorLine(held.isEmpty() ? tr("%1 holds no history yet").arg(path)
                                                : tr("%1 holds no history of %2 (it holds: %3)")
                                                      .arg(path, wanted, held.join(QLatin1String(", "))))
                << Qt::endl;
            return ExportCommand::Failure;
        }
        query.connections = QStringList{key};
    }

    const bool transitionsFormat = format == u"transitions";
    std::optional<FilterPredicate> predicate;
    if (!filter.isEmpty()) {
        predicate.emplace(filter, now);
        addHistoryPrefilter(&query, filter); // by index; the filter still decides
    }

    // The tasks: for the task formats, and for a filter on transitions (which keeps the transitions
    // of the tasks it matches, judged on their last state).
    QList<HistoryTask> tasks;
    if (!transitionsFormat || predicate)
        tasks = database.tasks(query);
    if (!database.readError().isEmpty()) {
        err << cli.errorLine(tr("cannot read the history %1: %2").arg(path, database.readError())) << Qt::endl;
        return ExportCommand::Failure;
    }
    const NameTablePtr names = namesOf(tasks);
    if (predicate)
        predicate->setNames(names);

    // One tree per connection, in the order of their labels.
    std::map<std::pair<QString, QString>, ConnectionTasks> groups;
    for (qsizetype i = 0; i < tasks.size(); ++i) {
        const QString &connection = tasks[i].connection;
        ConnectionTasks &group = groups[{labels.value(connection, connection), connection}];
        group.connection = connection;
        group.indexes.append(i);
    }
    const ExportFormat exportFormat = format == u"csv"    ? ExportFormat::Csv
                                      : format == u"tree" ? ExportFormat::Tree
                                                          : ExportFormat::Json;
    QSet<QString> matching; // connection + '\n' + task id, for transitions
    std::vector<ExportScan> scans;
    QList<ExportItem> items;
    for (auto &[order, group] : groups) {
        QList<HistoryTask> stored;
        stored.reserve(group.indexes.size());
        for (const qsizetype i : std::as_const(group.indexes))
            stored.append(std::exchange(tasks[i], HistoryTask())); // held once
        // Parsed as the window reads them, with what the history knows (first seen, gone at).
        TaskListPage page;
        page.tasks = tasksFromHistory(stored, &page.warnings);
        stored.clear();
        const QString connection = group.connection;
        ExportScan scan = scanForExport(std::move(page), [&](const Task &task) {
            const bool matches = !predicate || predicate->matches(task);
            if (transitionsFormat && matches)
                matching.insert(connection + u'\n' + task.id);
            return matches && !transitionsFormat;
        });
        for (const ParseWarning &warning : std::as_const(scan.page.warnings))
            err << cli.errorLine(ExportCommand::tr("warning: %1").arg(warning.toString())) << Qt::endl;
        items += scan.keptItems(); // pointers into the scan's forest, which `scans` keeps
        scans.push_back(std::move(scan));
    }

    QByteArray bytes;
    if (transitionsFormat) {
        const QList<HistoryTransition> transitions = database.transitions(query);
        if (!database.readError().isEmpty()) {
            err << cli.errorLine(tr("cannot read the history %1: %2").arg(path, database.readError())) << Qt::endl;
            return ExportCommand::Failure;
        }
        for (const HistoryTransition &transition : transitions) {
            if (predicate && !matching.contains(transition.connection + u'\n' + transition.taskId))
                continue;
            bytes += HistoryCommandLine::transitionLine(transition, labels.value(transition.connection, transition.connection));
        }
    } else {
        switch (exportFormat) {
        case ExportFormat::Json: bytes = exportJson(items); break;
        case ExportFormat::Tree: bytes = exportTree(items); break;
        case ExportFormat::Csv: bytes = exportMachineCsv(items, now, nameLookup(names)); break;
        }
    }
    if (!ExportCommand::writeOutput(parser.value(outputOption), bytes, out, &error)) {
        err << cli.errorLine(error) << Qt::endl;
        return ExportCommand::Failure;
    }
    return ExportCommand::Success;
}

} // namespace Taskscope
