// ListQuery: the query string of a list request, decoded and validated (limit, include, filter, continue).
#pragma once

#include "serverfilter.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Taskscope::Demo {

// One `name=value` of a query string, percent-decoded ('+' reads as a space).
struct QueryParam {
    QString name;
    QString value;
    friend bool operator==(const QueryParam &, const QueryParam &) = default;
};

// A parameter the server refuses, and why (an entry of a problem's `invalidParams`).
struct InvalidParam {
    QString name;
    QString reason;
    friend bool operator==(const InvalidParam &, const InvalidParam &) = default;
};

// Splits a query string as QHttpServer 6.4 hands it over (percent-encoded); empty parts are skipped.
QList<QueryParam> parseQuery(const QByteArray &encoded);

// The opaque `metadata.continue` of this server: base64 of {"collectionIndex","generation","filter"}
// and, for any list but the tasks, "collection".
struct ContinueToken {
    quint64 generation = 0;
    qint64 index = 0;
    QByteArray filterKey;  // ties the token to the filters it was issued for
    QByteArray collection; // ties it to the list it was issued for; empty: the tasks
    friend bool operator==(const ContinueToken &, const ContinueToken &) = default;
};
QByteArray encodeContinueToken(const ContinueToken &token);
std::optional<ContinueToken> decodeContinueToken(QString text);

// What a list request asks for, once validated.
struct ListQuery {
    std::optional<qint64> limit;
    std::optional<QStringList> include;
    QList<ServerFilter> filters;
    std::optional<ContinueToken> continueToken; // decoded, and issued for these filters
    QByteArray filterKey;                       // of `filters`, whatever their order
};

struct ListQueryResult {
    ListQuery query;
    // Parameters the endpoint does not support (problems/6). When any, nothing else was checked.
    QList<InvalidParam> unsupported;
    // Values that are not valid (problems/5), in the order of the parameters, the continue token last.
    // Whether a valid token's state is still kept is for the server to check.
    QList<InvalidParam> invalid;
};

// Validates the parameters of GET .../tasks: no I/O and no server state, so tests and the fuzzer
// call it directly.
ListQueryResult parseListQuery(const QList<QueryParam> &params);

} // namespace Taskscope::Demo
