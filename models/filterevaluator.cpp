// FilterPredicate: a parsed filter compiled for evaluation, and the derived URI fields it reads.
#include "filterevaluator.h"

#include "task.h"


#include <algorithm>
#include <functional>

namespace Taskscope {

namespace {

using F = FilterField;

// An API group's version ("v1" in "topology/v1") names no resource.
bool isApiVersion(QByteArrayView part)
{
    return part.size() >= 2 && part.startsWith('v') && part.sliced(1).toInt() > 0;
}

// Calls visit(collection, id) for every named segment of `uri` (its UTF-8 bytes, as a task keeps
// them), paired as ResourceUri::segments pairs them, until visit returns true; returns whether it
// did. Views only: nothing is decoded or allocated.
template <typename Visit>
bool visitUriSegments(QUtf8StringView uri, Visit visit)
{
    const QByteArrayView bytes(uri.data(), uri.size());
    QByteArrayView collection;
    bool pending = false;
    for (qsizetype start = 0; start < bytes.size();) {
        qsizetype end = bytes.indexOf('/', start);
        if (end < 0)
            end = bytes.size();
        const QByteArrayView part = bytes.sliced(start, end - start);
        start = end + 1;
        if (part.isEmpty())
            continue;
        if (!pending) {
            collection = part;
            pending = true;
            continue;
        }
        pending = false;
        if (!isApiVersion(part) && visit(collection, part))
            return true;
    }
    return false;
}

QByteArrayView uriId(QUtf8StringView uri, QByteArrayView collection)
{
    QByteArrayView found;
    visitUriSegments(uri, [&](QByteArrayView name, QByteArrayView id) {
        if (name != collection)
            return false;
        found = id;
        return true;
    });
    return found;
}

// Calls test on every text value `field` has in `task` (none for an empty list); true when one holds.
std::optional<NameKind> nameKindOf(FilterField field)
{
    if (field < F::AppName || field > F::NamespaceName)
        return std::nullopt;
    return NameKind(int(field) - int(F::AppName)); // the name fields follow NameKind's order
}

template <typename Test>
bool anyText(const Task &task, FilterField field, const NameTable *names, const Test &test)
{
    const auto any = [&test](const auto &list, auto member) {
        return std::any_of(list.cbegin(), list.cend(),
                           [&](const auto &item) { return test(std::invoke(member, item)); });
    };
    switch (field) {
    case F::Type: return test(task.type);
    case F::Version: return test(task.version);
    case F::Id: return test(task.id);
    case F::Name: return test(task.name);
    case F::Summary: return test(task.summary);
    case F::Description: return test(task.description);
    case F::Service: return test(task.service);
    case F::ParentTaskId: return test(task.parentTaskID);
    case F::UserId: return test(task.userID);
    case F::ResourceId: return test(task.resourceID);
    case F::ResourceUri: return test(task.resourceURI.toString());
    case F::State: return test(task.stateText);
    case F::CreatedBy: return test(task.metadata.createdBy);
    case F::ModifiedBy: return test(task.metadata.modifiedBy);
    case F::ResourceCollectionUri: {
        const Utf8TextList &uris = task.resourceCollectionURI;
        for (qsizetype i = 0; i < uris.size(); ++i) {
            if (test(uris.at(i)))
                return true;
        }
        return false;
    }
    case F::StateTransitionFrom: return any(task.stateTransitions, &StateTransition::from);
    case F::StateTransitionTo:
        return std::any_of(task.stateTransitions.cbegin(), task.stateTransitions.cend(),
                           [&](const StateTransition &t) { return any(t.to, std::identity()); });
    case F::StateDetailType: return any(task.stateDetails, &StateDetail::type);
    case F::StateDetailTitle: return any(task.stateDetails, &StateDetail::title);
    case F::StateDetailDetail: return any(task.stateDetails, &StateDetail::detail);
    case F::LabelName: return any(task.metadata.labels, &Label::name);
    case F::LabelValue: return any(task.metadata.labels, &Label::value);
    case F::App:
    case F::Cluster:
    case F::Namespace:
    case F::Cloud:
    case F::ResourceType: return test(derivedUriField(task, field));
    case F::AppName:
    case F::ClusterName:
    case F::CloudName:
    case F::NamespaceName: return test(TaskPlace::nameOf(task, *nameKindOf(field), names));
    default: return false; // numbers and instants have no text
    }
}

std::optional<double> numberOf(const Task &task, FilterField field, const QDateTime &now)
{
    switch (field) {
    case F::PercentDone: return task.percentDone;
    case F::OrderHint: return task.orderHint;
    case F::Duration:
        // To the millisecond: `duration gt 1800` takes a task of 1800.94 s, which the column shows as 30m 00s.
        if (const std::optional<qint64> milliseconds = task.durationMilliseconds(now))
            return double(*milliseconds) / 1000.0;
        return std::nullopt;
    case F::Stalled:
        if (task.stalledSince.isValid())
            return double(task.stalledSince.msecsTo(now)) / 1000.0;
        return std::nullopt;
    default: return std::nullopt;
    }
}

const QDateTime &instantOf(const Task &task, FilterField field)
{
    switch (field) {
    case F::StartTime: return task.startTime;
    case F::EndTime: return task.endTime;
    case F::CancelTime: return task.cancelTime;
    case F::CreationTimestamp: return task.metadata.creationTimestamp;
    case F::Seen: return task.firstSeen;
    case F::Gone: return task.goneAt;
    case F::Transition: return task.lastTransition;
    default: return task.metadata.modificationTimestamp;
    }
}

// Whether `op` holds for a comparison that came out as `order` (<0, 0, >0).
bool holds(FilterOp op, int order)
{
    switch (op) {
    case FilterOp::Eq: return order == 0;
    case FilterOp::Ne: return order != 0;
    case FilterOp::Lt: return order < 0;
    case FilterOp::Gt: return order > 0;
    case FilterOp::Lte: return order <= 0;
    case FilterOp::Gte: return order >= 0;
    case FilterOp::In:
    case FilterOp::Matches: break;
    }
    return false;
}

template <typename T>
int order(T a, T b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

} // namespace

QString derivedUriField(const Task &task, FilterField field)
{
    const auto text = [](QByteArrayView bytes) { return QString::fromUtf8(bytes); };
    QByteArrayView collection;
    switch (field) {
    case F::App: collection = "apps"; break;
    case F::Cluster: collection = "clusters"; break;
    case F::Namespace: collection = "namespaces"; break;
    case F::Cloud: collection = "clouds"; break;
    case F::ResourceType: {
        QByteArrayView last;
        visitUriSegments(task.resourceURI.utf8(), [&last](QByteArrayView name, QByteArrayView) {
            last = name;
            return false;
        });
        return text(last);
    }
    default: return {};
    }
    if (const QByteArrayView id = uriId(task.resourceURI.utf8(), collection); !id.isEmpty())
        return text(id);
    for (qsizetype i = 0; i < task.resourceCollectionURI.size(); ++i) {
        if (const QByteArrayView id = uriId(task.resourceCollectionURI.utf8(i), collection); !id.isEmpty())
            return text(id);
    }
    return {};
}

FilterPredicate::FilterPredicate(const FilterExpr &expr, const QDateTime &now)
{
    if (!expr.isEmpty()) {
        compile(expr);
        if (expr.kind == FilterExpr::Kind::And) {
            for (const FilterExpr &clause : expr.children)
                m_clauseTexts.push_back(printFilter(clause));
        } else {
            m_clauseTexts.push_back(printFilter(expr));
        }
    }
    setNow(now);
}

QString FilterPredicate::hiddenBy(const Task &task) const
{
    if (m_nodes.empty())
        return {};
    const Node &root = m_nodes.front();
    if (root.kind != FilterExpr::Kind::And)
        return evaluate(0, task) ? QString() : m_clauseTexts.front();
    size_t clause = 0;
    for (size_t child = 1; child < root.end; child = m_nodes[child].end, ++clause) {
        if (!evaluate(child, task))
            return m_clauseTexts[clause];
    }
    return {};
}

bool FilterPredicate::readsNames() const
{
    return std::any_of(m_nodes.cbegin(), m_nodes.cend(), [](const Node &node) {
        return node.kind == FilterExpr::Kind::Comparison && nameKindOf(node.field).has_value();
    });
}

quint32 FilterPredicate::fieldsRead() const
{
    quint32 bits = 0;
    for (const Node &node : m_nodes) {
        if (node.kind == FilterExpr::Kind::Comparison)
            bits |= filterFieldInfo(node.field).taskFields;
    }
    return bits;
}

void FilterPredicate::compile(const FilterExpr &expr)
{
    const size_t index = m_nodes.size();
    Node node;
    node.kind = expr.kind;
    if (expr.kind == FilterExpr::Kind::Comparison) {
        node.field = expr.field;
        node.op = expr.op;
        node.type = filterFieldInfo(expr.field).type;
        m_dependsOnNow = m_dependsOnNow || expr.field == F::Duration || expr.field == F::Stalled;
        switch (node.type) {
        case FilterValueType::Text:
            node.text = expr.value.toString();
            if (expr.op == FilterOp::Matches) {
                node.regex.setPattern(node.text);
                node.regex.setPatternOptions(QRegularExpression::DontCaptureOption);
                node.regex.optimize();
            }
            break;
        case FilterValueType::Number:
            node.number = expr.value.number;
            break;
        case FilterValueType::Instant:
            if (expr.value.kind == FilterValue::Kind::RelativeTime) {
                node.relativeSeconds = expr.value.relativeSeconds();
                m_dependsOnNow = true;
            } else {
                node.msecs = parseTimestamp(expr.value.text).toMSecsSinceEpoch();
            }
            break;
        }
    }
    m_nodes.push_back(std::move(node));
    for (const FilterExpr &child : expr.children)
        compile(child);
    m_nodes[index].end = m_nodes.size();
}

void FilterPredicate::setNow(const QDateTime &now)
{
    m_now = now;
    const qint64 nowMsecs = now.toMSecsSinceEpoch();
    for (Node &node : m_nodes) {
        if (node.relativeSeconds >= 0)
            node.msecs = nowMsecs - node.relativeSeconds * 1000;
    }
}

bool FilterPredicate::evaluate(size_t index, const Task &task) const
{
    const Node &node = m_nodes[index];
    switch (node.kind) {
    case FilterExpr::Kind::And:
        for (size_t child = index + 1; child < node.end; child = m_nodes[child].end) {
            if (!evaluate(child, task))
                return false;
        }
        return true;
    case FilterExpr::Kind::Or:
        for (size_t child = index + 1; child < node.end; child = m_nodes[child].end) {
            if (evaluate(child, task))
                return true;
        }
        return false;
    case FilterExpr::Kind::Not:
        return !evaluate(index + 1, task);
    case FilterExpr::Kind::Comparison:
        // `ne` is `not eq`: on a list, no element equals; a missing value is not equal.
        return node.op == FilterOp::Ne ? !compare(node, FilterOp::Eq, task) : compare(node, node.op, task);
    }
    return false;
}

bool FilterPredicate::compare(const Node &node, FilterOp op, const Task &task) const
{
    switch (node.type) {
    case FilterValueType::Text:
        return anyText(task, node.field, m_names.get(), [&node, op](QStringView value) {
            switch (op) {
            case FilterOp::Eq: return value == node.text;
            case FilterOp::In: return value.contains(node.text, Qt::CaseInsensitive);
            case FilterOp::Matches: return node.regex.match(value).hasMatch();
            default: return holds(op, value.compare(node.text));
            }
        });
    case FilterValueType::Number: {
        const std::optional<double> value = numberOf(task, node.field, m_now);
        return value && holds(op, order(*value, node.number));
    }
    case FilterValueType::Instant: {
        const QDateTime &value = instantOf(task, node.field);
        return value.isValid() && holds(op, order(value.toMSecsSinceEpoch(), node.msecs));
    }
    }
    return false;
}

} // namespace Taskscope
