// AttentionEngine: matches each applied plan's transitions and new stalls against the rules and
// says what deserves a notification, once per task and event, grouped when events come in bursts.
#include "attention.h"

#include "filterevaluator.h"
#include "logging.h"
#include "scheduler.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <deque>
#include <vector>

namespace Taskscope {

namespace {

// The strings' context: "Taskscope::Attention", shared with attentionrules.cpp.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Taskscope::Attention)
};

// The events a task's state makes true (a failure is also an end), as bits of AttentionEvent.
constexpr quint8 bit(AttentionEvent event)
{
    return quint8(1u << unsigned(event));
}

constexpr quint8 kStateEvents = bit(AttentionEvent::Fails) | bit(AttentionEvent::Completes) | bit(AttentionEvent::Ends);

// What happened, as one event: the most specific one (a failure is told as a failure, whichever
// rule matched it). Ends alone stands for a cancellation.
std::optional<AttentionEvent> stateEvent(TaskState state)
{
    switch (state) {
    case TaskState::Failed: return AttentionEvent::Fails;
    case TaskState::Completed: return AttentionEvent::Completes;
    case TaskState::Cancelled: return AttentionEvent::Ends;
    default: return std::nullopt;
    }
}

// The rule events that an event satisfies.
quint8 satisfiedEvents(AttentionEvent event)
{
    switch (event) {
    case AttentionEvent::Fails: return bit(AttentionEvent::Fails) | bit(AttentionEvent::Ends);
    case AttentionEvent::Completes: return bit(AttentionEvent::Completes) | bit(AttentionEvent::Ends);
    case AttentionEvent::Ends: return bit(AttentionEvent::Ends);
    case AttentionEvent::Stalls: return bit(AttentionEvent::Stalls);
    case AttentionEvent::Starts: return bit(AttentionEvent::Starts);
    }
    return 0;
}

NotificationMessage::Urgency urgencyOf(AttentionEvent event)
{
    switch (event) {
    case AttentionEvent::Fails: return NotificationMessage::Urgency::Critical;
    case AttentionEvent::Stalls:
    case AttentionEvent::Ends: return NotificationMessage::Urgency::Normal;
    case AttentionEvent::Completes:
    case AttentionEvent::Starts: return NotificationMessage::Urgency::Low;
    }
    return NotificationMessage::Urgency::Normal;
}

QString singleTitle(const AttentionItem &item)
{
    const QString &task = item.taskTitle;
    const QString &cluster = item.clusterName;
    const bool on = !cluster.isEmpty();
    switch (item.event) {
    case AttentionEvent::Fails:
        return on ? Text::tr("%1 failed on %2").arg(task, cluster)
                  : Text::tr("%1 failed").arg(task);
    case AttentionEvent::Completes:
        return on ? Text::tr("%1 completed on %2").arg(task, cluster)
                  : Text::tr("%1 completed").arg(task);
    case AttentionEvent::Ends:
        return on ? Text::tr("%1 was cancelled on %2").arg(task, cluster)
                  : Text::tr("%1 was cancelled").arg(task);
    case AttentionEvent::Stalls:
        return on ? Text::tr("%1 stalled on %2", "no progress for a long time").arg(task, cluster)
                  : Text::tr("%1 stalled", "no progress for a long time").arg(task);
    case AttentionEvent::Starts:
        return on ? Text::tr("%1 started on %2").arg(task, cluster)
                  : Text::tr("%1 started").arg(task);
    }
    return task;
}

QString groupTitle(AttentionEvent event, int n, const QString &cluster)
{
    const bool on = !cluster.isEmpty();
    switch (event) {
    case AttentionEvent::Fails:
        return on ? Text::tr("%n task(s) failed on %1", nullptr, n).arg(cluster)
                  : Text::tr("%n task(s) failed", nullptr, n);
    case AttentionEvent::Completes:
        return on ? Text::tr("%n task(s) completed on %1", nullptr, n).arg(cluster)
                  : Text::tr("%n task(s) completed", nullptr, n);
    case AttentionEvent::Ends:
        return on ? Text::tr("%n task(s) cancelled on %1", nullptr, n).arg(cluster)
                  : Text::tr("%n task(s) cancelled", nullptr, n);
    case AttentionEvent::Stalls:
        return on ? Text::tr("%n task(s) stalled on %1", "no progress for a long time", n).arg(cluster)
                  : Text::tr("%n task(s) stalled", "no progress for a long time", n);
    case AttentionEvent::Starts:
        return on ? Text::tr("%n task(s) started on %1", nullptr, n).arg(cluster)
                  : Text::tr("%n task(s) started", nullptr, n);
    }
    return {};
}

// "Backup · elastic-metrics: Snapshot failed: the volume is full"; in a group of several kinds of
// events, each line says what happened ("Backup failed on prod-east · elastic-metrics").
QString groupLine(const AttentionItem &item, bool sayEvent)
{
    QString line = sayEvent ? singleTitle(item) : item.taskTitle;
    if (!item.appName.isEmpty())
        line = Text::tr("%1 · %2", "task · app").arg(line, item.appName);
    if (!item.reason.isEmpty())
        line = Text::tr("%1: %2", "task: reason").arg(line, item.reason);
    return line;
}

// The first state detail's title and detail: what the user reads as the reason.
QString reasonOf(const Task &task)
{
    if (task.stateDetails.isEmpty())
        return {};
    const StateDetail &first = task.stateDetails.constFirst();
    if (first.title.isEmpty() || first.detail.isEmpty() || first.title == first.detail)
        return first.title.isEmpty() ? first.detail : first.title;
    return Text::tr("%1: %2", "reason title: detail").arg(first.title, first.detail);
}

} // namespace

