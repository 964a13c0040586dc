// Benchmark: `taskscope export --filter` against jq's select on the same 100,000-task file, whole process.
//
// Writes the demo scenario's list of about 100,000 tasks to a temporary file, then times (best of
// several runs, wall clock, process start to exit) `taskscope export --input F --filter "state eq
// 'failed'"` and `jq '{items: [.items[] | select(.state == "failed")]}' F`, and checks both
// selected the same tasks. Prints `key: value` lines; jq_ratio below 1 means taskscope was faster.
#include "scenario.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>
#include <limits>

using namespace Taskscope;
using namespace Qt::StringLiterals;

namespace {

constexpr int kRuns = 5;

struct Run
{
    double ms = std::numeric_limits<double>::max();
    QByteArray out;
};

Run bestOf(const QString &program, const QStringList &arguments)
{
    Run best;
    for (int i = 0; i < kRuns; ++i) {
        QProcess process;
        QElapsedTimer timer;
        timer.start();
        process.start(program, arguments);
        if (!process.waitForFinished(120'000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
            qFatal("%s failed: %s", qPrintable(program), process.readAllStandardError().constData());
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (ms < best.ms)
            best = {ms, process.readAllStandardOutput()};
    }
    return best;
}

QStringList ids(const QByteArray &json)
{
    QStringList list;
    for (const QJsonValue &item : QJsonDocument::fromJson(json).object().value(u"items"_s).toArray())
        list << item.toObject().value(u"id"_s).toString();
    list.sort();
    return list;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString jq = QStandardPaths::findExecutable(u"jq"_s);
    if (jq.isEmpty()) {
        std::fprintf(stderr, "bench_jq: jq is not installed (apt-get install jq)\n");
        return 2;
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(u"tasks.json"_s);
    {
        Demo::ScenarioConfig config;
        config.seed = 7;
        config.targetTasks = 100'000;
        const qint64 now = 1'795'000'000'000;
        config.epochMsecs = now - 6 * 3600 * 1000;
        Demo::Scenario scenario(config);
        scenario.advanceTo(now);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(scenario.listJson()) < 0)
            qFatal("cannot write %s", qPrintable(path));
    }
    const qint64 bytes = QFile(path).size();

    const Run ours = bestOf(QStringLiteral(TASKSCOPE_BINARY),
                            {u"export"_s, u"--input"_s, path, u"--filter"_s, u"state eq 'failed'"_s});
    const Run theirs = bestOf(jq, {u"-c"_s, u"{items: [.items[] | select(.state == \"failed\")]}"_s, path});
    const QStringList ourIds = ids(ours.out), theirIds = ids(theirs.out);
    if (ourIds != theirIds || ourIds.isEmpty()) {
        std::fprintf(stderr, "bench_jq: taskscope selected %lld tasks, jq %lld\n", static_cast<long long>(ourIds.size()),
                     static_cast<long long>(theirIds.size()));
        return 1;
    }
    const double ratio = ours.ms / theirs.ms;
    std::printf("file_bytes: %lld\n", static_cast<long long>(bytes));
    std::printf("file_tasks: %lld\n", static_cast<long long>(QJsonDocument::fromJson([&] {
                                                               QFile f(path);
                                                               return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
                                                           }()).object().value(u"items"_s).toArray().size()));
    std::printf("selected_tasks: %lld\n", static_cast<long long>(ourIds.size()));
    std::printf("taskscope_export_filter_ms: %.1f\n", ours.ms);
    std::printf("jq_select_ms: %.1f\n", theirs.ms);
    std::printf("jq_ratio: %.2f\n", ratio);
    std::printf("targets_met: %s\n", ratio < 1.0 ? "yes" : "no");
    return 0;
}
