// Task: state names, timestamps and derived values.
#include "task.h"

#include <QHashFunctions>
#include <QJsonDocument>

#include <array>

namespace Taskscope {

namespace {
constexpr std::array<QStringView, TaskStateCount - 1> kStateNames = {
    u"notStarted", u"running", u"completed", u"pausing", u"paused", u"cancelling", u"cancelled", u"failed",
};

// Reads exactly `n` decimal digits at `pos`; -1 when a character is not a digit.
int readDigits(QStringView s, qsizetype pos, int n)
{
    if (pos + n > s.size())
        return -1;
    int value = 0;
    for (int i = 0; i < n; ++i) {
        const char16_t c = s[pos + i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}
} // namespace

QStringList knownStateApiNames()
{
    QStringList names;
    for (int state = 0; state < int(TaskState::Unknown); ++state)
        names << stateApiName(TaskState(state));
    return names;
}

QString stateApiName(TaskState state)
{
    const auto i = qsizetype(state);
    return i < qsizetype(kStateNames.size()) ? kStateNames[i].toString() : QString();
}

TaskState stateFromApiName(QStringView text)
{
    for (qsizetype i = 0; i < qsizetype(kStateNames.size()); ++i) {
        if (kStateNames[i] == text)
            return TaskState(i);
    }
    return TaskState::Unknown;
}

bool isActiveState(TaskState state)
{
    switch (state) {
    case TaskState::NotStarted:
    case TaskState::Running:
    case TaskState::Pausing:
    case TaskState::Paused:
    case TaskState::Cancelling:
        return true;
    case TaskState::Completed:
    case TaskState::Cancelled:
    case TaskState::Failed:
    case TaskState::Unknown:
        return false;
    }
    return false;
}

// Hand-written for speed (five timestamps per task, 100,000 tasks): YYYY-MM-DDTHH:MM:SS[.f{1,9}](Z|±HH:MM).
quint64 rawJsonDigest(QByteArrayView bytes)
{
    // A fixed non-zero seed selects Qt's AES-based hash where the CPU has AES-NI (SipHash
    // otherwise): fast, and its 64 bits make a false "unchanged" about as likely as a memory error.
    const quint64 digest = qHashBits(bytes.data(), size_t(bytes.size()), size_t(0x9e3779b97f4a7c15ULL));
    return digest ? digest : 1;
}

QDateTime parseTimestamp(QStringView s)
{
    const int year = readDigits(s, 0, 4), month = readDigits(s, 5, 2), day = readDigits(s, 8, 2);
    const int hour = readDigits(s, 11, 2), minute = readDigits(s, 14, 2), second = readDigits(s, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || s[4] != u'-'
        || s[7] != u'-' || (s[10] != u'T' && s[10] != u't' && s[10] != u' ') || s[13] != u':' || s[16] != u':')
        return {};
    qsizetype pos = 19;
    int msecs = 0;
    if (pos < s.size() && s[pos] == u'.') {
        ++pos;
        int digits = 0;
        while (pos < s.size() && s[pos] >= u'0' && s[pos] <= u'9') {
            if (digits < 3)
                msecs = msecs * 10 + (s[pos].unicode() - u'0');
            ++digits;
            ++pos;
        }
        if (digits == 0 || digits > 9)
            return {};
        for (int i = digits; i < 3; ++i)
            msecs *= 10;
    }
    int offsetSeconds = 0;
    if (pos < s.size() && (s[pos] == u'Z' || s[pos] == u'z')) {
        ++pos;
    } else if (pos < s.size() && (s[pos] == u'+' || s[pos] == u'-')) {
        const int oh = readDigits(s, pos + 1, 2), om = readDigits(s, pos + 4, 2);
        if (oh < 0 || om < 0 || s[pos + 3] != u':' || oh > 23 || om > 59)
            return {};
        offsetSeconds = (oh * 3600 + om * 60) * (s[pos] == u'-' ? -1 : 1);
        pos += 6;
    } else {
        return {}; // the API always states the zone; a bare local time is ambiguous
    }
    if (pos != s.size() || hour > 23 || minute > 59 || second > 60)
        return {};
    const QDate date(year, month, day);
    if (!date.isValid())
        return {};
    const qint64 days = date.toJulianDay() - QDate(1970, 1, 1).toJulianDay();
    const qint64 ms = ((days * 86400 + hour * 3600 + minute * 60 + qMin(second, 59)) - offsetSeconds) * 1000 + msecs;
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

Utf8Text::Utf8Text(const QString &text)
    : m_bytes(text.toUtf8())
    , m_size(qint32(m_bytes.size()))
{
    if (text.isNull())
        m_bytes = QByteArray();
}

Utf8Text Utf8Text::view(const QByteArray &owner, qsizetype offset, qsizetype size)
{
    Q_ASSERT(offset >= 0 && size >= 0 && offset + size <= owner.size());
    Utf8Text text;
    text.m_bytes = owner;
    text.m_offset = qint32(offset);
    text.m_size = qint32(size);
    return text;
}

int Utf8Text::compare(const Utf8Text &a, const Utf8Text &b)
{
    const QByteArrayView x = a.bytes(), y = b.bytes();
    const qsizetype common = qMin(x.size(), y.size());
    qsizetype i = 0;
    while (i < common && x[i] == y[i])
        ++i;
    if (i == common)
        return int(x.size() > y.size()) - int(x.size() < y.size());
    const auto cx = uchar(x[i]), cy = uchar(y[i]);
    if (cx < 0x80 && cy < 0x80) // an ASCII byte is one code unit in either encoding
        return cx < cy ? -1 : 1;
    return a.toString().compare(b.toString());
}

Utf8TextList::Utf8TextList(const QStringList &texts)
{
    for (const QString &text : texts)
        append(text.toUtf8());
}

Utf8TextList::Utf8TextList(std::initializer_list<QString> texts)
    : Utf8TextList(QStringList(texts))
{
}

void Utf8TextList::appendView(const QByteArray &owner, qsizetype offset, qsizetype size)
{
    Q_ASSERT(offset >= 0 && size >= 0 && offset + size <= owner.size());
    if (m_owned) { // an earlier element had its own bytes: this one joins them
        append(QUtf8StringView(owner.constData() + offset, size));
        return;
    }
    Q_ASSERT(m_spans.isEmpty() || m_bytes.constData() == owner.constData());
    m_bytes = owner;
    m_spans.append({qint32(offset), qint32(size)});
}

void Utf8TextList::append(QUtf8StringView text)
{
    if (!m_owned) { // the views so far move into a buffer of the list's own
        QByteArray own;
        QList<Span> spans;
        for (qsizetype i = 0; i < m_spans.size(); ++i) {
            const QUtf8StringView element = utf8(i);
            spans.append({qint32(own.size()), qint32(element.size())});
            own.append(element.data(), element.size());
        }
        m_bytes = own;
        m_spans = spans;
        m_owned = true;
    }
    m_spans.append({qint32(m_bytes.size()), qint32(text.size())});
    m_bytes.append(text.data(), text.size());
}

QUtf8StringView Utf8TextList::utf8(qsizetype i) const
{
    const Span &span = m_spans.at(i);
    return {m_bytes.constData() + span.offset, span.size};
}

QStringList Utf8TextList::toList() const
{
    QStringList list;
    list.reserve(size());
    for (qsizetype i = 0; i < size(); ++i)
        list.append(at(i));
    return list;
}

bool operator==(const Utf8TextList &a, const Utf8TextList &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QUtf8StringView x = a.utf8(i), y = b.utf8(i);
        if (QByteArrayView(x.data(), x.size()) != QByteArrayView(y.data(), y.size()))
            return false;
    }
    return true;
}

QJsonObject Task::json() const
{
    return QJsonDocument::fromJson(rawJson).object();
}

std::optional<qint64> Task::durationSeconds(const QDateTime &now) const
{
    const std::optional<qint64> milliseconds = durationMilliseconds(now);
    return milliseconds ? std::optional<qint64>(*milliseconds / 1000) : std::nullopt;
}

std::optional<qint64> Task::durationMilliseconds(const QDateTime &now) const
{
    if (!startTime.isValid())
        return std::nullopt;
    QDateTime end = endTime.isValid() ? endTime : cancelTime;
    if (!end.isValid()) {
        if (!isActiveState(state))
            return std::nullopt; // ended without saying when: a ticking duration would be a lie
        end = goneAt.isValid() ? goneAt : now; // shown from history: it was last seen running then
    }
    return qMax<qint64>(0, startTime.msecsTo(end));
}

} // namespace Taskscope
