// Hostile task lists end to end: parse -> TaskTreeModel -> TaskFilterProxyModel -> export -> parse
// again, with a warning for each problem, and a stack that stays small whatever the tree's depth.
#include "modelcheck.h"
#include "filterevaluator.h"
#include "taskexport.h"
#include "taskfilterproxymodel.h"
#include "tasklistparser.h"
#include "tasktreemodel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <memory>
#include <numeric>

using namespace Taskscope;
using namespace Qt::StringLiterals;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(TASKSCOPE_FIXTURES_DIR "/hostile/") + name;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// One complete task item; `extra` is spliced in as more members (already JSON).
QByteArray taskItem(const QByteArray &id, const QByteArray &parent, const char *state, int percent,
                    const QByteArray &name = "astra.backup", const QByteArray &extra = {})
{
    QByteArray item = R"({"type":"application/astra-task","version":"1.1","id":")" + id + R"(","name":")" + name
        + R"(","summary":"Backup","description":"d","resourceID":"r","resourceURI":"/accounts/a/k8s/v1/apps/app-)"
        + QByteArray::number(percent % 7) + R"(/appBackups/)" + id
        + R"(","resourceCollectionURI":[],"state":")" + state + R"(","stateTransitions":[],"stateDetails":[],)"
        + R"("percentDone":)" + QByteArray::number(percent)
        + R"(,"startTime":"2026-01-01T00:00:)" + QByteArray::number(10 + percent % 50)
        + R"(Z","metadata":{"labels":[],"creationTimestamp":"2026-01-01T00:00:00Z",)"
        + R"("modificationTimestamp":"2026-01-01T00:00:00Z","createdBy":"0"})";
    if (!parent.isEmpty())
        item += R"(,"parentTaskID":")" + parent + '"';
    if (!extra.isEmpty())
        item += ',' + extra;
    return item + '}';
}

QByteArray listOf(const QList<QByteArray> &items)
{
    QByteArray body = R"({"type":"application/astra-tasks","version":"1.1","items":[)";
    body.reserve(std::accumulate(items.cbegin(), items.cend(), qsizetype(256),
                                 [](qsizetype n, const QByteArray &item) { return n + item.size() + 2; }));
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i)
            body += ",\n";
        body += items[i];
    }
    return body + R"(],"metadata":{}})";
}

const char *const kStates[] = {"running", "completed", "failed", "notStarted", "paused", "cancelled"};

