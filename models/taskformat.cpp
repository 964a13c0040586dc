// TaskFormat: localised presentation of task values, kept out of the model class.
#include "taskformat.h"

#include "nametable.h"
#include "resourceuri.h"

#include "taskforest.h"

#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace Taskscope {

namespace {

// The locale's short date (its order and separators) with the year in four digits: the short formats
// of de, it, es and en_US have two ("04.03.26"), where 26 reads as a day as easily as a year.
QString shortDateFormat(const QLocale &locale)
{
    QString format = locale.dateFormat(QLocale::ShortFormat);
    static const QRegularExpression twoDigitYear(QStringLiteral("(?<!y)yy(?!y)"));
    return format.replace(twoDigitYear, QStringLiteral("yyyy"));
}

} // namespace

QString TaskFormat::stateName(TaskState state, const QString &rawText)
{
    switch (state) {
    case TaskState::NotStarted:
        return tr("Not started", "task state");
    case TaskState::Running:
        return tr("Running", "task state");
    case TaskState::Completed:
        return tr("Completed", "task state");
    case TaskState::Pausing:
        return tr("Pausing", "task state");
    case TaskState::Paused:
        return tr("Paused", "task state");
    case TaskState::Cancelling:
        return tr("Cancelling", "task state");
    case TaskState::Cancelled:
        return tr("Cancelled", "task state");
    case TaskState::Failed:
        return tr("Failed", "task state");
    case TaskState::Unknown:
        break;
    }
    return rawText.isEmpty() ? tr("Unknown", "task state") : rawText;
}

QString TaskFormat::stateLabel(const QString &stateName, bool stalled)
{
    if (!stalled)
        return stateName;
    return tr("%1 · stalled", "a state badge: the state's name, and that the task's progress has stopped")
        .arg(stateName);
}

QString TaskFormat::eta(const std::optional<EtaRange> &eta, bool running)
{
    if (!running)
        return {};
    if (!eta)
        return tr("Unknown", "estimated time left");
    qint64 low = qMax<qint64>(0, qMin(eta->lowSeconds, eta->highSeconds));
    qint64 high = qMax<qint64>(0, qMax(eta->lowSeconds, eta->highSeconds));
    // The unit the upper end reads best in; values rounded to what an estimate can claim.
    double step = 5; // seconds: to 5 s
    double unitSeconds = 1;
    QString unit = tr("s", "seconds, in an estimated time left");
    if (high >= 90 * 60) {
        unitSeconds = 3600;
        unit = tr("h", "hours, in an estimated time left");
        step = high >= 10 * 3600 ? 3600 : 1800; // to the half hour below 10 h
    } else if (high >= 90) {
        unitSeconds = 60;
        unit = tr("min", "minutes, in an estimated time left");
        step = 60;
    }
    const auto rounded = [step](qint64 seconds) { return std::round(double(seconds) / step) * step; };
    const double lowValue = rounded(low) / unitSeconds;
    const double highValue = qMax(rounded(high), step) / unitSeconds; // never "≈ 0 s"
    const QLocale locale;
    const auto number = [&locale](double value) {
        return locale.toString(value, 'f', value == std::floor(value) ? 0 : 1);
    };
    if (lowValue == highValue)
        return tr("≈ %1 %2", "estimated time left: amount, unit").arg(number(highValue), unit);
    if (lowValue == 0)
        return tr("< %1 %2", "estimated time left: less than amount, unit").arg(number(highValue), unit);
    return tr("≈ %1–%2 %3", "estimated time left: from, to, unit").arg(number(lowValue), number(highValue), unit);
}

QString TaskFormat::progress(std::optional<double> percent)
{
    if (!percent)
        return {};
    const double value = *percent;
    const int decimals = value == std::floor(value) ? 0 : 1;
    return tr("%1%", "percent done").arg(QLocale().toString(value, 'f', decimals));
}

QString TaskFormat::duration(qint64 seconds)
{
    const qint64 h = seconds / 3600, m = (seconds % 3600) / 60, s = seconds % 60;
    if (h > 0)
        return tr("%1h %2m %3s", "duration").arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'));
    if (m > 0)
        return tr("%1m %2s", "duration").arg(m).arg(s, 2, 10, QLatin1Char('0'));
    return tr("%1s", "duration").arg(s);
}

QString TaskFormat::localTime(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    const QLocale locale;
    const QDateTime local = utc.toLocalTime();
    return locale.toString(local.date(), shortDateFormat(locale)) + u' '
        + locale.toString(local.time(), locale.timeFormat(QLocale::LongFormat).contains(u's')
                                            ? QStringLiteral("HH:mm:ss")
                                            : locale.timeFormat(QLocale::ShortFormat));
}

QString TaskFormat::exactUtc(const QDateTime &utc)
{
    return utc.isValid() ? utc.toString(Qt::ISODateWithMs) : QString();
}

QString TaskFormat::readableResource(const QString &uri)
{
    const QList<UriSegment> segments = ResourceUri::segments(uri);
    if (segments.isEmpty())
        return uri;
    const UriSegment &last = segments.last();
    if (last.id.isEmpty())
        return ResourceUri::label(last.collection);
    //: a task's resource: its kind and its shortened id, "Backup 1b2c3d4e…"
    return tr("%1 %2").arg(ResourceUri::label(last.collection), shortId(last.id));
}

QStringList TaskFormat::markDescriptions(int marks, const QString &parentTaskID)
{
    QStringList lines;
    if (marks & OrphanTaskMark)
        lines << tr("Its parent task %1 is not in the list: shown at the top level.").arg(parentTaskID);
    if (marks & SelfParentTaskMark)
        lines << tr("It names itself as its parent: shown at the top level.");
    if (marks & CycleTaskMark)
        lines << tr("Its parent chain loops back to it (parent %1): the loop is cut here.").arg(parentTaskID);
    return lines;
}

} // namespace Taskscope
