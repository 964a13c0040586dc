// Benchmark: a compiled five-clause filter over 100,000 tasks against a hand-written C++ predicate.
//
// Prints `key: value` lines: filter_eval_ms (FilterPredicate, best of several runs), filter_floor_ms
// (the same condition written by hand, best of several runs), filter_ratio, filter_matches, and
// `targets_met: yes|no` (the ratio is at most 3). Exits non-zero when the two disagree.
// Deterministic: the tasks come from a fixed seed and a fixed `now`.
#include "filterevaluator.h"
#include "filterlanguage.h"
#include "task.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <algorithm>
#include <cstdio>
#include <limits>

using namespace Taskscope;
using namespace Qt::StringLiterals;

namespace {

constexpr int kTasks = 100'000;
constexpr int kRuns = 7;
constexpr double kTargetRatio = 3.0;

const QString kExpression
    = u"state in 'fail' and percentDone lt 50 and startTime gt now-1d and "
      u"metadata.labels[*].value eq 'prod' and not name matches '^astra\\.backup\\.prep$'"_s;

QList<Task> makeTasks(const QDateTime &now)
{
    static const QStringList names = {u"astra.backup"_s,  u"astra.backup.prep"_s, u"astra.backup.snapshot"_s,
                                      u"astra.backup.copy"_s, u"astra.restore"_s, u"astra.snapshot"_s,
                                      u"astra.clone"_s};
    static const QStringList services = {u"nautilus"_s, u"composite-compute"_s, u"trident"_s};
    static const QStringList environments = {u"prod"_s, u"staging"_s, u"dev"_s};
    QRandomGenerator rng(20260301);
    QList<Task> tasks;
    tasks.reserve(kTasks);
    for (int i = 0; i < kTasks; ++i) {
        Task task;
        task.id = QString::number(i);
        task.name = names.at(rng.bounded(int(names.size())));
        task.service = services.at(rng.bounded(int(services.size())));
        task.state = TaskState(rng.bounded(int(TaskState::Unknown)));
        task.stateText = stateApiName(task.state);
        if (rng.bounded(5) != 0)
            task.percentDone = rng.bounded(101);
        if (rng.bounded(20) != 0)
            task.startTime = now.addSecs(-qint64(rng.bounded(3 * 86400)));
        const int app = int(rng.bounded(50));
        task.metadata.labels = {{u"app"_s, u"app-"_s + QString::number(app)},
                                {u"env"_s, environments.at(rng.bounded(int(environments.size())))}};
        if (rng.bounded(4) == 0)
            task.metadata.labels.append({u"team"_s, u"storage"_s});
        task.resourceURI
            = u"/accounts/A/topology/v1/clouds/C%1/clusters/K%2/namespaces/N%3/apps/APP%4/appBackups/%5"_s
                  .arg(app % 2)
                  .arg(app % 5)
                  .arg(app % 10)
                  .arg(app)
                  .arg(i);
        tasks.append(std::move(task));
    }
    return tasks;
}

template <typename Predicate>
double bestOf(const QList<Task> &tasks, const Predicate &predicate, qsizetype *matches)
{
    double best = std::numeric_limits<double>::max();
    for (int run = 0; run < kRuns; ++run) {
        QElapsedTimer timer;
        timer.start();
        *matches = std::count_if(tasks.cbegin(), tasks.cend(), predicate);
        best = std::min(best, double(timer.nsecsElapsed()) / 1e6);
    }
    return best;
}

} // namespace

int main()
{
    const QDateTime now = QDateTime::fromString(u"2026-03-01T12:00:00Z"_s, Qt::ISODate);
    const QList<Task> tasks = makeTasks(now);

    const FilterParseResult parsed = parseFilter(kExpression);
    if (!parsed.ok()) {
        std::fprintf(stderr, "bench_filter: %s\n", qPrintable(parsed.error->toString()));
        return 1;
    }
    const FilterPredicate compiled(parsed.expr, now);

    // The same condition by hand, as one would write it without a filter language.
    const QString fail = u"fail"_s;
    const QString prod = u"prod"_s;
    const qint64 dayAgo = now.toMSecsSinceEpoch() - 86'400'000;
    QRegularExpression prep(u"^astra\\.backup\\.prep$"_s, QRegularExpression::DontCaptureOption);
    prep.optimize();
    const auto floor = [&](const Task &task) {
        return task.stateText.contains(fail, Qt::CaseInsensitive) && task.percentDone
            && *task.percentDone < 50 && task.startTime.isValid()
            && task.startTime.toMSecsSinceEpoch() > dayAgo
            && std::any_of(task.metadata.labels.cbegin(), task.metadata.labels.cend(),
                           [&](const Label &label) { return label.value == prod; })
            && !prep.match(task.name).hasMatch();
    };

    qsizetype floorMatches = 0, evalMatches = 0;
    const double floorMs = bestOf(tasks, floor, &floorMatches);
    const double evalMs = bestOf(
        tasks, [&](const Task &task) { return compiled.matches(task); }, &evalMatches);
    const double ratio = evalMs / floorMs;

    std::printf("tasks: %d\n", kTasks);
    std::printf("filter_expression: %s\n", qPrintable(printFilter(parsed.expr)));
    std::printf("filter_eval_ms: %.2f\n", evalMs);
    std::printf("filter_floor_ms: %.2f\n", floorMs);
    std::printf("filter_ratio: %.2f\n", ratio);
    std::printf("filter_matches: %lld\n", static_cast<long long>(evalMatches));
    std::printf("targets_met: %s\n", ratio <= kTargetRatio ? "yes" : "no");
    if (evalMatches != floorMatches) {
        std::fprintf(stderr, "bench_filter: the filter matches %lld tasks, the hand-written predicate %lld\n",
                     static_cast<long long>(evalMatches), static_cast<long long>(floorMatches));
        return 1;
    }
    return 0;
}
