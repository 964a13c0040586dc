// Filter completion: candidates at the cursor from the lexer's tokens, and the values seen in the data.
#include "filtercompletion.h"

#include "filterevaluator.h"
#include "task.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Taskscope {

namespace {

using Kind = FilterToken::Kind;

bool isPathToken(const FilterToken &token)
{
    return token.kind == Kind::Field || token.kind == Kind::Dot || token.kind == Kind::Wildcard;
}

bool adjacent(const FilterToken &before, const FilterToken &after)
{
    return before.start + before.length == after.start;
}

// A token one may be in the middle of typing (not a parenthesis or a stray character).
bool isWordToken(const FilterToken &token, QStringView text)
{
    switch (token.kind) {
    case Kind::LeftParen:
    case Kind::RightParen: return false;
    case Kind::Error: return text[token.start] == u'\''; // an unterminated string
    default: return true;
    }
}

// One past the run of adjacent path tokens that starts at `first`.
qsizetype pathRunEnd(const QList<FilterToken> &tokens, qsizetype first)
{
    qsizetype end = first + 1;
    while (end < tokens.size() && isPathToken(tokens[end]) && adjacent(tokens[end - 1], tokens[end]))
        ++end;
    return end;
}

enum class Expect : quint8 { Field, Operator, Value, Join, Nothing };

struct Context
{
    Expect expect = Expect::Field;
    QStringView path; // the path of the comparison being written
};

// What the grammar expects after tokens[0, end).
Context contextBefore(QStringView text, const QList<FilterToken> &tokens, qsizetype end)
{
    Context context;
    const auto is = [text](const FilterToken &token, Kind kind, QStringView word) {
        return token.kind == kind
            && text.sliced(token.start, token.length).compare(word, Qt::CaseInsensitive) == 0;
    };
    for (qsizetype i = 0; i < end && context.expect != Expect::Nothing; ++i) {
        const FilterToken &t = tokens[i];
        switch (context.expect) {
        case Expect::Field:
            if (t.kind == Kind::Field) {
                const qsizetype last = qMin(pathRunEnd(tokens, i), end) - 1;
                context.path = text.sliced(t.start, tokens[last].start + tokens[last].length - t.start);
                context.expect = Expect::Operator;
                i = last;
            } else if (t.kind != Kind::LeftParen && !is(t, Kind::Keyword, u"not")) {
                context.expect = Expect::Nothing;
            }
            break;
        case Expect::Operator:
            context.expect = t.kind == Kind::Operator ? Expect::Value : Expect::Nothing;
            break;
        case Expect::Value:
            context.expect = t.kind == Kind::String || t.kind == Kind::Number || t.kind == Kind::RelativeTime
                                 ? Expect::Join
                                 : Expect::Nothing;
            break;
        case Expect::Join:
            if (is(t, Kind::Keyword, u"and") || is(t, Kind::Keyword, u"or"))
                context.expect = Expect::Field;
            else if (t.kind != Kind::RightParen)
                context.expect = Expect::Nothing;
            break;
        case Expect::Nothing: break;
        }
    }
    return context;
}

QString withoutWildcards(QStringView path)
{
    return path.toString().remove(u"[*]"_s);
}

} // namespace

FilterValueIndex::FilterValueIndex(qsizetype capPerField) : m_cap(capPerField) {}

namespace {

// The filter field of a kind's names: the FilterField order of the names follows NameKind's.
FilterField nameField(NameKind kind)
{
    return FilterField(int(FilterField::AppName) + int(kind));
}

} // namespace

void FilterValueIndex::insert(FilterField field, const QString &value)
{
    QSet<QString> &set = m_values[size_t(field)];
    if (!value.isEmpty() && set.size() < m_cap)
        set.insert(value);
}

void FilterValueIndex::add(const Task &task)
{
    insert(FilterField::State, task.stateText);
    insert(FilterField::Service, task.service);
    insert(FilterField::Name, task.name);
    for (const Label &label : task.metadata.labels) {
        insert(FilterField::LabelName, label.name);
        insert(FilterField::LabelValue, label.value);
    }
    for (const FilterField field : {FilterField::App, FilterField::Cluster, FilterField::Namespace,
                                    FilterField::Cloud, FilterField::ResourceType})
        insert(field, derivedUriField(task, field));
    for (const NameKind kind : kNameKinds)
        insert(nameField(kind), TaskPlace::nameOf(task, kind, nullptr)); // labels; the table: addNames()
}

