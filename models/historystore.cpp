// HistoryStore: the SQLite history (schema, migrations, one transaction per poll, queries) and its thread.
#include "historystore.h"

#include "backgroundpriority.h"
#include "connectionconfig.h"
#include "filterlanguage.h"
#include "logging.h"
#include "tasklistparser.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

#include <zlib.h>

#include <algorithm>
#include <array>
#include <atomic>

namespace Taskscope {

using namespace Qt::StringLiterals;

namespace {

// SQLite's primary result codes that the history tells apart (extended codes are masked).
enum SqliteCode : int {
    SqliteBusy = 5,
    SqliteLocked = 6,
    SqliteReadOnly = 8,
    SqliteIoError = 10,
    SqliteCorrupt = 11,
    SqliteFull = 13,
    SqliteCantOpen = 14,
    SqliteNotADatabase = 26,
};

int sqliteCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? code & 0xff : -1;
}

bool isBusy(const QSqlError &error)
{
    const int code = sqliteCode(error);
    return code == SqliteBusy || code == SqliteLocked;
}

bool isDamaged(const QSqlError &error)
{
    const int code = sqliteCode(error);
    return code == SqliteCorrupt || code == SqliteNotADatabase;
}

// A task that runs gets a progress sample at most this often (and one on every change of state).
constexpr qint64 kSampleIntervalMs = 60'000;
constexpr int kDefaultBusyTimeoutMs = 5'000;
constexpr char kFailed[] = "failed";

// Each entry brings a file from version i to version i + 1, in one transaction with its
// `PRAGMA user_version`. A new schema version is one more entry here (and SchemaVersion + 1).
// Times are integer milliseconds since 1970 (UTC); task JSON is packed (JsonPacker).
const std::array<QStringList, HistoryDatabase::SchemaVersion> kMigrations = {
    QStringList{
        u"CREATE TABLE connections ("
        "  id INTEGER PRIMARY KEY,"
        "  key TEXT NOT NULL UNIQUE,"
        "  label TEXT NOT NULL,"
        "  last_poll INTEGER)"_s,
        // last_seen is null while the task is listed: it is then the connection's last_poll (no
        // write per listed task per poll); it is written when the task goes.
        u"CREATE TABLE tasks ("
        "  id INTEGER PRIMARY KEY,"
        "  connection INTEGER NOT NULL REFERENCES connections(id),"
        "  task_id TEXT NOT NULL,"
        "  parent_id TEXT,"
        "  name TEXT,"
        "  summary TEXT,"
        "  app_id TEXT,"
        "  app_name TEXT,"
        "  cluster_id TEXT,"
        "  cluster_name TEXT,"
        "  state TEXT NOT NULL,"
        "  reason TEXT,"
        "  first_seen INTEGER NOT NULL,"
        "  last_seen INTEGER,"
        "  gone_at INTEGER,"
        "  last_change INTEGER,"
        "  json BLOB,"
        "  UNIQUE (connection, task_id))"_s,
        u"CREATE INDEX tasks_by_connection_time ON tasks(connection, first_seen)"_s,
        u"CREATE INDEX tasks_by_state_app ON tasks(state, app_id)"_s,
        u"CREATE INDEX tasks_by_app_name ON tasks(app_name)"_s,
        u"CREATE INDEX tasks_gone ON tasks(gone_at) WHERE gone_at IS NOT NULL"_s,
        u"CREATE TABLE transitions ("
        "  task INTEGER NOT NULL,"
        "  at INTEGER NOT NULL,"
        "  from_state TEXT,"
        "  to_state TEXT NOT NULL,"
        "  reason TEXT)"_s,
        u"CREATE INDEX transitions_by_task ON transitions(task, at)"_s,
        u"CREATE INDEX transitions_by_time ON transitions(at)"_s,
        u"CREATE TABLE samples ("
        "  task INTEGER NOT NULL,"
        "  at INTEGER NOT NULL,"
        "  state TEXT NOT NULL,"
        "  percent REAL,"
        "  PRIMARY KEY (task, at)) WITHOUT ROWID"_s,
    },
};

// A null QVariant binds SQL NULL (Qt 6 binds a typed "null" int as 0).
// A state as the file keeps it (NOT NULL): a task the parser kept without one has the empty text.
QString stateOrEmpty(const QString &text)
{
    return text.isNull() ? QString(u""_s) : text;
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

QDateTime timeOf(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

// The failure's reason as the history keeps it: the first stateDetail, "title: detail".
QString reasonOf(const Task &task)
{
    if (task.stateDetails.isEmpty())
        return {};
    const StateDetail &first = task.stateDetails.first();
    if (first.title.isEmpty() || first.detail.isEmpty())
        return first.title.isEmpty() ? first.detail : first.title;
    return first.title + u": "_s + first.detail;
}

// The task's JSON object: the server's bytes, or (for an array item of `include=`) the fields the
// history and the filters read, so that every row parses on its own.
QByteArray jsonObjectOf(const Task &task)
{
    const QByteArray &raw = task.rawJson;
    qsizetype i = 0;
    while (i < raw.size() && (raw.at(i) == ' ' || raw.at(i) == '\n' || raw.at(i) == '\t' || raw.at(i) == '\r'))
        ++i;
    if (i < raw.size() && raw.at(i) == '{')
        return raw;
    QJsonObject o;
    const auto put = [&o](const char *key, const QString &value) {
        if (!value.isEmpty())
            o.insert(QLatin1String(key), value);
    };
    const auto putTime = [&o](const char *key, const QDateTime &value) {
        if (value.isValid())
            o.insert(QLatin1String(key), value.toString(Qt::ISODateWithMs));
    };
    put("type", task.type);
    put("version", task.version);
    put("id", task.id);
    put("name", task.name);
    put("summary", task.summary);
    put("description", task.description);
    put("service", task.service);
    put("parentTaskID", task.parentTaskID);
    put("resourceID", task.resourceID);
    put("resourceURI", task.resourceURI.toString());
    if (!task.resourceCollectionURI.isEmpty())
        o.insert(u"resourceCollectionURI"_s, QJsonArray::fromStringList(task.resourceCollectionURI.toList()));
    put("state", task.stateText);
    if (task.percentDone)
        o.insert(u"percentDone"_s, *task.percentDone);
    if (task.orderHint)
        o.insert(u"orderHint"_s, *task.orderHint);
    putTime("startTime", task.startTime);
    putTime("endTime", task.endTime);
    putTime("cancelTime", task.cancelTime);
    if (!task.stateDetails.isEmpty()) {
        QJsonArray details;
        for (const StateDetail &detail : task.stateDetails)
            details.append(QJsonObject{{u"type"_s, detail.type}, {u"title"_s, detail.title}, {u"detail"_s, detail.detail}});
        o.insert(u"stateDetails"_s, details);
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// --- the JSON column ---------------------------------------------------------------------------
// A task's JSON is mostly the same keys, paths and words from task to task, and a row compresses
// alone: deflate with a preset dictionary of those finds them in it (660 bytes of zlib -> about 330
// for the demo's tasks, whose ids are random as real ones). The dictionary is part of the file
// format: never change it; a better one is a new codec byte.
// Blob: one codec byte, then the data. 0: stored as is; 1: raw deflate with kJsonDictionary1.
enum JsonCodec : char { JsonStored = 0, JsonDeflateDictionary1 = 1 };

// The API reference's task fields in their order, its states, the paths of its URIs and the
// task kinds the demo imitates, without ids; the most frequent last (deflate reaches it sooner).
constexpr char kJsonDictionary1[] =
    "notStarted pausing cancelling cancelled failed completed running paused"
    "\"additionalDetails\":{\"clusterID\":\"\",\"clusterName\":\"\",\"namespace\":\"\",\"appName\":\"\"}"
    "\"stateDetails\":[{\"type\":\"https://astra.netapp.io/problems/\",\"title\":\"\",\"detail\":\"\"}]"
    "\"cancelTime\":\"\",\"modifiedBy\":\"\",\"state\":\"notStarted\",\"state\":\"cancelled\",\"state\":\"failed\""
    "{\"type\":\"application/astra-task\",\"version\":\"1.1\",\"id\":\"\",\"name\":\"astra.snapshot\","
    "\"summary\":\"Snapshot\",\"description\":\"Task to take a snapshot of an application\",\"service\":\"nautilus\","
    "\"userID\":\"\",\"resourceID\":\"\",\"resourceURI\":\"/accounts//k8s/v1/apps//appSnaps/\","
    "\"resourceCollectionURI\":[\"/accounts//topology/v1/clouds//clusters//namespaces//apps//appSnaps/\"],"
    "\"state\":\"running\",\"stateTransitions\":[{\"from\":\"running\",\"to\":[\"paused\",\"cancelled\"]},"
    "{\"from\":\"paused\",\"to\":[\"running\",\"cancelled\"]}],\"stateDetails\":[],\"orderHint\":0,"
    "\"percentDone\":100,\"startTime\":\"2026-01-01T00:00:00.000000Z\",\"endTime\":\"2026-01-01T00:00:00.000000Z\","
    "\"metadata\":{\"labels\":[{\"name\":\"app\",\"value\":\"\"},{\"name\":\"schedule\",\"value\":\"hourly\"}],"
    "\"creationTimestamp\":\"2026-01-01T00:00:00.000000Z\",\"modificationTimestamp\":\"2026-01-01T00:00:00.000000Z\","
    "\"createdBy\":\"00000000-0000-0000-0000-000000000000\"}}"
    "{\"type\":\"application/astra-task\",\"version\":\"1.1\",\"id\":\"\",\"name\":\"astra.restore\","
    "\"summary\":\"Restore\",\"description\":\"Task to restore an application from a backup\",\"service\":\"nautilus\","
    "\"name\":\"astra.clone\",\"summary\":\"Clone\",\"description\":\"Task to clone an application\","
    "\"name\":\"astra.backup.prep\",\"summary\":\"Backup preparation\",\"description\":\"Task to prepare for the application backup\","
    "\"name\":\"astra.backup.snapshot\",\"summary\":\"Backup snapshot\",\"description\":\"Task to snapshot the application volumes\","
    "\"name\":\"astra.backup.copy\",\"summary\":\"Backup copy\",\"description\":\"Task to copy the snapshot to the bucket\","
    "{\"type\":\"application/astra-task\",\"version\":\"1.1\",\"id\":\"\",\"name\":\"astra.backup\","
    "\"summary\":\"Backup\",\"description\":\"Task to take a Backup for an application\",\"service\":\"nautilus\","
    "\"parentTaskID\":\"\",\"userID\":\"\",\"resourceID\":\"\",\"resourceURI\":\"/accounts//k8s/v1/apps//appBackups/\","
    "\"resourceCollectionURI\":[\"/accounts//topology/v1/clouds//clusters//namespaces//apps//appBackups/\"],"
    "\"state\":\"completed\",\"stateTransitions\":[{\"from\":\"running\",\"to\":[\"paused\",\"cancelled\"]},"
    "{\"from\":\"paused\",\"to\":[\"running\",\"cancelled\"]}],\"stateDetails\":[],\"orderHint\":0,"
    "\"percentDone\":100,\"startTime\":\"2026-01-01T00:00:00.000000Z\",\"endTime\":\"2026-01-01T00:00:00.000000Z\","
    "\"metadata\":{\"labels\":[{\"name\":\"app\",\"value\":\"\"},{\"name\":\"schedule\",\"value\":\"hourly\"}],"
    "\"creationTimestamp\":\"2026-01-01T00:00:00.000000Z\",\"modificationTimestamp\":\"2026-01-01T00:00:00.000000Z\","
    "\"createdBy\":\"00000000-0000-0000-0000-000000000000\"}}";

// One deflate state for every row a database writes (an init allocates some 300 KB: per row it
// cost more than the compression).
class JsonPacker
{
public:
    JsonPacker() { m_ok = deflateInit2(&m_stream, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) == Z_OK; }
    ~JsonPacker()
    {
        if (m_ok)
            deflateEnd(&m_stream);
    }
    JsonPacker(const JsonPacker &) = delete;
    JsonPacker &operator=(const JsonPacker &) = delete;

    QByteArray pack(const QByteArray &json)
    {
        if (m_ok && deflateReset(&m_stream) == Z_OK
            && deflateSetDictionary(&m_stream, reinterpret_cast<const Bytef *>(kJsonDictionary1),
                                    uInt(sizeof kJsonDictionary1 - 1)) == Z_OK) {
            QByteArray out(1 + qsizetype(deflateBound(&m_stream, uLong(json.size()))), Qt::Uninitialized);
            out[0] = JsonDeflateDictionary1;
            m_stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(json.constData()));
            m_stream.avail_in = uInt(json.size());
            m_stream.next_out = reinterpret_cast<Bytef *>(out.data() + 1);
            m_stream.avail_out = uInt(out.size() - 1);
            if (deflate(&m_stream, Z_FINISH) == Z_STREAM_END && qsizetype(m_stream.total_out) < json.size()) {
                out.resize(1 + qsizetype(m_stream.total_out));
                return out;
            }
        }
        return char(JsonStored) + json;
    }

private:
    z_stream m_stream{};
    bool m_ok = false;
};

class JsonUnpacker
{
public:
    JsonUnpacker() { m_ok = inflateInit2(&m_stream, -15) == Z_OK; }
    ~JsonUnpacker()
    {
        if (m_ok)
            inflateEnd(&m_stream);
    }
    JsonUnpacker(const JsonUnpacker &) = delete;
    JsonUnpacker &operator=(const JsonUnpacker &) = delete;

    // Empty for an empty blob, a codec this version does not know, or damaged data.
    QByteArray unpack(const QByteArray &blob)
    {
        if (blob.isEmpty())
            return {};
        if (blob.at(0) == JsonStored)
            return blob.mid(1);
        if (blob.at(0) != JsonDeflateDictionary1 || !m_ok || inflateReset(&m_stream) != Z_OK
            || inflateSetDictionary(&m_stream, reinterpret_cast<const Bytef *>(kJsonDictionary1),
                                    uInt(sizeof kJsonDictionary1 - 1)) != Z_OK)
            return {};
        QByteArray out(qMax<qsizetype>(4096, blob.size() * 8), Qt::Uninitialized);
        m_stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(blob.constData() + 1));
        m_stream.avail_in = uInt(blob.size() - 1);
        for (;;) {
            m_stream.next_out = reinterpret_cast<Bytef *>(out.data() + m_stream.total_out);
            m_stream.avail_out = uInt(out.size() - qsizetype(m_stream.total_out));
            const int result = inflate(&m_stream, Z_NO_FLUSH);
            if (result == Z_STREAM_END) {
                out.resize(qsizetype(m_stream.total_out));
                return out;
            }
            if (result != Z_OK && result != Z_BUF_ERROR)
                return {};
            if (m_stream.avail_out != 0)
                return {}; // no progress and input left: truncated
            out.resize(out.size() * 2);
        }
    }

private:
    z_stream m_stream{};
    bool m_ok = false;
};

QString newConnectionName()
{
    static std::atomic<quint64> counter{0};
    return u"taskscope-history-"_s + QString::number(++counter);
}

} // namespace

// --- keys ---------------------------------------------------------------------------------------

namespace {

// The URL as the key and the label see it: no credentials, query or fragment, no default port, no
// trailing slash.
QUrl plainUrl(const QUrl &baseUrl)
{
    QUrl url = baseUrl.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment
                                | QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
    url.setScheme(url.scheme().toLower());
    if ((url.scheme() == u"https" && url.port() == 443) || (url.scheme() == u"http" && url.port() == 80))
        url.setPort(-1);
    return url;
}

} // namespace

QString historyConnectionKey(const QUrl &baseUrl, const QString &accountId)
{
    const QByteArray text = plainUrl(baseUrl).toString(QUrl::FullyEncoded).toUtf8() + '\n' + accountId.trimmed().toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex().left(32));
}

QString historyConnectionKey(const ConnectionConfig &config)
{
    return historyConnectionKey(config.baseUrl, config.accountId);
}

QString historyConnectionLabel(const QUrl &baseUrl, const QString &accountId)
{
    const QUrl url = plainUrl(baseUrl);
    QString label = url.host();
    if (url.port() != -1)
        label += u':' + QString::number(url.port());
    if (const QString path = url.path(); !path.isEmpty() && path != u"/")
        label += path;
    return label + u" · "_s + accountId.trimmed();
}

// --- the batch ----------------------------------------------------------------------------------

HistoryBatch HistoryBatch::fromPlan(const ChangePlan &plan, const QString &connection, const QString &label,
                                    NameTablePtr names, bool full, bool firstOfSession, const QDateTime &at)
{
    HistoryBatch batch;
    batch.connection = connection;
    batch.label = label;
    batch.names = std::move(names);
    batch.full = full;
    batch.firstOfSession = firstOfSession;
    batch.forest = plan.forest ? plan.forest : TaskForest::empty();
    batch.at = at.isValid() ? at
             : !plan.transitions.empty() && plan.transitions.front().at.isValid() ? plan.transitions.front().at
                                                                                  : QDateTime::currentDateTimeUtc();
    const TaskForest &forest = *batch.forest;
    const TaskForest *previous = plan.previous.get();
    const auto isNew = [&plan](int slot) { return size_t(slot) >= plan.isNew.size() || plan.isNew[size_t(slot)]; };

    // New tasks: the subtrees of the inserts' tops (a survivor moved under a new task is not new,
    // and new tasks under it are inserts of their own).
    std::vector<int> stack;
    for (const ChangePlan::Insert &insert : plan.inserts)
        stack.insert(stack.end(), insert.tops.begin(), insert.tops.end());
    while (!stack.empty()) {
        const int slot = stack.back();
        stack.pop_back();
        if (!isNew(slot))
            continue;
        if (!forest.task(slot).isFromHistory())
            batch.written.push_back(slot);
        for (const int *child = forest.childrenBegin(slot); child != forest.childrenEnd(slot); ++child)
            stack.push_back(*child);
    }
    // Changed tasks: a new version, or one the server stopped listing (now shown from history).
    for (const ChangePlan::CellChange &change : plan.changed) {
        const Task &task = forest.task(change.slot);
        const int old = previous ? previous->slotOf(task.id) : -1;
        if (old >= 0 && previous->taskObject(old) == forest.taskObject(change.slot))
            continue; // only its marks or a subtask's problem changed
        if (task.isFromHistory()) {
            if (old >= 0 && !previous->task(old).isFromHistory())
                batch.gone.append(task.id);
            continue;
        }
        batch.written.push_back(change.slot);
    }
    std::sort(batch.written.begin(), batch.written.end());

    // Gone tasks: the removed subtrees, without the survivors that moved out of them (a gone task
    // under a survivor is a removal of its own).
    if (previous) {
        for (const int top : plan.removals) {
            stack.push_back(top);
            while (!stack.empty()) {
                const int slot = stack.back();
                stack.pop_back();
                const Task &task = previous->task(slot);
                if (forest.slotOf(task.id) >= 0)
                    continue;
                if (!task.isFromHistory())
                    batch.gone.append(task.id);
                for (const int *child = previous->childrenBegin(slot); child != previous->childrenEnd(slot); ++child)
                    stack.push_back(*child);
            }
        }
    }

    batch.transitions.reserve(plan.transitions.size());
    for (const StateChange &change : plan.transitions) {
        const int slot = forest.slotOf(change.taskId);
        if (slot >= 0 && !forest.task(slot).isFromHistory())
            batch.transitions.push_back(change);
    }
    return batch;
}

namespace {

// The texts `clause` compares `field` with for equality: `field eq 'a'`, or `field eq 'a' or field
// eq 'b'`. False for anything else.
bool equalities(const FilterExpr &clause, FilterField *field, QStringList *texts)
{
    if (clause.kind == FilterExpr::Kind::Comparison) {
        if (clause.op != FilterOp::Eq || clause.value.kind != FilterValue::Kind::Text)
            return false;
        *field = clause.field;
        texts->append(clause.value.text);
        return true;
    }
    if (clause.kind != FilterExpr::Kind::Or || clause.children.empty())
        return false;
    bool first = true;
    for (const FilterExpr &child : clause.children) {
        FilterField childField = FilterField::Name;
        if (child.kind != FilterExpr::Kind::Comparison || !equalities(child, &childField, texts)
            || (!first && childField != *field))
            return false;
        *field = childField;
        first = false;
    }
    return true;
}

void narrow(QStringList *list, const QStringList &texts)
{
    if (list->isEmpty()) {
        *list = texts;
        return;
    }
    QStringList both;
    for (const QString &text : texts) {
        if (list->contains(text))
            both.append(text);
    }
    // Nothing in common: the filter matches nothing, which it finds out itself on the tasks left.
    if (!both.isEmpty())
        *list = both;
}

} // namespace

void addHistoryPrefilter(HistoryQuery *query, const FilterExpr &filter)
{
    for (const FilterExpr &clause : filter.conjuncts()) {
        FilterField field = FilterField::Name;
        QStringList texts;
        if (!equalities(clause, &field, &texts))
            continue;
        if (field == FilterField::State) // the API's text, as the column keeps it (Task::stateText)
            narrow(&query->states, texts);
        else if (field == FilterField::App) // the id read from the URIs, as the column keeps it
            narrow(&query->apps, texts);
    }
}

QList<Task> tasksFromHistory(const QList<HistoryTask> &history, QList<ParseWarning> *warnings)
{
    QByteArray body = "{\"items\":[";
    qsizetype bytes = 0;
    for (const HistoryTask &task : history)
        bytes += qMax<qsizetype>(task.json.size(), 4) + 1;
    body.reserve(body.size() + bytes + 2 + TaskListParser::kPadding);
    bool first = true;
    for (const HistoryTask &task : history) {
        if (!first)
            body += ',';
        first = false;
        body += task.json.isEmpty() ? QByteArray("null") : task.json;
    }
    body += "]}";
    TaskListPage page;
    ParseError error;
    TaskListParser parser;
    parser.setBodyPadded(body.capacity() - body.size() >= TaskListParser::kPadding); // reserved above: read in place
    if (history.size() > 1000) // a whole history: as `taskscope export --input` reads a large list
        parser.setThreads(QThread::idealThreadCount());
    if (!parser.parse(body, &page, &error)) {
        if (warnings) {
            ParseWarning warning;
            warning.message = error.message;
            warning.skipped = true;
            warnings->append(warning);
        }
        return {};
    }
    QHash<QStringView, const HistoryTask *> byId;
    byId.reserve(history.size());
    for (const HistoryTask &task : history)
        byId.insert(task.id, &task);
    for (Task &task : page.tasks) {
        if (const HistoryTask *known = byId.value(task.id)) {
            task.firstSeen = known->firstSeen;
            task.lastTransition = known->lastChange;
            task.goneAt = known->goneAt;
        }
    }
    if (warnings)
        warnings->append(page.warnings);
    return page.tasks;
}

// --- the database -------------------------------------------------------------------------------

struct HistoryDatabase::Private
{
    Private()
        : connectionName(newConnectionName())
    {
    }

