// History: every task's life kept in SQLite (Qt SQL, QSQLITE), past the server's 24-hour retention.
// HistoryDatabase does the SQL on one thread; HistoryStore runs one on its own thread for the GUI and
// `taskscope watch`, so that the UI thread never waits for the disk.
#pragma once

#include "changeplan.h"
#include "nametable.h"
#include "progresstracker.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QThread;

namespace Taskscope {

struct ConnectionConfig;
struct FilterExpr;

// The store's key of a connection: opaque (a hash), from the URL without credentials, query or
// fragment, and the account. Never a token. The same URL and account give the same key in every
// process, so `taskscope history --url U --account A` finds what the GUI recorded.
QString historyConnectionKey(const QUrl &baseUrl, const QString &accountId);
QString historyConnectionKey(const ConnectionConfig &config);
// What the user reads for a connection: "host[:port]/path · account" (no credentials).
QString historyConnectionLabel(const QUrl &baseUrl, const QString &accountId);

// A task as the history keeps it.
struct HistoryTask
{
    QString connection; // historyConnectionKey()
    QString id;
    QString parentId;
    QString name;
    QString summary;
    QString appId;
    QString appName;
    QString clusterId;
    QString clusterName;
    QString state;      // the API's text of the last state seen ("failed", or an unknown value as sent)
    QString reason;     // the failure's reason (first stateDetail's title: detail), empty if none
    QDateTime firstSeen;
    QDateTime lastSeen; // the last poll that listed it
    QDateTime goneAt;   // the first full poll that no longer listed it; null while listed
    QDateTime lastChange; // when it entered `state`, as a poll saw it (Task::lastTransition)
    QByteArray json;    // the task's last JSON, the API's bytes (an object; built from the fields
                        // when the server sent an array item for `include=`)
};

// The tasks of `history` as Tasks (parsed from their JSON), with firstSeen, lastTransition and
// goneAt set: what the tree shows from history and what `taskscope history` filters. A task whose
// JSON does not parse is left out with a warning.
QList<Task> tasksFromHistory(const QList<HistoryTask> &history, QList<ParseWarning> *warnings = nullptr);

// A change of state, as recorded. `from` is empty when the task appeared (first seen) in `to`.
struct HistoryTransition
{
    QString connection;
    QString taskId;
    QString taskName;
    QString taskSummary;
    QString appName;
    QString from;
    QString to;
    QDateTime at;
    QString reason; // for a failure: the task's reason at that time
};

// A progress sample: one per state change, at most one a minute while the task runs.
struct HistorySample
{
    QString taskId;
    QDateTime at;
    QString state;
    double percentDone = -1; // -1: the task had none
};

// What a query asks for. Empty fields: no limit.
struct HistoryQuery
{
    QStringList connections; // keys; empty: every connection
    QDateTime since;         // tasks last seen at or after it; transitions at or after it
    QDateTime until;         // tasks first seen at or before it; transitions at or before it
    QString taskId;          // one task (its transitions, its samples)
    bool goneOnly = false;   // tasks the server no longer lists
    // A prefilter in SQL, for a filter expression the caller evaluates afterwards (a superset of
    // what it matches, found by index): tasks whose last state is one of `states` (the API's
    // text), and whose app id or app name is one of `apps`. Empty: any.
    QStringList states;
    QStringList apps;
    int limit = -1;          // the newest `limit` (last first seen, or last transitions), still in time order
};

// Narrows `query` by what of `filter` SQL can test exactly: its top-level `state eq '...'` and
// `app eq '...'` clauses (alone, or an `or` of them). The tasks left are a superset of the ones the
// filter matches, found by index; the caller evaluates the filter on them (FilterPredicate).
void addHistoryPrefilter(HistoryQuery *query, const FilterExpr &filter);

// One poll's changes, taken from a ChangePlan in O(changes) (the forest is shared, not copied), for
// the store's thread to write in one transaction.
struct HistoryBatch
{
    QString connection;  // historyConnectionKey()
    QString label;       // historyConnectionLabel()
    QDateTime at;        // when the poll was received
    TaskForestPtr forest;         // the tasks after the poll (tasks with Task::goneAt set are shown
                                  // from history, not listed by the server: never written as seen)
    std::vector<int> written;     // slots of `forest`: listed tasks that are new or changed (JSON written)
    QStringList gone;             // ids of tasks listed before and not any more (each one, subtrees included)
    std::vector<StateChange> transitions; // of listed tasks; an `appeared` one is compared with the file
    NameTablePtr names;           // may be null: app and cluster names then come from the task's labels
    bool full = true;             // a full list: only then can a task be gone
    bool firstOfSession = false;  // the first poll since the store was opened for this connection:
                                  // every task is compared with what the file knew (a task the file
                                  // had as running and that is now completed gets that transition),
                                  // and tasks the file had as listed that this poll lacks are gone

    // `at` null: the time stamped on the plan's transitions, else now.
    static HistoryBatch fromPlan(const ChangePlan &plan, const QString &connection, const QString &label,
                                 NameTablePtr names, bool full, bool firstOfSession, const QDateTime &at = {});
};

// The SQL, on the thread that made it. Used directly by `taskscope history` (read-only) and by
// HistoryStore's thread.
class HistoryDatabase final
{
    Q_DECLARE_TR_FUNCTIONS(HistoryDatabase)
public:
    static constexpr int SchemaVersion = 1;

