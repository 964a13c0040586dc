// NameLists: the account's apps, clusters, clouds and namespaces, built once from the topology.
#include "namelists.h"

#include "catalogue.h"
#include "demojson.h"

#include <QJsonArray>

namespace Taskscope::Demo {

namespace {

using Field = NameItem::Field;

Field text(const char *name, const QByteArray &value)
{
    Field field{staticText(name), QString::fromUtf8(value), {}};
    Json::appendString(field.json, value);
    return field;
}

Field texts(const char *name, const QList<QByteArray> &values)
{
    Field field{staticText(name), {}, "["};
    QJsonArray array;
    for (const QByteArray &value : values) {
        if (!array.isEmpty())
            field.json += ',';
        Json::appendString(field.json, value);
        array.append(QString::fromUtf8(value));
    }
    field.json += ']';
    field.value = array;
    return field;
}

NameItem item(std::vector<Field> fields)
{
    NameItem made{std::move(fields), "{"};
    for (const Field &field : made.fields) {
        if (made.json.size() > 1)
            made.json += ',';
        Json::appendString(made.json, field.name);
        made.json += ':' + field.json;
    }
    made.json += '}';
    return made;
}

NameItem appItem(const Topology &topology, const App &app)
{
    const Cluster &cluster = topology.clusterOf(app);
    QList<QByteArray> spaces;
    for (int space : app.namespaces)
        spaces.append(topology.namespaces[size_t(space)].name);
    return item({text("type", "application/astra-app"), text("version", "2.2"), text("id", app.id),
                 text("name", app.name), text("state", "ready"), text("protectionState", app.protectionState),
                 text("clusterName", cluster.name), text("clusterID", cluster.id), texts("namespaces", spaces)});
}

NameItem clusterItem(const Topology &topology, const Cluster &cluster)
{
    return item({text("type", "application/astra-cluster"), text("version", "1.7"), text("id", cluster.id),
                 text("name", cluster.name), text("clusterType", cluster.clusterType), text("state", "running"),
                 text("managedState", "managed"), text("cloudID", topology.cloudOf(cluster).id)});
}

NameItem cloudItem(const Cloud &cloud)
{
    return item({text("type", "application/astra-cloud"), text("version", "1.1"), text("id", cloud.id),
                 text("name", cloud.name), text("cloudType", cloud.cloudType), text("state", "running")});
}

NameItem namespaceItem(const Topology &topology, const Namespace &space)
{
    return item({text("type", "application/astra-namespace"), text("version", "1.2"), text("id", space.id),
                 text("name", space.name), text("namespaceState", "discovered"),
                 text("clusterID", topology.clusters[size_t(space.cluster)].id)});
}

} // namespace

QJsonValue NameItem::value(QStringView field) const
{
    for (const Field &f : fields) {
        if (QLatin1StringView(f.name) == field)
            return f.value;
    }
    return QJsonValue(QJsonValue::Undefined);
}

bool NameItem::appendField(QByteArray &out, QStringView field) const
{
    for (const Field &f : fields) {
        if (QLatin1StringView(f.name) == field) {
            out += f.json;
            return true;
        }
    }
    return false;
}

const NameList *NameLists::clustersOf(QByteArrayView cloudId) const
{
    for (const auto &[id, list] : clustersByCloud) {
        if (id == cloudId)
            return &list;
    }
    return nullptr;
}

NameLists makeNameLists(const Topology &topology)
{
    NameLists lists;
    lists.apps = {"application/astra-apps", "2.2", {}};
    for (const auto *apps : {&topology.apps, &topology.clones}) {
        for (const App &app : *apps)
            lists.apps.items.push_back(appItem(topology, app));
    }
    lists.clusters = {"application/astra-clusters", "1.7", {}};
    for (const Cluster &cluster : topology.clusters)
        lists.clusters.items.push_back(clusterItem(topology, cluster));
    lists.clouds = {"application/astra-clouds", "1.1", {}};
    for (const Cloud &cloud : topology.clouds) {
        lists.clouds.items.push_back(cloudItem(cloud));
        NameList own{lists.clusters.type, lists.clusters.version, {}};
        for (const Cluster &cluster : topology.clusters) {
            if (&topology.cloudOf(cluster) == &cloud)
                own.items.push_back(clusterItem(topology, cluster));
        }
        lists.clustersByCloud.emplace_back(cloud.id, std::move(own));
    }
    lists.namespaces = {"application/astra-namespaces", "1.2", {}};
    for (const Namespace &space : topology.namespaces)
        lists.namespaces.items.push_back(namespaceItem(topology, space));
    return lists;
}

} // namespace Taskscope::Demo
