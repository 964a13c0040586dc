// Filter language: lexer tokens, parser results and errors, canonical printing, edits and server push-down.
#include "filterclauses.h"
#include "filterevaluator.h"
#include "filterlanguage.h"
#include "scenario.h"
#include "serverfilter.h"
#include "tasklistparser.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

using namespace Taskscope;
using namespace Qt::StringLiterals;

namespace {

QString kindName(FilterToken::Kind kind)
{
    static const QStringList names = {u"Field"_s,  u"Dot"_s,          u"Wildcard"_s,  u"Operator"_s,
                                      u"Keyword"_s, u"String"_s,      u"Number"_s,    u"RelativeTime"_s,
                                      u"LeftParen"_s, u"RightParen"_s, u"Error"_s};
    return names.at(int(kind));
}

// "Kind:text" per token.
QStringList describeTokens(const QString &text)
{
    QStringList out;
    for (const FilterToken &token : lexFilter(text))
        out << kindName(token.kind) + u':' + text.mid(token.start, token.length);
    return out;
}

QString canonical(const QString &text)
{
    const FilterParseResult result = parseFilter(text);
    if (!result.ok())
        qFatal("does not parse: %s: %s", qPrintable(text), qPrintable(result.error->toString()));
    return printFilter(result.expr);
}

// A random valid tree: every field, operator and value form, awkward text included.
class TreeGenerator
{
public:
    explicit TreeGenerator(quint32 seed) : m_rng(seed) {}

    FilterExpr tree(int depth)
    {
        const int pick = depth <= 0 ? 0 : int(m_rng.bounded(5));
        if (pick <= 1)
            return comparison();
        if (pick == 2)
            return FilterExpr::negate(tree(depth - 1));
        std::vector<FilterExpr> children;
        const int count = 2 + int(m_rng.bounded(2));
        for (int i = 0; i < count; ++i)
            children.push_back(tree(depth - 1));
        return FilterExpr::combine(pick == 3 ? FilterExpr::Kind::And : FilterExpr::Kind::Or,
                                   std::move(children));
    }

private:
    FilterExpr comparison()
    {
        static const QStringList texts = {u"failed"_s, u"it's"_s, u"a b"_s, u"Ünïcødé"_s, QString(), u"''"_s,
                                          u"and"_s, u"(x)"_s, u"50"_s, u"now-1h"_s, u"😀 emoji"_s};
        static const QList<double> numbers = {0, 50, -3.25, 1e21, 0.1, 100, 1.5e-7};
        static const QStringList instants = {u"2024-05-01T12:00:00Z"_s, u"2024-05-01T12:00:00.123456789Z"_s,
                                             u"2024-05-01T14:00:00+02:00"_s};
        const auto field = FilterField(m_rng.bounded(FilterFieldCount));
        const FilterValueType type = filterFieldInfo(field).type;
        FilterOp op;
        do {
            op = FilterOp(m_rng.bounded(FilterOpCount));
        } while (!filterOpSuits(op, type));
        FilterValue value;
        switch (type) {
        case FilterValueType::Text:
            value = FilterValue::fromText(texts.at(m_rng.bounded(int(texts.size()))));
            if (op == FilterOp::Matches)
                value.text = QRegularExpression::escape(value.text);
            break;
        case FilterValueType::Number:
            value.kind = FilterValue::Kind::Number;
            value.number = numbers.at(m_rng.bounded(int(numbers.size())));
            break;
        case FilterValueType::Instant:
            if (m_rng.bounded(2)) {
                value.kind = FilterValue::Kind::RelativeTime;
                value.amount = m_rng.bounded(1000);
                value.unit = u"smhd"[m_rng.bounded(4)];
            } else {
                value = FilterValue::fromText(instants.at(m_rng.bounded(int(instants.size()))));
            }
            break;
        }
        return FilterExpr::comparison(field, op, value);
    }

    QRandomGenerator m_rng;
};

} // namespace

