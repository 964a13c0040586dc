// IncrementalSync: the merge by id and the check of a merged view against a full list.
#include "incrementalsync.h"

#include "logging.h"

#include <QSet>

namespace Taskscope {

void IncrementalSync::reset()
{
    *this = IncrementalSync();
}

std::optional<QString> IncrementalSync::beginPoll(const ConnectionConfig &config)
{
    m_cutoff = {};
    m_enabled = config.incremental && !config.firstPageOnly && config.fullResyncEvery > 1 && !m_fallenBack;
    const bool possible = m_enabled && m_haveView && m_newest.isValid();
    if (!possible || m_forceFull || m_sinceFull + 1 >= config.fullResyncEvery)
        return std::nullopt;
    // Whole seconds, rounded down: the margin only grows.
    const QDateTime cutoff = m_newest.addMSecs(-kSafetyMarginMs);
    m_cutoff = QDateTime::fromSecsSinceEpoch(cutoff.toSecsSinceEpoch(), Qt::UTC);
    return QStringLiteral("metadata.modificationTimestamp gte '%1'").arg(m_cutoff.toString(Qt::ISODate));
}

std::unique_ptr<Snapshot> IncrementalSync::absorb(std::unique_ptr<Snapshot> received)
{
    if (m_cutoff.isValid()) {
        received->full = false;
        for (const Task &task : std::as_const(received->tasks)) {
            const QDateTime &modified = task.metadata.modificationTimestamp;
            if (modified.isValid() && modified < m_cutoff)
                m_suspect = true; // the filter was not applied as asked
        }
        std::unique_ptr<Snapshot> view = merge(*received);
        remember(*view, received->tasks);
        ++m_sinceFull;
        return view;
    }
    received->full = true;
    if (m_merged && (m_suspect || !verify(*received))) {
        m_fallenBack = true;
        ParseWarning warning;
        warning.message = tr("The server's incremental answers were incomplete; polling full lists from now on.");
        received->warnings.append(warning);
        qCWarning(lcNetwork) << "incremental polling off:" << (m_suspect ? "tasks older than asked" : "merged view differs");
    }
    // Full lists only (incremental off, or fallen back): no view to merge into, no index to build
    // over every task on the UI thread.
    if (m_enabled && !m_fallenBack)
        remember(*received, {});
    else
        forgetView();
    m_sinceFull = 0;
    m_forceFull = false;
    m_suspect = false;
    return received;
}

std::unique_ptr<Snapshot> IncrementalSync::merge(const Snapshot &changes) const
{
    auto view = std::make_unique<Snapshot>(m_view);
    view->receivedAt = changes.receivedAt;
    view->latencyMs = changes.latencyMs;
    view->pages = changes.pages;
    view->bytes = changes.bytes; // what this poll moved, not what the view holds
    view->metadataJson = changes.metadataJson;
    view->full = false;
    QHash<QString, qsizetype> added; // new ids of this answer -> position
    QSet<QString> changed;
    for (qsizetype i = 0; i < changes.tasks.size(); ++i) {
        const Task &task = changes.tasks.at(i);
        qsizetype at = m_index.value(task.id, -1);
        if (at < 0)
            at = added.value(task.id, -1);
        if (at < 0) {
            added.insert(task.id, view->tasks.size());
            view->tasks.append(task);
            view->digests.append(changes.digests.at(i));
        } else {
            view->tasks[at] = task;
            view->digests[at] = changes.digests.at(i);
        }
        changed.insert(task.id);
    }
    // Warnings about unchanged tasks stay; those of changed tasks are the answer's now.
    view->warnings.removeIf([&changed](const ParseWarning &w) { return !w.taskId.isEmpty() && changed.contains(w.taskId); });
    for (ParseWarning warning : changes.warnings) {
        warning.itemIndex = warning.taskId.isEmpty() ? -1 : m_index.value(warning.taskId, added.value(warning.taskId, -1));
        view->warnings.append(warning);
    }
    return view;
}

// Every task of the full list that the server says has not changed since the merged view's
// changes were asked for must be in that view, byte for byte (by digest).
bool IncrementalSync::verify(const Snapshot &full) const
{
    const QDateTime unchangedBefore = m_newest.addMSecs(-kSafetyMarginMs);
    for (qsizetype i = 0; i < full.tasks.size(); ++i) {
        const Task &task = full.tasks.at(i);
        const QDateTime modified = task.metadata.modificationTimestamp;
        if (!modified.isValid() || modified >= unchangedBefore)
            continue; // changed since, or unknowable
        const qsizetype at = m_index.value(task.id, -1);
        if (at < 0 || m_view.digests.value(at) != full.digests.value(i))
            return false;
    }
    return true;
}

void IncrementalSync::forgetView()
{
    m_view = Snapshot();
    m_index.clear();
    m_newest = {};
    m_haveView = false;
    m_merged = false;
}

void IncrementalSync::remember(const Snapshot &view, const QList<Task> &changes)
{
    const bool full = !m_cutoff.isValid();
    if (full) {
        m_index.clear();
        m_index.reserve(view.tasks.size());
        for (qsizetype i = view.tasks.size() - 1; i >= 0; --i) // the first of duplicate ids wins
            m_index.insert(view.tasks.at(i).id, i);
        m_newest = {};
    } else {
        for (qsizetype i = m_view.tasks.size(); i < view.tasks.size(); ++i) // only new tasks moved the index
            m_index.insert(view.tasks.at(i).id, i);
    }
    // After a merge only the answer's tasks can be newer than what was seen.
    for (const Task &task : full ? view.tasks : changes) {
        const QDateTime &modified = task.metadata.modificationTimestamp;
        if (modified.isValid() && (!m_newest.isValid() || modified > m_newest))
            m_newest = modified;
    }
    m_view = view;
    m_haveView = true;
    m_merged = !full;
}

} // namespace Taskscope
