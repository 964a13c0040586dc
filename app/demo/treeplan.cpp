// TreePlan: a tree's whole life, decided when it is scheduled, and what its tasks show at any time.
#include "treeplan.h"

#include "catalogue.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace Taskscope::Demo {

namespace {

constexpr double kQuantum = 0.25; // percentDone moves in quarter percents, like 20.25 in the reference example

double uniform(QRandomGenerator &rng, double low, double high)
{
    return low + (high - low) * rng.generateDouble();
}

// percentDone along a running segment: p(t) = p0 + slope * (t - begin), in percent.
struct Linear {
    qint64 begin;
    double p0;
    double slope; // percent per microsecond

    double at(qint64 t) const { return p0 + slope * double(t - begin); }
};

double quantize(double percent)
{
    return std::clamp(std::floor(percent / kQuantum) * kQuantum, 0.0, 100.0);
}

// When the quantized value shown at `t` was first reached within the segment.
qint64 reachedAt(const Linear &line, qint64 t)
{
    const double shown = quantize(line.at(t));
    if (line.slope <= 0 || shown <= line.p0)
        return line.begin;
    const qint64 when = line.begin + qint64(std::ceil((shown - line.p0) / line.slope));
    return std::clamp(when, line.begin, t);
}

// When the quantized value next changes (or `segmentEnd`, whichever is first).
qint64 nextStepAt(const Linear &line, qint64 t, qint64 segmentEnd)
{
    if (line.slope <= 0)
        return segmentEnd;
    const double target = quantize(line.at(t)) + kQuantum;
    const double offset = std::ceil((target - line.p0) / line.slope);
    if (offset >= double(segmentEnd - line.begin))
        return segmentEnd;
    return std::max(line.begin + qint64(offset), t + 1);
}

double totalWork(const TreePlan &plan)
{
    double total = 0;
    for (int i = 0; i < plan.steps; ++i)
        total += double(plan.work[size_t(i)]);
    return total;
}

double workBefore(const TreePlan &plan, int step)
{
    double sum = 0;
    for (int i = 0; i < step; ++i)
        sum += double(plan.work[size_t(i)]);
    return sum;
}

Linear stepLine(const Segment &seg)
{
    const double span = double(seg.end - seg.begin);
    return {seg.begin, 100 * seg.fracBegin, 100 * (seg.fracEnd - seg.fracBegin) / span};
}

Linear rootLine(const TreePlan &plan, const Segment &seg)
{
    const double total = totalWork(plan);
    const double work = double(plan.work[size_t(seg.step)]);
    const double span = double(seg.end - seg.begin);
    return {seg.begin, 100 * (workBefore(plan, seg.step) + work * seg.fracBegin) / total,
            100 * work * (seg.fracEnd - seg.fracBegin) / (span * total)};
}

const Segment &segmentAt(const TreePlan &plan, qint64 t)
{
    for (const Segment &seg : plan.segments) {
        if (t < seg.end)
            return seg;
    }
    return plan.segments.back();
}

} // namespace