    // What the database knows of a connection: its row, and the progress last sampled of its tasks
    // that run (the thinning of samples, without a read per poll).
    struct Sample
    {
        qint64 at = -1;
        double percent = -2; // -1: the task had none
    };
    mutable QString readError; // of the last query (readRows)
    struct Connection
    {
        qint64 id = -1;
        QString label;
        qint64 lastPoll = 0;
        QHash<QString, Sample> samples;
    };

    QSqlDatabase db() const { return QSqlDatabase::database(connectionName, false); }
    bool connect(bool readOnly);
    void disconnect();
    // A statement prepared once and kept (SQLite keeps its plan) until close().
    QSqlQuery &prepared(std::unique_ptr<QSqlQuery> &query, const QString &sql);
    bool exec(QSqlQuery &query);
    bool exec(const QString &sql);
    QVariant value(const QString &sql); // the first column of the first row
    bool beginWrite() { return exec(u"BEGIN IMMEDIATE"_s); }

    OpenResult openReadWrite();
    OpenResult openReadOnly(const QString &why);
    OpenResult fail(const QString &message);
    bool moveAside(const QString &why);
    bool migrate(int from);

    Connection *connectionFor(const QString &key, const QString &label);
    bool write(const HistoryBatch &batch, QList<HistoryTransition> *recorded);
    bool markGone(const Connection &connection, const QString &taskId, qint64 at, qint64 lastSeen);
    qint64 deleteGone(const QString &condition, qint64 time);
    QString writeError(const QSqlError &error) const;
    QString prefilter(const HistoryQuery &query, QVariantList *values, bool timesOfTransitions) const;

