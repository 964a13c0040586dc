// Tests of the history (HistoryBatch, HistoryDatabase, HistoryStore) on real SQLite files, with
// child processes (this binary, started with --child) for a full disk, a kill -9 and a second writer.
#include "connectionconfig.h"
#include "filterevaluator.h"
#include "filterlanguage.h"
#include "historystore.h"
#include "snapshotdiff.h"
#include "taskforest.h"
#include "taskspec.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <cstdio>
#include <linux/capability.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace Taskscope;
using namespace Taskscope::TestSpec;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kT0(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);

QDateTime at(int seconds)
{
    return kT0.addSecs(seconds);
}

// Where a test task is: every task belongs to an app (by id; the names come from a NameTable).
void place(Task &task, const QString &app)
{
    task.resourceURI = QString(u"/accounts/acct/topology/v1/clouds/cloud-1/clusters/cluster-1/namespaces/ns-1/apps/"_s + app);
    seal(task);
}

// parseSpec() with an app for every task, and "why" as the reason of every failed one.
QList<Task> tasks(const QString &spec, const QString &app = u"app-1"_s)
{
    QList<Task> list = parseSpec(spec);
    for (Task &task : list) {
        place(task, app);
        if (task.state == TaskState::Failed) {
            task.stateDetails = {{u"https://astra.netapp.io/stateDetails/3"_s, u"Snapshot failed"_s, u"Timed out"_s, {}}};
            QJsonObject o = QJsonDocument::fromJson(task.rawJson).object();
            o[u"stateDetails"_s] = QJsonArray{QJsonObject{{u"type"_s, task.stateDetails[0].type},
                                                          {u"title"_s, task.stateDetails[0].title},
                                                          {u"detail"_s, task.stateDetails[0].detail}}};
            task.rawJson = QJsonDocument(o).toJson(QJsonDocument::Compact);
        }
    }
    return list;
}

NameTablePtr names()
{
    auto table = std::make_shared<NameTable>();
    table->insert(NameKind::App, u"app-1"_s, u"shop"_s);
    table->insert(NameKind::App, u"app-2"_s, u"billing"_s);
    table->insert(NameKind::Cluster, u"cluster-1"_s, u"prod"_s);
    return table;
}

const QString kKey = historyConnectionKey(QUrl(u"https://astra.example.com"_s), u"acct"_s);
const QString kLabel = historyConnectionLabel(QUrl(u"https://astra.example.com"_s), u"acct"_s);

// Polls as the pipeline does: a plan against the previous forest, recorded as one batch.
struct Poller
{
    explicit Poller(HistoryDatabase *database = nullptr)
        : db(database)
    {
    }

    HistoryDatabase *db = nullptr;
    TaskForestPtr forest;
    NameTablePtr table = names();
    ChangePlan plan;

    HistoryBatch batch(const QList<Task> &list, const QDateTime &time, bool full = true, bool first = false)
    {
        plan = SnapshotDiff::compute(forest, list, {}, time);
        forest = plan.forest;
        return HistoryBatch::fromPlan(plan, kKey, kLabel, table, full, first, time);
    }
    bool poll(const QList<Task> &list, const QDateTime &time, bool full = true, bool first = false,
              QList<HistoryTransition> *recorded = nullptr)
    {
        return db->record(batch(list, time, full, first), recorded);
    }
};

// The file read through a connection of its own, as another program would.
class RawFile
{
public:
    explicit RawFile(const QString &path)
        : m_name(u"raw-"_s + QString::number(++s_count))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        db.open();
    }
    ~RawFile()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    QVariant value(const QString &sql) const
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }
    QString integrity() const
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(u"PRAGMA integrity_check"_s))
            return query.lastError().text();
        QStringList lines;
        while (query.next())
            lines << query.value(0).toString();
        return lines.join(u'\n');
    }

private:
    static inline int s_count = 0;
    QString m_name;
};

QStringList idsOf(const QList<HistoryTask> &list)
{
    QStringList ids;
    for (const HistoryTask &task : list)
        ids << task.id;
    return ids;
}

QStringList linesOf(const QList<HistoryTransition> &list)
{
    QStringList lines;
    for (const HistoryTransition &t : list)
        lines << t.taskId + u' ' + (t.from.isEmpty() ? u"-"_s : t.from) + u">"_s + t.to;
    return lines;
}

qint64 count(const QString &path, const QString &table)
{
    return RawFile(path).value(u"SELECT count(*) FROM "_s + table).toLongLong();
}

// --- child processes (this binary with --child) -------------------------------------------------

// Root bypasses file permissions: the child gives up the capabilities that do, so that a
// read-only folder is read-only to it too.
void dropFileCapabilities()
{
    if (geteuid() != 0)
        return;
    __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[2]{};
    if (syscall(SYS_capget, &header, data) != 0)
        return;
    for (const int cap : {CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER}) {
        const quint32 bit = 1u << (cap % 32);
        data[cap / 32].effective &= ~bit;
        data[cap / 32].permitted &= ~bit;
        data[cap / 32].inheritable &= ~bit;
    }
    syscall(SYS_capset, &header, data);
}

void say(const QByteArray &line)
{
    std::fputs(QByteArray(line + '\n').constData(), stdout);
    std::fflush(stdout);
}

// A poll of `count` new tasks ("<prefix>-<i>") with `padding` bytes of JSON each that do not compress.
QList<Task> bulkTasks(const QString &prefix, int count, int padding, QRandomGenerator &random)
{
    QList<Task> list;
    for (int i = 0; i < count; ++i) {
        Task task = makeTask(prefix + u'-' + QString::number(i));
        place(task, u"app-1"_s);
        QJsonObject o = QJsonDocument::fromJson(task.rawJson).object();
        QByteArray noise(padding, Qt::Uninitialized);
        for (char &c : noise)
            c = char(random.bounded(32, 127));
        o[u"description"_s] = QString::fromLatin1(noise.toBase64());
        task.rawJson = QJsonDocument(o).toJson(QJsonDocument::Compact);
        list << task;
    }
    return list;
}

int childMain(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4)
        return 2;
    const QString command = args.at(2), path = args.at(3);
    if (command == u"hold") {
        // A second writer: holds a write transaction until told (a line on stdin) or for N ms.
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s);
        db.setDatabaseName(path);
        if (!db.open())
            return 3;
        QSqlQuery query(db);
        if (!query.exec(u"BEGIN IMMEDIATE"_s) || !query.exec(u"UPDATE connections SET label = label"_s))
            return 4;
        say("locked");
        if (args.value(4) == u"stdin") {
            char line[16];
            if (!std::fgets(line, sizeof line, stdin))
                return 5;
        } else {
            QThread::msleep(args.value(4).toULong());
        }
        query.exec(u"COMMIT"_s);
        say("released");
        return 0;
    }
    if (command == u"open") {
        dropFileCapabilities();
        HistoryDatabase history;
        const HistoryDatabase::OpenResult result = history.open(path);
        say(QByteArray::number(int(result)));
        say(history.message().toUtf8());
        if (result != HistoryDatabase::OpenResult::Failed) {
            Poller poller(&history);
            say(poller.poll(tasks(u"a"_s), at(0)) ? "recorded" : "not recorded");
        }
        return 0;
    }
    if (command == u"fill") {
        // A full disk: the parent limits the file size (RLIMIT_FSIZE) and ignores SIGXFSZ.
        HistoryDatabase history;
        if (history.open(path) != HistoryDatabase::OpenResult::Opened)
            return 3;
        Poller poller(&history);
        QRandomGenerator random(7);
        QList<Task> all;
        for (int poll = 0; poll < 100'000; ++poll) {
            all += bulkTasks(u"p"_s + QString::number(poll), 20, 3000, random);
            if (!poller.poll(all, at(poll))) {
                say("failed");
                say(history.message().toUtf8());
                return 0;
            }
            say("recorded " + QByteArray::number(poll));
        }
        return 6;
    }
    if (command == u"record") {
        // Polls as fast as it can until it is killed; "committed N" once poll N is in the file.
        HistoryDatabase history;
        if (history.open(path) != HistoryDatabase::OpenResult::Opened)
            return 3;
        Poller poller(&history);
        QRandomGenerator random(11);
        QList<Task> all;
        for (int poll = 0;; ++poll) {
            for (Task &task : all) { // every task moves on
                task.percentDone = task.percentDone.value_or(0) + 1;
                seal(task);
            }
            all += bulkTasks(u"p"_s + QString::number(poll), 100, 500, random);
            if (!poller.poll(all, at(poll * 61)))
                return 4;
            say("committed " + QByteArray::number(poll));
        }
    }
    return 2;
}

} // namespace

class TestHistoryStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void keysHoldNoCredentials();
    void batchTakesOnlyTheChanges();
    void batchLeavesHistoryTasksOut();
    void recordedPollsReadBackInANewDatabase();
    void goneTasksAreMarkedNotDeleted();
    void aTaskWithoutAStateDoesNotStopThePoll();
    void aQueryThatFailsSaysSo();
    void firstPollOfASessionComparesWithTheFile();
    void samplesAreThinnedWhileRunning();
    void queriesPrefilterByStateAndApp();
    void prefilterFromAFilterKeepsEveryMatch_data();
    void prefilterFromAFilterKeepsEveryMatch();
    void jsonKeepsTheServersBytes();
    void retentionByAge();
    void retentionBySize();
    void opensEveryEarlierSchemaVersion_data();
    void opensEveryEarlierSchemaVersion();
    void newerSchemaOpensReadOnly();
    void damagedFileIsMovedAside_data();
    void damagedFileIsMovedAside();
    void readOnlyPlacesFail_data();
    void readOnlyPlacesFail();
    void fullDiskFailsAndKeepsTheFile();
    void killedWriterKeepsEveryCommittedPoll_data();
    void killedWriterKeepsEveryCommittedPoll();
    void secondWriterWaitsOrReadsOnly();
    void storeRecordsOnItsThreadAndAnswersOnTheCallers();
    void storeReportsItsStatus();
    void storeFailsAWriteAndRecovers();
    void durationsOfCompletedRuns();

private:
    QString file(const QString &name = u"history.sqlite"_s) const { return m_dir->filePath(name); }
    QProcess *child(const QStringList &arguments, const std::function<void(QProcess &)> &setup = {});

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestHistoryStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QProcess *TestHistoryStore::child(const QStringList &arguments, const std::function<void(QProcess &)> &setup)
{
    auto *process = new QProcess(this);
    process->setProgram(QCoreApplication::applicationFilePath());
    process->setArguments(QStringList{u"--child"_s} + arguments);
    process->setProcessChannelMode(QProcess::SeparateChannels);
    if (setup)
        setup(*process);
    process->start();
    return process;
}

void TestHistoryStore::keysHoldNoCredentials()
{
    const QString plain = historyConnectionKey(QUrl(u"https://astra.example.com/base"_s), u"acct"_s);
    QCOMPARE(plain.size(), 32);
    QCOMPARE(historyConnectionKey(QUrl(u"https://user:secret@astra.example.com:443/base/?token=abc#x"_s), u"acct"_s), plain);
    QVERIFY(historyConnectionKey(QUrl(u"https://astra.example.com/base"_s), u"other"_s) != plain);
    QVERIFY(historyConnectionKey(QUrl(u"https://astra.example.com:8443/base"_s), u"acct"_s) != plain);
    ConnectionConfig config;
    config.baseUrl = QUrl(u"https://astra.example.com/base/"_s);
    config.accountId = u"acct"_s;
    QCOMPARE(historyConnectionKey(config), plain);

    const QString label = historyConnectionLabel(QUrl(u"https://user:secret@astra.example.com:8443/base?token=abc"_s), u"acct"_s);
    QCOMPARE(label, u"astra.example.com:8443/base · acct"_s);
}

void TestHistoryStore::batchTakesOnlyTheChanges()
{
    Poller poller;
    poller.batch(tasks(u"a; b<a; c; d<c; e"_s), at(0));
    // a changes, b stays, c goes with its child d, f appears under a, e stays.
    const HistoryBatch batch = poller.batch(tasks(u"a st=completed; b<a; e; f<a"_s), at(10));
    QStringList written;
    for (const int slot : batch.written)
        written << batch.forest->task(slot).id;
    QCOMPARE(written, (QStringList{u"a"_s, u"f"_s}));
    QStringList gone = batch.gone;
    gone.sort();
    QCOMPARE(gone, (QStringList{u"c"_s, u"d"_s}));
    QStringList changes;
    for (const StateChange &change : batch.transitions)
        changes << change.taskId + (change.appeared ? u"+"_s : u""_s) + change.toText;
    QCOMPARE(changes, (QStringList{u"acompleted"_s, u"f+running"_s}));
    QCOMPARE(batch.at, at(10));
    QCOMPARE(batch.connection, kKey);

    // A survivor that moves out of a gone subtree is not gone.
    const HistoryBatch moved = poller.batch(tasks(u"a st=completed; b; e; f<a"_s), at(20));
    QVERIFY(moved.gone.isEmpty());
    const HistoryBatch parentGoes = poller.batch(tasks(u"b; e; f"_s), at(30));
    QCOMPARE(parentGoes.gone, QStringList{u"a"_s});
}

void TestHistoryStore::batchLeavesHistoryTasksOut()
{
    // The GUI keeps gone tasks in its forest, from history (goneAt set): they are never written as
    // seen; a listed task that turns into its history version is gone.
    Poller poller;
    poller.batch(tasks(u"a; b"_s), at(0));
    QList<Task> next = tasks(u"a; b; h st=failed"_s);
    next[1].goneAt = at(10); // b: the server stopped listing it
    next[2].goneAt = at(-100); // h: from history all along
    const HistoryBatch batch = poller.batch(next, at(10));
    QVERIFY(batch.written.empty());
    QCOMPARE(batch.gone, QStringList{u"b"_s});
    QVERIFY(batch.transitions.empty());
}

