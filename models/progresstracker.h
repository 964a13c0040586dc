// ProgressTracker: follows each running task's percentDone over the snapshots and sets
// Task::eta and Task::stalledSince. Runs as part of the planner's Preparer (on the worker, never
// for two snapshots at once, maybe twice for one snapshot: idempotent by snapshot time).
#pragma once

#include "task.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

#include <optional>

namespace Taskscope {

struct ProgressSample
{
    QDateTime at;
    double percent = 0;
};

// Durations (seconds) of finished runs, per kind of task and app: what history knows.
struct DurationKey
{
    QString taskName; // Task::name ("astra.backup")
    QString appId;
    friend bool operator==(const DurationKey &, const DurationKey &) = default;
};
size_t qHash(const DurationKey &key, size_t seed = 0);
using DurationTable = QHash<DurationKey, QList<qint64>>;

class ProgressTracker
{
public:
    // Runs on the worker with each snapshot's tasks: records samples of running tasks, sets eta and
    // stalledSince on them, forgets tasks no longer running.
    void prepare(QList<Task> &tasks, const QDateTime &at);
    // From history (any thread): the durations of finished runs.
    void setDurations(DurationTable durations);
    void clear();

    // A task is stalled when percentDone has not moved for max(10 min, 5 x its typical interval
    // between moves).
    static qint64 stallThresholdSeconds(const QList<ProgressSample> &samples);
    // From the recent rate: robust to pauses and jumps; nullopt with too little data.
    static std::optional<EtaRange> etaFromRate(const QList<ProgressSample> &samples, const QDateTime &now);
    // From at least 3 past durations: the 25th-75th percentile of what remains after `elapsed`.
    static std::optional<EtaRange> etaFromHistory(QList<qint64> durations, qint64 elapsedSeconds);
    // Both known: the union of the ranges, narrowed where they overlap (see the .cpp).
    static std::optional<EtaRange> combine(std::optional<EtaRange> rate, std::optional<EtaRange> history);

private:
    struct Track
    {
        QList<ProgressSample> samples; // changes of percentDone only, the newest few
        QDateTime lastMove;
    };
    QMutex m_durationsLock;
    DurationTable m_durations;
    QHash<QString, Track> m_tracks;
    QDateTime m_lastAt;
};

} // namespace Taskscope
