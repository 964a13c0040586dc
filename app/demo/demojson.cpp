// Small, fast JSON and timestamp helpers for the demo server.
#include "demojson.h"

#include <QLocale>

#include <cmath>

namespace Taskscope::Demo::Json {

namespace {

// Proleptic Gregorian calendar <-> days since 1970-01-01 (H. Hinnant's public-domain algorithms).
constexpr qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2 ? 1 : 0;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

struct Civil {
    qint64 year;
    unsigned month;
    unsigned day;
};

constexpr Civil civilFromDays(qint64 z)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 y = qint64(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {y + (m <= 2 ? 1 : 0), m, d};
}

static_assert(daysFromCivil(1970, 1, 1) == 0);
static_assert(civilFromDays(0).year == 1970);

char *putDigits(char *p, qint64 value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        p[i] = char('0' + value % 10);
        value /= 10;
    }
    return p + width;
}

} // namespace

void appendString(QByteArray &out, QByteArrayView text)
{
    static constexpr char hex[] = "0123456789abcdef";
    out.append('"');
    qsizetype plainStart = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(text.sliced(plainStart, i - plainStart));
        plainStart = i + 1;
        switch (c) {
        case '"': out.append("\\\"", 2); break;
        case '\\': out.append("\\\\", 2); break;
        case '\n': out.append("\\n", 2); break;
        case '\r': out.append("\\r", 2); break;
        case '\t': out.append("\\t", 2); break;
        default: {
            const char escaped[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf]};
            out.append(escaped, sizeof escaped);
        }
        }
    }
    out.append(text.sliced(plainStart));
    out.append('"');
}

void appendString(QByteArray &out, QStringView text)
{
    appendString(out, QByteArrayView(text.toUtf8()));
}

QByteArray numberText(double value)
{
    if (std::isfinite(value) && std::floor(value) == value && std::fabs(value) < 9007199254740992.0)
        return QByteArray::number(qint64(value));
    return QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
}

QByteArray timestamp(qint64 usecsSinceEpoch)
{
    qint64 days = usecsSinceEpoch / 86'400'000'000;
    qint64 rest = usecsSinceEpoch % 86'400'000'000;
    if (rest < 0) {
        rest += 86'400'000'000;
        --days;
    }
    const Civil civil = civilFromDays(days);
    const qint64 secondOfDay = rest / 1'000'000;
    const qint64 micros = rest % 1'000'000;
    QByteArray text(27, Qt::Uninitialized);
    char *p = text.data();
    p = putDigits(p, civil.year, 4);
    *p++ = '-';
    p = putDigits(p, civil.month, 2);
    *p++ = '-';
    p = putDigits(p, civil.day, 2);
    *p++ = 'T';
    p = putDigits(p, secondOfDay / 3600, 2);
    *p++ = ':';
    p = putDigits(p, secondOfDay / 60 % 60, 2);
    *p++ = ':';
    p = putDigits(p, secondOfDay % 60, 2);
    *p++ = '.';
    p = putDigits(p, micros, 6);
    *p = 'Z';
    return text;
}

void appendTimestamp(QByteArray &out, qint64 usecsSinceEpoch)
{
    out.append('"');
    out.append(timestamp(usecsSinceEpoch));
    out.append('"');
}

std::optional<Instant> parseTimestamp(QStringView text)
{
    // YYYY-MM-DDTHH:MM:SS then an optional .f{1,9}, then Z.
    if (text.size() < 20)
        return std::nullopt;
    auto digits = [&](qsizetype from, qsizetype count, int *value) {
        int v = 0;
        for (qsizetype i = from; i < from + count; ++i) {
            const char16_t c = text[i].unicode();
            if (c < u'0' || c > u'9')
                return false;
            v = v * 10 + (c - u'0');
        }
        *value = v;
        return true;
    };
    int year, month, day, hour, minute, second;
    if (!digits(0, 4, &year) || text[4] != u'-' || !digits(5, 2, &month) || text[7] != u'-'
        || !digits(8, 2, &day) || text[10] != u'T' || !digits(11, 2, &hour) || text[13] != u':'
        || !digits(14, 2, &minute) || text[16] != u':' || !digits(17, 2, &second))
        return std::nullopt;
    qsizetype pos = 19;
    qint32 nanos = 0;
    if (text[pos] == u'.') {
        ++pos;
        const qsizetype fracStart = pos;
        while (pos < text.size() && text[pos] >= u'0' && text[pos] <= u'9')
            ++pos;
        const qsizetype fracDigits = pos - fracStart;
        if (fracDigits < 1 || fracDigits > 9)
            return std::nullopt;
        int value = 0;
        digits(fracStart, fracDigits, &value);
        nanos = value;
        for (qsizetype i = fracDigits; i < 9; ++i)
            nanos *= 10;
    }
    if (pos != text.size() - 1 || text[pos] != u'Z')
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    const qint64 days = daysFromCivil(year, unsigned(month), unsigned(day));
    return Instant{days * 86400 + hour * 3600 + minute * 60 + second, nanos};
}

} // namespace Taskscope::Demo::Json
