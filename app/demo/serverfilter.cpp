// ServerFilter: one clause of the server's `filter` grammar, parsed and evaluated.
#include "serverfilter.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Taskscope::Demo {

namespace {

bool isNameStart(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
}

bool isNameChar(QChar c)
{
    return isNameStart(c) || (c >= u'0' && c <= u'9');
}

QString col(qsizetype index)
{
    return QString::number(index + 1);
}

// A JSON number as written in a filter value: no spaces, no hex, no inf/nan.
std::optional<double> readNumber(const QString &text)
{
    static const QRegularExpression number(
        QRegularExpression::anchoredPattern(u"-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?"_s));
    if (!number.match(text).hasMatch())
        return std::nullopt;
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

void collect(const QJsonValue &value, QStringList::const_iterator it, QStringList::const_iterator end,
             QList<QJsonValue> &out)
{
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &element : array)
            collect(element, it, end, out);
        return;
    }
    if (it == end) {
        out.append(value);
        return;
    }
    if (value.isObject())
        collect(value.toObject().value(*it), it + 1, end, out);
}

} // namespace

std::optional<ServerFilter> ServerFilter::parse(QStringView clause, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::optional<ServerFilter>();
    };
    if (clause.isEmpty())
        return fail(u"the filter is empty; expected <field> <op> '<value>'"_s);

    ServerFilter filter;
    qsizetype pos = 0;
    const qsizetype n = clause.size();

    // The field: dotted names, each optionally followed by [*].
    while (true) {
        if (pos >= n || !isNameStart(clause[pos])) {
            if (pos >= n)
                return fail(u"expected a field name at column %1"_s.arg(col(pos)));
            return fail(u"unexpected '%1' at column %2: expected a field name"_s.arg(clause[pos]).arg(col(pos)));
        }
        const qsizetype nameStart = pos;
        while (pos < n && isNameChar(clause[pos]))
            ++pos;
        filter.m_path.append(clause.sliced(nameStart, pos - nameStart).toString());
        if (clause.sliced(pos).startsWith(u"[*]"))
            pos += 3;
        else if (pos < n && clause[pos] == u'[')
            return fail(u"unexpected '[' at column %1: only the [*] wildcard is allowed"_s.arg(col(pos)));
        if (pos < n && clause[pos] == u'.') {
            ++pos;
            continue;
        }
        break;
    }
    filter.m_field = clause.first(pos).toString();
    if (pos >= n)
        return fail(u"expected a space and an operator after the field at column %1"_s.arg(col(pos)));
    if (clause[pos] != u' ')
        return fail(u"unexpected '%1' at column %2 in the field"_s.arg(clause[pos]).arg(col(pos)));
    ++pos;

    // The operator.
    const qsizetype opStart = pos;
    while (pos < n && clause[pos] != u' ')
        ++pos;
    const QStringView opText = clause.sliced(opStart, pos - opStart);
    if (opText.isEmpty())
        return fail(u"expected an operator at column %1 (fields, operators and values are separated by single spaces)"_s
                        .arg(col(opStart)));
    static const std::pair<QStringView, Op> ops[] = {{u"eq", Op::Eq},   {u"lt", Op::Lt},   {u"gt", Op::Gt},
                                                     {u"lte", Op::Lte}, {u"gte", Op::Gte}, {u"in", Op::In}};
    bool known = false;
    for (const auto &[name, op] : ops) {
        if (opText == name) {
            filter.m_op = op;
            known = true;
        }
    }
    if (!known)
        return fail(u"unknown operator '%1' at column %2: expected eq, lt, gt, lte, gte or in"_s.arg(opText).arg(
            col(opStart)));
    if (pos >= n)
        return fail(u"expected a space and a quoted value after the operator at column %1"_s.arg(col(pos)));
    ++pos; // the space

    // The value: '...' with at least one character and no quote inside.
    if (pos >= n || clause[pos] != u'\'')
        return fail(u"expected a value in single quotes at column %1"_s.arg(col(pos)));
    const qsizetype valueStart = pos + 1;
    const qsizetype closing = clause.indexOf(u'\'', valueStart);
    if (closing < 0)
        return fail(u"the value opened at column %1 has no closing quote"_s.arg(col(pos)));
    if (closing == valueStart)
        return fail(u"the value at column %1 is empty"_s.arg(col(pos)));
    if (closing != n - 1)
        return fail(u"unexpected text after the closing quote at column %1 (a value cannot contain a quote)"_s.arg(
            col(closing + 1)));
    filter.m_value = clause.sliced(valueStart, closing - valueStart).toString();
    filter.m_number = readNumber(filter.m_value);
    filter.m_instant = Json::parseTimestamp(filter.m_value);
    return filter;
}