    QString connectionName;
    JsonPacker packer;
    QString path;
    QString message;
    QString movedAside;
    bool open = false;
    bool readOnly = false;
    int busyTimeoutMs = kDefaultBusyTimeoutMs;
    QSqlError lastError;
    QHash<QString, Connection> connections;

    std::unique_ptr<QSqlQuery> findConnection, insertConnection, updateConnection, fileState, upsertTask,
        insertTransition, lastSample, insertSample, markGoneQuery, listedQuery;
};

bool HistoryDatabase::Private::connect(bool asReadOnly)
{
    disconnect();
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName);
    if (!db.isValid()) {
        lastError = db.lastError(); // "Driver not loaded": Qt's QSQLITE plugin is missing
        return false;
    }
    db.setDatabaseName(path);
    QString options = u"QSQLITE_BUSY_TIMEOUT="_s + QString::number(busyTimeoutMs);
    if (asReadOnly)
        options += u";QSQLITE_OPEN_READONLY"_s;
    db.setConnectOptions(options);
    if (!db.open()) {
        lastError = db.lastError();
        return false;
    }
    readOnly = asReadOnly;
    return true;
}

void HistoryDatabase::Private::disconnect()
{
    for (auto *query : {&findConnection, &insertConnection, &updateConnection, &fileState, &upsertTask,
                        &insertTransition, &lastSample, &insertSample, &markGoneQuery, &listedQuery})
        query->reset();
    connections.clear();
    if (QSqlDatabase::contains(connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(connectionName);
    }
    open = false;
}

QSqlQuery &HistoryDatabase::Private::prepared(std::unique_ptr<QSqlQuery> &query, const QString &sql)
{
    if (!query) {
        query = std::make_unique<QSqlQuery>(db());
        query->setForwardOnly(true);
        if (!query->prepare(sql))
            qCWarning(lcModels) << "history: cannot prepare" << sql << query->lastError().text();
    }
    return *query;
}

bool HistoryDatabase::Private::exec(QSqlQuery &query)
{
    if (query.exec())
        return true;
    lastError = query.lastError();
    return false;
}

bool HistoryDatabase::Private::exec(const QString &sql)
{
    QSqlQuery query(db());
    if (query.exec(sql))
        return true;
    lastError = query.lastError();
    return false;
}

QVariant HistoryDatabase::Private::value(const QString &sql)
{
    QSqlQuery query(db());
    query.setForwardOnly(true);
    if (!query.exec(sql)) {
        lastError = query.lastError();
        return {};
    }
    if (!query.next()) {
        lastError = query.lastError();
        return {};
    }
    return query.value(0);
}

HistoryDatabase::OpenResult HistoryDatabase::Private::fail(const QString &why)
{
    disconnect();
    message = why;
    qCWarning(lcModels).noquote() << "history:" << why;
    return OpenResult::Failed;
}

QString HistoryDatabase::Private::writeError(const QSqlError &error) const
{
    const QString file = QDir::toNativeSeparators(path);
    switch (sqliteCode(error)) {
    case SqliteFull:
        return HistoryDatabase::tr("The disk that holds the history file %1 is full: history is not recorded.").arg(file);
    case SqliteBusy:
    case SqliteLocked:
        return HistoryDatabase::tr("Another process is writing the history file %1: this poll was not recorded.").arg(file);
    case SqliteReadOnly:
        return HistoryDatabase::tr("The history file %1 is read-only: history is not recorded.").arg(file);
    case SqliteIoError: // also a write over the file size limit (EFBIG)
        return HistoryDatabase::tr("Cannot write the history file %1 (%2; is the disk full?): history is not recorded.")
            .arg(file, error.databaseText());
    case SqliteCorrupt:
    case SqliteNotADatabase:
        return HistoryDatabase::tr("The history file %1 is damaged (%2): history is not recorded.").arg(file, error.databaseText());
    default:
        return HistoryDatabase::tr("Cannot write the history file %1: %2").arg(file, error.text());
    }
}

bool HistoryDatabase::Private::moveAside(const QString &why)
{
    disconnect();
    const QString stamp = QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
    QString target = path + u".corrupt-"_s + stamp;
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = path + u".corrupt-"_s + stamp + u'-' + QString::number(n);
    if (!QFile::rename(path, target)) {
        message = HistoryDatabase::tr("The history file %1 is damaged (%2) and cannot be moved aside: history is not recorded.")
                      .arg(QDir::toNativeSeparators(path), why);
        return false;
    }
    // The journal belongs to the damaged file: a new file must not replay it.
    if (QFileInfo::exists(path + u"-wal"_s))
        QFile::rename(path + u"-wal"_s, target + u"-wal"_s);
    QFile::remove(path + u"-shm"_s);
    QFile::remove(path + u"-journal"_s);
    movedAside = target;
    message = HistoryDatabase::tr("The history file was damaged (%1): it was moved to %2 and a new one was started.")
                  .arg(why, QDir::toNativeSeparators(target));
    qCWarning(lcModels).noquote() << "history:" << message;
    return true;
}

bool HistoryDatabase::Private::migrate(int from)
{
    for (int version = from; version < SchemaVersion; ++version) {
        if (!beginWrite())
            return false;
        bool ok = true;
        for (const QString &statement : kMigrations[size_t(version)]) {
            if (!(ok = exec(statement)))
                break;
        }
        if (ok)
            ok = exec(u"PRAGMA user_version = "_s + QString::number(version + 1)) && exec(u"COMMIT"_s);
        if (!ok) {
            const QSqlError error = lastError;
            exec(u"ROLLBACK"_s);
            lastError = error;
            return false;
        }
        qCInfo(lcModels) << "history: schema of" << path << "now at version" << version + 1;
    }
    return true;
}

HistoryDatabase::OpenResult HistoryDatabase::Private::openReadOnly(const QString &why)
{
    if (!connect(true))
        return fail(HistoryDatabase::tr("Cannot open the history file %1: %2").arg(QDir::toNativeSeparators(path), lastError.text()));
    const QVariant version = value(u"PRAGMA user_version"_s);
    if (!version.isValid()) {
        if (isDamaged(lastError))
            return fail(HistoryDatabase::tr("The history file %1 is damaged or not a history file (%2).")
                            .arg(QDir::toNativeSeparators(path), lastError.databaseText()));
        return fail(HistoryDatabase::tr("Cannot read the history file %1: %2").arg(QDir::toNativeSeparators(path), lastError.text()));
    }
    if (version.toInt() == 0)
        return fail(HistoryDatabase::tr("The history file %1 holds no history yet.").arg(QDir::toNativeSeparators(path)));
    open = true;
    if (version.toInt() > SchemaVersion) {
        message = HistoryDatabase::tr("The history file %1 was written by a newer version of Taskscope (schema %2; this one knows %3): "
                     "it is shown read-only and nothing is recorded.")
                      .arg(QDir::toNativeSeparators(path))
                      .arg(version.toInt())
                      .arg(SchemaVersion);
    } else {
        message = why;
    }
    if (!message.isEmpty())
        qCInfo(lcModels).noquote() << "history:" << message;
    return OpenResult::OpenedReadOnly;
}

HistoryDatabase::OpenResult HistoryDatabase::Private::openReadWrite()
{
    const QString file = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    const QString folder = info.absolutePath();
    if (!QDir().mkpath(folder))
        return fail(HistoryDatabase::tr("Cannot create the folder %1 for the history file: history is not recorded.")
                        .arg(QDir::toNativeSeparators(folder)));
    if (!QFileInfo(folder).isWritable())
        return fail(HistoryDatabase::tr("The folder %1 is read-only: history is not recorded.").arg(QDir::toNativeSeparators(folder)));
    if (info.exists() && !info.isWritable())
        return fail(HistoryDatabase::tr("The history file %1 is read-only: history is not recorded.").arg(file));
    const QString lockedWhy =
        HistoryDatabase::tr("Another Taskscope process is writing the history file %1: it is shown read-only here and nothing is recorded.")
            .arg(file);

    bool damaged = false;
    QString damage;
    if (info.exists() && !info.isReadable()) {
        damaged = true;
        damage = HistoryDatabase::tr("it could not be read");
    } else {
        if (!connect(false))
            return fail(HistoryDatabase::tr("Cannot open the history file %1: %2").arg(file, lastError.text()));
        // quick_check reads every page (not the indexes against the tables): a file that is not a
        // database, or a damaged one, fails it.
        // The query is gone before the connection may be (read-only, moved aside).
        QSqlError error;
        QString result;
        bool checked = false;
        {
            QSqlQuery check(db());
            check.setForwardOnly(true);
            checked = check.exec(u"PRAGMA quick_check"_s);
            error = check.lastError();
            if (checked && check.next())
                result = check.value(0).toString();
        }
        if (!checked) {
            if (isBusy(error))
                return openReadOnly(lockedWhy);
            if (!isDamaged(error))
                return fail(HistoryDatabase::tr("Cannot read the history file %1: %2").arg(file, error.text()));
            damaged = true;
            damage = error.databaseText();
        } else if (result != u"ok") {
            damaged = true;
            // The first problem is enough for a message ("Page 42 is never used", ...).
            QStringList problems = result.split(u'\n', Qt::SkipEmptyParts);
            problems.removeIf([](const QString &line) { return line.startsWith(u"***"); });
            damage = problems.value(0);
        }
    }
    if (damaged) {
        if (!moveAside(damage))
            return fail(message);
        if (!connect(false))
            return fail(HistoryDatabase::tr("Cannot open the history file %1: %2").arg(file, lastError.text()));
    }

    const QVariant version = value(u"PRAGMA user_version"_s);
    if (!version.isValid())
        return fail(HistoryDatabase::tr("Cannot read the history file %1: %2").arg(file, lastError.text()));
    if (version.toInt() > SchemaVersion) {
        disconnect();
        return openReadOnly({});
    }
    if (version.toInt() == 0 && value(u"PRAGMA page_count"_s).toLongLong() == 0) {
        // Only an empty file takes it: deleted tasks give their pages back (PRAGMA incremental_vacuum).
        exec(u"PRAGMA auto_vacuum = INCREMENTAL"_s);
    }
    const QVariant journal = value(u"PRAGMA journal_mode = WAL"_s);
    if (!journal.isValid()) {
        if (isBusy(lastError)) {
            disconnect();
            return openReadOnly(lockedWhy);
        }
        return fail(writeError(lastError));
    }
    if (journal.toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0)
        qCWarning(lcModels) << "history: journal mode is" << journal.toString() << "not WAL";
    // In WAL mode NORMAL loses no committed transaction when the process dies (only a power cut can
    // take the last ones back), and a commit costs no fsync.
    exec(u"PRAGMA synchronous = NORMAL"_s);

    if (version.toInt() < SchemaVersion) {
        if (!migrate(version.toInt())) {
            if (isBusy(lastError)) {
                disconnect();
                return openReadOnly(lockedWhy);
            }
            if (version.toInt() == 0)
                return fail(writeError(lastError));
            return fail(HistoryDatabase::tr("Cannot update the history file %1 to this version of Taskscope (%2): history is not recorded.")
                            .arg(file, lastError.databaseText()));
        }
    } else {
        // Can this process write? Another one may hold the file for longer than the busy timeout.
        if (!beginWrite() || !exec(u"COMMIT"_s)) {
            const QSqlError error = lastError;
            exec(u"ROLLBACK"_s);
            if (isBusy(error)) {
                disconnect();
                return openReadOnly(lockedWhy);
            }
            return fail(writeError(error));
        }
    }
    open = true;
    return damaged ? OpenResult::MovedAside : OpenResult::Opened;
}

HistoryDatabase::HistoryDatabase()
    : d(std::make_unique<Private>())
{
}

HistoryDatabase::~HistoryDatabase()
{
    close();
}

QString HistoryDatabase::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/history.sqlite"_s;
}