// A chain of `depth` tasks, each the parent of the next, listed in a shuffled (fixed) order.
QByteArray deepChain(int depth)
{
    QList<QByteArray> items;
    items.reserve(depth);
    for (int i = 0; i < depth; ++i) {
        const QByteArray id = "c" + QByteArray::number(i).rightJustified(5, '0');
        const QByteArray parent = i ? "c" + QByteArray::number(i - 1).rightJustified(5, '0') : QByteArray();
        items.append(taskItem(id, parent, kStates[i % 6], i % 101));
    }
    QRandomGenerator random(10'000);
    std::shuffle(items.begin(), items.end(), random);
    return listOf(items);
}

// One parent and `count` children; start times repeat, so siblings are ordered by id too.
QByteArray manySiblings(int count)
{
    QList<QByteArray> items;
    items.reserve(count + 1);
    for (int i = count - 1; i >= 0; --i)
        items.append(taskItem("s" + QByteArray::number(i), "root", kStates[i % 6], i % 101));
    items.append(taskItem("root", {}, "running", 50));
    return listOf(items);
}

// Strings of megabytes: a name, a description, escapes, and ids of 64 KiB.
QByteArray hugeStrings()
{
    const QByteArray longId = "L" + QByteArray(64 * 1024 - 1, 'i');
    QByteArray escapes;
    for (int i = 0; i < 200'000; ++i)
        escapes += "\\u00e9";
    return listOf({
        taskItem("big-name", {}, "running", 10, QByteArray(4 * 1024 * 1024, 'x') + "\xe2\x98\x83"),
        taskItem("big-description", {}, "failed", 20, "astra.backup",
                 R"("description":")" + QByteArray(16 * 1024 * 1024, 'x') + R"(")"),
        taskItem("escaped", {}, "completed", 100, "astra.backup",
                 R"("metadata":{"labels":[{"name":"e","value":")" + escapes + R"("}],)"
                 R"("creationTimestamp":"2026-01-01T00:00:00Z","modificationTimestamp":"2026-01-01T00:00:00Z",)"
                 R"("createdBy":"0"})"),
        taskItem(longId, {}, "running", 30),
        taskItem("child-of-long", longId, "running", 40),
    });
}


// What one run of the pipeline saw; `problems` is empty when every check held.
struct Report
{
    QStringList problems;
    QList<ParseWarning> parseWarnings;
    QList<ParseWarning> modelWarnings;
    int tasks = 0;
    QHash<QString, int> marks;           // id -> TaskTreeModel::Marks, for marked tasks
    QHash<QString, int> matchesByFilter; // filter -> tasks it matches
    int maxDepth = 0;                    // of the tree, 0 for the top level
    qint64 milliseconds = 0;
};

const QStringList kFilters = {
    u"state eq 'running'"_s,
    u"name in 'backup' and percentDone gt 5"_s,
    u"not (state eq 'completed') or id matches '^c0*9'"_s,
    u"parentTaskID eq ''"_s,
    u"description matches '(x+x+)+y' or summary in 'BACKUP'"_s, // catastrophic backtracking: bounded, not a hang
};

// The whole pipeline on `body`, touching every task at every stage. Runs in any thread; reports
// instead of asserting, so that a worker thread with a small stack can run it.
Report runPipeline(const QByteArray &body, bool attachTesters, bool withProxy = true)
{
    Report report;
    QElapsedTimer timer;
    timer.start();
    const auto fail = [&report](const QString &what) { report.problems << what; };
    const auto mode = QThread::currentThread() == qApp->thread() ? QAbstractItemModelTester::FailureReportingMode::QtTest
                                                                   : QAbstractItemModelTester::FailureReportingMode::Fatal;

    TaskListPage page;
    ParseError error;
    if (!TaskListParser().parse(body, &page, &error)) {
        fail(u"parse: "_s + error.toString());
        return report;
    }
    report.parseWarnings = page.warnings;

    TaskTreeModel model;
    std::unique_ptr<QAbstractItemModelTester> modelTester;
    if (attachTesters)
        modelTester = std::make_unique<QAbstractItemModelTester>(&model, mode);
    model.apply(page.tasks, &report.modelWarnings);
    report.tasks = model.taskCount();
    if (const QString d = modelDifferences(model, page.tasks); !d.isEmpty())
        fail(u"model: "_s + d);
    for (const Task &task : std::as_const(page.tasks)) {
        if (const int marks = model.marks(model.indexForId(task.id)))
            report.marks.insert(task.id, marks);
    }

    // The same tasks in the reverse order, then as listed: the diff keeps the tree right.
    QList<Task> reversed(page.tasks.crbegin(), page.tasks.crend());
    model.apply(reversed);
    if (const QString d = modelDifferences(model, reversed); !d.isEmpty())
        fail(u"model, reversed: "_s + d);
    model.apply(page.tasks);
    if (const QString d = modelDifferences(model, page.tasks); !d.isEmpty())
        fail(u"model, again: "_s + d);

    const QList<ExportItem> items = exportItemsInTreeOrder(model);
    if (items.size() != model.taskCount())
        fail(u"tree order has %1 of %2 tasks"_s.arg(items.size()).arg(model.taskCount()));
    for (qsizetype i = 0; i < items.size(); ++i) {
        report.maxDepth = qMax(report.maxDepth, items[i].depth);
        if (items[i].depth > (i ? items[i - 1].depth + 1 : 0)) {
            fail(u"depth jumps at %1"_s.arg(i));
            break;
        }
    }

    // Filters: the proxy shows every match, and a row that does not match only above a match.
    TaskFilterProxyModel proxy;
    std::unique_ptr<QAbstractItemModelTester> proxyTester;
    if (withProxy && attachTesters)
        proxyTester = std::make_unique<QAbstractItemModelTester>(&proxy, mode);
    if (withProxy)
        proxy.setSourceModel(&model);
    for (const QString &text : kFilters) {
        const FilterParseResult parsed = parseFilter(text);
        if (!parsed.ok()) {
            fail(u"filter %1: %2"_s.arg(text, parsed.error->toString()));
            continue;
        }
        const FilterPredicate predicate(parsed.expr, model.now());
        QList<ExportItem> kept = keepItems(items, [&predicate](const Task &task) { return predicate.matches(task); });
        report.matchesByFilter.insert(text, int(kept.size()));
        // On a big list two filters through the proxy are enough (the expressions are checked on all).
        if (withProxy && (model.taskCount() <= 20'000 || report.matchesByFilter.size() <= 2)) {
            proxy.setFilterExpression(parsed.expr);
            if (proxy.matchingTaskCount() != kept.size())
                fail(u"filter %1: %2 matches counted, %3 kept"_s.arg(text).arg(proxy.matchingTaskCount()).arg(kept.size()));
            for (const ExportItem &item : std::as_const(kept)) {
                if (!proxy.mapFromSource(model.indexForId(item.task->id)).isValid()) {
                    fail(u"filter %1: match %2 not shown"_s.arg(text, item.task->id.left(40)));
                    break;
                }
            }
            qsizetype shown = 0;
            std::vector<QModelIndex> stack{QModelIndex()};
            while (!stack.empty()) {
                const QModelIndex parent = stack.back();
                stack.pop_back();
                const int rows = proxy.rowCount(parent);
                for (int row = 0; row < rows; ++row) {
                    const QModelIndex index = proxy.index(row, 0, parent);
                    ++shown;
                    if (!index.data(TaskFilterProxyModel::MatchRole).toBool() && proxy.rowCount(index) == 0)
                        fail(u"filter %1: %2 is shown without a match below it"_s.arg(
                            text, index.data(TaskTreeModel::IdRole).toString()));
                    stack.push_back(index);
                }
            }
            if (shown < kept.size() || shown > model.taskCount())
                fail(u"filter %1: %2 rows shown for %3 matches"_s.arg(text).arg(shown).arg(kept.size()));
        }

        // The filtered export parses back to exactly the matches, in tree order.
        TaskListPage again;
        if (!TaskListParser().parse(exportJson(kept, page.metadataJson), &again, &error)) {
            fail(u"filter %1: export does not parse: %2"_s.arg(text, error.toString()));
        } else if (again.tasks.size() != kept.size()) {
            fail(u"filter %1: %2 exported, %3 read back"_s.arg(text).arg(kept.size()).arg(again.tasks.size()));
        } else {
            for (qsizetype i = 0; i < kept.size(); ++i) {
                if (again.tasks[i].rawJson != kept[i].task->rawJson) {
                    fail(u"filter %1: item %2 changed in the export"_s.arg(text).arg(i));
                    break;
                }
            }
        }
    }
    if (withProxy)
        proxy.setFilterExpression({});

    // The whole export: valid JSON, every task byte for byte, the same warnings for what was kept.
    const QByteArray json = exportJson(items, page.metadataJson);
    QJsonParseError jsonError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &jsonError);
    if (jsonError.error != QJsonParseError::NoError || !document.isObject())
        fail(u"export is not JSON: "_s + jsonError.errorString());
    TaskListPage again;
    if (!TaskListParser().parse(json, &again, &error)) {
        fail(u"export does not parse: "_s + error.toString());
    } else {
        if (again.tasks.size() != items.size())
            fail(u"%1 exported, %2 read back"_s.arg(items.size()).arg(again.tasks.size()));
        for (qsizetype i = 0; i < qMin(again.tasks.size(), items.size()); ++i) {
            if (!(again.tasks[i] == *items[i].task)) {
                fail(u"task %1 changed in the export"_s.arg(items[i].task->id.left(40)));
                break;
            }
        }
        // Item problems stay (they are in the bytes); skipped items and the repaired UTF-8 do not.
        QStringList before, after;
        for (const ParseWarning &w : std::as_const(page.warnings)) {
            if (w.itemIndex >= 0 && !w.skipped)
                before << w.taskId + u'/' + w.field + u'/' + w.message;
        }
        for (const ParseWarning &w : std::as_const(again.warnings))
            after << w.taskId + u'/' + w.field + u'/' + w.message;
        before.sort();
        after.sort();
        if (before != after)
            fail(u"warnings on re-reading the export: %1 before, %2 after"_s.arg(before.size()).arg(after.size()));
    }

    // The tree text: one line per task, two spaces per level, then the id.
    const QByteArray tree = exportTree(items);
    qsizetype lines = 0, start = 0;
    for (const ExportItem &item : items) {
        const qsizetype end = tree.indexOf('\n', start);
        const QByteArray line = tree.mid(start, end - start);
        const QByteArray indent(item.depth * 2, ' ');
        if (end < 0 || !line.startsWith(QByteArray(indent + item.task->id.toUtf8() + ' ')) || line.at(indent.size()) == ' ') {
            fail(u"tree line %1 is wrong"_s.arg(lines));
            break;
        }
        ++lines;
        start = end + 1;
    }
    if (lines == items.size() && start != tree.size())
        fail(u"tree text has more lines than tasks"_s);
    report.milliseconds = timer.elapsed();
    return report;
}

// Runs the pipeline on a thread with a stack of `stackBytes`: a recursion as deep as the tree
// overflows a small one (a crash, which fails the test).
Report runOnStack(const QByteArray &body, uint stackBytes, bool attachTesters, bool withProxy)
{
    Report report;
    std::unique_ptr<QThread> thread(QThread::create([&] { report = runPipeline(body, attachTesters, withProxy); }));
    thread->setStackSize(stackBytes);
    thread->start();
    if (!thread->wait(QDeadlineTimer(10 * 60 * 1000)))
        qFatal("the pipeline did not finish in 10 minutes");
    return report;
}

QStringList fieldsOf(const QList<ParseWarning> &warnings)
{
    QStringList fields;
    for (const ParseWarning &w : warnings)
        fields << (!w.field.isEmpty() ? w.field : w.itemIndex >= 0 ? u"(item)"_s : u"(response)"_s)
                      + (w.skipped ? u" skipped"_s : QString());
    fields.sort();
    return fields;
}

QString describe(const Report &report)
{
    return report.problems.mid(0, 8).join(u'\n');
}

constexpr uint kSmallStack = 256 * 1024;

} // namespace

class TestBadData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtures_data();
    void fixtures();
    void deepChainOnASmallStack();
    void hundredThousandSiblings();
    void hugeStrings();
    void exportCommandOnHostileFiles_data();
    void exportCommandOnHostileFiles();
    void exportCommandOnADeepChain();
};