void TestHistoryStore::recordedPollsReadBackInANewDatabase()
{
    {
        HistoryDatabase db;
        QCOMPARE(db.open(file()), HistoryDatabase::OpenResult::Opened);
        QVERIFY(db.isOpen());
        QVERIFY(!db.isReadOnly());
        Poller poller(&db);
        QList<HistoryTransition> recorded;
        QVERIFY2(poller.poll(tasks(u"a n=backup; b<a n=prep p=10"_s), at(0), true, true, &recorded), qPrintable(db.message()));
        QVERIFY(recorded.isEmpty()); // the connection's first poll: every task is seen, none is news
        QCOMPARE(linesOf(db.transitions({})), (QStringList{u"a ->running"_s, u"b ->running"_s})); // but written
        QVERIFY(poller.poll(tasks(u"a n=backup; b<a n=prep p=50"_s), at(10), true, false, &recorded));
        QVERIFY(recorded.isEmpty());
        QVERIFY(poller.poll(tasks(u"a n=backup st=failed; b<a n=prep st=failed p=50"_s), at(20), true, false, &recorded));
        QCOMPARE(linesOf(recorded), (QStringList{u"a running>failed"_s, u"b running>failed"_s}));
        QCOMPARE(recorded[0].appName, u"shop"_s);
        QCOMPARE(recorded[0].taskName, u"backup"_s);
        QCOMPARE(recorded[0].connection, kKey);
        QCOMPARE(recorded[1].reason, u"Snapshot failed: Timed out"_s);
        QCOMPARE(recorded[1].at, at(20));
    }
    QCOMPARE(RawFile(file()).integrity(), u"ok"_s);

    HistoryDatabase db;
    QCOMPARE(db.open(file(), HistoryDatabase::Mode::ReadOnly), HistoryDatabase::OpenResult::Opened);
    QVERIFY(db.isReadOnly());
    QCOMPARE(db.connections(), (QList<std::pair<QString, QString>>{{kKey, kLabel}}));
    const QList<HistoryTask> stored = db.tasks({});
    QCOMPARE(idsOf(stored), (QStringList{u"a"_s, u"b"_s}));
    const HistoryTask &b = stored[1];
    QCOMPARE(b.connection, kKey);
    QCOMPARE(b.parentId, u"a"_s);
    QCOMPARE(b.name, u"prep"_s);
    QCOMPARE(b.appId, u"app-1"_s);
    QCOMPARE(b.appName, u"shop"_s);
    QCOMPARE(b.clusterId, u"cluster-1"_s);
    QCOMPARE(b.clusterName, u"prod"_s);
    QCOMPARE(b.state, u"failed"_s);
    QCOMPARE(b.reason, u"Snapshot failed: Timed out"_s);
    QCOMPARE(b.firstSeen, at(0));
    QCOMPARE(b.lastSeen, at(20)); // the connection's last poll: listed
    QVERIFY(b.goneAt.isNull());
    QCOMPARE(b.lastChange, at(20));
    const QList<Task> last = tasks(u"a n=backup st=failed; b<a n=prep st=failed p=50"_s);
    QCOMPARE(b.json, last[1].rawJson);

    QList<ParseWarning> warnings;
    const QList<Task> parsed = tasksFromHistory(stored, &warnings);
    for (const ParseWarning &warning : warnings) // the test tasks' JSON lacks fields, such as "type"
        QVERIFY2(!warning.skipped, qPrintable(warning.toString()));
    QCOMPARE(parsed.size(), 2);
    QCOMPARE(parsed[1].id, u"b"_s);
    QCOMPARE(parsed[1].state, TaskState::Failed);
    QCOMPARE(parsed[1].percentDone, std::optional<double>(50));
    QCOMPARE(parsed[1].stateDetails.size(), 1);
    QCOMPARE(parsed[1].firstSeen, at(0));
    QCOMPARE(parsed[1].lastTransition, at(20));
    QVERIFY(!parsed[1].isFromHistory());

    QCOMPARE(linesOf(db.transitions({})),
             (QStringList{u"a ->running"_s, u"b ->running"_s, u"a running>failed"_s, u"b running>failed"_s}));
    HistoryQuery one;
    one.taskId = u"b"_s;
    QCOMPARE(linesOf(db.transitions(one)), (QStringList{u"b ->running"_s, u"b running>failed"_s}));
    HistoryQuery since;
    since.since = at(15);
    QCOMPARE(db.transitions(since).size(), 2);
    HistoryQuery newest;
    newest.limit = 1;
    QCOMPARE(linesOf(db.transitions(newest)), QStringList{u"b running>failed"_s});
    HistoryQuery elsewhere;
    elsewhere.connections = QStringList{u"another"_s};
    QVERIFY(db.tasks(elsewhere).isEmpty());
    // Read-only: nothing is written.
    Poller poller(&db);
    QVERIFY(!poller.poll(tasks(u"c"_s), at(30)));
    QVERIFY(!db.message().isEmpty());
}

// The parser keeps a task whose state is missing (with a warning): it must not fail the whole
// transaction (tasks.state is NOT NULL), or one bad item would stop all recording.
void TestHistoryStore::aTaskWithoutAStateDoesNotStopThePoll()
{
    HistoryDatabase db;
    QCOMPARE(db.open(file()), HistoryDatabase::OpenResult::Opened);
    Poller poller(&db);
    QList<Task> list = tasks(u"a; b"_s);
    list[1].stateText = QString(); // null, as the parser leaves it
    list[1].state = TaskState::Unknown;
    QVERIFY2(poller.poll(list, at(0), true, true), qPrintable(db.message()));
    QCOMPARE(idsOf(db.tasks({})), (QStringList{u"a"_s, u"b"_s}));
}

// A query that fails (here: a file of this schema version without its tables) returns nothing and
// says why, so that `taskscope history` exits 1 instead of printing an empty answer.
void TestHistoryStore::aQueryThatFailsSaysSo()
{
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"broken"_s);
        raw.setDatabaseName(file());
        QVERIFY(raw.open());
        QSqlQuery query(raw);
        QVERIFY(query.exec(u"CREATE TABLE other (x)"_s));
        QVERIFY(query.exec(u"PRAGMA user_version = 1"_s));
    }
    QSqlDatabase::removeDatabase(u"broken"_s);
    HistoryDatabase db;
    QCOMPARE(db.open(file(), HistoryDatabase::Mode::ReadOnly), HistoryDatabase::OpenResult::Opened);
    QVERIFY(db.tasks({}).isEmpty());
    QVERIFY(!db.readError().isEmpty());
    QVERIFY(db.transitions({}).isEmpty());
    QVERIFY(!db.readError().isEmpty());
}

void TestHistoryStore::goneTasksAreMarkedNotDeleted()
{
    HistoryDatabase db;
    QCOMPARE(db.open(file()), HistoryDatabase::OpenResult::Opened);
    Poller poller(&db);
    QVERIFY(poller.poll(tasks(u"a; b; c<b"_s), at(0)));
    QVERIFY(poller.poll(tasks(u"a; b; c<b"_s), at(10)));
    // A partial list (incremental poll) says nothing about what is missing.
    QVERIFY(poller.poll(tasks(u"a"_s), at(20), false));
    HistoryQuery gone;
    gone.goneOnly = true;
    QVERIFY(db.tasks(gone).isEmpty());
    poller.forest = TaskForest::build(tasks(u"a; b; c<b"_s));
    QVERIFY(poller.poll(tasks(u"a"_s), at(30)));
    const QList<HistoryTask> goneTasks = db.tasks(gone);
    QCOMPARE(idsOf(goneTasks), (QStringList{u"b"_s, u"c"_s}));
    for (const HistoryTask &task : goneTasks) {
        QCOMPARE(task.goneAt, at(30));
        QCOMPARE(task.lastSeen, at(20)); // the last poll before
    }
    QCOMPARE(db.tasks({}).size(), 3);
    // Listed again: no longer gone, first seen kept.
    QVERIFY(poller.poll(tasks(u"a; b"_s), at(40)));
    const QList<HistoryTask> all = db.tasks({});
    QCOMPARE(idsOf(all), (QStringList{u"a"_s, u"b"_s, u"c"_s}));
    QVERIFY(all[1].goneAt.isNull());
    QCOMPARE(all[1].firstSeen, at(0));
    QCOMPARE(all[1].lastSeen, at(40));
    QCOMPARE(all[2].goneAt, at(30));
    // Rows are not rewritten per poll: only the connection's last poll moves.
    QCOMPARE(RawFile(file()).value(u"SELECT count(*) FROM tasks WHERE last_seen IS NOT NULL"_s).toInt(), 1);
}