void HistoryDatabase::setBusyTimeout(int milliseconds)
{
    d->busyTimeoutMs = qMax(0, milliseconds);
}

HistoryDatabase::OpenResult HistoryDatabase::open(const QString &path, Mode mode)
{
    close();
    d->path = path;
    d->message.clear();
    d->movedAside.clear();
    d->lastError = {};
    if (path.isEmpty())
        return d->fail(HistoryDatabase::tr("No history file was given."));
    const QFileInfo info(path);
    if (info.exists() && !info.isFile())
        return d->fail(HistoryDatabase::tr("The history file %1 is not a file.").arg(QDir::toNativeSeparators(path)));
    if (mode == Mode::ReadOnly) {
        if (!info.exists())
            return d->fail(HistoryDatabase::tr("There is no history file %1.").arg(QDir::toNativeSeparators(path)));
        const OpenResult result = d->openReadOnly({});
        return result == OpenResult::OpenedReadOnly && d->message.isEmpty() ? OpenResult::Opened : result;
    }
    return d->openReadWrite();
}

void HistoryDatabase::close()
{
    if (d)
        d->disconnect();
}

bool HistoryDatabase::isOpen() const
{
    return d->open;
}

bool HistoryDatabase::isReadOnly() const
{
    return d->open && d->readOnly;
}

