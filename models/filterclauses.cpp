// Filter clauses: point-and-click edits of the top-level conjunction, and server push-down.
#include "filterclauses.h"

#include "task.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Taskscope {

namespace {

using Clauses = std::vector<FilterExpr>;

// `field op value` with the value typed for the field; nullopt and *error when it does not suit.
std::optional<FilterExpr> typedComparison(FilterField field, FilterOp op, const QString &value,
                                          std::optional<FilterError> *error = nullptr)
{
    FilterValue typed = FilterValue::fromText(value);
    if (const QString problem = checkFilterComparison(field, op, typed); !problem.isEmpty()) {
        if (error)
            *error = FilterError{problem, 0, 0};
        return std::nullopt;
    }
    return FilterExpr::comparison(field, op, std::move(typed));
}

bool isComparison(const FilterExpr &expr, FilterField field, FilterOp op)
{
    return expr.kind == FilterExpr::Kind::Comparison && expr.field == field && expr.op == op;
}

// `(field eq 'a' or field eq 'b' ...)`
bool isOrOfEq(const FilterExpr &expr, FilterField field)
{
    return expr.kind == FilterExpr::Kind::Or && std::all_of(expr.children.cbegin(), expr.children.cend(),
        [field](const FilterExpr &child) { return isComparison(child, field, FilterOp::Eq); });
}

// Every comparison in `expr` is on `field`.
bool comparesOnly(const FilterExpr &expr, FilterField field)
{
    if (expr.kind == FilterExpr::Kind::Comparison)
        return expr.field == field;
    return std::all_of(expr.children.cbegin(), expr.children.cend(),
                       [field](const FilterExpr &child) { return comparesOnly(child, field); });
}

void appendUnique(Clauses &clauses, FilterExpr clause)
{
    if (std::find(clauses.cbegin(), clauses.cend(), clause) == clauses.cend())
        clauses.push_back(std::move(clause));
}

void appendUnique(QStringList &list, const QString &value)
{
    if (!list.contains(value))
        list.append(value);
}

// Parses `text`, lets `edit` change its top-level clauses (or fail), and prints the result.
template <typename Edit>
FilterEditResult editClauses(QStringView text, Edit edit)
{
    FilterParseResult parsed = parseFilter(text);
    if (!parsed.ok())
        return {QString(), parsed.error};
    Clauses clauses = parsed.expr.conjuncts();
    std::optional<FilterError> error;
    edit(clauses, error);
    if (error)
        return {QString(), error};
    return {printFilter(FilterExpr::combine(FilterExpr::Kind::And, std::move(clauses))), std::nullopt};
}

// The server's form of one top-level clause, when the server can apply it with the same result or a
// superset of it (the client applies the whole expression again).
std::optional<QString> serverClause(const FilterExpr &clause, const QDateTime &now)
{
    if (clause.kind != FilterExpr::Kind::Comparison)
        return std::nullopt;
    const FilterFieldInfo &info = filterFieldInfo(clause.field);
    FilterOp op = clause.op;
    if (info.derived || op == FilterOp::Ne || op == FilterOp::Matches)
        return std::nullopt;
    QString value;
    switch (info.type) {
    case FilterValueType::Text:
        value = clause.value.toString();
        if (op != FilterOp::Eq && op != FilterOp::In && parseTimestamp(value).isValid())
            return std::nullopt;
        break;
    case FilterValueType::Number:
        value = clause.value.toString(); // the shortest form: also a JSON number to the server
        break;
    case FilterValueType::Instant: {
        if (op == FilterOp::Eq)
            return std::nullopt;
        // A relative time moves on while the clause sent stays fixed: `gt now-1h` sent as `gt T`
        // still returns a superset later on, `lt now-1h` sent as `lt T` would not.
        if (clause.value.kind == FilterValue::Kind::RelativeTime && op != FilterOp::Gt && op != FilterOp::Gte)
            return std::nullopt;
        qint64 msecs = clause.value.kind == FilterValue::Kind::RelativeTime
                           ? now.toMSecsSinceEpoch() - clause.value.relativeSeconds() * 1000
                           : parseTimestamp(clause.value.text).toMSecsSinceEpoch();
        // Tasks hold milliseconds (finer fractions cut off), the server the full fraction: a task at
        // T.0005 is `lte T` here but not there. `lt T+1ms` keeps every task the client keeps.
        if (op == FilterOp::Lte) {
            op = FilterOp::Lt;
            ++msecs;
        }
        const QDateTime instant = QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
        if (instant.date().year() < 1 || instant.date().year() > 9999)
            return std::nullopt;
        value = instant.toString(Qt::ISODateWithMs);
        break;
    }
    }
    if (value.isEmpty() || value.contains(u'\''))
        return std::nullopt;
    return info.path % u' ' % filterOpName(op) % u" '"_s % value % u'\'';
}

} // namespace

