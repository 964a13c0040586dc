// Unit tests of TaskTreeModel: tree shape, ordering, marks, roles, and the signals of snapshot diffs.
#include "snapshotdiff.h"
#include "tasklistparser.h"
#include "tasktreemodel.h"
#include "taskformat.h"
#include "taskspec.h"

#include <QAbstractItemModelTester>

#include <limits>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QPersistentModelIndex>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <memory>
#include <vector>

using namespace Taskscope;
using namespace Qt::StringLiterals;
using namespace Taskscope::TestSpec;

namespace {

using Model = TaskTreeModel;
constexpr auto Fatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

QString markText(int marks)
{
    QString s;
    if (marks & Model::OrphanMark)
        s += u" [o]"_s;
    if (marks & Model::SelfParentMark)
        s += u" [s]"_s;
    if (marks & Model::CycleMark)
        s += u" [c]"_s;
    if (marks & ~(Model::OrphanMark | Model::SelfParentMark | Model::CycleMark))
        s += u" [?"_s + QString::number(marks) + u']';
    return s;
}

QString line(int depth, const QString &id, int marks)
{
    return QString(depth * 2, u' ') + id + markText(marks) + u'\n';
}

QString idOf(const QModelIndex &index)
{
    return index.isValid() ? index.data(Model::IdRole).toString() : u"/"_s;
}

// The model as indented text through index()/rowCount() (iterative: deep trees are fine).
bool referenceLess(const Task *a, const Task *b);

// The tree as the model stores it: siblings in the order they arrived (new ones appended).
QString renderStored(const QAbstractItemModel &model, bool sorted = false)
{
    QString out;
    std::vector<std::pair<QModelIndex, int>> stack;
    const auto pushChildren = [&](const QModelIndex &parent, int depth) {
        std::vector<QModelIndex> children;
        for (int r = 0; r < model.rowCount(parent); ++r)
            children.push_back(model.index(r, 0, parent));
        if (sorted) {
            std::stable_sort(children.begin(), children.end(), [](const QModelIndex &a, const QModelIndex &b) {
                const Task x = a.data(Model::TaskRole).value<Task>(), y = b.data(Model::TaskRole).value<Task>();
                return referenceLess(&x, &y);
            });
        }
        for (auto it = children.rbegin(); it != children.rend(); ++it)
            stack.emplace_back(*it, depth);
    };
    pushChildren({}, 0);
    while (!stack.empty()) {
        const auto [index, depth] = stack.back();
        stack.pop_back();
        out += line(depth, index.data(Model::IdRole).toString(), index.data(Model::MarksRole).toInt());
        pushChildren(index, depth + 1);
    }
    return out;
}

// The tree in sibling order, as a sorting proxy shows it (and as the reference writes it).
QString renderModel(const QAbstractItemModel &model)
{
    return renderStored(model, true);
}

// The same text through forEachInTreeOrder().
QString renderForEach(const Model &model)
{
    QString out;
    model.forEachInTreeOrder([&](const Task &task, int depth) {
        out += line(depth, task.id, model.marks(model.indexForId(task.id)).toInt());
    });
    return out;
}

// The ids of rows first..last under parent and of all their descendants, each with its parent's id.
void collectSubtrees(const QAbstractItemModel *model, const QModelIndex &parent, int first, int last,
                     QList<std::pair<QString, QString>> *out)
{
    std::vector<QModelIndex> stack;
    for (int r = last; r >= first; --r)
        stack.push_back(model->index(r, 0, parent));
    while (!stack.empty()) {
        const QModelIndex index = stack.back();
        stack.pop_back();
        out->append({idOf(index), idOf(index.parent())});
        for (int r = model->rowCount(index) - 1; r >= 0; --r)
            stack.push_back(model->index(r, 0, index));
    }
}

// ---- The reference: the tree rules written independently of the model ----

bool referenceLess(const Task *a, const Task *b)
{
    if (a->orderHint.has_value() != b->orderHint.has_value())
        return a->orderHint.has_value();
    if (a->orderHint && *a->orderHint != *b->orderHint)
        return *a->orderHint < *b->orderHint;
    if (a->startTime.isValid() != b->startTime.isValid())
        return a->startTime.isValid();
    if (a->startTime.isValid() && a->startTime != b->startTime)
        return a->startTime < b->startTime;
    return a->id < b->id;
}

struct Reference
{
    QHash<QString, Task> tasks; // first occurrence of each id
    QHash<QString, int> marks;
    QList<qsizetype> duplicateIndexes;
    QStringList duplicateIds;
    QString tree;
};

Reference buildReference(const QList<Task> &snapshot)
{
    Reference ref;
    QList<const Task *> unique;
    for (qsizetype i = 0; i < snapshot.size(); ++i) {
        const Task &t = snapshot.at(i);
        if (ref.tasks.contains(t.id)) {
            ref.duplicateIndexes.append(i);
            ref.duplicateIds.append(t.id);
            continue;
        }
        ref.tasks.insert(t.id, t);
    }
    for (const Task &t : std::as_const(ref.tasks))
        unique.append(&t);

    QHash<QString, QString> parentOf;
    for (const Task *t : unique) {
        int mark = Model::NoMark;
        if (t->parentTaskID.isEmpty())
            ;
        else if (t->parentTaskID == t->id)
            mark = Model::SelfParentMark;
        else if (!ref.tasks.contains(t->parentTaskID))
            mark = Model::OrphanMark;
        else
            parentOf.insert(t->id, t->parentTaskID);
        ref.marks.insert(t->id, mark);
    }

    // Cycles: follow each chain; a chain that comes back to itself loses the link of its smallest id.
    QHash<QString, int> colour; // 1: on the current path, 2: done
    for (const Task *t : unique) {
        QStringList path;
        QString cur = t->id;
        while (colour.value(cur) == 0) {
            colour.insert(cur, 1);
            path.append(cur);
            const auto it = parentOf.constFind(cur);
            if (it == parentOf.cend())
                break;
            cur = *it;
            if (colour.value(cur) == 1) {
                const QStringList loop = path.mid(path.indexOf(cur));
                const QString smallest = *std::min_element(loop.begin(), loop.end());
                parentOf.remove(smallest);
                ref.marks[smallest] |= Model::CycleMark;
                break;
            }
        }
        for (const QString &id : std::as_const(path))
            colour.insert(id, 2);
    }

    QHash<QString, QList<const Task *>> children;
    QList<const Task *> roots;
    for (const Task *t : unique) {
        const auto it = parentOf.constFind(t->id);
        if (it == parentOf.cend())
            roots.append(t);
        else
            children[*it].append(t);
    }
    std::sort(roots.begin(), roots.end(), referenceLess);
    for (auto &list : children)
        std::sort(list.begin(), list.end(), referenceLess);

    std::vector<std::pair<const Task *, int>> stack;
    for (qsizetype i = roots.size() - 1; i >= 0; --i)
        stack.emplace_back(roots.at(i), 0);
    while (!stack.empty()) {
        const auto [t, depth] = stack.back();
        stack.pop_back();
        ref.tree += line(depth, t->id, ref.marks.value(t->id));
        const QList<const Task *> kids = children.value(t->id);
        for (qsizetype i = kids.size() - 1; i >= 0; --i)
            stack.emplace_back(kids.at(i), depth + 1);
    }
    return ref;
}

// ---- Signals ----

// One QSignalSpy per signal of QAbstractItemModel that can report a change.
struct Spies
{
    explicit Spies(QAbstractItemModel *m)
        : dataChanged(m, &QAbstractItemModel::dataChanged)
        , headerDataChanged(m, &QAbstractItemModel::headerDataChanged)
        , rowsAboutToBeInserted(m, &QAbstractItemModel::rowsAboutToBeInserted)
        , rowsInserted(m, &QAbstractItemModel::rowsInserted)
        , rowsAboutToBeRemoved(m, &QAbstractItemModel::rowsAboutToBeRemoved)
        , rowsRemoved(m, &QAbstractItemModel::rowsRemoved)
        , rowsAboutToBeMoved(m, &QAbstractItemModel::rowsAboutToBeMoved)
        , rowsMoved(m, &QAbstractItemModel::rowsMoved)
        , columnsAboutToBeInserted(m, &QAbstractItemModel::columnsAboutToBeInserted)
        , columnsInserted(m, &QAbstractItemModel::columnsInserted)
        , columnsAboutToBeRemoved(m, &QAbstractItemModel::columnsAboutToBeRemoved)
        , columnsRemoved(m, &QAbstractItemModel::columnsRemoved)
        , columnsAboutToBeMoved(m, &QAbstractItemModel::columnsAboutToBeMoved)
        , columnsMoved(m, &QAbstractItemModel::columnsMoved)
        , layoutAboutToBeChanged(m, &QAbstractItemModel::layoutAboutToBeChanged)
        , layoutChanged(m, &QAbstractItemModel::layoutChanged)
        , modelAboutToBeReset(m, &QAbstractItemModel::modelAboutToBeReset)
        , modelReset(m, &QAbstractItemModel::modelReset)
    {
    }

    std::vector<std::pair<const char *, const QSignalSpy *>> all() const
    {
        return {{"dataChanged", &dataChanged},
                {"headerDataChanged", &headerDataChanged},
                {"rowsAboutToBeInserted", &rowsAboutToBeInserted},
                {"rowsInserted", &rowsInserted},
                {"rowsAboutToBeRemoved", &rowsAboutToBeRemoved},
                {"rowsRemoved", &rowsRemoved},
                {"rowsAboutToBeMoved", &rowsAboutToBeMoved},
                {"rowsMoved", &rowsMoved},
                {"columnsAboutToBeInserted", &columnsAboutToBeInserted},
                {"columnsInserted", &columnsInserted},
                {"columnsAboutToBeRemoved", &columnsAboutToBeRemoved},
                {"columnsRemoved", &columnsRemoved},
                {"columnsAboutToBeMoved", &columnsAboutToBeMoved},
                {"columnsMoved", &columnsMoved},
                {"layoutAboutToBeChanged", &layoutAboutToBeChanged},
                {"layoutChanged", &layoutChanged},
                {"modelAboutToBeReset", &modelAboutToBeReset},
                {"modelReset", &modelReset}};
    }
    bool valid() const
    {
        const auto spies = all();
        return std::all_of(spies.begin(), spies.end(), [](const auto &s) { return s.second->isValid(); });
    }
    qsizetype total() const
    {
        qsizetype n = 0;
        for (const auto &s : all())
            n += s.second->count();
        return n;
    }
    QByteArray describe() const
    {
        QByteArray text;
        for (const auto &s : all()) {
            if (s.second->count())
                text += QByteArray(s.first) + '=' + QByteArray::number(s.second->count()) + ' ';
        }
        return text.isEmpty() ? QByteArray("no signal") : text;
    }
    void clear()
    {
        for (const auto &s : all())
            const_cast<QSignalSpy *>(s.second)->clear();
    }
    // The structure-wide signals a diff must never use once the model has rows (below the batch threshold).
    qsizetype resetsAndLayouts() const
    {
        return layoutAboutToBeChanged.count() + layoutChanged.count() + modelAboutToBeReset.count()
            + modelReset.count();
    }
    qsizetype rowSignals() const
    {
        return rowsAboutToBeInserted.count() + rowsInserted.count() + rowsAboutToBeRemoved.count()
            + rowsRemoved.count() + rowsAboutToBeMoved.count() + rowsMoved.count();
    }

    QSignalSpy dataChanged, headerDataChanged;
    QSignalSpy rowsAboutToBeInserted, rowsInserted, rowsAboutToBeRemoved, rowsRemoved, rowsAboutToBeMoved, rowsMoved;
    QSignalSpy columnsAboutToBeInserted, columnsInserted, columnsAboutToBeRemoved, columnsRemoved,
        columnsAboutToBeMoved, columnsMoved;
    QSignalSpy layoutAboutToBeChanged, layoutChanged, modelAboutToBeReset, modelReset;
};

// What a signal said, read while it was emitted (ids of parents and rows resolved at that moment).
struct Recorder
{
    struct DataChange
    {
        QString parent;
        int first, last, firstColumn, lastColumn;
        QList<int> roles;
        QStringList ids;
        bool sameParent;
    };

    explicit Recorder(QAbstractItemModel *model)
    {
        QObject::connect(model, &QAbstractItemModel::dataChanged, &context,
                         [this](const QModelIndex &tl, const QModelIndex &br, const QList<int> &roles) {
                             DataChange c{idOf(tl.parent()), tl.row(), br.row(), tl.column(), br.column(),
                                          roles, {}, tl.parent() == br.parent()};
                             for (int r = tl.row(); r <= br.row(); ++r)
                                 c.ids.append(idOf(tl.sibling(r, 0)));
                             dataChanges.append(c);
                         });
        QObject::connect(model, &QAbstractItemModel::rowsInserted, &context,
                         [this, model](const QModelIndex &parent, int first, int last) {
                             collectSubtrees(model, parent, first, last, &inserted);
                         });
        QObject::connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, &context,
                         [this, model](const QModelIndex &parent, int first, int last) {
                             collectSubtrees(model, parent, first, last, &removed);
                         });
        QObject::connect(model, &QAbstractItemModel::rowsAboutToBeMoved, &context,
                         [this, model](const QModelIndex &src, int first, int last, const QModelIndex &dst, int) {
                             for (int r = first; r <= last; ++r)
                                 moved.append(idOf(model->index(r, 0, src)) + u'@' + idOf(src) + u"->"_s
                                              + idOf(dst));
                         });
    }

