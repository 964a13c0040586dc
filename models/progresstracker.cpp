// ProgressTracker: samples of percentDone per running task, ETA ranges from rate and history, stalls.
#include "progresstracker.h"

#include "nametable.h"

#include <QMutexLocker>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <vector>

namespace Taskscope {

namespace {

constexpr qsizetype kMaxSamples = 20;
constexpr qint64 kMinStallSeconds = 600;
constexpr int kStallIntervals = 5;

// The p-th percentile (0..1) of sorted values, interpolated between neighbours.
double percentile(const std::vector<double> &sorted, double p)
{
    if (sorted.empty())
        return 0;
    const double position = p * double(sorted.size() - 1);
    const auto below = size_t(std::floor(position));
    const auto above = size_t(std::ceil(position));
    const double fraction = position - double(below);
    return sorted[below] + (sorted[above] - sorted[below]) * fraction;
}

// A range people can read: no more precise than its size deserves (10 s under two minutes, a
// minute under an hour, 5 minutes under a day, else an hour), low rounded down and high up, and
// never a single number.
EtaRange roundedRange(double low, double high, quint8 source)
{
    low = std::max(0.0, low);
    high = std::max(low, high);
    const qint64 step = high < 120 ? 10 : high < 3600 ? 60 : high < 86400 ? 300 : 3600;
    EtaRange range;
    range.lowSeconds = qint64(std::floor(low / double(step))) * step;
    range.highSeconds = qint64(std::ceil(high / double(step))) * step;
    if (range.highSeconds <= range.lowSeconds)
        range.highSeconds = range.lowSeconds + step;
    range.sources = source;
    return range;
}

qint64 msecsBetween(const ProgressSample &a, const ProgressSample &b)
{
    return a.at.msecsTo(b.at);
}

} // namespace

size_t qHash(const DurationKey &key, size_t seed)
{
    return qHashMulti(seed, key.taskName, key.appId);
}

void ProgressTracker::prepare(QList<Task> &tasks, const QDateTime &at)
{
    DurationTable durations;
    {
        QMutexLocker locker(&m_durationsLock);
        durations = m_durations; // implicitly shared: the lock is held for a pointer copy
    }
    // A snapshot older than the last one (never expected): its samples would go back in time.
    const bool record = !m_lastAt.isValid() || at >= m_lastAt;
    QSet<QString> running;
    running.reserve(m_tracks.size() + 16);
    for (Task &task : tasks) {
        task.eta.reset();
        task.stalledSince = {};
        if (task.state != TaskState::Running || task.isFromHistory() || task.id.isEmpty())
            continue;
        running.insert(task.id);
        Track &track = m_tracks[task.id];
        if (record && task.percentDone) {
            const double percent = *task.percentDone;
            if (!track.samples.isEmpty() && percent < track.samples.constLast().percent)
                track = Track(); // went back: a restarted task, the old rate says nothing
            if (track.samples.isEmpty() || percent != track.samples.constLast().percent) {
                // The same snapshot planned again (a retry) replaces its own sample.
                if (!track.samples.isEmpty() && track.samples.constLast().at == at)
                    track.samples.removeLast();
                if (track.samples.isEmpty() || percent != track.samples.constLast().percent) {
                    track.samples.append({at, percent});
                    track.lastMove = at;
                }
                if (track.samples.size() > kMaxSamples)
                    track.samples.remove(0, track.samples.size() - kMaxSamples);
            }
        }
        if (track.lastMove.isValid() && track.lastMove.secsTo(at) >= stallThresholdSeconds(track.samples))
            task.stalledSince = track.lastMove;

        std::optional<EtaRange> history;
        if (!durations.isEmpty()) {
            const auto it = durations.constFind(DurationKey{task.name, TaskPlace::idOf(task, NameKind::App)});
            if (it != durations.constEnd()) {
                const QDateTime started = task.startTime.isValid() ? task.startTime
                    : !track.samples.isEmpty()                      ? track.samples.constFirst().at
                                                                    : at;
                history = etaFromHistory(*it, std::max<qint64>(0, started.secsTo(at)));
            }
        }
        task.eta = combine(etaFromRate(track.samples, at), history);
    }
    // Forget what no longer runs (finished, paused, gone): a later run starts from nothing.
    for (auto it = m_tracks.begin(); it != m_tracks.end();) {
        if (running.contains(it.key()))
            ++it;
        else
            it = m_tracks.erase(it);
    }
    if (record)
        m_lastAt = at;
}

void ProgressTracker::setDurations(DurationTable durations)
{
    for (QList<qint64> &runs : durations)
        std::sort(runs.begin(), runs.end());
    QMutexLocker locker(&m_durationsLock);
    m_durations = std::move(durations);
}

void ProgressTracker::clear()
{
    m_tracks.clear();
    m_lastAt = {};
    QMutexLocker locker(&m_durationsLock);
    m_durations.clear();
}

qint64 ProgressTracker::stallThresholdSeconds(const QList<ProgressSample> &samples)
{
    if (samples.size() < 2)
        return kMinStallSeconds;
    std::vector<double> intervals;
    intervals.reserve(size_t(samples.size() - 1));
    for (qsizetype i = 1; i < samples.size(); ++i)
        intervals.push_back(double(msecsBetween(samples.at(i - 1), samples.at(i))) / 1000.0);
    std::sort(intervals.begin(), intervals.end());
    return std::max(kMinStallSeconds, qint64(std::ceil(percentile(intervals, 0.5) * kStallIntervals)));
}

std::optional<EtaRange> ProgressTracker::etaFromRate(const QList<ProgressSample> &samples, const QDateTime &now)
{
    // The first sample is when the task was first seen, the others are moves: two moves at least.
    if (samples.size() < 3)
        return std::nullopt;
    std::vector<double> rates; // percent per second, one per interval between samples
    std::vector<double> intervals;
    double stepSum = 0;
    for (qsizetype i = 1; i < samples.size(); ++i) {
        const double seconds = double(msecsBetween(samples.at(i - 1), samples.at(i))) / 1000.0;
        const double step = samples.at(i).percent - samples.at(i - 1).percent;
        if (seconds <= 0 || step <= 0)
            continue;
        rates.push_back(step / seconds);
        intervals.push_back(seconds);
        stepSum += step;
    }
    if (rates.size() < 2)
        return std::nullopt;
    const ProgressSample &last = samples.constLast();
    const double remaining = std::max(0.0, 100.0 - last.percent);
    std::sort(intervals.begin(), intervals.end());
    // Time without a move counts against the rate: when the current wait is longer than a typical
    // interval, the rate so far is at most one typical step over that wait.
    const double sinceLast = std::max(0.0, double(last.at.msecsTo(now)) / 1000.0);
    const double typicalInterval = percentile(intervals, 0.5);
    if (sinceLast > typicalInterval)
        rates.push_back(stepSum / double(intervals.size()) / sinceLast);
    std::sort(rates.begin(), rates.end());
    // Jumps and pauses are in the tails: the quartiles of the per-interval rates ignore them.
    double slow = percentile(rates, 0.25);
    const double fast = percentile(rates, 0.75);
    // The whole run's average, pauses included, bounds the slow end: a long pause lengthens it.
    const double overallSeconds = double(samples.constFirst().at.msecsTo(now)) / 1000.0;
    if (overallSeconds > 0) {
        const double overall = (last.percent - samples.constFirst().percent) / overallSeconds;
        if (overall > 0)
            slow = std::min(slow, overall);
    }
    if (slow <= 0 || fast <= 0)
        return std::nullopt;
    return roundedRange(remaining / fast * 0.9, remaining / slow * 1.1, EtaRange::Rate);
}

std::optional<EtaRange> ProgressTracker::etaFromHistory(QList<qint64> durations, qint64 elapsedSeconds)
{
    if (durations.size() < 3)
        return std::nullopt;
    // setDurations() sorts once: then this is O(n) per task and poll, without a copy.
    if (!std::is_sorted(durations.cbegin(), durations.cend()))
        std::sort(durations.begin(), durations.end());
    // What remains of each run is monotonic in its duration: the percentiles of the sorted
    // durations' remainders are those of the remainders.
    const auto remaining = [&](double p) {
        const double position = p * double(durations.size() - 1);
        const auto below = qsizetype(std::floor(position));
        const auto above = qsizetype(std::ceil(position));
        const double low = std::max(0.0, double(durations.at(below) - elapsedSeconds));
        const double high = std::max(0.0, double(durations.at(above) - elapsedSeconds));
        return low + (high - low) * (position - double(below));
    };
    // Already longer than most runs: "a little longer", not a negative or zero time.
    return roundedRange(remaining(0.25), remaining(0.75), EtaRange::History);
}

std::optional<EtaRange> ProgressTracker::combine(std::optional<EtaRange> rate, std::optional<EtaRange> history)
{
    if (!rate || !history)
        return rate ? rate : history;
    EtaRange range;
    range.sources = EtaRange::Rate | EtaRange::History;
    if (rate->lowSeconds <= history->highSeconds && history->lowSeconds <= rate->highSeconds) {
        // Both agree somewhere: what both allow.
        range.lowSeconds = std::max(rate->lowSeconds, history->lowSeconds);
        range.highSeconds = std::min(rate->highSeconds, history->highSeconds);
        if (range.highSeconds > range.lowSeconds)
            return range;
        // They only touch: keep both ends rather than claim one number.
    }
    range.lowSeconds = std::min(rate->lowSeconds, history->lowSeconds);
    range.highSeconds = std::max(rate->highSeconds, history->highSeconds);
    return range;
}

} // namespace Taskscope
