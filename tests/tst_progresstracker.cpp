// ProgressTracker: ETA ranges from synthetic progress series and from history, stalls, idempotence.
#include "progresstracker.h"
#include "taskspec.h"

#include <QTest>

using namespace Taskscope;
using namespace Qt::StringLiterals;
using namespace Taskscope::TestSpec;

namespace {

// Samples at kBase + seconds, as (seconds, percent) pairs.
QList<ProgressSample> series(std::initializer_list<std::pair<qint64, double>> points)
{
    QList<ProgressSample> samples;
    for (const auto &[seconds, percent] : points)
        samples.append({kBase.addSecs(seconds), percent});
    return samples;
}

// One percent every `interval` seconds, from `from` to `to` percent (the newest 20 kept, as the tracker does).
QList<ProgressSample> steady(int from, int to, qint64 interval)
{
    QList<ProgressSample> samples;
    for (int p = from; p <= to; ++p)
        samples.append({kBase.addSecs(qint64(p - from) * interval), double(p)});
    return samples.mid(qMax<qsizetype>(0, samples.size() - 20));
}

Task runningTask(const QString &id, std::optional<double> percent)
{
    Task t = makeTask(id);
    t.name = u"astra.backup"_s;
    t.resourceURI = u"/accounts/A/topology/v1/clouds/C1/clusters/K1/namespaces/N1/apps/APP1/appBackups/B1"_s;
    t.percentDone = percent;
    t.startTime = kBase;
    seal(t);
    return t;
}

bool contains(const EtaRange &range, qint64 seconds)
{
    return range.lowSeconds <= seconds && seconds <= range.highSeconds;
}

} // namespace

class TestProgressTracker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void steadyProgressGivesANarrowRange();
    void aPauseLengthensTheRange();
    void aJumpDoesNotSetTheRate();
    void tooFewMovesGiveNoRate();
    void historyPercentiles();
    void combineNarrowsToTheOverlap();
    void stallThreshold();
    void prepareSetsAndClearsStalls();
    void prepareTwiceWithTheSameTimeIsIdempotent();
    void finishedTasksHaveNoEta();
    void prepareUsesHistoryDurations();
};

void TestProgressTracker::steadyProgressGivesANarrowRange()
{
    // 1 % every 10 s, at 50 %: 500 s remain.
    const QList<ProgressSample> samples = steady(0, 50, 10);
    const auto eta = ProgressTracker::etaFromRate(samples, samples.constLast().at);
    QVERIFY(eta);
    QVERIFY2(contains(*eta, 500), qPrintable(u"%1-%2"_s.arg(eta->lowSeconds).arg(eta->highSeconds)));
    QVERIFY(eta->lowSeconds >= 360);
    QVERIFY(eta->highSeconds <= 660);
    QVERIFY(eta->lowSeconds < eta->highSeconds); // a range, never one false-precise number
    QCOMPARE(eta->sources, quint8(EtaRange::Rate));
    // Minutes, not seconds, at this size.
    QCOMPARE(eta->lowSeconds % 60, 0);
    QCOMPARE(eta->highSeconds % 60, 0);
}

void TestProgressTracker::aPauseLengthensTheRange()
{
    const QList<ProgressSample> samples = steady(0, 50, 10);
    const auto before = ProgressTracker::etaFromRate(samples, samples.constLast().at);
    const auto paused = ProgressTracker::etaFromRate(samples, samples.constLast().at.addSecs(15 * 60));
    QVERIFY(before && paused);
    QVERIFY(paused->highSeconds > before->highSeconds * 2);
    QVERIFY(paused->lowSeconds >= 0);
    QVERIFY(paused->lowSeconds <= paused->highSeconds);
    // A short wait (shorter than a usual interval) changes nothing.
    QCOMPARE(ProgressTracker::etaFromRate(samples, samples.constLast().at.addSecs(5)), before);
}

void TestProgressTracker::aJumpDoesNotSetTheRate()
{
    // 1 % a minute, but one interval jumps 30 %: 53 % remain at 1 %/min, some 53 min.
    QList<ProgressSample> samples;
    double percent = 0;
    for (int i = 0; i < 19; ++i) {
        samples.append({kBase.addSecs(qint64(i) * 60), percent});
        percent += i == 9 ? 30 : 1;
    }
    QCOMPARE(samples.constLast().percent, 47.0);
    const auto eta = ProgressTracker::etaFromRate(samples, samples.constLast().at);
    QVERIFY(eta);
    QVERIFY2(contains(*eta, 53 * 60), qPrintable(u"%1-%2"_s.arg(eta->lowSeconds).arg(eta->highSeconds)));
    // The mean rate (jump included) would say some 20 minutes.
    QVERIFY(eta->lowSeconds > 40 * 60);
}