void TestHistoryStore::firstPollOfASessionComparesWithTheFile()
{
    {
        HistoryDatabase db;
        QCOMPARE(db.open(file()), HistoryDatabase::OpenResult::Opened);
        Poller poller(&db);
        QVERIFY(poller.poll(tasks(u"a; b; c"_s), at(0), true, true));
        QVERIFY(poller.poll(tasks(u"a; b; c"_s), at(10)));
    }
    HistoryDatabase db;
    QCOMPARE(db.open(file()), HistoryDatabase::OpenResult::Opened);
    Poller poller(&db); // a new session: nothing in memory, every task appears
    QList<HistoryTransition> recorded;
    QVERIFY(poller.poll(tasks(u"a st=completed; b; d"_s), at(100), true, true, &recorded));
    // a changed while nobody looked; b did not; d is new; c went.
    QCOMPARE(linesOf(recorded), (QStringList{u"a running>completed"_s, u"d ->running"_s}));
    HistoryQuery gone;
    gone.goneOnly = true;
    const QList<HistoryTask> goneTasks = db.tasks(gone);
    QCOMPARE(idsOf(goneTasks), QStringList{u"c"_s});
    QCOMPARE(goneTasks[0].goneAt, at(100));
    QCOMPARE(goneTasks[0].lastSeen, at(10));
    QCOMPARE(db.transitions({}).size(), 5);
    QCOMPARE(db.tasks({}).at(0).firstSeen, at(0));
}

void TestHistoryStore::samplesAreThinnedWhileRunning()
{
    HistoryDatabase db;
    QCOMPARE(db.open(file()), HistoryDatabase::OpenResult::Opened);
    Poller poller(&db);
    // Progress every 10 s for five minutes; a second task's progress never moves.
    for (int s = 0; s <= 300; s += 10)
        QVERIFY(poller.poll(tasks(u"a p="_s + QString::number(s / 4) + u"; b p=5"_s), at(s)));
    QVERIFY(poller.poll(tasks(u"a st=completed p=100; b p=5"_s), at(310)));
    HistoryQuery ofA;
    ofA.taskId = u"a"_s;
    const QList<HistorySample> samples = db.samples(ofA);
    // One when it appeared, one a minute while it ran (0, 60, ..., 300), one when it completed.
    QStringList seen;
    for (const HistorySample &sample : samples)
        seen << QString::number(kT0.secsTo(sample.at)) + u':' + sample.state + u':' + QString::number(sample.percentDone);
    QCOMPARE(seen, (QStringList{u"0:running:0"_s, u"60:running:15"_s, u"120:running:30"_s, u"180:running:45"_s,
                                u"240:running:60"_s, u"300:running:75"_s, u"310:completed:100"_s}));
    HistoryQuery ofB;
    ofB.taskId = u"b"_s;
    QCOMPARE(db.samples(ofB).size(), 1);

    // A new session does not sample again before the minute is up.
    HistoryDatabase again;
    QCOMPARE(again.open(file()), HistoryDatabase::OpenResult::Opened);
    Poller next(&again);
    QVERIFY(next.poll(tasks(u"c p=1"_s), at(400)));
    QVERIFY(next.poll(tasks(u"c p=2"_s), at(420)));
    QVERIFY(next.poll(tasks(u"c p=3"_s), at(470)));
    HistoryQuery ofC;
    ofC.taskId = u"c"_s;
    QCOMPARE(again.samples(ofC).size(), 2);
}

void TestHistoryStore::queriesPrefilterByStateAndApp()
{
    HistoryDatabase db;
    QCOMPARE(db.open(file()), HistoryDatabase::OpenResult::Opened);
    Poller poller(&db);
    QList<Task> list = tasks(u"a st=failed; b; c st=completed"_s) + tasks(u"d st=failed; e"_s, u"app-2"_s);
    QVERIFY(poller.poll(list, at(0)));
    HistoryQuery failed;
    failed.states = QStringList{u"failed"_s};
    QCOMPARE(idsOf(db.tasks(failed)), (QStringList{u"a"_s, u"d"_s}));
    failed.apps = QStringList{u"app-2"_s};
    QCOMPARE(idsOf(db.tasks(failed)), QStringList{u"d"_s});
    failed.apps = QStringList{u"shop"_s}; // a name works too
    QCOMPARE(idsOf(db.tasks(failed)), QStringList{u"a"_s});
    HistoryQuery byApp;
    byApp.apps = QStringList{u"billing"_s};
    QCOMPARE(linesOf(db.transitions(byApp)), (QStringList{u"d ->failed"_s, u"e ->running"_s}));
}

void TestHistoryStore::prefilterFromAFilterKeepsEveryMatch_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("states"); // the prefilter
    QTest::addColumn<QStringList>("apps");
    QTest::newRow("state and app") << u"state eq 'failed' and app eq 'app-2'"_s << QStringList{u"failed"_s}
                                   << QStringList{u"app-2"_s};
    QTest::newRow("or of states") << u"(state eq 'failed' or state eq 'completed') and name in 'Task'"_s
                                  << QStringList{u"failed"_s, u"completed"_s} << QStringList{};
    QTest::newRow("two state clauses") << u"state eq 'failed' and (state eq 'failed' or state eq 'running')"_s
                                       << QStringList{u"failed"_s} << QStringList{};
    QTest::newRow("contradiction") << u"state eq 'failed' and state eq 'running'"_s << QStringList{u"failed"_s}
                                   << QStringList{};
    QTest::newRow("no app") << u"app eq '' and state eq 'running'"_s << QStringList{u"running"_s} << QStringList{u""_s};
    // What SQL cannot test exactly is left to the filter.
    QTest::newRow("or across fields") << u"state eq 'failed' or app eq 'app-2'"_s << QStringList{} << QStringList{};
    QTest::newRow("not") << u"not state eq 'failed'"_s << QStringList{} << QStringList{};
    QTest::newRow("ne") << u"state ne 'failed'"_s << QStringList{} << QStringList{};
    QTest::newRow("in") << u"state in 'fail'"_s << QStringList{} << QStringList{};
    QTest::newRow("app name") << u"appName eq 'billing'"_s << QStringList{} << QStringList{};
}

void TestHistoryStore::prefilterFromAFilterKeepsEveryMatch()
{
    QFETCH(QString, filter);
    QFETCH(QStringList, states);
    QFETCH(QStringList, apps);
    const FilterParseResult parsed = parseFilter(filter);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error->toString()));
    HistoryQuery query;
    addHistoryPrefilter(&query, parsed.expr);
    QCOMPARE(query.states, states);
    QCOMPARE(query.apps, apps);

    HistoryDatabase db;
    QCOMPARE(db.open(file()), HistoryDatabase::OpenResult::Opened);
    Poller poller(&db);
    QList<Task> list = tasks(u"a st=failed; b; c st=completed; g<a st=failed; h"_s)
                     + tasks(u"d st=failed; e; f st=completed"_s, u"app-2"_s);
    list[4].resourceURI.clear(); // h: in no app
    seal(list[4]);
    QVERIFY(poller.poll(list, at(0)));
    // The filter over the prefiltered tasks matches what it matches over all of them.
    FilterPredicate predicate(parsed.expr);
    predicate.setNames(names());
    const auto matching = [&](const HistoryQuery &q) {
        QStringList ids;
        for (const Task &task : tasksFromHistory(db.tasks(q))) {
            if (predicate.matches(task))
                ids << task.id;
        }
        return ids;
    };
    const QStringList all = matching({});
    QCOMPARE(matching(query), all);
    if (!states.isEmpty() || !apps.isEmpty())
        QVERIFY(db.tasks(query).size() < 8);
    if (qstrcmp(QTest::currentDataTag(), "no app") == 0)
        QCOMPARE(all, QStringList{u"h"_s});
}