void TestBadData::fixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("tasks");
    QTest::addColumn<QStringList>("warnings"); // field names, sorted; " skipped" where the item was dropped
    QTest::addColumn<QStringList>("marked");   // "id=marks"

    QTest::newRow("cycles") << u"cycles.json"_s << 9 << QStringList{}
                            << QStringList{u"a=4"_s, u"orphan=1"_s, u"self=2"_s, u"x=4"_s};
    QTest::newRow("duplicates") << u"duplicates.json"_s << 3
                                << QStringList{u"id skipped"_s, u"id skipped"_s, u"id skipped"_s, u"id skipped"_s,
                                               u"id skipped"_s, u"id skipped"_s}
                                << QStringList{};
    QStringList wrongTypes = {
        u"type"_s, u"version"_s, u"name"_s, u"description"_s, u"service"_s, u"parentTaskID"_s, u"userID"_s,
        u"resourceID"_s, u"resourceURI"_s, u"resourceCollectionURI"_s, u"state"_s, u"stateTransitions"_s,
        u"stateDetails"_s, u"orderHint"_s, u"percentDone"_s, u"startTime"_s, u"endTime"_s, u"cancelTime"_s,
        u"metadata"_s, u"summary"_s, // wt-1: every field wrong (a null required field is missing)
        u"resourceCollectionURI[0]"_s, u"resourceCollectionURI[2]"_s, u"stateTransitions[0].from"_s,
        u"stateTransitions[0].to"_s, u"stateTransitions[1]"_s, u"stateTransitions[2].to[1]"_s,
        u"stateTransitions[2].from"_s, u"stateDetails[0].type"_s, u"stateDetails[0].title"_s,
        u"stateDetails[0].detail"_s, u"stateDetails[1]"_s, u"stateDetails[2].type"_s, u"stateDetails[2].title"_s,
        u"stateDetails[2].detail"_s, u"metadata.labels[0].name"_s, u"metadata.labels[0].value"_s,
        u"metadata.labels[1]"_s, u"metadata.labels[2].name"_s, u"metadata.labels[2].value"_s,
        u"metadata.creationTimestamp"_s, u"metadata.modificationTimestamp"_s, u"metadata.createdBy"_s, // wt-2: nested
        u"(item) skipped"_s, u"(item) skipped"_s, u"(item) skipped"_s, u"(item) skipped"_s, u"(item) skipped"_s,
    };
    wrongTypes.sort();
    QTest::newRow("wrong types") << u"wrong-types.json"_s << 3 << wrongTypes << QStringList{};
    QStringList numbers = {u"percentDone"_s, u"percentDone"_s, u"orderHint"_s, u"percentDone"_s, u"percentDone"_s,
                           u"percentDone"_s, u"percentDone"_s, u"percentDone"_s, u"percentDone"_s, u"orderHint"_s,
                           u"percentDone"_s, u"percentDone"_s, u"orderHint"_s};
    numbers.sort();
    QTest::newRow("numbers as strings") << u"numbers-as-strings.json"_s << 9 << numbers << QStringList{};
    QTest::newRow("unknown states") << u"unknown-states.json"_s << 8 << QStringList(7, u"state"_s) << QStringList{};
    QTest::newRow("invalid UTF-8") << u"invalid-utf8.json"_s << 5 << QStringList{u"(response)"_s} << QStringList{};
}