    QSet<QString> changedIds() const
    {
        QSet<QString> ids;
        for (const DataChange &c : dataChanges)
            for (const QString &id : c.ids)
                ids.insert(id);
        return ids;
    }
    // "parent:first-last" per emission, sorted.
    QStringList changedRanges() const
    {
        QStringList ranges;
        for (const DataChange &c : dataChanges)
            ranges.append(c.parent + u':' + QString::number(c.first) + u'-' + QString::number(c.last));
        ranges.sort();
        return ranges;
    }
    static QStringList pairs(const QList<std::pair<QString, QString>> &list)
    {
        QStringList out;
        for (const auto &[id, parent] : list)
            out.append(id + u'@' + parent);
        out.sort();
        return out;
    }

    QObject context;
    QList<DataChange> dataChanges;
    QList<std::pair<QString, QString>> inserted; // id, parent id at insertion
    QList<std::pair<QString, QString>> removed;  // id, parent id at removal
    QStringList moved;                           // "id@from->to"
};

// RawRole as the contract defines it; nullopt where the contract leaves it open.
std::optional<QVariant> expectedRaw(const Task &t, int column, const QDateTime &now)
{
    switch (column) {
    case Model::NameColumn: return QVariant(!t.summary.isEmpty() ? t.summary : !t.name.isEmpty() ? t.name : t.id);
    case Model::InternalNameColumn: return QVariant(t.name);
    case Model::ServiceColumn: return QVariant(t.service);
    case Model::ResourceColumn: return QVariant(t.resourceURI);
    case Model::StateColumn: return QVariant(int(t.state));
    case Model::ProgressColumn: return t.percentDone ? QVariant(*t.percentDone) : QVariant();
    case Model::StartedColumn: return t.startTime.isValid() ? std::optional<QVariant>(t.startTime) : std::nullopt;
    case Model::EndedColumn: return t.endTime.isValid() ? std::optional<QVariant>(t.endTime) : std::nullopt;
    case Model::DurationColumn: {
        // task.h: end (or cancel) minus start, or now minus start while the task has not ended; a task
        // in a final state without an end time has no duration.
        if (!t.startTime.isValid())
            return QVariant();
        QDateTime end = t.endTime.isValid() ? t.endTime : t.cancelTime;
        if (!end.isValid() && !isActiveState(t.state))
            return QVariant();
        return QVariant(qint64(t.startTime.secsTo(end.isValid() ? end : now)));
    }
    }
    return std::nullopt;
}

// What one checked apply() saw.
struct ApplyResult
{
    bool layout = false;                            // one layout change instead of row signals
    qsizetype inserts = 0, removes = 0, moves = 0; // rowsInserted, rowsRemoved, rowsMoved emissions
    QStringList inserted, removed;                  // "id@parent" (subtrees included), sorted
    QStringList moved;                              // "id@from->to", sorted
    QStringList changedRanges;                      // see Recorder::changedRanges()
};

// Applies snapshots to a model and checks every invariant of a diff against the reference:
// the tree, the marks, the data, persistent indexes, which ids were inserted/removed, the coverage
// of dataChanged, and the absence of reset/layout signals. Failures are QTest failures.
class Harness
{
public:
    explicit Harness(Model *model) : m_model(model) {}

    void apply(const QList<Task> &snapshot, ApplyResult *result = nullptr)
    {
        const Reference ref = buildReference(snapshot);
        const bool wasEmpty = m_model->rowCount() == 0;

        QHash<QString, QPersistentModelIndex> persistent, persistentProgress;
        for (auto it = m_current.cbegin(); it != m_current.cend(); ++it) {
            const QModelIndex index = m_model->indexForId(it.key());
            QVERIFY2(index.isValid(), qPrintable(it.key()));
            persistent.insert(it.key(), index);
            persistentProgress.insert(it.key(), index.siblingAtColumn(Model::ProgressColumn));
        }

        Spies spies(m_model);
        QVERIFY(spies.valid());
        Recorder recorder(m_model);
        QList<ParseWarning> warnings;
        // Every other apply comes with digests, as from the parser: the model must then find the
        // same changes without comparing bytes, also when the previous version had no digest.
        const bool withDigests = ++m_applies % 2 == 0;
        QList<quint64> digests;
        for (const Task &task : snapshot)
            digests.append(rawJsonDigest(task.rawJson));
        m_model->apply(snapshot, &warnings, withDigests ? &digests : nullptr);

        const QByteArray signalsText = spies.describe();
        // Row signals, or (above the batch threshold) one layout change and no row signal; never a reset.
        const bool layout = spies.layoutChanged.count() > 0;
        if (!wasEmpty) {
            QVERIFY2(spies.modelReset.count() == 0 && spies.modelAboutToBeReset.count() == 0, signalsText.constData());
            if (layout || spies.layoutAboutToBeChanged.count() > 0) {
                QVERIFY2(spies.layoutAboutToBeChanged.count() == 1 && spies.layoutChanged.count() == 1,
                         signalsText.constData());
                QVERIFY2(spies.rowSignals() == 0, signalsText.constData());
            }
        }
        const bool reset = spies.modelReset.count() > 0 || layout;

        // The tree, both ways of walking it.
        QCOMPARE(renderModel(*m_model), ref.tree);
        QCOMPARE(renderForEach(*m_model), ref.tree);
        QCOMPARE(m_model->taskCount(), int(ref.tasks.size()));

        // The data of every task is the first occurrence in the snapshot.
        for (auto it = ref.tasks.cbegin(); it != ref.tasks.cend(); ++it) {
            const QModelIndex index = m_model->indexForId(it.key());
            QVERIFY2(index.isValid(), qPrintable(it.key()));
            QCOMPARE(index.data(Model::IdRole).toString(), it.key());
            const Task *task = m_model->task(index);
            QVERIFY(task);
            QVERIFY2(*task == *it, qPrintable(it.key()));
            QVERIFY2(index.data(Model::TaskRole).value<Task>() == *it, qPrintable(it.key()));
            for (int column = 0; column < Model::ColumnCount; ++column) {
                const auto expected = expectedRaw(*it, column, m_model->now());
                if (!expected)
                    continue;
                const QVariant raw = index.siblingAtColumn(column).data(Model::RawRole);
                QVERIFY2(raw.metaType() == expected->metaType() && raw == *expected,
                         qPrintable(it.key() + u" column "_s + QString::number(column) + u": "_s
                                    + raw.toString() + u" != "_s + expected->toString()));
            }
        }

        // Duplicates: one warning each, in snapshot order.
        QCOMPARE(warnings.size(), ref.duplicateIndexes.size());
        for (qsizetype i = 0; i < warnings.size(); ++i) {
            QCOMPARE(warnings.at(i).itemIndex, ref.duplicateIndexes.at(i));
            QCOMPARE(warnings.at(i).field, u"id"_s);
            QVERIFY(warnings.at(i).skipped);
        }

        // Survivors keep their items; the gone lose them.
        QSet<QString> gone, added, survivors;
        for (auto it = m_current.cbegin(); it != m_current.cend(); ++it)
            (ref.tasks.contains(it.key()) ? survivors : gone).insert(it.key());
        for (auto it = ref.tasks.cbegin(); it != ref.tasks.cend(); ++it)
            if (!m_current.contains(it.key()))
                added.insert(it.key());
        for (auto it = persistent.cbegin(); it != persistent.cend(); ++it) {
            const QPersistentModelIndex &p = *it;
            const QPersistentModelIndex &pp = persistentProgress[it.key()];
            if (survivors.contains(it.key())) {
                QVERIFY2(p.isValid() && pp.isValid(), qPrintable(u"persistent index lost: "_s + it.key()));
                QCOMPARE(p.data(Model::IdRole).toString(), it.key());
                QCOMPARE(QModelIndex(p), m_model->indexForId(it.key()));
                QCOMPARE(pp.column(), int(Model::ProgressColumn));
                QCOMPARE(QModelIndex(pp), m_model->indexForId(it.key(), Model::ProgressColumn));
            } else {
                QVERIFY2(!p.isValid() && !pp.isValid(), qPrintable(u"persistent index kept: "_s + it.key()));
            }
        }

        // Removed rows were gone tasks only, and every gone task was removed.
        QSet<QString> removedIds;
        for (const auto &[id, parent] : std::as_const(recorder.removed)) {
            QVERIFY2(gone.contains(id), qPrintable(u"a surviving task was removed: "_s + id));
            QVERIFY2(!removedIds.contains(id), qPrintable(u"removed twice: "_s + id));
            removedIds.insert(id);
        }
        if (!reset) {
            QCOMPARE(removedIds, gone);
            // Inserted rows were new tasks only, under their final parent, each once.
            QSet<QString> insertedIds;
            for (const auto &[id, parent] : std::as_const(recorder.inserted)) {
                QVERIFY2(added.contains(id), qPrintable(u"a surviving task was inserted again: "_s + id));
                QVERIFY2(!insertedIds.contains(id), qPrintable(u"inserted twice: "_s + id));
                insertedIds.insert(id);
                QCOMPARE(parent, idOf(m_model->indexForId(id).parent()));
            }
            QCOMPARE(insertedIds, added);
        }

        // dataChanged: well formed, and covering every surviving task whose data changed.
        for (const Recorder::DataChange &c : std::as_const(recorder.dataChanges)) {
            QVERIFY(c.sameParent);
            QVERIFY(c.first <= c.last);
            QVERIFY(c.firstColumn <= c.lastColumn);
            QVERIFY2(c.roles.contains(Qt::DisplayRole), "dataChanged without DisplayRole in its roles");
        }
        // and only those (a task whose marks changed shows something new too).
        const QSet<QString> covered = recorder.changedIds();
        QSet<QString> changed;
        for (const QString &id : std::as_const(survivors)) {
            if (!(m_current.value(id) == ref.tasks.value(id)) || m_marks.value(id) != ref.marks.value(id))
                changed.insert(id);
            if (!(m_current.value(id) == ref.tasks.value(id)))
                QVERIFY2(covered.contains(id), qPrintable(u"changed without dataChanged: "_s + id));
        }
        // Between them a range may cover unchanged siblings (one dataChanged per parent, so that a
        // sorting proxy places a level's changed rows together: see TaskTreeModel::apply), but it
        // starts and ends at changed tasks, and no parent has two.
        QSet<QString> parentsChanged;
        for (const Recorder::DataChange &c : std::as_const(recorder.dataChanges)) {
            QVERIFY2(changed.contains(c.ids.first()), qPrintable(u"dataChanged from an unchanged task: "_s + c.ids.first()));
            QVERIFY2(changed.contains(c.ids.last()), qPrintable(u"dataChanged to an unchanged task: "_s + c.ids.last()));
            QVERIFY2(!parentsChanged.contains(c.parent), qPrintable(u"two dataChanged under "_s + c.parent));
            parentsChanged.insert(c.parent);
        }

        // Nothing changed: nothing emitted.
        if (m_current == ref.tasks && !m_current.isEmpty())
            QVERIFY2(spies.total() == 0, signalsText.constData());

        if (result) {
            result->layout = layout;
            result->inserts = spies.rowsInserted.count();
            result->removes = spies.rowsRemoved.count();
            result->moves = spies.rowsMoved.count();
            result->inserted = Recorder::pairs(recorder.inserted);
            result->removed = Recorder::pairs(recorder.removed);
            result->moved = recorder.moved;
            result->moved.sort();
            result->changedRanges = recorder.changedRanges();
        }
        m_current = ref.tasks;
        m_marks = ref.marks;
    }

private:
    Model *m_model;
    QHash<QString, Task> m_current;
    int m_applies = 0;
    QHash<QString, int> m_marks;
};

