// Filter language: the lexer (the one source of tokens), the fields, the tree, the parser and the printer.
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>
#include <vector>

namespace Taskscope {

// --- tokens ---------------------------------------------------------------------------------------

struct FilterToken
{
    enum class Kind : quint8 {
        Field,        // a name: one part of a dotted path (also a bare word where a value belongs)
        Dot,          // the `.` between path parts
        Wildcard,     // `[*]`
        Operator,     // eq ne lt gt lte gte in matches (any case)
        Keyword,      // and or not (any case)
        String,       // 'single-quoted text' ('' is a quote)
        Number,       // -?digits(.digits)?(e[+-]?digits)?
        RelativeTime, // now-<n>(s|m|h|d)
        LeftParen,
        RightParen,
        Error,        // an unterminated string (to the end of the text) or a stray character
    };
    Kind kind = Kind::Error;
    int start = 0; // 0-based offset into the text
    int length = 0;
    friend bool operator==(const FilterToken &, const FilterToken &) = default;
};

// Never fails: what is not a token becomes an Error token. Whitespace is left out; the tokens tile
// every other character, so a highlighter can colour the whole text from this list.
QList<FilterToken> lexFilter(QStringView text);

// --- fields ---------------------------------------------------------------------------------------

enum class FilterField : quint8 {
    Type, Version, Id, Name, Summary, Description, Service, ParentTaskId, UserId, ResourceId, ResourceUri,
    ResourceCollectionUri, State, StateTransitionFrom, StateTransitionTo, StateDetailType, StateDetailTitle,
    StateDetailDetail, OrderHint, PercentDone, StartTime, EndTime, CancelTime, LabelName, LabelValue,
    CreationTimestamp, ModificationTimestamp, CreatedBy, ModifiedBy,
    // Derived on the client (never sent to a server):
    Duration,     // seconds to the millisecond, Task::durationMilliseconds(now)
    App,          // the ids in resourceURI (else in a resourceCollectionURI): see ResourceUri::idOf
    Cluster,
    Namespace,
    Cloud,
    ResourceType, // the collection of resourceURI's last segment: "appBackups"
    AppName,      // the names of App, Cluster, Cloud, Namespace, in NameKind's order (FilterPredicate::setNames(), else labels)
    ClusterName,
    CloudName,
    NamespaceName,
    Seen,         // what the history knows (Task::firstSeen, goneAt, lastTransition): absent without it
    Gone,
    Transition,
    Stalled,      // seconds since a stalled task's progress last moved (Task::stalledSince); absent when not stalled
};
inline constexpr int FilterFieldCount = int(FilterField::Stalled) + 1;

enum class FilterValueType : quint8 {
    Text,    // absent text is empty text: `parentTaskID eq ''` finds top-level tasks
    Number,  // percentDone, orderHint, duration; absent is missing
    Instant, // timestamps; absent is missing
};

struct FilterFieldInfo
{
    QStringView path; // the canonical spelling: "stateDetails[*].title"
    FilterValueType type;
    bool array;       // the path holds a [*]
    bool derived;
    quint32 taskFields; // the TaskField bits (TaskFieldInfo::bit) its value is read from
};

const FilterFieldInfo &filterFieldInfo(FilterField field);
// The field a written path names: case-insensitive, and a [*] may be left out (never added where the
// canonical path has none). nullopt when no field has that path.
std::optional<FilterField> filterFieldFromPath(QStringView path);

// --- the tree -------------------------------------------------------------------------------------

enum class FilterOp : quint8 { Eq, Ne, Lt, Gt, Lte, Gte, In, Matches };
inline constexpr int FilterOpCount = int(FilterOp::Matches) + 1;
QStringView filterOpName(FilterOp op); // "eq", ...
bool filterOpSuits(FilterOp op, FilterValueType type); // `in` and `matches` compare text only

struct FilterValue
{
    enum class Kind : quint8 { Text, Number, RelativeTime };
    Kind kind = Kind::Text;
    QString text;        // Text: unescaped (a timestamp's text as written; a regular expression)
    double number = 0;   // Number
    qint64 amount = 0;   // RelativeTime: now-<amount><unit>
    char16_t unit = u's'; // RelativeTime: s, m, h or d

    static FilterValue fromText(const QString &text) { return {Kind::Text, text, 0, 0, u's'}; }
    qint64 relativeSeconds() const;
    // What the value says, unquoted: the text, the number's shortest form, or "now-1h".
    QString toString() const;
    friend bool operator==(const FilterValue &, const FilterValue &) = default;
};

// Semantics (FilterPredicate): eq/ne/lt/gt/lte/gte compare as the field's type; `in` (text only) is a
// case-insensitive substring match; `matches` (text only) a QRegularExpression. On a [*] field a
// comparison holds when any element does (an empty list: never), except `ne`, which is `not eq`:
// it holds when no element equals the value. A missing number or timestamp matches only `ne`.
struct FilterExpr
{
    enum class Kind : quint8 { Comparison, And, Or, Not };
    // An And of nothing is the empty expression: it matches every task. The parser never nests one.
    Kind kind = Kind::And;
    FilterField field = FilterField::Name; // Comparison
    FilterOp op = FilterOp::Eq;            // Comparison
    FilterValue value;                     // Comparison
    // And/Or: two or more (flattened: no And directly in an And, no Or in an Or); Not: one.
    // std::vector because it is specified to hold the incomplete type.
    std::vector<FilterExpr> children;

    static FilterExpr comparison(FilterField field, FilterOp op, FilterValue value);
    static FilterExpr combine(Kind kind, std::vector<FilterExpr> children); // flattens; one child: that child
    static FilterExpr negate(FilterExpr child);
    bool isEmpty() const { return kind == Kind::And && children.empty(); }
    // The clauses of the top-level conjunction: the children of an And, else the expression itself.
    std::vector<FilterExpr> conjuncts() const;

    friend bool operator==(const FilterExpr &, const FilterExpr &) = default;
};

// --- parsing and printing -------------------------------------------------------------------------

struct FilterError
{
    QString message; // translated, without the column
    int column = 0;  // 0-based offset of what went wrong
    int length = 0;  // how many characters went wrong (0 at the end of the text)
    QString toString() const; // "message (column N)", 1-based for people
    friend bool operator==(const FilterError &, const FilterError &) = default;
};

struct FilterParseResult
{
    FilterExpr expr; // the empty expression when the text is blank or has an error
    std::optional<FilterError> error;
    bool ok() const { return !error.has_value(); }
};

// Parses and checks everything a predicate needs: fields exist, values suit the field's type
// (a quoted number is a number on a number field; a number is text on a text field), regular
// expressions compile. Blank text is the empty expression.
FilterParseResult parseFilter(QStringView text);

// Types `value` for `field op value` as the parser does; returns the translated reason it cannot be
// compared, or an empty string.
QString checkFilterComparison(FilterField field, FilterOp op, FilterValue &value);

// The canonical text: lower-case keywords and operators, canonical field paths, text values quoted,
// numbers and relative times bare, the fewest parentheses (not binds tighter than and, and than or).
// print(parse(print(x))) == print(x).
QString printFilter(const FilterExpr &expr);
QString quoteFilterText(QStringView text); // 'it''s'

} // namespace Taskscope
