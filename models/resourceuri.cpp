// ResourceUri: the named segments of an Astra resource URI.
#include "resourceuri.h"

namespace Taskscope {

QList<UriSegment> ResourceUri::segments(QStringView uri)
{
    QList<UriSegment> result;
    const QList<QStringView> parts = uri.split(u'/', Qt::SkipEmptyParts);
    for (qsizetype i = 0; i + 1 < parts.size();) {
        const QStringView name = parts[i];
        // An API group and version ("topology/v1", "k8s/v1", "core/v1") names no resource.
        if (i + 1 < parts.size() && parts[i + 1].size() >= 2 && parts[i + 1].startsWith(u'v')
            && parts[i + 1].mid(1).toInt() > 0) {
            i += 2;
            continue;
        }
        result.append({name.toString(), parts[i + 1].toString()});
        i += 2;
    }
    return result;
}

QString ResourceUri::idOf(QStringView uri, QStringView collection)
{
    for (const UriSegment &segment : segments(uri)) {
        if (segment.collection == collection)
            return segment.id;
    }
    return {};
}

QString ResourceUri::label(const QString &collection)
{
    if (collection == u"accounts")
        return tr("Account");
    if (collection == u"clouds")
        return tr("Cloud");
    if (collection == u"clusters")
        return tr("Cluster");
    if (collection == u"namespaces")
        return tr("Namespace");
    if (collection == u"apps")
        return tr("App");
    if (collection == u"appBackups" || collection == u"backups")
        return tr("Backup");
    if (collection == u"appSnaps" || collection == u"snapshots")
        return tr("Snapshot");
    if (collection == u"appMirrors")
        return tr("Mirror");
    return collection;
}

} // namespace Taskscope
