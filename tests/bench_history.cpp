// Benchmark: the history's costs (models/historystore.h) on real SQLite files.
//
// Prints one `key: value` line per figure (see README): the worker's time to record a
// 10,000-task poll with about 1% changed (the demo scenario, polled every 10 s), the file's growth
// per recorded transition or sample, and a `taskscope history --filter "state eq 'failed' and app
// eq '<id>'"` over a history of 1,000,000 transitions; then `targets_met: yes|no`.
#include "filterevaluator.h"
#include "filterlanguage.h"
#include "historystore.h"
#include "scenario.h"
#include "snapshotdiff.h"
#include "tasklistparser.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Taskscope;
using namespace Qt::StringLiterals;

namespace {

void print(const char *key, double value, int decimals = 1)
{
    std::printf("%s: %.*f\n", key, decimals, value);
    std::fflush(stdout);
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// SQL on the file through a connection of its own (counting rows, building the large history).
class Sql
{
public:
    explicit Sql(const QString &path)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"bench"_s);
        db.setDatabaseName(path);
        if (!db.open())
            qFatal("cannot open %s", qPrintable(path));
    }
    ~Sql()
    {
        QSqlDatabase::database(u"bench"_s, false).close();
        QSqlDatabase::removeDatabase(u"bench"_s);
    }
    static QSqlDatabase db() { return QSqlDatabase::database(u"bench"_s, false); }
    static qint64 value(const QString &sql)
    {
        QSqlQuery query(db());
        if (!query.exec(sql) || !query.next())
            qFatal("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return query.value(0).toLongLong();
    }
    static void exec(const QString &sql)
    {
        QSqlQuery query(db());
        if (!query.exec(sql))
            qFatal("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
    }
};

struct ScenarioPoller
{
    Demo::Scenario scenario;
    TaskForestPtr forest;
    qint64 now;

    ScenarioPoller(const Demo::ScenarioConfig &config)
        : scenario(config)
        , now(config.epochMsecs)
    {
    }

    ChangePlan poll(qint64 stepMs)
    {
        now += stepMs;
        scenario.advanceTo(now);
        TaskListPage page;
        ParseError error;
        if (!TaskListParser().parse(scenario.listJson(), &page, &error))
            qFatal("scenario list: %s", qPrintable(error.toString()));
        ChangePlan plan = SnapshotDiff::compute(forest, page.tasks, page.digests, QDateTime::fromMSecsSinceEpoch(now, Qt::UTC));
        forest = plan.forest;
        return plan;
    }
};

const QString kKey = historyConnectionKey(QUrl(u"https://astra.example.com"_s), u"bench"_s);
const QString kLabel = historyConnectionLabel(QUrl(u"https://astra.example.com"_s), u"bench"_s);

// One scenario polled every 10 s into a new file: the worker's time per poll, and the file's
// growth per transition or sample recorded (everything included: new tasks' rows and JSON,
// rewritten rows, indexes).
struct ScenarioRun
{
    int tasks = 0;
    double firstPollMs = 0;
    std::vector<double> times;
    qint64 changes = 0; // written and gone tasks
    qint64 written = 0;
    qint64 rows = 0;    // transitions and samples recorded after the first poll
    qint64 growth = 0;  // bytes
    qint64 newTasks = 0;
    double storedJsonBytes = 0;
    double firstPollFileBytes = 0;
};

ScenarioRun runScenario(const QString &path, int taskCount, double speed, int polls, ScenarioPoller **keep = nullptr)
{
    QFile::remove(path);
    HistoryDatabase db;
    if (db.open(path) != HistoryDatabase::OpenResult::Opened)
        qFatal("%s", qPrintable(db.message()));
    Demo::ScenarioConfig config;
    config.seed = 5;
    config.targetTasks = taskCount;
    config.speed = speed;
    config.epochMsecs = QDateTime(QDate(2024, 5, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    auto *poller = new ScenarioPoller(config);
    constexpr qint64 kPollMs = 10'000;

    ScenarioRun run;
    const ChangePlan first = poller->poll(0);
    run.tasks = first.forest->size();
    QElapsedTimer timer;
    timer.start();
    if (!db.record(HistoryBatch::fromPlan(first, kKey, kLabel, nullptr, true, true)))
        qFatal("%s", qPrintable(db.message()));
    run.firstPollMs = msSince(timer);
    run.firstPollFileBytes = double(db.fileSize());
    const qint64 sizeBefore = db.fileSize();
    qint64 rowsBefore = 0;
    {
        Sql sql(path);
        run.storedJsonBytes = double(Sql::value(u"SELECT avg(length(json)) FROM tasks"_s));
        rowsBefore = Sql::value(u"SELECT (SELECT count(*) FROM transitions) + (SELECT count(*) FROM samples)"_s);
    }
    for (int i = 0; i < polls; ++i) {
        const ChangePlan plan = poller->poll(kPollMs);
        const HistoryBatch batch = HistoryBatch::fromPlan(plan, kKey, kLabel, nullptr, true, false);
        run.written += qint64(batch.written.size());
        run.changes += qint64(batch.written.size() + batch.gone.size());
        timer.restart();
        if (!db.record(batch))
            qFatal("%s", qPrintable(db.message()));
        run.times.push_back(msSince(timer));
    }
    run.growth = db.fileSize() - sizeBefore;
    db.close();
    Sql sql(path);
    run.rows = Sql::value(u"SELECT (SELECT count(*) FROM transitions) + (SELECT count(*) FROM samples)"_s) - rowsBefore;
    run.newTasks = Sql::value(u"SELECT count(*) FROM tasks"_s) - run.tasks;
    if (keep)
        *keep = poller;
    else
        delete poller;
    return run;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"The history's write and read costs"_s);
    parser.addHelpOption();
    QCommandLineOption tasksOption(u"tasks"_s, u"Tasks in the scenario (default 10000)."_s, u"n"_s, u"10000"_s);
    QCommandLineOption pollsOption(u"polls"_s, u"Polls timed (default 60)."_s, u"n"_s, u"60"_s);
    QCommandLineOption speedOption(u"speed"_s, u"Scenario speed of the timed polls (default 10: about 1% of the tasks "
                                               "change a poll)."_s, u"x"_s, u"10"_s);
    QCommandLineOption growthOption(u"growth-polls"_s, u"Polls of the growth run, at the scenario's own speed "
                                                       "(default 360: an hour)."_s, u"n"_s, u"360"_s);
    QCommandLineOption historyOption(u"history-tasks"_s, u"Tasks of the large history, 10 transitions each (default 100000)."_s,
                                     u"n"_s, u"100000"_s);
    QCommandLineOption dirOption(u"dir"_s, u"Where the files go (default: a temporary folder)."_s, u"path"_s);
    parser.addOptions({tasksOption, pollsOption, speedOption, growthOption, historyOption, dirOption});
    parser.process(app);
    const int taskCount = parser.value(tasksOption).toInt();
    const int polls = parser.value(pollsOption).toInt();
    const int historyTasks = parser.value(historyOption).toInt();

    QTemporaryDir temporary;
    const QString dir = parser.isSet(dirOption) ? parser.value(dirOption) : temporary.path();
    bool met = true;

    // --- recording a poll ---------------------------------------------------------------------
    ScenarioPoller *poller = nullptr;
    const ScenarioRun timed = runScenario(dir + u"/record.sqlite"_s, taskCount, parser.value(speedOption).toDouble(),
                                          polls, &poller);
    const std::unique_ptr<ScenarioPoller> ownedPoller(poller);
    print("tasks", timed.tasks, 0);
    print("record_first_poll_ms", timed.firstPollMs);
    qint64 jsonBytes = 0, zlibBytes = 0;
    for (int slot = 0; slot < poller->forest->size(); ++slot) {
        jsonBytes += poller->forest->task(slot).rawJson.size();
        zlibBytes += qCompress(poller->forest->task(slot).rawJson).size();
    }
    print("json_bytes_per_task", double(jsonBytes) / poller->forest->size(), 0);
    print("json_zlib_bytes_per_task", double(zlibBytes) / poller->forest->size(), 0); // qCompress, for comparison
    print("json_stored_bytes_per_task", timed.storedJsonBytes, 0);
    print("file_bytes_per_task", timed.firstPollFileBytes / timed.tasks, 0);
    print("changed_per_poll", double(timed.changes) / polls);
    print("changed_per_poll_pct", 100.0 * double(timed.changes) / polls / timed.tasks, 2);
    print("written_per_poll", double(timed.written) / polls);
    print("new_tasks_per_poll", double(timed.newTasks) / polls);
    const double recordMedian = median(timed.times);
    print("record_1pct_10k_ms", recordMedian, 2);
    print("record_1pct_10k_max_ms", *std::max_element(timed.times.begin(), timed.times.end()), 2);
    met = met && recordMedian <= 20;

    // --- growth at the scenario's own pace --------------------------------------------------------
    const int growthPolls = parser.value(growthOption).toInt();
    const ScenarioRun paced = runScenario(dir + u"/growth.sqlite"_s, taskCount, 1, growthPolls);
    print("growth_polls", growthPolls, 0);
    print("growth_rows_per_poll", double(paced.rows) / growthPolls);
    print("growth_new_tasks_per_poll", double(paced.newTasks) / growthPolls);
    print("growth_record_ms", median(paced.times), 2);
    const double perChange = paced.rows > 0 ? double(paced.growth) / double(paced.rows) : 0;
    print("bytes_per_change", perChange, 0);
    met = met && perChange <= 200;
    // The busy run's figure: most of its changes are tasks that come and go within a few polls.
    print("bytes_per_change_busy", timed.rows > 0 ? double(timed.growth) / double(timed.rows) : 0, 0);


    // --- a query over 1,000,000 transitions ------------------------------------------------------
    const QString largePath = dir + u"/large.sqlite"_s;
    QFile::remove(largePath);
    QElapsedTimer timer;
    timer.start();
    QString queriedApp;
    {
        // The scenario's tasks as templates (their JSON with new ids), recorded by the store in
        // one poll (their rows, JSON and first transitions as the store writes them); then nine
        // more transitions each, inserted in SQL.
        QList<Task> templates;
        poller->forest->forEachTask([&templates](const Task &task) { templates.append(task); });
        QList<Task> tasks;
        tasks.reserve(historyTasks);
        QHash<QString, int> failedPerApp;
        for (int i = 0; i < historyTasks; ++i) {
            Task task = templates.at(i % templates.size());
            const QString id = task.id.left(24) + QString::number(i).rightJustified(12, u'0');
            task.rawJson.replace(task.id.toUtf8(), id.toUtf8());
            task.id = id;
            if (task.state == TaskState::Failed)
                ++failedPerApp[TaskPlace::idOf(task, NameKind::App)];
            tasks.append(task);
        }
        // The app with the most failures (the question one asks).
        int most = -1;
        for (auto it = failedPerApp.cbegin(); it != failedPerApp.cend(); ++it) {
            if (it.value() > most) {
                most = it.value();
                queriedApp = it.key();
            }
        }
        {
            HistoryDatabase store;
            if (store.open(largePath) != HistoryDatabase::OpenResult::Opened)
                qFatal("%s", qPrintable(store.message()));
            const QDateTime at = QDateTime(QDate(2024, 5, 1), QTime(0, 0), Qt::UTC);
            const ChangePlan plan = SnapshotDiff::compute(nullptr, tasks, {}, at);
            if (!store.record(HistoryBatch::fromPlan(plan, kKey, kLabel, nullptr, true, true, at)))
                qFatal("%s", qPrintable(store.message()));
        }
        Sql sql(largePath);
        Sql::exec(u"BEGIN"_s);
        Sql::exec(u"INSERT INTO transitions (task, at, from_state, to_state, reason)"
                  " SELECT t.id, t.first_seen + k.n * 60000,"
                  "  CASE k.n WHEN 1 THEN 'notStarted' ELSE 'running' END,"
                  "  CASE k.n WHEN 9 THEN t.state ELSE 'running' END,"
                  "  NULL"
                  " FROM tasks t, (WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 9) SELECT n FROM k) k"_s);
        Sql::exec(u"COMMIT"_s);
        print("history_tasks", double(Sql::value(u"SELECT count(*) FROM tasks"_s)), 0);
        print("history_transitions", double(Sql::value(u"SELECT count(*) FROM transitions"_s)), 0);
        Sql::exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    }
    print("history_build_s", msSince(timer) / 1000, 1);
    print("history_file_mb", double(QFileInfo(largePath).size()) / 1e6, 1);

    const QString filterText = u"state eq 'failed' and app eq '"_s + queriedApp + u"'"_s;
    const FilterParseResult parsed = parseFilter(filterText);
    if (!parsed.ok())
        qFatal("filter: %s", qPrintable(parsed.error->toString()));
    // As `taskscope history --filter` does it: open read-only, the SQL prefilter the filter allows
    // (its state and app comparisons), the tasks parsed from their JSON, the filter itself.
    double readMs = 0, parseMs = 0;
    const auto query = [&](bool prefilter, qint64 *matched, qint64 *transitions) {
        QElapsedTimer t;
        t.start();
        HistoryDatabase reader;
        if (reader.open(largePath, HistoryDatabase::Mode::ReadOnly) != HistoryDatabase::OpenResult::Opened)
            qFatal("%s", qPrintable(reader.message()));
        HistoryQuery q;
        if (prefilter)
            addHistoryPrefilter(&q, parsed.expr);
        const QList<HistoryTask> rows = reader.tasks(q);
        readMs = msSince(t);
        const QList<Task> list = tasksFromHistory(rows);
        parseMs = msSince(t) - readMs;
        const FilterPredicate predicate(parsed.expr);
        *matched = 0;
        for (const Task &task : list)
            *matched += predicate.matches(task) ? 1 : 0;
        if (transitions)
            *transitions = reader.transitions(q).size();
        return msSince(t);
    };
    std::vector<double> queryTimes, transitionTimes;
    qint64 matched = 0, transitions = 0;
    for (int i = 0; i < 5; ++i) {
        queryTimes.push_back(query(true, &matched, nullptr));
        transitionTimes.push_back(query(true, &matched, &transitions) - queryTimes.back());
    }
    print("query_1m_matched", double(matched), 0);
    const double queryMedian = median(queryTimes);
    print("query_1m_ms", queryMedian, 1);
    print("query_1m_max_ms", *std::max_element(queryTimes.begin(), queryTimes.end()), 1);
    met = met && queryMedian <= 1000;
    print("query_1m_transitions", double(transitions), 0);
    print("query_1m_transitions_ms", median(transitionTimes), 1);
    qint64 unfiltered = 0;
    print("query_1m_no_prefilter_ms", query(false, &unfiltered, nullptr), 1);
    print("query_1m_no_prefilter_read_ms", readMs, 1);
    print("query_1m_no_prefilter_parse_ms", parseMs, 1);
    if (unfiltered != matched)
        qFatal("the prefilter changed the result: %lld without, %lld with", unfiltered, matched);

    std::printf("targets_met: %s\n", met ? "yes" : "no");
    return 0;
}