void FilterValueIndex::addNames(const NameTable &names)
{
    for (const NameKind kind : kNameKinds) {
        for (const QString &name : names.names(kind))
            insert(nameField(kind), name);
    }
}

void FilterValueIndex::clear()
{
    for (QSet<QString> &set : m_values)
        set.clear();
}

QStringList FilterValueIndex::values(FilterField field) const
{
    const QSet<QString> &set = m_values[size_t(field)];
    QStringList seen(set.cbegin(), set.cend());
    std::sort(seen.begin(), seen.end());
    if (field != FilterField::State)
        return seen;
    QStringList result = knownStateApiNames();
    for (const QString &value : std::as_const(seen)) {
        if (!result.contains(value))
            result.append(value);
    }
    return result;
}

QList<FilterCompletion> completionsAt(QStringView text, int cursor, const FilterValueIndex &values)
{
    cursor = qBound(0, cursor, int(text.size()));
    const QList<FilterToken> tokens = lexFilter(text);

    // The replaced range: the word token the cursor is in or at the end of (a whole path), else nothing.
    qsizetype contextEnd = 0;
    int start = cursor;
    int length = 0;
    while (contextEnd < tokens.size() && tokens[contextEnd].start < cursor) {
        const FilterToken &t = tokens[contextEnd];
        if (cursor <= t.start + t.length && isWordToken(t, text)) {
            qsizetype first = contextEnd;
            while (isPathToken(t) && first > 0 && isPathToken(tokens[first - 1])
                   && adjacent(tokens[first - 1], tokens[first]))
                --first;
            const FilterToken &last = tokens[isPathToken(t) ? pathRunEnd(tokens, first) - 1 : contextEnd];
            start = tokens[first].start;
            length = last.start + last.length - start;
            contextEnd = first;
            break;
        }
        ++contextEnd;
    }
    const QStringView typed = text.sliced(start, cursor - start);
    const Context context = contextBefore(text, tokens, contextEnd);
    const std::optional<FilterField> field = filterFieldFromPath(context.path);

    QList<FilterCompletion> result;
    const auto offer = [&](FilterCompletion::Kind kind, const QString &candidate) {
        if (candidate.startsWith(typed, Qt::CaseInsensitive))
            result.append({kind, start, length, candidate});
    };
    switch (context.expect) {
    case Expect::Field: {
        const QString typedPath = withoutWildcards(typed);
        for (int i = 0; i < FilterFieldCount; ++i) {
            const QString path = filterFieldInfo(FilterField(i)).path.toString();
            if (withoutWildcards(path).startsWith(typedPath, Qt::CaseInsensitive))
                result.append({FilterCompletion::Kind::Field, start, length, path});
        }
        offer(FilterCompletion::Kind::Keyword, u"not"_s);
        offer(FilterCompletion::Kind::Keyword, u"("_s);
        break;
    }
    case Expect::Operator:
        for (int op = 0; op < FilterOpCount; ++op) {
            if (!field || filterOpSuits(FilterOp(op), filterFieldInfo(*field).type))
                offer(FilterCompletion::Kind::Operator, filterOpName(FilterOp(op)).toString());
        }
        break;
    case Expect::Value:
        if (!field)
            break;
        if (filterFieldInfo(*field).type == FilterValueType::Instant) {
            for (const QString &relative : {u"now-15m"_s, u"now-1h"_s, u"now-1d"_s, u"now-7d"_s})
                offer(FilterCompletion::Kind::Value, relative);
        } else if (filterFieldInfo(*field).type == FilterValueType::Text) {
            // What is typed may be the start of a quoted value ('it''s) or a bare one (fail).
            for (const QString &value : values.values(*field)) {
                const QString quoted = quoteFilterText(value);
                if (quoted.startsWith(typed, Qt::CaseInsensitive)
                    || value.startsWith(typed, Qt::CaseInsensitive))
                    result.append({FilterCompletion::Kind::Value, start, length, quoted});
            }
        }
        break;
    case Expect::Join:
        offer(FilterCompletion::Kind::Keyword, u"and"_s);
        offer(FilterCompletion::Kind::Keyword, u"or"_s);
        break;
    case Expect::Nothing: break;
    }
    return result;
}

} // namespace Taskscope