void TestHistoryStore::jsonKeepsTheServersBytes()
{
    HistoryDatabase db;
    QCOMPARE(db.open(file()), HistoryDatabase::OpenResult::Opened);
    QList<Task> list = tasks(u"small; large; array"_s);
    list[0].rawJson = "{\"id\":\"small\",\"state\":\"running\"}"; // too small to compress: stored
    list[1].description = QString(4000, u'x');                           // compresses well
    QJsonObject o = QJsonDocument::fromJson(list[1].rawJson).object();
    o[u"description"_s] = list[1].description;
    o[u"note"_s] = u"\u00e9t\u00e9 \u2713"_s;
    list[1].rawJson = QJsonDocument(o).toJson(QJsonDocument::Indented); // the server's spacing, kept
    list[2].rawJson = "[\"array\",\"running\"]";                         // an `include=` item
    list[2].summary = u"from the fields"_s;
    Poller poller(&db);
    QVERIFY(poller.poll(list, at(0)));
    const QList<HistoryTask> stored = db.tasks({});
    QCOMPARE(stored.size(), 3);
    QCOMPARE(stored[0].json, list[0].rawJson);
    QCOMPARE(stored[1].json, list[1].rawJson);
    const QJsonObject built = QJsonDocument::fromJson(stored[2].json).object();
    QCOMPARE(built.value(u"id"_s).toString(), u"array"_s);
    QCOMPARE(built.value(u"state"_s).toString(), u"running"_s);
    QCOMPARE(built.value(u"summary"_s).toString(), u"from the fields"_s);
    const qint64 packed = RawFile(file()).value(u"SELECT length(json) FROM tasks WHERE task_id = 'large'"_s).toLongLong();
    QVERIFY2(packed < list[1].rawJson.size() / 4, QByteArray::number(packed).constData());
}

void TestHistoryStore::retentionByAge()
{
    HistoryDatabase db;
    QCOMPARE(db.open(file()), HistoryDatabase::OpenResult::Opened);
    Poller poller(&db);
    const int day = 24 * 3600;
    QVERIFY(poller.poll(tasks(u"old p=1; recent; listed"_s), at(0)));
    QVERIFY(poller.poll(tasks(u"recent; listed p=2"_s), at(1 * day)));  // old goes on day 1
    QVERIFY(poller.poll(tasks(u"listed p=3"_s), at(95 * day)));         // recent goes on day 95
    QCOMPARE(count(file(), u"samples"_s), 5); // three appeared, listed moved twice
    QCOMPARE(db.enforceRetention(90, 0, at(100 * day)), 1);
    QCOMPARE(idsOf(db.tasks({})), (QStringList{u"recent"_s, u"listed"_s})); // listed: kept, however old
    QCOMPARE(count(file(), u"transitions WHERE task NOT IN (SELECT id FROM tasks)"_s), 0);
    QCOMPARE(count(file(), u"samples WHERE task NOT IN (SELECT id FROM tasks)"_s), 0);
    QCOMPARE(count(file(), u"transitions"_s), 2);
    QCOMPARE(count(file(), u"samples"_s), 4);
    QCOMPARE(db.enforceRetention(90, 0, at(100 * day)), 0);
    QCOMPARE(db.enforceRetention(0, 0, at(1000 * day)), 0); // no limit
    QCOMPARE(RawFile(file()).integrity(), u"ok"_s);
}

void TestHistoryStore::retentionBySize()
{
    HistoryDatabase db;
    QCOMPARE(db.open(file()), HistoryDatabase::OpenResult::Opened);
    Poller poller(&db);
    QRandomGenerator random(3);
    // 20 polls of 50 tasks that do not compress: each poll's tasks go at the next poll.
    for (int poll = 0; poll < 20; ++poll)
        QVERIFY(poller.poll(bulkTasks(u"p"_s + QString::number(poll), 50, 2000, random), at(poll * 60)));
    const qint64 before = db.fileSize();
    QVERIFY2(before > 2'000'000, QByteArray::number(before).constData());
    const qint64 limit = before / 2;
    const qint64 deleted = db.enforceRetention(0, limit, at(3600));
    QVERIFY(deleted > 0);
    QVERIFY2(db.fileSize() <= limit, qPrintable(QString::number(db.fileSize())));
    QVERIFY(QFileInfo(file()).size() <= limit + 64 * 1024); // given back to the file system
    // The oldest went first; the listed poll stays.
    const QList<HistoryTask> left = db.tasks({});
    QCOMPARE(left.size(), 1000 - deleted);
    QVERIFY(left.first().id.startsWith(u"p"_s));
    QCOMPARE(left.last().id, u"p19-49"_s);
    const QDateTime oldestLeft = left.first().goneAt;
    HistoryQuery gone;
    gone.goneOnly = true;
    for (const HistoryTask &task : db.tasks(gone))
        QVERIFY(task.goneAt >= oldestLeft);
    // Only listed tasks left, and still too big: they stay.
    QVERIFY(db.enforceRetention(0, 1, at(3600)) > 0);
    QCOMPARE(db.tasks({}).size(), 50);
    QCOMPARE(RawFile(file()).integrity(), u"ok"_s);
}

void TestHistoryStore::opensEveryEarlierSchemaVersion_data()
{
    QTest::addColumn<int>("version");
    for (int version = 0; version <= HistoryDatabase::SchemaVersion; ++version)
        QTest::addRow("from %d", version) << version;
}

