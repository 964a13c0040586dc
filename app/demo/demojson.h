// Small, fast JSON and timestamp helpers for the demo server (hand-written output, no QJsonDocument).
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <optional>

namespace Taskscope::Demo::Json {

// Appends `text` (UTF-8) as a quoted JSON string, escaping quotes, backslashes and control characters.
void appendString(QByteArray &out, QByteArrayView text);
void appendString(QByteArray &out, QStringView text);

// The text of a JSON number as the demo server writes it: integers without a fraction,
// other values in the shortest form that reads back exactly.
QByteArray numberText(double value);

// `YYYY-MM-DDTHH:MM:SS.ffffffZ` for microseconds since 1970-01-01T00:00:00Z.
QByteArray timestamp(qint64 usecsSinceEpoch);
void appendTimestamp(QByteArray &out, qint64 usecsSinceEpoch); // quoted

// An instant parsed from `YYYY-MM-DDTHH:MM:SS(.f{1,9})?Z` (the API's timestamp form).
struct Instant {
    qint64 seconds = 0;    // since 1970-01-01T00:00:00Z
    qint32 nanoseconds = 0;
    friend auto operator<=>(const Instant &, const Instant &) = default;
};
std::optional<Instant> parseTimestamp(QStringView text);

} // namespace Taskscope::Demo::Json
