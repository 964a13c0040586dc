// Filter language: lexer, field table, parser and printer.
#include "filterlanguage.h"

#include "task.h"
#include "taskfields.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

#include <array>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Taskscope {

namespace {

using Kind = FilterToken::Kind;
using Type = FilterValueType;

// The filter's fields in FilterField order: a path that starts with an API field is written as that
// field's name (TaskFields, the one list of them) and the rest of the path; derived fields by name.
struct FieldSpec
{
    std::optional<TaskField> api; // nullopt: derived on the client
    std::u16string_view rest;     // after the API field's name ("[*].title"), or a derived field's name
    std::optional<Type> type;     // nullopt: from the API field's kind
};

using TF = TaskField;
constexpr std::array<FieldSpec, FilterFieldCount> kFieldSpecs = {{
    {TF::Type, u"", {}},
    {TF::Version, u"", {}},
    {TF::Id, u"", {}},
    {TF::Name, u"", {}},
    {TF::Summary, u"", {}},
    {TF::Description, u"", {}},
    {TF::Service, u"", {}},
    {TF::ParentTaskId, u"", {}},
    {TF::UserId, u"", {}},
    {TF::ResourceId, u"", {}},
    {TF::ResourceUri, u"", {}},
    {TF::ResourceCollectionUri, u"[*]", {}},
    {TF::State, u"", {}},
    {TF::StateTransitions, u"[*].from", Type::Text},
    {TF::StateTransitions, u"[*].to[*]", Type::Text},
    {TF::StateDetails, u"[*].type", Type::Text},
    {TF::StateDetails, u"[*].title", Type::Text},
    {TF::StateDetails, u"[*].detail", Type::Text},
    {TF::OrderHint, u"", {}},
    {TF::PercentDone, u"", {}},
    {TF::StartTime, u"", {}},
    {TF::EndTime, u"", {}},
    {TF::CancelTime, u"", {}},
    {TF::Metadata, u".labels[*].name", Type::Text},
    {TF::Metadata, u".labels[*].value", Type::Text},
    {TF::Metadata, u".creationTimestamp", Type::Instant},
    {TF::Metadata, u".modificationTimestamp", Type::Instant},
    {TF::Metadata, u".createdBy", Type::Text},
    {TF::Metadata, u".modifiedBy", Type::Text},
    {{}, u"duration", Type::Number},
    {{}, u"app", Type::Text},
    {{}, u"cluster", Type::Text},
    {{}, u"namespace", Type::Text},
    {{}, u"cloud", Type::Text},
    {{}, u"resourceType", Type::Text},
    {{}, u"appName", Type::Text},
    {{}, u"clusterName", Type::Text},
    {{}, u"cloudName", Type::Text},
    {{}, u"namespaceName", Type::Text},
    {{}, u"seen", Type::Instant},
    {{}, u"gone", Type::Instant},
    {{}, u"transition", Type::Instant},
    {{}, u"stalled", Type::Number},
}};

Type typeOfKind(TaskFieldKind kind)
{
    switch (kind) {
    case TaskFieldKind::Number:
        return Type::Number;
    case TaskFieldKind::Time:
        return Type::Instant;
    case TaskFieldKind::Text:
    case TaskFieldKind::TextList:
    case TaskFieldKind::Transitions:
    case TaskFieldKind::Details:
    case TaskFieldKind::Metadata:
        break;
    }
    return Type::Text;
}

// What a derived field is computed from (Task::durationMilliseconds, derivedUriField).
quint32 readsFields(FilterField field, const FieldSpec &spec)
{
    if (spec.api)
        return TaskFields::info(*spec.api).bit();
    if (field == FilterField::Duration) {
        return TaskFields::info(TF::StartTime).bit() | TaskFields::info(TF::EndTime).bit()
            | TaskFields::info(TF::CancelTime).bit() | TaskFields::info(TF::State).bit();
    }
    if (field >= FilterField::Seen)
        return 0; // set from the history, not read from the JSON
    const quint32 uris = TaskFields::info(TF::ResourceUri).bit() | TaskFields::info(TF::ResourceCollectionUri).bit();
    if (field >= FilterField::AppName) // a name may come from the task's labels
        return uris | TaskFields::info(TF::Metadata).bit();
    return uris;
}

struct FieldTable
{
    std::array<QString, FilterFieldCount> paths; // what the infos' paths view
    std::array<FilterFieldInfo, FilterFieldCount> infos;
};

const FieldTable &fieldTable()
{
    static const FieldTable table = [] {
        FieldTable t;
        for (size_t i = 0; i < kFieldSpecs.size(); ++i) {
            const FieldSpec &spec = kFieldSpecs[i];
            const QString rest = QString::fromUtf16(spec.rest.data(), qsizetype(spec.rest.size()));
            t.paths[i] = spec.api ? TaskFields::info(*spec.api).latin1Name() + rest : rest;
            const Type type = spec.type ? *spec.type : typeOfKind(TaskFields::info(*spec.api).kind);
            t.infos[i] = {t.paths[i], type, t.paths[i].contains(u"[*]"), !spec.api, readsFields(FilterField(i), spec)};
        }
        return t;
    }();
    return table;
}

constexpr std::array<QStringView, FilterOpCount> kOpNames
    = {u"eq", u"ne", u"lt", u"gt", u"lte", u"gte", u"in", u"matches"};
constexpr QStringView kWildcard = u"[*]";
// now-<n> reaches back at most this far: about 300 years.
constexpr qint64 kMaxRelativeSeconds = 10'000'000'000;

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isNameStart(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
}

bool isNameChar(QChar c)
{
    return isNameStart(c) || isDigit(c);
}

qsizetype digitsEnd(QStringView s, qsizetype pos)
{
    while (pos < s.size() && isDigit(s[pos]))
        ++pos;
    return pos;
}

// The length of the number at `pos`, 0 when there is none: -?digits(.digits)?([eE][+-]?digits)?
qsizetype numberLength(QStringView s, qsizetype pos)
{
    qsizetype i = pos < s.size() && s[pos] == u'-' ? pos + 1 : pos;
    const qsizetype integerEnd = digitsEnd(s, i);
    if (integerEnd == i)
        return 0;
    i = integerEnd;
    if (i + 1 < s.size() && s[i] == u'.' && isDigit(s[i + 1]))
        i = digitsEnd(s, i + 1);
    if (i < s.size() && (s[i] == u'e' || s[i] == u'E')) {
        qsizetype j = i + 1;
        if (j < s.size() && (s[j] == u'+' || s[j] == u'-'))
            ++j;
        if (const qsizetype end = digitsEnd(s, j); end > j)
            i = end;
    }
    return i - pos;
}

qint64 unitSeconds(char16_t unit)
{
    switch (unit) {
    case u'm': return 60;
    case u'h': return 3600;
    case u'd': return 86400;
    default: return 1;
    }
}

// The length of `now-<n>(s|m|h|d)` at `pos` (any case, not followed by a name character), else 0.
qsizetype relativeTimeLength(QStringView s, qsizetype pos)
{
    const QStringView rest = s.sliced(pos);
    if (!rest.startsWith(u"now-", Qt::CaseInsensitive))
        return 0;
    const qsizetype end = digitsEnd(rest, 4);
    if (end == 4 || end >= rest.size() || !QStringView(u"smhdSMHD").contains(rest[end]))
        return 0;
    if (end + 1 < rest.size() && isNameChar(rest[end + 1]))
        return 0;
    return end + 1;
}

// `now-<n><unit>` as read from text that relativeTimeLength() accepted; an amount too large to read
// becomes the largest, which checking reports as too far back.
FilterValue relativeTime(QStringView text)
{
    FilterValue value;
    value.kind = FilterValue::Kind::RelativeTime;
    bool ok = false;
    value.amount = text.sliced(4, text.size() - 5).toLongLong(&ok);
    if (!ok)
        value.amount = std::numeric_limits<qint64>::max();
    value.unit = text.back().toLower().unicode();
    return value;
}

QString numberText(double number)
{
    return QString::number(number, 'g', QLocale::FloatingPointShortest);
}

bool wordIs(QStringView word, QStringView keyword)
{
    return word.compare(keyword, Qt::CaseInsensitive) == 0;
}

std::optional<FilterOp> opFromWord(QStringView word)
{
    for (int i = 0; i < FilterOpCount; ++i) {
        if (wordIs(word, kOpNames[size_t(i)]))
            return FilterOp(i);
    }
    return std::nullopt;
}

Kind wordKind(QStringView word)
{
    if (wordIs(word, u"and") || wordIs(word, u"or") || wordIs(word, u"not"))
        return Kind::Keyword;
    return opFromWord(word) ? Kind::Operator : Kind::Field;
}

// A written path against a canonical one: any case, and a canonical [*] may be left out.
bool pathMatches(QStringView written, QStringView canonical)
{
    qsizetype w = 0;
    for (qsizetype c = 0; c < canonical.size();) {
        if (canonical.sliced(c).startsWith(kWildcard)) {
            if (written.sliced(w).startsWith(kWildcard))
                w += kWildcard.size();
            c += kWildcard.size();
            continue;
        }
        if (w >= written.size() || written[w].toCaseFolded() != canonical[c].toCaseFolded())
            return false;
        ++w;
        ++c;
    }
    return w == written.size();
}

QString foldedPathWithoutWildcards(QStringView path)
{
    QString result = path.toString().toCaseFolded();
    result.remove(u"[*]"_s);
    return result;
}

qsizetype editDistance(QStringView a, QStringView b)
{
    QList<qsizetype> row(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (qsizetype i = 1; i <= a.size(); ++i) {
        qsizetype diagonal = row[0];
        row[0] = i;
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const qsizetype above = row[j];
            row[j] = qMin(qMin(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
            diagonal = above;
        }
    }
    return row[b.size()];
}

// The known field closest to an unknown path, when it is close enough to be a typo.
std::optional<FilterField> nearestField(QStringView written)
{
    const QString folded = foldedPathWithoutWildcards(written);
    std::optional<FilterField> best;
    qsizetype bestDistance = qMin<qsizetype>(2, folded.size() / 2);
    for (int i = 0; i < FilterFieldCount; ++i) {
        const QString candidate = foldedPathWithoutWildcards(fieldTable().infos[size_t(i)].path);
        // The distance is at least the difference in length: a long path (pasted text) costs no
        // length x path-length table per field.
        if (qAbs(folded.size() - candidate.size()) > bestDistance)
            continue;
        const qsizetype distance = editDistance(folded, candidate);
        if (distance <= bestDistance) {
            best = FilterField(i);
            bestDistance = distance - 1; // a later field must be strictly closer
        }
    }
    return best;
}

int precedence(FilterExpr::Kind kind)
{
    switch (kind) {
    case FilterExpr::Kind::Or: return 1;
    case FilterExpr::Kind::And: return 2;
    case FilterExpr::Kind::Not: return 3;
    case FilterExpr::Kind::Comparison: return 4;
    }
    return 4;
}

void print(const FilterExpr &expr, QString &out, int context)
{
    const int own = precedence(expr.kind);
    const bool parenthesised = own < context;
    if (parenthesised)
        out += u'(';
    switch (expr.kind) {
    case FilterExpr::Kind::Comparison:
        out += filterFieldInfo(expr.field).path % u' ' % filterOpName(expr.op) % u' ';
        out += expr.value.kind == FilterValue::Kind::Text ? quoteFilterText(expr.value.text)
                                                          : expr.value.toString();
        break;
    case FilterExpr::Kind::And:
    case FilterExpr::Kind::Or:
        for (size_t i = 0; i < expr.children.size(); ++i) {
            if (i > 0)
                out += expr.kind == FilterExpr::Kind::And ? u" and "_s : u" or "_s;
            print(expr.children[i], out, own);
        }
        break;
    case FilterExpr::Kind::Not:
        out += u"not "_s;
        print(expr.children.front(), out, own);
        break;
    }
    if (parenthesised)
        out += u')';
}

class FilterParser final
{
    Q_DECLARE_TR_FUNCTIONS(FilterParser)
public:
    explicit FilterParser(QStringView text) : m_text(text), m_tokens(lexFilter(text)) {}

    FilterParseResult parse();
    static QString checkComparison(FilterField field, FilterOp op, FilterValue &value);

private:
    static QString unsuitedOp(FilterOp op, const FilterFieldInfo &field); // the reason, or empty
    static constexpr int kMaxDepth = 100; // keeps every recursive walk of the tree far from the stack's end

    const FilterToken *peek() const { return m_pos < m_tokens.size() ? &m_tokens[m_pos] : nullptr; }
    QStringView textOf(const FilterToken &token) const { return m_text.sliced(token.start, token.length); }
    bool atKeyword(QStringView keyword) const
    {
        const FilterToken *t = peek();
        return t && t->kind == Kind::Keyword && wordIs(textOf(*t), keyword);
    }
    void fail(const QString &message, qsizetype column, qsizetype length)
    {
        if (!m_error)
            m_error = FilterError{message, int(column), int(length)};
    }
    void failAt(const FilterToken *token, const QString &expected);

    FilterExpr parseJunction(FilterExpr::Kind kind, int depth);
    FilterExpr parseUnary(int depth);
    FilterExpr parseComparison();

    QStringView m_text;
    QList<FilterToken> m_tokens;
    qsizetype m_pos = 0;
    std::optional<FilterError> m_error;
};

void FilterParser::failAt(const FilterToken *token, const QString &expected)
{
    if (!token)
        fail(tr("unexpected end of the filter: %1").arg(expected), m_text.size(), 0);
    else if (token->kind == Kind::Error && m_text[token->start] == u'\'')
        fail(tr("the quoted text has no closing quote"), token->start, token->length);
    else if (token->kind == Kind::Error)
        fail(tr("unexpected character '%1'").arg(textOf(*token)), token->start, token->length);
    else
        fail(tr("%1, found '%2'").arg(expected, textOf(*token)), token->start, token->length);
}

FilterParseResult FilterParser::parse()
{
    if (m_tokens.isEmpty())
        return {};
    FilterExpr expr = parseJunction(FilterExpr::Kind::Or, 0);
    if (const FilterToken *t = peek(); t && !m_error) {
        if (t->kind == Kind::RightParen)
            fail(tr("unmatched ')'"), t->start, t->length);
        else
            failAt(t, tr("expected 'and' or 'or'"));
    }
    if (m_error)
        return {FilterExpr(), m_error};
    return {std::move(expr), std::nullopt};
}

// or := and ("or" and)*    and := unary ("and" unary)*
FilterExpr FilterParser::parseJunction(FilterExpr::Kind kind, int depth)
{
    const bool isOr = kind == FilterExpr::Kind::Or;
    const auto operand
        = [&] { return isOr ? parseJunction(FilterExpr::Kind::And, depth) : parseUnary(depth); };
    std::vector<FilterExpr> parts;
    parts.push_back(operand());
    while (!m_error && atKeyword(isOr ? u"or" : u"and")) {
        ++m_pos;
        parts.push_back(operand());
    }
    return FilterExpr::combine(kind, std::move(parts));
}

FilterExpr FilterParser::parseUnary(int depth)
{
    const FilterToken *t = peek();
    if (depth > kMaxDepth) {
        fail(tr("the filter is nested too deeply"), t ? t->start : m_text.size(), t ? t->length : 0);
        return {};
    }
    if (atKeyword(u"not")) {
        ++m_pos;
        return FilterExpr::negate(parseUnary(depth + 1));
    }
    if (t && t->kind == Kind::LeftParen) {
        ++m_pos;
        FilterExpr inner = parseJunction(FilterExpr::Kind::Or, depth + 1);
        if (m_error)
            return {};
        const FilterToken *close = peek();
        if (close && close->kind == Kind::RightParen) {
            ++m_pos;
            return inner;
        }
        if (!close)
            fail(tr("this '(' is never closed"), t->start, 1);
        else
            failAt(close, tr("expected 'and', 'or' or ')'"));
        return {};
    }
    if (t && t->kind == Kind::Field)
        return parseComparison();
    failAt(t, tr("expected a field name, 'not' or '('"));
    return {};
}

FilterExpr FilterParser::parseComparison()
{
    // The path: adjacent names, dots and wildcards.
    const int pathStart = m_tokens[m_pos].start;
    int pathEnd = pathStart;
    for (const FilterToken *t = peek(); t && t->start == pathEnd
         && (t->kind == Kind::Field || t->kind == Kind::Dot || t->kind == Kind::Wildcard); t = peek()) {
        pathEnd = t->start + t->length;
        ++m_pos;
    }
    const QStringView path = m_text.sliced(pathStart, pathEnd - pathStart);
    const std::optional<FilterField> field = filterFieldFromPath(path);
    if (!field) {
        const std::optional<FilterField> nearest = nearestField(path);
        fail(nearest ? tr("unknown field '%1'; did you mean '%2'?").arg(path, filterFieldInfo(*nearest).path)
                     : tr("unknown field '%1'").arg(path),
             pathStart, pathEnd - pathStart);
        return {};
    }
    const FilterFieldInfo &info = filterFieldInfo(*field);

    const FilterToken *opToken = peek();
    if (!opToken || opToken->kind != Kind::Operator) {
        failAt(opToken, tr("expected an operator (eq, ne, lt, gt, lte, gte, in, matches) after '%1'")
                            .arg(info.path));
        return {};
    }
    const FilterOp op = *opFromWord(textOf(*opToken));
    ++m_pos;
    if (const QString problem = unsuitedOp(op, info); !problem.isEmpty()) {
        fail(problem, opToken->start, opToken->length);
        return {};
    }

    const FilterToken *valueToken = peek();
    FilterValue value;
    if (valueToken && valueToken->kind == Kind::String) {
        value.text
            = textOf(*valueToken).sliced(1, valueToken->length - 2).toString().replace(u"''"_s, u"'"_s);
    } else if (valueToken && valueToken->kind == Kind::Number) {
        value.kind = FilterValue::Kind::Number;
        value.text = textOf(*valueToken).toString();
    } else if (valueToken && valueToken->kind == Kind::RelativeTime) {
        value = relativeTime(textOf(*valueToken));
    } else {
        failAt(valueToken, tr("expected a value: 'quoted text', a number or now-1h"));
        return {};
    }
    ++m_pos;
    if (const QString problem = checkComparison(*field, op, value); !problem.isEmpty()) {
        fail(problem, valueToken->start, valueToken->length);
        return {};
    }
    return FilterExpr::comparison(*field, op, std::move(value));
}

QString FilterParser::unsuitedOp(FilterOp op, const FilterFieldInfo &field)
{
    if (filterOpSuits(op, field.type))
        return {};
    return tr("'%1' compares text, and '%2' is not text").arg(filterOpName(op), field.path);
}

QString FilterParser::checkComparison(FilterField field, FilterOp op, FilterValue &value)
{
    using VK = FilterValue::Kind;
    const FilterFieldInfo &info = filterFieldInfo(field);
    if (const QString problem = unsuitedOp(op, info); !problem.isEmpty())
        return problem;
    switch (info.type) {
    case Type::Text:
        if (value.kind == VK::RelativeTime)
            return tr("'%1' is text; a relative time compares only with timestamps").arg(info.path);
        value.kind = VK::Text; // a number written bare is text here, as written
        if (op == FilterOp::Matches) {
            const QRegularExpression regex(value.text);
            if (!regex.isValid())
                return tr("invalid regular expression: %1").arg(regex.errorString());
        }
        return {};
    case Type::Number:
        if (value.kind == VK::Number && value.text.isEmpty())
            return {}; // already typed
        if (value.kind == VK::RelativeTime || value.text.isEmpty()
            || numberLength(value.text, 0) != value.text.size())
            return tr("'%1' takes a number, not '%2'").arg(info.path, value.toString());
        {
            bool ok = false;
            const double number = value.text.toDouble(&ok);
            if (!ok || !std::isfinite(number))
                return tr("the number %1 is out of range").arg(value.text);
            value = {VK::Number, {}, number, 0, u's'};
        }
        return {};
    case Type::Instant:
        if (value.kind == VK::Text && !value.text.isEmpty()
            && relativeTimeLength(value.text, 0) == value.text.size())
            value = relativeTime(value.text);
        if (value.kind == VK::RelativeTime) {
            if (value.amount > kMaxRelativeSeconds / unitSeconds(value.unit))
                return tr("the relative time %1 reaches too far back").arg(value.toString());
            return {};
        }
        if (value.kind == VK::Number || !parseTimestamp(value.text).isValid())
            return tr("'%1' takes a timestamp like '2024-05-01T12:00:00Z' or a relative time like now-1h")
                .arg(info.path);
        return {};
    }
    return {};
}

} // namespace

QList<FilterToken> lexFilter(QStringView text)
{
    QList<FilterToken> tokens;
    const qsizetype n = text.size();
    qsizetype pos = 0;
    auto push = [&tokens, &pos](Kind kind, qsizetype length) {
        tokens.append({kind, int(pos), int(length)});
        pos += length;
    };
    while (pos < n) {
        const QChar c = text[pos];
        if (c.isSpace()) {
            ++pos;
        } else if (c == u'(') {
            push(Kind::LeftParen, 1);
        } else if (c == u')') {
            push(Kind::RightParen, 1);
        } else if (c == u'.') {
            push(Kind::Dot, 1);
        } else if (text.sliced(pos).startsWith(kWildcard)) {
            push(Kind::Wildcard, kWildcard.size());
        } else if (c == u'\'') {
            qsizetype close = text.indexOf(u'\'', pos + 1);
            while (close >= 0 && close + 1 < n && text[close + 1] == u'\'') // '' is a quote inside
                close = text.indexOf(u'\'', close + 2);
            if (close < 0)
                push(Kind::Error, n - pos);
            else
                push(Kind::String, close + 1 - pos);
        } else if (const qsizetype relative = relativeTimeLength(text, pos)) {
            push(Kind::RelativeTime, relative);
        } else if (const qsizetype number = numberLength(text, pos)) {
            push(Kind::Number, number);
        } else if (isNameStart(c)) {
            qsizetype end = pos + 1;
            while (end < n && isNameChar(text[end]))
                ++end;
            push(wordKind(text.sliced(pos, end - pos)), end - pos);
        } else {
            push(Kind::Error, c.isHighSurrogate() && pos + 1 < n && text[pos + 1].isLowSurrogate() ? 2 : 1);
        }
    }
    return tokens;
}

const FilterFieldInfo &filterFieldInfo(FilterField field)
{
    Q_ASSERT(int(field) < FilterFieldCount);
    return fieldTable().infos[size_t(field)];
}

std::optional<FilterField> filterFieldFromPath(QStringView path)
{
    for (int i = 0; i < FilterFieldCount; ++i) {
        if (pathMatches(path, fieldTable().infos[size_t(i)].path))
            return FilterField(i);
    }
    return std::nullopt;
}

QStringView filterOpName(FilterOp op)
{
    return kOpNames[size_t(op)];
}

bool filterOpSuits(FilterOp op, FilterValueType type)
{
    return type == FilterValueType::Text || (op != FilterOp::In && op != FilterOp::Matches);
}

qint64 FilterValue::relativeSeconds() const
{
    return amount * unitSeconds(unit);
}

QString FilterValue::toString() const
{
    switch (kind) {
    case Kind::Text: return text;
    case Kind::Number: return text.isEmpty() ? numberText(number) : text;
    case Kind::RelativeTime: return u"now-"_s % QString::number(amount) % QChar(unit);
    }
    return text;
}

FilterExpr FilterExpr::comparison(FilterField field, FilterOp op, FilterValue value)
{
    FilterExpr expr;
    expr.kind = Kind::Comparison;
    expr.field = field;
    expr.op = op;
    expr.value = std::move(value);
    return expr;
}

FilterExpr FilterExpr::combine(Kind kind, std::vector<FilterExpr> children)
{
    Q_ASSERT(kind == Kind::And || kind == Kind::Or);
    FilterExpr expr;
    expr.kind = kind;
    for (FilterExpr &child : children) {
        if (child.kind == kind) {
            for (FilterExpr &grandchild : child.children)
                expr.children.push_back(std::move(grandchild));
        } else {
            expr.children.push_back(std::move(child));
        }
    }
    if (expr.children.size() == 1)
        return std::move(expr.children.front());
    if (expr.children.empty())
        return {};
    return expr;
}

FilterExpr FilterExpr::negate(FilterExpr child)
{
    FilterExpr expr;
    expr.kind = Kind::Not;
    expr.children.push_back(std::move(child));
    return expr;
}

std::vector<FilterExpr> FilterExpr::conjuncts() const
{
    if (kind == Kind::And)
        return children;
    return {*this};
}

QString FilterError::toString() const
{
    return FilterParser::tr("%1 (column %2)").arg(message).arg(column + 1);
}

FilterParseResult parseFilter(QStringView text)
{
    return FilterParser(text).parse();
}

QString checkFilterComparison(FilterField field, FilterOp op, FilterValue &value)
{
    return FilterParser::checkComparison(field, op, value);
}

QString printFilter(const FilterExpr &expr)
{
    QString out;
    print(expr, out, 0);
    return out;
}

QString quoteFilterText(QStringView text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += u'\'';
    for (const QChar c : text) {
        out += c;
        if (c == u'\'')
            out += u'\'';
    }
    out += u'\'';
    return out;
}

} // namespace Taskscope