#define HARNESS_APPLY(harness, ...)                                                                                    \
    do {                                                                                                               \
        (harness).apply(__VA_ARGS__);                                                                                  \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (false)

// ---- Random snapshots ----

class RandomWorld
{
public:
    explicit RandomWorld(quint32 seed) : m_rng(seed) {}

    QList<Task> next()
    {
        if (m_live.isEmpty() && m_dead.isEmpty())
            populate(200);
        else
            evolve();
        QList<Task> snapshot = m_live.values();
        std::shuffle(snapshot.begin(), snapshot.end(), m_rng);
        // Some duplicates, anywhere (one placed first wins over the real one).
        const int duplicates = int(m_rng.bounded(4));
        for (int i = 0; i < duplicates && !m_live.isEmpty(); ++i) {
            Task dup = m_live.value(pickLive());
            dup.name = u"duplicate "_s + QString::number(m_serial++);
            if (chance(50))
                dup.parentTaskID = randomParent(dup.id);
            seal(dup);
            snapshot.insert(qsizetype(m_rng.bounded(int(snapshot.size()) + 1)), dup);
        }
        return snapshot;
    }

private:
    bool chance(int percent) { return int(m_rng.bounded(100)) < percent; }
    QString pickLive()
    {
        const QStringList ids = m_live.keys();
        return ids.at(m_rng.bounded(int(ids.size())));
    }
    QString randomParent(const QString &self)
    {
        const int r = int(m_rng.bounded(100));
        if (r < 18)
            return {};
        if (r < 28) { // a parent that is not in the snapshot (possibly one that comes back later)
            if (!m_dead.isEmpty() && chance(70)) {
                const QStringList ids = m_dead.keys();
                return ids.at(m_rng.bounded(int(ids.size())));
            }
            return u"ghost"_s + QString::number(m_rng.bounded(20));
        }
        if (r < 31)
            return self;
        return m_live.isEmpty() ? QString() : pickLive();
    }
    std::optional<double> randomOrderHint()
    {
        if (chance(30))
            return std::nullopt;
        return double(m_rng.bounded(4)) + (chance(20) ? 0.5 : 0.0) - (chance(10) ? 2.0 : 0.0);
    }
    QDateTime randomStart() { return chance(25) ? QDateTime() : kBase.addSecs(m_rng.bounded(3)); }
    void randomData(Task &t)
    {
        t.percentDone = chance(20) ? std::nullopt : std::optional<double>(m_rng.bounded(101));
        t.state = TaskState(m_rng.bounded(TaskStateCount));
        t.stateText = stateText(t.state);
        t.endTime = chance(30) && t.startTime.isValid() ? t.startTime.addSecs(60) : QDateTime();
    }
    Task newTask(const QString &id)
    {
        Task t = makeTask(id);
        t.orderHint = randomOrderHint();
        t.startTime = randomStart();
        randomData(t);
        return t;
    }
    void populate(int count)
    {
        for (int i = 0; i < count; ++i) {
            const QString id = u"t"_s + QString::number(m_nextId++).rightJustified(4, u'0');
            m_live.insert(id, newTask(id));
        }
        for (Task &t : m_live) {
            t.parentTaskID = randomParent(t.id);
            seal(t);
        }
        makeLoop();
    }
    // Random parents alone rarely close a loop: close one on purpose (2 to 4 tasks).
    void makeLoop()
    {
        const int length = 2 + int(m_rng.bounded(3));
        QStringList loop;
        for (int i = 0; i < length; ++i)
            loop.append(pickLive());
        for (int i = 0; i < length; ++i) {
            Task &t = m_live[loop.at(i)];
            t.parentTaskID = loop.at((i + 1) % length);
            seal(t);
        }
    }
    void evolve()
    {
        const QStringList ids = m_live.keys();
        for (const QString &id : ids) {
            if (chance(7))
                m_dead.insert(id, m_live.take(id));
        }
        const QStringList dead = m_dead.keys();
        for (const QString &id : dead) {
            if (chance(8))
                m_live.insert(id, m_dead.take(id));
        }
        QStringList fresh;
        const int count = qMax(2, 210 - int(m_live.size())) + int(m_rng.bounded(6)); // about 200 tasks
        for (int i = 0; i < count; ++i) {
            const QString id = u"t"_s + QString::number(m_nextId++).rightJustified(4, u'0');
            m_live.insert(id, newTask(id));
            fresh.append(id);
        }
        for (auto it = m_live.begin(); it != m_live.end(); ++it) {
            Task &t = *it;
            const Task before = t;
            if (fresh.contains(t.id) || chance(5))
                t.parentTaskID = randomParent(t.id);
            if (chance(12))
                t.percentDone = m_rng.bounded(101);
            if (chance(5))
                t.orderHint = randomOrderHint();
            if (chance(4))
                t.startTime = randomStart();
            if (chance(3))
                t.name = u"renamed "_s + QString::number(m_serial++);
            if (chance(3))
                randomData(t);
            if (!(before == t) || fresh.contains(t.id))
                seal(t);
        }
        if (chance(30))
            makeLoop();
    }

    QRandomGenerator m_rng;
    QMap<QString, Task> m_live, m_dead;
    int m_nextId = 0;
    int m_serial = 0;
};

QString chainId(int i)
{
    return u"c"_s + QString::number(i).rightJustified(6, u'0');
}

} // namespace

class TestTaskTreeModel : public QObject
{
    Q_OBJECT

private slots:
    void treeShape_data();
    void treeShape();
    void duplicateIds();
    void rawRole_data();
    void rawRole();
    void displayAndOtherRoles();
    void headerFlagsAndColumns();
    void durationUsesClock();
    void localTimeHasFourDigitYears_data();
    void localTimeHasFourDigitYears();
    void sortColumnHintKeepsTheSortColumnOut();
    void identicalSnapshotEmitsNothing_data();
    void identicalSnapshotEmitsNothing();
    void singleChangeOneDataChanged_data();
    void singleChangeOneDataChanged();
    void dataChangedCoalesced_data();
    void dataChangedCoalesced();
    void reparentIsOneMove();
    void showForestCopiesTheTree();
    void changeMarksFollowTransitions();
    void watchedRole();
    void stalledAndEta();
    void orderHintChangeIsData();
    void digestsStandForBytes();
    void insertAndRemoveUnderTheirParents();
    void removedParentOrphansChildren();
    void marksChangeEmitsDataChanged();
    void persistentIndexFollowsTask();
    void lookupsConsistent();
    void deepChain_data();
    void deepChain();
    void snapshotSequence_data();
    void snapshotSequence();
    void randomSequences_data();
    void randomSequences();
};

void TestTaskTreeModel::treeShape_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("flat") << u"c; a; b"_s << u"a\nb\nc\n"_s;
    QTest::newRow("nested") << u"e; d<b; c<a; b<a; a"_s << u"a\n  b\n    d\n  c\ne\n"_s;
    QTest::newRow("orphans") << u"a; b<zz; c<a; d<yy"_s << u"a\n  c\nb [o]\nd [o]\n"_s;
    QTest::newRow("orphan keeps its children") << u"c<b; b<zz"_s << u"b [o]\n  c\n"_s;
    QTest::newRow("self-parent") << u"b<a; a<a"_s << u"a [s]\n  b\n"_s;
    QTest::newRow("2-cycle") << u"y<x; x<y"_s << u"x [c]\n  y\n"_s;
    QTest::newRow("3-cycle with tail") << u"a<b; b<c; c<a; d<a; e<b"_s << u"a [c]\n  c\n    b\n      e\n  d\n"_s;
    QTest::newRow("3-cycle, smallest id not first") << u"m<k; k<z; z<m"_s << u"k [c]\n  m\n    z\n"_s;
    QTest::newRow("cycle below nothing, two cycles") << u"q<r; r<q; b<a; a<b; x<zz"_s
                                                     << u"a [c]\n  b\nq [c]\n  r\nx [o]\n"_s;
    QTest::newRow("chain into a cycle") << u"t<u; u<v; v<w; w<v"_s << u"v [c]\n  u\n    t\n  w\n"_s;
    QTest::newRow("duplicates: first wins") << u"a; b<a; a<b n=dup; c"_s << u"a\n  b\nc\n"_s;
    QTest::newRow("duplicates: first orphan wins") << u"b<zz; a; b<a"_s << u"a\nb [o]\n"_s;
    QTest::newRow("orderHint") << u"a o=3; b o=1; c o=2; d"_s << u"b\nc\na\nd\n"_s;
    QTest::newRow("orderHint negative and fractional") << u"a o=0; b o=-1; c o=0.5; d o=-0.5"_s
                                                       << u"b\nd\na\nc\n"_s;
    QTest::newRow("without orderHint last") << u"x; y o=100"_s << u"y\nx\n"_s;
    QTest::newRow("orderHint before startTime") << u"a o=2 s=1; b o=1 s=9"_s << u"b\na\n"_s;
    QTest::newRow("startTime tiebreak") << u"a s=30; b s=10; c s=20; d"_s << u"b\nc\na\nd\n"_s;
    QTest::newRow("startTime within same orderHint") << u"a o=1 s=30; b o=1 s=10; c o=0 s=50"_s
                                                     << u"c\nb\na\n"_s;
    QTest::newRow("id tiebreak") << u"b o=1 s=5; c o=1; a o=1 s=5"_s << u"a\nb\nc\n"_s;
    QTest::newRow("id order is text order") << u"t9; t10; t2"_s << u"t10\nt2\nt9\n"_s;
    QTest::newRow("children ordered too") << u"p; c3<p o=2; c1<p o=1; c2<p s=1; c0<p"_s
                                          << u"p\n  c1\n  c3\n  c2\n  c0\n"_s;
    QTest::newRow("ordering of orphans among roots") << u"r o=2; x<zz o=1; y<zz"_s << u"x [o]\nr\ny [o]\n"_s;
}

void TestTaskTreeModel::treeShape()
{
    QFETCH(QString, spec);
    QFETCH(QString, expected);
    const QList<Task> snapshot = parseSpec(spec);
    QCOMPARE(buildReference(snapshot).tree, expected); // the test's own reference agrees

    Model model;
    QAbstractItemModelTester tester(&model, Fatal);
    Harness harness(&model);
    HARNESS_APPLY(harness, snapshot);
    QCOMPARE(renderModel(model), expected);
    QCOMPARE(renderForEach(model), expected);

    // The same snapshot in reverse order gives the same tree (duplicates aside).
    if (buildReference(snapshot).duplicateIds.isEmpty()) {
        Model reversed;
        QAbstractItemModelTester tester2(&reversed, Fatal);
        QList<Task> backwards = snapshot;
        std::reverse(backwards.begin(), backwards.end());
        reversed.apply(backwards);
        QCOMPARE(renderModel(reversed), expected);
    }
}

void TestTaskTreeModel::duplicateIds()
{
    Model model;
    QAbstractItemModelTester tester(&model, Fatal);
    const QList<Task> snapshot = parseSpec(u"a n=first; b; a<b n=second; c; a n=third; b<a n=again"_s);
    QList<ParseWarning> warnings;
    model.apply(snapshot, &warnings);

    QCOMPARE(renderModel(model), u"a\nb\nc\n"_s);
    QCOMPARE(model.taskCount(), 3);
    QCOMPARE(model.task(model.indexForId(u"a"_s))->name, u"first"_s);
    QCOMPARE(model.task(model.indexForId(u"b"_s))->name, u"Task b"_s);

    QCOMPARE(warnings.size(), 3);
    const QList<qsizetype> indexes{2, 4, 5};
    const QStringList ids{u"a"_s, u"a"_s, u"b"_s};
    for (qsizetype i = 0; i < warnings.size(); ++i) {
        QCOMPARE(warnings.at(i).itemIndex, indexes.at(i));
        QCOMPARE(warnings.at(i).field, u"id"_s);
        QVERIFY(warnings.at(i).skipped);
        QCOMPARE(warnings.at(i).taskId, ids.at(i));
        QVERIFY(!warnings.at(i).message.isEmpty());
    }

    // Without a warnings list the duplicates are still skipped; the first of the new snapshot wins.
    Spies spies(&model);
    model.apply(parseSpec(u"a n=second; a n=first; b; c"_s), nullptr);
    QCOMPARE(model.task(model.indexForId(u"a"_s))->name, u"second"_s);
    QCOMPARE(model.taskCount(), 3);
    QCOMPARE(spies.dataChanged.count(), 1);
    QCOMPARE(spies.total(), 1);
}

void TestTaskTreeModel::rawRole_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("column");
    QTest::addColumn<QVariant>("expected"); // invalid: an invalid QVariant is expected

    const auto type = [](int column) { return QByteArray(QMetaEnum::fromType<Model::Column>().valueToKey(column)); };
    const QList<std::pair<int, QVariant>> full{
        {Model::NameColumn, u"Backing up the app"_s},
        {Model::InternalNameColumn, u"Backup app"_s},
        {Model::StateColumn, int(TaskState::Completed)},
        {Model::ProgressColumn, 42.5},
        {Model::ServiceColumn, u"backup-service"_s},
        {Model::StartedColumn, kBase},
        {Model::EndedColumn, kBase.addSecs(3725)},
        {Model::DurationColumn, qint64(3725)},
        {Model::ResourceColumn, u"/accounts/a1/topology/v1/managedCluster/c1/apps/app1"_s},
    };
    for (const auto &[column, value] : full)
        QTest::addRow("full %s", type(column).constData()) << u"full"_s << column << value;
    QTest::newRow("bare Progress") << u"bare"_s << int(Model::ProgressColumn) << QVariant();
    QTest::newRow("bare Duration") << u"bare"_s << int(Model::DurationColumn) << QVariant();
    QTest::newRow("bare State") << u"bare"_s << int(Model::StateColumn) << QVariant(int(TaskState::Unknown));
    QTest::newRow("zero Progress") << u"zero"_s << int(Model::ProgressColumn) << QVariant(0.0);
    QTest::newRow("running Duration") << u"running"_s << int(Model::DurationColumn) << QVariant(qint64(90));
    QTest::newRow("running Started") << u"running"_s << int(Model::StartedColumn) << QVariant(kBase.addSecs(-90));
    QTest::newRow("failed without end: no Duration") << u"failed"_s << int(Model::DurationColumn) << QVariant();
    QTest::newRow("cancelled: Duration to cancelTime") << u"cancelled"_s << int(Model::DurationColumn)
                                                       << QVariant(qint64(20));
}

