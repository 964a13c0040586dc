// `taskscope export`: the headless pipeline (read, parse, build the tree, write) behind the command line.
#include "exportcommand.h"

#include "connectionoptions.h"
#include "filterclauses.h"
#include "filterevaluator.h"
#include "namedirectory.h"
#include "taskcsv.h"
#include "taskexport.h"
#include "tasksclient.h"
#include "tasklistparser.h"
#include "taskforest.h"
#include "taskformat.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QSaveFile>
#include <QTextStream>
#include <QThread>

#include <optional>

namespace Taskscope {

namespace {

QString errorLine(const QString &message)
{
    return QStringLiteral("taskscope export: ") + message;
}

// The input: a file mapped when the page it ends in leaves room for the parser's padding (it is
// then parsed in place, never read into memory), else read into a buffer with that room.
struct Input
{
    QFile file;
    QByteArray bytes;
    bool padded = false; // TaskListParser::kPadding readable bytes follow `bytes`
    uchar *mapped = nullptr;

    void release()
    {
        bytes = QByteArray();
        if (mapped)
            file.unmap(mapped); // close() alone would keep the mapping until `file` is destroyed
        mapped = nullptr;
    }
};

bool readAll(const QString &path, Input *input, QString *error)
{
    QFile &file = input->file;
    const bool ok = path == u"-" ? file.open(stdin, QIODevice::ReadOnly) : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!ok) {
        *error = ExportCommand::tr("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    constexpr qint64 kPage = 4096; // the smallest page size: larger ones leave more room
    const qint64 size = file.isSequential() ? 0 : file.size();
    if (size > 0 && kPage - size % kPage >= TaskListParser::kPadding && size % kPage != 0) {
        // The rest of the last page reads as zeros.
        if (uchar *mapped = file.map(0, size)) {
            input->mapped = mapped;
            input->bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(mapped), qsizetype(size));
            input->padded = true;
            return true;
        }
    }
    QByteArray &bytes = input->bytes;
    if (file.isSequential()) {
        bytes = file.readAll(); // the parser pads a copy
    } else {
        bytes.reserve(qsizetype(size) + TaskListParser::kPadding); // the parser reads it in place
        bytes.resize(qsizetype(size));
        qint64 done = 0;
        while (done < size) {
            const qint64 got = file.read(bytes.data() + done, size - done);
            if (got <= 0)
                break;
            done += got;
        }
        bytes.truncate(qsizetype(done)); // a file that shrank while read: what was there
    }
    if (file.error() != QFileDevice::NoError) {
        *error = ExportCommand::tr("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

bool ExportCommand::writeOutput(const QString &path, const QByteArray &bytes, QIODevice *stdoutDevice, QString *error)
{
    if (path.isEmpty() || path == u"-") {
        // Flushed here: a full disk or device shows only then, and must not pass for success.
        auto *file = qobject_cast<QFileDevice *>(stdoutDevice);
        if (stdoutDevice->write(bytes) != bytes.size() || (file && !file->flush())) {
            *error = tr("cannot write to standard output: %1").arg(stdoutDevice->errorString());
            return false;
        }
        return true;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    // flush() first: Qt 6.4's commit() overlooks a failure of its own final flush (a full disk,
    // a file size limit) and renames the truncated file over the old one.
    if (file.write(bytes) != bytes.size() || !file.flush() || !file.commit()) {
        *error = tr("cannot write %1: %2").arg(path, file.errorString());
        file.cancelWriting();
        return false;
    }
    return true;
}

bool ExportCommand::parseFilterOption(const QString &text, const QString &prefix, FilterExpr *expr, QTextStream &err)
{
    const FilterParseResult parsed = parseFilter(text);
    if (!parsed.ok()) {
        err << prefix << tr("--filter: %1").arg(parsed.error->toString()) << Qt::endl;
        err << QStringLiteral("  ") << text << Qt::endl
            << QStringLiteral("  ") << QString(qMin(parsed.error->column, int(text.size())), u' ') << u'^' << Qt::endl;
        return false;
    }
    *expr = parsed.expr;
    return true;
}

int ExportCommand::fetch(const ConnectionConfig &config, const QString &token, TaskListPage *page, QTextStream &err,
                         NameTablePtr *names)
{
    TasksClient client;
    client.setConfig(config);
    client.setToken(token);
    QEventLoop loop;
    int status = Success;
    bool tasksDone = false;
    bool namesDone = !names; // the names are read beside the tasks, in one round
    const auto quitWhenDone = [&] {
        if (tasksDone && namesDone)
            loop.quit();
    };
    QObject::connect(&client, &TasksClient::snapshotReady, &loop, [&](const Snapshot &snapshot) {
        page->tasks = snapshot.tasks;
        page->digests = snapshot.digests;
        page->warnings = snapshot.warnings;
        page->metadataJson = snapshot.metadataJson;
        tasksDone = true;
        quitWhenDone();
    });
    QObject::connect(&client, &TasksClient::pollFailed, &loop, [&](const ApiError &error) {
        err << errorLine(error.message()) << Qt::endl;
        status = EndpointError;
        loop.quit();
    });
    QObject::connect(client.names(), &NameDirectory::roundFinished, &loop, [&] {
        client.names()->stop();
        namesDone = true;
        quitWhenDone();
    });
    if (names)
        client.names()->start();
    client.fetchOnce();
    if (client.state() == TasksClient::State::Fetching || !namesDone)
        loop.exec();
    if (names && status == Success) {
        *names = client.names()->table();
        // Names are a convenience: the export goes on without them, and says why.
        for (const QString &line : client.names()->problem().split(u'\n', Qt::SkipEmptyParts))
            err << errorLine(tr("warning: names not resolved: %1").arg(line)) << Qt::endl;
    }
    return status;
}

int ExportCommand::run(const QStringList &arguments, QIODevice *out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Export Astra Control tasks without a display."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    const QCommandLineOption inputOption(QStringLiteral("input"),
                                         tr("Read the task list from <file> (a response to GET .../tasks; - is standard input)."),
                                         tr("file"));
    const QCommandLineOption formatOption(QStringLiteral("format"), tr("Output format: json (default), tree or csv."),
                                          tr("format"), QStringLiteral("json"));
    const QCommandLineOption outputOption(QStringLiteral("output"),
                                          tr("Write to <file> (atomically) instead of standard output."), tr("file"));
    const QCommandLineOption includeOption(
        QStringLiteral("include"),
        tr("For items that are arrays of values (a response to include=...): their field names, comma-separated."),
        tr("fields"));
    const QCommandLineOption filterOption(
        QStringLiteral("filter"),
        tr("Export only the tasks that match <expression> (the filter language of the GUI), in tree order."),
        tr("expression"));
    const QCommandLineOption noPushDownOption(
        QStringLiteral("no-push-down"),
        tr("Do not send the clauses the server understands as filter= parameters (the whole expression is "
           "always applied here too)."));
    parser.addOptions({helpOption, inputOption, formatOption, outputOption, includeOption, filterOption,
                       noPushDownOption});
    ConnectionOptions connection;
    connection.addTo(parser);
    parser.addPositionalArgument(QStringLiteral("export"), tr("The export command."));

    if (!parser.parse(arguments)) {
        err << errorLine(parser.errorText()) << Qt::endl;
        return UsageError;
    }
    if (parser.isSet(helpOption)) {
        QTextStream(out) << parser.helpText().replace(QLatin1String("[options] export"), QLatin1String("export [options]"));
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || positional.first() != u"export") {
        err << errorLine(tr("unexpected argument: %1").arg(positional.mid(1).join(u' '))) << Qt::endl;
        return UsageError;
    }
    const bool fromEndpoint = connection.demoRequested(parser) || connection.urlRequested(parser);
    if (parser.isSet(inputOption) == fromEndpoint) {
        err << errorLine(parser.isSet(inputOption)
                             ? tr("--input excludes --url and --demo: say where the tasks come from once")
                             : tr("say where the tasks come from: --input FILE, --url URL --account ID, or --demo"))
            << Qt::endl;
        return UsageError;
    }
    const QString format = parser.value(formatOption).toLower();
    if (format != u"json" && format != u"tree" && format != u"csv") {
        err << errorLine(tr("unknown format \"%1\": use json, tree or csv").arg(parser.value(formatOption))) << Qt::endl;
        return UsageError;
    }
    QStringList includeOrder;
    if (parser.isSet(includeOption)) {
        for (const QString &name : parser.value(includeOption).split(u',', Qt::SkipEmptyParts))
            includeOrder << name.trimmed();
    }

    // A bad expression is a usage error, found before anything is fetched.
    FilterExpr filter;
    if (parser.isSet(filterOption) && !parseFilterOption(parser.value(filterOption), errorLine({}), &filter, err))
        return UsageError;
    const QDateTime now = QDateTime::currentDateTimeUtc();

    const ExportFormat exportFormat = format == u"tree"  ? ExportFormat::Tree
                                      : format == u"csv" ? ExportFormat::Csv
                                                         : ExportFormat::Json;
    NameTablePtr names; // from an endpoint only: a file has no account to ask
    std::optional<FilterPredicate> predicate;
    if (!filter.isEmpty())
        predicate.emplace(filter, now);
    const auto keep = [&predicate](const Task &task) { return !predicate || predicate->matches(task); };

    ExportScan scan;
    QString error;
    if (fromEndpoint) {
        ConnectionConfig config;
        QString token;
        if (!connection.resolve(parser, &config, &token, &error)) {
            err << errorLine(error) << Qt::endl;
            return UsageError;
        }
        if (token.isEmpty()) {
            err << errorLine(tr("no API token: use --token-file FILE or set ASTRA_TOKEN")) << Qt::endl;
            return UsageError;
        }
        config.include = includeOrder;
        if (!parser.isSet(noPushDownOption))
            config.serverFilters = splitForServer(filter, now).serverClauses;
        TaskListPage page;
        const int status = fetch(config, token, &page, err, &names);
        if (status != Success)
            return status;
        if (predicate)
            predicate->setNames(names); // appName and the like read them
        scan = scanForExport(std::move(page), keep);
    } else {
        const QString inputPath = parser.value(inputOption);
        Input input;
        if (!readAll(inputPath, &input, &error)) {
            err << errorLine(error) << Qt::endl;
            return Failure;
        }
        TaskListParser listParser(includeOrder);
        listParser.setBodyPadded(input.padded);
        listParser.setThreads(QThread::idealThreadCount());
        ParseError parseError;
        // Unmapped as soon as it is parsed: nothing points into it then.
        const quint32 keepReads = predicate ? predicate->fieldsRead() : 0;
        if (!scanForExport(std::move(input.bytes), listParser, exportFormat, keep, keepReads, &scan, &parseError,
                           [&input] { input.release(); })) {
            err << errorLine(tr("%1: %2").arg(inputPath, parseError.toString())) << Qt::endl;
            return Failure;
        }
    }

    const TaskForest &forest = *scan.forest;
    QList<ParseWarning> &warnings = scan.page.warnings;
    // Parent links that make no tree (a task its own parent, a loop) are cut: say where.
    const int cut = SelfParentTaskMark | CycleTaskMark;
    for (int slot = 0; slot < forest.size(); ++slot) {
        const int marks = forest.marks(slot) & cut;
        if (!marks)
            continue;
        const Task &task = forest.task(slot);
        warnings.append(ParseWarning{forest.sourceIndex(slot), task.id, QStringLiteral("parentTaskID"),
                                     TaskFormat::markDescriptions(marks, task.parentTaskID).join(u' '), false});
    }
    for (const ParseWarning &warning : std::as_const(warnings))
        err << errorLine(tr("warning: %1").arg(warning.toString())) << Qt::endl;

    const QList<ExportItem> items = scan.keptItems();
    QByteArray bytes;
    switch (exportFormat) {
    case ExportFormat::Json: bytes = exportJson(items, scan.page.metadataJson); break;
    case ExportFormat::Tree: bytes = exportTree(items); break;
    case ExportFormat::Csv: bytes = exportMachineCsv(items, now, nameLookup(names)); break;
    }
    if (!writeOutput(parser.value(outputOption), bytes, out, &error)) {
        err << errorLine(error) << Qt::endl;
        return Failure;
    }
    return Success;
}

} // namespace Taskscope
