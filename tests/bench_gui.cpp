// GUI benchmark: the first frame of 100,000 expanded tasks, one poll's apply + repaint with 1%
// changed, and the longest stall of the UI thread while polling live: 10,000 tasks at the demo's
// normal pace in several consecutive runs (the target is on the worst of them), 100,000 tasks at
// the normal pace, and 10,000 at 20 times it (a stress figure).
// Prints one `key: value` line per figure (run with QT_QPA_PLATFORM=offscreen).
#include "demoserverthread.h"

#include <time.h>
#include "historycontroller.h"
#include "mainwindow.h"
#include "nametable.h"
#include "newestfirstproxymodel.h"
#include "scenario.h"
#include "tasklistparser.h"
#include "tasksclient.h"
#include "tasktreemodel.h"
#include "tasktreeview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Taskscope;

namespace {

void print(const char *key, double value, int decimals = 1)
{
    std::printf("%s: %.*f\n", key, decimals, value);
    std::fflush(stdout);
}

QList<Task> scenarioTasks(int count, qint64 atMsecs)
{
    Demo::ScenarioConfig config;
    config.seed = 11;
    config.targetTasks = count;
    config.epochMsecs = atMsecs - 3600 * 1000;
    Demo::Scenario scenario(config);
    scenario.advanceTo(atMsecs);
    TaskListPage page;
    ParseError error;
    if (!TaskListParser().parse(scenario.listJson(), &page, &error))
        qFatal("scenario list: %s", qPrintable(error.toString()));
    return page.tasks;
}

// The rows the view shows: every row below an expanded one. With `requireAll`, fails when a row
// with subtasks is not expanded, so that the figures are those of a fully expanded tree.
int shownRows(const QTreeView &view, bool requireAll, int *expanded = nullptr)
{
    const QAbstractItemModel *model = view.model();
    int shown = 0;
    std::vector<QModelIndex> pending{QModelIndex()};
    while (!pending.empty()) {
        const QModelIndex parent = pending.back();
        pending.pop_back();
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex child = model->index(row, 0, parent);
            ++shown;
            if (model->rowCount(child) > 0) {
                if (view.isExpanded(child)) {
                    pending.push_back(child);
                    if (expanded)
                        ++*expanded;
                } else if (requireAll) {
                    qFatal("a row with subtasks is not expanded");
                }
            }
        }
    }
    return shown;
}

// The CPU time the calling thread has used, in ms: a stall longer than it waited for a core.
double threadCpuMs()
{
    timespec spec{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec);
    return double(spec.tv_sec) * 1e3 + double(spec.tv_nsec) / 1e6;
}

// With BENCH_GUI_TRACE set: every event the UI thread takes longer than 8 ms to deliver is named
// on stderr (receiver class, event type), to see which part of a poll a stall belongs to.
class TracingApplication final : public QApplication
{
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!m_trace || m_depth > 0)
            return QApplication::notify(receiver, event);
        ++m_depth;
        QElapsedTimer timer;
        timer.start();
        const double cpuBefore = threadCpuMs();
        const QEvent::Type type = event->type();
        const char *className = receiver->metaObject()->className();
        const bool result = QApplication::notify(receiver, event);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (ms > 8)
            std::fprintf(stderr, "  event %d to %s: %.1f ms (%.1f ms of this thread's CPU)\n", int(type), className, ms,
                         threadCpuMs() - cpuBefore);
        --m_depth;
        return result;
    }

private:
    const bool m_trace = qEnvironmentVariableIsSet("BENCH_GUI_TRACE");
    int m_depth = 0;
};

} // namespace

// The model behind the sorting proxy, in a shown view: the first frame is apply, View › Expand All
// and one paint.
struct FirstFrameRig
{
    TaskTreeModel model;
    NewestFirstProxyModel order;
    TaskTreeView view;