namespace {
QList<Task> roleFixture()
{
    Task full = makeTask(u"full"_s);
    full.name = u"Backup app"_s;
    full.summary = u"Backing up the app"_s;
    full.service = u"backup-service"_s;
    full.resourceURI = u"/accounts/a1/topology/v1/managedCluster/c1/apps/app1"_s;
    full.state = TaskState::Completed;
    full.stateText = u"completed"_s;
    full.percentDone = 42.5;
    full.startTime = kBase;
    full.endTime = kBase.addSecs(3725);
    full.orderHint = 1;
    seal(full);

    Task bare = makeTask(u"bare"_s, u"full"_s);
    bare.state = TaskState::Unknown;
    bare.stateText = u"weird"_s;
    seal(bare);

    Task zero = makeTask(u"zero"_s);
    zero.percentDone = 0.0;
    zero.orderHint = 2;
    seal(zero);

    Task running = makeTask(u"running"_s, u"zero"_s);
    running.startTime = kBase.addSecs(-90);
    running.percentDone = 10;
    seal(running);

    Task failed = makeTask(u"failed"_s);
    failed.startTime = kBase.addSecs(-30);
    failed.state = TaskState::Failed;
    failed.stateText = u"failed"_s;
    seal(failed);

    Task cancelled = makeTask(u"cancelled"_s);
    cancelled.startTime = kBase.addSecs(-100);
    cancelled.cancelTime = kBase.addSecs(-80);
    cancelled.state = TaskState::Cancelled;
    cancelled.stateText = u"cancelled"_s;
    seal(cancelled);
    return {full, bare, zero, running, failed, cancelled};
}
} // namespace

void TestTaskTreeModel::rawRole()
{
    QFETCH(QString, id);
    QFETCH(int, column);
    QFETCH(QVariant, expected);

    Model model;
    QAbstractItemModelTester tester(&model, Fatal);
    model.setClock([] { return kBase; });
    model.apply(roleFixture());

    const QModelIndex index = model.indexForId(id, column);
    QVERIFY(index.isValid());
    QCOMPARE(index.column(), column);
    const QVariant raw = index.data(Model::RawRole);
    if (!expected.isValid()) {
        QVERIFY2(!raw.isValid(), qPrintable(raw.toString()));
        return;
    }
    QCOMPARE(raw.metaType(), expected.metaType());
    QCOMPARE(raw, expected);
}

void TestTaskTreeModel::displayAndOtherRoles()
{
    Model model;
    QAbstractItemModelTester tester(&model, Fatal);
    model.setClock([] { return kBase; });
    const QList<Task> fixture = roleFixture();
    model.apply(fixture);

    for (const Task &t : fixture) {
        const QModelIndex index = model.indexForId(t.id);
        QVERIFY(index.isValid());
        const auto display = [&](int column) {
            const QVariant v = index.siblingAtColumn(column).data(Qt::DisplayRole);
            return v.toString();
        };
        QCOMPARE(display(Model::NameColumn), !t.summary.isEmpty() ? t.summary : !t.name.isEmpty() ? t.name : t.id);
        QCOMPARE(display(Model::InternalNameColumn), t.name);
        QCOMPARE(display(Model::ServiceColumn), t.service);
        QCOMPARE(display(Model::StateColumn), TaskFormat::stateName(t.state, t.stateText));
        QVERIFY(!display(Model::StateColumn).isEmpty());
        QCOMPARE(display(Model::ProgressColumn), TaskFormat::progress(t.percentDone));
        if (const auto seconds = t.durationSeconds(kBase))
            QCOMPARE(display(Model::DurationColumn), TaskFormat::duration(*seconds));
        QCOMPARE(!display(Model::StartedColumn).isEmpty(), t.startTime.isValid());
        QCOMPARE(!display(Model::EndedColumn).isEmpty(), t.endTime.isValid() || t.cancelTime.isValid());

        // Every role the model defines, on every column of the row.
        for (int column = 0; column < Model::ColumnCount; ++column) {
            const QModelIndex cell = index.siblingAtColumn(column);
            QCOMPARE(cell.data(Model::IdRole).toString(), t.id);
            QCOMPARE(cell.data(Model::TaskRole).value<Task>(), t);
            QCOMPARE(cell.data(Model::StateRole).toInt(), int(t.state));
            QCOMPARE(cell.data(Model::MarksRole).toInt(), int(Model::NoMark));
            QCOMPARE(cell.data(Qt::DisplayRole).metaType(), QMetaType::fromType<QString>());
            QCOMPARE(model.task(cell), model.task(index));
        }
        QVERIFY(model.task(index));
        QCOMPARE(*model.task(index), t);
    }
    QVERIFY(!model.task(QModelIndex()));
    QVERIFY(!model.data(QModelIndex(), Model::IdRole).isValid());
    QCOMPARE(TaskFormat::progress(std::nullopt), model.indexForId(u"bare"_s, Model::ProgressColumn).data().toString());
    QVERIFY(TaskFormat::progress(42.5) != TaskFormat::progress(std::nullopt));
    QVERIFY(TaskFormat::duration(3725) != TaskFormat::duration(90));

    // Marks through both accessors.
    model.apply(parseSpec(u"o<zz; s<s; x<y; y<x; n"_s));
    const QList<std::pair<QString, int>> expectedMarks{{u"o"_s, Model::OrphanMark},
                                                       {u"s"_s, Model::SelfParentMark},
                                                       {u"x"_s, Model::CycleMark},
                                                       {u"y"_s, Model::NoMark},
                                                       {u"n"_s, Model::NoMark}};
    for (const auto &[id, marks] : expectedMarks) {
        const QModelIndex index = model.indexForId(id, Model::StateColumn);
        QCOMPARE(index.data(Model::MarksRole).toInt(), marks);
        QCOMPARE(model.marks(index).toInt(), marks);
    }
}

void TestTaskTreeModel::headerFlagsAndColumns()
{
    Model model;
    QAbstractItemModelTester tester(&model, Fatal);
    model.apply(parseSpec(u"a; b<a"_s));
    QCOMPARE(int(Model::ColumnCount), 15);
    QCOMPARE(model.columnCount(), 15);
    QCOMPARE(model.columnCount(model.indexForId(u"a"_s)), 15);

    QSet<QString> headers;
    for (int c = 0; c < Model::ColumnCount; ++c) {
        const QString header = model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
        QVERIFY2(!header.isEmpty(), qPrintable(QString::number(c)));
        headers.insert(header);
    }
    QCOMPARE(headers.size(), 15);

    for (int c = 0; c < Model::ColumnCount; ++c) {
        const Qt::ItemFlags flags = model.flags(model.indexForId(u"b"_s, c));
        QVERIFY(flags & Qt::ItemIsEnabled);
        QVERIFY(flags & Qt::ItemIsSelectable);
        QVERIFY(!(flags & Qt::ItemIsEditable));
    }
    const QHash<int, QByteArray> names = model.roleNames();
    for (int role : {int(Model::RawRole), int(Model::TaskRole), int(Model::IdRole), int(Model::StateRole),
                     int(Model::MarksRole), int(Qt::DisplayRole)})
        QVERIFY2(!names.value(role).isEmpty(), qPrintable(QString::number(role)));
}

// With the sort column known, the rows whose sort key may have changed go first, in one
// dataChanged over every column with OrderRole, and the others apart, leaving that column out: a
// sorting proxy checks the place of every row of a dataChanged that covers its sort column.
void TestTaskTreeModel::sortColumnHintKeepsTheSortColumnOut()
{
    Model model;
    QAbstractItemModelTester tester(&model, Fatal);
    model.apply(parseSpec(u"t0 o=0 s=0 p=10; t1 o=1 s=10 p=10; t2 o=2 p=10; t3 o=3 s=30 p=10"_s));
    QCOMPARE(model.sortColumnHint(), -1);
    model.setSortColumnHint(Model::NameColumn);
    Recorder recorder(&model);
    // t0 and t3 move their progress; t2 starts (its place may change).
    model.apply(parseSpec(u"t0 o=0 s=0 p=50; t1 o=1 s=10 p=10; t2 o=2 s=40 p=10; t3 o=3 s=30 p=60"_s));
    QCOMPARE(recorder.dataChanges.size(), 2);
    const Recorder::DataChange &keyed = recorder.dataChanges.at(0), &rest = recorder.dataChanges.at(1);
    QCOMPARE(keyed.ids, QStringList{u"t2"_s});
    QCOMPARE(keyed.firstColumn, int(Model::NameColumn));
    QCOMPARE(keyed.lastColumn, int(Model::ColumnCount) - 1);
    QVERIFY(keyed.roles.contains(Model::OrderRole));
    QCOMPARE(rest.ids, (QStringList{u"t0"_s, u"t1"_s, u"t2"_s, u"t3"_s})); // from t0 to t3
    QCOMPARE(rest.firstColumn, int(Model::ProgressColumn));
    QVERIFY(!rest.roles.contains(Model::OrderRole));

    // Sorted by Progress: the rows whose progress moved are the keyed ones.
    model.setSortColumnHint(Model::ProgressColumn);
    recorder.dataChanges.clear();
    model.apply(parseSpec(u"t0 o=0 s=0 p=51; t1 o=1 s=10 p=10; t2 o=2 s=40 p=10 n=renamed; t3 o=3 s=30 p=60"_s));
    QCOMPARE(recorder.dataChanges.size(), 2);
    QCOMPARE(recorder.dataChanges.at(0).ids, QStringList{u"t0"_s});
    QCOMPARE(recorder.dataChanges.at(1).ids, QStringList{u"t2"_s}); // the name only: left of Progress
    QVERIFY(recorder.dataChanges.at(1).lastColumn < int(Model::ProgressColumn));

    // Unknown (the default): one dataChanged per parent.
    model.setSortColumnHint(-1);
    recorder.dataChanges.clear();
    model.apply(parseSpec(u"t0 o=0 s=0 p=52; t1 o=1 s=10 p=10; t2 o=2 s=41 p=10 n=renamed; t3 o=3 s=30 p=61"_s));
    QCOMPARE(recorder.dataChanges.size(), 1);
    QCOMPARE(recorder.dataChanges.at(0).ids, (QStringList{u"t0"_s, u"t1"_s, u"t2"_s, u"t3"_s}));
}

void TestTaskTreeModel::localTimeHasFourDigitYears_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("date");
    QTest::newRow("de") << QLocale(QLocale::German, QLocale::Germany) << u"04.03.2026"_s;
    QTest::newRow("fr") << QLocale(QLocale::French, QLocale::France) << u"04/03/2026"_s;
    QTest::newRow("en_GB") << QLocale(QLocale::English, QLocale::UnitedKingdom) << u"04/03/2026"_s;
    QTest::newRow("en_US") << QLocale(QLocale::English, QLocale::UnitedStates) << u"3/4/2026"_s;
    // Already four digits: kept as it is.
    QTest::newRow("ja") << QLocale(QLocale::Japanese, QLocale::Japan) << u"2026/03/04"_s;
}

// The locale's order and separators, with the year in four digits (de's short format gives "04.03.26").
void TestTaskTreeModel::localTimeHasFourDigitYears()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, date);
    const QLocale before;
    QLocale::setDefault(locale);
    const auto restore = qScopeGuard([&] { QLocale::setDefault(before); });
    // Noon UTC is the 4th of March in every local time zone from UTC-11 to UTC+11.
    const QDateTime instant = QDateTime::fromString(u"2026-03-04T12:00:00Z"_s, Qt::ISODate);
    const QString text = TaskFormat::localTime(instant);
    QVERIFY2(text.startsWith(date + u' '), qPrintable(text));
    QVERIFY2(text.contains(locale.toString(instant.toLocalTime().time(), u"HH:mm"_s)), qPrintable(text));

    Task task;
    task.id = u"t"_s;
    task.state = TaskState::Completed;
    task.startTime = instant;
    TaskTreeModel model;
    QAbstractItemModelTester tester(&model, Fatal);
    model.apply({task});
    QCOMPARE(model.indexForId(u"t"_s, Model::StartedColumn).data().toString(), text);
}

