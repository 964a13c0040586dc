// ChangePlanner: SnapshotDiff::compute on the global thread pool, one at a time, newest snapshot first.
#include "changeplanner.h"

#include "backgroundpriority.h"
#include "snapshotdiff.h"
#include "tasksclient.h"
#include "workerrelease.h"

#include <QtConcurrent/QtConcurrentRun>

namespace Taskscope {

ChangePlanner::ChangePlanner(std::function<TaskForestPtr()> base, QObject *parent)
    : QObject(parent)
    , m_base(std::move(base))
{
    connect(&m_watcher, &QFutureWatcher<ChangePlan>::finished, this, &ChangePlanner::onFinished);
}

ChangePlanner::~ChangePlanner() = default; // a computation still running finishes on its own

// The last reference to a snapshot's tasks may be this one: freeing them is the worker's job.
void ChangePlanner::release(std::optional<Job> &job)
{
    releaseOnWorker(std::move(job));
    job.reset();
}

void ChangePlanner::submit(const Snapshot &snapshot, WorkerStep step)
{
    Job job{snapshot.tasks, snapshot.digests, snapshot.warnings, snapshot.receivedAt, snapshot.full, std::move(step)};
    if (m_running) {
        release(m_waiting);
        m_waiting = std::move(job);
    }
    else
        start(std::move(job));
}

void ChangePlanner::start(Job job)
{
    m_running = true;
    m_runningGeneration = m_generation;
    release(m_current);
    m_current = job;
    // The job (the snapshot's tasks, the previous forest) is released on the worker with the lambda.
    m_watcher.setFuture(QtConcurrent::run([job = std::move(job), base = m_base(), prepare = m_preparer,
                                           generation = m_generation, live = m_liveGeneration]() mutable {
        yieldToTheUiThread();
        if (prepare && generation == live->load())
            prepare(job.tasks, job.digests, base ? *base : *TaskForest::empty(), job.at, job.full);
        ChangePlan plan = SnapshotDiff::compute(base, job.tasks, job.digests, job.at);
        plan.warnings = job.warnings + plan.warnings;
        plan.full = job.full;
        if (job.step)
            job.step(plan);
        return plan;
    }));
}

void ChangePlanner::onFinished()
{
    m_running = false;
    QFuture<ChangePlan> future = m_watcher.future();
    const bool current = m_runningGeneration == m_generation && future.resultCount() > 0;
    if (current)
        m_plan = future.takeResult();
    if (current)
        Q_EMIT planReady();
    if (!m_running && m_waiting) {
        Job next = std::move(*m_waiting);
        m_waiting.reset();
        start(std::move(next));
    }
}

ChangePlan ChangePlanner::takePlan()
{
    return std::exchange(m_plan, ChangePlan());
}

void ChangePlanner::retry()
{
    if (m_running || !m_current)
        return; // what runs is planned against the current base already, or there is nothing
    start(*m_current);
}

void ChangePlanner::cancel()
{
    ++m_generation;
    m_liveGeneration->store(m_generation);
    release(m_waiting);
    release(m_current);
    m_plan = ChangePlan();
}

} // namespace Taskscope