struct AttentionEngine::Private
{
    struct Compiled
    {
        const AttentionRule *rule; // in `rules`
        FilterPredicate predicate;
    };

    Scheduler *scheduler = nullptr;
    QList<AttentionRule> rules;
    std::vector<Compiled> active; // valid and not muted, in the rules' order
    QStringList errors;
    QSet<QString> watched;
    QString connection;
    // Per task: the events already told (or already true when the session began). A bit is
    // cleared when the task leaves the state, so that entering it again is news again.
    QHash<QString, quint8> told;
    // The messages sent in the current burst window, oldest first.
    std::deque<QDateTime> sent;
    QList<AttentionItem> held; // waiting for the window to close
    std::optional<Scheduler::Handle> flushTimer;

    void compile()
    {
        active.clear();
        errors.clear();
        for (const AttentionRule &rule : std::as_const(rules)) {
            const FilterParseResult parsed = parseFilter(rule.filter);
            if (!parsed.ok()) {
                errors.append(Text::tr("Rule \"%1\": %2")
                                  .arg(rule.name.isEmpty() ? rule.filter : rule.name, parsed.error->toString()));
                qCWarning(lcModels).noquote() << "attention: rule" << rule.id << "skipped:" << parsed.error->toString();
                continue;
            }
            if (rule.muted)
                continue;
            active.push_back({&rule, FilterPredicate(parsed.expr, scheduler->now())});
        }
    }

    bool isWatched(const TaskForest &forest, int slot) const
    {
        if (watched.isEmpty())
            return false;
        for (int depth = 0; slot >= 0 && depth <= forest.size(); slot = forest.parent(slot), ++depth) {
            if (watched.contains(forest.task(slot).id))
                return true;
        }
        return false;
    }

    // The first active rule an event of the task at `slot` matches, or null.
    const AttentionRule *match(AttentionEvent event, const TaskForest &forest, int slot, const NameTablePtr &names)
    {
        const quint8 events = satisfiedEvents(event);
        const Task &task = forest.task(slot);
        std::optional<bool> watchedTask;
        for (Compiled &compiled : active) {
            const AttentionRule &rule = *compiled.rule;
            if (!(events & bit(rule.event)))
                continue;
            if (!rule.connection.isEmpty() && rule.connection != connection)
                continue;
            if (rule.watchedOnly) {
                if (!watchedTask)
                    watchedTask = isWatched(forest, slot);
                if (!*watchedTask)
                    continue;
            }
            if (!compiled.predicate.isEmpty()) {
                compiled.predicate.setNames(names);
                if (compiled.predicate.dependsOnNow())
                    compiled.predicate.setNow(scheduler->now());
                const bool matches = compiled.predicate.matches(task);
                compiled.predicate.setNames({}); // the table is only borrowed for this call
                if (!matches)
                    continue;
            }
            return &rule;
        }
        return nullptr;
    }

    AttentionItem itemFor(AttentionEvent event, const Task &task, const AttentionRule &rule,
                          const NameTable &names) const
    {
        AttentionItem item;
        item.taskId = task.id;
        item.event = event;
        item.ruleId = rule.id;
        item.taskTitle = !task.summary.isEmpty() ? task.summary : !task.name.isEmpty() ? task.name : shortId(task.id);
        item.appName = TaskPlace::of(task, NameKind::App, &names).shown(NameKind::App);
        item.clusterName = TaskPlace::of(task, NameKind::Cluster, &names).shown(NameKind::Cluster);
        if (event == AttentionEvent::Stalls) {
            const qint64 minutes = std::max<qint64>(1, task.stalledSince.secsTo(scheduler->now()) / 60);
            item.reason = task.percentDone
                ? Text::tr("No progress for %n minute(s) (at %1%)", nullptr, int(minutes))
                      .arg(qRound(*task.percentDone))
                : Text::tr("No progress for %n minute(s)", nullptr, int(minutes));
        } else if (event != AttentionEvent::Starts && event != AttentionEvent::Completes) {
            item.reason = reasonOf(task);
        }
        item.at = scheduler->now();
        return item;
    }