QString HistoryDatabase::path() const
{
    return d->path;
}

QString HistoryDatabase::message() const
{
    return d->message;
}

QString HistoryDatabase::movedAsidePath() const
{
    return d->movedAside;
}

// --- writing ------------------------------------------------------------------------------------

HistoryDatabase::Private::Connection *HistoryDatabase::Private::connectionFor(const QString &key, const QString &label)
{
    auto it = connections.find(key);
    if (it == connections.end()) {
        QSqlQuery &find = prepared(findConnection, u"SELECT id, label, last_poll FROM connections WHERE key = ?"_s);
        find.bindValue(0, key);
        if (!exec(find))
            return nullptr;
        Connection connection;
        if (find.next()) {
            connection.id = find.value(0).toLongLong();
            connection.label = find.value(1).toString();
            connection.lastPoll = find.value(2).toLongLong();
            find.finish();
        } else {
            find.finish();
            QSqlQuery &insert = prepared(insertConnection, u"INSERT INTO connections (key, label) VALUES (?, ?)"_s);
            insert.bindValue(0, key);
            insert.bindValue(1, label);
            if (!exec(insert))
                return nullptr;
            connection.id = insert.lastInsertId().toLongLong();
            connection.label = label;
        }
        it = connections.insert(key, connection);
    }
    return &*it;
}

bool HistoryDatabase::Private::markGone(const Connection &connection, const QString &taskId, qint64 at, qint64 lastSeen)
{
    QSqlQuery &query = prepared(markGoneQuery, u"UPDATE tasks SET gone_at = ?, last_seen = ? "
                                               "WHERE connection = ? AND task_id = ? AND gone_at IS NULL"_s);
    query.bindValue(0, at);
    query.bindValue(1, lastSeen);
    query.bindValue(2, connection.id);
    query.bindValue(3, taskId);
    return exec(query);
}