void TestTaskTreeModel::durationUsesClock()
{
    Model model;
    QAbstractItemModelTester tester(&model, Fatal);
    QDateTime now = kBase.addSecs(90);
    model.setClock([&now] { return now; });
    QCOMPARE(model.now(), now);

    // r1, r2 consecutive running tasks; done has ended; none has not started; r3 is running, nested.
    model.apply(parseSpec(u"r1 o=1 s=0; r2 o=2 s=30; done o=3 s=0 e=45; none o=4; top o=5; r3<top s=60"_s));
    const auto duration = [&](const QString &id) {
        return model.indexForId(id, Model::DurationColumn).data(Model::RawRole);
    };
    QCOMPARE(duration(u"r1"_s), QVariant(qint64(90)));
    QCOMPARE(duration(u"r2"_s), QVariant(qint64(60)));
    QCOMPARE(duration(u"done"_s), QVariant(qint64(45)));
    QVERIFY(!duration(u"none"_s).isValid());
    QCOMPARE(duration(u"r3"_s), QVariant(qint64(30)));

    now = kBase.addSecs(150);
    QCOMPARE(model.now(), now);
    Spies spies(&model);
    Recorder recorder(&model);
    model.refreshRunningDurations();
    QCOMPARE(duration(u"r1"_s), QVariant(qint64(150)));
    QCOMPARE(duration(u"r3"_s), QVariant(qint64(90)));
    QCOMPARE(duration(u"done"_s), QVariant(qint64(45)));
    QCOMPARE(model.indexForId(u"r1"_s, Model::DurationColumn).data().toString(), TaskFormat::duration(150));

    QCOMPARE(spies.total(), spies.dataChanged.count());
    QSet<QString> covered;
    for (const Recorder::DataChange &c : std::as_const(recorder.dataChanges)) {
        QCOMPARE(c.firstColumn, int(Model::DurationColumn));
        QCOMPARE(c.lastColumn, int(Model::DurationColumn));
        QVERIFY(!c.roles.isEmpty());
        for (const QString &id : c.ids)
            covered.insert(id);
    }
    QCOMPARE(covered, (QSet<QString>{u"r1"_s, u"r2"_s, u"r3"_s}));
    // r1 and r2 are consecutive top-level rows: one emission for both.
    QCOMPARE(recorder.changedRanges(), (QStringList{u"/:0-1"_s, u"top:0-0"_s}));

    // Applying the same snapshot under a later clock is still no change.
    now = kBase.addSecs(400);
    spies.dataChanged.clear();
    model.apply(parseSpec(u"r1 o=1 s=0; r2 o=2 s=30; done o=3 s=0 e=45; none o=4; top o=5; r3<top s=60"_s));
    QCOMPARE(spies.dataChanged.count(), 0);
}

void TestTaskTreeModel::identicalSnapshotEmitsNothing_data()
{
    QTest::addColumn<QString>("spec");
    QTest::newRow("flat") << u"a p=1; b p=2; c"_s;
    QTest::newRow("nested") << u"a; b<a o=2; c<a o=1; d<c s=5; e<d"_s;
    QTest::newRow("orphans, self-parent, cycles") << u"a<zz; b<b; c<d; d<e; e<c; f<c"_s;
    QTest::newRow("duplicates") << u"a n=x; b<a; a n=y; b<zz"_s;
    QTest::newRow("all fields") << u"a o=1 s=1 e=5 p=100 st=completed; b<a s=2 p=50 st=running; c st=bogus"_s;
}

void TestTaskTreeModel::identicalSnapshotEmitsNothing()
{
    QFETCH(QString, spec);
    Model model;
    QAbstractItemModelTester tester(&model, Fatal);
    model.setClock([] { return kBase.addSecs(10); });
    Harness harness(&model);
    HARNESS_APPLY(harness, parseSpec(spec));

    Spies spies(&model);
    QVERIFY(spies.valid());
    model.apply(parseSpec(spec)); // equal tasks, freshly built
    model.apply(parseSpec(spec));
    QVERIFY2(spies.total() == 0, spies.describe().constData());

    // The same tasks in another order (no duplicates): still nothing.
    if (!spec.contains(u"n=x")) {
        QList<Task> reversed = parseSpec(spec);
        std::reverse(reversed.begin(), reversed.end());
        model.apply(reversed);
        QVERIFY2(spies.total() == 0, spies.describe().constData());
    }
}

void TestTaskTreeModel::singleChangeOneDataChanged_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("column");

    const QList<std::pair<const char *, int>> fields{
        {"percent", Model::ProgressColumn}, {"name", Model::InternalNameColumn}, {"state", Model::StateColumn},
        {"summary", Model::NameColumn},  {"end", Model::EndedColumn},    {"service", Model::ServiceColumn},
        {"resource", Model::ResourceColumn}};
    for (const char *id : {"top", "mid", "leaf", "sib", "orphan", "cx", "cy"}) {
        for (const auto &[field, column] : fields) {
            QTest::addRow("%s %s", id, field) << QString::fromLatin1(id) << QString::fromLatin1(field) << column;
        }
    }
}

void TestTaskTreeModel::singleChangeOneDataChanged()
{
    QFETCH(QString, id);
    QFETCH(QString, field);
    QFETCH(int, column);

    const QString spec = u"top o=0 p=10 s=0; mid<top p=10 s=0; leaf<mid p=10 s=0; leaf2<mid s=0; sib o=1 s=0; "
                         "orphan<ghost p=10 s=0; cx<cy s=0; cy<cx s=0; z s=0"_s;
    Model model;
    QAbstractItemModelTester tester(&model, Fatal);
    model.setClock([] { return kBase.addSecs(500); });
    Harness harness(&model);
    HARNESS_APPLY(harness, parseSpec(spec));
    const QString treeBefore = renderModel(model);
    const QPersistentModelIndex before = model.indexForId(id);

    QList<Task> snapshot = parseSpec(spec);
    for (Task &t : snapshot) {
        if (t.id != id)
            continue;
        if (field == u"percent")
            t.percentDone = 55;
        else if (field == u"name")
            t.name = u"Renamed"_s;
        else if (field == u"state") {
            t.state = TaskState::Failed;
            t.stateText = u"failed"_s;
        } else if (field == u"summary")
            t.summary = u"Changed"_s;
        else if (field == u"end")
            t.endTime = kBase.addSecs(100);
        else if (field == u"service")
            t.service = u"other"_s;
        else if (field == u"resource")
            t.resourceURI = u"/x/y"_s;
        seal(t);
    }
    Spies spies(&model);
    Recorder recorder(&model);
    HARNESS_APPLY(harness, snapshot);
    QVERIFY2(spies.dataChanged.count() == 1 && spies.total() == 1, spies.describe().constData());
    QCOMPARE(renderModel(model), treeBefore);

    const auto args = spies.dataChanged.first();
    const auto topLeft = args.at(0).value<QModelIndex>();
    const auto bottomRight = args.at(1).value<QModelIndex>();
    const auto roles = args.at(2).value<QList<int>>();
    QCOMPARE(topLeft.row(), before.row());
    QCOMPARE(bottomRight.row(), before.row());
    QCOMPARE(topLeft.parent(), before.parent());
    QCOMPARE(bottomRight.parent(), before.parent());
    QVERIFY(topLeft.column() <= column && column <= bottomRight.column());
    QVERIFY(!roles.isEmpty());
    QVERIFY(roles.contains(Qt::DisplayRole));
    QCOMPARE(recorder.dataChanges.size(), 1);
    QCOMPARE(recorder.dataChanges.first().ids, QStringList{id});

    // The new value is what the model shows.
    const Task *task = model.task(model.indexForId(id));
    QVERIFY(task);
    const auto expected = expectedRaw(*task, column, model.now());
    QVERIFY(expected.has_value());
    QCOMPARE(model.indexForId(id, column).data(Model::RawRole), *expected);
}

void TestTaskTreeModel::dataChangedCoalesced_data()
{
    QTest::addColumn<QStringList>("changed");
    QTest::addColumn<QStringList>("expectedRanges"); // "parent:first-last", sorted

    // Top level: p(0) t0(1) t1(2) t2(3) t3(4); under p: c0..c7 at rows 0..7.
    QTest::newRow("one child") << QStringList{u"c2"_s} << QStringList{u"p:2-2"_s};
    QTest::newRow("one run") << QStringList{u"c3"_s, u"c1"_s, u"c2"_s} << QStringList{u"p:1-3"_s};
    // One range per parent, from its first changed row to its last (see TaskTreeModel::apply).
    QTest::newRow("two runs") << QStringList{u"c0"_s, u"c1"_s, u"c4"_s, u"c5"_s} << QStringList{u"p:0-5"_s};
    QTest::newRow("alternating") << QStringList{u"c1"_s, u"c3"_s, u"c5"_s} << QStringList{u"p:1-5"_s};
    QTest::newRow("all children") << QStringList{u"c0"_s, u"c1"_s, u"c2"_s, u"c3"_s, u"c4"_s, u"c5"_s, u"c6"_s,
                                                 u"c7"_s}
                                  << QStringList{u"p:0-7"_s};
    QTest::newRow("top-level run") << QStringList{u"t0"_s, u"t1"_s} << QStringList{u"/:1-2"_s};
    QTest::newRow("parent and next sibling") << QStringList{u"p"_s, u"t0"_s} << QStringList{u"/:0-1"_s};
    QTest::newRow("two parents") << QStringList{u"c7"_s, u"t3"_s} << QStringList{u"/:4-4"_s, u"p:7-7"_s};
    QTest::newRow("parent and its first child") << QStringList{u"p"_s, u"c0"_s}
                                                << QStringList{u"/:0-0"_s, u"p:0-0"_s};
}

void TestTaskTreeModel::dataChangedCoalesced()
{
    QFETCH(QStringList, changed);
    QFETCH(QStringList, expectedRanges);

    QString spec = u"p o=0; t0 o=1; t1 o=2; t2 o=3; t3 o=4"_s;
    for (int i = 0; i < 8; ++i)
        spec += u"; c"_s + QString::number(i) + u"<p o="_s + QString::number(i);
    Model model;
    QAbstractItemModelTester tester(&model, Fatal);
    Harness harness(&model);
    HARNESS_APPLY(harness, parseSpec(spec));
    const QString tree = renderModel(model);

    QList<Task> snapshot = parseSpec(spec);
    for (Task &t : snapshot) {
        if (changed.contains(t.id)) {
            t.percentDone = 77;
            seal(t);
        }
    }
    Spies spies(&model);
    Recorder recorder(&model);
    HARNESS_APPLY(harness, snapshot);
    QCOMPARE(renderModel(model), tree);
    QCOMPARE(recorder.changedRanges(), expectedRanges);
    QCOMPARE(spies.total(), spies.dataChanged.count());
    for (const auto &c : std::as_const(recorder.dataChanges))
        QVERIFY(c.roles.contains(Qt::DisplayRole));
}

// View › Freeze shows a still copy: the same tree, from one insert, and only into an empty model.
void TestTaskTreeModel::showForestCopiesTheTree()
{
    Model live;
    live.apply(parseSpec(u"p; q; w<p o=0; x<p o=1; x1<x; c1<c2; c2<c1"_s));
    Model still;
    QAbstractItemModelTester tester(&still, Fatal);
    QSignalSpy inserted(&still, &QAbstractItemModel::rowsInserted);
    QVERIFY(still.showForest(live.forest()));
    QCOMPARE(renderModel(still), renderModel(live));
    QCOMPARE(inserted.count(), 1);
    QVERIFY(!still.showForest(live.forest())); // not empty: refused, nothing changes
    QCOMPARE(inserted.count(), 1);
    // The live model moves on; the copy does not.
    live.apply(parseSpec(u"p; w<p o=0"_s));
    QCOMPARE(still.taskCount(), 7);
}

