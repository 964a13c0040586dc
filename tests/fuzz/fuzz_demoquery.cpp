// Fuzz target: the demo server's query-string handling (parseQuery, parseListQuery: limit, include,
// filter with ServerFilter::parse, continue tokens). Input: the raw query string as it arrives.
#include "fuzzcheck.h"

#include "listquery.h"

#include <QJsonObject>

#include <cstddef>
#include <cstdint>

using namespace Taskscope::Demo;
using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray encoded(reinterpret_cast<const char *>(data), qsizetype(size));
    const QList<QueryParam> params = parseQuery(encoded);
    const ListQueryResult result = parseListQuery(params);

    for (const InvalidParam &param : result.unsupported)
        FUZZ_CHECK(!param.reason.isEmpty(), param.name);
    for (const InvalidParam &param : result.invalid)
        FUZZ_CHECK(!param.reason.isEmpty(), param.name);
    if (!result.unsupported.isEmpty())
        return 0;

    const ListQuery &query = result.query;
    FUZZ_CHECK(query.filterKey.size() == 12, QString::fromLatin1(query.filterKey));
    FUZZ_CHECK(!query.limit || *query.limit >= 1, QString::number(*query.limit));
    if (query.include)
        FUZZ_CHECK(!query.include->isEmpty(), u"an empty include list was accepted");
    for (const ServerFilter &filter : query.filters) {
        // The canonical text parses back to the same clause.
        QString error;
        const auto again = ServerFilter::parse(filter.text(), &error);
        FUZZ_CHECK(again && again->text() == filter.text(), filter.text() + u" -> " + error);
        FUZZ_CHECK(!filter.path().isEmpty() && !filter.value().isEmpty(), filter.text());
        (void)filter.matches(QJsonObject{{u"state"_s, u"running"_s}, {u"percentDone"_s, 50}});
    }
    if (query.continueToken) {
        FUZZ_CHECK(query.continueToken->filterKey == query.filterKey, u"a token for other filters was accepted");
        const auto again = decodeContinueToken(QString::fromLatin1(encodeContinueToken(*query.continueToken)));
        FUZZ_CHECK(again && *again == *query.continueToken, u"a continue token does not survive encoding");
    }
    return 0;
}
