// `taskscope export` end to end: golden outputs, atomic writes, one-line errors and exit codes.
#include "cliprocess.h"
#include "csvread.h"
#include "demoprocess.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Taskscope::readCsv;

class TestCli : public QObject
{
    Q_OBJECT
private:
    using Result = CliResult;

    static QString fixture(const QString &name) { return QStringLiteral(TASKSCOPE_FIXTURES_DIR "/") + name; }

    static QByteArray readFile(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    // Runs the real binary with no display at all: export must not need one.
    static Result run(const QStringList &arguments, const QByteArray &stdinData = {}, const QByteArray &token = {})
    {
        QProcessEnvironment env = headlessEnvironment();
        if (!token.isEmpty())
            env.insert(QStringLiteral("ASTRA_TOKEN"), QString::fromUtf8(token));
        return runCli(QStringLiteral(TASKSCOPE_BINARY), arguments, env, stdinData);
    }

private Q_SLOTS:
    // --help and --version print and exit 0 with no display at all (the GUI application, which
    // needs one, is not made for them), also in another language.
    void helpAndVersionNeedNoDisplay_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("--help") << QStringList{u"--help"_s} << QByteArray("--demo");
        QTest::newRow("-h") << QStringList{u"-h"_s} << QByteArray("--screenshot");
        QTest::newRow("--version") << QStringList{u"--version"_s} << QByteArray("taskscope " TASKSCOPE_VERSION);
        QTest::newRow("-v") << QStringList{u"-v"_s} << QByteArray(TASKSCOPE_VERSION);
        QTest::newRow("--lang fr --help") << QStringList{u"--lang"_s, u"fr"_s, u"--help"_s} << QByteArray("--demo");
        // Qt's own strings too (qtbase's catalogue), with no display.
        QTest::newRow("--lang fr --help, Qt's text")
            << QStringList{u"--lang"_s, u"fr"_s, u"--help"_s} << QByteArray("Afficher les informations de version.");
        QTest::newRow("--lang de --help, Qt's text")
            << QStringList{u"--lang"_s, u"de"_s, u"--help"_s} << QByteArray("Zeigt Versionsinformation an.");
    }