bool HistoryDatabase::Private::write(const HistoryBatch &batch, QList<HistoryTransition> *recorded)
{
    Connection *connection = connectionFor(batch.connection, batch.label);
    if (!connection)
        return false;
    const TaskForestPtr forestPtr = batch.forest ? batch.forest : TaskForest::empty();
    const TaskForest &forest = *forestPtr;
    const qint64 at = (batch.at.isValid() ? batch.at : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch();
    // The last poll before this one is the last that listed the tasks this one lacks.
    const qint64 previousPoll = connection->lastPoll > 0 ? connection->lastPoll : at;
    // The connection's very first poll in this file lists every task: its sightings are written
    // but are not news. (A later session's first poll reports the tasks that came meanwhile.)
    const bool sightingsAreNews = !(batch.firstOfSession && connection->lastPoll <= 0);

    // A task that appeared in the plan is compared with what the file has of it.
    QSet<QString> appeared;
    for (const StateChange &change : batch.transitions) {
        if (change.appeared)
            appeared.insert(change.taskId);
    }

    struct Written
    {
        int slot = -1;
        bool inFile = false;  // the file had the task before this batch
        QString fileState;    // its state there
        bool transition = false;
        QString appName;
    };
    QHash<QString, Written> written;
    written.reserve(qsizetype(batch.written.size()));
    const QString upsertSql = u"INSERT INTO tasks (connection, task_id, parent_id, name, summary, app_id, app_name,"
                              " cluster_id, cluster_name, state, reason, first_seen, last_change, json)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                              " ON CONFLICT (connection, task_id) DO UPDATE SET"
                              "  parent_id = excluded.parent_id, name = excluded.name, summary = excluded.summary,"
                              "  app_id = excluded.app_id, app_name = excluded.app_name,"
                              "  cluster_id = excluded.cluster_id, cluster_name = excluded.cluster_name,"
                              "  last_change = CASE WHEN state IS excluded.state THEN last_change ELSE excluded.last_change END,"
                              "  state = excluded.state, reason = excluded.reason, last_seen = NULL, gone_at = NULL,"
                              "  json = excluded.json"_s;
    for (const int slot : batch.written) {
        if (slot < 0 || slot >= forest.size())
            continue;
        const Task &task = forest.task(slot);
        if (task.isFromHistory() || task.id.isEmpty())
            continue;
        Written entry;
        entry.slot = slot;
        if (appeared.contains(task.id)) {
            QSqlQuery &state = prepared(fileState, u"SELECT state FROM tasks WHERE connection = ? AND task_id = ?"_s);
            state.bindValue(0, connection->id);
            state.bindValue(1, task.id);
            if (!exec(state))
                return false;
            if ((entry.inFile = state.next()))
                entry.fileState = state.value(0).toString();
            state.finish();
        }
        // One URI read per kind the history keeps (TaskPlace::of(task, table) reads four).
        const TaskPlace app = TaskPlace::of(task, NameKind::App, batch.names.get());
        const TaskPlace cluster = TaskPlace::of(task, NameKind::Cluster, batch.names.get());
        entry.appName = app.name(NameKind::App);
        QSqlQuery &upsert = prepared(upsertTask, upsertSql);
        upsert.bindValue(0, connection->id);
        upsert.bindValue(1, task.id);
        upsert.bindValue(2, task.parentTaskID);
        upsert.bindValue(3, task.name);
        upsert.bindValue(4, task.summary);
        upsert.bindValue(5, app.id(NameKind::App));
        upsert.bindValue(6, entry.appName);
        upsert.bindValue(7, cluster.id(NameKind::Cluster));
        upsert.bindValue(8, cluster.name(NameKind::Cluster));
        upsert.bindValue(9, stateOrEmpty(task.stateText));
        upsert.bindValue(10, reasonOf(task));
        upsert.bindValue(11, at);
        upsert.bindValue(12, at);
        upsert.bindValue(13, packer.pack(jsonObjectOf(task)));
        if (!exec(upsert))
            return false;
        written.insert(task.id, std::move(entry));
    }

    for (const StateChange &change : batch.transitions) {
        const auto it = written.find(change.taskId);
        if (it == written.end())
            continue; // not written: a task the batch does not list
        QString from = change.fromText;
        if (change.appeared) {
            if (it->inFile && it->fileState == change.toText)
                continue; // the file knew it in this state already
            from = it->inFile ? it->fileState : QString();
        }
        const Task &task = forest.task(it->slot);
        const qint64 when = change.at.isValid() ? change.at.toMSecsSinceEpoch() : at;
        const QString reason = change.toText == QLatin1String(kFailed) ? reasonOf(task) : QString();
        // The task's row by its key, in SQL: a statement with a result costs Qt more than the lookup.
        QSqlQuery &insert = prepared(insertTransition, u"INSERT INTO transitions (task, at, from_state, to_state, reason)"
                                                       " SELECT id, ?, ?, ?, ? FROM tasks WHERE connection = ? AND task_id = ?"_s);
        insert.bindValue(0, when);
        insert.bindValue(1, textOrNull(from));
        insert.bindValue(2, stateOrEmpty(change.toText));
        insert.bindValue(3, textOrNull(reason));
        insert.bindValue(4, connection->id);
        insert.bindValue(5, change.taskId);
        if (!exec(insert))
            return false;
        it->transition = true;
        if (recorded && (sightingsAreNews || !from.isEmpty())) {
            recorded->append({batch.connection, task.id, task.name, task.summary, it->appName, from,
                              change.toText, QDateTime::fromMSecsSinceEpoch(when, Qt::UTC), reason});
        }
    }

    // Samples: one on every change of state; while a task runs, one when its progress moved and
    // the last is a minute old.
    for (auto it = written.cbegin(); it != written.cend(); ++it) {
        const Task &task = forest.task(it->slot);
        const double percent = task.percentDone.value_or(-1);
        auto cached = connection->samples.find(it.key());
        bool sample = it->transition;
        if (!sample && task.state == TaskState::Running && (cached == connection->samples.end() || cached->percent != percent)) {
            if (cached == connection->samples.end()) {
                // Not sampled in this session: the file's last sample of it, if any.
                QSqlQuery &last = prepared(lastSample, u"SELECT at, percent FROM samples WHERE task ="
                                                       " (SELECT id FROM tasks WHERE connection = ? AND task_id = ?)"
                                                       " ORDER BY at DESC LIMIT 1"_s);
                last.bindValue(0, connection->id);
                last.bindValue(1, it.key());
                if (!exec(last))
                    return false;
                Sample known;
                if (last.next())
                    known = {last.value(0).toLongLong(), last.value(1).isNull() ? -1 : last.value(1).toDouble()};
                last.finish();
                cached = connection->samples.insert(it.key(), known);
            }
            sample = cached->percent != percent && at - cached->at >= kSampleIntervalMs;
        }
        if (sample) {
            QSqlQuery &insert = prepared(insertSample, u"INSERT OR REPLACE INTO samples (task, at, state, percent)"
                                                       " SELECT id, ?, ?, ? FROM tasks WHERE connection = ? AND task_id = ?"_s);
            insert.bindValue(0, at);
            insert.bindValue(1, stateOrEmpty(task.stateText));
            insert.bindValue(2, percent < 0 ? QVariant() : QVariant(percent));
            insert.bindValue(3, connection->id);
            insert.bindValue(4, it.key());
            if (!exec(insert))
                return false;
        }
        // Only tasks that run need their last sample remembered.
        if (task.state == TaskState::Running) {
            if (sample)
                connection->samples.insert(it.key(), {at, percent});
        } else if (cached != connection->samples.end()) {
            connection->samples.erase(cached);
        }
    }

    if (batch.full) {
        for (const QString &id : batch.gone) {
            if (forest.slotOf(id) >= 0 && !forest.task(forest.slotOf(id)).isFromHistory())
                continue; // listed again
            if (!markGone(*connection, id, at, previousPoll))
                return false;
            connection->samples.remove(id);
        }
        if (batch.firstOfSession) {
            // What the file had as listed and this first full poll lacks went while nobody looked.
            QSqlQuery &listed = prepared(listedQuery, u"SELECT task_id FROM tasks WHERE connection = ? AND gone_at IS NULL"_s);
            listed.bindValue(0, connection->id);
            if (!exec(listed))
                return false;
            QStringList missing;
            while (listed.next()) {
                const QString id = listed.value(0).toString();
                const int slot = forest.slotOf(id);
                if (slot < 0 || forest.task(slot).isFromHistory())
                    missing.append(id);
            }
            listed.finish();
            for (const QString &id : std::as_const(missing)) {
                if (!markGone(*connection, id, at, previousPoll))
                    return false;
                connection->samples.remove(id);
            }
        }
    }

    QSqlQuery &update = prepared(updateConnection, u"UPDATE connections SET last_poll = ?, label = ? WHERE id = ?"_s);
    update.bindValue(0, at);
    update.bindValue(1, batch.label.isEmpty() ? connection->label : batch.label);
    update.bindValue(2, connection->id);
    if (!exec(update))
        return false;
    connection->lastPoll = at;
    if (!batch.label.isEmpty())
        connection->label = batch.label;
    return true;
}

bool HistoryDatabase::record(const HistoryBatch &batch, QList<HistoryTransition> *recorded)
{
    if (recorded)
        recorded->clear();
    if (!d->open) {
        d->message = HistoryDatabase::tr("The history file is not open: nothing is recorded.");
        return false;
    }
    if (d->readOnly) {
        d->message = HistoryDatabase::tr("The history file %1 is open read-only: nothing is recorded.").arg(QDir::toNativeSeparators(d->path));
        return false;
    }
    bool ok = d->beginWrite() && d->write(batch, recorded) && d->exec(u"COMMIT"_s);
    if (!ok) {
        const QSqlError error = d->lastError;
        d->exec(u"ROLLBACK"_s);
        d->lastError = error;
        // What the caches say may not be in the file: they are read again.
        d->connections.clear();
        if (recorded)
            recorded->clear();
        d->message = d->writeError(error);
        qCWarning(lcModels).noquote() << "history:" << d->message;
        return false;
    }
    return true;
}

qint64 HistoryDatabase::Private::deleteGone(const QString &condition, qint64 time)
{
    const QString tasksOf = u"SELECT id FROM tasks WHERE gone_at IS NOT NULL AND gone_at "_s + condition + u" ?"_s;
    for (const QString &table : {u"transitions"_s, u"samples"_s}) {
        QSqlQuery query(db());
        query.prepare(u"DELETE FROM "_s + table + u" WHERE task IN ("_s + tasksOf + u')');
        query.bindValue(0, time);
        if (!exec(query))
            return -1;
    }
    QSqlQuery query(db());
    query.prepare(u"DELETE FROM tasks WHERE gone_at IS NOT NULL AND gone_at "_s + condition + u" ?"_s);
    query.bindValue(0, time);
    if (!exec(query))
        return -1;
    return query.numRowsAffected();
}

qint64 HistoryDatabase::enforceRetention(int maxAgeDays, qint64 maxBytes, const QDateTime &now)
{
    if (!d->open || d->readOnly)
        return d->open ? 0 : -1;
    qint64 deleted = 0;
    const auto inTransaction = [this](const std::function<qint64()> &work) -> qint64 {
        if (!d->beginWrite())
            return -1;
        const qint64 n = work();
        if (n < 0 || !d->exec(u"COMMIT"_s)) {
            const QSqlError error = d->lastError;
            d->exec(u"ROLLBACK"_s);
            d->lastError = error;
            d->message = d->writeError(error);
            return -1;
        }
        return n;
    };
    if (maxAgeDays > 0) {
        const qint64 cut = now.addDays(-maxAgeDays).toMSecsSinceEpoch();
        const qint64 n = inTransaction([&] { return d->deleteGone(u"<"_s, cut); });
        if (n < 0)
            return -1;
        deleted += n;
    }
    if (maxBytes > 0) {
        // The oldest gone tasks go, as many as the excess needs at the file's mean bytes per task.
        for (int round = 0; round < 64; ++round) {
            const qint64 pageSize = d->value(u"PRAGMA page_size"_s).toLongLong();
            const qint64 used = (d->value(u"PRAGMA page_count"_s).toLongLong() - d->value(u"PRAGMA freelist_count"_s).toLongLong()) * pageSize;
            if (used <= maxBytes)
                break;
            const qint64 gone = d->value(u"SELECT count(*) FROM tasks WHERE gone_at IS NOT NULL"_s).toLongLong();
            const qint64 all = d->value(u"SELECT count(*) FROM tasks"_s).toLongLong();
            if (gone <= 0 || all <= 0)
                break; // only listed tasks are left: they stay
            const qint64 perTask = qMax<qint64>(1, used / all);
            const qint64 count = qBound<qint64>(1, (used - maxBytes) / perTask + 1, gone);
            const QVariant cut = d->value(u"SELECT gone_at FROM tasks WHERE gone_at IS NOT NULL ORDER BY gone_at LIMIT 1 OFFSET "_s
                                          + QString::number(count - 1));
            if (!cut.isValid())
                return -1;
            const qint64 n = inTransaction([&] { return d->deleteGone(u"<="_s, cut.toLongLong()); });
            if (n < 0)
                return -1;
            deleted += n;
        }
    }
    if (deleted > 0) {
        qCInfo(lcModels) << "history: retention deleted" << deleted << "gone tasks";
        // Give the freed pages back to the file system (auto_vacuum = INCREMENTAL). Each step of
        // the pragma frees one page, and Qt steps a statement without rows once: one exec a page.
        const qint64 pages = d->value(u"PRAGMA freelist_count"_s).toLongLong();
        const qint64 freed = inTransaction([&]() -> qint64 {
            QSqlQuery vacuum(d->db());
            if (!vacuum.prepare(u"PRAGMA incremental_vacuum"_s))
                return -1;
            for (qint64 page = 0; page < pages; ++page) {
                if (!d->exec(vacuum))
                    return -1;
            }
            return pages;
        });
        if (freed < 0)
            qCWarning(lcModels) << "history: incremental vacuum failed:" << d->lastError.text();
        // Fold the journal into the file, so that it shrinks now (never waits for readers).
        d->value(u"PRAGMA wal_checkpoint(PASSIVE)"_s);
    }
    return deleted;
}

// --- reading ------------------------------------------------------------------------------------

QString HistoryDatabase::Private::prefilter(const HistoryQuery &query, QVariantList *values, bool timesOfTransitions) const
{
    QStringList where;
    const auto list = [values](const QStringList &items) {
        QStringList marks;
        for (const QString &item : items) {
            marks.append(u"?"_s);
            values->append(item);
        }
        return marks.join(u", ");
    };
    if (!query.connections.isEmpty())
        where.append(u"c.key IN ("_s + list(query.connections) + u')');
    if (query.since.isValid()) {
        where.append(timesOfTransitions ? u"tr.at >= ?"_s : u"COALESCE(t.last_seen, c.last_poll) >= ?"_s);
        values->append(query.since.toMSecsSinceEpoch());
    }
    if (query.until.isValid()) {
        where.append(timesOfTransitions ? u"tr.at <= ?"_s : u"t.first_seen <= ?"_s);
        values->append(query.until.toMSecsSinceEpoch());
    }
    if (!query.taskId.isEmpty()) {
        where.append(u"t.task_id = ?"_s);
        values->append(query.taskId);
    }
    if (query.goneOnly)
        where.append(u"t.gone_at IS NOT NULL"_s);
    // An absent text is NULL in the file: an empty value asks for it too.
    const auto hasEmpty = [](const QStringList &texts) {
        return std::any_of(texts.cbegin(), texts.cend(), [](const QString &text) { return text.isEmpty(); });
    };
    if (!query.states.isEmpty())
        where.append(u"(t.state IN ("_s + list(query.states) + (hasEmpty(query.states) ? u") OR t.state IS NULL)"_s : u"))"_s));
    if (!query.apps.isEmpty()) {
        const QString ids = list(query.apps);
        where.append(u"(t.app_id IN ("_s + ids + u") OR t.app_name IN ("_s + list(query.apps) + u')'
                     + (hasEmpty(query.apps) ? u" OR t.app_id IS NULL OR t.app_name IS NULL)"_s : u")"_s));
    }
    return where.isEmpty() ? QString() : u" WHERE "_s + where.join(u" AND "_s);
}

namespace {

template <typename T, typename Read>
QList<T> readRows(const QSqlDatabase &db, const QString &sql, const QVariantList &values, bool newestFirst, Read read,
                  QString *error)
{
    QList<T> rows;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    error->clear();
    if (!query.prepare(sql)) {
        *error = query.lastError().text();
        qCWarning(lcModels) << "history: cannot prepare" << sql << *error;
        return {};
    }
    for (qsizetype i = 0; i < values.size(); ++i)
        query.bindValue(int(i), values.at(i));
    if (!query.exec()) {
        *error = query.lastError().text();
        qCWarning(lcModels) << "history: query failed:" << *error;
        return {};
    }
    while (query.next())
        rows.append(read(query));
    if (query.lastError().isValid()) { // a damaged page or an I/O error in the middle: not a short answer
        *error = query.lastError().text();
        qCWarning(lcModels) << "history: query failed:" << *error;
        return {};
    }
    if (newestFirst)
        std::reverse(rows.begin(), rows.end());
    return rows;
}

QString orderAndLimit(const QString &columns, int limit)
{
    if (limit < 0)
        return u" ORDER BY "_s + columns;
    QString descending = columns;
    descending.replace(u","_s, u" DESC,"_s);
    return u" ORDER BY "_s + descending + u" DESC LIMIT "_s + QString::number(limit);
}

} // namespace

QList<HistoryTask> HistoryDatabase::tasks(const HistoryQuery &query) const
{
    if (!d->open)
        return {};
    QVariantList values;
    const QString sql = u"SELECT c.key, t.task_id, t.parent_id, t.name, t.summary, t.app_id, t.app_name, t.cluster_id,"
                        " t.cluster_name, t.state, t.reason, t.first_seen, COALESCE(t.last_seen, c.last_poll), t.gone_at,"
                        " t.last_change, t.json FROM tasks t JOIN connections c ON c.id = t.connection"_s
        + d->prefilter(query, &values, false) + orderAndLimit(u"t.first_seen, t.id"_s, query.limit);
    JsonUnpacker unpacker;
    return readRows<HistoryTask>(d->db(), sql, values, query.limit >= 0, [&unpacker](const QSqlQuery &q) {
        HistoryTask task;
        task.connection = q.value(0).toString();
        task.id = q.value(1).toString();
        task.parentId = q.value(2).toString();
        task.name = q.value(3).toString();
        task.summary = q.value(4).toString();
        task.appId = q.value(5).toString();
        task.appName = q.value(6).toString();
        task.clusterId = q.value(7).toString();
        task.clusterName = q.value(8).toString();
        task.state = q.value(9).toString();
        task.reason = q.value(10).toString();
        task.firstSeen = timeOf(q.value(11));
        task.lastSeen = timeOf(q.value(12));
        task.goneAt = timeOf(q.value(13));
        task.lastChange = timeOf(q.value(14));
        task.json = unpacker.unpack(q.value(15).toByteArray());
        return task;
    }, &d->readError);
}

QList<HistoryTransition> HistoryDatabase::transitions(const HistoryQuery &query) const
{
    if (!d->open)
        return {};
    QVariantList values;
    const QString sql = u"SELECT c.key, t.task_id, t.name, t.summary, t.app_name, tr.from_state, tr.to_state, tr.at, tr.reason"
                        " FROM transitions tr JOIN tasks t ON t.id = tr.task JOIN connections c ON c.id = t.connection"_s
        + d->prefilter(query, &values, true) + orderAndLimit(u"tr.at, tr.rowid"_s, query.limit);
    return readRows<HistoryTransition>(d->db(), sql, values, query.limit >= 0, [](const QSqlQuery &q) {
        HistoryTransition transition;
        transition.connection = q.value(0).toString();
        transition.taskId = q.value(1).toString();
        transition.taskName = q.value(2).toString();
        transition.taskSummary = q.value(3).toString();
        transition.appName = q.value(4).toString();
        transition.from = q.value(5).toString();
        transition.to = q.value(6).toString();
        transition.at = timeOf(q.value(7));
        transition.reason = q.value(8).toString();
        return transition;
    }, &d->readError);
}

QList<HistorySample> HistoryDatabase::samples(const HistoryQuery &query) const
{
    if (!d->open)
        return {};
    QVariantList values;
    const QString sql = u"SELECT t.task_id, tr.at, tr.state, tr.percent"
                        " FROM samples tr JOIN tasks t ON t.id = tr.task JOIN connections c ON c.id = t.connection"_s
        + d->prefilter(query, &values, true) + orderAndLimit(u"tr.at, t.id"_s, query.limit);
    return readRows<HistorySample>(d->db(), sql, values, query.limit >= 0, [](const QSqlQuery &q) {
        HistorySample sample;
        sample.taskId = q.value(0).toString();
        sample.at = timeOf(q.value(1));
        sample.state = q.value(2).toString();
        sample.percentDone = q.value(3).isNull() ? -1 : q.value(3).toDouble();
        return sample;
    }, &d->readError);
}

DurationTable HistoryDatabase::durations(const QString &connection, int perKey, int maxRows) const
{
    DurationTable table;
    if (!d->open || connection.isEmpty() || perKey <= 0)
        return table;
    // First the rows to read, newest first, from the small columns: each key keeps its newest
    // runs. Completed only: a failed or cancelled run says nothing of how long a good one takes.
    // (Sorting with the JSON in the rows cost seconds for 50,000 tasks.)
    struct Kind
    {
        qint64 row;
        QString name;
        QString app;
    };
    const QString sql = u"SELECT t.id, t.name, t.app_id FROM tasks t JOIN connections c ON c.id = t.connection"
                        " WHERE c.key = ? AND t.state = ? AND t.json IS NOT NULL"
                        " ORDER BY COALESCE(t.last_change, t.first_seen) DESC, t.id DESC LIMIT ?"_s;
    const QList<Kind> kinds = readRows<Kind>(d->db(), sql, {connection, u"completed"_s, qMax(0, maxRows)}, false,
                                             [](const QSqlQuery &q) {
        return Kind{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()};
    }, &d->readError);
    QHash<std::pair<QString, QString>, int> perKind;
    std::vector<qint64> rows; // newest first
    for (const Kind &kind : kinds) {
        int &count = perKind[{kind.name, kind.app}];
        if (count++ < perKey)
            rows.push_back(kind.row);
    }
    // Then their JSON, a slice at a time, parsed together (the runs keep their newest-first order).
    constexpr size_t kSlice = 500;
    JsonUnpacker unpacker;
    for (size_t start = 0; start < rows.size(); start += kSlice) {
        const size_t end = std::min(rows.size(), start + kSlice);
        QVariantList ids;
        QStringList marks;
        for (size_t i = start; i < end; ++i) {
            ids.append(rows[i]);
            marks.append(u"?"_s);
        }
        struct JsonRow
        {
            qint64 row;
            HistoryTask task;
        };
        const QList<JsonRow> slice = readRows<JsonRow>(
            d->db(), u"SELECT id, task_id, json FROM tasks WHERE id IN ("_s + marks.join(u',') + u')', ids, false,
            [&unpacker](const QSqlQuery &q) {
                JsonRow row{q.value(0).toLongLong(), {}};
                row.task.id = q.value(1).toString();
                row.task.json = unpacker.unpack(q.value(2).toByteArray());
                return row;
            }, &d->readError);
        QList<HistoryTask> history;
        QHash<QString, qint64> rowOf;
        for (const JsonRow &row : slice) {
            history.append(row.task);
            rowOf.insert(row.task.id, row.row);
        }
        const QList<Task> tasks = tasksFromHistory(history);
        QHash<qint64, const Task *> byRow;
        for (const Task &task : tasks)
            byRow.insert(rowOf.value(task.id, -1), &task);
        for (size_t i = start; i < end; ++i) {
            const Task *task = byRow.value(rows[i]);
            if (!task || !task->startTime.isValid() || !task->endTime.isValid() || task->endTime < task->startTime)
                continue;
            QList<qint64> &runs = table[DurationKey{task->name, TaskPlace::idOf(*task, NameKind::App)}];
            if (runs.size() < perKey)
                runs.append(task->startTime.secsTo(task->endTime));
        }
    }
    return table;
}

QList<std::pair<QString, QString>> HistoryDatabase::connections() const
{
    QList<std::pair<QString, QString>> out;
    if (!d->open)
        return out;
    QSqlQuery query(d->db());
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT key, label FROM connections ORDER BY label, key"_s))
        return out;
    while (query.next())
        out.append({query.value(0).toString(), query.value(1).toString()});
    return out;
}

QString HistoryDatabase::readError() const
{
    return d->readError;
}

qint64 HistoryDatabase::fileSize() const
{
    if (!d->open)
        return -1;
    return d->value(u"PRAGMA page_count"_s).toLongLong() * d->value(u"PRAGMA page_size"_s).toLongLong();
}

QString HistoryDatabase::integrityCheck() const
{
    if (!d->open)
        return HistoryDatabase::tr("The history file is not open.");
    QSqlQuery query(d->db());
    query.setForwardOnly(true);
    if (!query.exec(u"PRAGMA integrity_check"_s))
        return query.lastError().text();
    QStringList lines;
    while (query.next())
        lines.append(query.value(0).toString());
    return lines.join(u'\n');
}

// --- the store's thread -------------------------------------------------------------------------

// Lives on the store's thread: the database and the hourly retention.
class HistoryStore::Worker final : public QObject
{
public:
    HistoryDatabase db;
    QTimer *retentionTimer = nullptr;
    int maxAgeDays = 90;
    qint64 maxBytes = 1024LL * 1024 * 1024;

    void enforceRetention()
    {
        if (db.isOpen() && !db.isReadOnly() && db.enforceRetention(maxAgeDays, maxBytes) < 0)
            qCWarning(lcModels).noquote() << "history: retention failed:" << db.message();
    }
};

HistoryStore::HistoryStore(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_worker(new Worker)
{
    m_thread->setObjectName(u"HistoryStore"_s);
    m_worker->moveToThread(m_thread);
    // Writing the history is the least urgent work of the process: on two cores it must not take
    // a core from the UI thread, the poll's workers or a demo server (QThread's priorities do
    // nothing under Linux's normal policy). Measured: at nice +5, bench_gui's worst 10,000-task
    // stall tripled while the first poll's 10,000 rows were written.
    connect(m_thread, &QThread::started, m_thread, [] { runAtLowestPriority(); }, Qt::DirectConnection);
    m_thread->start(QThread::LowPriority);
}

HistoryStore::~HistoryStore()
{
    // What was queued is written; answers to queries are dropped: their contexts (a window being
    // destroyed, its children) may be half gone while this runs.
    m_closing = true;
    flush();
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] {
        delete worker->retentionTimer;
        worker->retentionTimer = nullptr;
        worker->db.close();
    }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_worker;
}

void HistoryStore::setStatus(Status status, const QString &message)
{
    if (status == m_status && message == m_message)
        return;
    m_status = status;
    m_message = message;
    Q_EMIT statusChanged(status, message);
}

void HistoryStore::open(const QString &path)
{
    m_path = path;
    QMetaObject::invokeMethod(m_worker, [this, worker = m_worker, path] {
        const HistoryDatabase::OpenResult result = worker->db.open(path);
        Status status = Status::Failed;
        switch (result) {
        case HistoryDatabase::OpenResult::Opened:
        case HistoryDatabase::OpenResult::MovedAside:
            status = Status::Recording;
            break;
        case HistoryDatabase::OpenResult::OpenedReadOnly:
            status = Status::ReadOnly;
            break;
        case HistoryDatabase::OpenResult::Failed:
            break;
        }
        const QString message = worker->db.message();
        QMetaObject::invokeMethod(this, [this, status, message] { setStatus(status, message); }, Qt::QueuedConnection);
        if (status != Status::Recording)
            return;
        worker->enforceRetention();
        if (!worker->retentionTimer) {
            worker->retentionTimer = new QTimer(worker);
            worker->retentionTimer->setInterval(3600 * 1000);
            QObject::connect(worker->retentionTimer, &QTimer::timeout, worker, [worker] { worker->enforceRetention(); });
        }
        worker->retentionTimer->start();
    }, Qt::QueuedConnection);
}

void HistoryStore::setBusyTimeout(int milliseconds)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, milliseconds] { worker->db.setBusyTimeout(milliseconds); },
                              Qt::QueuedConnection);
}