QString ServerFilter::text() const
{
    static const QString names[] = {u"eq"_s, u"lt"_s, u"gt"_s, u"lte"_s, u"gte"_s, u"in"_s};
    return m_field + u' ' + names[int(m_op)] + u" '"_s + m_value + u'\'';
}

bool ServerFilter::matchesFieldValue(const QJsonValue &topLevelValue) const
{
    return anyMatches(topLevelValue, m_path.cbegin() + 1);
}

bool ServerFilter::matchesLeafValue(const QJsonValue &leafValue) const
{
    return anyMatches(leafValue, m_path.cend());
}

bool ServerFilter::matchesTimestamp(qint64 usecsSinceEpoch) const
{
    if (!m_instant || m_op == Op::Eq || m_op == Op::In) // text comparisons
        return matchesLeafValue(QString::fromLatin1(Json::timestamp(usecsSinceEpoch)));
    const qint64 seconds = usecsSinceEpoch / 1'000'000 - (usecsSinceEpoch % 1'000'000 < 0 ? 1 : 0);
    const Json::Instant instant{seconds, qint32((usecsSinceEpoch - seconds * 1'000'000) * 1000)};
    switch (m_op) {
    case Op::Lt: return instant < *m_instant;
    case Op::Gt: return instant > *m_instant;
    case Op::Lte: return instant <= *m_instant;
    case Op::Gte: return instant >= *m_instant;
    case Op::Eq:
    case Op::In: break;
    }
    return false;
}

bool ServerFilter::anyMatches(const QJsonValue &value, QStringList::const_iterator remainingPath) const
{
    QList<QJsonValue> values;
    collect(value, remainingPath, m_path.cend(), values);
    for (const QJsonValue &found : std::as_const(values)) {
        if (compare(found))
            return true;
    }
    return false;
}

bool ServerFilter::matches(const QJsonObject &task) const
{
    return matchesFieldValue(task.value(m_path.first()));
}

bool ServerFilter::compare(const QJsonValue &scalar) const
{
    std::optional<double> number;
    QString text;
    switch (scalar.type()) {
    case QJsonValue::String:
        text = scalar.toString();
        break;
    case QJsonValue::Double:
        number = scalar.toDouble();
        text = QString::fromLatin1(Json::numberText(*number));
        break;
    case QJsonValue::Bool:
        text = scalar.toBool() ? u"true"_s : u"false"_s;
        break;
    default:
        return false; // null, undefined, objects: nothing to compare
    }

    if (m_op == Op::In)
        return text.contains(m_value, Qt::CaseInsensitive);

    int order = 0; // <0, 0, >0: field compared with the value
    if (number && m_number) {
        order = *number < *m_number ? -1 : (*number > *m_number ? 1 : 0);
    } else if (m_op == Op::Eq) {
        return text == m_value;
    } else if (const auto instant = m_instant ? Json::parseTimestamp(text) : std::nullopt) {
        order = *instant < *m_instant ? -1 : (*instant > *m_instant ? 1 : 0);
    } else {
        order = QString::compare(text, m_value, Qt::CaseSensitive);
    }

    switch (m_op) {
    case Op::Eq: return order == 0;
    case Op::Lt: return order < 0;
    case Op::Gt: return order > 0;
    case Op::Lte: return order <= 0;
    case Op::Gte: return order >= 0;
    case Op::In: break;
    }
    return false;
}

} // namespace Taskscope::Demo