    void helpAndVersionNeedNoDisplay()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, expected);
        const Result result = run(arguments);
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(expected), result.out.constData());
        QVERIFY2(!result.err.contains("platform plugin"), result.err.constData());
    }

    void golden_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expectedFile");
        QTest::addColumn<int>("warningLines");
        const QString sample = fixture(QStringLiteral("cli/sample.json"));
        QTest::newRow("tree") << QStringList{u"export"_s, u"--input"_s, sample, u"--format"_s, u"tree"_s}
                              << u"cli/sample.tree"_s << 3;
        QTest::newRow("json default") << QStringList{u"export"_s, u"--input"_s, sample} << u"cli/sample.export.json"_s
                                      << 3;
        QTest::newRow("json explicit") << QStringList{u"export"_s, u"--format"_s, u"json"_s, u"--input"_s, sample}
                                       << u"cli/sample.export.json"_s << 3;
        QTest::newRow("example, tree") << QStringList{u"export"_s, u"--input"_s, fixture(u"example-response.json"_s),
                                                      u"--format=tree"_s}
                                       << u"cli/example.tree"_s << 0;
        QTest::newRow("filter keeps matches and their order")
            << QStringList{u"export"_s, u"--input"_s, sample, u"--format"_s, u"tree"_s, u"--filter"_s,
                           u"name eq 'astra.backup' or state eq 'running'"_s}
            << u"cli/sample.filtered.tree"_s << 3;
        QTest::newRow("filter, json")
            << QStringList{u"export"_s, u"--input"_s, sample, u"--filter=STATE EQ 'failed'"_s}
            << u"cli/sample.failed.json"_s << 3;
        QTest::newRow("include arrays")
            << QStringList{u"export"_s, u"--input"_s, fixture(u"cli/include.json"_s), u"--include"_s,
                           u"id,name,state,percentDone,parentTaskID"_s, u"--format"_s, u"tree"_s}
            << u"cli/include.tree"_s << 0;
    }

    void golden()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expectedFile);
        QFETCH(int, warningLines);
        const Result result = run(arguments);
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out, readFile(fixture(expectedFile)));
        QCOMPARE(result.err.count('\n'), warningLines);
        for (const QByteArray &line : result.err.split('\n')) {
            if (!line.isEmpty())
                QVERIFY2(line.startsWith("taskscope export: warning: item "), line.constData());
        }
    }

    // The machine CSV: the golden rows, where "RUNNING" stands for a running task's duration,
    // which counts up to the export.
    void csvFromAFile()
    {
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const Result result = run({u"export"_s, u"--input"_s, fixture(u"cli/sample.json"_s), u"--format"_s, u"csv"_s});
        const QDateTime after = QDateTime::currentDateTimeUtc();
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.err.count('\n'), 3); // the sample's warnings, as in the other formats
        QList<QStringList> rows = readCsv(result.out);
        const QList<QStringList> golden = readCsv(readFile(fixture(u"cli/sample.csv"_s)));
        QVERIFY(!golden.isEmpty());
        QCOMPARE(rows.size(), golden.size());
        const qsizetype duration = golden.first().indexOf(u"duration"_s);
        const qsizetype start = golden.first().indexOf(u"startTime"_s);
        int running = 0;
        for (qsizetype i = 1; i < rows.size(); ++i) {
            if (golden[i].value(duration) != u"RUNNING"_s)
                continue;
            ++running;
            const QDateTime started = QDateTime::fromString(rows[i].value(start), Qt::ISODateWithMs);
            QVERIFY(started.isValid());
            const double seconds = rows[i].value(duration).toDouble();
            QVERIFY2(seconds >= started.msecsTo(before) / 1000.0 && seconds <= started.msecsTo(after) / 1000.0,
                     qPrintable(rows[i].value(duration)));
            rows[i][duration] = u"RUNNING"_s;
        }
        QVERIFY(running > 0);
        QCOMPARE(rows, golden);
    }

    void stdinInput()
    {
        const Result result = run({u"export"_s, u"--input"_s, u"-"_s, u"--format"_s, u"tree"_s},
                                   readFile(fixture(u"example-response.json"_s)));
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out, readFile(fixture(u"cli/example.tree"_s)));
    }

    void outputFileIsWrittenWhole()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"out.json"_s);
        const Result result = run({u"export"_s, u"--input"_s, fixture(u"cli/sample.json"_s), u"--output"_s, path});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.isEmpty());
        QCOMPARE(readFile(path), readFile(fixture(u"cli/sample.export.json"_s)));
    }

    // --output writes the same bytes as standard output, in every format (and nothing on stdout).
    void outputFileHoldsWhatStdoutShows()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"out.csv"_s);
        // Only finished tasks: their durations do not move between the two runs.
        const QStringList arguments{u"export"_s, u"--input"_s, fixture(u"cli/sample.json"_s), u"--format"_s, u"csv"_s,
                                    u"--filter"_s, u"state eq 'completed'"_s};
        const Result toStdout = run(arguments);
        QCOMPARE(toStdout.exitCode, 0);
        const Result toFile = run(QStringList(arguments) << u"--output"_s << path);
        QCOMPARE(toFile.exitCode, 0);
        QVERIFY(toFile.out.isEmpty());
        QCOMPARE(readFile(path), toStdout.out);
        QCOMPARE(readCsv(toStdout.out).size(), 6); // the header and five completed tasks
    }

    // Qt's own messages in the headless export follow --lang too (qtbase's catalogue).
    void qtMessagesAreTranslatedWithoutADisplay_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("fr") << u"fr"_s << QByteArray("Option inconnue \"frobnicate\".");
        QTest::newRow("de") << u"de"_s << QByteArray("Unbekannte Option 'frobnicate'.");
    }

    void qtMessagesAreTranslatedWithoutADisplay()
    {
        QFETCH(QString, language);
        QFETCH(QByteArray, message);
        const Result result = run({u"export"_s, u"--lang"_s, language, u"--frobnicate"_s});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(message), result.err.constData());
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("missing file") << QStringList{u"export"_s, u"--input"_s, u"/nonexistent/tasks.json"_s} << 1
                                      << QByteArray("cannot read /nonexistent/tasks.json");
        QTest::newRow("truncated JSON") << QStringList{u"export"_s, u"--input"_s, fixture(u"cli/truncated.json"_s)}
                                        << 1 << QByteArray("malformed JSON");
        QTest::newRow("not a list") << QStringList{u"export"_s, u"--input"_s, fixture(u"cli/not-a-list.json"_s)} << 1
                                    << QByteArray("no \"items\" array");
        QTest::newRow("no input") << QStringList{u"export"_s} << 2 << QByteArray("--input");
        QTest::newRow("bad format") << QStringList{u"export"_s, u"--input"_s, fixture(u"cli/sample.json"_s),
                                                   u"--format"_s, u"xml"_s}
                                    << 2 << QByteArray("unknown format");
        QTest::newRow("unknown option") << QStringList{u"export"_s, u"--frobnicate"_s} << 2
                                        << QByteArray("frobnicate");
    }

    void errors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, message);
        const Result result = run(arguments);
        QCOMPARE(result.exitCode, exitCode);
        QVERIFY(result.out.isEmpty());
        QCOMPARE(result.err.count('\n'), 1); // one clear line
        QVERIFY2(result.err.startsWith("taskscope export: "), result.err.constData());
        QVERIFY2(result.err.contains(message), result.err.constData());
    }

    void badFilterExitsTwoWithTheColumn_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<int>("column"); // 1-based, as printed
        QTest::newRow("unknown field") << u"stat eq 'failed'"_s << QByteArray("did you mean 'state'?") << 1;
        QTest::newRow("unclosed parenthesis") << u"state eq 'failed' and (name in 'x'"_s
                                              << QByteArray("never closed") << 23;
        QTest::newRow("no value") << u"percentDone gt"_s << QByteArray("unexpected end") << 15;
        QTest::newRow("bad regex") << u"name matches '('"_s << QByteArray("regular expression") << 14;
    }

    void badFilterExitsTwoWithTheColumn()
    {
        QFETCH(QString, filter);
        QFETCH(QByteArray, message);
        QFETCH(int, column);
        for (const QString &source : {u"--input"_s, u"--demo"_s}) {
            QStringList arguments{u"export"_s, source};
            if (source == u"--input")
                arguments << fixture(u"cli/sample.json"_s);
            const Result result = run(arguments << u"--filter"_s << filter);
            QCOMPARE(result.exitCode, 2);
            QVERIFY(result.out.isEmpty());
            const QList<QByteArray> lines = result.err.split('\n');
            QVERIFY2(lines.first().startsWith("taskscope export: --filter: "), result.err.constData());
            QVERIFY2(lines.first().contains(message), result.err.constData());
            QVERIFY2(lines.first().contains(QByteArray("(column " + QByteArray::number(column) + ")")), result.err.constData());
            // The expression, and a caret under the column.
            QCOMPARE(lines.value(1), "  " + filter.toUtf8());
            QCOMPARE(lines.value(2), QByteArray(2 + column - 1, ' ') + '^');
        }
    }

    void filterOnTheDemoAndPushDown()
    {
        const Result all = run({u"export"_s, u"--demo"_s, u"--format"_s, u"tree"_s});
        QCOMPARE(all.exitCode, 0);
        const Result completed = run({u"export"_s, u"--demo"_s, u"--format"_s, u"tree"_s, u"--filter"_s,
                                      u"state eq 'completed' and name in 'prep'"_s});
        QCOMPARE(completed.exitCode, 0);
        const QList<QByteArray> lines = completed.out.split('\n');
        QVERIFY(lines.size() > 3);
        for (const QByteArray &line : lines) {
            if (line.isEmpty())
                continue;
            QVERIFY2(!line.startsWith(' '), line.constData()); // a match under no other match: depth 0
            QVERIFY2(line.contains(" completed ") && line.endsWith(".prep"), line.constData());
        }
        QVERIFY(completed.out.size() < all.out.size());
        // Without push-down the client alone filters: the same tasks.
        const Result local = run({u"export"_s, u"--demo"_s, u"--format"_s, u"tree"_s, u"--no-push-down"_s,
                                  u"--filter"_s, u"state eq 'completed' and name in 'prep'"_s});
        QCOMPARE(local.exitCode, 0);
        QCOMPARE(local.out.count('\n'), completed.out.count('\n'));
    }

    // An export from an endpoint resolves names: the CSV's name columns, and appName in --filter.
    void exportResolvesNames()
    {
        const Result csv = run({u"export"_s, u"--demo"_s, u"--format"_s, u"csv"_s});
        QCOMPARE(csv.exitCode, 0);
        QVERIFY2(!csv.err.contains("warning"), csv.err.constData()); // (a sanitizer build adds its own report)
        const QList<QStringList> rows = readCsv(csv.out);
        QVERIFY(rows.size() > 10);
        const QStringList header = rows.first();
        const qsizetype appId = header.indexOf(u"appID"_s), appName = header.indexOf(u"appName"_s);
        const qsizetype clusterName = header.indexOf(u"clusterName"_s), cloudName = header.indexOf(u"cloudName"_s);
        const qsizetype namespaceName = header.indexOf(u"namespaceName"_s);
        QVERIFY(appId >= 0 && appName >= 0 && clusterName >= 0 && cloudName >= 0 && namespaceName >= 0);
        QString someApp;
        for (const QStringList &row : rows.mid(1)) {
            if (row.value(appId).isEmpty())
                continue;
            QVERIFY2(!row.value(appName).isEmpty() && row.value(appName) != row.value(appId), qPrintable(row.join(u',')));
            QVERIFY2(!row.value(clusterName).isEmpty() && !row.value(cloudName).isEmpty()
                         && !row.value(namespaceName).isEmpty(), qPrintable(row.join(u',')));
            someApp = someApp.isEmpty() ? row.value(appName) : someApp;
        }
        QVERIFY(!someApp.isEmpty());

        const Result filtered = run({u"export"_s, u"--demo"_s, u"--format"_s, u"csv"_s, u"--filter"_s,
                                     u"appName eq '"_s + someApp + u"'"_s}); // DNS-1123: no quote to escape
        QCOMPARE(filtered.exitCode, 0);
        const QList<QStringList> kept = readCsv(filtered.out);
        QVERIFY(kept.size() > 1 && kept.size() < rows.size());
        for (const QStringList &row : kept.mid(1))
            QCOMPARE(row.value(appName), someApp);
    }

    // Names that cannot be read are a warning: the export goes on, with ids.
    void exportWithoutNamesWarns()
    {
        QProcess server;
        const DemoEndpoint endpoint = startDemoServer(
            server, QStringLiteral(TASKSCOPE_DEMO_SERVER),
            {u"--port"_s, u"0"_s, u"--tasks"_s, u"40"_s, u"--token"_s, u"t0ken-names"_s, u"--names-fault"_s, u"500"_s});
        QVERIFY(endpoint.isValid());
        QTemporaryDir dir;
        const QString tokenFile = dir.filePath(u"token"_s);
        QFile file(tokenFile);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write("t0ken-names\n") > 0);
        file.close();
        const Result result = run({u"export"_s, u"--url"_s, endpoint.url, u"--account"_s, endpoint.account,
                                   u"--token-file"_s, tokenFile, u"--format"_s, u"csv"_s});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.err.contains("warning: names not resolved: "), result.err.constData());
        QVERIFY(!result.err.contains("t0ken-names"));
        const QList<QStringList> rows = readCsv(result.out);
        QVERIFY(rows.size() > 1);
        const qsizetype appId = rows.first().indexOf(u"appID"_s);
        QVERIFY(!rows.value(1).value(appId).isEmpty());
        server.kill();
        server.waitForFinished();
    }

    void malformedJsonNamesTheOffset()
    {
        const Result result = run({u"export"_s, u"--input"_s, fixture(u"cli/truncated.json"_s)});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("at byte "), result.err.constData());
    }

    void failedExportLeavesExistingFileAlone_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("json") << u"json"_s;
        QTest::newRow("csv") << u"csv"_s;
    }

    void failedExportLeavesExistingFileAlone()
    {
        QFETCH(QString, format);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"keep.json"_s);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("precious");
        }
        const Result result = run({u"export"_s, u"--input"_s, fixture(u"cli/truncated.json"_s), u"--format"_s, format,
                                   u"--output"_s, path});
        QCOMPARE(result.exitCode, 1);
        QCOMPARE(readFile(path), QByteArray("precious"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{u"keep.json"_s});
    }

    // The endpoint: a demo server in its own process, as a user would run it.
    void exportFromEndpoint()
    {
        QProcess server;
        const DemoEndpoint endpoint = startDemoServer(
            server, QStringLiteral(TASKSCOPE_DEMO_SERVER),
            {u"--port"_s, u"0"_s, u"--tasks"_s, u"60"_s, u"--token"_s, u"t0ken-for-cli"_s});
        QVERIFY(endpoint.isValid());
        const QString url = endpoint.url, account = endpoint.account;
        QTemporaryDir dir;
        const QString tokenFile = dir.filePath(u"token"_s);
        const auto writeToken = [&](const QByteArray &token) {
            QFile file(tokenFile);
            return file.open(QIODevice::WriteOnly) && file.write(token + "\n") > 0;
        };

        QVERIFY(writeToken("t0ken-for-cli"));
        const Result paged = run({u"export"_s, u"--url"_s, url, u"--account"_s, account, u"--token-file"_s, tokenFile,
                                  u"--page-size"_s, u"7"_s, u"--format"_s, u"tree"_s});
        QCOMPARE(paged.exitCode, 0);
        const Result whole = run({u"export"_s, u"--url"_s, url, u"--account"_s, account, u"--token-file"_s, tokenFile,
                                  u"--format"_s, u"tree"_s});
        QCOMPARE(whole.exitCode, 0);
        QVERIFY(whole.out.count('\n') >= 40);
        QCOMPARE(paged.out.count('\n'), whole.out.count('\n'));

        QVERIFY(writeToken("wrong"));
        const Result unauthorized = run({u"export"_s, u"--url"_s, url, u"--account"_s, account, u"--token-file"_s, tokenFile});
        QCOMPARE(unauthorized.exitCode, 3);
        QVERIFY(unauthorized.out.isEmpty());
        QCOMPARE(unauthorized.err.count('\n'), 1);
        // Status, title and detail, and never the token.
        QVERIFY2(unauthorized.err.contains("401") && unauthorized.err.contains("Invalid bearer token")
                     && unauthorized.err.contains("The supplied bearer token is invalid"),
                 unauthorized.err.constData());
        QVERIFY(!unauthorized.err.contains("wrong"));
        server.kill();
        server.waitForFinished();
    }

    void exportFromTheBuiltInDemo()
    {
        const Result result = run({u"export"_s, u"--demo"_s, u"--format"_s, u"tree"_s});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.count('\n') >= 50);
        QVERIFY(result.out.contains(" astra.backup\n"));
        QVERIFY(result.out.contains("\n  ")); // subtasks, indented
    }

    void endpointErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("env");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("refused") << QStringList{u"export"_s, u"--url"_s, u"http://127.0.0.1:1"_s, u"--account"_s, u"a"_s}
                                 << QByteArray("t") << 3 << QByteArray("Connection refused");
        QTest::newRow("plain http elsewhere") << QStringList{u"export"_s, u"--url"_s, u"http://astra.invalid"_s,
                                                             u"--account"_s, u"a"_s}
                                              << QByteArray("t") << 3 << QByteArray("unencrypted");
        QTest::newRow("no token") << QStringList{u"export"_s, u"--url"_s, u"https://astra.invalid"_s, u"--account"_s, u"a"_s}
                                  << QByteArray() << 2 << QByteArray("no API token");
        QTest::newRow("no account") << QStringList{u"export"_s, u"--url"_s, u"https://astra.invalid"_s} << QByteArray("t")
                                    << 2 << QByteArray("--account");
        QTest::newRow("two sources") << QStringList{u"export"_s, u"--demo"_s, u"--input"_s, u"x.json"_s} << QByteArray("t")
                                     << 2 << QByteArray("--input");
    }

    void endpointErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, env);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, message);
        const Result result = run(arguments, {}, env);
        QCOMPARE(result.exitCode, exitCode);
        QCOMPARE(result.err.count('\n'), 1);
        QVERIFY2(result.err.contains(message), result.err.constData());
    }

    void unwritableOutputFailsCleanly_data() { failedExportLeavesExistingFileAlone_data(); }

    void unwritableOutputFailsCleanly()
    {
        QFETCH(QString, format);
        const Result result = run({u"export"_s, u"--input"_s, fixture(u"cli/sample.json"_s), u"--format"_s, format,
                                   u"--output"_s, u"/nonexistent-dir/out.json"_s});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("cannot write /nonexistent-dir/out.json"), result.err.constData());
        QVERIFY(!QFile::exists(u"/nonexistent-dir/out.json"_s));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