TreePlan makePlan(QRandomGenerator &rng, qint64 created, const Topology &topo, double speed, qint64 retentionUs,
                  qint64 failWithinUs)
{
    auto usecs = [speed](double seconds) {
        return std::max<qint64>(1000, qint64(std::llround(seconds * double(kUsPerSecond) / speed)));
    };

    // A fixed sequence of draws, whatever the outcome.
    const double kindRoll = rng.generateDouble();
    TreePlan plan;
    plan.created = created;
    plan.app = int(rng.bounded(quint32(topo.apps.size())));
    plan.user = int(rng.bounded(quint32(topo.users.size())));
    const double scheduleRoll = rng.generateDouble();
    const double outcomeRoll = rng.generateDouble();
    const double termStepRoll = rng.generateDouble();
    const double termFrac = uniform(rng, 0.05, 0.95);
    const double pauseRoll = rng.generateDouble();
    const double pauseStepRoll = rng.generateDouble();
    const double pauseFrac = uniform(rng, 0.1, 0.9);
    qint64 queue = usecs(uniform(rng, kQueueSeconds[0], kQueueSeconds[1]));
    const qint64 pausing = usecs(uniform(rng, kPausingSeconds[0], kPausingSeconds[1]));
    const qint64 paused = usecs(uniform(rng, kPausedSeconds[0], kPausedSeconds[1]));
    const qint64 cancelling = usecs(uniform(rng, kCancellingSeconds[0], kCancellingSeconds[1]));
    std::array<double, 3> workRolls{};
    for (double &roll : workRolls)
        roll = rng.generateDouble();

    double acc = 0;
    plan.kind = int(std::size(kTreeKinds)) - 1;
    for (int i = 0; i < int(std::size(kTreeKinds)); ++i) {
        acc += kTreeKinds[i].weight;
        if (kindRoll < acc) {
            plan.kind = i;
            break;
        }
    }
    if (failWithinUs > 0)
        plan.kind = 0; // a backup: what an operator watches most
    const TreeKind &kind = kTreeKinds[plan.kind];
    plan.steps = stepCount(kind);
    plan.scheduled = kind.schedulable && scheduleRoll < 0.7;
    plan.daily = scheduleRoll < 0.2;
    for (int i = 0; i < plan.steps; ++i) {
        const TaskKind &step = stepKind(kind, i);
        plan.work[size_t(i)] = usecs(step.minSeconds + (step.maxSeconds - step.minSeconds) * workRolls[size_t(i)]);
    }
    if (failWithinUs > 0) {
        // Queued for a twentieth of the time, then every step shares 90% of it: the failure comes
        // during the last step, before failWithinUs.
        queue = std::min(queue, failWithinUs / 20);
        for (int i = 0; i < plan.steps; ++i)
            plan.work[size_t(i)] = std::max<qint64>(1000, failWithinUs * 9 / 10 / plan.steps);
    }
    if (failWithinUs > 0 || outcomeRoll < kFailProbability)
        plan.outcome = TaskState::Failed;
    else if (outcomeRoll < kFailProbability + kCancelProbability)
        plan.outcome = TaskState::Cancelled;
    const bool ends = plan.outcome != TaskState::Completed;
    plan.termStep = ends ? std::min(plan.steps - 1, int(termStepRoll * plan.steps)) : plan.steps - 1;
    const int pauseStep = std::min(plan.steps - 1, int(pauseStepRoll * plan.steps));
    const bool pause = failWithinUs <= 0 && pauseRoll < kPauseProbability
                       && !(ends && (pauseStep > plan.termStep || (pauseStep == plan.termStep && pauseFrac >= termFrac)));

    qint64 t = created + queue;
    plan.start = t;
    for (int i = 0; i < plan.steps; ++i) {
        const auto s = size_t(i);
        plan.stepStart[s] = t;
        double frac = 0;
        auto run = [&](double to) {
            const qint64 duration = std::max<qint64>(1, std::llround(double(plan.work[s]) * (to - frac)));
            plan.segments.push_back({t, t + duration, TaskState::Running, i, frac, to});
            t += duration;
            frac = to;
        };
        auto hold = [&](TaskState state, qint64 duration) {
            plan.segments.push_back({t, t + duration, state, i, frac, frac});
            t += duration;
        };
        if (pause && pauseStep == i) {
            run(pauseFrac);
            hold(TaskState::Pausing, pausing);
            hold(TaskState::Paused, paused);
        }
        if (ends && plan.termStep == i) {
            run(termFrac);
            plan.termFrac = frac;
            if (plan.outcome == TaskState::Cancelled) {
                plan.cancelAt = t;
                hold(TaskState::Cancelling, cancelling);
            }
            break;
        }
        run(1.0);
        plan.stepEnd[s] = t;
    }
    plan.end = t;
    plan.retire = plan.end + retentionUs;
    return plan;
}

Observed observe(const TreePlan &plan, bool hasSubtasks, int task, qint64 t)
{
    Observed o;
    o.modified = plan.created;
    if (t < plan.start)
        return o;
    const bool root = task == 0;
    const int step = hasSubtasks ? task - 1 : 0;

    if (t >= plan.end) {
        if (root) {
            o.start = plan.start;
            o.end = o.modified = plan.end;
            o.state = plan.outcome;
            if (plan.outcome == TaskState::Completed) {
                o.percent = 100;
            } else {
                o.percent = quantize(100 * (workBefore(plan, plan.termStep)
                                            + double(plan.work[size_t(plan.termStep)]) * plan.termFrac)
                                     / totalWork(plan));
                o.cancel = plan.cancelAt;
            }
            return o;
        }
        if (plan.outcome == TaskState::Completed || step < plan.termStep) {
            o.state = TaskState::Completed;
            o.percent = 100;
            o.start = plan.stepStart[size_t(step)];
            o.end = o.modified = plan.stepEnd[size_t(step)];
        } else if (step == plan.termStep) {
            o.state = plan.outcome;
            o.percent = quantize(100 * plan.termFrac);
            o.start = plan.stepStart[size_t(step)];
            o.end = o.modified = plan.end;
            o.cancel = plan.cancelAt;
        }
        return o;
    }

    const Segment &seg = segmentAt(plan, t);
    if (!root && step != seg.step) {
        if (step < seg.step) {
            o.state = TaskState::Completed;
            o.percent = 100;
            o.start = plan.stepStart[size_t(step)];
            o.end = o.modified = plan.stepEnd[size_t(step)];
        }
        return o;
    }
    const Linear line = root ? rootLine(plan, seg) : stepLine(seg);
    o.state = seg.state;
    o.start = root ? plan.start : plan.stepStart[size_t(step)];
    o.percent = quantize(line.at(t));
    o.modified = seg.state == TaskState::Running ? reachedAt(line, t) : seg.begin;
    if (seg.state == TaskState::Cancelling)
        o.cancel = plan.cancelAt;
    return o;
}

qint64 nextChange(const TreePlan &plan, bool hasSubtasks, qint64 t)
{
    if (t < plan.start)
        return plan.start;
    if (t >= plan.end)
        return plan.retire;
    const Segment &seg = segmentAt(plan, t);
    qint64 next = seg.end;
    if (seg.state == TaskState::Running) {
        next = std::min(next, nextStepAt(rootLine(plan, seg), t, seg.end));
        if (hasSubtasks)
            next = std::min(next, nextStepAt(stepLine(seg), t, seg.end));
    }
    return std::max(next, t + 1);
}

} // namespace Taskscope::Demo
