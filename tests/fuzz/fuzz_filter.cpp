// Fuzz target: the filter language. Lexes (the tokens must tile the text), parses, and for a valid
// expression: prints canonically and checks that printing is stable and keeps the meaning, evaluates
// on fixed tasks, splits off the server clauses (each must be accepted by the demo server's grammar)
// and applies the point-and-click edits. Completion runs on every text, valid or not.
#include "fuzzcheck.h"

#include "filterclauses.h"
#include "filtercompletion.h"
#include "filterevaluator.h"
#include "filterlanguage.h"
#include "serverfilter.h"
#include "tasklistparser.h"


#include <cstddef>
#include <cstdint>

using namespace Taskscope;
using namespace Qt::StringLiterals;

namespace {

const QDateTime &fixedNow()
{
    static const QDateTime now = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    return now;
}

// Tasks that reach every kind of field: labels, details, transitions, URIs, an unknown state, a
// running task without an end, and one with almost nothing.
const QList<Task> &fixedTasks()
{
    static const QList<Task> tasks = [] {
        const QByteArray body = R"({"items":[
{"type":"application/astra-task","version":"1.1","id":"9cc8a2f0-1111-4000-8000-000000000001","name":"astra.backup",
 "summary":"Backup of app","description":"Back up it's data","service":"nautilus","parentTaskID":"",
 "userID":"00000000-0000-0000-0000-000000000000","resourceID":"r-1",
 "resourceURI":"/accounts/a/topology/v1/clouds/c1/clusters/k1/namespaces/ns1/apps/app1/appBackups/b1",
 "resourceCollectionURI":["/accounts/a/topology/v1/clouds/c1/clusters/k1/namespaces/ns1/apps/app1/appBackups"],
 "state":"failed","stateTransitions":[{"from":"running","to":["completed","failed"]}],
 "stateDetails":[{"type":"https://astra.netapp.io/stateDetails/1","title":"Volume busy","detail":"PVC ns1/data is in use",
 "additionalDetails":{"x":1}}],"orderHint":0,"percentDone":42.5,"startTime":"2024-05-01T11:00:00Z",
 "endTime":"2024-05-01T11:30:00.123456Z","metadata":{"labels":[{"name":"env","value":"prod"},{"name":"team","value":"a'b"}],
 "creationTimestamp":"2024-05-01T11:00:00Z","modificationTimestamp":"2024-05-01T11:30:00Z","createdBy":"u-1","modifiedBy":"u-2"}},
{"type":"application/astra-task","version":"1.1","id":"t-2","name":"astra.backup.prep","summary":"","description":"",
 "parentTaskID":"9cc8a2f0-1111-4000-8000-000000000001","resourceID":"r-2","resourceURI":"/r/2","resourceCollectionURI":[],
 "state":"running","stateTransitions":[],"stateDetails":[],"orderHint":-1.5e3,"percentDone":100,
 "startTime":"2024-05-01T11:59:00Z","metadata":{"labels":[],"creationTimestamp":"2024-05-01T11:59:00Z",
 "modificationTimestamp":"2024-05-01T11:59:00Z","createdBy":"u-1"}},
{"id":"t-3","state":"exploding","name":"ÜNÏCØDÉ 😀","percentDone":"50"},
{"id":"t-4"}
]})";
        TaskListPage page;
        TaskListParser().parse(body, &page, nullptr);
        return page.tasks;
    }();
    return tasks;
}

const FilterValueIndex &fixedIndex()
{
    static const FilterValueIndex index = [] {
        FilterValueIndex values;
        for (const Task &task : fixedTasks())
            values.add(task);
        return values;
    }();
    return index;
}

QString tokensText(const QList<FilterToken> &tokens)
{
    QString text;
    for (const FilterToken &t : tokens)
        text += u"%1:%2+%3 "_s.arg(int(t.kind)).arg(t.start).arg(t.length);
    return text;
}

// The tokens are in order, do not overlap, stay inside the text, and leave out only whitespace.
void checkTiling(QStringView text, const QList<FilterToken> &tokens)
{
    qsizetype pos = 0;
    for (const FilterToken &t : tokens) {
        FUZZ_CHECK(t.start >= pos && t.length > 0 && t.start + qsizetype(t.length) <= text.size(), tokensText(tokens));
        for (qsizetype i = pos; i < t.start; ++i)
            FUZZ_CHECK(text[i].isSpace(), u"a character left out at %1: "_s.arg(i) + tokensText(tokens));
        pos = t.start + t.length;
    }
    for (qsizetype i = pos; i < text.size(); ++i)
        FUZZ_CHECK(text[i].isSpace(), u"a character left out at %1: "_s.arg(i) + tokensText(tokens));
}

