#include "historyoverlay.h"

#include "historystore.h"
#include "taskforest.h"

#include <QMutexLocker>
#include <QSet>

namespace Taskscope {

void HistoryOverlay::load(const QList<HistoryTask> &tasks, quint64 generation)
{
    QList<Task> parsed = tasksFromHistory(tasks);
    QMutexLocker lock(&m_mutex);
    if (generation != m_generation)
        return; // asked for another connection's

    for (Task &task : parsed) {
        // The file's first sighting is older than this session's; its time of the last state
        // change holds while the state is the same.
        Seen &seen = m_seen[task.id];
        if (!seen.firstSeen.isValid() || (task.firstSeen.isValid() && task.firstSeen < seen.firstSeen))
            seen.firstSeen = task.firstSeen;
        if (!seen.lastTransition.isValid() || seen.state == task.state) {
            seen.lastTransition = task.lastTransition;
            seen.state = task.state;
            seen.stateText = task.stateText;
        }
        const quint64 digest = rawJsonDigest(task.rawJson);
        const QString id = task.id;
        m_gone.insert(id, Gone{std::move(task), digest});
    }
}

void HistoryOverlay::setIncludeGone(bool include)
{
    QMutexLocker lock(&m_mutex);
    m_includeGone = include;
}

bool HistoryOverlay::includesGone() const
{
    QMutexLocker lock(&m_mutex);
    return m_includeGone;
}

void HistoryOverlay::setGoneWindowDays(int days)
{
    QMutexLocker lock(&m_mutex);
    m_windowDays = qMax(0, days);
}

void HistoryOverlay::setEnabled(bool enabled)
{
    QMutexLocker lock(&m_mutex);
    m_enabled = enabled;
    if (!enabled) {
        ++m_generation;
        m_seen.clear();
        m_gone.clear();
    }
}

quint64 HistoryOverlay::generation() const
{
    QMutexLocker lock(&m_mutex);
    return m_generation;
}

void HistoryOverlay::clear()
{
    QMutexLocker lock(&m_mutex);
    ++m_generation;
    m_seen.clear();
    m_gone.clear();
}

int HistoryOverlay::goneCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(std::count_if(m_gone.cbegin(), m_gone.cend(), [](const Gone &gone) { return gone.task.isFromHistory(); }));
}

void HistoryOverlay::prepare(QList<Task> &tasks, QList<quint64> &digests, const TaskForest &base, const QDateTime &at,
                             bool full)
{
    QMutexLocker lock(&m_mutex);
    if (!m_enabled)
        return;
    QSet<QStringView> listed;
    listed.reserve(tasks.size());
    for (Task &task : tasks) {
        listed.insert(QStringView(task.id));
        Seen &seen = m_seen[task.id];
        if (!seen.firstSeen.isValid()) {
            seen = {at, at, task.state, task.stateText};
        } else if (seen.state != task.state || seen.stateText != task.stateText) {
            seen.lastTransition = at;
            seen.state = task.state;
            seen.stateText = task.stateText;
        }
        task.firstSeen = seen.firstSeen;
        task.lastTransition = seen.lastTransition;
    }
    // Listed again (a server that lists a task after leaving it out): no longer from history.
    for (auto it = m_gone.begin(); it != m_gone.end();) {
        if (listed.contains(QStringView(it.key())))
            it = m_gone.erase(it);
        else
            ++it;
    }
    if (full) {
        // Tasks the last plan listed and this list lacks left now; so did the file's listed tasks.
        for (int slot = 0; slot < base.size(); ++slot) {
            const Task &task = base.task(slot);
            if (task.isFromHistory() || listed.contains(QStringView(task.id)) || m_gone.contains(task.id))
                continue;
            Task gone = task;
            gone.goneAt = at;
            m_gone.insert(task.id, Gone{std::move(gone), base.digest(slot)});
        }
        for (Gone &gone : m_gone) {
            if (!gone.task.goneAt.isValid())
                gone.task.goneAt = at;
        }
    }
    const QDateTime oldest = m_windowDays > 0 ? at.addDays(-m_windowDays) : QDateTime();
    for (auto it = m_gone.begin(); it != m_gone.end();) {
        if (it->task.goneAt.isValid() && oldest.isValid() && it->task.goneAt < oldest)
            it = m_gone.erase(it);
        else
            ++it;
    }
    // Tasks neither listed nor kept are forgotten: the map stays the size of what is shown.
    if (full && m_seen.size() > listed.size() + m_gone.size()) {
        for (auto it = m_seen.begin(); it != m_seen.end();) {
            if (!listed.contains(QStringView(it.key())) && !m_gone.contains(it.key()))
                it = m_seen.erase(it);
            else
                ++it;
        }
    }
    listed.clear(); // views into `tasks`, which grows below
    if (!m_includeGone)
        return;
    const bool withDigests = digests.size() == tasks.size();
    for (const Gone &gone : std::as_const(m_gone)) {
        if (!gone.task.goneAt.isValid())
            continue;
        tasks.append(gone.task);
        if (withDigests)
            digests.append(gone.digest);
    }
}

} // namespace Taskscope
