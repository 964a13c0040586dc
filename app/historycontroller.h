// HistoryController: the window's history: the store (its own thread), what it adds to each
// snapshot (HistoryOverlay), and recording each applied plan. Widget-free.
#pragma once

#include "connectionconfig.h"
#include "historyoverlay.h"
#include "historystore.h"

#include <QCoreApplication>
#include <QObject>
#include <QString>

namespace Taskscope {

struct ChangePlan;

class HistoryController final : public QObject
{
    Q_OBJECT
public:
    explicit HistoryController(QObject *parent = nullptr);
    ~HistoryController() override;

    // Where the file is: --history FILE, else the setting History/path, else
    // HistoryDatabase::defaultPath(). --no-history (or the setting History/enabled=false): none.
    static QString configuredPath();
    static bool configuredEnabled();
    // Opens the file (on the store's thread); an empty path turns history off for this session.
    void open(const QString &path);
    HistoryStore *store() const { return m_store; }
    bool isOpen() const { return m_opened; }
    // What ChangePlanner::setPreparer() runs on its worker (shares the overlay).
    HistoryOverlayPtr overlay() const { return m_overlay; }

    // A new connection: what the file knows of it is loaded into the overlay (overlayLoaded()),
    // and its first poll is compared with the file. Same connection again: nothing changes.
    // `demo`: the built-in demo server, kept under its fixed history identity (its port changes
    // every time; `taskscope watch --demo` and `history --demo` use the same one).
    void setConnection(const ConnectionConfig &config, bool demo = false);
    QString connectionKey() const { return m_key; }

    // View › Include Finished Tasks from History (saved). The caller re-plans its last snapshot.
    void setIncludeFinished(bool include);
    bool includesFinished() const { return m_overlay->includesGone(); }

    // What `plan` changes, for commit() once the model applied it (a plan the model refuses is
    // planned again: recorded then, once). Empty without a file or a connection.
    std::optional<HistoryBatch> batchFor(const ChangePlan &plan, NameTablePtr names) const;
    // One transaction, queued to the store's thread.
    void commit(HistoryBatch batch);

    // The transitions of one task, oldest first, from the file (`done` on `context`'s thread).
    void transitionsOf(const QString &taskId, QObject *context, std::function<void(QList<HistoryTransition>)> done);
    // The connection's transitions since `since` (null: any), the newest `limit` of them (-1: all),
    // oldest first (the Journal's backfill).
    void transitionsSince(const QDateTime &since, int limit, QObject *context,
                          std::function<void(QList<HistoryTransition>)> done);

Q_SIGNALS:
    // The overlay has the file's tasks of the connection: the snapshot shown should be planned again.
    void overlayLoaded();
    // setConnection() chose another connection (what was shown of the last one is not this one's).
    void connectionChanged();
    void statusChanged(Taskscope::HistoryStore::Status status, const QString &message);
    void recorded(const QList<Taskscope::HistoryTransition> &transitions);

private:
    HistoryStore *m_store;
    HistoryOverlayPtr m_overlay = std::make_shared<HistoryOverlay>();
    bool m_opened = false;
    ConnectionConfig m_config;
    bool m_demo = false;
    QString m_key;
    QString m_label;
    bool m_firstOfSession = true;
    quint64 m_loadSerial = 0;
};

} // namespace Taskscope