    bool ruleMuted(const QString &ruleId) const
    {
        return std::any_of(rules.cbegin(), rules.cend(),
                           [&](const AttentionRule &r) { return r.id == ruleId && r.muted; });
    }
};

AttentionEngine::AttentionEngine(Scheduler *scheduler, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    Q_ASSERT(scheduler);
    d->scheduler = scheduler;
}

AttentionEngine::~AttentionEngine()
{
    if (d->flushTimer)
        d->scheduler->cancel(*d->flushTimer);
}

void AttentionEngine::setRules(const QList<AttentionRule> &rules)
{
    d->rules = rules;
    d->compile();
}

QList<AttentionRule> AttentionEngine::rules() const
{
    return d->rules;
}

QStringList AttentionEngine::ruleErrors() const
{
    return d->errors;
}

void AttentionEngine::muteRule(const QString &ruleId)
{
    bool changed = false;
    for (AttentionRule &rule : d->rules) {
        if (rule.id == ruleId && !rule.muted) {
            rule.muted = true;
            changed = true;
        }
    }
    if (!changed)
        return;
    d->compile();
    Q_EMIT rulesChanged(d->rules);
}

void AttentionEngine::setWatched(const QSet<QString> &taskIds)
{
    d->watched = taskIds;
}

void AttentionEngine::setConnectionName(const QString &name)
{
    d->connection = name;
}

void AttentionEngine::onPlanApplied(const ChangePlan &plan, const NameTable &names, bool firstOfSession)
{
    Q_ASSERT(plan.forest);
    if (!plan.forest)
        return;
    const TaskForest &forest = *plan.forest;
    // The filter reads names through a shared pointer; the table is borrowed for this call only.
    const NameTablePtr borrowed(std::shared_ptr<const NameTable>(), &names);
    QList<AttentionItem> items;

    const auto consider = [&](AttentionEvent event, int slot) {
        const Task &task = forest.task(slot);
        quint8 &told = d->told[task.id];
        if (told & bit(event))
            return; // told already, and the task has not left that state since
        told |= bit(event);
        if (firstOfSession)
            return; // already true when the session began: not news
        if (const AttentionRule *rule = d->match(event, forest, slot, borrowed))
            items.append(d->itemFor(event, task, *rule, names));
    };
    const auto considerStall = [&](int slot) {
        const Task &task = forest.task(slot);
        if (task.stalledSince.isValid()) {
            consider(AttentionEvent::Stalls, slot);
        } else if (const auto it = d->told.find(task.id); it != d->told.end()) {
            *it &= quint8(~bit(AttentionEvent::Stalls)); // moving again: a later stall is news
        }
    };

    for (const StateChange &change : plan.transitions) {
        const int slot = forest.slotOf(change.taskId);
        if (slot < 0)
            continue;
        const Task &task = forest.task(slot);
        if (task.isFromHistory())
            continue; // shown from history: not something that happened now
        if (auto it = d->told.find(change.taskId); it != d->told.end()) {
            // It left the states it was told in: entering one again is news.
            const std::optional<AttentionEvent> now = stateEvent(change.to);
            *it &= quint8(~(kStateEvents & ~(now ? bit(*now) : 0)));
            if (change.to == TaskState::NotStarted) // a pause and a resume are not a start
                *it &= quint8(~bit(AttentionEvent::Starts));
        }
        if (const std::optional<AttentionEvent> event = stateEvent(change.to)) {
            consider(*event, slot);
        } else if (change.to == TaskState::Running && (change.appeared || change.from == TaskState::NotStarted)) {
            consider(AttentionEvent::Starts, slot);
        }
        if (change.appeared)
            considerStall(slot);
    }
    for (const ChangePlan::CellChange &cell : plan.changed) {
        if (cell.slot >= 0 && cell.slot < forest.size() && !forest.task(cell.slot).isFromHistory())
            considerStall(cell.slot);
    }
    // Forget the tasks the server no longer lists (a topmost gone task takes its subtree).
    if (plan.previous) {
        const TaskForest &previous = *plan.previous;
        std::vector<int> stack(plan.removals.begin(), plan.removals.end());
        while (!stack.empty() && !d->told.isEmpty()) {
            const int slot = stack.back();
            stack.pop_back();
            if (slot < 0 || slot >= previous.size())
                continue;
            d->told.remove(previous.task(slot).id);
            stack.insert(stack.end(), previous.childrenBegin(slot), previous.childrenEnd(slot));
        }
    }
    if (items.isEmpty())
        return;
    Q_EMIT itemsMatched(items);
    dispatch(items);
}