    FirstFrameRig()
    {
        order.setSourceModel(&model);
        order.sortNewestFirst();
        view.setModel(&order);
        view.resize(1200, 800);
        view.show();
        QCoreApplication::processEvents();
    }
    double firstFrame(const QList<Task> &tasks)
    {
        QElapsedTimer timer;
        timer.start();
        model.apply(tasks);
        view.expandSubtasks();
        view.viewport()->repaint();
        return double(timer.nsecsElapsed()) / 1e6;
    }
};

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TracingApplication app(argc, argv);
    QCommandLineParser cli;
    cli.addHelpOption();
    const QCommandLineOption tasksOption(QStringLiteral("tasks"), QStringLiteral("Tasks for the first frame (default 100000)."),
                                         QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption pollOption(QStringLiteral("poll-tasks"),
                                        QStringLiteral("Tasks of the live polls (default 10000)."), QStringLiteral("N"),
                                        QStringLiteral("10000"));
    const QCommandLineOption pollsOption(QStringLiteral("polls"),
                                         QStringLiteral("Polls measured at each pace (default 30)."), QStringLiteral("N"),
                                         QStringLiteral("30"));
    const QCommandLineOption filterOption(QStringLiteral("filter"),
                                          QStringLiteral("A filter in force during the live polls (default none)."),
                                          QStringLiteral("EXPR"));
    const QCommandLineOption runsOption(QStringLiteral("runs"),
                                        QStringLiteral("Consecutive runs of the 10,000-task live polls (default 3)."),
                                        QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption bigOption(QStringLiteral("big-poll-tasks"),
                                       QStringLiteral("Tasks of the large live polls (default 100000; 0: skip)."),
                                       QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption retentionOption(
        QStringLiteral("retention"),
        QStringLiteral("Retention of the live polls' demo servers, in seconds (default: the demo's own, by size; 900: "
                       "the busy lists of earlier sessions, a seventh of the tasks running)."),
        QStringLiteral("SECONDS"), QStringLiteral("-1"));
    const QCommandLineOption compareNamesOption(
        QStringLiteral("compare-names"),
        QStringLiteral("Each normal run twice, with the names directory and without it, interleaved; prints both worst "
                       "stalls and their ratio."));
    const QCommandLineOption compareHistoryOption(
        QStringLiteral("compare-history"),
        QStringLiteral("Each normal run twice, recording a history file (as the window does by default) and without "
                       "one, interleaved; prints both worst stalls and their ratio."));
    const QCommandLineOption noHistoryOption(QStringLiteral("no-history"),
                                             QStringLiteral("Record no history file in the live runs."));
    cli.addOptions({tasksOption, pollOption, pollsOption, filterOption, runsOption, bigOption, retentionOption,
                    compareNamesOption, compareHistoryOption, noHistoryOption});
    cli.process(app);
    const int taskCount = cli.value(tasksOption).toInt();
    const int pollTasks = cli.value(pollOption).toInt();
    const int measuredPolls = qMax(1, cli.value(pollsOption).toInt());
    const QString filter = cli.value(filterOption);
    const int runs = qMax(1, cli.value(runsOption).toInt());
    const int bigPollTasks = cli.value(bigOption).toInt();
    const qint64 retention = cli.value(retentionOption).toLongLong();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();

    // 1. First frame: apply into the model behind the sorting proxy, expand all, paint once; then
    //    the same with every id named (names resolved in every cell painted), to see their cost.
    // A name for every id the tasks name.
    const auto namesOf = [](const QList<Task> &tasks) {
        auto names = std::make_shared<NameTable>();
        for (const Task &task : tasks) {
            for (const NameKind kind : kNameKinds) {
                if (const QString id = TaskPlace::idOf(task, kind); !id.isEmpty())
                    names->insert(kind, id, QStringLiteral("name-") + id.left(12));
            }
        }
        return names;
    };
    const auto firstFrame = [taskCount, now, namesOf](bool named) {
        const QList<Task> tasks = scenarioTasks(taskCount, now);
        FirstFrameRig rig;
        if (named)
            rig.model.setNames(namesOf(tasks));
        return rig.firstFrame(tasks);
    };
    {
        double plain = 0, named = 0;
        for (int i = 0; i < 3; ++i) { // interleaved, the best of three each: the machine is shared
            plain = i ? qMin(plain, firstFrame(false)) : firstFrame(false);
            named = i ? qMin(named, firstFrame(true)) : firstFrame(true);
        }
        print("first_frame_best3_ms", plain);
        print("first_frame_names_best3_ms", named);
        print("first_frame_names_ratio", named / plain, 3);
    }
    {
        const QList<Task> tasks = scenarioTasks(taskCount, now);
        FirstFrameRig rig;
        TaskTreeModel &model = rig.model;
        TaskTreeView &view = rig.view;
        const double firstFrameMs = rig.firstFrame(tasks);
        print("tasks", model.taskCount(), 0);
        int expanded = 0;
        print("rows_shown", shownRows(view, true, &expanded), 0);
        print("rows_expanded", expanded, 0); // the rows with subtasks: the view's persistent indexes
        print("first_frame_ms", firstFrameMs);
        // The names arrive after the tasks (the directory answers after the first list): every
        // row's name cells change at once.
        const NameTablePtr names = namesOf(tasks);
        QElapsedTimer namesTimer;
        namesTimer.start();
        model.setNames(names);
        view.viewport()->repaint();
        print("names_arrive_ms", double(namesTimer.nsecsElapsed()) / 1e6);

        // 2. One poll with 1% of the tasks changed: apply, then the repaint it causes.
        QList<Task> changed = tasks;
        const int changes = int(changed.size() / 100);
        for (int i = 0; i < changes; ++i) {
            Task &task = changed[qsizetype(i) * 100];
            task.percentDone = task.percentDone.value_or(0) > 50 ? 10.0 : 90.0;
            task.rawJson += ' '; // a different version of the task
        }
        QElapsedTimer timer;
        timer.start();
        model.apply(changed);
        view.viewport()->repaint();
        print("apply_repaint_1pct_ms", double(timer.nsecsElapsed()) / 1e6);
        print("apply_repaint_1pct_changed", changes, 0);
    }

    // 3. Live: the window polls a demo server of `pollTasks` tasks every 200 ms, all expanded, while
    //    a 5 ms timer measures how late the UI thread answers; the longest gap is the worst stall.
    //    Twice: the scenario at its normal pace (a backup every few seconds: what a poll of an
    //    account brings), and at 20 times that (every poll inserts, removes and moves many tasks).
    // The window records a history file by default: so do the live runs (a new file each).
    const bool historyByDefault = !cli.isSet(noHistoryOption);
    QTemporaryDir historyDir;
    int historyFiles = 0;
    const auto longestStall = [&, measuredPolls, filter, retention](int pollTasks, double speed, int *pollsMeasured,
                                                                    bool names = true, bool history = true) {
        double longestStallMs = 0;
        int polls = 0;
        Demo::DemoServerOptions options;
        options.tasks = pollTasks;
        options.seed = 5;
        options.speed = speed;
        options.retentionSeconds = retention;
        const Demo::DemoServerThread serverThread(options); // as a remote server: not on the UI thread
        if (!serverThread.isListening())
            qFatal("demo server: %s", qPrintable(serverThread.errorString()));
        const Demo::DemoServer &server = serverThread.server();
        MainWindow window;
        window.client()->setNamesEnabled(names);
        if (history && historyByDefault)
            window.history()->open(historyDir.filePath(QStringLiteral("history-%1.sqlite").arg(++historyFiles)));
        if (!filter.isEmpty())
            window.applyFilter(filter, MainWindow::FilterPersistence::ThisSessionOnly);
        ConnectionConfig config;
        config.baseUrl = server.url();
        config.accountId = server.account();
        config.pollIntervalMs = 200;
        window.connectTo(config, server.token(), QStringLiteral("bench"));
        window.show();
        // With BENCH_GUI_TRACE: the signals the view got from its model at each poll.
        int inserts = 0, removals = 0, layouts = 0, changes = 0;
        if (qEnvironmentVariableIsSet("BENCH_GUI_TRACE")) {
            const QAbstractItemModel *shown = window.view()->model();
            QObject::connect(shown, &QAbstractItemModel::rowsInserted, &window, [&] { ++inserts; });
            QObject::connect(shown, &QAbstractItemModel::rowsRemoved, &window, [&] { ++removals; });
            QObject::connect(shown, &QAbstractItemModel::layoutChanged, &window, [&] { ++layouts; });
            QObject::connect(shown, &QAbstractItemModel::dataChanged, &window, [&] { ++changes; });
        }
        QObject::connect(&window, &MainWindow::snapshotApplied, &window, [&] {
            ++polls;
            if (polls == 1)
                window.view()->expandSubtasks();
            if (qEnvironmentVariableIsSet("BENCH_GUI_TRACE"))
                std::fprintf(stderr, "poll %d: %d inserts, %d removals, %d layout changes, %d dataChanged\n", polls,
                             std::exchange(inserts, 0), std::exchange(removals, 0), std::exchange(layouts, 0),
                             std::exchange(changes, 0));
        });
        QElapsedTimer gap;
        QTimer probe;
        probe.setInterval(5);
        probe.setTimerType(Qt::PreciseTimer);
        bool measuring = false;
        QObject::connect(&probe, &QTimer::timeout, &probe, [&] {
            if (measuring && polls >= 2) { // the first poll builds the tree: not a steady-state poll
                const double stall = double(gap.nsecsElapsed()) / 1e6 - 5.0;
                if (qEnvironmentVariableIsSet("BENCH_GUI_TRACE") && stall > 10)
                    std::fprintf(stderr, "%d tasks, speed %.0f: stall %.1f ms after poll %d\n", pollTasks, speed, stall, polls);
                longestStallMs = qMax(longestStallMs, stall);
            }
            measuring = true;
            gap.restart();
        });
        probe.start();
        QEventLoop loop;
        QObject::connect(&window, &MainWindow::snapshotApplied, &loop, [&] {
            if (polls > measuredPolls)
                loop.quit();
        });
        QTimer::singleShot(30000 + measuredPolls * qMax(1000, pollTasks / 20), &loop, &QEventLoop::quit);
        loop.exec();
        *pollsMeasured = qMax(0, polls - 1);
        // Expanded at the first poll; parents that arrived later are collapsed, as they would be.
        std::printf("live_rows_shown_%d_%.0fx: %d of %d\n", pollTasks, speed, shownRows(*window.view(), false),
                    window.model()->taskCount());
        return longestStallMs;
    };
    int polls = 0, stressPolls = 0, bigPolls = 0;
    std::vector<double> normal, withoutNames, withoutHistory;
    for (int run = 0; run < runs; ++run) {
        normal.push_back(longestStall(pollTasks, 1.0, &polls));
        if (cli.isSet(compareNamesOption))
            withoutNames.push_back(longestStall(pollTasks, 1.0, &polls, false));
        if (cli.isSet(compareHistoryOption))
            withoutHistory.push_back(longestStall(pollTasks, 1.0, &polls, true, false));
    }
    const double worstNormal = *std::max_element(normal.cbegin(), normal.cend());
    const double stress = longestStall(pollTasks, 20.0, &stressPolls);
    const double big = bigPollTasks > 0 ? longestStall(bigPollTasks, 1.0, &bigPolls) : 0.0;
    print("poll_tasks", pollTasks, 0);
    print("poll_retention_s", double(retention >= 0 ? retention : Demo::defaultRetentionSeconds(pollTasks)), 0);
    if (!filter.isEmpty())
        std::printf("poll_filter: %s\n", qPrintable(filter));
    print("polls_measured", polls, 0);
    print("longest_ui_stall_ms", normal.front());
    for (size_t run = 1; run < normal.size(); ++run)
        std::printf("longest_ui_stall_run%zu_ms: %.1f\n", run + 1, normal[run]);
    std::printf("longest_ui_stall_%druns_ms: %.1f\n", runs, worstNormal);
    if (!withoutNames.empty()) {
        const double worstWithout = *std::max_element(withoutNames.cbegin(), withoutNames.cend());
        std::printf("longest_ui_stall_%druns_without_names_ms: %.1f\n", runs, worstWithout);
        std::printf("longest_ui_stall_names_ratio: %.3f\n", worstNormal / worstWithout);
    }
    print("history_recorded", historyByDefault ? 1 : 0, 0);
    if (!withoutHistory.empty()) {
        const double worstWithout = *std::max_element(withoutHistory.cbegin(), withoutHistory.cend());
        std::printf("longest_ui_stall_%druns_without_history_ms: %.1f\n", runs, worstWithout);
        std::printf("longest_ui_stall_history_ratio: %.3f\n", worstNormal / worstWithout);
    }
    print("stress_polls_measured", stressPolls, 0);
    print("longest_ui_stall_stress_ms", stress);
    bool met = worstNormal <= 16.0;
    if (bigPollTasks > 0) {
        print("big_poll_tasks", bigPollTasks, 0);
        print("big_poll_retention_s", double(retention >= 0 ? retention : Demo::defaultRetentionSeconds(bigPollTasks)), 0);
        print("big_polls_measured", bigPolls, 0);
        print("longest_ui_stall_100k_ms", big);
        met = met && big <= 50.0;
    }
    std::printf("targets_met: %s\n", met ? "yes" : "no");
    return 0;
}