void HistoryStore::close()
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] {
        if (worker->retentionTimer)
            worker->retentionTimer->stop();
        worker->db.close();
    }, Qt::QueuedConnection);
    setStatus(Status::Off, {});
}

void HistoryStore::record(HistoryBatch batch)
{
    QMetaObject::invokeMethod(m_worker, [this, worker = m_worker, batch = std::move(batch)] {
        if (!worker->db.isOpen() || worker->db.isReadOnly())
            return;
        QList<HistoryTransition> recorded;
        if (worker->db.record(batch, &recorded)) {
            QMetaObject::invokeMethod(this, [this, recorded = std::move(recorded)] {
                if (m_status == Status::Failed)
                    setStatus(Status::Recording, {});
                Q_EMIT this->recorded(recorded);
            }, Qt::QueuedConnection);
        } else {
            const QString message = worker->db.message();
            QMetaObject::invokeMethod(this, [this, message] { setStatus(Status::Failed, message); }, Qt::QueuedConnection);
        }
    }, Qt::QueuedConnection);
}

void HistoryStore::setRetention(int maxAgeDays, qint64 maxBytes)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, maxAgeDays, maxBytes] {
        worker->maxAgeDays = maxAgeDays;
        worker->maxBytes = maxBytes;
        worker->enforceRetention();
    }, Qt::QueuedConnection);
}

