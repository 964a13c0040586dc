// Machine CSV: one row per task under stable English column names.
#include "taskcsv.h"

#include "filterevaluator.h"
#include "taskfields.h"

using namespace Qt::StringLiterals;

namespace Taskscope {

namespace {

// ISO 8601 in UTC with a Z: whole seconds as the API writes them, else with the milliseconds.
QString isoUtc(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    const QDateTime utc = time.toUTC();
    return utc.toString(utc.time().msec() != 0 ? Qt::ISODateWithMs : Qt::ISODate);
}

// Seconds as a plain number: "1800", "1800.94" (no locale, no trailing zeros).
QString secondsPlain(qint64 msecs)
{
    QString text = QString::number(msecs / 1000);
    if (const qint64 fraction = msecs % 1000) {
        text += u'.' + QString::number(fraction).rightJustified(3, u'0');
        while (text.endsWith(u'0'))
            text.chop(1);
    }
    return text;
}

} // namespace

const QStringList &machineCsvColumns()
{
    // Machine names: stable across versions and languages, never translated.
    static const QStringList columns{
        u"id"_s, u"parentTaskID"_s, u"name"_s, u"summary"_s, u"state"_s, u"percentDone"_s,
        u"startTime"_s, u"endTime"_s, u"creationTimestamp"_s, u"modificationTimestamp"_s, u"duration"_s,
        u"service"_s, u"resourceType"_s, u"resourceID"_s, u"appID"_s, u"appName"_s, u"clusterID"_s,
        u"clusterName"_s, u"cloudID"_s, u"cloudName"_s, u"namespaceID"_s, u"namespaceName"_s,
        u"problem"_s, u"resourceURI"_s};
    return columns;
}

QStringList machineCsvRow(const Task &task, const QDateTime &now, const NameLookup &nameOf)
{
    const std::optional<qint64> duration = task.durationMilliseconds(now);
    QStringList row{task.id,
                    task.parentTaskID,
                    task.name,
                    task.summary,
                    task.stateText,
                    task.percentDone ? formatPercentPlain(*task.percentDone) : QString(),
                    isoUtc(task.startTime),
                    isoUtc(task.endTime),
                    isoUtc(task.metadata.creationTimestamp),
                    isoUtc(task.metadata.modificationTimestamp),
                    duration ? secondsPlain(*duration) : QString(),
                    task.service,
                    derivedUriField(task, FilterField::ResourceType),
                    task.resourceID};
    // The ids as the filter's app, cluster, cloud and namespace fields read them, each with its name.
    const std::pair<FilterField, QStringView> named[] = {{FilterField::App, u"apps"},
                                                         {FilterField::Cluster, u"clusters"},
                                                         {FilterField::Cloud, u"clouds"},
                                                         {FilterField::Namespace, u"namespaces"}};
    for (const auto &[field, collection] : named) {
        const QString id = derivedUriField(task, field);
        row << id << (nameOf && !id.isEmpty() ? nameOf(collection, id) : QString());
    }
    row << (task.stateDetails.isEmpty() ? QString() : task.stateDetails.first().title) << task.resourceURI.toString();
    return row;
}

QByteArray exportMachineCsv(const QList<ExportItem> &items, const QDateTime &now, const NameLookup &nameOf)
{
    QList<QStringList> rows;
    rows.reserve(items.size() + 1);
    rows << machineCsvColumns();
    for (const ExportItem &item : items) {
        QStringList row = machineCsvRow(*item.task, now, nameOf);
        for (QString &cell : row)
            cell = csvSafeCell(cell);
        rows << row;
    }
    return toCsv(rows);
}

QString csvSafeCell(const QString &cell)
{
    // Every cell alike, numbers too: one uniform rule is one a reader can rely on. A negative
    // number would read '-2, but duration never is one, and percentDone only in a list the
    // parser already warned about.
    static constexpr QStringView kFormulaStarts = u"=+-@\t\r";
    if (!cell.isEmpty() && kFormulaStarts.contains(cell.front()))
        return u'\'' + cell;
    return cell;
}

quint32 machineCsvFieldsRead()
{
    quint32 bits = 0;
    for (const TaskField field :
         {TaskField::Id, TaskField::ParentTaskId, TaskField::Name, TaskField::Summary, TaskField::State,
          TaskField::PercentDone, TaskField::StartTime, TaskField::EndTime, TaskField::CancelTime,
          TaskField::Metadata, TaskField::Service, TaskField::ResourceId, TaskField::ResourceUri,
          TaskField::ResourceCollectionUri, TaskField::StateDetails})
        bits |= TaskFields::info(field).bit();
    return bits;
}

NameLookup nameLookup(const NameTablePtr &names)
{
    if (!names)
        return {};
    return [names](QStringView collection, const QString &id) {
        for (const NameKind kind : kNameKinds) {
            if (nameKindCollection(kind) == collection)
                return names->name(kind, id);
        }
        return QString();
    };
}

} // namespace Taskscope