void checkCompletions(QStringView text)
{
    for (const int cursor : {0, int(text.size() / 2), int(text.size()) - 1, int(text.size())}) {
        const QList<FilterCompletion> completions = completionsAt(text, cursor, fixedIndex());
        for (const FilterCompletion &c : completions) {
            FUZZ_CHECK(c.start >= 0 && c.length >= 0 && c.start + qsizetype(c.length) <= text.size()
                           && !c.text.isEmpty(),
                       u"completion %1+%2 '%3' at %4"_s.arg(c.start).arg(c.length).arg(c.text).arg(cursor));
        }
    }
}

std::vector<bool> evaluate(const FilterExpr &expr)
{
    const FilterPredicate predicate(expr, fixedNow());
    std::vector<bool> results;
    for (const Task &task : fixedTasks())
        results.push_back(predicate.matches(task));
    return results;
}

// Every edit of a valid expression gives a valid expression, and its own canonical text.
void checkEdit(const FilterEditResult &edit, const QString &what)
{
    if (!edit.ok())
        return;
    const FilterParseResult parsed = parseFilter(edit.text);
    FUZZ_CHECK(parsed.ok(), what + u": "_s + edit.text + u" -> "_s + parsed.error->toString());
    FUZZ_CHECK(printFilter(parsed.expr) == edit.text, what + u": "_s + edit.text);
}

void checkExpression(const QString &text, const FilterExpr &expr)
{
    const QString printed = printFilter(expr);
    const FilterParseResult reparsed = parseFilter(printed);
    FUZZ_CHECK(reparsed.ok(), printed + u" -> "_s + reparsed.error->toString());
    const QString reprinted = printFilter(reparsed.expr);
    FUZZ_CHECK(reprinted == printed, printed + u" -> "_s + reprinted);
    // Printing keeps the meaning (the GUI rewrites what the user typed with it).
    FUZZ_CHECK(evaluate(expr) == evaluate(reparsed.expr), text + u" printed as "_s + printed);

    const FilterPushDown pushDown = splitForServer(expr, fixedNow());
    for (const QString &clause : pushDown.serverClauses) {
        QString error;
        FUZZ_CHECK(Demo::ServerFilter::parse(clause, &error).has_value(), clause + u": "_s + error);
    }
    (void)printFilter(pushDown.clientOnly);

    const QString value = text.left(40);
    checkEdit(FilterEdit::addClause(text, FilterField::Name, FilterOp::In, value), u"addClause"_s);
    checkEdit(FilterEdit::addClause(text, FilterField::PercentDone, FilterOp::Gte, value), u"addClause number"_s);
    checkEdit(FilterEdit::addClause(text, FilterField::StartTime, FilterOp::Gt, value), u"addClause time"_s);
    checkEdit(FilterEdit::excludeValue(text, FilterField::State, u"failed"_s), u"excludeValue"_s);
    checkEdit(FilterEdit::excludeValue(text, FilterField::LabelName, value), u"excludeValue list"_s);
    checkEdit(FilterEdit::replaceFieldClauses(text, FilterField::State, {u"running"_s, value}),
              u"replaceFieldClauses"_s);
    checkEdit(FilterEdit::replaceFieldClauses(text, FilterField::Name, {}), u"replaceFieldClauses none"_s);
    for (const QString &selected : FilterEdit::selectedValues(text, FilterField::State))
        checkEdit(FilterEdit::removeClause(text, FilterField::State, selected), u"removeClause"_s);
    for (const QString &excluded : FilterEdit::excludedValues(text, FilterField::State))
        checkEdit(FilterEdit::removeExclusion(text, FilterField::State, excluded), u"removeExclusion"_s);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    checkTiling(text, lexFilter(text));
    checkCompletions(text);

    // The same bytes as UTF-16, where lone surrogates can occur: lexing and parsing must cope.
    const QString utf16(reinterpret_cast<const QChar *>(data), qsizetype(size / 2));
    checkTiling(utf16, lexFilter(utf16));
    (void)parseFilter(utf16);

    const FilterParseResult parsed = parseFilter(text);
    if (!parsed.ok()) {
        const FilterError &error = *parsed.error;
        FUZZ_CHECK(!error.message.isEmpty() && error.column >= 0 && error.length >= 0
                       && error.column + qsizetype(error.length) <= text.size(),
                   error.toString());
        FUZZ_CHECK(parsed.expr.isEmpty(), u"an expression beside an error"_s);
        return 0;
    }
    checkExpression(text, parsed.expr);
    return 0;
}
