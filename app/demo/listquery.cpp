// ListQuery: the query string of a list request, decoded and validated.
#include "listquery.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Taskscope::Demo {

namespace {

QString decodeQueryPart(QByteArray part)
{
    // QHttpServer 6.4 hands the query over percent-encoded and does not turn '+' into a space.
    part.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(part));
}

bool isFieldName(QStringView name)
{
    if (name.isEmpty() || !name.front().isLetter())
        return false;
    return std::all_of(name.begin(), name.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
    });
}

} // namespace

QList<QueryParam> parseQuery(const QByteArray &encoded)
{
    QList<QueryParam> params;
    for (const QByteArray &part : encoded.split('&')) {
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf('=');
        params.append({decodeQueryPart(eq < 0 ? part : part.first(eq)),
                       eq < 0 ? QString() : decodeQueryPart(part.sliced(eq + 1))});
    }
    return params;
}

QByteArray encodeContinueToken(const ContinueToken &token)
{
    QByteArray json = R"({"collectionIndex":)" + QByteArray::number(token.index) + R"(,"generation":)"
                      + QByteArray::number(token.generation) + R"(,"filter":")" + token.filterKey + '"';
    if (!token.collection.isEmpty())
        json += R"(,"collection":")" + token.collection + '"';
    json += '}';
    return json.toBase64();
}

std::optional<ContinueToken> decodeContinueToken(QString text)
{
    // A client that forgot to percent-encode sent '+' as a space; base64 has no spaces.
    text.replace(u' ', u'+');
    const auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || text.isEmpty())
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject object = doc.object();
    const QJsonValue index = object.value(u"collectionIndex"_s);
    const QJsonValue generation = object.value(u"generation"_s);
    const QJsonValue filter = object.value(u"filter"_s);
    auto count = [](const QJsonValue &v) {
        const double d = v.toDouble(-1);
        return v.isDouble() && d >= 0 && d <= 1e15 && d == std::floor(d);
    };
    const QJsonValue collection = object.value(u"collection"_s);
    // What this server writes there: list paths such as "apps" or "clouds/<id>/clusters".
    static const QRegularExpression collectionPattern(QRegularExpression::anchoredPattern(u"[a-z0-9/-]+"_s));
    const bool collectionOk = collection.isUndefined()
                              || (collection.isString() && collectionPattern.match(collection.toString()).hasMatch());
    if (!count(index) || !count(generation) || !filter.isString() || !collectionOk)
        return std::nullopt;
    return ContinueToken{quint64(generation.toDouble()), qint64(index.toDouble()), filter.toString().toLatin1(),
                         collection.toString().toLatin1()};
}

ListQueryResult parseListQuery(const QList<QueryParam> &params)
{
    ListQueryResult result;

    // Unsupported parameters first (problems/6), then the values of the supported ones (problems/5).
    static const QStringList supported = {u"include"_s, u"limit"_s, u"filter"_s, u"continue"_s};
    for (const QueryParam &param : params) {
        if (!supported.contains(param.name))
            result.unsupported.append(
                {param.name, u"not a supported query parameter (supported: include, limit, filter)"_s});
    }
    if (!result.unsupported.isEmpty())
        return result;

    ListQuery &query = result.query;
    QList<InvalidParam> &invalid = result.invalid;
    std::optional<QString> continueText;
    QStringList seen;
    for (const QueryParam &param : params) {
        if (param.name != u"filter") {
            if (seen.contains(param.name)) {
                invalid.append({param.name, u"may be given only once"_s});
                continue;
            }
            seen.append(param.name);
        }
        if (param.name == u"limit") {
            static const QRegularExpression limitPattern(QRegularExpression::anchoredPattern(u"[1-9][0-9]*"_s));
            if (!limitPattern.match(param.value).hasMatch()) {
                invalid.append({param.name, u"must be a positive integer (^[1-9][0-9]*$)"_s});
                continue;
            }
            bool ok = false;
            const qint64 value = param.value.toLongLong(&ok);
            query.limit = ok ? value : std::numeric_limits<qint64>::max();
        } else if (param.name == u"include") {
            const QStringList names = param.value.split(u',');
            QStringList bad;
            for (const QString &name : names) {
                if (!isFieldName(name))
                    bad.append(u"'"_s + name + u"'"_s);
            }
            if (!bad.isEmpty()) {
                invalid.append({param.name, u"expected a comma-separated list of top-level field names; not a field name: "_s
                                                + bad.join(u", "_s)});
                continue;
            }
            query.include = names;
        } else if (param.name == u"filter") {
            QString error;
            const auto filter = ServerFilter::parse(param.value, &error);
            if (!filter) {
                invalid.append({param.name, error});
                continue;
            }
            query.filters.append(*filter);
        } else if (param.name == u"continue") {
            continueText = param.value;
        }
    }

    QStringList filterTexts;
    for (const ServerFilter &filter : std::as_const(query.filters))
        filterTexts.append(filter.text());
    filterTexts.sort();
    query.filterKey =
        QCryptographicHash::hash(filterTexts.join(u'\n').toUtf8(), QCryptographicHash::Sha1).toHex().left(12);

    if (continueText) {
        const auto token = decodeContinueToken(*continueText);
        if (!token)
            invalid.append({u"continue"_s, u"not a continue token issued by this server"_s});
        else if (token->filterKey != query.filterKey)
            invalid.append({u"continue"_s, u"the token was issued for other filter parameters"_s});
        else
            query.continueToken = token;
    }
    return result;
}

} // namespace Taskscope::Demo