void TestBadData::fixtures()
{
    QFETCH(QString, file);
    QFETCH(int, tasks);
    QFETCH(QStringList, warnings);
    QFETCH(QStringList, marked);
    const QByteArray body = readFile(fixture(file));
    QVERIFY(!body.isEmpty());
    const Report report = runPipeline(body, true);
    QVERIFY2(report.problems.isEmpty(), qPrintable(describe(report)));
    QCOMPARE(report.tasks, tasks);
    QCOMPARE(fieldsOf(report.parseWarnings + report.modelWarnings), warnings);
    // Every warning names what it is about: an item (with its task id once known) or the response.
    for (const ParseWarning &w : report.parseWarnings + report.modelWarnings) {
        QVERIFY2(!w.message.isEmpty(), qPrintable(w.toString()));
        QVERIFY2(w.itemIndex >= 0 || w.field.isEmpty(), qPrintable(w.toString()));
    }
    QStringList marks;
    for (auto it = report.marks.cbegin(); it != report.marks.cend(); ++it)
        marks << it.key() + u'=' + QString::number(it.value());
    marks.sort();
    QCOMPARE(marks, marked);
}

void TestBadData::deepChainOnASmallStack()
{
    const int depth = 10'000;
    const QByteArray body = deepChain(depth);
    // Parse, model (diffs included), filter expressions, both exports: nothing of ours recurses.
    const Report report = runOnStack(body, kSmallStack, true, false);
    QVERIFY2(report.problems.isEmpty(), qPrintable(describe(report)));
    QCOMPARE(report.tasks, depth);
    QCOMPARE(report.maxDepth, depth - 1);
    QVERIFY(report.parseWarnings.isEmpty() && report.modelWarnings.isEmpty());
    QVERIFY(report.marks.isEmpty());
    QCOMPARE(report.matchesByFilter.value(u"parentTaskID eq ''"_s), 1);
    qInfo("10,000-level chain on a %u KiB stack: %lld ms", kSmallStack / 1024, report.milliseconds);

    // Through the filter proxy (TaskTreeProxy), filters in force and model testers attached, on the
    // same small stack: the proxy keeps one level per task with subtasks and walks them in loops.
    const Report proxied = runOnStack(body, kSmallStack, true, true);
    QVERIFY2(proxied.problems.isEmpty(), qPrintable(describe(proxied)));
    QCOMPARE(proxied.matchesByFilter, report.matchesByFilter);

    // A loop through the whole chain: the smallest id is cut, the rest hangs below it, 10,000 deep.
    QByteArray looped = body;
    looped.replace(R"("id":"c00000","name":"astra.backup")", R"("id":"c00000","parentTaskID":"c09999","name":"astra.backup")");
    QVERIFY(looped != body);
    const Report loop = runOnStack(looped, kSmallStack, false, false);
    QVERIFY2(loop.problems.isEmpty(), qPrintable(describe(loop)));
    QCOMPARE(loop.marks, (QHash<QString, int>{{u"c00000"_s, int(TaskTreeModel::CycleMark)}}));
    QCOMPARE(loop.maxDepth, depth - 1);
}

