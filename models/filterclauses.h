// Filter clauses: point-and-click edits of the top-level conjunction, and the part a server can apply.
#pragma once

#include "filterlanguage.h"

#include <QDateTime>
#include <QStringList>

#include <optional>

namespace Taskscope {

struct FilterEditResult
{
    QString text; // the edited expression in canonical form; empty on error
    // The current text does not parse (its error, with its column), or the value given does not suit
    // the field (column 0): the GUI refuses the edit and keeps the text as it is.
    std::optional<FilterError> error;
    bool ok() const { return !error.has_value(); }
};

// Each edit parses `text`, changes its top-level AND-clauses and prints the result canonically (so
// values are always quoted and escaped). Values are typed as in the language: "50" is a number for
// percentDone, "now-1h" a relative time for a timestamp field. An identical clause is never added twice.
namespace FilterEdit {

// ANDs `field op 'value'` onto the expression.
FilterEditResult addClause(QStringView text, FilterField field, FilterOp op, const QString &value);
// ANDs `field ne 'value'`, or `not field[*] eq 'value'` for a list field.
FilterEditResult excludeValue(QStringView text, FilterField field, const QString &value);
// Removes every top-level clause that compares only `field` and puts, where the first of them stood
// (else at the end), `field eq 'a'` or `(field eq 'a' or field eq 'b' ...)`; no values: removes only.
FilterEditResult replaceFieldClauses(QStringView text, FilterField field, const QStringList &values);
// Removes the top-level clauses `field eq 'value'`, also from an or-group of `field eq` clauses.
FilterEditResult removeClause(QStringView text, FilterField field, const QString &value);
// Removes the top-level clauses that exclude `value` (`field ne 'value'`, `not field eq 'value'`).
FilterEditResult removeExclusion(QStringView text, FilterField field, const QString &value);

// The values the top-level clauses select with `field eq` or an or-group of them (empty when the
// text does not parse): the state bar lights these chips.
QStringList selectedValues(QStringView text, FilterField field);
// The values top-level `field ne 'v'` or `not field eq 'v'` clauses exclude.
QStringList excludedValues(QStringView text, FilterField field);
// A top-level clause compares only `field` (the Stalled chip is lit by any `stalled` clause).
bool hasFieldClause(QStringView text, FilterField field);

} // namespace FilterEdit

struct FilterPushDown
{
    // Clauses of the server's grammar, `<field> <eq|lt|gt|lte|gte|in> '<value>'`, one `filter=`
    // parameter each (the server ANDs them). Each holds for every task the whole expression keeps,
    // so the client must still apply the whole expression: a server may ignore filters.
    QStringList serverClauses;
    FilterExpr clientOnly; // the top-level clauses that were not sent
};

// Sends the top-level clauses on real API fields with eq/lt/gt/lte/gte/in whose value the server can
// read (non-empty, no quote); relative times become timestamps at `now`. Left on the client:
// derived fields, ne, matches, not, or, `eq` on timestamps (the server compares text), ordering
// on text that reads as a timestamp (the server would compare instants), and relative times with
// lt/lte (the instant sent would stay behind as now moves on).
FilterPushDown splitForServer(const FilterExpr &expr, const QDateTime &now);

} // namespace Taskscope
