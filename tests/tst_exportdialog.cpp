// The export dialog: scopes (all, visible, selected with subtasks), JSON and the machine CSV, atomic writes.
#include "csvread.h"
#include "exportdialog.h"
#include "taskcsv.h"
#include "taskexport.h"
#include "tasklistparser.h"
#include "tasktreemodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Taskscope;
using namespace Qt::StringLiterals;

class TestExportDialog : public QObject
{
    Q_OBJECT
private:
    TaskTreeModel m_model;
    QByteArray m_body;

    static QByteArray readFile(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    static QStringList idsIn(const QByteArray &json)
    {
        QStringList ids;
        for (const QJsonValue &item : QJsonDocument::fromJson(json).object().value(u"items").toArray())
            ids << item.toObject().value(u"id").toString();
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        m_body = readFile(QStringLiteral(TASKSCOPE_FIXTURES_DIR "/cli/sample.json"));
        TaskListPage page;
        ParseError error;
        QVERIFY(TaskListParser().parse(m_body, &page, &error));
        QAbstractItemModelTester tester(&m_model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        m_model.apply(page.tasks);
        QVERIFY(m_model.taskCount() > 5);
    }

    void allTasksAsJson()
    {
        QTemporaryDir dir;
        QItemSelectionModel selection(&m_model);
        ExportDialog dialog(&m_model, &m_model, &selection, QString());
        dialog.setScope(ExportDialog::AllTasks);
        dialog.setFormat(ExportDialog::Json);
        dialog.setPath(dir.filePath(u"all.json"_s));
        QCOMPARE(dialog.taskCount(), m_model.taskCount());
        QVERIFY2(dialog.write(), qPrintable(dialog.lastError()));
        const QByteArray written = readFile(dir.filePath(u"all.json"_s));
        QStringList expected;
        for (const ExportItem &item : exportItemsInTreeOrder(m_model))
            expected << item.task->id;
        QCOMPARE(idsIn(written), expected);
        // The same bytes as `taskscope export` writes for the same tasks.
        QCOMPARE(written, exportJson(exportItemsInTreeOrder(m_model)));
    }

    void selectedTasksBringTheirSubtasks()
    {
        QTemporaryDir dir;
        QItemSelectionModel selection(&m_model);
        QModelIndex parent;
        for (int row = 0; row < m_model.rowCount() && !parent.isValid(); ++row) {
            if (m_model.rowCount(m_model.index(row, 0)) > 0)
                parent = m_model.index(row, 0);
        }
        QVERIFY(parent.isValid());
        selection.select(parent, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        ExportDialog dialog(&m_model, &m_model, &selection, QString());
        dialog.setScope(ExportDialog::SelectedTasks);
        dialog.setPath(dir.filePath(u"selected.json"_s));
        QStringList expected{parent.data(TaskTreeModel::IdRole).toString()};
        for (int row = 0; row < m_model.rowCount(parent); ++row)
            expected << m_model.index(row, 0, parent).data(TaskTreeModel::IdRole).toString();
        QCOMPARE(dialog.taskCount(), expected.size());
        QVERIFY(dialog.write());
        QCOMPARE(idsIn(readFile(dir.filePath(u"selected.json"_s))), expected);
    }

    // The machine CSV of `taskscope export --format csv`, no longer the localised columns shown:
    // every task in tree order, names from the lookup, a running task's duration up to the write.
    void csvIsTheMachineFormat()
    {
        QTemporaryDir dir;
        QItemSelectionModel selection(&m_model);
        ExportDialog dialog(&m_model, &m_model, &selection, QString());
        dialog.setFormat(ExportDialog::Csv);
        QVERIFY(dialog.path().endsWith(u".csv"_s)); // the extension follows the format
        dialog.setPath(dir.filePath(u"tasks.csv"_s));
        const NameLookup nameOf = [](QStringView collection, const QString &id) {
            return collection == u"apps" ? u"app "_s + id : QString();
        };
        dialog.setNameLookup(nameOf);
        const QDateTime before = QDateTime::currentDateTimeUtc();
        QVERIFY(dialog.write());
        const QDateTime after = QDateTime::currentDateTimeUtc();

        QList<QStringList> rows = readCsv(readFile(dir.filePath(u"tasks.csv"_s)));
        const QList<ExportItem> items = exportItemsInTreeOrder(m_model);
        const QList<QStringList> early = readCsv(exportMachineCsv(items, before, nameOf));
        const QList<QStringList> late = readCsv(exportMachineCsv(items, after, nameOf));
        QCOMPARE(rows.size(), m_model.taskCount() + 1);
        QCOMPARE(rows.first(), machineCsvColumns());
        const qsizetype duration = machineCsvColumns().indexOf(u"duration"_s);
        const qsizetype state = machineCsvColumns().indexOf(u"state"_s);
        int running = 0;
        for (qsizetype i = 1; i < rows.size(); ++i) {
            if (rows[i][state] == u"running"_s) {
                ++running;
                const double seconds = rows[i][duration].toDouble();
                QVERIFY(seconds >= early[i][duration].toDouble() && seconds <= late[i][duration].toDouble());
                rows[i][duration] = early[i][duration];
            }
            QCOMPARE(rows[i], early[i]);
        }
        QVERIFY(running > 0); // the sample's running tasks: their durations count up to the write
        const qsizetype appName = machineCsvColumns().indexOf(u"appName"_s);
        QVERIFY(rows[1][appName].startsWith(u"app "_s));
    }

    void failedWriteLeavesTheOldFileAndSaysWhy()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"keep.json"_s);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("precious");
        }
        QItemSelectionModel selection(&m_model);
        ExportDialog dialog(&m_model, &m_model, &selection, QString());
        dialog.setPath(dir.filePath(u"missing-folder/out.json"_s));
        QVERIFY(!dialog.write());
        QVERIFY(dialog.lastError().contains(u"missing-folder"_s));
        QCOMPARE(readFile(path), QByteArray("precious"));
        // A directory where the file should be: refused, nothing written.
        dialog.setPath(dir.path());
        QVERIFY(!dialog.write());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"keep.json"_s});
    }
};

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