class TestFilterLanguage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The field paths are built from the API's one field list (TaskFields): what they spell is pinned here.
    void fieldPaths()
    {
        const QStringList expected = {
            u"type"_s, u"version"_s, u"id"_s, u"name"_s, u"summary"_s, u"description"_s, u"service"_s,
            u"parentTaskID"_s, u"userID"_s, u"resourceID"_s, u"resourceURI"_s, u"resourceCollectionURI[*]"_s,
            u"state"_s, u"stateTransitions[*].from"_s, u"stateTransitions[*].to[*]"_s, u"stateDetails[*].type"_s,
            u"stateDetails[*].title"_s, u"stateDetails[*].detail"_s, u"orderHint"_s, u"percentDone"_s,
            u"startTime"_s, u"endTime"_s, u"cancelTime"_s, u"metadata.labels[*].name"_s,
            u"metadata.labels[*].value"_s, u"metadata.creationTimestamp"_s, u"metadata.modificationTimestamp"_s,
            u"metadata.createdBy"_s, u"metadata.modifiedBy"_s, u"duration"_s, u"app"_s, u"cluster"_s,
            u"namespace"_s, u"cloud"_s, u"resourceType"_s, u"appName"_s, u"clusterName"_s, u"cloudName"_s,
            u"namespaceName"_s, u"seen"_s, u"gone"_s, u"transition"_s, u"stalled"_s,
        };
        QCOMPARE(FilterFieldCount, expected.size());
        for (int i = 0; i < FilterFieldCount; ++i) {
            const FilterFieldInfo &info = filterFieldInfo(FilterField(i));
            QCOMPARE(info.path.toString(), expected.at(i));
            QCOMPARE(info.array, expected.at(i).contains(u"[*]"_s));
            QCOMPARE(info.derived, i >= int(FilterField::Duration));
            QCOMPARE(filterFieldFromPath(expected.at(i)), std::optional<FilterField>(FilterField(i)));
        }
        using T = FilterValueType;
        QCOMPARE(filterFieldInfo(FilterField::PercentDone).type, T::Number);
        QCOMPARE(filterFieldInfo(FilterField::OrderHint).type, T::Number);
        QCOMPARE(filterFieldInfo(FilterField::Duration).type, T::Number);
        for (FilterField f : {FilterField::StartTime, FilterField::EndTime, FilterField::CancelTime,
                              FilterField::CreationTimestamp, FilterField::ModificationTimestamp})
            QCOMPARE(filterFieldInfo(f).type, T::Instant);
        for (FilterField f : {FilterField::State, FilterField::ResourceCollectionUri, FilterField::LabelName,
                              FilterField::StateTransitionTo, FilterField::App})
            QCOMPARE(filterFieldInfo(f).type, T::Text);
        // Every top-level API field whose value a filter can compare is a filter field by its API name.
        for (const QString &name : TaskListParser::taskFieldNames()) {
            if (name == u"stateTransitions" || name == u"stateDetails" || name == u"metadata")
                continue; // objects: their parts are fields
            QVERIFY2(filterFieldFromPath(name), qPrintable(name));
        }
    }

    void lexer_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("tokens");
        QTest::newRow("empty") << QString() << QStringList();
        QTest::newRow("blank") << u"  \t "_s << QStringList();
        QTest::newRow("comparison") << u"state eq 'failed'"_s
                                    << QStringList{u"Field:state"_s, u"Operator:eq"_s, u"String:'failed'"_s};
        QTest::newRow("path, any case, doubled quote")
            << u"metadata.labels[*].value IN 'it''s'"_s
            << QStringList{u"Field:metadata"_s, u"Dot:."_s, u"Field:labels"_s, u"Wildcard:[*]"_s, u"Dot:."_s,
                           u"Field:value"_s, u"Operator:IN"_s, u"String:'it''s'"_s};
        QTest::newRow("keywords, numbers, relative time")
            << u"NOT (percentDone gte 50.5e1 Or startTime gt now-90m)"_s
            << QStringList{u"Keyword:NOT"_s,     u"LeftParen:("_s,       u"Field:percentDone"_s,
                           u"Operator:gte"_s,    u"Number:50.5e1"_s,     u"Keyword:Or"_s,
                           u"Field:startTime"_s, u"Operator:gt"_s,       u"RelativeTime:now-90m"_s,
                           u"RightParen:)"_s};
        QTest::newRow("negative number, no spaces")
            << u"orderHint lt -1.5)("_s
            << QStringList{u"Field:orderHint"_s, u"Operator:lt"_s, u"Number:-1.5"_s, u"RightParen:)"_s,
                           u"LeftParen:("_s};
        QTest::newRow("unterminated string runs to the end")
            << u"name eq 'abc def"_s << QStringList{u"Field:name"_s, u"Operator:eq"_s, u"Error:'abc def"_s};
        QTest::newRow("quote pair then unterminated")
            << u"'a''"_s << QStringList{u"Error:'a''"_s};
        QTest::newRow("stray characters")
            << u"state = 'x' ; é"_s
            << QStringList{u"Field:state"_s, u"Error:="_s, u"String:'x'"_s, u"Error:;"_s, u"Error:é"_s};
        QTest::newRow("surrogate pair is one error") << u"😀x"_s << QStringList{u"Error:😀"_s, u"Field:x"_s};
        QTest::newRow("bracket that is not a wildcard")
            << u"labels[1]"_s << QStringList{u"Field:labels"_s, u"Error:["_s, u"Number:1"_s, u"Error:]"_s};
        QTest::newRow("relative time needs a boundary")
            << u"now-1hx now-2D"_s
            << QStringList{u"Field:now"_s, u"Number:-1"_s, u"Field:hx"_s, u"RelativeTime:now-2D"_s};
        QTest::newRow("lone minus, exponent without digits")
            << u"- 1e"_s << QStringList{u"Error:-"_s, u"Number:1"_s, u"Field:e"_s};
        QTest::newRow("operator words are operators anywhere")
            << u"matches.in"_s << QStringList{u"Operator:matches"_s, u"Dot:."_s, u"Operator:in"_s};
    }

    void lexer()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, tokens);
        QCOMPARE(describeTokens(text), tokens);
    }

    // Whatever the input, the tokens are in order and cover every non-space character exactly once.
    void lexerTilesEveryCharacter()
    {
        const QString alphabet = u"ab_.[*]()'' -0123456789eE=<!\"\\ \tnow-1hé😀"_s;
        QRandomGenerator rng(42);
        for (int round = 0; round < 2000; ++round) {
            QString text;
            const int length = int(rng.bounded(30));
            for (int i = 0; i < length; ++i)
                text += alphabet.at(rng.bounded(int(alphabet.size())));
            int covered = 0;
            for (const FilterToken &token : lexFilter(text)) {
                QVERIFY2(token.length > 0, qPrintable(text));
                QVERIFY2(token.start >= covered, qPrintable(text));
                for (int i = covered; i < token.start; ++i)
                    QVERIFY2(text.at(i).isSpace(), qPrintable(text));
                covered = token.start + token.length;
            }
            QVERIFY2(covered <= text.size(), qPrintable(text));
            for (int i = covered; i < text.size(); ++i)
                QVERIFY2(text.at(i).isSpace(), qPrintable(text));
        }
    }

    void parseValid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("printed");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("blank") << u"   "_s << QString();
        QTest::newRow("any case") << u"STATE EQ 'failed'"_s << u"state eq 'failed'"_s;
        QTest::newRow("field in another case") << u"percentdone gt '50'"_s << u"percentDone gt 50"_s;
        QTest::newRow("number spelled longer") << u"percentDone gte 50.0e0"_s << u"percentDone gte 50"_s;
        QTest::newRow("fraction") << u"orderHint lt -0.25"_s << u"orderHint lt -0.25"_s;
        QTest::newRow("number on a text field is text") << u"name eq 5"_s << u"name eq '5'"_s;
        QTest::newRow("wildcard left out") << u"resourceCollectionURI eq 'x'"_s
                                           << u"resourceCollectionURI[*] eq 'x'"_s;
        QTest::newRow("nested wildcards left out") << u"stateTransitions.to eq 'running'"_s
                                                   << u"stateTransitions[*].to[*] eq 'running'"_s;
        QTest::newRow("label path") << u"Metadata.Labels[*].Value in 'prod'"_s
                                    << u"metadata.labels[*].value in 'prod'"_s;
        QTest::newRow("and binds tighter than or") << u"state eq 'a' or state eq 'b' and name eq 'c'"_s
                                                   << u"state eq 'a' or state eq 'b' and name eq 'c'"_s;
        QTest::newRow("parentheses kept where needed")
            << u"(state eq 'a' or state eq 'b') and name eq 'c'"_s
            << u"(state eq 'a' or state eq 'b') and name eq 'c'"_s;
        QTest::newRow("parentheses dropped") << u"((state eq 'a'))"_s << u"state eq 'a'"_s;
        QTest::newRow("flattened") << u"(state eq 'a' and state eq 'b') and (name eq 'c')"_s
                                   << u"state eq 'a' and state eq 'b' and name eq 'c'"_s;
        QTest::newRow("not binds tighter than and") << u"not (state eq 'a') and name eq 'b'"_s
                                                    << u"not state eq 'a' and name eq 'b'"_s;
        QTest::newRow("not of a group") << u"NOT(state eq 'a' or name eq 'b')"_s
                                        << u"not (state eq 'a' or name eq 'b')"_s;
        QTest::newRow("not not") << u"not not state eq 'x'"_s << u"not not state eq 'x'"_s;
        QTest::newRow("relative time") << u"startTime gt NOW-1H"_s << u"startTime gt now-1h"_s;
        QTest::newRow("quoted relative time") << u"endTime lt 'now-2d'"_s << u"endTime lt now-2d"_s;
        QTest::newRow("timestamp") << u"metadata.creationTimestamp lte '2024-05-01T12:00:00.5+02:00'"_s
                                   << u"metadata.creationTimestamp lte '2024-05-01T12:00:00.5+02:00'"_s;
        QTest::newRow("regex keeps backslashes") << u"name matches '^astra\\.backup$'"_s
                                                 << u"name matches '^astra\\.backup$'"_s;
        QTest::newRow("quotes and unicode") << u"description eq 'it''s Ünïcødé'"_s
                                            << u"description eq 'it''s Ünïcødé'"_s;
        QTest::newRow("empty text") << u"parentTaskID eq ''"_s << u"parentTaskID eq ''"_s;
        QTest::newRow("derived fields")
            << u"duration gte 3600 and App eq 'x' and resourcetype eq 'appBackups'"_s
            << u"duration gte 3600 and app eq 'x' and resourceType eq 'appBackups'"_s;
        QTest::newRow("no spaces around parentheses") << u"(state eq'a')or(name eq'b')"_s
                                                      << u"state eq 'a' or name eq 'b'"_s;
    }

    void parseValid()
    {
        QFETCH(QString, text);
        QFETCH(QString, printed);
        QCOMPARE(canonical(text), printed);
        QCOMPARE(canonical(printed), printed);
    }

    void parseTree()
    {
        using K = FilterExpr::Kind;
        const FilterExpr expr
            = parseFilter(u"state eq 'a' or not percentDone lt '5' and startTime gt now-3m"_s).expr;
        QCOMPARE(expr.kind, K::Or);
        QCOMPARE(expr.children.size(), size_t(2));
        QCOMPARE(expr.children[0],
                 FilterExpr::comparison(FilterField::State, FilterOp::Eq, FilterValue::fromText(u"a"_s)));
        const FilterExpr &conjunction = expr.children[1];
        QCOMPARE(conjunction.kind, K::And);
        QCOMPARE(conjunction.children[0].kind, K::Not);
        const FilterExpr &percent = conjunction.children[0].children.front();
        QCOMPARE(percent.field, FilterField::PercentDone);
        QCOMPARE(percent.value.kind, FilterValue::Kind::Number);
        QCOMPARE(percent.value.number, 5.0);
        const FilterValue &relative = conjunction.children[1].value;
        QCOMPARE(relative.kind, FilterValue::Kind::RelativeTime);
        QCOMPARE(relative.relativeSeconds(), 180);
        QVERIFY(parseFilter(u""_s).expr.isEmpty());
    }

    void parseInvalid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("length");
        QTest::newRow("ends after the operator")
            << u"state eq"_s
            << u"unexpected end of the filter: expected a value: 'quoted text', a number or now-1h"_s << 8
            << 0;
        QTest::newRow("missing operator")
            << u"state 'failed'"_s
            << u"expected an operator (eq, ne, lt, gt, lte, gte, in, matches) after 'state', "
               u"found ''failed''"_s
            << 6 << 8;
        QTest::newRow("ends after the field")
            << u"name"_s
            << u"unexpected end of the filter: "
               u"expected an operator (eq, ne, lt, gt, lte, gte, in, matches) after 'name'"_s
            << 4 << 0;
        QTest::newRow("unknown field, near one")
            << u"stat eq 'x'"_s << u"unknown field 'stat'; did you mean 'state'?"_s << 0 << 4;
        QTest::newRow("unknown field, case and typo")
            << u"state eq 'a' and percentDOne gt 5 and PercentDon lt 9"_s
            << u"unknown field 'PercentDon'; did you mean 'percentDone'?"_s << 38 << 10;
        QTest::newRow("unknown field, far from all") << u"nosuchthing eq 'x'"_s
                                                     << u"unknown field 'nosuchthing'"_s << 0 << 11;
        // Pasted text: no field is near, and finding that out costs no edit-distance table per
        // field (tests/fuzz, fuzz_filter: seconds per parse in a debug build).
        QTest::newRow("unknown field, very long")
            << QString(100000, u'a') + u" eq 1"_s << u"unknown field '"_s + QString(100000, u'a') + u"'"_s << 0
            << 100000;
        QTest::newRow("wildcard on a scalar")
            << u"state[*] eq 'x'"_s << u"unknown field 'state[*]'; did you mean 'state'?"_s << 0 << 8;
        QTest::newRow("unterminated string")
            << u"name eq 'abc"_s << u"the quoted text has no closing quote"_s << 8 << 4;
        QTest::newRow("text for a number") << u"percentDone gt 'abc'"_s
                                           << u"'percentDone' takes a number, not 'abc'"_s << 15 << 5;
        QTest::newRow("number out of range")
            << u"percentDone gt 1e999"_s << u"the number 1e999 is out of range"_s << 15 << 5;
        const QString timestamp
            = u"'startTime' takes a timestamp like '2024-05-01T12:00:00Z' or a relative time like now-1h"_s;
        QTest::newRow("number for a timestamp") << u"startTime gt 5"_s << timestamp << 13 << 1;
        QTest::newRow("text for a timestamp") << u"startTime gt 'yesterday'"_s << timestamp << 13 << 11;
        QTest::newRow("relative time too far")
            << u"startTime gt now-99999999999d"_s
            << u"the relative time now-99999999999d reaches too far back"_s << 13 << 16;
        QTest::newRow("relative time on text")
            << u"name eq now-1h"_s << u"'name' is text; a relative time compares only with timestamps"_s << 8
            << 6;
        QTest::newRow("in on a number") << u"percentDone in '5'"_s
                                        << u"'in' compares text, and 'percentDone' is not text"_s << 12 << 2;
        QTest::newRow("matches on a timestamp")
            << u"endTime MATCHES '2024'"_s << u"'matches' compares text, and 'endTime' is not text"_s << 8
            << 7;
        QTest::newRow("bad regex")
            << u"state eq 'a' and name matches '(ab'"_s
            << u"invalid regular expression: "_s + QRegularExpression(u"(ab"_s).errorString() << 30 << 5;
        QTest::newRow("unclosed parenthesis") << u"not (state eq 'a' or (name eq 'b')"_s
                                              << u"this '(' is never closed"_s << 4 << 1;
        QTest::newRow("unmatched parenthesis") << u"state eq 'a')"_s << u"unmatched ')'"_s << 12 << 1;
        QTest::newRow("missing and") << u"state eq 'a' name eq 'b'"_s
                                     << u"expected 'and' or 'or', found 'name'"_s << 13 << 4;
        QTest::newRow("missing and inside parentheses")
            << u"(state eq 'a' name eq 'b')"_s << u"expected 'and', 'or' or ')', found 'name'"_s << 14 << 4;
        QTest::newRow("starts with and") << u"and state eq 'a'"_s
                                         << u"expected a field name, 'not' or '(', found 'and'"_s << 0 << 3;
        QTest::newRow("ends with and")
            << u"state eq 'a' AND "_s
            << u"unexpected end of the filter: expected a field name, 'not' or '('"_s << 17 << 0;
        QTest::newRow("empty parentheses")
            << u"()"_s << u"expected a field name, 'not' or '(', found ')'"_s << 1 << 1;
        QTest::newRow("stray character") << u"state = 'a'"_s << u"unexpected character '='"_s << 6 << 1;
        QTest::newRow("bare word value")
            << u"state eq failed"_s
            << u"expected a value: 'quoted text', a number or now-1h, found 'failed'"_s << 9 << 6;
        QTest::newRow("too deep") << QString(u"("_s.repeated(150) + u"state eq 'a'"_s + u")"_s.repeated(150))
                                  << u"the filter is nested too deeply"_s << 101 << 1;
    }

    void parseInvalid()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        QFETCH(int, column);
        QFETCH(int, length);
        const FilterParseResult result = parseFilter(text);
        QVERIFY(!result.ok());
        QCOMPARE(result.error->message, message);
        QCOMPARE(result.error->column, column);
        QCOMPARE(result.error->length, length);
        QVERIFY(result.expr.isEmpty());
    }

    void errorText()
    {
        const FilterParseResult result = parseFilter(u"stat eq 'x'"_s);
        QCOMPARE(result.error->toString(), u"unknown field 'stat'; did you mean 'state'? (column 1)"_s);
    }

    void fieldTable()
    {
        for (int i = 0; i < FilterFieldCount; ++i) {
            const FilterFieldInfo &info = filterFieldInfo(FilterField(i));
            QCOMPARE(filterFieldFromPath(info.path), FilterField(i));
            QCOMPARE(info.array, info.path.contains(u"[*]"));
            QCOMPARE(filterFieldFromPath(info.path.toString().toUpper().remove(u"[*]"_s)), FilterField(i));
        }
        QCOMPARE(filterFieldFromPath(u"metadata.labels[*].value"), FilterField::LabelValue);
        QCOMPARE(filterFieldFromPath(u"metadata.labels.value"), FilterField::LabelValue);
        QCOMPARE(filterFieldFromPath(u"metadata.labels[*]"), std::nullopt);
        QCOMPARE(filterFieldFromPath(u"name[*]"), std::nullopt);
    }

    void printRandomTrees()
    {
        TreeGenerator generator(7);
        for (int i = 0; i < 3000; ++i) {
            const FilterExpr tree = generator.tree(4);
            const QString printed = printFilter(tree);
            const FilterParseResult reparsed = parseFilter(printed);
            QVERIFY2(reparsed.ok(), qPrintable(printed + u" -> "_s + reparsed.error->toString()));
            QCOMPARE(printFilter(reparsed.expr), printed);
            QCOMPARE(reparsed.expr, tree);
        }
    }

    // --- edits --------------------------------------------------------------------------------------

    void addClause_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<FilterField>("field");
        QTest::addColumn<FilterOp>("op");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("onto nothing") << QString() << FilterField::State << FilterOp::Eq << u"failed"_s
                                      << u"state eq 'failed'"_s;
        QTest::newRow("onto an or") << u"state eq 'a' OR state eq 'b'"_s << FilterField::Name << FilterOp::In
                                    << u"backup"_s
                                    << u"(state eq 'a' or state eq 'b') and name in 'backup'"_s;
        QTest::newRow("quote") << u"name eq 'x'"_s << FilterField::Description << FilterOp::Eq << u"it's"_s
                               << u"name eq 'x' and description eq 'it''s'"_s;
        QTest::newRow("space") << QString() << FilterField::LabelValue << FilterOp::Eq << u"a b"_s
                               << u"metadata.labels[*].value eq 'a b'"_s;
        QTest::newRow("unicode") << QString() << FilterField::Summary << FilterOp::In << u"Ünïcødé"_s
                                 << u"summary in 'Ünïcødé'"_s;
        QTest::newRow("empty value") << QString() << FilterField::ParentTaskId << FilterOp::Eq << QString()
                                     << u"parentTaskID eq ''"_s;
        QTest::newRow("keyword-like value") << QString() << FilterField::Name << FilterOp::Eq
                                            << u"x' or name eq 'y"_s << u"name eq 'x'' or name eq ''y'"_s;
        QTest::newRow("number") << QString() << FilterField::PercentDone << FilterOp::Gt << u"50"_s
                                << u"percentDone gt 50"_s;
        QTest::newRow("relative time") << QString() << FilterField::StartTime << FilterOp::Gt << u"now-1h"_s
                                       << u"startTime gt now-1h"_s;
        QTest::newRow("not twice") << u"state eq 'failed'"_s << FilterField::State << FilterOp::Eq
                                   << u"failed"_s << u"state eq 'failed'"_s;
        QTest::newRow("canonicalises the rest") << u"STATE Eq 'a'"_s << FilterField::Cluster << FilterOp::Eq
                                                << u"k"_s << u"state eq 'a' and cluster eq 'k'"_s;
    }

    void addClause()
    {
        QFETCH(QString, text);
        QFETCH(FilterField, field);
        QFETCH(FilterOp, op);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        const FilterEditResult result = FilterEdit::addClause(text, field, op, value);
        QVERIFY(result.ok());
        QCOMPARE(result.text, expected);
        // The value reads back as given.
        const FilterExpr last = parseFilter(result.text).expr.conjuncts().back();
        QCOMPARE(last.value.toString(), value);
    }

    void editErrors()
    {
        const FilterEditResult badText
            = FilterEdit::addClause(u"state eq"_s, FilterField::Name, FilterOp::Eq, u"x"_s);
        QVERIFY(!badText.ok());
        QCOMPARE(badText.error->column, 8);
        QVERIFY(badText.text.isEmpty());
        const FilterEditResult badValue = FilterEdit::addClause(u"state eq 'a'"_s, FilterField::PercentDone,
                                                                FilterOp::Lt, u"half"_s);
        QVERIFY(!badValue.ok());
        QCOMPARE(badValue.error->message, u"'percentDone' takes a number, not 'half'"_s);
        QVERIFY(!FilterEdit::replaceFieldClauses(u"("_s, FilterField::State, {u"a"_s}).ok());
        QVERIFY(!FilterEdit::replaceFieldClauses({}, FilterField::StartTime, {u"soon"_s}).ok());
        QVERIFY(!FilterEdit::excludeValue(u"x eq"_s, FilterField::State, u"a"_s).ok());
        QVERIFY(!FilterEdit::removeClause(u"'"_s, FilterField::State, u"a"_s).ok());
        QVERIFY(FilterEdit::selectedValues(u"state eq 'a' and"_s, FilterField::State).isEmpty());
    }

    void excludeValue_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<FilterField>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("scalar") << QString() << FilterField::State << u"it's"_s << u"state ne 'it''s'"_s;
        QTest::newRow("list")
            << u"state eq 'a' or state eq 'b'"_s << FilterField::LabelValue << u"Ünïcødé"_s
            << u"(state eq 'a' or state eq 'b') and not metadata.labels[*].value eq 'Ünïcødé'"_s;
        QTest::newRow("empty value") << u"name in 'x'"_s << FilterField::App << QString()
                                     << u"name in 'x' and app ne ''"_s;
        QTest::newRow("not twice") << u"state ne 'a b'"_s << FilterField::State << u"a b"_s
                                   << u"state ne 'a b'"_s;
    }

    void excludeValue()
    {
        QFETCH(QString, text);
        QFETCH(FilterField, field);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        const FilterEditResult result = FilterEdit::excludeValue(text, field, value);
        QVERIFY(result.ok());
        QCOMPARE(result.text, expected);
        QVERIFY(FilterEdit::excludedValues(result.text, field).contains(value));
    }

    void replaceFieldClauses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<QString>("expected");
        QTest::newRow("two into the first place")
            << u"name eq 'x' and state eq 'a' and percentDone lt 5 and (state eq 'b' or state eq 'c')"_s
            << QStringList{u"failed"_s, u"running"_s}
            << u"name eq 'x' and (state eq 'failed' or state eq 'running') and percentDone lt 5"_s;
        QTest::newRow("none removes")
            << u"state eq 'a' and name eq 'x' and not state eq 'b'"_s << QStringList() << u"name eq 'x'"_s;
        QTest::newRow("onto nothing") << QString() << QStringList{u"it's"_s} << u"state eq 'it''s'"_s;
        QTest::newRow("awkward values")
            << u"state ne 'x'"_s << QStringList{u"a b"_s, u"Ünïcødé"_s, QString(), u"a b"_s}
            << u"state eq 'a b' or state eq 'Ünïcødé' or state eq ''"_s;
        QTest::newRow("clauses on other fields stay")
            << u"(state eq 'a' or name eq 'b') and state in 'c'"_s << QStringList{u"d"_s}
            << u"(state eq 'a' or name eq 'b') and state eq 'd'"_s;
        QTest::newRow("a whole or of the field") << u"state eq 'a' or state eq 'b'"_s << QStringList{u"c"_s}
                                                 << u"state eq 'c'"_s;
    }

    void replaceFieldClauses()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, values);
        QFETCH(QString, expected);
        const FilterEditResult result = FilterEdit::replaceFieldClauses(text, FilterField::State, values);
        QVERIFY(result.ok());
        QCOMPARE(result.text, expected);
        values.removeDuplicates();
        QCOMPARE(FilterEdit::selectedValues(result.text, FilterField::State), values);
    }

    void removeClause_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("alone") << u"state eq 'a' and name eq 'x'"_s << u"a"_s << u"name eq 'x'"_s;
        QTest::newRow("from an or of two") << u"(state eq 'a' or state eq 'b') and name eq 'x'"_s << u"a"_s
                                           << u"state eq 'b' and name eq 'x'"_s;
        QTest::newRow("from an or of three") << u"state eq 'a' or state eq 'it''s' or state eq 'c'"_s
                                             << u"it's"_s << u"state eq 'a' or state eq 'c'"_s;
        QTest::newRow("unicode, everything") << u"state eq 'Ünïcødé' and state eq 'Ünïcødé'"_s << u"Ünïcødé"_s
                                             << QString();
        QTest::newRow("empty value") << u"state eq '' and state eq 'a b'"_s << QString()
                                     << u"state eq 'a b'"_s;
        QTest::newRow("other clauses stay")
            << u"state ne 'a' and not state eq 'a' and (state eq 'a' or name eq 'a')"_s << u"a"_s
            << u"state ne 'a' and not state eq 'a' and (state eq 'a' or name eq 'a')"_s;
    }

    void removeClause()
    {
        QFETCH(QString, text);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        const FilterEditResult result = FilterEdit::removeClause(text, FilterField::State, value);
        QVERIFY(result.ok());
        QCOMPARE(result.text, expected);
        QVERIFY(!FilterEdit::selectedValues(result.text, FilterField::State).contains(value));
    }

    void removeExclusion_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ne") << u"state ne 'a' and name eq 'x'"_s << u"a"_s << u"name eq 'x'"_s;
        QTest::newRow("not eq") << u"not state eq 'it''s' and state ne 'b'"_s << u"it's"_s << u"state ne 'b'"_s;
        QTest::newRow("selections stay") << u"state eq 'a' and (state eq 'a' or state eq 'b')"_s << u"a"_s
                                         << u"state eq 'a' and (state eq 'a' or state eq 'b')"_s;
    }

    void removeExclusion()
    {
        QFETCH(QString, text);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        const FilterEditResult result = FilterEdit::removeExclusion(text, FilterField::State, value);
        QVERIFY(result.ok());
        QCOMPARE(result.text, expected);
        QVERIFY(!FilterEdit::excludedValues(result.text, FilterField::State).contains(value));
    }

    void selectedAndExcluded()
    {
        const QString text
            = u"(state eq 'failed' or state eq 'running') and name eq 'x' and state eq 'it''s' and "
              u"state ne 'a b' and not state eq 'Ünïcødé' and not (state eq 'z' or state eq 'y') and "
              u"percentDone eq 50 and not metadata.labels[*].value eq 'prod'"_s;
        QCOMPARE(FilterEdit::selectedValues(text, FilterField::State),
                 (QStringList{u"failed"_s, u"running"_s, u"it's"_s}));
        QCOMPARE(FilterEdit::excludedValues(text, FilterField::State), (QStringList{u"a b"_s, u"Ünïcødé"_s}));
        QCOMPARE(FilterEdit::selectedValues(text, FilterField::PercentDone), QStringList{u"50"_s});
        QCOMPARE(FilterEdit::excludedValues(text, FilterField::LabelValue), QStringList{u"prod"_s});
        QCOMPARE(FilterEdit::selectedValues(text, FilterField::Service), QStringList());
        QCOMPARE(FilterEdit::selectedValues(u"state eq 'a' or name eq 'b'"_s, FilterField::State),
                 QStringList());
    }

    // --- push-down ----------------------------------------------------------------------------------

    void pushDown_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("server");
        QTest::addColumn<QString>("client");
        QTest::newRow("all of it")
            << u"state eq 'failed' and percentDone lt 50 and startTime gt now-1h"_s
            << QStringList{u"state eq 'failed'"_s, u"percentDone lt '50'"_s,
                           u"startTime gt '2026-01-02T02:04:05.678Z'"_s}
            << QString();
        QTest::newRow("an or stays") << u"state eq 'failed' or name eq 'x'"_s << QStringList()
                                     << u"state eq 'failed' or name eq 'x'"_s;
        QTest::newRow("what the server cannot do")
            << u"name in 'backup' and not state eq 'failed' and app eq 'a1' and state ne 'x' and "
               u"name matches 'x' and duration gt 5"_s
            << QStringList{u"name in 'backup'"_s}
            << u"not state eq 'failed' and app eq 'a1' and state ne 'x' and name matches 'x' and "
               u"duration gt 5"_s;
        QTest::newRow("values the server cannot read")
            << u"description eq 'it''s' and name eq ''"_s << QStringList()
            << u"description eq 'it''s' and name eq ''"_s;
        QTest::newRow("timestamps")
            << u"startTime eq '2024-05-01T12:00:00Z' and endTime lte '2024-05-01T14:00:00+02:00' and "
               u"cancelTime gte '2024-05-01T12:00:00.123456Z' and metadata.creationTimestamp gt now-1d"_s
            << QStringList{u"endTime lt '2024-05-01T12:00:00.001Z'"_s,
                           u"cancelTime gte '2024-05-01T12:00:00.123Z'"_s,
                           u"metadata.creationTimestamp gt '2026-01-01T03:04:05.678Z'"_s}
            << u"startTime eq '2024-05-01T12:00:00Z'"_s;
        // A relative time sent as an instant stays behind as now moves on: only gt/gte stay a superset.
        QTest::newRow("relative times") << u"startTime gte now-1h and endTime lt now-1h and cancelTime lte now-2d"_s
                                        << QStringList{u"startTime gte '2026-01-02T02:04:05.678Z'"_s}
                                        << u"endTime lt now-1h and cancelTime lte now-2d"_s;
        QTest::newRow("text ordering") << u"name gt '2024-05-01T12:00:00Z' and name gt 'b' and id lte '5'"_s
                                       << QStringList{u"name gt 'b'"_s, u"id lte '5'"_s}
                                       << u"name gt '2024-05-01T12:00:00Z'"_s;
        QTest::newRow("lists and unicode")
            << u"metadata.labels.value eq 'prod' and stateDetails[*].title in 'Ünïcødé a' and "
               u"stateTransitions[*].to[*] eq 'running' and resourceCollectionURI in '/clusters/'"_s
            << QStringList{u"metadata.labels[*].value eq 'prod'"_s, u"stateDetails[*].title in 'Ünïcødé a'"_s,
                           u"stateTransitions[*].to[*] eq 'running'"_s,
                           u"resourceCollectionURI[*] in '/clusters/'"_s}
            << QString();
        QTest::newRow("numbers as JSON numbers")
            << u"percentDone gte 1e21 and orderHint eq -0.5 and percentDone lte '007'"_s
            << QStringList{u"percentDone gte '1e+21'"_s, u"orderHint eq '-0.5'"_s, u"percentDone lte '7'"_s}
            << QString();
        QTest::newRow("nothing") << QString() << QStringList() << QString();
    }

    void pushDown()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, server);
        QFETCH(QString, client);
        const QDateTime now = QDateTime::fromString(u"2026-01-02T03:04:05.678Z"_s, Qt::ISODateWithMs);
        QVERIFY(now.isValid());
        const FilterPushDown split = splitForServer(parseFilter(text).expr, now);
        QCOMPARE(split.serverClauses, server);
        QCOMPARE(printFilter(split.clientOnly), client);
        for (const QString &clause : std::as_const(split.serverClauses)) {
            QString error;
            const std::optional<Demo::ServerFilter> parsed = Demo::ServerFilter::parse(clause, &error);
            QVERIFY2(parsed, qPrintable(clause + u": "_s + error));
            QCOMPARE(parsed->text(), clause);
        }
    }

    // With and without the server's part, the same tasks remain: the server never drops a task the
    // client keeps. Tasks and clause values come from the demo scenario (microsecond timestamps).
    void pushDownKeepsResults()
    {
        constexpr qint64 epoch = 1'795'000'000'000;
        Demo::Scenario scenario({Demo::kDefaultAccountId, 11, 400, 1.0, epoch, 900});
        scenario.advanceTo(epoch + 40 * 60 * 1000);
        TaskListPage page;
        ParseError parseError;
        QVERIFY(TaskListParser().parse(scenario.listJson(), &page, &parseError));
        const QList<Task> &tasks = page.tasks;
        QVERIFY(tasks.size() >= 300);
        QList<QJsonObject> objects;
        for (const Task &task : tasks)
            objects << task.json();
        const QDateTime now = QDateTime::fromMSecsSinceEpoch(scenario.currentTimeMsecs(), Qt::UTC);

        QRandomGenerator rng(5);
        const auto anyTask = [&]() -> const Task & { return tasks.at(rng.bounded(int(tasks.size()))); };
        const auto instant
            = [&](const QDateTime &t) { return quoteFilterText(t.toString(Qt::ISODateWithMs)); };
        const QStringList orders = {u"lt"_s, u"gt"_s, u"lte"_s, u"gte"_s, u"eq"_s};
        const auto clause = [&]() -> QString {
            const Task &t = anyTask();
            const QString order = orders.at(rng.bounded(int(orders.size())));
            switch (rng.bounded(11)) {
            case 0: return u"state eq "_s + quoteFilterText(t.stateText);
            case 1: return u"name in "_s + quoteFilterText(t.name.mid(rng.bounded(4), 5).toUpper());
            case 2: return u"percentDone "_s + order + u' ' + QString::number(t.percentDone.value_or(50));
            case 3:
                return t.startTime.isValid() ? u"startTime "_s + order + u' ' + instant(t.startTime)
                                             : u"state ne 'x'"_s;
            case 4:
                return t.endTime.isValid() ? u"endTime "_s + order + u' ' + instant(t.endTime)
                                           : u"app eq ''"_s;
            case 5:
                return t.metadata.creationTimestamp.isValid()
                    ? u"metadata.creationTimestamp "_s + order + u' ' + instant(t.metadata.creationTimestamp)
                    : u"state ne 'x'"_s;
            case 6: return u"startTime "_s + order + u" now-"_s + QString::number(rng.bounded(40)) + u'm';
            case 7:
                return t.metadata.labels.isEmpty()
                    ? u"not state eq 'failed'"_s
                    : u"metadata.labels[*].value eq "_s + quoteFilterText(t.metadata.labels.first().value);
            case 8:
                return u"resourceCollectionURI[*] in "_s
                    + quoteFilterText(t.resourceCollectionURI.value(0).right(12));
            case 9: return u"orderHint "_s + order + u' ' + QString::number(t.orderHint.value_or(1));
            default: return u"name "_s + order + u' ' + quoteFilterText(t.name);
            }
        };

        int matched = 0, narrowedByServer = 0, serverClauses = 0;
        for (int round = 0; round < 300; ++round) {
            QStringList parts;
            for (int i = 0, n = 1 + int(rng.bounded(3)); i < n; ++i)
                parts << clause();
            const QString text = parts.join(u" and "_s);
            const FilterParseResult parsed = parseFilter(text);
            QVERIFY2(parsed.ok(), qPrintable(text + u": "_s + parsed.error->toString()));
            const FilterPredicate predicate(parsed.expr, now);
            const FilterPushDown split = splitForServer(parsed.expr, now);
            QList<Demo::ServerFilter> server;
            for (const QString &serverClause : split.serverClauses) {
                const std::optional<Demo::ServerFilter> filter = Demo::ServerFilter::parse(serverClause);
                QVERIFY2(filter, qPrintable(serverClause));
                server << *filter;
            }
            serverClauses += int(server.size());
            for (qsizetype i = 0; i < tasks.size(); ++i) {
                const bool sent
                    = std::all_of(server.cbegin(), server.cend(),
                                  [&](const Demo::ServerFilter &f) { return f.matches(objects[i]); });
                const bool kept = predicate.matches(tasks[i]);
                QVERIFY2(sent || !kept, qPrintable(text + u" drops "_s + tasks[i].id));
                matched += kept;
                narrowedByServer += !sent;
            }
        }
        // The generated filters are neither all-or-nothing nor left to the client.
        QVERIFY(matched > 1000);
        QVERIFY(narrowedByServer > 10000);
        QVERIFY(serverClauses > 300);
    }
};

QTEST_GUILESS_MAIN(TestFilterLanguage)
#include "tst_filterlanguage.moc"