void TestBadData::hundredThousandSiblings()
{
    const int count = 100'000;
    const Report report = runOnStack(manySiblings(count), kSmallStack, false, true);
    QVERIFY2(report.problems.isEmpty(), qPrintable(describe(report)));
    QCOMPARE(report.tasks, count + 1);
    QVERIFY(report.parseWarnings.isEmpty() && report.modelWarnings.isEmpty());
    QCOMPARE(report.matchesByFilter.value(u"parentTaskID eq ''"_s), 1);
    qInfo("100,000 siblings: %lld ms", report.milliseconds);
}

void TestBadData::hugeStrings()
{
    const Report report = runPipeline(::hugeStrings(), true);
    QVERIFY2(report.problems.isEmpty(), qPrintable(describe(report)));
    QCOMPARE(report.tasks, 5);
    QVERIFY(report.parseWarnings.isEmpty() && report.modelWarnings.isEmpty());
    QVERIFY(report.marks.isEmpty()); // the 64 KiB parent id was found
    // The catastrophic expression gives up on the 16 MiB description instead of hanging; `in` still works.
    QCOMPARE(report.matchesByFilter.value(kFilters.last()), 5);
    qInfo("huge strings: %lld ms", report.milliseconds);
}

// The binary on a deep chain: its main thread walks it too (JSON out: the tree text of 10,000
// levels would be 100 MB of indentation).
void TestBadData::exportCommandOnADeepChain()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"chain.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(deepChain(10'000));
    file.close();
    QProcess process;
    process.start(QStringLiteral(TASKSCOPE_BINARY), {u"export"_s, u"--input"_s, path, u"--filter"_s, u"state ne 'failed'"_s});
    QVERIFY(process.waitForFinished(120000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    QCOMPARE(process.readAllStandardError(), QByteArray());
    TaskListPage page;
    ParseError error;
    QVERIFY2(TaskListParser().parse(process.readAllStandardOutput(), &page, &error), qPrintable(error.toString()));
    QCOMPARE(page.tasks.size(), 10'000 - 1'667); // every sixth task (i % 6 == 2) is failed
    QCOMPARE(page.tasks.first().id, u"c00000"_s);
}

void TestBadData::exportCommandOnHostileFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("warningLines");
    QTest::addColumn<QStringList>("ids"); // exported, in tree order
    QTest::newRow("cycles") << u"cycles.json"_s << u"state ne 'completed'"_s << 3
                            << QStringList{u"a"_s, u"c"_s, u"d"_s, u"orphan"_s, u"child-of-orphan"_s, u"self"_s, u"x"_s, u"y"_s};
    QTest::newRow("duplicates") << u"duplicates.json"_s << u"name in 'first' or id eq 'last'"_s << 6
                                << QStringList{u"dup"_s, u"last"_s};
    QTest::newRow("wrong types") << u"wrong-types.json"_s << u"state eq '' or name eq 'astra.backup'"_s << 47
                                 << QStringList{u"fine"_s, u"wt-1"_s, u"wt-2"_s};
    QTest::newRow("invalid UTF-8") << u"invalid-utf8.json"_s << u"name matches 'caf'"_s << 1 << QStringList{u"u5"_s};
}