// The highlight of a state change and the failures nobody looked at, from the plans' transitions.
void TestTaskTreeModel::changeMarksFollowTransitions()
{
    Model model;
    QAbstractItemModelTester tester(&model, Fatal);
    const QDateTime t0 = kBase.addSecs(100);
    const auto applyAt = [&model](const QString &spec, const QDateTime &at) {
        QVERIFY(model.apply(SnapshotDiff::compute(model.forest(), parseSpec(spec), {}, at)));
    };
    QSignalSpy unseen(&model, &Model::unseenFailuresChanged);
    // The first snapshot is not news: a task failed already is no unseen failure, nothing is highlighted.
    applyAt(u"a st=running; b st=failed; c st=running"_s, t0);
    QCOMPARE(model.unseenFailureCount(), 0);
    QVERIFY(!model.indexForId(u"b"_s).data(Model::UnseenFailureRole).toBool());
    QVERIFY(!model.indexForId(u"a"_s).data(Model::ChangedAtRole).toDateTime().isValid());

    applyAt(u"a st=failed; b st=failed; c st=completed; d st=failed"_s, t0.addSecs(10));
    QCOMPARE(model.indexForId(u"a"_s).data(Model::ChangedAtRole).toDateTime(), t0.addSecs(10));
    QCOMPARE(model.indexForId(u"c"_s, Model::ProgressColumn).data(Model::ChangedAtRole).toDateTime(), t0.addSecs(10));
    QVERIFY(!model.indexForId(u"b"_s).data(Model::ChangedAtRole).toDateTime().isValid()); // no change
    QVERIFY(!model.indexForId(u"d"_s).data(Model::ChangedAtRole).toDateTime().isValid()); // appeared: no state change
    QCOMPARE(model.unseenFailureCount(), 2); // a, and d which appeared failed after the first snapshot
    QVERIFY(model.indexForId(u"a"_s).data(Model::UnseenFailureRole).toBool());
    QVERIFY(model.indexForId(u"d"_s).data(Model::UnseenFailureRole).toBool());
    QVERIFY(!model.indexForId(u"c"_s).data(Model::UnseenFailureRole).toBool());
    QCOMPARE(unseen.last().at(0).toInt(), 2);

    // Selecting a row marks its failure seen, with a dataChanged of that row.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.markSeen(u"a"_s);
    QCOMPARE(model.unseenFailureCount(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex(), model.indexForId(u"a"_s));
    QVERIFY(changed.first().at(2).value<QList<int>>().contains(Model::UnseenFailureRole));
    model.markSeen(u"a"_s); // twice: nothing more
    QCOMPARE(changed.count(), 1);

    // Retried: d's failure is no longer news; a gone task leaves the count.
    applyAt(u"a st=failed; c st=completed; d st=running"_s, t0.addSecs(20));
    QCOMPARE(model.unseenFailureCount(), 0);
    applyAt(u"a st=failed; c st=completed; d st=failed; e st=running"_s, t0.addSecs(30));
    QCOMPARE(model.unseenFailureCount(), 1);
    applyAt(u"a st=failed; c st=completed"_s, t0.addSecs(40));
    QCOMPARE(model.unseenFailureCount(), 0);
    QCOMPARE(unseen.last().at(0).toInt(), 0);
    // The marks of changes long past are dropped.
    applyAt(u"a st=running; c st=completed"_s, t0.addSecs(60));
    QVERIFY(!model.indexForId(u"c"_s).data(Model::ChangedAtRole).toDateTime().isValid());
    QCOMPARE(model.indexForId(u"a"_s).data(Model::ChangedAtRole).toDateTime(), t0.addSecs(60));
    model.clearChangeMarks();
    QVERIFY(!model.indexForId(u"a"_s).data(Model::ChangedAtRole).toDateTime().isValid());
}

void TestTaskTreeModel::watchedRole()
{
    Model model;
    QAbstractItemModelTester tester(&model, Fatal);
    model.apply(parseSpec(u"p; q; x<p"_s));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy watchedChanged(&model, &Model::watchedChanged);
    model.setWatched({u"p"_s, u"gone-task"_s});
    QCOMPARE(changed.count(), 1); // p's row; a task not in the tree is kept, without a signal
    QCOMPARE(changed.first().at(0).toModelIndex(), model.indexForId(u"p"_s));
    QCOMPARE(changed.first().at(1).toModelIndex().column(), Model::ColumnCount - 1);
    QVERIFY(model.indexForId(u"p"_s).data(Model::WatchedRole).toBool());
    QVERIFY(!model.indexForId(u"x"_s).data(Model::WatchedRole).toBool());
    QCOMPARE(model.indexForId(u"p"_s, Model::WatchColumn).data().toString(), u"★"_s);
    QCOMPARE(model.indexForId(u"q"_s, Model::WatchColumn).data().toString(), QString());
    QCOMPARE(model.indexForId(u"p"_s, Model::WatchColumn).data(Model::RawRole).toBool(), true);
    QCOMPARE(watchedChanged.count(), 1);
    model.setWatched({u"p"_s, u"gone-task"_s}); // the same: nothing
    QCOMPARE(watchedChanged.count(), 1);
    model.setWatched({u"q"_s});
    QCOMPARE(changed.count(), 3); // p unwatched, q watched
    QVERIFY(model.isWatched(u"q"_s) && !model.isWatched(u"p"_s));
}

void TestTaskTreeModel::stalledAndEta()
{
    Model model;
    QAbstractItemModelTester tester(&model, Fatal);
    QList<Task> tasks = parseSpec(u"r st=running p=40; s st=running p=10; d st=completed p=100"_s);
    tasks[0].eta = EtaRange{240, 360, EtaRange::Rate};
    model.apply(tasks);
    QCOMPARE(model.indexForId(u"r"_s, Model::EtaColumn).data().toString(), TaskFormat::eta(tasks[0].eta, true));
    QVERIFY(!model.indexForId(u"r"_s, Model::EtaColumn).data().toString().isEmpty());
    QCOMPARE(model.indexForId(u"r"_s, Model::EtaColumn).data(Model::RawRole).toLongLong(), 240);
    QCOMPARE(model.indexForId(u"s"_s, Model::EtaColumn).data().toString(), TaskFormat::eta(std::nullopt, true));
    QCOMPARE(model.indexForId(u"d"_s, Model::EtaColumn).data().toString(), QString()); // finished: no ETA at all
    QVERIFY(!model.indexForId(u"s"_s).data(Model::StalledRole).toBool());

    // Stalling changes the state cell (the badge's mark) and its tooltip.
    tasks[1].stalledSince = kBase.addSecs(30);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.apply(tasks);
    QCOMPARE(changed.count(), 1);
    QVERIFY(changed.first().at(0).toModelIndex().column() <= Model::StateColumn);
    QVERIFY(changed.first().at(1).toModelIndex().column() >= Model::StateColumn);
    QVERIFY(model.indexForId(u"s"_s).data(Model::StalledRole).toBool());
    QVERIFY(model.indexForId(u"s"_s, Model::StateColumn).data(Qt::ToolTipRole).toString().contains(u'\n'));
}

void TestTaskTreeModel::reparentIsOneMove()
{
    Model model;
    QAbstractItemModelTester tester(&model, Fatal);
    Harness harness(&model);
    HARNESS_APPLY(harness, parseSpec(u"p; q; q0<q o=0; q9<q o=9; w<p o=0; x<p o=1; y<p o=2; x1<x; x2<x; x21<x2"_s));
    const QPersistentModelIndex x = model.indexForId(u"x"_s);
    const QPersistentModelIndex x21 = model.indexForId(u"x21"_s);
    QCOMPARE(x.row(), 1);

    Spies spies(&model);
    ApplyResult result;
    HARNESS_APPLY(harness, parseSpec(u"p; q; q0<q o=0; q9<q o=9; w<p o=0; x<q o=1; y<p o=2; x1<x; x2<x; x21<x2"_s),
                  &result);
    QCOMPARE(renderModel(model), u"p\n  w\n  y\nq\n  q0\n  x\n    x1\n    x2\n      x21\n  q9\n"_s);
    QVERIFY2(spies.rowsMoved.count() == 1 && spies.rowsAboutToBeMoved.count() == 1, spies.describe().constData());
    QCOMPARE(spies.rowsInserted.count() + spies.rowsAboutToBeInserted.count(), 0);
    QCOMPARE(spies.rowsRemoved.count() + spies.rowsAboutToBeRemoved.count(), 0);
    QCOMPARE(spies.resetsAndLayouts(), 0);
    // rowsMoved(sourceParent, start, end, destinationParent, destinationRow)
    const auto args = spies.rowsMoved.first();
    QCOMPARE(args.at(1).toInt(), 1);
    QCOMPARE(args.at(2).toInt(), 1);
    QCOMPARE(args.at(4).toInt(), 2); // appended after q's children: the proxy places it
    QCOMPARE(result.moved, QStringList{u"x@p->q"_s});
    // At most the moved task's own row changed (its parentTaskID is part of its data), announced
    // before the move, at its old place.
    for (const QString &range : std::as_const(result.changedRanges))
        QCOMPARE(range, u"p:1-1"_s);

    QVERIFY(x.isValid() && x21.isValid());
    QCOMPARE(x.data(Model::IdRole).toString(), u"x"_s);
    QCOMPARE(idOf(x.parent()), u"q"_s);
    QCOMPARE(idOf(x21.parent()), u"x2"_s);
    QCOMPARE(idOf(x21.parent().parent()), u"x"_s);
}

// A new place among the siblings is a dataChanged over every column with OrderRole (what a
// sorting proxy re-sorts on), never a move: the stored order stays the order of arrival.
void TestTaskTreeModel::orderHintChangeIsData()
{
    Model model;
    QAbstractItemModelTester tester(&model, Fatal);
    Harness harness(&model);
    HARNESS_APPLY(harness, parseSpec(u"p; a<p o=1; b<p o=2; c<p o=3; d<p o=4; c1<c"_s));
    const QString stored = u"p\n  a\n  b\n  c\n    c1\n  d\n"_s;
    QCOMPARE(renderStored(model), stored);

    Spies spies(&model);
    ApplyResult result;
    HARNESS_APPLY(harness, parseSpec(u"p; a<p o=1; b<p o=2; c<p o=0; d<p o=4; c1<c"_s), &result);
    QCOMPARE(renderModel(model), u"p\n  c\n    c1\n  a\n  b\n  d\n"_s);
    QCOMPARE(renderForEach(model), u"p\n  c\n    c1\n  a\n  b\n  d\n"_s);
    QCOMPARE(renderStored(model), stored);
    QCOMPARE(spies.rowSignals() + spies.resetsAndLayouts(), 0);
    QCOMPARE(spies.dataChanged.count(), 1);
    const QList<QVariant> change = spies.dataChanged.first();
    QCOMPARE(idOf(change.at(0).toModelIndex()), u"c"_s);
    QCOMPARE(change.at(0).toModelIndex().column(), 0);
    QCOMPARE(change.at(1).toModelIndex().column(), int(Model::ColumnCount) - 1);
    QVERIFY(change.at(2).value<QList<int>>().contains(Model::OrderRole));

    // Last to first, and an orderHint removed (goes after every task with one).
    HARNESS_APPLY(harness, parseSpec(u"p; a<p; b<p o=2; c<p o=0; d<p o=-1; c1<c"_s), &result);
    QCOMPARE(renderModel(model), u"p\n  d\n  c\n    c1\n  b\n  a\n"_s);
    QCOMPARE(renderForEach(model), u"p\n  d\n  c\n    c1\n  b\n  a\n"_s);
    QCOMPARE(result.moves + result.inserts + result.removes, 0);

    // Equal hints fall back to the id: a full reversal through the tiebreak.
    HARNESS_APPLY(harness, parseSpec(u"p; a<p o=5; b<p o=5; c<p o=5; d<p o=5; c1<c"_s), &result);
    QCOMPARE(renderModel(model), u"p\n  a\n  b\n  c\n    c1\n  d\n"_s);
    QCOMPARE(result.moves + result.inserts + result.removes, 0);
    QCOMPARE(renderStored(model), stored);
}

// With digests (as from the parser) an unchanged task is found by its digest and size, and a
// changed one by its new digest; without, by its bytes.
void TestTaskTreeModel::digestsStandForBytes()
{
    Model model;
    QAbstractItemModelTester tester(&model, Fatal);
    const auto digestsOf = [](const QList<Task> &tasks) {
        QList<quint64> digests;
        for (const Task &task : tasks)
            digests.append(rawJsonDigest(task.rawJson));
        return digests;
    };
    QList<Task> tasks = parseSpec(u"a p=10; b<a p=20; c p=30"_s);
    QList<quint64> digests = digestsOf(tasks);
    model.apply(tasks, nullptr, &digests);
    Spies spies(&model);
    model.apply(tasks, nullptr, &digests);
    QCOMPARE(spies.dataChanged.count(), 0);
    model.apply(tasks); // without digests: the bytes, still equal
    QCOMPARE(spies.dataChanged.count(), 0);

    QList<Task> next = parseSpec(u"a p=10; b<a p=25; c p=30"_s);
    QList<quint64> nextDigests = digestsOf(next);
    QVERIFY(nextDigests.at(1) != digests.at(1));
    model.apply(next, nullptr, &nextDigests);
    QCOMPARE(spies.dataChanged.count(), 1);
    QCOMPARE(idOf(spies.dataChanged.first().at(0).toModelIndex()), u"b"_s);
    QCOMPARE(model.task(model.indexForId(u"b"_s))->percentDone, 25.0);

    // What is compared is the digest: bytes of the same size under the digest of the version in
    // the tree read as that version (a parser's digest is never wrong; this shows it is used).
    QList<Task> disguised = parseSpec(u"a p=10; b<a p=26; c p=30"_s);
    QCOMPARE(disguised.at(1).rawJson.size(), next.at(1).rawJson.size());
    model.apply(disguised, nullptr, &nextDigests);
    QCOMPARE(spies.dataChanged.count(), 1);
    model.apply(disguised); // the bytes tell
    QCOMPARE(spies.dataChanged.count(), 2);
}

void TestTaskTreeModel::insertAndRemoveUnderTheirParents()
{
    Model model;
    QAbstractItemModelTester tester(&model, Fatal);
    Harness harness(&model);
    HARNESS_APPLY(harness, parseSpec(u"a; a1<a o=1; a3<a o=3; b"_s));

    ApplyResult result;
    Spies spies(&model);
    HARNESS_APPLY(harness, parseSpec(u"a; a1<a o=1; a2<a o=2; a3<a o=3; a4<a o=4; b; b1<b; c; n; n1<n; n2<n"_s),
                  &result);
    QCOMPARE(renderModel(model), u"a\n  a1\n  a2\n  a3\n  a4\nb\n  b1\nc\nn\n  n1\n  n2\n"_s);
    QCOMPARE(result.inserted, (QStringList{u"a2@a"_s, u"a4@a"_s, u"b1@b"_s, u"c@/"_s, u"n1@n"_s, u"n2@n"_s,
                                           u"n@/"_s}));
    QCOMPARE(spies.rowsRemoved.count() + spies.rowsMoved.count() + spies.resetsAndLayouts(), 0);
    QCOMPARE(spies.rowsInserted.count(), spies.rowsAboutToBeInserted.count());
    QCOMPARE(spies.rowsInserted.count(), 3); // one block per parent (a, b, the top level); n1, n2 came with n
    QCOMPARE(spies.dataChanged.count(), 0);

    spies.rowsInserted.clear();
    spies.rowsAboutToBeInserted.clear();
    HARNESS_APPLY(harness, parseSpec(u"a; a2<a o=2; b; n; n2<n"_s), &result);
    QCOMPARE(renderModel(model), u"a\n  a2\nb\nn\n  n2\n"_s);
    QCOMPARE(result.removed, (QStringList{u"a1@a"_s, u"a3@a"_s, u"a4@a"_s, u"b1@b"_s, u"c@/"_s, u"n1@n"_s}));
    QCOMPARE(spies.rowsInserted.count() + spies.rowsMoved.count() + spies.resetsAndLayouts(), 0);
    QCOMPARE(spies.rowsRemoved.count(), spies.rowsAboutToBeRemoved.count());

    // Everything goes.
    HARNESS_APPLY(harness, QList<Task>{}, &result);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.taskCount(), 0);
    QCOMPARE(result.removed, (QStringList{u"a2@a"_s, u"a@/"_s, u"b@/"_s, u"n2@n"_s, u"n@/"_s}));
    QCOMPARE(spies.resetsAndLayouts(), 0);
}

