// TreePlan: a tree's whole life, decided when it is scheduled, and what its tasks show at any time.
#pragma once

#include "taskrecord.h"

#include <QtGlobal>

#include <array>
#include <vector>

class QRandomGenerator;

namespace Taskscope::Demo {

struct Topology;

struct Segment {
    qint64 begin;
    qint64 end;
    TaskState state; // Running, Pausing, Paused or Cancelling
    int step;
    double fracBegin; // progress of the step at begin and end (0..1)
    double fracEnd;
};

struct TreePlan {
    int kind = 0;
    int app = 0;
    int user = 0;
    bool scheduled = false;
    bool daily = false;
    qint64 created = 0; // scheduled (notStarted from here)
    qint64 start = 0;   // running from here
    qint64 end = 0;     // completed, failed or cancelled from here
    qint64 retire = 0;  // gone from the list from here
    qint64 cancelAt = -1;
    TaskState outcome = TaskState::Completed;
    int termStep = 0;     // the step that failed or was cancelled
    double termFrac = 1;  // its progress then
    int steps = 1;
    std::array<qint64, 3> work{};
    std::array<qint64, 3> stepStart{-1, -1, -1};
    std::array<qint64, 3> stepEnd{-1, -1, -1};
    std::vector<Segment> segments; // contiguous from start to end
};

// Draws the plan of a tree scheduled at `created` (microseconds): kind, app, user, the work of each
// step, an optional pause, and how it ends; durations divided by `speed`.
// `failWithinUs` > 0: the tree fails, without a pause, within that many microseconds of `created`
// (whatever the speed): the demo's "a failure within a minute" (ScenarioConfig::failWithinSeconds).
TreePlan makePlan(QRandomGenerator &rng, qint64 created, const Topology &topo, double speed, qint64 retentionUs,
                  qint64 failWithinUs = 0);

// What a task shows at a time.
struct Observed {
    TaskState state = TaskState::NotStarted;
    double percent = 0;
    qint64 start = -1;
    qint64 end = -1;
    qint64 cancel = -1;
    qint64 modified = 0;
};

// What task `task` of the tree shows at `t`: 0 is the root, 1.. the subtasks (step = task - 1) of
// trees that have them.
Observed observe(const TreePlan &plan, bool hasSubtasks, int task, qint64 t);
// The next time after `t` at which any task of the tree shows something else.
qint64 nextChange(const TreePlan &plan, bool hasSubtasks, qint64 t);

} // namespace Taskscope::Demo
