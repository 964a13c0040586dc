// Scenario: the demo server's deterministic task simulator (no networking, driven by an explicit clock).
#pragma once

#include "taskrecord.h"

#include <QByteArray>
#include <QByteArrayView>

#include <memory>
#include <vector>

class QRandomGenerator;

namespace Taskscope::Demo {

struct Topology;

// The account the demo serves unless told otherwise (a UUIDv4, like Astra's account ids).
inline constexpr char kDefaultAccountId[] = "4a1f3c2e-8b7d-4e6f-9a0b-1c2d3e4f5a6b";

// A UUIDv4 (lower-case text) drawn from `rng`: deterministic for a seeded generator.
QByteArray randomUuid(QRandomGenerator &rng);

// The whole task list at one generation. Immutable; shared by whoever still pages through it.
struct ScenarioSnapshot {
    quint64 generation = 0;
    qint64 timeMsecs = 0;
    std::vector<TaskRecordPtr> tasks; // in list order: trees by creation, each parent before its subtasks
};

struct ScenarioConfig {
    QByteArray accountId = kDefaultAccountId;
    quint64 seed = 1;
    int targetTasks = 300;          // about this many tasks are in the list at any time
    double speed = 1.0;             // every duration of the scenario is divided by this
    qint64 epochMsecs = 0;          // UTC ms since 1970 when the scenario "starts" (the list is full already)
    qint64 retentionSeconds = -1;   // finished trees leave the list this long (before speed) after they end;
                                    // < 0: defaultRetentionSeconds(targetTasks)
    qint64 failWithinSeconds = 0;   // > 0: a backup starts at the epoch and fails within this many
                                    // seconds (not divided by speed): a new user sees a failure soon
};

// The retention of a scenario of `targetTasks` tasks unless told otherwise: 900 s up to 300 tasks
// (the default demo: backups end and leave within minutes). A larger list is more history, as in an
// account that keeps its tasks longer, not more backups at once: the retention grows so that as
// many trees run at a time as at 300 tasks, up to Astra's 24 hours; only past that (about 25,000
// tasks) do more run at once.
qint64 defaultRetentionSeconds(int targetTasks);

class Scenario final
{
public:
    explicit Scenario(const ScenarioConfig &config);
    ~Scenario();
    Scenario(const Scenario &) = delete;
    Scenario &operator=(const Scenario &) = delete;

    const ScenarioConfig &config() const;
    const Topology &topology() const; // fixed for the scenario's life (catalogue.h)

    // Moves the clock forward to `utcMsecs` (earlier times are ignored): starts the trees scheduled
    // until then, advances progress and states, retires finished trees past the retention window.
    // The state at a time does not depend on the steps taken to reach it.
    void advanceTo(qint64 utcMsecs);
    qint64 currentTimeMsecs() const;

    quint64 generation() const;          // changes whenever the list changes
    qsizetype taskCount() const;
    std::shared_ptr<const ScenarioSnapshot> snapshot() const; // the current list (built once per generation)
    TaskRecordPtr task(QByteArrayView id) const;              // null when no such task is listed
    QByteArray listJson() const;                              // the unpaged list response body

    // Statistics for tests and benchmarks.
    quint64 treesStarted() const;       // trees scheduled so far (also those retired already)
    quint64 recordsSerialised() const;  // task versions written to JSON so far

    static QByteArray listBody(const std::vector<TaskRecordPtr> &tasks);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Taskscope::Demo