namespace {

// Runs `done` on the context's thread, when the context still exists. The result goes through the
// store's own thread first, where the context is checked (a context on another thread is posted to).
template <typename Result>
void deliver(HistoryStore *store, const QPointer<QObject> &context, std::function<void(Result)> done, Result result)
{
    QMetaObject::invokeMethod(store, [store, context, done = std::move(done), result = std::move(result)]() mutable {
        if (!context || store->isClosing())
            return;
        if (context->thread() == QThread::currentThread()) {
            done(std::move(result));
            return;
        }
        QMetaObject::invokeMethod(context.data(), [context, done = std::move(done), result = std::move(result)]() mutable {
            if (context)
                done(std::move(result));
        }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

} // namespace

void HistoryStore::queryTasks(const HistoryQuery &query, QObject *context, std::function<void(QList<HistoryTask>)> done)
{
    QMetaObject::invokeMethod(m_worker, [this, worker = m_worker, query, context = QPointer<QObject>(context),
                                         done = std::move(done)]() mutable {
        deliver<QList<HistoryTask>>(this, context, std::move(done), worker->db.tasks(query));
    }, Qt::QueuedConnection);
}

void HistoryStore::queryTransitions(const HistoryQuery &query, QObject *context,
                                    std::function<void(QList<HistoryTransition>)> done)
{
    QMetaObject::invokeMethod(m_worker, [this, worker = m_worker, query, context = QPointer<QObject>(context),
                                         done = std::move(done)]() mutable {
        deliver<QList<HistoryTransition>>(this, context, std::move(done), worker->db.transitions(query));
    }, Qt::QueuedConnection);
}

void HistoryStore::queryDurations(const QString &connection, QObject *context, std::function<void(DurationTable)> done)
{
    QMetaObject::invokeMethod(m_worker, [this, worker = m_worker, connection, context = QPointer<QObject>(context),
                                         done = std::move(done)]() mutable {
        deliver<DurationTable>(this, context, std::move(done), worker->db.durations(connection));
    }, Qt::QueuedConnection);
}

void HistoryStore::flush()
{
    Q_ASSERT(QThread::currentThread() != m_thread);
    if (QThread::currentThread() == m_thread)
        return;
    QMetaObject::invokeMethod(m_worker, [] {}, Qt::BlockingQueuedConnection);
    // What the worker reported on the way (status, `recorded`) arrives before flush() returns.
    if (thread() == QThread::currentThread())
        QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
}

} // namespace Taskscope
