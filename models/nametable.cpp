// NameTable and TaskPlace: see nametable.h.
#include "nametable.h"

#include "filterevaluator.h"
#include "task.h"

#include <algorithm>

namespace Taskscope {

namespace {

FilterField uriField(NameKind kind)
{
    switch (kind) {
    case NameKind::App: return FilterField::App;
    case NameKind::Cluster: return FilterField::Cluster;
    case NameKind::Cloud: return FilterField::Cloud;
    case NameKind::Namespace: return FilterField::Namespace;
    }
    return FilterField::App;
}

// The label a task may carry its resource's name in (the demo and some installs label the
// app): `app=elastic-metrics`.
QLatin1String labelName(NameKind kind)
{
    switch (kind) {
    case NameKind::App: return QLatin1String("app");
    case NameKind::Cluster: return QLatin1String("cluster");
    case NameKind::Cloud: return QLatin1String("cloud");
    case NameKind::Namespace: return QLatin1String("namespace");
    }
    return {};
}

} // namespace

bool NameTable::isEmpty() const
{
    return std::all_of(m_names.begin(), m_names.end(), [](const auto &names) { return names.isEmpty(); });
}

void NameTable::merge(const NameTable &other)
{
    for (size_t k = 0; k < m_names.size(); ++k) {
        for (auto it = other.m_names[k].cbegin(); it != other.m_names[k].cend(); ++it)
            m_names[k].insert(it.key(), it.value());
    }
}

QStringList NameTable::names(NameKind kind) const
{
    QStringList all = m_names[size_t(kind)].values();
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    return all;
}

QString TaskPlace::idOf(const Task &task, NameKind kind)
{
    return derivedUriField(task, uriField(kind));
}

namespace {

QString nameFor(const Task &task, NameKind kind, const QString &id, const NameTable *table)
{
    if (table && !id.isEmpty()) {
        if (QString name = table->name(kind, id); !name.isEmpty())
            return name;
    }
    for (const Label &label : task.metadata.labels) {
        if (label.name == labelName(kind) && !label.value.isEmpty())
            return label.value;
    }
    return {};
}

} // namespace

QString TaskPlace::nameOf(const Task &task, NameKind kind, const NameTable *table)
{
    return nameFor(task, kind, idOf(task, kind), table);
}

TaskPlace TaskPlace::of(const Task &task, NameKind kind, const NameTable *table)
{
    TaskPlace place;
    place.ids[size_t(kind)] = idOf(task, kind);
    place.names[size_t(kind)] = nameFor(task, kind, place.ids[size_t(kind)], table);
    return place;
}

TaskPlace TaskPlace::of(const Task &task, const NameTable *table)
{
    TaskPlace place;
    for (const NameKind kind : kNameKinds) {
        const TaskPlace one = of(task, kind, table);
        place.ids[size_t(kind)] = one.ids[size_t(kind)];
        place.names[size_t(kind)] = one.names[size_t(kind)];
    }
    return place;
}

QString TaskPlace::shown(NameKind kind) const
{
    const QString &known = name(kind);
    return known.isEmpty() ? shortId(id(kind)) : known;
}

QString nameKindCollection(NameKind kind)
{
    switch (kind) {
    case NameKind::App: return QStringLiteral("apps");
    case NameKind::Cluster: return QStringLiteral("clusters");
    case NameKind::Cloud: return QStringLiteral("clouds");
    case NameKind::Namespace: return QStringLiteral("namespaces");
    }
    return {};
}

QString shortId(const QString &id)
{
    constexpr qsizetype kShown = 8;
    return id.size() <= kShown + 1 ? id : id.left(kShown) + QChar(0x2026);
}

} // namespace Taskscope
