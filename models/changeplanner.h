// ChangePlanner: computes the ChangePlan of each snapshot on a worker thread, so that the UI thread
// only applies plans (signals and pointer swaps).
#pragma once

#include "changeplan.h"

#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace Taskscope {

struct Snapshot;

class ChangePlanner final : public QObject
{
    Q_OBJECT
public:
    // Runs on the worker after the diff, with the plan: work that reads every task for the views
    // (counts under a filter, say). It must only read the plan and what it captured by value.
    using WorkerStep = std::function<void(ChangePlan &plan)>;
    // Runs on the worker before the diff, on the snapshot's tasks: what the consumer adds to each
    // snapshot (HistoryOverlay: what the history knows). `base` is the forest planned against;
    // `full`: the snapshot is a whole list (Snapshot::full). It may be called again for the same
    // snapshot (retry()), and never for two snapshots at once.
    using Preparer = std::function<void(QList<Task> &tasks, QList<quint64> &digests, const TaskForest &base,
                                        const QDateTime &at, bool full)>;

    // `base` gives the forest the consumer shows (TaskTreeModel::forest()): a plan is computed
    // against it when its computation starts.
    explicit ChangePlanner(std::function<TaskForestPtr()> base, QObject *parent = nullptr);
    ~ChangePlanner() override;

    // Plans `snapshot`. While another is being planned it waits; a newer one replaces it (each
    // snapshot is the whole list, so only the newest matters). The plan's warnings are the
    // snapshot's, then the forest's (duplicate ids...).
    void submit(const Snapshot &snapshot, WorkerStep step = {});
    // After planReady(): the plan, moved out.
    ChangePlan takePlan();
    // Plans the last snapshot again, against the base as it is now (when a plan no longer applies
    // because the consumer's tree changed meanwhile).
    void retry();
    // Forgets the plan being computed and the snapshot waiting (another connection's tasks).
    void cancel();
    bool isBusy() const { return m_running; }
    // From the next computation on.
    void setPreparer(Preparer preparer) { m_preparer = std::move(preparer); }

Q_SIGNALS:
    void planReady();

private:
    struct Job
    {
        QList<Task> tasks;
        QList<quint64> digests;
        QList<ParseWarning> warnings;
        QDateTime at;
        bool full = true;
        WorkerStep step;
    };
    void start(Job job);
    static void release(std::optional<Job> &job);
    void onFinished();

    std::function<TaskForestPtr()> m_base;
    Preparer m_preparer;
    QFutureWatcher<ChangePlan> m_watcher;
    bool m_running = false;
    quint64 m_generation = 0;
    quint64 m_runningGeneration = 0;
    // m_generation for the workers: a job cancelled meanwhile skips its preparer (another
    // connection's overlay must not learn this one's tasks).
    std::shared_ptr<std::atomic<quint64>> m_liveGeneration = std::make_shared<std::atomic<quint64>>(0);
    std::optional<Job> m_current; // what is being planned, or was last (for retry())
    std::optional<Job> m_waiting;
    ChangePlan m_plan;
};

} // namespace Taskscope
