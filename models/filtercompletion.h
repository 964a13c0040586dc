// Filter completion: what may be typed at the cursor (fields, operators, keywords, values seen in the data).
#pragma once

#include "filterlanguage.h"
#include "nametable.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <array>

namespace Taskscope {

class Task;

// The distinct values of the fields people pick from (state, service, name, label names and values,
// app, cluster, namespace, cloud, resourceType), at most `capPerField` each.
class FilterValueIndex final
{
public:
    explicit FilterValueIndex(qsizetype capPerField = 200);

    void add(const Task &task);
    // The names a connection knows (offered for appName, clusterName, cloudName, namespaceName,
    // with the names the tasks' labels give).
    void addNames(const NameTable &names);
    void clear();
    // Sorted; for state, every API state name first (whether seen or not), then unknown states seen.
    QStringList values(FilterField field) const;

private:
    void insert(FilterField field, const QString &value);

    std::array<QSet<QString>, FilterFieldCount> m_values;
    qsizetype m_cap;
};

struct FilterCompletion
{
    enum class Kind : quint8 { Field, Operator, Keyword, Value };
    Kind kind = Kind::Field;
    int start = 0;  // the text to replace: the token (a whole path) under the cursor, or nothing at it
    int length = 0;
    QString text;   // what to put there: a canonical path, an operator, a keyword, a quoted value
    friend bool operator==(const FilterCompletion &, const FilterCompletion &) = default;
};

// The candidates at `cursor` (0-based), narrowed to those that begin with what is typed before the
// cursor in the token under it: at the start and after and/or/not/( fields, `not` and `(`; after a
// path its operators; after an operator the field's values (timestamps: relative times); after a
// comparison `and` and `or`.
QList<FilterCompletion> completionsAt(QStringView text, int cursor, const FilterValueIndex &values);

} // namespace Taskscope