void TestTaskTreeModel::removedParentOrphansChildren()
{
    Model model;
    QAbstractItemModelTester tester(&model, Fatal);
    Harness harness(&model);
    const QString withParent = u"a o=1; b<a; c<a; c1<c; d o=2"_s;
    HARNESS_APPLY(harness, parseSpec(withParent));
    const QPersistentModelIndex b = model.indexForId(u"b"_s), c1 = model.indexForId(u"c1"_s);

    Spies spies(&model);
    ApplyResult result;
    HARNESS_APPLY(harness, parseSpec(u"b<a; c<a; c1<c; d o=2"_s), &result);
    QCOMPARE(renderModel(model), u"d\nb [o]\nc [o]\n  c1\n"_s);
    QCOMPARE(result.removed, QStringList{u"a@/"_s});
    QVERIFY2(spies.rowsRemoved.count() == 1 && spies.rowsInserted.count() == 0, spies.describe().constData());
    QVERIFY(spies.rowsMoved.count() >= 1);
    const auto removedArgs = spies.rowsRemoved.first();
    QCOMPARE(removedArgs.at(1).toInt(), removedArgs.at(2).toInt());
    QCOMPARE(model.marks(b), Model::Marks(Model::OrphanMark));
    QCOMPARE(QModelIndex(b), model.indexForId(u"b"_s));
    QCOMPARE(idOf(c1.parent()), u"c"_s);

    // The parent comes back: the same items return under it, without their mark.
    spies.rowsRemoved.clear();
    spies.rowsInserted.clear();
    spies.rowsMoved.clear();
    HARNESS_APPLY(harness, parseSpec(withParent), &result);
    QCOMPARE(renderModel(model), u"a\n  b\n  c\n    c1\nd\n"_s);
    QCOMPARE(result.inserted, QStringList{u"a@/"_s});
    QCOMPARE(spies.rowsRemoved.count(), 0);
    QVERIFY(spies.rowsMoved.count() >= 1);
    QCOMPARE(model.marks(b), Model::Marks(Model::NoMark));
    QCOMPARE(idOf(b.parent()), u"a"_s);
}

// A task whose marks change while its own data does not (its parent vanished, or a cycle formed)
// shows something new in MarksRole: views must hear about it through dataChanged.
void TestTaskTreeModel::marksChangeEmitsDataChanged()
{
    Model model;
    QAbstractItemModelTester tester(&model, Fatal);
    Harness harness(&model);
    HARNESS_APPLY(harness, parseSpec(u"a; b<a; c<a; d"_s));

    Recorder recorder(&model);
    HARNESS_APPLY(harness, parseSpec(u"b<a; c<a; d"_s)); // b, c become orphans
    QVERIFY2(recorder.changedIds().contains(u"b"_s) && recorder.changedIds().contains(u"c"_s),
             qPrintable(recorder.changedRanges().join(u' ')));
    for (const auto &c : std::as_const(recorder.dataChanges))
        QVERIFY(c.roles.isEmpty() || c.roles.contains(Model::MarksRole));

    recorder.dataChanges.clear();
    HARNESS_APPLY(harness, parseSpec(u"a<b; b<a; c<a; d"_s)); // a comes back in a cycle with b: marked
    QCOMPARE(renderModel(model), u"a [c]\n  b\n  c\nd\n"_s);
    QVERIFY2(recorder.changedIds().contains(u"b"_s), qPrintable(recorder.changedRanges().join(u' ')));

    recorder.dataChanges.clear();
    HARNESS_APPLY(harness, parseSpec(u"a; b<a; c<a; d"_s)); // a's cycle mark goes (a's data changed too)
    QCOMPARE(renderModel(model), u"a\n  b\n  c\nd\n"_s);
    QVERIFY(recorder.changedIds().contains(u"a"_s));

    recorder.dataChanges.clear();
    HARNESS_APPLY(harness, parseSpec(u"a; b<a; c<a; d<d"_s)); // d self-parent, same row
    QVERIFY(recorder.changedIds().contains(u"d"_s));
    QCOMPARE(model.indexForId(u"d"_s).data(Model::MarksRole).toInt(), int(Model::SelfParentMark));
}

void TestTaskTreeModel::persistentIndexFollowsTask()
{
    Model model;
    QAbstractItemModelTester tester(&model, Fatal);
    Harness harness(&model);
    HARNESS_APPLY(harness, parseSpec(u"a o=1; a1<a o=1; a2<a o=2; a3<a o=3; b o=2; b1<b; c o=3"_s));
    const QPersistentModelIndex target = model.indexForId(u"a2"_s);
    const QPersistentModelIndex targetDuration = model.indexForId(u"a2"_s, Model::DurationColumn);

    const QStringList steps{
        u"a o=1; a0<a o=0; a05<a o=0.5; a1<a o=1; a2<a o=2; a3<a o=3; b o=2; b1<b; c o=3"_s, // inserts before
        u"a o=1; a2<a o=2; a3<a o=3 p=5; b o=2; b1<a o=2.5; c o=3; z o=0"_s, // removals, a move, a change
        u"a o=1; a2<a o=9 p=1; a3<a o=3; b o=2; b1<a o=2.5; c o=3; z o=0"_s, // it changes and moves last
        u"a o=1; a2<c p=1; a3<a o=3; b o=2; b1<a2; c o=3; z o=0"_s,          // it is reparented, gets a child
        u"a2<c p=1; a3<a o=3; b o=2; b1<a2; z o=0"_s,                        // both parents go: orphan
        u"a2<c p=1; a3<a o=3; b o=2; b1<a2; c o=3; z o=0; a"_s,              // a parent comes back
        u"a2<a2 p=1; b1<a2"_s,                                               // almost everything goes
        u"a2<b1 p=1; b1<a2"_s,                                               // a cycle
        u"a2<b1 p=1; b1<q; q<b1"_s,                                          // under a cycle
    };
    for (const QString &step : steps) {
        HARNESS_APPLY(harness, parseSpec(step));
        QVERIFY2(target.isValid(), qPrintable(step));
        QCOMPARE(target.data(Model::IdRole).toString(), u"a2"_s);
        QCOMPARE(QModelIndex(target), model.indexForId(u"a2"_s));
        QVERIFY(targetDuration.isValid());
        QCOMPARE(targetDuration.column(), int(Model::DurationColumn));
        QCOMPARE(targetDuration.data(Model::IdRole).toString(), u"a2"_s);
        QCOMPARE(model.task(target)->id, u"a2"_s);
    }
    HARNESS_APPLY(harness, parseSpec(u"b1"_s));
    QVERIFY(!target.isValid());
    QVERIFY(!targetDuration.isValid());
}

void TestTaskTreeModel::lookupsConsistent()
{
    Model model;
    QAbstractItemModelTester tester(&model, Fatal);
    const QList<Task> snapshot = parseSpec(u"r; r1<r o=2; r2<r o=1; r21<r2; o<ghost; o1<o; s<s; x<y; y<x; y1<y; r"_s);
    model.apply(snapshot);
    const Reference ref = buildReference(snapshot);
    QCOMPARE(model.taskCount(), 10);

    // forEachInTreeOrder and the index walk agree, with depths.
    QList<std::pair<QString, int>> visited;
    model.forEachInTreeOrder([&](const Task &task, int depth) { visited.append({task.id, depth}); });
    QList<std::pair<QString, int>> walked;
    const QStringList lines = renderModel(model).split(u'\n', Qt::SkipEmptyParts);
    for (const QString &l : lines) {
        const qsizetype indent = l.size() - l.trimmed().size();
        walked.append({l.trimmed().section(u' ', 0, 0), int(indent / 2)});
    }
    QCOMPARE(visited, walked);
    QCOMPARE(visited.size(), qsizetype(model.taskCount()));
    QCOMPARE(renderModel(model), ref.tree);

    for (const auto &[id, depth] : std::as_const(visited)) {
        const QModelIndex index = model.indexForId(id);
        QVERIFY(index.isValid());
        QCOMPARE(index.column(), 0);
        QCOMPARE(model.index(index.row(), 0, index.parent()), index);
        QCOMPARE(index.data(Model::IdRole).toString(), id);
        QCOMPARE(*model.task(index), ref.tasks.value(id));
        QCOMPARE(model.marks(index).toInt(), ref.marks.value(id));
        int d = 0;
        for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
            ++d;
        QCOMPARE(d, depth);
        const QModelIndex cell = model.indexForId(id, Model::EndedColumn);
        QCOMPARE(cell.row(), index.row());
        QCOMPARE(cell.column(), int(Model::EndedColumn));
        QCOMPARE(cell.parent(), index.parent());
        QCOMPARE(model.task(cell), model.task(index));
    }
    QVERIFY(!model.indexForId(u"ghost"_s).isValid());
    QVERIFY(!model.indexForId(QString()).isValid());
    QVERIFY(!model.task(QModelIndex()));
    QCOMPARE(model.marks(QModelIndex()), Model::Marks(Model::NoMark));
}

void TestTaskTreeModel::deepChain_data()
{
    QTest::addColumn<int>("depth");
    QTest::addColumn<QString>("order");
    QTest::newRow("10000 forward") << 10000 << u"forward"_s;
    QTest::newRow("10000 reverse") << 10000 << u"reverse"_s;
    QTest::newRow("100000 shuffled") << 100000 << u"shuffled"_s;
}

