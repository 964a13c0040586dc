// `taskscope export` end to end: golden outputs, atomic writes, one-line errors and exit codes.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCli : public QObject
{
    Q_OBJECT
private:
    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    static QString fixture(const QString &name) { return QStringLiteral(TASKSCOPE_FIXTURES_DIR "/") + name; }

    static QByteArray readFile(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    // Runs the real binary with no display at all: export must not need one.
    static Result run(const QStringList &arguments, const QByteArray &stdinData = {})
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            env.remove(QString::fromLatin1(name));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(TASKSCOPE_BINARY), arguments);
        if (!process.waitForStarted())
            return {};
        if (!stdinData.isEmpty())
            process.write(stdinData);
        process.closeWriteChannel();
        if (!process.waitForFinished(60000))
            return {};
        Result result;
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }

private Q_SLOTS:
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

    void malformedJsonNamesTheOffset()
    {
        const Result result = run({u"export"_s, u"--input"_s, fixture(u"cli/truncated.json"_s)});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("at byte "), result.err.constData());
    }

    void failedExportLeavesExistingFileAlone()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"keep.json"_s);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("precious");
        }
        const Result result = run({u"export"_s, u"--input"_s, fixture(u"cli/truncated.json"_s), u"--output"_s, path});
        QCOMPARE(result.exitCode, 1);
        QCOMPARE(readFile(path), QByteArray("precious"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{u"keep.json"_s});
    }

    void unwritableOutputFailsCleanly()
    {
        const Result result = run({u"export"_s, u"--input"_s, fixture(u"cli/sample.json"_s), u"--output"_s,
                                   u"/nonexistent-dir/out.json"_s});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("cannot write /nonexistent-dir/out.json"), result.err.constData());
        QVERIFY(!QFile::exists(u"/nonexistent-dir/out.json"_s));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