void TestProgressTracker::tooFewMovesGiveNoRate()
{
    QVERIFY(!ProgressTracker::etaFromRate({}, kBase));
    QVERIFY(!ProgressTracker::etaFromRate(series({{0, 10}}), kBase));
    QVERIFY(!ProgressTracker::etaFromRate(series({{0, 10}, {60, 20}}), kBase.addSecs(60)));
    QVERIFY(ProgressTracker::etaFromRate(series({{0, 10}, {60, 20}, {120, 30}}), kBase.addSecs(120)));
    // Done: nothing remains, still a (small) range.
    const auto done = ProgressTracker::etaFromRate(series({{0, 80}, {60, 90}, {120, 100}}), kBase.addSecs(120));
    QVERIFY(done);
    QCOMPARE(done->lowSeconds, 0);
    QVERIFY(done->highSeconds > 0 && done->highSeconds <= 60);
}

void TestProgressTracker::historyPercentiles()
{
    QVERIFY(!ProgressTracker::etaFromHistory({100, 200}, 0)); // fewer than 3 runs
    // Remaining 100..500: 25th 200, 75th 400 (minutes at this size).
    auto eta = ProgressTracker::etaFromHistory({500, 100, 300, 200, 400}, 0);
    QVERIFY(eta);
    QCOMPARE(eta->lowSeconds, 180);
    QCOMPARE(eta->highSeconds, 420);
    QCOMPARE(eta->sources, quint8(EtaRange::History));
    // 250 s in: remaining 0, 0, 50, 150, 250: 25th 0, 75th 150.
    eta = ProgressTracker::etaFromHistory({500, 100, 300, 200, 400}, 250);
    QVERIFY(eta);
    QCOMPARE(eta->lowSeconds, 0);
    QCOMPARE(eta->highSeconds, 180);
    // Longer than every run: a small range, not a negative time.
    eta = ProgressTracker::etaFromHistory({500, 100, 300}, 10'000);
    QVERIFY(eta);
    QCOMPARE(eta->lowSeconds, 0);
    QVERIFY(eta->highSeconds > 0 && eta->highSeconds <= 60);
}

void TestProgressTracker::combineNarrowsToTheOverlap()
{
    const EtaRange rate{300, 600, EtaRange::Rate};
    const EtaRange history{500, 900, EtaRange::History};
    const quint8 both = EtaRange::Rate | EtaRange::History;
    QCOMPARE(ProgressTracker::combine(rate, history), (EtaRange{500, 600, both}));
    QCOMPARE(ProgressTracker::combine(history, rate), (EtaRange{500, 600, both}));
    // Apart: a range covering both.
    QCOMPARE(ProgressTracker::combine(EtaRange{100, 200, EtaRange::Rate}, history), (EtaRange{100, 900, both}));
    // Touching at one point: not one number.
    QCOMPARE(ProgressTracker::combine(EtaRange{100, 500, EtaRange::Rate}, history), (EtaRange{100, 900, both}));
    QCOMPARE(ProgressTracker::combine(rate, std::nullopt), rate);
    QCOMPARE(ProgressTracker::combine(std::nullopt, history), history);
    QVERIFY(!ProgressTracker::combine(std::nullopt, std::nullopt));
}

void TestProgressTracker::stallThreshold()
{
    QCOMPARE(ProgressTracker::stallThresholdSeconds({}), 600);
    QCOMPARE(ProgressTracker::stallThresholdSeconds(series({{0, 1}})), 600);
    QCOMPARE(ProgressTracker::stallThresholdSeconds(steady(0, 10, 60)), 600);  // 5 x 1 min < 10 min
    QCOMPARE(ProgressTracker::stallThresholdSeconds(steady(0, 10, 300)), 1500); // 5 x 5 min
    // The median interval: one long wait does not raise it.
    QCOMPARE(ProgressTracker::stallThresholdSeconds(series({{0, 1}, {300, 2}, {600, 3}, {4000, 4}})), 1500);
}

void TestProgressTracker::prepareSetsAndClearsStalls()
{
    ProgressTracker tracker;
    const auto poll = [&](double percent, qint64 seconds) {
        QList<Task> tasks{runningTask(u"a"_s, percent)};
        tracker.prepare(tasks, kBase.addSecs(seconds));
        return tasks.constFirst();
    };
    QVERIFY(!poll(10, 0).stalledSince.isValid());
    QVERIFY(!poll(20, 60).eta); // one move: no rate yet (and no history)
    QVERIFY(poll(30, 120).eta);
    QVERIFY(!poll(30, 120 + 599).stalledSince.isValid());
    Task stalled = poll(30, 120 + 600);
    QCOMPARE(stalled.stalledSince, kBase.addSecs(120)); // since its last move
    QVERIFY(stalled.eta); // still a (longer) estimate
    QCOMPARE(poll(30, 120 + 900).stalledSince, kBase.addSecs(120));
    // Moving again: no longer stalled.
    QVERIFY(!poll(31, 1100).stalledSince.isValid());
    // A task without percentDone is never called stalled.
    QList<Task> tasks{runningTask(u"b"_s, std::nullopt)};
    tracker.prepare(tasks, kBase.addSecs(5000));
    tracker.prepare(tasks, kBase.addSecs(9000));
    QVERIFY(!tasks.constFirst().stalledSince.isValid());
    QVERIFY(!tasks.constFirst().eta);
}

void TestProgressTracker::prepareTwiceWithTheSameTimeIsIdempotent()
{
    ProgressTracker once, twice;
    for (int i = 0; i < 6; ++i) {
        const QDateTime at = kBase.addSecs(qint64(i) * 60);
        const double percent = i < 4 ? 10.0 * i : 30;
        QList<Task> a{runningTask(u"a"_s, percent)};
        QList<Task> b = a;
        once.prepare(a, at);
        twice.prepare(b, at);
        twice.prepare(b, at); // the planner retried the snapshot
        QCOMPARE(b.constFirst().eta, a.constFirst().eta);
        QCOMPARE(b.constFirst().stalledSince, a.constFirst().stalledSince);
    }
    QList<Task> a{runningTask(u"a"_s, 30)};
    QList<Task> b = a;
    once.prepare(a, kBase.addSecs(3 * 60 + 600));
    twice.prepare(b, kBase.addSecs(3 * 60 + 600));
    QVERIFY(a.constFirst().stalledSince.isValid());
    QCOMPARE(b.constFirst().stalledSince, a.constFirst().stalledSince);
    QCOMPARE(b.constFirst().eta, a.constFirst().eta);
}

void TestProgressTracker::finishedTasksHaveNoEta()
{
    ProgressTracker tracker;
    for (int i = 0; i < 5; ++i) {
        QList<Task> tasks{runningTask(u"a"_s, 20.0 * i)};
        tracker.prepare(tasks, kBase.addSecs(qint64(i) * 60));
    }
    Task done = runningTask(u"a"_s, 100);
    done.state = TaskState::Completed;
    done.stateText = stateApiName(done.state);
    done.stalledSince = kBase; // whatever a previous snapshot said
    done.eta = EtaRange{1, 2, EtaRange::Rate};
    seal(done);
    QList<Task> tasks{done};
    tracker.prepare(tasks, kBase.addSecs(3600));
    QVERIFY(!tasks.constFirst().eta);
    QVERIFY(!tasks.constFirst().stalledSince.isValid());
    // Running again later: a new run, nothing from the old one (no rate, not stalled).
    QList<Task> again{runningTask(u"a"_s, 50)};
    tracker.prepare(again, kBase.addSecs(7200));
    QVERIFY(!again.constFirst().eta);
    QVERIFY(!again.constFirst().stalledSince.isValid());
}

void TestProgressTracker::prepareUsesHistoryDurations()
{
    ProgressTracker tracker;
    DurationTable durations;
    durations.insert(DurationKey{u"astra.backup"_s, u"APP1"_s}, {600, 900, 1200, 1500});
    durations.insert(DurationKey{u"astra.backup"_s, u"OTHER"_s}, {60, 60, 60});
    tracker.setDurations(durations);
    QList<Task> tasks{runningTask(u"a"_s, std::nullopt)};
    tracker.prepare(tasks, kBase.addSecs(300)); // started at kBase: 300 s in
    const auto eta = tasks.constFirst().eta;
    QVERIFY(eta);
    QCOMPARE(eta->sources, quint8(EtaRange::History));
    // Remaining 300, 600, 900, 1200: 25th 525, 75th 975 -> minutes.
    QCOMPARE(eta->lowSeconds, 480);
    QCOMPARE(eta->highSeconds, 1020);
    // With a rate too: both sources.
    for (int i = 1; i <= 3; ++i) {
        QList<Task> progress{runningTask(u"a"_s, 10.0 * i)};
        tracker.prepare(progress, kBase.addSecs(300 + qint64(i) * 60));
        tasks = progress;
    }
    QVERIFY(tasks.constFirst().eta);
    QCOMPARE(tasks.constFirst().eta->sources, quint8(EtaRange::Rate | EtaRange::History));
    tracker.clear();
    tracker.prepare(tasks, kBase.addSecs(600));
    QVERIFY(!tasks.constFirst().eta);
}

QTEST_GUILESS_MAIN(TestProgressTracker)
#include "tst_progresstracker.moc"
