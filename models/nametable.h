// NameTable: the names of an account's apps, clusters, clouds and namespaces by id, as one
// immutable value shared between threads; and where a task is, by id and by name.
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <array>
#include <memory>

namespace Taskscope {

class Task;

enum class NameKind : quint8 { App, Cluster, Cloud, Namespace };
inline constexpr int NameKindCount = 4;
inline constexpr std::array<NameKind, NameKindCount> kNameKinds = {NameKind::App, NameKind::Cluster, NameKind::Cloud,
                                                                   NameKind::Namespace};

class NameTable
{
public:
    // The name of `id`, empty when the table does not know it.
    QString name(NameKind kind, const QString &id) const { return m_names[size_t(kind)].value(id); }
    bool contains(NameKind kind, const QString &id) const { return m_names[size_t(kind)].contains(id); }
    void insert(NameKind kind, const QString &id, const QString &name) { m_names[size_t(kind)].insert(id, name); }
    qsizetype count(NameKind kind) const { return m_names[size_t(kind)].size(); }
    bool isEmpty() const;
    // Every distinct name of a kind, sorted (completion offers them).
    QStringList names(NameKind kind) const;
    // Every entry of `other` is added, replacing this table's name for the same id.
    void merge(const NameTable &other);
    // The kind's entries of `other` replace this table's (a list fetched again).
    void replaceKind(NameKind kind, const NameTable &other) { m_names[size_t(kind)] = other.m_names[size_t(kind)]; }

    friend bool operator==(const NameTable &, const NameTable &) = default;

private:
    std::array<QHash<QString, QString>, NameKindCount> m_names;
};

using NameTablePtr = std::shared_ptr<const NameTable>;

// Where a task is: the ids its resource URIs name (resourceURI first, then the collection URIs),
// and their names from the table, else from the task's own labels (`app=`, `cluster=`,
// `namespace=`, `cloud=`); a name stays empty when neither knows it.
struct TaskPlace
{
    std::array<QString, NameKindCount> ids;
    std::array<QString, NameKindCount> names;

    static TaskPlace of(const Task &task, const NameTable *table);
    // Only `kind` filled in (the others empty): what one cell needs, one URI read instead of four.
    static TaskPlace of(const Task &task, NameKind kind, const NameTable *table);
    // One kind's name alone (the table's, else the label's); empty when neither knows it.
    static QString nameOf(const Task &task, NameKind kind, const NameTable *table);
    // The id alone (no name lookup).
    static QString idOf(const Task &task, NameKind kind);

    const QString &id(NameKind kind) const { return ids[size_t(kind)]; }
    const QString &name(NameKind kind) const { return names[size_t(kind)]; }
    // What a cell shows: the name, else the id shortened; empty when the task names no such resource.
    QString shown(NameKind kind) const;
};

// The API's collection of a kind: "apps", "clusters", "clouds", "namespaces".
QString nameKindCollection(NameKind kind);
// The first 8 characters of an id and an ellipsis ("3f0b6c2e…"); a short id as it is.
QString shortId(const QString &id);

} // namespace Taskscope
