// ResourceUri: the named segments of an Astra resource URI (cloud, cluster, namespace, app, resource).
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Taskscope {

struct UriSegment
{
    QString collection; // the API's collection name: "clouds", "clusters", "apps", "appBackups", ...
    QString id;
    friend bool operator==(const UriSegment &, const UriSegment &) = default;
};

class ResourceUri final
{
    Q_DECLARE_TR_FUNCTIONS(ResourceUri)
public:
    // "/accounts/A/topology/v1/clouds/C/clusters/K/..." -> [{accounts,A}, {clouds,C}, {clusters,K}, ...]
    // (the "topology/v1" or "k8s/v1" API prefix is skipped).
    static QList<UriSegment> segments(QStringView uri);
    // The id of the first segment of `collection` ("clouds", "clusters", "namespaces", "apps"), or empty.
    static QString idOf(QStringView uri, QStringView collection);
    // What a user calls the segment: "Cloud", "Cluster", "Namespace", "App", "Account", "Backup",
    // "Snapshot", "Mirror", else the collection name as the API spells it.
    static QString label(const QString &collection);
};

} // namespace Taskscope
