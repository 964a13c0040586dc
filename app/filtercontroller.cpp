// FilterController: the filter text, its edits from clicks, its counts, server clauses and saved state.
#include "filtercontroller.h"

#include "changeplan.h"
#include "filterevaluator.h"
#include "scheduler.h"
#include "taskfilterproxymodel.h"
#include "taskforest.h"
#include "tasktreemodel.h"

#include <QSettings>

#include <algorithm>

namespace Taskscope {

namespace {

const QString currentKey = QStringLiteral("Filter/current");
const QString subtreesKey = QStringLiteral("Filter/subtrees");
const QString pushDownKey = QStringLiteral("Filter/pushDown");

// The "other" chip: states this version does not know. The language has no name for them, so
// selecting them is "none of the known ones", and excluding them is "one of the known ones".
FilterEditResult editForOtherState(const QString &text, FilterController::StateAction action)
{
    if (action == FilterController::StateAction::Exclude) { // AND "one of the known states" onto what is there
        const FilterParseResult parsed = parseFilter(text);
        if (!parsed.ok())
            return FilterEditResult{QString(), parsed.error};
        std::vector<FilterExpr> known;
        for (const QString &name : knownStateApiNames())
            known.push_back(FilterExpr::comparison(FilterField::State, FilterOp::Eq, FilterValue::fromText(name)));
        return FilterEditResult{printFilter(FilterExpr::combine(
                                    FilterExpr::Kind::And,
                                    {parsed.expr, FilterExpr::combine(FilterExpr::Kind::Or, std::move(known))})),
                                std::nullopt};
    }
    // Only (and Add, which cannot be said shorter): none of the known states.
    FilterEditResult result = FilterEdit::replaceFieldClauses(text, FilterField::State, {});
    if (!result.ok() || action == FilterController::StateAction::Remove)
        return result;
    for (const QString &known : knownStateApiNames()) {
        if (result.ok())
            result = FilterEdit::excludeValue(result.text, FilterField::State, known);
    }
    return result;
}

} // namespace

FilterController::FilterController(TaskTreeModel *model, TaskFilterProxyModel *proxy, const Scheduler *clock,
                                   QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_proxy(proxy)
    , m_clock(clock)
    , m_serverFiltering(savedServerFiltering())
{
}

QString FilterController::text() const
{
    return m_proxy->filterText();
}

bool FilterController::apply(const QString &text, Persistence persistence)
{
    FilterError error;
    if (!m_proxy->setFilterText(text, &error)) {
        Q_EMIT applyFailed(error.toString());
        return false;
    }
    Q_EMIT applied(text); // applied from elsewhere too: the editor shows what is in force
    if (persistence == Persistence::Remember)
        QSettings().setValue(currentKey, text);
    Q_EMIT serverClausesChanged(serverClauses());
    recount();
    return true;
}

void FilterController::edit(const std::function<FilterEditResult(const QString &)> &change)
{
    const FilterEditResult result = change(m_editBase ? m_editBase() : text());
    if (!result.ok()) {
        Q_EMIT editFailed(tr("Cannot change the filter: %1").arg(result.error->toString()));
        return;
    }
    Q_EMIT textEdited(result.text);
}

void FilterController::applyRequest(const FilterRequest &request)
{
    edit([&request](const QString &text) {
        return request.exclude ? FilterEdit::excludeValue(text, request.field, request.value)
                               : FilterEdit::replaceFieldClauses(text, request.field, {request.value});
    });
}

void FilterController::toggleStalled()
{
    edit([](const QString &text) {
        return FilterEdit::hasFieldClause(text, FilterField::Stalled)
            ? FilterEdit::replaceFieldClauses(text, FilterField::Stalled, {})
            : FilterEdit::addClause(text, FilterField::Stalled, FilterOp::Gte, QStringLiteral("0"));
    });
}

void FilterController::onStateActivated(const QString &state, StateAction action)
{
    edit([&](const QString &text) { return editForState(text, state, action); });
}

FilterEditResult FilterController::editForState(const QString &text, const QString &state, StateAction action)
{
    if (state.isEmpty())
        return editForOtherState(text, action);
    switch (action) {
    case StateAction::Only:
        return FilterEdit::replaceFieldClauses(text, FilterField::State, {state});
    case StateAction::Add: {
        QStringList states = FilterEdit::selectedValues(text, FilterField::State);
        if (!states.contains(state))
            states.append(state);
        return FilterEdit::replaceFieldClauses(text, FilterField::State, states);
    }
    case StateAction::Exclude:
        return FilterEdit::excludeValue(text, FilterField::State, state);
    case StateAction::Remove:
        break;
    }
    const FilterEditResult removed = FilterEdit::removeClause(text, FilterField::State, state);
    return removed.ok() ? FilterEdit::removeExclusion(removed.text, FilterField::State, state) : removed;
}

void FilterController::setServerFiltering(bool on)
{
    m_serverFiltering = on;
    QSettings().setValue(pushDownKey, on);
    Q_EMIT serverClausesChanged(serverClauses());
}

QStringList FilterController::serverClauses() const
{
    if (!m_serverFiltering)
        return {};
    // Not the state clauses: the chips count every state of what the rest of the filter leaves, so
    // the other states must still arrive.
    const FilterEditResult withoutStates = FilterEdit::replaceFieldClauses(text(), FilterField::State, {});
    if (!withoutStates.ok())
        return {};
    return splitForServer(parseFilter(withoutStates.text).expr, m_clock->now()).serverClauses;
}

QString FilterController::savedText()
{
    const QString filter = QSettings().value(currentKey).toString();
    return !filter.isEmpty() && parseFilter(filter).ok() ? filter : QString();
}

bool FilterController::savedShowSubtrees()
{
    return QSettings().value(subtreesKey, false).toBool();
}

bool FilterController::savedServerFiltering()
{
    return QSettings().value(pushDownKey, true).toBool();
}

void FilterController::setShowSubtrees(bool on)
{
    m_proxy->setMode(on ? TaskFilterProxyModel::Mode::MatchesWithSubtrees : TaskFilterProxyModel::Mode::MatchesWithAncestors);
    QSettings().setValue(subtreesKey, on);
}

// The state chips count what the rest of the filter leaves: the expression without its state
// clauses. Reads only its arguments: the planner runs it on a worker with each poll's plan.
FilterCounts FilterController::countUnderFilter(const TaskForest &forest, const QString &text, const QDateTime &now)
{
    FilterCounts counts;
    counts.filter = text;
    counts.valid = true;
    const FilterEditResult rest = FilterEdit::replaceFieldClauses(text, FilterField::State, {});
    const FilterPredicate others(rest.ok() ? parseFilter(rest.text).expr : FilterExpr(), now);
    const FilterParseResult parsed = parseFilter(text);
    const FilterPredicate all(parsed.ok() ? parsed.expr : FilterExpr(), now);
    forest.forEachTask([&](const Task &task) {
        if (others.matches(task))
            ++counts.perState[size_t(task.state)];
        counts.matching += all.matches(task);
    });
    return counts;
}

FilterController::StateSelection FilterController::stateSelection(const QString &text)
{
    StateSelection selection{FilterEdit::selectedValues(text, FilterField::State),
                             FilterEdit::excludedValues(text, FilterField::State)};
    const QStringList known = knownStateApiNames();
    const auto containsAll = [&known](const QStringList &names) {
        return std::all_of(known.cbegin(), known.cend(), [&](const QString &name) { return names.contains(name); });
    };
    if (containsAll(selection.excluded)) { // none of the known states: the "other" chip is what is selected
        selection.excluded.clear();
        selection.selected.append(QString());
    } else if (containsAll(selection.selected)) { // every known state: the unknown ones are excluded
        selection.selected.clear();
        selection.excluded.append(QString());
    }
    return selection;
}

void FilterController::recount()
{
    showCounts(countUnderFilter(*m_model->forest(), text(), filterNow()));
}

ChangePlanner::WorkerStep FilterController::countStep() const
{
    return [text = text(), now = filterNow()](ChangePlan &plan) {
        plan.counts = countUnderFilter(*plan.forest, text, now);
    };
}

void FilterController::showPlanCounts(const FilterCounts &counts)
{
    if (counts.valid && counts.filter == text())
        showCounts(counts);
    else
        recount(); // the filter changed while the plan was computed
}

// The time the proxy's filter reads relative times and durations at (its clock refresh moves it).
QDateTime FilterController::filterNow() const
{
    const FilterPredicate &predicate = m_proxy->predicate();
    return predicate.isEmpty() ? m_model->now() : predicate.now();
}

void FilterController::showCounts(const FilterCounts &counts)
{
    m_matching = counts.matching;
    Q_EMIT countsChanged(counts.perState, m_matching);
    const StateSelection selection = stateSelection(counts.filter);
    Q_EMIT selectionChanged(selection.selected, selection.excluded);
}

} // namespace Taskscope