void AttentionEngine::notifyMissed(const QList<AttentionItem> &items)
{
    QList<AttentionItem> news;
    for (const AttentionItem &item : items) {
        if (!item.ruleId.isEmpty() && d->ruleMuted(item.ruleId))
            continue;
        d->told[item.taskId] |= bit(item.event); // the next snapshot does not tell it again
        news.append(item);
    }
    if (news.isEmpty())
        return;
    Q_EMIT itemsMatched(news);
    dispatch(news);
}

void AttentionEngine::reset()
{
    d->told.clear();
    d->sent.clear();
    d->held.clear();
    if (d->flushTimer) {
        d->scheduler->cancel(*d->flushTimer);
        d->flushTimer.reset();
    }
}

void AttentionEngine::dispatch(const QList<AttentionItem> &items)
{
    const QDateTime now = d->scheduler->now();
    while (!d->sent.empty() && d->sent.front().msecsTo(now) >= groupWindowMs())
        d->sent.pop_front();
    const bool holding = d->flushTimer.has_value();
    if (holding) {
        d->held.append(items);
        return;
    }
    if (items.size() > groupThreshold()) {
        d->sent.push_back(now);
        Q_EMIT notify(messageFor(items));
        return;
    }
    for (const AttentionItem &item : items) {
        if (qsizetype(d->sent.size()) >= groupThreshold()) {
            d->held.append(item);
            continue;
        }
        d->sent.push_back(now);
        Q_EMIT notify(messageFor({item}));
    }
    if (!d->held.isEmpty() && !d->flushTimer) {
        // The window of the burst closes groupWindowMs() after its first message.
        const qint64 delay = std::max<qint64>(0, groupWindowMs() - d->sent.front().msecsTo(now));
        d->flushTimer = d->scheduler->schedule(delay, [this] { flushHeld(); });
    }
}

void AttentionEngine::flushHeld()
{
    d->flushTimer.reset();
    const QList<AttentionItem> held = std::exchange(d->held, {});
    d->sent.clear();
    if (held.isEmpty())
        return;
    d->sent.push_back(d->scheduler->now());
    Q_EMIT notify(messageFor(held));
}

NotificationMessage AttentionEngine::messageFor(const QList<AttentionItem> &items) const
{
    Q_ASSERT(!items.isEmpty());
    NotificationMessage message;
    message.at = d->scheduler->now();
    if (items.size() == 1) {
        const AttentionItem &item = items.constFirst();
        message.key = item.taskId;
        message.title = singleTitle(item);
        QStringList body;
        if (!item.appName.isEmpty())
            body.append(item.appName);
        if (!item.reason.isEmpty())
            body.append(item.reason);
        message.body = body.join(u'\n');
        message.urgency = urgencyOf(item.event);
        message.taskIds = {item.taskId};
        message.ruleId = item.ruleId;
        return message;
    }
    const AttentionItem &first = items.constFirst();
    bool sameEvent = true, sameCluster = true, sameRule = true;
    message.urgency = NotificationMessage::Urgency::Low;
    for (const AttentionItem &item : items) {
        sameEvent = sameEvent && item.event == first.event;
        sameCluster = sameCluster && item.clusterName == first.clusterName;
        sameRule = sameRule && item.ruleId == first.ruleId;
        message.urgency = std::max(message.urgency, urgencyOf(item.event));
        message.taskIds.append(item.taskId);
    }
    const int n = int(items.size());
    message.key = QStringLiteral("group");
    message.title = sameEvent ? groupTitle(first.event, n, sameCluster ? first.clusterName : QString())
                              : Text::tr("%n event(s)", "tasks that need attention", n);
    constexpr int kLines = 5;
    QStringList lines;
    for (int i = 0; i < std::min(n, kLines); ++i)
        lines.append(groupLine(items.at(i), !sameEvent));
    if (n > kLines)
        lines.append(Text::tr("…and %n more", nullptr, n - kLines));
    message.body = lines.join(u'\n');
    // "Mute this rule" on a group means something only when one rule matched them all.
    message.ruleId = sameRule ? first.ruleId : QString();
    return message;
}

} // namespace Taskscope