// The binary end to end: exit 0, one warning line per problem, valid JSON out.
void TestBadData::exportCommandOnHostileFiles()
{
    QFETCH(QString, file);
    QFETCH(QString, filter);
    QFETCH(int, warningLines);
    QFETCH(QStringList, ids);
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    env.remove(u"QT_LOGGING_RULES"_s);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(TASKSCOPE_BINARY), {u"export"_s, u"--input"_s, fixture(file), u"--filter"_s, filter});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    const QByteArray err = process.readAllStandardError();
    QVERIFY2(process.exitCode() == 0, err.constData());
    const QList<QByteArray> lines = err.trimmed().split('\n');
    QCOMPARE(err.count('\n'), warningLines);
    for (const QByteArray &line : lines) {
        if (!line.isEmpty())
            QVERIFY2(line.startsWith("taskscope export: warning: "), line.constData());
    }
    const QByteArray out = process.readAllStandardOutput();
    QJsonParseError error;
    QVERIFY(QJsonDocument::fromJson(out, &error).isObject());
    QCOMPARE(error.error, QJsonParseError::NoError);
    TaskListPage page;
    ParseError parseError;
    QVERIFY2(TaskListParser().parse(out, &page, &parseError), qPrintable(parseError.toString()));
    QStringList exported;
    for (const Task &task : std::as_const(page.tasks))
        exported << task.id;
    QCOMPARE(exported, ids);
}

QTEST_GUILESS_MAIN(TestBadData)
#include "tst_baddata.moc"
