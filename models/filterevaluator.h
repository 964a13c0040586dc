// FilterPredicate: a parsed filter compiled once per edit and evaluated per task without allocating.
#pragma once

#include "filterlanguage.h"
#include "nametable.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QString>

#include <vector>

namespace Taskscope {

class Task;

// A derived URI field of a task (app, cluster, namespace, cloud: the id as ResourceUri::idOf reads it
// from resourceURI, else from the first resourceCollectionURI that names one; resourceType: the
// collection of resourceURI's last segment); empty when absent.
QString derivedUriField(const Task &task, FilterField field);

// Semantics: see FilterExpr. Only `matches` may allocate (QRegularExpression::match).
class FilterPredicate final
{
public:
    FilterPredicate() = default; // matches every task
    // `expr` as parseFilter() or the edits return it (values already checked for their field).
    explicit FilterPredicate(const FilterExpr &expr, const QDateTime &now = QDateTime::currentDateTimeUtc());

    // Moves relative times (now-1h) and running durations to `now`; cheap, for a periodic refresh.
    void setNow(const QDateTime &now);
    QDateTime now() const { return m_now; }
    // The result can change with the clock alone: the filter has a relative time or a duration.
    bool dependsOnNow() const { return m_dependsOnNow; }
    bool isEmpty() const { return m_nodes.empty(); }
    // Where appName, clusterName, cloudName and namespaceName look names up (else the task's labels).
    void setNames(NameTablePtr names) { m_names = std::move(names); }
    const NameTablePtr &names() const { return m_names; }
    // The filter reads a name field: its result can change when the names do.
    bool readsNames() const;

    bool matches(const Task &task) const { return m_nodes.empty() || evaluate(0, task); }
    // Why matches() rejects `task`: the canonical text (printFilter) of the first top-level AND
    // clause that is false for it ("state eq 'running'"), or the whole expression when its top
    // level is not an AND (an OR, a NOT, one comparison). Empty when the task matches.
    QString hiddenBy(const Task &task) const;
    // The TaskField bits (TaskFieldInfo::bit) of the fields matches() reads: a task parsed with
    // only those (TaskListParser::setFields) matches as the whole task would.
    quint32 fieldsRead() const;

private:
    // The tree in pre-order: a node's children follow it, each child's `end` is its next sibling.
    struct Node
    {
        FilterExpr::Kind kind = FilterExpr::Kind::And;
        FilterField field = FilterField::Name;
        FilterOp op = FilterOp::Eq;
        FilterValueType type = FilterValueType::Text;
        size_t end = 0;              // one past the last node of this subtree
        QString text;                // Text
        double number = 0;           // Number
        qint64 msecs = 0;            // Instant: since the epoch
        qint64 relativeSeconds = -1; // Instant: >= 0 for now-<n>; msecs follows setNow()
        QRegularExpression regex;    // Matches
    };

    void compile(const FilterExpr &expr);
    bool evaluate(size_t index, const Task &task) const;
    bool compare(const Node &node, FilterOp op, const Task &task) const;

    std::vector<Node> m_nodes;
    // printFilter() of each top-level AND clause in order, or of the whole expression when the
    // top level is not an AND: hiddenBy()'s answers, printed once per filter.
    std::vector<QString> m_clauseTexts;
    NameTablePtr m_names;
    QDateTime m_now;
    bool m_dependsOnNow = false;
};

} // namespace Taskscope
