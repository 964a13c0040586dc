// NameLists: the account's lists that name what task URIs give only by id (apps, clusters, clouds,
// namespaces), built once from the scenario's topology.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonValue>
#include <QStringView>

#include <vector>

namespace Taskscope::Demo {

struct Topology;

// One item of a list: its fields in the order written, as values (for filters) and as JSON (for include).
struct NameItem {
    struct Field {
        QByteArray name;
        QJsonValue value;
        QByteArray json;
    };
    std::vector<Field> fields;
    QByteArray json; // the whole object, compact

    QJsonValue value(QStringView field) const; // undefined when the item has no such field
    // Appends the JSON of one field's value; false (and nothing appended) when the item has no such field.
    bool appendField(QByteArray &out, QStringView field) const;
};

// A list as GET answers it: {"type":<type>,"version":<version>,"items":[...],"metadata":{}}.
struct NameList {
    QByteArray type;
    QByteArray version;
    std::vector<NameItem> items;
};

struct NameLists {
    NameList apps;       // GET /k8s/v2/apps: the apps tasks name, then the clones they make
    NameList clusters;   // GET /topology/v1/clusters
    NameList clouds;     // GET /topology/v1/clouds
    NameList namespaces; // GET /topology/v1/namespaces
    std::vector<std::pair<QByteArray, NameList>> clustersByCloud; // GET /topology/v1/clouds/{id}/clusters

    const NameList *clustersOf(QByteArrayView cloudId) const; // null for a cloud not listed
};

NameLists makeNameLists(const Topology &topology);

} // namespace Taskscope::Demo