void TestTaskTreeModel::deepChain()
{
    QFETCH(int, depth);
    QFETCH(QString, order);

    QList<Task> chain;
    chain.reserve(depth);
    for (int i = 0; i < depth; ++i)
        chain.append(makeTask(chainId(i), i ? chainId(i - 1) : QString()));
    if (order == u"reverse")
        std::reverse(chain.begin(), chain.end());
    else if (order == u"shuffled")
        std::shuffle(chain.begin(), chain.end(), QRandomGenerator(7));
    const QList<Task> withoutRoot = [&] {
        QList<Task> list = chain;
        list.removeIf([](const Task &t) { return t.id == chainId(0); });
        return list;
    }();

    auto model = std::make_unique<Model>();
    QAbstractItemModelTester tester(model.get(), Fatal);
    const auto checkChain = [&](int first, int firstDepth) {
        int expected = first;
        bool ok = true;
        model->forEachInTreeOrder([&](const Task &task, int d) {
            ok = ok && task.id == chainId(expected) && d == expected - first + firstDepth;
            ++expected;
        });
        return ok && expected == depth;
    };
    const auto depthOf = [](QModelIndex index) {
        int d = 0;
        for (index = index.parent(); index.isValid(); index = index.parent())
            ++d;
        return d;
    };

    model->apply(chain);
    QCOMPARE(model->taskCount(), depth);
    QCOMPARE(model->rowCount(), 1);
    QVERIFY(checkChain(0, 0));
    const QPersistentModelIndex deepest = model->indexForId(chainId(depth - 1));
    const QPersistentModelIndex middle = model->indexForId(chainId(depth / 2));
    QVERIFY(deepest.isValid());
    QCOMPARE(depthOf(deepest), depth - 1);
    QCOMPARE(model->rowCount(deepest), 0);
    QCOMPARE(model->rowCount(middle), 1);

    Spies spies(model.get());
    model->apply(withoutRoot); // the root goes; the rest of the chain survives as an orphan
    QVERIFY2(spies.rowsRemoved.count() == 1 && spies.rowsInserted.count() == 0 && spies.resetsAndLayouts() == 0,
             spies.describe().constData());
    QCOMPARE(model->taskCount(), depth - 1);
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->marks(model->indexForId(chainId(1))), Model::Marks(Model::OrphanMark));
    QVERIFY(checkChain(1, 0));
    QVERIFY(deepest.isValid());
    QCOMPARE(deepest.data(Model::IdRole).toString(), chainId(depth - 1));
    QCOMPARE(depthOf(deepest), depth - 2);

    spies.rowsRemoved.clear();
    model->apply(chain); // the root comes back
    QVERIFY2(spies.rowsInserted.count() == 1 && spies.rowsRemoved.count() == 0 && spies.resetsAndLayouts() == 0,
             spies.describe().constData());
    QVERIFY(checkChain(0, 0));
    QCOMPARE(model->marks(model->indexForId(chainId(1))), Model::Marks(Model::NoMark));
    QCOMPARE(depthOf(deepest), depth - 1);
    QCOMPARE(middle.data(Model::IdRole).toString(), chainId(depth / 2));

    // Identical: nothing.
    spies.clear();
    model->apply(chain);
    QVERIFY2(spies.total() == 0, spies.describe().constData());

    // Only the deepest survives: a removal of the whole chain above it.
    const Task deepestTask = *std::find_if(chain.cbegin(), chain.cend(),
                                           [&](const Task &t) { return t.id == chainId(depth - 1); });
    model->apply({deepestTask});
    QCOMPARE(model->taskCount(), 1);
    QVERIFY(deepest.isValid());
    QCOMPARE(depthOf(deepest), 0);

    model->apply(chain);
    QVERIFY(checkChain(0, 0));
    model->apply({}); // everything goes at once
    QCOMPARE(model->rowCount(), 0);
    QCOMPARE(model->taskCount(), 0);
    QVERIFY(!deepest.isValid());

    model->apply(chain);
    QVERIFY(checkChain(0, 0));
    model.reset(); // destroyed with the chain in it
}

void TestTaskTreeModel::snapshotSequence_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("inserts"); // 0: none may happen, 1: some must happen, -1: either
    QTest::addColumn<int>("removes");
    QTest::addColumn<int>("moves"); // only a new parent moves a task: a new place among siblings is data

    QTest::newRow("reparent with children") << u"p; q; x<p; x1<x; x2<x"_s << u"p; q; x<q; x1<x; x2<x"_s
                                            << u"p\nq\n  x\n    x1\n    x2\n"_s << 0 << 0 << 1;
    QTest::newRow("orderHint reorder") << u"a o=1; b o=2; c o=3"_s << u"a o=1; b o=2; c o=0"_s << u"c\na\nb\n"_s << 0
                                       << 0 << 0;
    QTest::newRow("startTime reorder") << u"a s=1; b s=2"_s << u"a s=3; b s=2"_s << u"b\na\n"_s << 0 << 0 << 0;
    QTest::newRow("startTime lost") << u"a s=1; b s=2"_s << u"a; b s=2"_s << u"b\na\n"_s << 0 << 0 << 0;
    QTest::newRow("insert") << u"a; c"_s << u"a; b<a; c; d"_s << u"a\n  b\nc\nd\n"_s << 1 << 0 << 0;
    QTest::newRow("remove leaf") << u"a; b<a; c"_s << u"a; c"_s << u"a\nc\n"_s << 0 << 1 << 0;
    QTest::newRow("remove parent, children survive") << u"a; b<a; c<a; d"_s << u"b<a; c<a; d"_s
                                                     << u"b [o]\nc [o]\nd\n"_s << 0 << 1 << 1;
    QTest::newRow("parent re-added") << u"b<a; c<a"_s << u"a; b<a; c<a"_s << u"a\n  b\n  c\n"_s << 1 << 0 << 1;
    QTest::newRow("orphan adopted") << u"b<a; c"_s << u"a; b<a; c"_s << u"a\n  b\nc\n"_s << 1 << 0 << 1;
    QTest::newRow("cycle broken") << u"x<y; y<x"_s << u"x<y; y"_s << u"y\n  x\n"_s << 0 << 0 << 1;
    QTest::newRow("cycle formed") << u"a; b<a"_s << u"a<b; b<a"_s << u"a [c]\n  b\n"_s << 0 << 0 << 0;
    QTest::newRow("cycle re-cut elsewhere") << u"b<c; c<b"_s << u"a<b; b<c; c<a"_s << u"a [c]\n  c\n    b\n"_s << 1
                                            << 0 << 1;
    QTest::newRow("parent and child swap") << u"a; b<a"_s << u"a<b; b"_s << u"b\n  a\n"_s << 0 << 0 << 1;
    QTest::newRow("chain inverted") << u"a; b<a; c<b; d<c"_s << u"a<b; b<c; c<d; d"_s
                                    << u"d\n  c\n    b\n      a\n"_s << 0 << 0 << 1;
    QTest::newRow("into a former descendant") << u"a; b<a; c<b"_s << u"a<c; b; c<b"_s << u"b\n  c\n    a\n"_s << 0
                                              << 0 << 1;
    QTest::newRow("remove middle of chain") << u"a; b<a; c<b"_s << u"a; c<b"_s << u"a\nc [o]\n"_s << 0 << 1 << 1;
    QTest::newRow("replace all") << u"a; b"_s << u"c; d"_s << u"c\nd\n"_s << 1 << 1 << 0;
    QTest::newRow("remove a whole subtree") << u"a; b<a; c<b; d"_s << u"d"_s << u"d\n"_s << 0 << 1 << 0;
    QTest::newRow("duplicate takes over") << u"a n=x"_s << u"a n=y; a n=x"_s << u"a\n"_s << 0 << 0 << 0;
    QTest::newRow("data only") << u"a p=10; b<a p=20"_s << u"a p=10; b<a p=30"_s << u"a\n  b\n"_s << 0 << 0 << 0;
    QTest::newRow("orphan changes absent parent") << u"a; b<zz"_s << u"a; b<yy"_s << u"a\nb [o]\n"_s << 0 << 0 << 0;
    QTest::newRow("orphan becomes self-parent") << u"a; b<zz"_s << u"a; b<b"_s << u"a\nb [s]\n"_s << 0 << 0 << 0;
    QTest::newRow("top-level under an orphan") << u"a<zz; b"_s << u"a<zz; b<a"_s << u"a [o]\n  b\n"_s << 0 << 0 << 1;
    QTest::newRow("new parent adopts survivor") << u"s; t"_s << u"n; n1<n; s<n; t"_s << u"n\n  n1\n  s\nt\n"_s << 1
                                                << 0 << 1;
    QTest::newRow("from empty") << QString() << u"a; b<a"_s << u"a\n  b\n"_s << -1 << 0 << 0;
    QTest::newRow("to empty") << u"a; b<a"_s << QString() << QString() << 0 << 1 << 0;
    QTest::newRow("siblings rotate") << u"p; a<p o=1; b<p o=2; c<p o=3; d<p o=4"_s
                                     << u"p; a<p o=5; b<p o=6; c<p o=3; d<p o=4"_s << u"p\n  c\n  d\n  a\n  b\n"_s << 0
                                     << 0 << 0;
    QTest::newRow("move, insert and remove together")
        << u"p; q; a<p o=1; b<p o=2; c<q"_s << u"p; q; a<q o=1; n<p o=1; c<p o=0"_s
        << u"p\n  c\n  n\nq\n  a\n"_s << 1 << 1 << 1;
}

void TestTaskTreeModel::snapshotSequence()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QString, expected);
    QFETCH(int, inserts);
    QFETCH(int, removes);
    QFETCH(int, moves);
    QCOMPARE(buildReference(parseSpec(after)).tree, expected);

    Model model;
    model.setLayoutBatchThreshold(std::numeric_limits<int>::max()); // counts row signals
    QAbstractItemModelTester tester(&model, Fatal);
    Harness harness(&model);
    HARNESS_APPLY(harness, parseSpec(before));
    ApplyResult result;
    Spies spies(&model);
    HARNESS_APPLY(harness, parseSpec(after), &result);
    QCOMPARE(renderModel(model), expected);
    QCOMPARE(spies.resetsAndLayouts(), 0);
    const auto check = [](int expectation, qsizetype count) {
        return expectation < 0 || (expectation == 0 ? count == 0 : count > 0);
    };
    QVERIFY2(check(inserts, result.inserts), spies.describe().constData());
    QVERIFY2(check(removes, result.removes), spies.describe().constData());
    QVERIFY2(check(moves, result.moves), spies.describe().constData());
    QCOMPARE(spies.rowsAboutToBeInserted.count(), spies.rowsInserted.count());
    QCOMPARE(spies.rowsAboutToBeRemoved.count(), spies.rowsRemoved.count());
    QCOMPARE(spies.rowsAboutToBeMoved.count(), spies.rowsMoved.count());

    // And back again.
    HARNESS_APPLY(harness, parseSpec(before));
    QCOMPARE(renderModel(model), buildReference(parseSpec(before)).tree);
    QCOMPARE(spies.resetsAndLayouts(), 0);
}

void TestTaskTreeModel::randomSequences_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("threshold"); // of structural changes for one layout change instead of row signals
    for (quint32 seed : {1u, 3u, 20240501u}) {
        QTest::addRow("seed %u rows", seed) << seed << std::numeric_limits<int>::max();
        QTest::addRow("seed %u layout", seed) << seed << 0;
    }
    QTest::addRow("seed 7 default") << 7u << Model().layoutBatchThreshold();
}

// The strongest test: random snapshots (parents random, some absent, self and cyclic; random
// orderHints with ties, start times with ties; removals, insertions, resurrections, duplicates),
// each applied and compared in full with the test's own reference (see Harness).
void TestTaskTreeModel::randomSequences()
{
    QFETCH(quint32, seed);
    QFETCH(int, threshold);
    Model model;
    model.setLayoutBatchThreshold(threshold);
    QAbstractItemModelTester tester(&model, Fatal);
    model.setClock([] { return kBase.addSecs(3600); });
    Harness harness(&model);
    RandomWorld world(seed);
    Spies spies(&model);
    qsizetype orphans = 0, selfParents = 0, cycles = 0, maxDepth = 0;
    int layoutSteps = 0;
    for (int step = 0; step < 30; ++step) {
        const QList<Task> snapshot = world.next();
        QVERIFY2(snapshot.size() > 150 && snapshot.size() < 320, qPrintable(QString::number(snapshot.size())));
        ApplyResult result;
        HARNESS_APPLY(harness, snapshot, &result);
        layoutSteps += step > 0 && result.layout;
        if (step == 0) { // the first apply may reset
            spies.modelAboutToBeReset.clear();
            spies.modelReset.clear();
            spies.layoutAboutToBeChanged.clear();
            spies.layoutChanged.clear();
        }
        if (threshold == std::numeric_limits<int>::max())
            QVERIFY2(spies.resetsAndLayouts() == 0, qPrintable(u"step "_s + QString::number(step)));
        model.forEachInTreeOrder([&](const Task &task, int depth) {
            const int marks = model.marks(model.indexForId(task.id)).toInt();
            orphans += (marks & Model::OrphanMark) != 0;
            selfParents += (marks & Model::SelfParentMark) != 0;
            cycles += (marks & Model::CycleMark) != 0;
            maxDepth = std::max<qsizetype>(maxDepth, depth);
        });
        if (step % 10 == 9) { // the same snapshot again: nothing at all
            const qsizetype total = spies.total();
            model.apply(snapshot);
            QCOMPARE(spies.total(), total);
        }
    }
    // The generator exercised what it is meant to.
    QVERIFY2(orphans > 0 && selfParents > 0 && cycles > 0 && maxDepth >= 3,
             qPrintable(u"orphans %1 self %2 cycles %3 depth %4"_s.arg(orphans).arg(selfParents).arg(cycles).arg(maxDepth)));
    if (threshold == 0) // every structural change went through a layout change
        QCOMPARE(layoutSteps, 29);
    else if (threshold == std::numeric_limits<int>::max())
        QVERIFY(spies.rowsMoved.count() > 0 && spies.rowsInserted.count() > 0 && spies.rowsRemoved.count() > 0);
    else // the default: these polls are big (the small-change tests above prove row signals for small ones)
        QVERIFY(layoutSteps > 0);
}

QTEST_GUILESS_MAIN(TestTaskTreeModel)
#include "tst_tasktreemodel.moc"
