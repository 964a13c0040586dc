// readCsv(): an RFC 4180 reader for tests, strict where the writer must be (CRLF ends every record).
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Taskscope {

// The records of `csv` (UTF-8): quoted fields may hold commas, doubled quotes and line breaks.
// Returns {} when `csv` is not well-formed: a record not ended by CRLF, a stray quote.
inline QList<QStringList> readCsv(const QByteArray &csv)
{
    QList<QStringList> rows;
    QStringList row;
    QByteArray field;
    bool quoted = false;   // inside a quoted field
    bool wasQuoted = false; // the field was quoted: only a separator may follow its closing quote
    for (qsizetype i = 0; i < csv.size(); ++i) {
        const char c = csv[i];
        if (quoted) {
            if (c != '"') {
                field += c;
            } else if (i + 1 < csv.size() && csv[i + 1] == '"') {
                field += '"';
                ++i;
            } else {
                quoted = false;
            }
            continue;
        }
        if (c == ',' || c == '\r') {
            if (c == '\r' && (i + 1 >= csv.size() || csv[i + 1] != '\n'))
                return {}; // a bare CR outside quotes
            row << QString::fromUtf8(field);
            field.clear();
            wasQuoted = false;
            if (c == '\r') {
                rows << row;
                row.clear();
                ++i;
            }
        } else if (c == '"' && field.isEmpty() && !wasQuoted) {
            quoted = wasQuoted = true;
        } else if (c == '"' || c == '\n' || wasQuoted) {
            return {}; // a quote inside an unquoted field, a bare LF, text after a closing quote
        } else {
            field += c;
        }
    }
    if (quoted || !field.isEmpty() || !row.isEmpty())
        return {}; // the last record has no CRLF
    return rows;
}

} // namespace Taskscope