void TestHistoryStore::opensEveryEarlierSchemaVersion()
{
    QFETCH(int, version);
    int tasksBefore = 0;
    if (version == 0) {
        QFile empty(file());
        QVERIFY(empty.open(QIODevice::WriteOnly)); // an empty file: version 0
    } else {
        // A file at `version`: made by this build (version == SchemaVersion). Each later version
        // adds a row here with a file made by the build before it (tests/fixtures).
        QCOMPARE(version, HistoryDatabase::SchemaVersion);
        HistoryDatabase db;
        QCOMPARE(db.open(file()), HistoryDatabase::OpenResult::Opened);
        Poller poller(&db);
        QVERIFY(poller.poll(tasks(u"a; b"_s), at(0)));
        tasksBefore = 2;
    }
    HistoryDatabase db;
    QCOMPARE(db.open(file()), HistoryDatabase::OpenResult::Opened);
    QCOMPARE(db.tasks({}).size(), tasksBefore);
    Poller poller(&db);
    QVERIFY(poller.poll(tasks(u"a; b; c"_s), at(10)));
    db.close();
    const RawFile raw(file());
    QCOMPARE(raw.value(u"PRAGMA user_version"_s).toInt(), HistoryDatabase::SchemaVersion);
    QCOMPARE(raw.value(u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
    QCOMPARE(raw.value(u"PRAGMA auto_vacuum"_s).toInt(), 2); // incremental
    QCOMPARE(raw.integrity(), u"ok"_s);
}

void TestHistoryStore::newerSchemaOpensReadOnly()
{
    {
        HistoryDatabase db;
        QCOMPARE(db.open(file()), HistoryDatabase::OpenResult::Opened);
        Poller poller(&db);
        QVERIFY(poller.poll(tasks(u"a"_s), at(0)));
    }
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"newer"_s);
        raw.setDatabaseName(file());
        QVERIFY(raw.open());
        QSqlQuery(raw).exec(u"PRAGMA user_version = "_s + QString::number(HistoryDatabase::SchemaVersion + 1));
        raw.close();
    }
    QSqlDatabase::removeDatabase(u"newer"_s);
    const QByteArray bytes = [&] {
        QFile f(file());
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();

    HistoryDatabase db;
    QCOMPARE(db.open(file()), HistoryDatabase::OpenResult::OpenedReadOnly);
    QVERIFY(db.isReadOnly());
    QVERIFY2(db.message().contains(u"newer version"_s), qPrintable(db.message()));
    QCOMPARE(idsOf(db.tasks({})), QStringList{u"a"_s}); // still readable
    Poller poller(&db);
    QVERIFY(!poller.poll(tasks(u"a; b"_s), at(10)));
    QCOMPARE(db.enforceRetention(1, 1, at(1000 * 24 * 3600)), 0);
    db.close();
    QFile f(file());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), bytes); // untouched
}

void TestHistoryStore::damagedFileIsMovedAside_data()
{
    QTest::addColumn<QString>("damage");
    QTest::newRow("not a database") << u"text"_s;
    QTest::newRow("damaged pages") << u"pages"_s;
}

void TestHistoryStore::damagedFileIsMovedAside()
{
    QFETCH(QString, damage);
    QByteArray bytes;
    if (damage == u"text") {
        bytes = QByteArray("this is not a database\n").repeated(500);
    } else {
        {
            HistoryDatabase db;
            QCOMPARE(db.open(file()), HistoryDatabase::OpenResult::Opened);
            Poller poller(&db);
            QRandomGenerator random(5);
            QVERIFY(poller.poll(bulkTasks(u"x"_s, 200, 1000, random), at(0)));
        }
        QFile f(file());
        QVERIFY(f.open(QIODevice::ReadOnly));
        bytes = f.readAll();
        QVERIFY(bytes.size() > 20 * 4096);
        for (qsizetype i = 4 * 4096; i < 12 * 4096; ++i) // pages 5 to 12: b-tree pages, no longer b-trees
            bytes[i] = char(0xA5 ^ (i & 0xff));
        QVERIFY(!QFileInfo::exists(file() + u"-wal"_s) || QFileInfo(file() + u"-wal"_s).size() == 0);
    }
    {
        QFile f(file());
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(bytes);
    }

    HistoryDatabase db;
    QCOMPARE(db.open(file()), HistoryDatabase::OpenResult::MovedAside);
    const QString aside = db.movedAsidePath();
    QVERIFY2(aside.startsWith(file() + u".corrupt-"_s), qPrintable(aside));
    QCOMPARE(aside.mid(file().size() + 9).size(), 15); // yyyyMMdd-HHmmss
    QVERIFY2(db.message().contains(aside), qPrintable(db.message()));
    QFile moved(aside);
    QVERIFY(moved.open(QIODevice::ReadOnly));
    QCOMPARE(moved.readAll(), bytes); // kept as it was, for whoever wants to look
    // A new file, in use.
    QVERIFY(db.tasks({}).isEmpty());
    Poller poller(&db);
    QVERIFY(poller.poll(tasks(u"a"_s), at(0)));
    QCOMPARE(db.integrityCheck(), u"ok"_s);
    db.close();
    HistoryDatabase again;
    QCOMPARE(again.open(file()), HistoryDatabase::OpenResult::Opened);
    QCOMPARE(again.tasks({}).size(), 1);
}

void TestHistoryStore::readOnlyPlacesFail_data()
{
    QTest::addColumn<QString>("what");
    QTest::newRow("read-only folder") << u"folder"_s;
    QTest::newRow("read-only file") << u"file"_s;
    QTest::newRow("folder is a file") << u"notafolder"_s;
}

