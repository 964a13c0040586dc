// IncrementalSync: after a full list, ask only for what changed, merge it by id, and check the
// merged view against the next full list.
#pragma once

#include "connectionconfig.h"
#include "snapshot.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QString>

#include <memory>
#include <optional>

namespace Taskscope {

// The server grammar's `metadata.modificationTimestamp gte '<instant>'` asks for what changed
// since an instant; removals are learned only from a full list, so one comes every N polls and
// after any error. A full list that disagrees with the merged view (a server that ignores the
// filter or does not move modificationTimestamp) turns incremental polls off for the connection,
// with one warning.
class IncrementalSync final
{
    Q_DECLARE_TR_FUNCTIONS(IncrementalSync)
public:
    static constexpr qint64 kSafetyMarginMs = 60'000;

    // Forget everything (another connection, other settings): the next poll is full.
    void reset();
    // The next poll must be a full list (after an error).
    void requireFull() { m_forceFull = true; }
    bool isFallenBack() const { return m_fallenBack; }

    // A poll begins: the extra `filter=` clause it sends; nullopt: a full list.
    std::optional<QString> beginPoll(const ConnectionConfig &config);

    // The list of the poll that began arrived. Returns the snapshot the consumers see: the list
    // itself when full, else the last view with the changes merged in (changed tasks in place,
    // new ones appended), both with `full` set accordingly.
    std::unique_ptr<Snapshot> absorb(std::unique_ptr<Snapshot> received);

private:
    std::unique_ptr<Snapshot> merge(const Snapshot &changes) const;
    bool verify(const Snapshot &full) const;
    void remember(const Snapshot &view, const QList<Task> &changes); // changes: of a merged view
    void forgetView();

    Snapshot m_view;                    // the last snapshot handed out (implicitly shared)
    QHash<QString, qsizetype> m_index;  // task id -> position in m_view
    QDateTime m_newest;                 // newest modificationTimestamp in m_view
    QDateTime m_cutoff;                 // what the poll in progress asked for; invalid: a full list
    bool m_haveView = false;
    bool m_merged = false;              // m_view holds merged changes since the last full list
    bool m_suspect = false;             // an answer held tasks older than asked
    bool m_forceFull = true;
    bool m_fallenBack = false;
    bool m_enabled = false;             // the connection polls incrementally: keep the view and its index
    int m_sinceFull = 0;                // polls since the last full list
};

} // namespace Taskscope
