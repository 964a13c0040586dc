// `taskscope watch` and `taskscope history` end to end: the real binaries against the real demo
// server, real SQLite files; and kill -9 at random moments loses nothing that was printed.
#include "cliprocess.h"
#include "csvread.h"
#include "demoprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace Qt::StringLiterals;

class TestHistoryCli : public QObject
{
    Q_OBJECT
private:
    using Result = CliResult;

    QTemporaryDir m_dir;
    QProcess m_server;
    DemoEndpoint m_endpoint;
    QString m_tokenFile;

    // No display, no keychain, settings and data in the test's own folder.
    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = headlessEnvironment();
        env.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
        env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
        env.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"data"_s));
        return env;
    }

    Result run(const QStringList &arguments, int msecs = 60000) const
    {
        return runCli(QStringLiteral(TASKSCOPE_BINARY), arguments, environment(), {}, msecs);
    }

    QStringList endpoint() const
    {
        return {u"--url"_s, m_endpoint.url, u"--account"_s, m_endpoint.account, u"--token-file"_s, m_tokenFile};
    }

    QStringList watchArguments(const QString &history, const QStringList &extra = {}) const
    {
        return QStringList{u"watch"_s} + endpoint() + QStringList{u"--history"_s, history, u"--interval"_s, u"0.2"_s}
            + extra;
    }

    // The complete lines `process` printed so far (what is after the last \n stays in `pending`).
    static QList<QByteArray> takeLines(QProcess &process, QByteArray *pending)
    {
        *pending += process.readAllStandardOutput();
        const qsizetype end = pending->lastIndexOf('\n');
        if (end < 0)
            return {};
        QList<QByteArray> lines = pending->left(end).split('\n');
        pending->remove(0, end + 1);
        return lines;
    }

    // Reads `process`'s lines until it printed `count` of them or `msecs` passed.
    static QList<QByteArray> waitForLines(QProcess &process, QByteArray *pending, int count, int msecs)
    {
        QList<QByteArray> lines;
        const QDeadlineTimer deadline(msecs);
        while (lines.size() < count && !deadline.hasExpired() && process.state() == QProcess::Running) {
            process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
            lines += takeLines(process, pending);
        }
        return lines;
    }

    static QSet<QByteArray> lineSet(const QByteArray &text)
    {
        QSet<QByteArray> lines;
        for (const QByteArray &line : text.split('\n')) {
            if (!line.isEmpty())
                lines.insert(line);
        }
        return lines;
    }

    // The shape every transition line has: seven tab-separated fields, none empty.
    static bool hasLineShape(const QByteArray &line)
    {
        static const QRegularExpression shape(
            u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\\t[^\\t]+\\t[^\\t]+\\t[^\\t]+\\t[^\\t]+\\t[^\\t]+ -> [^\\t]+\\t[^\\t]+$"_s);
        return shape.match(QString::fromUtf8(line)).hasMatch();
    }

    Result transitionsIn(const QString &history) const
    {
        return run({u"history"_s, u"--history"_s, history, u"--format"_s, u"transitions"_s});
    }

    static QByteArray sqlite(const QString &file, const QString &sql)
    {
        QProcess process;
        process.start(u"sqlite3"_s, {file, sql});
        if (!process.waitForFinished(30000) || process.exitCode() != 0)
            return "sqlite3 failed: " + process.readAllStandardError();
        return process.readAllStandardOutput().trimmed();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_endpoint = startDemoServer(m_server, QStringLiteral(TASKSCOPE_DEMO_SERVER),
                                     {u"--port"_s, u"0"_s, u"--speed"_s, u"20"_s, u"--retention"_s, u"5"_s,
                                      u"--tasks"_s, u"120"_s, u"--token"_s, u"t0ken-history-cli"_s});
        QVERIFY(m_endpoint.isValid());
        m_tokenFile = m_dir.filePath(u"token"_s);
        QFile file(m_tokenFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("t0ken-history-cli\n");
    }

    void cleanupTestCase()
    {
        m_server.kill();
        m_server.waitForFinished();
    }

    // A recorded run, read back by another process in every format.
    void recordThenReadInANewProcess()
    {
        const QString history = m_dir.filePath(u"record.sqlite"_s);
        const Result watch = run(watchArguments(history, {u"--duration"_s, u"4"_s}));
        QCOMPARE(watch.exitCode, 0);
        QVERIFY2(!watch.err.contains("t0ken"), watch.err.constData());
        const QSet<QByteArray> printed = lineSet(watch.out);
        QVERIFY2(!printed.isEmpty(), watch.err.constData());
        bool anyChange = false;
        for (const QByteArray &line : printed) {
            QVERIFY2(hasLineShape(line), line.constData());
            QVERIFY2(line.contains("\t127.0.0.1:"), line.constData()); // the connection's label
            anyChange = anyChange || !line.contains("\t(new) -> ");
        }
        QVERIFY(anyChange);

        const Result transitions = transitionsIn(history);
        QCOMPARE(transitions.exitCode, 0);
        const QSet<QByteArray> recorded = lineSet(transitions.out);
        QVERIFY2(recorded.contains(printed), transitions.out.constData());
        // In time order.
        QByteArrayList times;
        for (const QByteArray &line : transitions.out.split('\n')) {
            if (!line.isEmpty())
                times.append(line.left(line.indexOf('\t')));
        }
        QVERIFY(std::is_sorted(times.cbegin(), times.cend()));

        const Result json = run({u"history"_s, u"--history"_s, history});
        QCOMPARE(json.exitCode, 0);
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(json.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonArray items = document.object().value(u"items"_s).toArray();
        QVERIFY(items.size() >= 100); // about 120 listed at any time, and the retired ones stay
        QSet<QString> ids;
        for (const QJsonValue &item : items) {
            const QString id = item.toObject().value(u"id"_s).toString();
            QVERIFY(!id.isEmpty());
            ids.insert(id);
        }
        QCOMPARE(ids.size(), items.size());
        // Every task a line names is there.
        for (const QByteArray &line : printed)
            QVERIFY2(ids.contains(QString::fromUtf8(line.split('\t').value(2))), line.constData());

        const Result csv = run({u"history"_s, u"--history"_s, history, u"--format"_s, u"csv"_s});
        QCOMPARE(csv.exitCode, 0);
        QVERIFY2(csv.out.startsWith("id,parentTaskID,name,"), csv.out.left(200).constData());
        QCOMPARE(Taskscope::readCsv(csv.out).size(), items.size() + 1);

        const Result tree = run({u"history"_s, u"--history"_s, history, u"--format"_s, u"tree"_s});
        QCOMPARE(tree.exitCode, 0);
        QCOMPARE(tree.out.count('\n'), items.size());

        // What the history knows of a task filters as in the window: the server retired some
        // (retention 5 s at speed 20), and they are kept, gone.
        const Result gone = run({u"history"_s, u"--history"_s, history, u"--format"_s, u"tree"_s, u"--filter"_s,
                                 u"gone gt now-1h"_s});
        const Result listed = run({u"history"_s, u"--history"_s, history, u"--format"_s, u"tree"_s, u"--filter"_s,
                                   u"not (gone gt now-1h)"_s});
        QCOMPARE(gone.exitCode, 0);
        QVERIFY2(gone.out.count('\n') > 0, gone.err.constData());
        QCOMPARE(gone.out.count('\n') + listed.out.count('\n'), items.size());

        // Named by its URL and account, it is the same history; another account has none.
        const Result named = run({u"history"_s, u"--history"_s, history, u"--url"_s, m_endpoint.url, u"--account"_s,
                                  m_endpoint.account});
        QCOMPARE(named.exitCode, 0);
        QCOMPARE(named.out, json.out);
        const Result other = run({u"history"_s, u"--history"_s, history, u"--url"_s, m_endpoint.url, u"--account"_s,
                                  u"someone-else"_s});
        QCOMPARE(other.exitCode, 1);
        QVERIFY2(other.err.contains("holds no history of"), other.err.constData());

        // --output: the same bytes, written whole.
        const QString output = m_dir.filePath(u"history.json"_s);
        const Result toFile = run({u"history"_s, u"--history"_s, history, u"--output"_s, output});
        QCOMPARE(toFile.exitCode, 0);
        QVERIFY(toFile.out.isEmpty());
        QFile written(output);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), json.out);

        // Times: nothing after the end of time, nothing before the run, everything within a day.
        const Result future = run({u"history"_s, u"--history"_s, history, u"--format"_s, u"transitions"_s,
                                   u"--since"_s, u"2999-01-01T00:00:00Z"_s});
        QCOMPARE(future.exitCode, 0);
        QVERIFY(future.out.isEmpty());
        const Result past = run({u"history"_s, u"--history"_s, history, u"--format"_s, u"tree"_s, u"--until"_s,
                                 u"2000-01-01T00:00:00Z"_s});
        QCOMPARE(past.exitCode, 0);
        QVERIFY(past.out.isEmpty());
        const Result day = run({u"history"_s, u"--history"_s, history, u"--format"_s, u"transitions"_s, u"--since"_s,
                                u"now-24h"_s});
        QCOMPARE(day.exitCode, 0);
        QCOMPARE(day.out, transitions.out);
    }

    // `watch --demo` and `history --demo` name the same connection, though the embedded server's
    // port differs every time.
    void demoWatchAndHistoryAgree()
    {
        const QString history = m_dir.filePath(u"demo.sqlite"_s);
        for (int session = 0; session < 2; ++session) {
            const Result watch = run({u"watch"_s, u"--demo"_s, u"--history"_s, history, u"--duration"_s, u"1.5"_s,
                                      u"--interval"_s, u"0.3"_s});
            QCOMPARE(watch.exitCode, 0);
        }
        const Result json = run({u"history"_s, u"--demo"_s, u"--history"_s, history});
        QCOMPARE(json.exitCode, 0);
        QVERIFY(!QJsonDocument::fromJson(json.out).object().value(u"items"_s).toArray().isEmpty());
        // Two sessions, one connection.
        const Result all = run({u"history"_s, u"--history"_s, history});
        QCOMPARE(all.out, json.out);
        QCOMPARE(sqlite(history, u"PRAGMA integrity_check;"_s), QByteArray("ok"));
    }

    // --filter limits what is printed, not what is recorded.
    void filterLimitsPrintedLinesOnly()
    {
        const QString history = m_dir.filePath(u"filtered.sqlite"_s);
        const Result watch = run(watchArguments(history, {u"--duration"_s, u"4"_s, u"--filter"_s,
                                                          u"state eq 'completed'"_s}));
        QCOMPARE(watch.exitCode, 0);
        const QSet<QByteArray> printed = lineSet(watch.out);
        QVERIFY2(!printed.isEmpty(), watch.err.constData());
        for (const QByteArray &line : printed)
            QVERIFY2(line.contains(" -> completed\t"), line.constData());
        const QSet<QByteArray> recorded = lineSet(transitionsIn(history).out);
        QVERIFY(recorded.contains(printed));
        qsizetype others = 0;
        for (const QByteArray &line : recorded)
            others += line.contains(" -> completed\t") ? 0 : 1;
        QVERIFY(others > 0); // recorded, not printed

        // history --filter: the transitions of the tasks that match (on what the task became).
        const Result completed = run({u"history"_s, u"--history"_s, history, u"--format"_s, u"transitions"_s,
                                      u"--filter"_s, u"state eq 'completed'"_s});
        QCOMPARE(completed.exitCode, 0);
        QVERIFY(!completed.out.isEmpty());
        QVERIFY(lineSet(completed.out).size() < recorded.size());
        QVERIFY(recorded.contains(lineSet(completed.out)));
        const Result none = run({u"history"_s, u"--history"_s, history, u"--filter"_s, u"name eq 'no such task'"_s,
                                 u"--format"_s, u"tree"_s});
        QCOMPARE(none.exitCode, 0);
        QVERIFY(none.out.isEmpty());
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("watch, bad filter") << QStringList{u"watch"_s, u"--demo"_s, u"--filter"_s, u"state eq"_s} << 2
                                           << QByteArray("taskscope watch: --filter: ");
        QTest::newRow("history, bad filter")
            << QStringList{u"history"_s, u"--filter"_s, u"stat eq 'failed'"_s} << 2
            << QByteArray("taskscope history: --filter: ");
        QTest::newRow("history, missing file")
            << QStringList{u"history"_s, u"--history"_s, u"/nonexistent/history.sqlite"_s} << 1
            << QByteArray("taskscope history: no history file at /nonexistent/history.sqlite");
        QTest::newRow("history, bad time") << QStringList{u"history"_s, u"--since"_s, u"yesterday"_s} << 2
                                           << QByteArray("taskscope history: --since: not a time");
        QTest::newRow("history, bad format") << QStringList{u"history"_s, u"--format"_s, u"xml"_s} << 2
                                             << QByteArray("unknown format");
        QTest::newRow("watch, nothing to watch") << QStringList{u"watch"_s} << 2 << QByteArray("say what to watch");
        QTest::newRow("watch, two sources")
            << QStringList{u"watch"_s, u"--demo"_s, u"--url"_s, u"https://astra.invalid"_s} << 2
            << QByteArray("exclude each other");
        QTest::newRow("watch, no token")
            << QStringList{u"watch"_s, u"--url"_s, u"https://astra.invalid"_s, u"--account"_s, u"a"_s} << 2
            << QByteArray("no API token");
        QTest::newRow("watch, bad duration") << QStringList{u"watch"_s, u"--demo"_s, u"--duration"_s, u"soon"_s} << 2
                                             << QByteArray("--duration");
        QTest::newRow("watch, unknown saved connection")
            << QStringList{u"watch"_s, u"--connection"_s, u"Nowhere"_s} << 2
            << QByteArray("no saved connection \"Nowhere\"");
    }

    void errors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, message);
        const Result result = run(arguments);
        QCOMPARE(result.exitCode, exitCode);
        QVERIFY(result.out.isEmpty());
        QVERIFY2(result.err.contains(message), result.err.constData());
    }

    // Watch exists to record: a history it cannot write ends it at once.
    void historyThatCannotBeWrittenExitsOne()
    {
        const QString notAFolder = m_dir.filePath(u"plain-file"_s);
        QFile file(notAFolder);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const Result result = run(watchArguments(notAFolder + u"/history.sqlite"_s, {u"--duration"_s, u"30"_s}), 20000);
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.out.isEmpty());
        // (The store's log may say it first, as a diagnostic line of its own.)
        QVERIFY2(result.err.contains(QByteArray("\ntaskscope watch: cannot record the history in " + notAFolder.toUtf8()))
                     || result.err.startsWith("taskscope watch: cannot record the history in "),
                 result.err.constData());
    }

    // Without --history both use the user's file (in the data folder the window uses), and a file
    // of a newer Taskscope is read, never written.
    void defaultFileAndNewerSchema()
    {
        const Result watch = run({u"watch"_s, u"--demo"_s, u"--duration"_s, u"1"_s, u"--interval"_s, u"0.3"_s});
        QCOMPARE(watch.exitCode, 0);
        const QString file = m_dir.filePath(u"data/Taskscope/taskscope/history.sqlite"_s);
        QVERIFY(QFile::exists(file));
        const Result tree = run({u"history"_s, u"--demo"_s, u"--format"_s, u"tree"_s});
        QCOMPARE(tree.exitCode, 0);
        QVERIFY(!tree.out.isEmpty());

        QCOMPARE(sqlite(file, u"PRAGMA user_version = 999;"_s), QByteArray());
        const Result newer = run({u"history"_s, u"--demo"_s, u"--format"_s, u"tree"_s});
        QCOMPARE(newer.exitCode, 0);
        QCOMPARE(newer.out, tree.out);
        QVERIFY2(newer.err.contains("taskscope history: note: ") && newer.err.contains("newer"), newer.err.constData());
        const Result refused = run({u"watch"_s, u"--demo"_s, u"--duration"_s, u"10"_s});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("taskscope watch: cannot record the history in "), refused.err.constData());
        QCOMPARE(sqlite(file, u"PRAGMA user_version;"_s), QByteArray("999"));
        // An ISO date alone is its midnight.
        const Result sinceDate = run({u"history"_s, u"--demo"_s, u"--format"_s, u"tree"_s, u"--since"_s, u"2000-01-01"_s});
        QCOMPARE(sinceDate.exitCode, 0);
        QCOMPARE(sinceDate.out, tree.out);
    }

    // A full disk (here a file size limit, as tst_security does for exports) stops recording, not
    // polling: a line on stderr, nothing printed that is not in the file, exit 0 at the end.
    void fullDiskKeepsPolling()
    {
        const QString history = m_dir.filePath(u"full.sqlite"_s);
        QProcess watch;
        watch.setProcessEnvironment(environment());
        watch.setChildProcessModifier([] {
            const rlimit limit{64 * 1024, 64 * 1024}; // room for the schema, not for a poll of 120 tasks
            ::setrlimit(RLIMIT_FSIZE, &limit);
        });
        watch.start(QStringLiteral(TASKSCOPE_BINARY), watchArguments(history, {u"--duration"_s, u"2"_s}));
        QVERIFY(watch.waitForFinished(30000));
        QCOMPARE(watch.exitStatus(), QProcess::NormalExit);
        QCOMPARE(watch.exitCode(), 0);
        const QByteArray err = watch.readAllStandardError();
        QVERIFY2(err.contains("taskscope watch: Cannot write the history file"), err.constData());
        const QSet<QByteArray> printed = lineSet(watch.readAllStandardOutput());
        QCOMPARE(sqlite(history, u"PRAGMA integrity_check;"_s), QByteArray("ok"));
        QVERIFY(lineSet(transitionsIn(history).out).contains(printed));
    }

    // A server that fails half of the requests: each failure is a line on stderr, polling goes on
    // (with backoff) and transitions are still printed.
    void pollErrorsDoNotEndIt()
    {
        QProcess server;
        const DemoEndpoint flaky = startDemoServer(server, QStringLiteral(TASKSCOPE_DEMO_SERVER),
                                                   {u"--port"_s, u"0"_s, u"--speed"_s, u"20"_s, u"--tasks"_s, u"60"_s,
                                                    u"--token"_s, u"t0ken-history-cli"_s, u"--error-rate"_s, u"0.3"_s});
        QVERIFY(flaky.isValid());
        QProcess watch;
        watch.setProcessEnvironment(environment());
        watch.start(QStringLiteral(TASKSCOPE_BINARY),
                    {u"watch"_s, u"--url"_s, flaky.url, u"--account"_s, flaky.account, u"--token-file"_s, m_tokenFile,
                     u"--history"_s, m_dir.filePath(u"flaky.sqlite"_s), u"--interval"_s, u"0.2"_s});
        QVERIFY(watch.waitForStarted());
        QByteArray err;
        QByteArray pending;
        QList<QByteArray> lines;
        const QDeadlineTimer deadline(30000);
        while ((lines.isEmpty() || !err.contains("(retrying in ")) && !deadline.hasExpired()
               && watch.state() == QProcess::Running) {
            watch.waitForReadyRead(100);
            err += watch.readAllStandardError();
            lines += takeLines(watch, &pending);
        }
        watch.terminate();
        QVERIFY(watch.waitForFinished(20000));
        server.kill();
        server.waitForFinished();
        QCOMPARE(watch.exitStatus(), QProcess::NormalExit);
        QCOMPARE(watch.exitCode(), 0);
        QVERIFY2(err.contains("taskscope watch: HTTP 5") && err.contains("(retrying in "), err.constData());
        QVERIFY2(!lines.isEmpty(), err.constData());
    }

    // Credentials refused: exit 3 with the server's problem, and never the token.
    void refusedTokenExitsThree()
    {
        const QString wrong = m_dir.filePath(u"wrong-token"_s);
        QFile file(wrong);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not-the-t0ken\n");
        file.close();
        const Result result = run({u"watch"_s, u"--url"_s, m_endpoint.url, u"--account"_s, m_endpoint.account,
                                   u"--token-file"_s, wrong, u"--history"_s, m_dir.filePath(u"refused.sqlite"_s)},
                                  30000);
        QCOMPARE(result.exitCode, 3);
        QVERIFY2(result.err.contains("401"), result.err.constData());
        QVERIFY(!result.err.contains("not-the-t0ken"));
    }

    // A saved connection, by its name, as the window keeps it; its token from a file when there is
    // no keychain (and a clear message when there is neither).
    void savedConnectionByName()
    {
        const QString configDir = m_dir.filePath(u"config/Taskscope"_s);
        QVERIFY(QDir().mkpath(configDir));
        QFile settings(configDir + u"/taskscope.conf"_s);
        QVERIFY(settings.open(QIODevice::WriteOnly));
        settings.write("[Connections]\n1\\id=6b0e7c1e-1111-4c4c-9d9d-000000000001\n1\\name=Lab demo\n1\\url="
                       + m_endpoint.url.toUtf8() + "\n1\\account=" + m_endpoint.account.toUtf8()
                       + "\n1\\pollIntervalSeconds=1\nsize=1\n");
        settings.close();
        const QString history = m_dir.filePath(u"saved.sqlite"_s);
        const Result noToken = run({u"watch"_s, u"--connection"_s, u"Lab demo"_s, u"--history"_s, history});
        QCOMPARE(noToken.exitCode, 2);
        QVERIFY2(noToken.err.contains("no API token for \"Lab demo\"") && noToken.err.contains("--token-file"),
                 noToken.err.constData());

        const Result watch = run({u"watch"_s, u"--connection"_s, u"Lab demo"_s, u"--token-file"_s, m_tokenFile,
                                  u"--history"_s, history, u"--duration"_s, u"1.5"_s});
        QCOMPARE(watch.exitCode, 0);
        const Result byName = run({u"history"_s, u"--connection"_s, u"Lab demo"_s, u"--history"_s, history});
        QCOMPARE(byName.exitCode, 0);
        QVERIFY(!QJsonDocument::fromJson(byName.out).object().value(u"items"_s).toArray().isEmpty());
        const Result byUrl = run({u"history"_s, u"--url"_s, m_endpoint.url, u"--account"_s, m_endpoint.account,
                                  u"--history"_s, history});
        QCOMPARE(byUrl.out, byName.out);
        const Result unknown = run({u"history"_s, u"--connection"_s, u"Lab"_s, u"--history"_s, history});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains("\"Lab demo\""), unknown.err.constData());
        QVERIFY(QFile::remove(settings.fileName()));
    }

    // SIGTERM (and SIGINT) end watch with 0, after what was polled is written: the file holds
    // every line it printed.
    void sigtermEndsCleanly()
    {
        for (const int signal : {SIGTERM, SIGINT}) {
            const QString history = m_dir.filePath(u"term-%1.sqlite"_s.arg(signal));
            QProcess watch;
            watch.setProcessEnvironment(environment());
            watch.start(QStringLiteral(TASKSCOPE_BINARY), watchArguments(history));
            QVERIFY(watch.waitForStarted());
            QByteArray pending;
            QList<QByteArray> lines = waitForLines(watch, &pending, 1, 20000);
            QVERIFY2(!lines.isEmpty(), watch.readAllStandardError().constData());
            ::kill(pid_t(watch.processId()), signal);
            QVERIFY(watch.waitForFinished(20000));
            QCOMPARE(watch.exitStatus(), QProcess::NormalExit);
            QCOMPARE(watch.exitCode(), 0);
            lines += takeLines(watch, &pending);
            QVERIFY(pending.isEmpty()); // no half line
            const Result recorded = transitionsIn(history);
            QCOMPARE(recorded.exitCode, 0);
            const QSet<QByteArray> inFile = lineSet(recorded.out);
            for (const QByteArray &line : std::as_const(lines))
                QVERIFY2(inFile.contains(line), line.constData());
        }
    }

    // THE KILL TEST: kill -9 at random moments, 20 times, on one file. After each kill the file
    // opens, passes integrity_check, and holds every line printed before the kill (a line is
    // printed only once its poll is committed).
    void killNineLosesNothingCommitted()
    {
        const QString history = m_dir.filePath(u"killed.sqlite"_s);
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("seed %u", seed);
        QRandomGenerator random(seed);
        int printedTotal = 0;
        for (int round = 0; round < 20; ++round) {
            QProcess watch;
            watch.setProcessEnvironment(environment());
            watch.start(QStringLiteral(TASKSCOPE_BINARY), watchArguments(history));
            QVERIFY(watch.waitForStarted());
            QByteArray pending;
            QList<QByteArray> lines;
            if (random.bounded(2) == 0) {
                // After a random number of printed lines...
                lines = waitForLines(watch, &pending, int(random.bounded(1, 6)), 15000);
            } else {
                // ...or at a random moment (polls, commits and prints go on meanwhile).
                lines = waitForLines(watch, &pending, std::numeric_limits<int>::max(), int(random.bounded(50, 1500)));
            }
            QCOMPARE(watch.state(), QProcess::Running);
            watch.kill();
            QVERIFY(watch.waitForFinished(10000));
            lines += takeLines(watch, &pending); // what reached the pipe before the kill; a half line is not printed
            printedTotal += int(lines.size());

            QCOMPARE(sqlite(history, u"PRAGMA integrity_check;"_s), QByteArray("ok"));
            const Result recorded = transitionsIn(history);
            QCOMPARE(recorded.exitCode, 0);
            const QSet<QByteArray> inFile = lineSet(recorded.out);
            for (const QByteArray &line : std::as_const(lines)) {
                QVERIFY2(hasLineShape(line), line.constData());
                QVERIFY2(inFile.contains(line), qPrintable(u"round %1: %2"_s.arg(round).arg(QString::fromUtf8(line))));
            }
        }
        qInfo("%d lines printed over 20 kills, every one found in the file after its kill", printedTotal);
        QVERIFY(printedTotal > 20);
    }
};

QTEST_GUILESS_MAIN(TestHistoryCli)
#include "tst_historycli.moc"