    enum class Mode { ReadWrite, ReadOnly };
    enum class OpenResult {
        Opened,
        OpenedReadOnly,   // a newer schema, or another process holds the file: nothing is written
        MovedAside,       // the file was corrupt or not a database: moved to <file>.corrupt-<time>, a new one made
        Failed,           // cannot open or create (message() says why)
    };

    HistoryDatabase();
    ~HistoryDatabase();
    HistoryDatabase(const HistoryDatabase &) = delete;
    HistoryDatabase &operator=(const HistoryDatabase &) = delete;

    // <AppDataLocation>/history.sqlite
    static QString defaultPath();

    // How long a write waits for another process's transaction before it gives up (5 s by
    // default); at open, a file still locked after it is opened read-only. Before open().
    void setBusyTimeout(int milliseconds);

    OpenResult open(const QString &path, Mode mode = Mode::ReadWrite);
    void close();
    bool isOpen() const;
    bool isReadOnly() const;
    QString path() const;
    // Why the last open or write failed, or what open() did (moved aside to where), in the user's language.
    QString message() const;
    QString movedAsidePath() const; // after MovedAside

    // One transaction. False (message() says why) when the write failed: nothing of it is kept.
    // `recorded` (may be null) receives the transitions really written, names filled in, but for
    // the sightings of the connection's first poll in the file (written, not news: every task
    // the server lists).
    bool record(const HistoryBatch &batch, QList<HistoryTransition> *recorded = nullptr);
    // Age in days, size in bytes; <= 0: no limit. Deletes the oldest gone tasks (with their
    // transitions and samples) until both hold. Returns the number of tasks deleted, -1 on error.
    qint64 enforceRetention(int maxAgeDays, qint64 maxBytes, const QDateTime &now = QDateTime::currentDateTimeUtc());

    QList<HistoryTask> tasks(const HistoryQuery &query) const;
    QList<HistoryTransition> transitions(const HistoryQuery &query) const; // in time order
    QList<HistorySample> samples(const HistoryQuery &query) const;         // in time order
    // How long the connection's completed tasks ran (startTime to endTime of their JSON), per task
    // name and app id (ProgressTracker's key): the newest `perKey` runs of each, reading at most
    // the newest `maxRows` completed tasks. Empty for an unknown connection.
    DurationTable durations(const QString &connection, int perKey = 200, int maxRows = 50'000) const;
    // Every connection recorded: key -> label.
    QList<std::pair<QString, QString>> connections() const;
    qint64 fileSize() const;
    // The last of tasks(), transitions() or samples() failed (it returned nothing): why, else empty.
    QString readError() const; // page_count * page_size (what retention compares with)
    // `PRAGMA integrity_check`: "ok", or what is wrong.
    QString integrityCheck() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// A HistoryDatabase on its own thread. Calls return at once; results come back as signals or
// callbacks on the caller's thread.
class HistoryStore final : public QObject
{
    Q_OBJECT
public:
    enum class Status {
        Off,        // not opened (--no-history, or not yet)
        Recording,
        ReadOnly,   // opened, nothing written (newer schema, another process): see message()
        Failed,     // open or a write failed (full disk, read-only folder): polling goes on
    };
    Q_ENUM(Status)

    explicit HistoryStore(QObject *parent = nullptr);
    ~HistoryStore() override; // writes what was queued, then closes

    void open(const QString &path);
    void close();
    // HistoryDatabase::setBusyTimeout() for the next open().
    void setBusyTimeout(int milliseconds);
    Status status() const { return m_status; }
    QString message() const { return m_message; }
    QString path() const { return m_path; }

    // Queued to the store's thread: one transaction.
    void record(HistoryBatch batch);
    // Retention, enforced on the store's thread at open and every hour.
    void setRetention(int maxAgeDays, qint64 maxBytes);

    // Read on the store's thread; `done` runs on `context`'s thread (not if it is gone).
    void queryTasks(const HistoryQuery &query, QObject *context, std::function<void(QList<HistoryTask>)> done);
    void queryTransitions(const HistoryQuery &query, QObject *context,
                          std::function<void(QList<HistoryTransition>)> done);
    // HistoryDatabase::durations() of a connection (historyConnectionKey()): once at connect, for ETAs.
    void queryDurations(const QString &connection, QObject *context, std::function<void(DurationTable)> done);

    // Blocks until everything queued so far is written (for `watch` at exit, and tests).
    void flush();
    // In the destructor: queries are no longer answered.
    bool isClosing() const { return m_closing; }

Q_SIGNALS:
    void statusChanged(Taskscope::HistoryStore::Status status, const QString &message);
    // A batch was committed (on the caller's thread): its transitions as recorded (as
    // HistoryDatabase::record() reports them: a connection's first sightings are not news).
    void recorded(const QList<Taskscope::HistoryTransition> &transitions);

private:
    class Worker;
    void setStatus(Status status, const QString &message);

    QThread *m_thread;
    Worker *m_worker;
    Status m_status = Status::Off;
    bool m_closing = false;
    QString m_message;
    QString m_path;
};

} // namespace Taskscope