namespace FilterEdit {

FilterEditResult addClause(QStringView text, FilterField field, FilterOp op, const QString &value)
{
    return editClauses(text, [&](Clauses &clauses, std::optional<FilterError> &error) {
        if (std::optional<FilterExpr> clause = typedComparison(field, op, value, &error))
            appendUnique(clauses, std::move(*clause));
    });
}

FilterEditResult excludeValue(QStringView text, FilterField field, const QString &value)
{
    const bool list = filterFieldInfo(field).array;
    return editClauses(text, [&](Clauses &clauses, std::optional<FilterError> &error) {
        if (std::optional<FilterExpr> clause
            = typedComparison(field, list ? FilterOp::Eq : FilterOp::Ne, value, &error))
            appendUnique(clauses, list ? FilterExpr::negate(std::move(*clause)) : std::move(*clause));
    });
}

FilterEditResult replaceFieldClauses(QStringView text, FilterField field, const QStringList &values)
{
    return editClauses(text, [&](Clauses &clauses, std::optional<FilterError> &error) {
        Clauses alternatives;
        for (const QString &value : values) {
            std::optional<FilterExpr> clause = typedComparison(field, FilterOp::Eq, value, &error);
            if (!clause)
                return;
            appendUnique(alternatives, std::move(*clause));
        }
        const auto first = std::find_if(clauses.cbegin(), clauses.cend(), [field](const FilterExpr &clause) {
            return comparesOnly(clause, field);
        });
        const auto place = first - clauses.cbegin();
        std::erase_if(clauses, [field](const FilterExpr &clause) { return comparesOnly(clause, field); });
        if (!alternatives.empty())
            clauses.insert(clauses.begin() + place,
                           FilterExpr::combine(FilterExpr::Kind::Or, std::move(alternatives)));
    });
}

FilterEditResult removeClause(QStringView text, FilterField field, const QString &value)
{
    const std::optional<FilterExpr> target = typedComparison(field, FilterOp::Eq, value);
    return editClauses(text, [&](Clauses &clauses, std::optional<FilterError> &) {
        if (!target)
            return; // a value the field cannot hold is in no clause
        for (FilterExpr &clause : clauses) {
            if (isOrOfEq(clause, field)) {
                std::erase(clause.children, *target);
                clause = FilterExpr::combine(FilterExpr::Kind::Or, std::move(clause.children));
            }
        }
        std::erase_if(clauses,
                      [&](const FilterExpr &clause) { return clause == *target || clause.isEmpty(); });
    });
}

FilterEditResult removeExclusion(QStringView text, FilterField field, const QString &value)
{
    const std::optional<FilterExpr> equal = typedComparison(field, FilterOp::Eq, value);
    const std::optional<FilterExpr> notEqual = typedComparison(field, FilterOp::Ne, value);
    return editClauses(text, [&](Clauses &clauses, std::optional<FilterError> &) {
        if (!equal || !notEqual)
            return; // a value the field cannot hold is in no clause
        std::erase_if(clauses, [&](const FilterExpr &clause) {
            return clause == *notEqual || (clause.kind == FilterExpr::Kind::Not && clause.children.front() == *equal);
        });
    });
}

QStringList selectedValues(QStringView text, FilterField field)
{
    QStringList values;
    for (const FilterExpr &clause : parseFilter(text).expr.conjuncts()) {
        if (isComparison(clause, field, FilterOp::Eq))
            appendUnique(values, clause.value.toString());
        else if (isOrOfEq(clause, field)) {
            for (const FilterExpr &alternative : clause.children)
                appendUnique(values, alternative.value.toString());
        }
    }
    return values;
}

bool hasFieldClause(QStringView text, FilterField field)
{
    const FilterParseResult parsed = parseFilter(text);
    if (!parsed.ok())
        return false;
    const auto clauses = parsed.expr.conjuncts();
    return std::any_of(clauses.cbegin(), clauses.cend(), [field](const FilterExpr &clause) { return comparesOnly(clause, field); });
}

QStringList excludedValues(QStringView text, FilterField field)
{
    QStringList values;
    for (const FilterExpr &clause : parseFilter(text).expr.conjuncts()) {
        if (isComparison(clause, field, FilterOp::Ne))
            appendUnique(values, clause.value.toString());
        else if (clause.kind == FilterExpr::Kind::Not
                 && isComparison(clause.children.front(), field, FilterOp::Eq))
            appendUnique(values, clause.children.front().value.toString());
    }
    return values;
}

} // namespace FilterEdit

FilterPushDown splitForServer(const FilterExpr &expr, const QDateTime &now)
{
    FilterPushDown result;
    Clauses rest;
    for (FilterExpr &clause : expr.conjuncts()) {
        if (std::optional<QString> server = serverClause(clause, now))
            result.serverClauses.append(*server);
        else
            rest.push_back(std::move(clause));
    }
    result.clientOnly = FilterExpr::combine(FilterExpr::Kind::And, std::move(rest));
    return result;
}

} // namespace Taskscope