void TestHistoryStore::readOnlyPlacesFail()
{
    QFETCH(QString, what);
    QString path;
    if (what == u"folder") {
        const QString folder = file(u"locked"_s);
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        path = folder + u"/history.sqlite"_s;
    } else if (what == u"file") {
        path = file();
        {
            HistoryDatabase db;
            QCOMPARE(db.open(path), HistoryDatabase::OpenResult::Opened);
        }
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner));
    } else {
        QFile plain(file(u"plain"_s));
        QVERIFY(plain.open(QIODevice::WriteOnly));
        path = file(u"plain/history.sqlite"_s);
    }
    // In a child that cannot override file permissions (also when the tests run as root).
    QProcess *process = child({u"open"_s, path});
    QVERIFY(process->waitForFinished(60'000));
    QCOMPARE(process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(process->exitCode(), 0);
    const QList<QByteArray> lines = process->readAllStandardOutput().split('\n');
    QCOMPARE(lines.value(0), QByteArray::number(int(HistoryDatabase::OpenResult::Failed)));
    const QString message = QString::fromUtf8(lines.value(1));
    QVERIFY2(what == u"notafolder" ? message.contains(u"Cannot create the folder"_s) : message.contains(u"read-only"_s),
             qPrintable(message));
    QFile::setPermissions(file(u"locked"_s), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

void TestHistoryStore::fullDiskFailsAndKeepsTheFile()
{
    // The size limit stands for a full disk: write() fails (EFBIG) instead of killing (SIGXFSZ).
    QProcess *process = child({u"fill"_s, file()}, [](QProcess &p) {
        p.setChildProcessModifier([] {
            std::signal(SIGXFSZ, SIG_IGN);
            const rlimit limit{6 * 1024 * 1024, 6 * 1024 * 1024};
            setrlimit(RLIMIT_FSIZE, &limit);
        });
    });
    QVERIFY(process->waitForFinished(120'000));
    QCOMPARE(process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(process->exitCode(), 0);
    const QList<QByteArray> lines = process->readAllStandardOutput().trimmed().split('\n');
    QVERIFY(lines.size() > 3);
    QCOMPARE(lines.at(lines.size() - 2), QByteArray("failed"));
    const QString message = QString::fromUtf8(lines.last());
    QVERIFY2(message.contains(file()) && (message.contains(u"full"_s) || message.contains(u"Cannot write"_s)),
             qPrintable(message));
    const QByteArray lastRecorded = lines.at(lines.size() - 3);
    QVERIFY(lastRecorded.startsWith("recorded "));
    const int polls = lastRecorded.mid(9).toInt() + 1;
    QVERIFY(polls > 5);

    QCOMPARE(RawFile(file()).integrity(), u"ok"_s);
    HistoryDatabase db;
    QCOMPARE(db.open(file()), HistoryDatabase::OpenResult::Opened);
    QCOMPARE(db.tasks({}).size(), polls * 20); // every committed poll, nothing of the failed one
    QCOMPARE(db.transitions({}).size(), polls * 20);
}

void TestHistoryStore::killedWriterKeepsEveryCommittedPoll_data()
{
    QTest::addColumn<int>("polls");
    for (int polls : {1, 2, 4, 7, 11})
        QTest::addRow("after %d polls", polls) << polls;
}

void TestHistoryStore::killedWriterKeepsEveryCommittedPoll()
{
    QFETCH(int, polls);
    QProcess *process = child({u"record"_s, file()});
    QVERIFY(process->waitForStarted());
    int committed = -1;
    QByteArray pending;
    while (committed + 1 < polls) {
        QVERIFY2(process->waitForReadyRead(60'000), "the writer stopped");
        pending += process->readAllStandardOutput();
        qsizetype end;
        while ((end = pending.indexOf('\n')) >= 0) {
            const QByteArray line = pending.left(end);
            pending.remove(0, end + 1);
            QVERIFY(line.startsWith("committed "));
            committed = line.mid(10).toInt();
        }
    }
    // Mid-write most likely: the next poll is on its way.
    QThread::usleep(QRandomGenerator::global()->bounded(3000));
    ::kill(pid_t(process->processId()), SIGKILL);
    QVERIFY(process->waitForFinished(10'000));
    pending += process->readAllStandardOutput();
    for (const QByteArray &line : pending.split('\n')) {
        if (line.startsWith("committed "))
            committed = line.mid(10).toInt();
    }

    QCOMPARE(RawFile(file()).integrity(), u"ok"_s);
    HistoryDatabase db;
    QCOMPARE(db.open(file()), HistoryDatabase::OpenResult::Opened);
    QCOMPARE(db.integrityCheck(), u"ok"_s);
    const QStringList ids = idsOf(db.tasks({}));
    QVERIFY2(ids.size() >= (committed + 1) * 100, qPrintable(QString::number(ids.size())));
    for (int poll = 0; poll <= committed; ++poll)
        QVERIFY(ids.contains(u"p"_s + QString::number(poll) + u"-99"_s));
    QVERIFY(ids.size() % 100 == 0); // whole polls only
    Poller poller(&db);
    QVERIFY(poller.poll(tasks(u"after"_s), at(100'000), true, true));
}

void TestHistoryStore::secondWriterWaitsOrReadsOnly()
{
    {
        HistoryDatabase db;
        QCOMPARE(db.open(file()), HistoryDatabase::OpenResult::Opened);
        Poller poller(&db);
        QVERIFY(poller.poll(tasks(u"a"_s), at(0)));
    }
    // Another process holds a write transaction until told.
    QProcess *holder = child({u"hold"_s, file(), u"stdin"_s});
    QVERIFY(holder->waitForReadyRead(30'000));
    QCOMPARE(holder->readLine().trimmed(), QByteArray("locked"));

    HistoryDatabase second;
    second.setBusyTimeout(300);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(second.open(file()), HistoryDatabase::OpenResult::OpenedReadOnly);
    QVERIFY(timer.elapsed() >= 250); // it waited first
    QVERIFY2(second.message().contains(u"Another Taskscope process"_s), qPrintable(second.message()));
    QCOMPARE(idsOf(second.tasks({})), QStringList{u"a"_s});

    // A writer already open: its write waits, then fails with a message, and nothing breaks.
    HistoryDatabase first;
    holder->write("go\n");
    QVERIFY(holder->waitForFinished(30'000));
    QCOMPARE(holder->exitCode(), 0);
    first.setBusyTimeout(300);
    QCOMPARE(first.open(file()), HistoryDatabase::OpenResult::Opened);
    QProcess *again = child({u"hold"_s, file(), u"stdin"_s});
    QVERIFY(again->waitForReadyRead(30'000));
    Poller poller(&first);
    poller.forest = TaskForest::build(tasks(u"a"_s));
    QVERIFY(!poller.poll(tasks(u"a; b"_s), at(10)));
    QVERIFY2(first.message().contains(u"Another process"_s), qPrintable(first.message()));
    again->write("go\n");
    QVERIFY(again->waitForFinished(30'000));
    poller.forest = TaskForest::build(tasks(u"a"_s));
    QVERIFY2(poller.poll(tasks(u"a; b"_s), at(20)), qPrintable(first.message()));

    // Short contention: the write waits for the other process and goes through.
    first.close();
    HistoryDatabase patient;
    patient.setBusyTimeout(20'000);
    QCOMPARE(patient.open(file()), HistoryDatabase::OpenResult::Opened);
    QProcess *brief = child({u"hold"_s, file(), u"400"_s});
    QVERIFY(brief->waitForReadyRead(30'000));
    Poller patientPoller(&patient);
    patientPoller.forest = poller.forest;
    QVERIFY2(patientPoller.poll(tasks(u"a; b; c"_s), at(30)), qPrintable(patient.message()));
    QVERIFY(brief->waitForFinished(30'000));
    QCOMPARE(brief->exitCode(), 0);
    QCOMPARE(idsOf(patient.tasks({})), (QStringList{u"a"_s, u"b"_s, u"c"_s}));
    QCOMPARE(patient.integrityCheck(), u"ok"_s);
}

void TestHistoryStore::storeRecordsOnItsThreadAndAnswersOnTheCallers()
{
    HistoryStore store;
    QCOMPARE(store.status(), HistoryStore::Status::Off);
    QSignalSpy status(&store, &HistoryStore::statusChanged);
    QSignalSpy recorded(&store, &HistoryStore::recorded);
    store.open(file());
    QCOMPARE(store.path(), file());
    QTRY_COMPARE(store.status(), HistoryStore::Status::Recording);
    QCOMPARE(status.size(), 1);

    Poller poller;
    store.record(poller.batch(tasks(u"a; b<a"_s), at(0), true, true));
    store.record(poller.batch(tasks(u"a st=completed; b<a"_s), at(10)));
    store.record(poller.batch(tasks(u"a st=completed; b<a"_s), at(20)));
    store.flush(); // written, and the signals delivered
    QCOMPARE(recorded.size(), 3);
    QVERIFY(recorded.at(0).at(0).value<QList<HistoryTransition>>().isEmpty()); // the first sightings: not news
    const auto second = recorded.at(1).at(0).value<QList<HistoryTransition>>();
    QCOMPARE(linesOf(second), QStringList{u"a running>completed"_s});
    QCOMPARE(second.at(0).appName, u"shop"_s);
    QVERIFY(recorded.at(2).at(0).value<QList<HistoryTransition>>().isEmpty());

    QObject context;
    QList<HistoryTask> answer;
    bool answered = false;
    Qt::HANDLE answeredOn = nullptr;
    store.queryTasks({}, &context, [&](QList<HistoryTask> result) {
        answer = result;
        answered = true;
        answeredOn = QThread::currentThreadId();
    });
    QList<HistoryTransition> changes;
    HistoryQuery ofA;
    ofA.taskId = u"a"_s;
    store.queryTransitions(ofA, &context, [&](QList<HistoryTransition> result) { changes = result; });
    QTRY_VERIFY(answered);
    QCOMPARE(answeredOn, QThread::currentThreadId());
    QCOMPARE(idsOf(answer), (QStringList{u"a"_s, u"b"_s}));
    QTRY_COMPARE(linesOf(changes), (QStringList{u"a ->running"_s, u"a running>completed"_s}));

    // A context that is gone gets nothing (and nothing crashes).
    bool late = false;
    auto gone = std::make_unique<QObject>();
    store.queryTasks({}, gone.get(), [&](QList<HistoryTask>) { late = true; });
    gone.reset();
    store.flush();
    QCoreApplication::processEvents();
    QVERIFY(!late);

    // Another reader sees what the store wrote.
    HistoryDatabase reader;
    QCOMPARE(reader.open(file(), HistoryDatabase::Mode::ReadOnly), HistoryDatabase::OpenResult::Opened);
    QCOMPARE(reader.transitions({}).size(), 3);
}

void TestHistoryStore::storeReportsItsStatus()
{
    {
        // Cannot open: Failed with the reason; records are dropped, polling goes on.
        QFile plain(file(u"plain"_s));
        QVERIFY(plain.open(QIODevice::WriteOnly));
        HistoryStore store;
        QSignalSpy status(&store, &HistoryStore::statusChanged);
        store.open(file(u"plain/history.sqlite"_s));
        QTRY_COMPARE(status.size(), 1);
        QCOMPARE(status.at(0).at(0).value<HistoryStore::Status>(), HistoryStore::Status::Failed);
        QVERIFY(!status.at(0).at(1).toString().isEmpty());
        Poller poller;
        store.record(poller.batch(tasks(u"a"_s), at(0)));
        store.flush();
        QCOMPARE(store.status(), HistoryStore::Status::Failed);
    }
    {
        // Retention at open: tasks gone long ago are deleted.
        HistoryDatabase db;
        QCOMPARE(db.open(file()), HistoryDatabase::OpenResult::Opened);
        Poller poller(&db);
        QVERIFY(poller.poll(tasks(u"old; kept"_s), QDateTime::currentDateTimeUtc().addDays(-40)));
        QVERIFY(poller.poll(tasks(u"kept"_s), QDateTime::currentDateTimeUtc().addDays(-39)));
    }
    {
        HistoryStore store;
        store.setRetention(30, 0);
        store.open(file());
        QTRY_COMPARE(store.status(), HistoryStore::Status::Recording);
        store.flush();
        QList<HistoryTask> left;
        bool answered = false;
        store.queryTasks({}, this, [&](QList<HistoryTask> result) { left = result; answered = true; });
        QTRY_VERIFY(answered);
        QCOMPARE(idsOf(left), QStringList{u"kept"_s});
    }
    {
        // A newer file: ReadOnly, with the message.
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"newer"_s);
            raw.setDatabaseName(file());
            QVERIFY(raw.open());
            QSqlQuery(raw).exec(u"PRAGMA user_version = 99"_s);
            raw.close();
        }
        QSqlDatabase::removeDatabase(u"newer"_s);
        HistoryStore store;
        store.open(file());
        QTRY_COMPARE(store.status(), HistoryStore::Status::ReadOnly);
        QVERIFY(store.message().contains(u"newer"_s));
        store.close();
        QCOMPARE(store.status(), HistoryStore::Status::Off);
    }
}

void TestHistoryStore::storeFailsAWriteAndRecovers()
{
    {
        HistoryDatabase db;
        QCOMPARE(db.open(file()), HistoryDatabase::OpenResult::Opened);
    }
    HistoryStore store;
    store.setBusyTimeout(200);
    QSignalSpy status(&store, &HistoryStore::statusChanged);
    store.open(file());
    QTRY_COMPARE(store.status(), HistoryStore::Status::Recording);
    QProcess *holder = child({u"hold"_s, file(), u"stdin"_s});
    QVERIFY(holder->waitForReadyRead(30'000));
    Poller poller;
    store.record(poller.batch(tasks(u"a"_s), at(0)));
    store.flush();
    QCOMPARE(store.status(), HistoryStore::Status::Failed);
    QVERIFY2(store.message().contains(u"Another process"_s), qPrintable(store.message()));
    holder->write("go\n");
    QVERIFY(holder->waitForFinished(30'000));
    poller.forest = nullptr; // the failed poll was not kept: this one appears again
    store.record(poller.batch(tasks(u"a; b"_s), at(10)));
    store.flush();
    QCOMPARE(store.status(), HistoryStore::Status::Recording);
    QVERIFY(store.message().isEmpty());
    QCOMPARE(status.size(), 3); // Recording, Failed, Recording
}

void TestHistoryStore::durationsOfCompletedRuns()
{
    {
        HistoryDatabase db;
        QCOMPARE(db.open(file()), HistoryDatabase::OpenResult::Opened);
        Poller poller(&db);
        QList<Task> list = tasks(u"a n=backup s=0; b n=backup s=0 e=600 st=completed; c n=backup s=0;"
                                 " d n=backup s=0 e=50 st=failed; e n=backup s=10 e=130 st=completed;"
                                 " y n=restore s=10 e=70 st=completed; z n=restore st=completed"_s);
        list += tasks(u"x n=backup s=0 e=900 st=completed"_s, u"app-2"_s);
        QVERIFY(poller.poll(list, at(0), true, true));
        // a completes later: the newest run of its kind.
        list[0] = tasks(u"a n=backup s=0 e=300 st=completed"_s).constFirst();
        QVERIFY(poller.poll(list, at(400)));
        // Another connection's runs are not this one's.
        Poller other(&db);
        const QString otherKey = historyConnectionKey(QUrl(u"https://other.example.com"_s), u"acct"_s);
        other.plan = SnapshotDiff::compute({}, tasks(u"o n=backup s=0 e=5 st=completed"_s), {}, at(0));
        QVERIFY(db.record(HistoryBatch::fromPlan(other.plan, otherKey, u"other"_s, other.table, true, true, at(0))));

        DurationTable table = db.durations(kKey);
        QCOMPARE(table.size(), 3);
        QList<qint64> backups = table.value(DurationKey{u"backup"_s, u"app-1"_s});
        QCOMPARE(backups.constFirst(), 300); // newest first
        std::sort(backups.begin(), backups.end());
        QCOMPARE(backups, (QList<qint64>{120, 300, 600})); // completed only: not d (failed) nor c (running)
        QCOMPARE(table.value(DurationKey{u"backup"_s, u"app-2"_s}), QList<qint64>{900});
        QCOMPARE(table.value(DurationKey{u"restore"_s, u"app-1"_s}), QList<qint64>{60}); // z has no times
        // Bounded: the newest runs per key, the newest rows overall.
        QCOMPARE(db.durations(kKey, 1).value(DurationKey{u"backup"_s, u"app-1"_s}), QList<qint64>{300});
        table = db.durations(kKey, 200, 1);
        QCOMPARE(table.size(), 1);
        QCOMPARE(table.value(DurationKey{u"backup"_s, u"app-1"_s}), QList<qint64>{300});
        QCOMPARE(db.durations(otherKey).value(DurationKey{u"backup"_s, u"app-1"_s}), QList<qint64>{5});
        QVERIFY(db.durations(u"no-such-connection"_s).isEmpty());
    }
    // Through the store: on its thread, answered on the caller's.
    HistoryStore store;
    store.open(file());
    QTRY_COMPARE(store.status(), HistoryStore::Status::Recording);
    QObject context;
    std::optional<DurationTable> answer;
    Qt::HANDLE answeredOn = nullptr;
    store.queryDurations(kKey, &context, [&](DurationTable result) {
        answer = std::move(result);
        answeredOn = QThread::currentThreadId();
    });
    QTRY_VERIFY(answer.has_value());
    QCOMPARE(answeredOn, QThread::currentThreadId());
    QCOMPARE(answer->value(DurationKey{u"backup"_s, u"app-2"_s}), QList<qint64>{900});
}

int main(int argc, char **argv)
{
    if (argc > 2 && qstrcmp(argv[1], "--child") == 0)
        return childMain(argc, argv);
    QCoreApplication app(argc, argv);
    TestHistoryStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_historystore.moc"
