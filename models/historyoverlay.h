// HistoryOverlay: what the history adds to each snapshot before it is planned: every listed task's
// first sighting and the time it entered its state, and the tasks the server no longer lists,
// shown from history (Task::goneAt) for a while.
#pragma once

#include "task.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

#include <memory>

namespace Taskscope {

class TaskForest;
struct HistoryTask;

class HistoryOverlay final
{
public:
    // What the file knows of a connection (HistoryStore::queryTasks): parses the stored JSON. Off
    // the UI thread: a week of tasks is thousands of parses. Tasks the file had as listed and the
    // next full snapshot lacks are gone from then on.
    // `generation`: generation() when the file was asked; a load for an overlay cleared since
    // (another connection) does nothing.
    void load(const QList<HistoryTask> &tasks, quint64 generation);
    quint64 generation() const;
    // Whether tasks the server no longer lists are added to the snapshots (View › Include Finished
    // Tasks from History), and how long after they went: 0 keeps them until they leave the file.
    void setIncludeGone(bool include);
    bool includesGone() const;
    void setGoneWindowDays(int days);
    // Off (no history file): prepare() changes nothing.
    void setEnabled(bool enabled);
    // Forgets everything (another connection).
    void clear();

    // ChangePlanner::Preparer: on the planner's worker. Sets firstSeen/lastTransition of the
    // listed tasks, learns which tasks left since `base` (on a full list), and appends the gone
    // tasks shown from history that the snapshot does not list, with their digests.
    void prepare(QList<Task> &tasks, QList<quint64> &digests, const TaskForest &base, const QDateTime &at, bool full);

    int goneCount() const;

private:
    struct Seen
    {
        QDateTime firstSeen;
        QDateTime lastTransition;
        TaskState state = TaskState::Unknown;
        QString stateText;
    };
    struct Gone
    {
        Task task; // goneAt null: the file had it as listed; gone at the next full snapshot without it
        quint64 digest = 0;
    };

    mutable QMutex m_mutex;
    QHash<QString, Seen> m_seen;
    QHash<QString, Gone> m_gone;
    quint64 m_generation = 0; // clear() moves it on
    bool m_enabled = false;
    bool m_includeGone = true;
    int m_windowDays = 3;
};

using HistoryOverlayPtr = std::shared_ptr<HistoryOverlay>;

} // namespace Taskscope
