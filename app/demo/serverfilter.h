// ServerFilter: one clause of the server's `filter` grammar, `<field> <op> '<value>'`, parsed and evaluated.
#pragma once

#include "demojson.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace Taskscope::Demo {

// The grammar (API-NOTES.md): a field, one space, an operator, one space, a single-quoted value.
//   field  := name ( "[*]" )? ( "." name ( "[*]" )? )*      name := [A-Za-z_][A-Za-z0-9_]*
//   op     := eq | lt | gt | lte | gte | in
//   value  := "'" [^']+ "'"
// Evaluation: a field path can reach several values (arrays are searched element by element,
// with or without `[*]`); the clause holds when any of them compares true. A missing field matches
// nothing. `eq` is exact text (numbers compare as numbers), `in` a case-insensitive substring;
// lt/gt/lte/gte compare numbers as numbers, timestamps as instants, anything else as text.
class ServerFilter final
{
public:
    enum class Op : quint8 { Eq, Lt, Gt, Lte, Gte, In };

    // Parses one clause; on failure returns nothing and sets *error (the reason, with a 1-based column).
    static std::optional<ServerFilter> parse(QStringView clause, QString *error = nullptr);

    QString field() const { return m_field; }         // as written: `stateDetails[*].title`
    const QStringList &path() const { return m_path; } // names only: {"stateDetails", "title"}
    Op op() const { return m_op; }
    QString value() const { return m_value; }
    QString text() const;                              // the clause in canonical form

    // `topLevelValue` is the task's value for path().first() (undefined when the task has none).
    bool matchesFieldValue(const QJsonValue &topLevelValue) const;
    // `leafValue` is the value at the end of path(), reached without building the objects above it.
    bool matchesLeafValue(const QJsonValue &leafValue) const;
    // The same as matchesLeafValue() on the text of a timestamp, mostly without writing the text.
    bool matchesTimestamp(qint64 usecsSinceEpoch) const;
    bool matches(const QJsonObject &task) const;

private:
    bool anyMatches(const QJsonValue &value, QStringList::const_iterator remainingPath) const;
    bool compare(const QJsonValue &scalar) const;

    QString m_field;
    QStringList m_path;
    Op m_op = Op::Eq;
    QString m_value;
    std::optional<double> m_number;         // the value read as a JSON number, if it is one
    std::optional<Json::Instant> m_instant; // the value read as a timestamp, if it is one
};

} // namespace Taskscope::Demo
