// Benchmark: parse and apply a synthetic 100,000-task list, and the model's resident memory per task.
//
// Prints one `key: value` line per figure (see README): parse against QJsonDocument's floor,
// the three kinds of apply (initial, identical, 1% changed), the signals of an identical apply,
// and resident bytes per task against JSON bytes per task; then `targets_met: yes|no`.
// Deterministic for a seed: the same --tasks and --seed give the same bytes.
#include "snapshotdiff.h"
#include "tasklistparser.h"
#include "tasktreemodel.h"
#include "tasksclient.h"
#include "demoserverthread.h"
#include "scenario.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QScopeGuard>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <malloc.h>
#include <simdjson.h>
#include <fcntl.h>
#include <spawn.h>
#include <unistd.h>
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <string_view>
#include <vector>

using namespace Taskscope;

namespace {

// --- synthetic data -------------------------------------------------------------------------

struct Uuid
{
    std::array<char, 36> text{};
    std::string_view view() const { return {text.data(), text.size()}; }
};

Uuid makeUuid(QRandomGenerator &rng)
{
    static constexpr char hex[] = "0123456789abcdef";
    const quint64 words[2] = {rng.generate64(), rng.generate64()};
    Uuid u;
    int pos = 0;
    for (int i = 0; i < 32; ++i) {
        if (i == 8 || i == 12 || i == 16 || i == 20)
            u.text[size_t(pos++)] = '-';
        u.text[size_t(pos++)] = hex[(words[i / 16] >> ((i % 16) * 4)) & 0xF];
    }
    u.text[14] = '4';                                        // version 4
    u.text[19] = "89ab"[(words[1] >> 60) & 0x3];             // RFC 4122 variant
    return u;
}

Uuid zeroUuid()
{
    Uuid u;
    std::memcpy(u.text.data(), "00000000-0000-0000-0000-000000000000", 36);
    return u;
}

enum class Kind : quint8 { Backup, Prep, BackupSnapshot, Copy, Snapshot, Restore, Clone };

struct KindText
{
    std::string_view name, summary, description;
};
constexpr KindText kKinds[] = {
    {"astra.backup", "Backup", "Task to take a Backup for an application"},
    {"astra.backup.prep", "Backup preparation", "Task to prepare for the application backup"},
    {"astra.backup.snapshot", "Backup snapshot", "Task to take the snapshot the backup is made from"},
    {"astra.backup.copy", "Backup copy", "Task to copy the snapshot data to the object store bucket"},
    {"astra.snapshot", "Snapshot", "Task to take a Snapshot of an application"},
    {"astra.restore", "Restore", "Task to restore an application from a backup"},
    {"astra.clone", "Clone", "Task to clone an application to another namespace"},
};

constexpr std::string_view kStates[] = {"notStarted", "running",    "completed", "pausing",
                                        "paused",     "cancelling", "cancelled", "failed"};
enum St : quint8 { NotStarted, Running, Completed, Pausing, Paused, Cancelling, Cancelled, Failed };

struct App
{
    int cloud, cluster;
    Uuid ns, ns2, app, k8sApp;
};

struct Topology
{
    Uuid account;
    std::vector<Uuid> clouds, clusters, users;
    std::vector<App> apps;
};

struct FailureText
{
    std::string_view type, title, detail, errorCode;
};
constexpr FailureText kFailures[] = {
    {"https://astra.netapp.io/stateDetails/3", "Snapshot failed",
     "The CSI snapshot of persistent volume claim data-0 did not become ready within 15 minutes.",
     "SnapshotTimeout"},
    {"https://astra.netapp.io/stateDetails/7", "Volume copy failed",
     "Copying volume data to the object store bucket failed: the bucket returned 503 Service Unavailable.",
     "BucketUnavailable"},
    {"https://astra.netapp.io/stateDetails/12", "Pre-snapshot hook failed",
     "The execution hook quiesce-mysql exited with status 1 in container mysql of pod mysql-0.",
     "HookFailed"},
};

struct LabelText
{
    std::string_view name, value;
};
constexpr LabelText kLabels[] = {
    {"astra.netapp.io/labels/read-only/triggerType", "scheduled"},
    {"astra.netapp.io/labels/read-only/triggerType", "manual"},
    {"astra.netapp.io/labels/read-only/protectionPolicy", "hourly"},
    {"astra.netapp.io/labels/read-only/protectionPolicy", "daily"},
};

struct GenTask
{
    Uuid id, resourceId;
    int parent = -1; // index in the task vector
    Kind kind = Kind::Snapshot;
    quint8 state = Completed;
    quint8 labelCount = 0, labelFirst = 0;
    qint8 failure = -1;
    int orderHint = 0;
    int app = 0, user = 0; // user -1: created by the system
    int pctHundredths = 0;
    qint64 createUs = 0, startUs = -1, endUs = -1, modUs = 0;
};

struct Dataset
{
    Topology topo;
    std::vector<GenTask> tasks;
    std::vector<int> emitOrder; // the order of `items`
    int topLevel = 0;
};

constexpr qint64 kSecond = 1000000;
// 2024-03-01T00:00:00Z in microseconds since the epoch.
constexpr qint64 kBaseUs = qint64(1709251200) * kSecond;

int pickWeighted(QRandomGenerator &rng, std::initializer_list<int> weights)
{
    int total = 0;
    for (int w : weights)
        total += w;
    int r = int(rng.bounded(total));
    int i = 0;
    for (int w : weights) {
        if (r < w)
            return i;
        r -= w;
        ++i;
    }
    return i - 1;
}

void stamp(GenTask &t, quint8 state, qint64 startUs, qint64 durationUs, int pct, QRandomGenerator &rng)
{
    t.state = state;
    t.createUs = startUs - qint64(rng.bounded(5 * kSecond));
    if (state == NotStarted) {
        t.pctHundredths = 0;
        t.modUs = t.createUs;
        return;
    }
    t.startUs = startUs;
    t.pctHundredths = pct;
    if (state == Completed || state == Cancelled || state == Failed)
        t.endUs = startUs + durationUs;
    t.modUs = t.endUs >= 0 ? t.endUs : startUs + durationUs / 2;
}

Dataset generate(int count, QRandomGenerator &rng)
{
    Dataset d;
    Topology &topo = d.topo;
    topo.account = makeUuid(rng);
    for (int i = 0; i < 10; ++i)
        topo.clouds.push_back(makeUuid(rng));
    for (int i = 0; i < 25; ++i)
        topo.clusters.push_back(makeUuid(rng));
    for (int i = 0; i < 8; ++i)
        topo.users.push_back(makeUuid(rng));
    std::vector<Uuid> namespaces;
    for (int i = 0; i < 40; ++i)
        namespaces.push_back(makeUuid(rng));
    for (int i = 0; i < 50; ++i) {
        const int cluster = int(rng.bounded(25));
        topo.apps.push_back(App{cluster % 10, cluster, namespaces[rng.bounded(40)], namespaces[rng.bounded(40)],
                                makeUuid(rng), makeUuid(rng)});
    }

    d.tasks.reserve(size_t(count));
    d.emitOrder.reserve(size_t(count));
    std::vector<int> backupIds; // backups a restore can name: resource ids repeated across tasks
    const auto randomPct = [&rng] { return 100 + int(rng.bounded(9800)); }; // 1.00 .. 98.99
    while (int(d.tasks.size()) < count) {
        const int remaining = count - int(d.tasks.size());
        // Top-level state: mostly finished, a fifth still active.
        const auto state = quint8(std::array<int, 8>{NotStarted, Running, Completed, Pausing, Paused, Cancelling,
                                                     Cancelled, Failed}[size_t(pickWeighted(
            rng, {4, 10, 72, 1, 2, 1, 4, 6}))]);
        const qint64 startUs = kBaseUs + qint64(rng.bounded(quint64(48 * 3600) * quint64(kSecond)));
        const int app = int(rng.bounded(int(topo.apps.size())));
        const int user = rng.bounded(4) == 0 ? -1 : int(rng.bounded(8));
        const quint8 labelCount = quint8(pickWeighted(rng, {50, 35, 15}));
        const quint8 labelFirst = quint8(rng.bounded(2) * 2 + rng.bounded(2)) % 4;
        const bool backup = remaining >= 4 && rng.bounded(4) == 0;
        ++d.topLevel;
        if (backup) {
            const int parentIndex = int(d.tasks.size());
            GenTask parent;
            parent.id = makeUuid(rng);
            parent.kind = Kind::Backup;
            parent.resourceId = makeUuid(rng);
            parent.app = app;
            parent.user = user;
            parent.labelCount = labelCount;
            parent.labelFirst = labelFirst;
            const Uuid snapId = makeUuid(rng);
            // Subtasks run one after another; `phase` is the one that is current (or failed, ...).
            const qint64 durations[3] = {qint64(5 + rng.bounded(30)) * kSecond,
                                         qint64(20 + rng.bounded(300)) * kSecond,
                                         qint64(60 + rng.bounded(1500)) * kSecond};
            const int phase = state == Completed ? 3 : state == NotStarted ? 0 : int(rng.bounded(3));
            const int phasePct = state == Completed ? 10000 : state == NotStarted ? 0 : randomPct();
            std::array<GenTask, 3> subs;
            qint64 t = startUs;
            for (int i = 0; i < 3; ++i) {
                GenTask &s = subs[size_t(i)];
                s.id = makeUuid(rng);
                s.kind = Kind(int(Kind::Prep) + i);
                s.parent = parentIndex;
                s.orderHint = i;
                s.resourceId = i == 2 ? parent.resourceId : snapId;
                s.app = app;
                s.user = user;
                const quint8 subState = i < phase ? quint8(Completed) : i == phase ? state : quint8(NotStarted);
                stamp(s, subState, t, durations[i], subState == Completed ? 10000 : phasePct, rng);
                if (subState == Failed)
                    s.failure = qint8(rng.bounded(3));
                t += durations[i];
            }
            const int parentPct = state == Completed ? 10000 : (phase * 10000 + (phase < 3 ? phasePct : 0)) / 3;
            stamp(parent, state, startUs, t - startUs, parentPct, rng);
            if (state == Failed)
                parent.failure = subs[size_t(phase)].failure;
            d.tasks.push_back(parent);
            for (auto &s : subs)
                d.tasks.push_back(s);
            // The API lists subtasks before or after their parent (the reference shows one first).
            if (rng.bounded(2)) {
                for (int i = 0; i < 4; ++i)
                    d.emitOrder.push_back(parentIndex + i);
            } else {
                for (int i = 1; i <= 4; ++i)
                    d.emitOrder.push_back(parentIndex + (i % 4));
            }
            backupIds.push_back(parentIndex);
        } else {
            GenTask task;
            task.id = makeUuid(rng);
            task.kind = Kind(int(Kind::Snapshot) + pickWeighted(rng, {60, 20, 20}));
            task.app = app;
            task.user = user;
            task.labelCount = labelCount;
            task.labelFirst = labelFirst;
            if (task.kind == Kind::Restore && !backupIds.empty())
                task.resourceId = d.tasks[size_t(backupIds[rng.bounded(int(backupIds.size()))])].resourceId;
            else
                task.resourceId = makeUuid(rng);
            const qint64 duration = qint64(10 + rng.bounded(task.kind == Kind::Snapshot ? 300 : 2400)) * kSecond;
            stamp(task, state, startUs, duration, state == Completed ? 10000 : randomPct(), rng);
            if (state == Failed)
                task.failure = qint8(rng.bounded(3));
            d.emitOrder.push_back(int(d.tasks.size()));
            d.tasks.push_back(task);
        }
    }
    return d;
}

// Changes percentDone/state/endTime (and modificationTimestamp) of `changes` active tasks.
std::vector<GenTask> changeSome(const std::vector<GenTask> &tasks, int changes, QRandomGenerator &rng)
{
    std::vector<GenTask> out = tasks;
    std::vector<int> active, others;
    for (int i = 0; i < int(tasks.size()); ++i) {
        const quint8 s = tasks[size_t(i)].state;
        (s == Running || s == Pausing || s == Cancelling ? active : others).push_back(i);
    }
    // A partial Fisher-Yates shuffle picks the tasks; active ones first, as a live list would.
    const auto pick = [&rng](std::vector<int> &from, int n) {
        n = qMin(n, int(from.size()));
        for (int i = 0; i < n; ++i)
            std::swap(from[size_t(i)], from[size_t(i + int(rng.bounded(int(from.size()) - i)))]);
        from.resize(size_t(n));
    };
    pick(active, changes);
    pick(others, changes - int(active.size()));
    for (int i : active) {
        GenTask &t = out[size_t(i)];
        const qint64 now = t.modUs + qint64(1 + rng.bounded(120)) * kSecond;
        if (t.state == Pausing) {
            t.state = Paused;
        } else if (t.state == Cancelling) {
            t.state = Cancelled;
            t.endUs = now;
        } else if (rng.bounded(4) == 0) {
            t.state = Completed;
            t.pctHundredths = 10000;
            t.endUs = now;
        } else {
            t.pctHundredths = qMin(9999, t.pctHundredths + 1 + int(rng.bounded(1500)));
        }
        t.modUs = now;
    }
    for (int i : others) { // only when too few tasks are active (tiny --tasks): touch the timestamp
        GenTask &t = out[size_t(i)];
        t.modUs += kSecond;
    }
    return out;
}

// Appends pretty-printed JSON (2-space indentation, as the reference example) to a QByteArray.
class Writer
{
public:
    explicit Writer(qsizetype reserve) { m_out.reserve(reserve); }
    QByteArray take() { return std::move(m_out); }
    qsizetype size() const { return m_out.size(); }

    void raw(std::string_view s) { m_out.append(s.data(), qsizetype(s.size())); }
    void indent(int level)
    {
        static const std::string_view spaces = "                                ";
        raw(spaces.substr(0, size_t(level) * 2));
    }
    void key(int level, std::string_view k)
    {
        indent(level);
        raw("\"");
        raw(k);
        raw("\": ");
    }
    void str(std::string_view s)
    {
        raw("\"");
        raw(s);
        raw("\"");
    }
    // `"k": "v",\n`
    void field(int level, std::string_view k, std::string_view v, bool last = false)
    {
        key(level, k);
        str(v);
        raw(last ? "\n" : ",\n");
    }
    void number(qint64 v)
    {
        char buf[24];
        const int n = std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v));
        raw({buf, size_t(n)});
    }
    // Hundredths as the API writes percentDone: "20.25", "20.5", "100".
    void hundredths(int v)
    {
        number(v / 100);
        const int frac = v % 100;
        if (frac == 0)
            return;
        char buf[4] = {'.', char('0' + frac / 10), char('0' + frac % 10), 0};
        raw({buf, size_t(frac % 10 ? 3 : 2)});
    }
    // "2024-03-01T12:24:52.256624Z" from microseconds since the epoch.
    void timestamp(qint64 us)
    {
        const qint64 secs = us / kSecond;
        const int micros = int(us % kSecond);
        qint64 days = secs / 86400;
        const int sod = int(secs % 86400);
        // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
        days += 719468;
        const qint64 era = days / 146097;
        const unsigned doe = unsigned(days - era * 146097);
        const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        const unsigned mp = (5 * doy + 2) / 153;
        const unsigned day = doy - (153 * mp + 2) / 5 + 1;
        const unsigned month = mp < 10 ? mp + 3 : mp - 9;
        const qint64 year = qint64(yoe) + era * 400 + (month <= 2);
        char buf[40];
        const int n = std::snprintf(buf, sizeof buf, "\"%04lld-%02u-%02uT%02d:%02d:%02d.%06dZ\"",
                                    static_cast<long long>(year), month, day, sod / 3600, (sod / 60) % 60, sod % 60,
                                    micros);
        raw({buf, size_t(n)});
    }

private:
    QByteArray m_out;
};

void writeUri(Writer &w, const Topology &topo, const GenTask &t, bool collection, bool second)
{
    const App &app = topo.apps[size_t(t.app)];
    std::string_view kind;
    switch (t.kind) {
    case Kind::Backup:
    case Kind::Copy:
    case Kind::Restore:
        kind = "appBackups";
        break;
    case Kind::Prep:
    case Kind::BackupSnapshot:
    case Kind::Snapshot:
        kind = "appSnaps";
        break;
    case Kind::Clone:
        kind = "apps";
        break;
    }
    w.raw("\"/accounts/");
    w.raw(topo.account.view());
    if (collection) {
        w.raw("/topology/v1/clouds/");
        w.raw(topo.clouds[size_t(app.cloud)].view());
        w.raw("/clusters/");
        w.raw(topo.clusters[size_t(app.cluster)].view());
        w.raw("/namespaces/");
        w.raw((second ? app.ns2 : app.ns).view());
        w.raw("/apps/");
        w.raw(app.app.view());
    } else {
        w.raw("/k8s/v1/apps/");
        w.raw(app.k8sApp.view());
    }
    w.raw("/");
    w.raw(kind);
    w.raw("/");
    w.raw(t.resourceId.view());
    w.raw("\"");
}

// The reference example's transitions, printed at the depth of an item's fields.
constexpr std::string_view kTransitions = R"([
        {
          "from": "running",
          "to": [
            "paused",
            "cancelled"
          ]
        },
        {
          "from": "paused",
          "to": [
            "running",
            "cancelled"
          ]
        }
      ],
)";

void writeTask(Writer &w, const Dataset &d, const std::vector<GenTask> &tasks, const GenTask &t)
{
    const Topology &topo = d.topo;
    const KindText &text = kKinds[int(t.kind)];
    constexpr int L = 3; // fields of an item: root object > items > item
    w.indent(2);
    w.raw("{\n");
    w.field(L, "type", "application/astra-task");
    w.field(L, "version", "1.1");
    w.field(L, "id", t.id.view());
    w.field(L, "name", text.name);
    w.field(L, "summary", text.summary);
    w.field(L, "description", text.description);
    w.field(L, "service", "nautilus");
    if (t.parent >= 0)
        w.field(L, "parentTaskID", tasks[size_t(t.parent)].id.view());
    const Uuid user = t.user >= 0 ? topo.users[size_t(t.user)] : zeroUuid();
    w.field(L, "userID", user.view());
    w.field(L, "resourceID", t.resourceId.view());
    w.key(L, "resourceURI");
    writeUri(w, topo, t, false, false);
    w.raw(",\n");
    w.key(L, "resourceCollectionURI");
    w.raw("[\n");
    w.indent(L + 1);
    writeUri(w, topo, t, true, false);
    w.raw(",\n");
    w.indent(L + 1);
    writeUri(w, topo, t, true, true);
    w.raw("\n");
    w.indent(L);
    w.raw("],\n");
    w.field(L, "state", kStates[t.state]);
    w.key(L, "stateTransitions");
    w.raw(kTransitions);
    w.key(L, "stateDetails");
    if (t.failure < 0) {
        w.raw("[],\n");
    } else {
        const FailureText &f = kFailures[t.failure];
        w.raw("[\n");
        w.indent(L + 1);
        w.raw("{\n");
        w.field(L + 2, "type", f.type);
        w.field(L + 2, "title", f.title);
        w.field(L + 2, "detail", f.detail);
        w.key(L + 2, "additionalDetails");
        w.raw("{\n");
        w.field(L + 3, "errorCode", f.errorCode);
        w.field(L + 3, "clusterID", topo.clusters[size_t(topo.apps[size_t(t.app)].cluster)].view());
        w.key(L + 3, "retryable");
        w.raw("false\n");
        w.indent(L + 2);
        w.raw("}\n");
        w.indent(L + 1);
        w.raw("}\n");
        w.indent(L);
        w.raw("],\n");
    }
    w.key(L, "orderHint");
    w.number(t.orderHint);
    w.raw(",\n");
    w.key(L, "percentDone");
    w.hundredths(t.pctHundredths);
    w.raw(",\n");
    if (t.startUs >= 0) {
        w.key(L, "startTime");
        w.timestamp(t.startUs);
        w.raw(",\n");
    }
    if (t.endUs >= 0) {
        w.key(L, "endTime");
        w.timestamp(t.endUs);
        w.raw(",\n");
    }
    w.key(L, "metadata");
    w.raw("{\n");
    w.key(L + 1, "labels");
    if (t.labelCount == 0) {
        w.raw("[],\n");
    } else {
        w.raw("[\n");
        for (int i = 0; i < t.labelCount; ++i) {
            // Two labels are one trigger type and one policy.
            const LabelText &label = kLabels[size_t((t.labelFirst + 2 * i) % 4)];
            w.indent(L + 2);
            w.raw("{\n");
            w.field(L + 3, "name", label.name);
            w.field(L + 3, "value", label.value, true);
            w.indent(L + 2);
            w.raw(i + 1 < t.labelCount ? "},\n" : "}\n");
        }
        w.indent(L + 1);
        w.raw("],\n");
    }
    w.key(L + 1, "creationTimestamp");
    w.timestamp(t.createUs);
    w.raw(",\n");
    w.key(L + 1, "modificationTimestamp");
    w.timestamp(t.modUs);
    w.raw(",\n");
    w.field(L + 1, "createdBy", user.view(), true);
    w.indent(L);
    w.raw("}\n");
    w.indent(2);
    w.raw("}");
}

// The API sends compact JSON; --pretty keeps the reference page's layout instead.
bool g_pretty = false;

// Drops the whitespace between tokens (strings are left alone).
QByteArray minify(const QByteArray &in)
{
    QByteArray out(in.size(), Qt::Uninitialized);
    char *o = out.data();
    bool inString = false;
    for (const char *p = in.constData(), *end = p + in.size(); p < end; ++p) {
        const char c = *p;
        if (inString) {
            *o++ = c;
            if (c == '\\' && p + 1 < end)
                *o++ = *++p;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
            *o++ = c;
        } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
            *o++ = c;
        }
    }
    out.truncate(o - out.constData());
    return out;
}

QByteArray serialize(const Dataset &d, const std::vector<GenTask> &tasks)
{
    Writer w(qsizetype(tasks.size()) * 2200 + 1024);
    w.raw("{\n  \"type\": \"application/astra-tasks\",\n  \"version\": \"1.1\",\n  \"items\": [\n");
    bool first = true;
    for (int i : d.emitOrder) {
        if (!first)
            w.raw(",\n");
        first = false;
        writeTask(w, d, tasks, tasks[size_t(i)]);
    }
    w.raw("\n  ],\n  \"metadata\": {\n    \"labels\": [],\n    \"creationTimestamp\": ");
    w.timestamp(kBaseUs + qint64(48 * 3600) * kSecond);
    w.raw(",\n    \"modificationTimestamp\": ");
    w.timestamp(kBaseUs + qint64(48 * 3600) * kSecond);
    w.raw(",\n    \"createdBy\": \"");
    w.raw(zeroUuid().view());
    w.raw("\"\n  }\n}\n");
    return g_pretty ? w.take() : minify(w.take());
}

// --- measuring ------------------------------------------------------------------------------

// Resident set size in bytes, after giving freed heap pages back to the system.
qint64 residentBytes()
{
    malloc_trim(0);
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = status.readAll();
    const qsizetype at = text.indexOf("VmRSS:");
    if (at < 0)
        return -1;
    const qsizetype end = text.indexOf('\n', at);
    QByteArray value = text.mid(at + 6, end - at - 6).trimmed(); // "123456 kB"
    value.chop(2);
    return value.trimmed().toLongLong() * 1024;
}

// Counts every structural and data signal of a model.
struct SignalCounter
{
    qint64 dataChanged = 0, other = 0;
    qint64 total() const { return dataChanged + other; }
    void reset() { dataChanged = other = 0; }

    void attach(QAbstractItemModel *model)
    {
        QObject::connect(model, &QAbstractItemModel::dataChanged, model, [this] { ++dataChanged; });
        const auto count = [this] { ++other; };
        QObject::connect(model, &QAbstractItemModel::headerDataChanged, model, count);
        QObject::connect(model, &QAbstractItemModel::layoutChanged, model, count);
        QObject::connect(model, &QAbstractItemModel::modelReset, model, count);
        QObject::connect(model, &QAbstractItemModel::rowsInserted, model, count);
        QObject::connect(model, &QAbstractItemModel::rowsRemoved, model, count);
        QObject::connect(model, &QAbstractItemModel::rowsMoved, model, count);
        QObject::connect(model, &QAbstractItemModel::columnsInserted, model, count);
        QObject::connect(model, &QAbstractItemModel::columnsRemoved, model, count);
        QObject::connect(model, &QAbstractItemModel::columnsMoved, model, count);
    }
};

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// Runs `step` (which returns the milliseconds of its timed part) `runs` times; the minimum.
template<typename Step>
double minimumOf(int runs, Step step)
{
    double best = std::numeric_limits<double>::infinity();
    for (int i = 0; i < runs; ++i)
        best = std::min(best, step());
    return best;
}

bool parseOrDie(const QByteArray &bytes, TaskListPage *page, qsizetype expected)
{
    ParseError error;
    if (!TaskListParser().parse(bytes, page, &error)) {
        std::fprintf(stderr, "bench_taskscope: the synthetic list does not parse: %s\n",
                     qPrintable(error.toString()));
        return false;
    }
    if (page->tasks.size() != expected || !page->warnings.isEmpty()) {
        std::fprintf(stderr, "bench_taskscope: parsed %lld tasks of %lld, %lld warnings%s%s\n",
                     static_cast<long long>(page->tasks.size()), static_cast<long long>(expected),
                     static_cast<long long>(page->warnings.size()), page->warnings.isEmpty() ? "" : "; first: ",
                     page->warnings.isEmpty() ? "" : qPrintable(page->warnings.first().toString()));
        return false;
    }
    return true;
}

// --- headless export against a simdjson floor ---------------------------------------------

struct ProcessRun
{
    double ms = 0;
    qint64 peakBytes = 0; // the child's peak resident set
    int status = -1;
};

// VmHWM of a live process, in bytes (0 once it has exited).
qint64 highWaterBytes(pid_t pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return 0;
}

// One run of `program`, wall clock from spawn to exit. Its peak RSS is its VmHWM, read every
// millisecond while it runs: wait4's ru_maxrss would also count this process, whose memory the
// child shares until it execs.
ProcessRun runProcess(const QByteArray &program, const QList<QByteArray> &arguments)
{
    std::vector<char *> argv{const_cast<char *>(program.constData())};
    for (const QByteArray &argument : arguments)
        argv.push_back(const_cast<char *>(argument.constData()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    ProcessRun run;
    QElapsedTimer timer;
    timer.start();
    pid_t pid = 0;
    if (posix_spawn(&pid, program.constData(), &actions, nullptr, argv.data(), environ) != 0)
        qFatal("bench_taskscope: cannot start %s", program.constData());
    int status = 0;
    for (;;) {
        const pid_t done = waitpid(pid, &status, WNOHANG);
        if (done == pid)
            break;
        if (done < 0)
            qFatal("bench_taskscope: lost %s", program.constData());
        run.peakBytes = std::max(run.peakBytes, highWaterBytes(pid));
        usleep(1000);
    }
    run.ms = msSince(timer);
    posix_spawn_file_actions_destroy(&actions);
    run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

// The floor: load the file and read each item's id, state, percentDone and parentTaskID with
// simdjson's on-demand API, counting the failed tasks. Nothing is validated beyond what it reads.
double floorScanMs(const QByteArray &path, qint64 *failed)
{
    namespace sj = simdjson::ondemand;
    QElapsedTimer timer;
    timer.start();
    simdjson::padded_string json;
    if (simdjson::padded_string::load(path.toStdString()).get(json))
        qFatal("bench_taskscope: the floor cannot load %s", path.constData());
    sj::parser parser;
    sj::document doc;
    sj::array items;
    if (parser.iterate(json).get(doc) || doc["items"].get_array().get(items))
        qFatal("bench_taskscope: the floor cannot read %s", path.constData());
    *failed = 0;
    double percentSum = 0;
    size_t idBytes = 0;
    for (auto element : items) {
        sj::object item;
        if (element.get_object().get(item))
            qFatal("bench_taskscope: the floor found an item that is not an object");
        for (auto f : item) {
            sj::field member;
            std::string_view key, text;
            if (std::move(f).get(member) || member.unescaped_key().get(key))
                qFatal("bench_taskscope: the floor cannot read a member");
            sj::value value = member.value();
            if (key == "id" || key == "parentTaskID") {
                if (!value.get_string().get(text))
                    idBytes += text.size();
            } else if (key == "state") {
                if (!value.get_string().get(text) && text == "failed")
                    ++*failed;
            } else if (key == "percentDone") {
                double percent = 0;
                if (!value.get_double().get(percent))
                    percentSum += percent;
            }
        }
    }
    const double ms = msSince(timer);
    if (idBytes == 0 || percentSum < 0)
        qFatal("bench_taskscope: the floor read nothing");
    return ms;
}

void print(const char *key, double value, int decimals = 1)
{
    std::printf("%s: %.*f\n", key, decimals, value);
    std::fflush(stdout);
}

void print(const char *key, qint64 value)
{
    std::printf("%s: %lld\n", key, static_cast<long long>(value));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc == 3 && std::strcmp(argv[1], "--floor-scan") == 0) { // the export's floor, as a process
        qint64 failed = 0;
        floorScanMs(QByteArray(argv[2]), &failed);
        return failed >= 0 ? 0 : 1;
    }
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_taskscope"));

    QCommandLineParser cli;
    cli.setApplicationDescription(QStringLiteral("Parse, apply and memory benchmark of Taskscope's models."));
    cli.addHelpOption();
    const QCommandLineOption tasksOption(QStringLiteral("tasks"), QStringLiteral("Number of tasks (default 100000)."),
                                         QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."),
                                        QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption writeOption(QStringLiteral("write-json"),
                                         QStringLiteral("Write the synthetic list (and the 1% changed one to FILE.changed) "
                                                        "and exit."),
                                         QStringLiteral("FILE"));
    cli.addOption(tasksOption);
    cli.addOption(seedOption);
    const QCommandLineOption prettyOption(QStringLiteral("pretty"),
                                          QStringLiteral("Indent the JSON like the reference page (the API sends it compact)."));
    cli.addOption(writeOption);
    cli.addOption(prettyOption);
    cli.process(app);
    g_pretty = cli.isSet(prettyOption);
    bool ok = false;
    const int taskCount = cli.value(tasksOption).toInt(&ok);
    if (!ok || taskCount < 100) {
        std::fprintf(stderr, "bench_taskscope: --tasks takes a whole number of at least 100\n");
        return 1;
    }
    const quint32 seed = cli.value(seedOption).toUInt(&ok);
    if (!ok) {
        std::fprintf(stderr, "bench_taskscope: --seed takes a whole number (0 to 4294967295)\n");
        return 1;
    }
    constexpr int kRuns = 3;

    QRandomGenerator rng(seed);
    const Dataset dataset = generate(taskCount, rng);
    const std::vector<GenTask> changedTasks = changeSome(dataset.tasks, taskCount / 100, rng);
    SignalCounter signalCounter;

    if (cli.isSet(writeOption)) {
        const QString path = cli.value(writeOption);
        QFile file(path), changedFile(path + QStringLiteral(".changed"));
        if (!file.open(QIODevice::WriteOnly) || file.write(serialize(dataset, dataset.tasks)) < 0
            || !changedFile.open(QIODevice::WriteOnly) || changedFile.write(serialize(dataset, changedTasks)) < 0) {
            std::fprintf(stderr, "bench_taskscope: cannot write %s\n", qPrintable(path));
            return 1;
        }
        return 0;
    }

    // Memory first, in a heap nothing else has used yet: resident growth from before the JSON
    // exists to a model holding every task, once the bytes and the parse result are freed.
    qint64 jsonBytes = 0;
    qint64 modelBytes = 0;
    {
        const qint64 before = residentBytes();
        auto model = std::make_unique<TaskTreeModel>();
        {
            const QByteArray bytes = serialize(dataset, dataset.tasks);
            jsonBytes = bytes.size();
            TaskListPage page;
            if (!parseOrDie(bytes, &page, taskCount))
                return 1;
            model->apply(page.tasks);
        }
        const qint64 after = residentBytes();
        if (model->taskCount() != taskCount) {
            std::fprintf(stderr, "bench_taskscope: the model holds %d tasks of %d\n", model->taskCount(), taskCount);
            return 1;
        }
        modelBytes = after - before;
    }

    print("tasks", qint64(taskCount));
    print("top_level_tasks", qint64(dataset.topLevel));
    print("json_bytes", jsonBytes);
    const double jsonBytesPerTask = double(jsonBytes) / taskCount;
    print("json_bytes_per_task", jsonBytesPerTask, 0);

    const QByteArray bytes = serialize(dataset, dataset.tasks);

    // Parsing: QJsonDocument's DOM is the floor; results are freed outside the timed part.
    const double parseFloorMs = minimumOf(kRuns, [&] {
        QJsonParseError error;
        QElapsedTimer timer;
        timer.start();
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
        const double ms = msSince(timer);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            qFatal("QJsonDocument rejects the synthetic list: %s", qPrintable(error.errorString()));
        return ms;
    });
    print("parse_floor_ms", parseFloorMs);

    auto page = std::make_unique<TaskListPage>();
    const double parseMs = minimumOf(kRuns, [&] {
        page = std::make_unique<TaskListPage>();
        QElapsedTimer timer;
        timer.start();
        ParseError error;
        const bool parsed = TaskListParser().parse(bytes, page.get(), &error);
        const double ms = msSince(timer);
        if (!parsed)
            qFatal("the synthetic list does not parse: %s", qPrintable(error.toString()));
        return ms;
    });
    if (page->tasks.size() != taskCount || !page->warnings.isEmpty()) {
        std::fprintf(stderr, "bench_taskscope: parsed %lld tasks, %lld warnings\n",
                     static_cast<long long>(page->tasks.size()), static_cast<long long>(page->warnings.size()));
        return 1;
    }
    print("parse_ms", parseMs);
    const double parseRatio = parseMs / parseFloorMs;
    print("parse_ratio", parseRatio, 3);

    // Apply into an empty model, a fresh one each run.
    const double applyInitialMs = minimumOf(kRuns, [&] {
        auto model = std::make_unique<TaskTreeModel>();
        signalCounter.attach(model.get());
        QElapsedTimer timer;
        timer.start();
        model->apply(page->tasks);
        return msSince(timer);
    });
    print("apply_initial_ms", applyInitialMs);

    // The same tasks again, freshly parsed (equal values, no shared data): nothing may change.
    TaskTreeModel model;
    model.apply(page->tasks);
    signalCounter.attach(&model);
    TaskListPage identical;
    if (!parseOrDie(bytes, &identical, taskCount))
        return 1;
    qint64 identicalSignals = 0;
    const double applyIdenticalMs = minimumOf(kRuns, [&] {
        signalCounter.reset();
        QElapsedTimer timer;
        timer.start();
        model.apply(identical.tasks);
        const double ms = msSince(timer);
        identicalSignals = std::max(identicalSignals, signalCounter.total());
        return ms;
    });
    print("apply_identical_ms", applyIdenticalMs);
    print("apply_identical_signals", identicalSignals);
    const double applyIdenticalRatio = applyIdenticalMs / parseFloorMs;
    print("apply_identical_ratio", applyIdenticalRatio, 3);

    // 1% of the tasks changed (progress, state, end time): re-parsed, and only the apply timed.
    // Applying the original tasks back (untimed) between runs restores the starting point.
    TaskListPage changed;
    {
        const QByteArray changedBytes = serialize(dataset, changedTasks);
        if (!parseOrDie(changedBytes, &changed, taskCount))
            return 1;
    }
    qint64 changedDataSignals = 0, changedOtherSignals = 0;
    const double apply1PctMs = minimumOf(kRuns, [&] {
        model.apply(page->tasks);
        signalCounter.reset();
        QElapsedTimer timer;
        timer.start();
        model.apply(changed.tasks);
        const double ms = msSince(timer);
        changedDataSignals = signalCounter.dataChanged;
        changedOtherSignals = signalCounter.other;
        return ms;
    });
    print("apply_1pct_ms", apply1PctMs);
    print("apply_1pct_changed_tasks", qint64(taskCount / 100));
    print("apply_1pct_datachanged_signals", changedDataSignals);
    print("apply_1pct_other_signals", changedOtherSignals);

    // The same poll as the window runs it: the diff on a worker (SnapshotDiff::compute, with the
    // parser's digests), then the UI thread's part, TaskTreeModel::apply(plan): signals and
    // pointer swaps only.
    double diff1PctWorkerMs = 0;
    const double apply1PctUiMs = minimumOf(kRuns, [&] {
        model.apply(page->tasks);
        QElapsedTimer timer;
        timer.start();
        ChangePlan plan = SnapshotDiff::compute(model.forest(), changed.tasks, changed.digests);
        const double diffMs = msSince(timer);
        diff1PctWorkerMs = diff1PctWorkerMs > 0 ? std::min(diff1PctWorkerMs, diffMs) : diffMs;
        timer.restart();
        if (!model.apply(std::move(plan)))
            qFatal("the plan does not apply");
        return msSince(timer);
    });
    print("diff_1pct_worker_ms", diff1PctWorkerMs);
    print("apply_1pct_ui_ms", apply1PctUiMs);

    // Over loopback: the demo server serves `taskCount` tasks from a thread of its own, as
    // another process would (its clock frozen, its body built once before timing); the client
    // fetches, parses and the model applies them. Against parsing the same bytes from memory.
    double fetchRatio = 0;
    {
        Demo::DemoServerOptions options;
        options.tasks = taskCount;
        options.seed = seed;
        const qint64 frozen = QDateTime::currentMSecsSinceEpoch();
        options.epochMsecs = frozen - 3600 * 1000;
        options.clock = [frozen] { return frozen; };
        QByteArray served;
        Demo::DemoServerThread serverThread(options, [&](Demo::DemoServer &server) {
            server.scenario().advanceTo(frozen);
            served = server.scenario().listJson();
        });
        if (!serverThread.isListening())
            qFatal("demo server: %s", qPrintable(serverThread.errorString()));
        Demo::DemoServer &server = serverThread.server();
        const double servedParseMs = minimumOf(kRuns, [&] {
            TaskListPage p;
            QElapsedTimer timer;
            timer.start();
            ParseError error;
            if (!TaskListParser().parse(served, &p, &error))
                qFatal("the demo list does not parse: %s", qPrintable(error.toString()));
            return msSince(timer);
        });
        qint64 fetchedTasks = 0;
        int pages = 0;
        const auto fetchWith = [&](int pageSize) {
            return minimumOf(kRuns, [&] {
            TasksClient client;
            ConnectionConfig config;
            config.baseUrl = server.url();
            config.accountId = server.account();
            config.transferTimeoutMs = 120000;
            config.pageSize = pageSize;
            client.setConfig(config);
            client.setToken(server.token());
            TaskTreeModel fetchedModel;
            QEventLoop loop;
            QObject::connect(&client, &TasksClient::snapshotReady, &loop, [&](const Snapshot &snapshot) {
                fetchedModel.apply(snapshot.tasks);
                pages = snapshot.pages;
                loop.quit();
            });
            QObject::connect(&client, &TasksClient::pollFailed, &loop, [&](const ApiError &error) {
                qFatal("fetch failed: %s", qPrintable(error.message()));
            });
            QElapsedTimer timer;
            timer.start();
            client.fetchOnce();
            loop.exec();
            const double ms = msSince(timer);
            fetchedTasks = fetchedModel.taskCount();
            return ms;
            });
        };
        // Pages of 10,000: the next page travels while this one is parsed.
        const double fetchMs = fetchWith(10000);
        const int fetchPages = pages;
        const double fetchUnpagedMs = fetchWith(0);
        print("fetch_tasks", fetchedTasks);
        print("fetch_bytes", qint64(served.size()));
        print("fetch_pages", qint64(fetchPages));
        print("fetch_ms", fetchMs);
        print("fetch_unpaged_ms", fetchUnpagedMs);
        print("fetch_parse_ms", servedParseMs);
        fetchRatio = fetchMs / servedParseMs;
        print("fetch_ratio", fetchRatio, 3);
        print("fetch_unpaged_ratio", fetchUnpagedMs / servedParseMs, 3);
    }

    // Incremental polling: a 10,000-task demo at its normal pace, polled every 10 s of its clock
    // (the default interval). Bytes of the quiet incremental polls against those of the full lists.
    // Measured with the demo's own retention for its size (the target) and with 900 s, the busy list
    // of earlier sessions where a seventh of the tasks run and change at every poll (printed only).
    const auto incrementalBytesRatio = [seed](qint64 retentionSeconds, const char *suffix) {
        Demo::DemoServerOptions options;
        options.tasks = 10000;
        options.seed = seed;
        options.retentionSeconds = retentionSeconds;
        auto serverNow = std::make_shared<std::atomic<qint64>>(QDateTime::currentMSecsSinceEpoch());
        options.clock = [serverNow] { return serverNow->load(); };
        Demo::DemoServerThread serverThread(options);
        if (!serverThread.isListening())
            qFatal("demo server: %s", qPrintable(serverThread.errorString()));
        Demo::DemoServer &server = serverThread.server();
        TasksClient client;
        ConnectionConfig config;
        config.baseUrl = server.url();
        config.accountId = server.account();
        config.pollIntervalMs = 10;
        config.transferTimeoutMs = 120000;
        client.setConfig(config);
        client.setToken(server.token());
        qint64 fullBytes = 0, incrementalBytes = 0;
        int fulls = 0, incrementals = 0;
        QEventLoop loop;
        QObject::connect(&client, &TasksClient::snapshotReady, &loop, [&](const Snapshot &snapshot) {
            (snapshot.full ? fullBytes : incrementalBytes) += snapshot.bytes;
            ++(snapshot.full ? fulls : incrementals);
            *serverNow += 10'000;
            if (fulls + incrementals >= 14)
                loop.quit();
        });
        QObject::connect(&client, &TasksClient::pollFailed, &loop,
                         [](const ApiError &error) { qFatal("incremental poll failed: %s", qPrintable(error.message())); });
        client.start();
        loop.exec();
        client.stop();
        const double ratio =
            incrementals && fulls ? (double(incrementalBytes) / incrementals) / (double(fullBytes) / fulls) : 1.0;
        // "incremental_busy_bytes_ratio" for "incremental_bytes_ratio" with the suffix "_busy".
        const auto key = [suffix](const char *name) {
            return QByteArray(QByteArray("incremental") + suffix + QByteArray(name).mid(qsizetype(sizeof("incremental")) - 1));
        };
        print(key("incremental_retention_s").constData(),
              qint64(retentionSeconds >= 0 ? retentionSeconds : Demo::defaultRetentionSeconds(options.tasks)));
        print(key("incremental_full_polls").constData(), qint64(fulls));
        print(key("incremental_polls").constData(), qint64(incrementals));
        print(key("incremental_full_bytes").constData(), fulls ? fullBytes / fulls : 0);
        print(key("incremental_quiet_bytes").constData(), incrementals ? incrementalBytes / incrementals : 0);
        print(key("incremental_bytes_ratio").constData(), ratio, 3);
        return ratio;
    };
    const double incrementalRatio = incrementalBytesRatio(-1, "");
    incrementalBytesRatio(900, "_busy");

    // Headless export, whole process, against the simdjson floor on the same file (best of kRuns
    // for each; the export's peak RSS is the largest of its runs).
    double exportFilterRatio = 0, exportPeakRatio = 0;
    {
        QTemporaryDir dir;
        const QByteArray path = dir.filePath(QStringLiteral("tasks.json")).toLocal8Bit();
        const QByteArray outPath = dir.filePath(QStringLiteral("failed.json")).toLocal8Bit();
        QFile file(QString::fromLocal8Bit(path));
        if (!dir.isValid() || !file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.flush())
            qFatal("bench_taskscope: cannot write the export input");
        file.close();
        qint64 failed = 0;
        floorScanMs(path, &failed);
        // The floor runs as a process of its own too (this program with --floor-scan FILE).
        const QByteArray self = QCoreApplication::applicationFilePath().toLocal8Bit();
        double floorMs = std::numeric_limits<double>::max();
        qint64 floorPeakBytes = 0;
        for (int run = 0; run < kRuns; ++run) {
            const ProcessRun result = runProcess(self, {"--floor-scan", path});
            if (result.status != 0)
                qFatal("bench_taskscope: the floor scan exited with %d", result.status);
            floorMs = std::min(floorMs, result.ms);
            floorPeakBytes = std::max(floorPeakBytes, result.peakBytes);
        }
        const QList<QByteArray> arguments{"export", "--input", path, "--filter", "state eq 'failed'", "--output", outPath};
        double exportMs = std::numeric_limits<double>::max();
        qint64 peakBytes = 0;
        for (int run = 0; run < kRuns; ++run) {
            const ProcessRun result = runProcess(TASKSCOPE_BINARY, arguments);
            if (result.status != 0)
                qFatal("bench_taskscope: taskscope export exited with %d", result.status);
            exportMs = std::min(exportMs, result.ms);
            peakBytes = std::max(peakBytes, result.peakBytes);
        }
        QFile out(QString::fromLocal8Bit(outPath));
        const qsizetype exported = out.open(QIODevice::ReadOnly)
            ? QJsonDocument::fromJson(out.readAll()).object().value(QLatin1String("items")).toArray().size()
            : -1;
        if (exported != failed)
            qFatal("bench_taskscope: the export wrote %lld tasks, the floor counts %lld failed", qint64(exported), failed);
        exportFilterRatio = exportMs / floorMs;
        exportPeakRatio = double(peakBytes) / double(bytes.size());
        print("export_failed_tasks", failed);
        print("export_floor_ms", floorMs);
        print("export_filter_ms", exportMs);
        print("export_filter_ratio", exportFilterRatio, 2);
        print("export_floor_peak_bytes", floorPeakBytes);
        print("export_peak_bytes", peakBytes);
        print("export_peak_ratio", exportPeakRatio, 2);
    }

    const double bytesPerTask = double(modelBytes) / taskCount;
    print("bytes_per_task", bytesPerTask, 0);
    const double memoryRatio = bytesPerTask / jsonBytesPerTask;
    print("memory_ratio", memoryRatio, 3);

    QStringList missed;
    const auto atMost = [&missed](const char *name, double value, double limit, int decimals) {
        if (value > limit)
            missed << QStringLiteral("%1 %2 > %3").arg(QLatin1String(name)).arg(value, 0, 'f', decimals).arg(limit);
    };
    atMost("parse_ratio", parseRatio, 2.0, 3);
    atMost("apply_identical_signals", identicalSignals, 0, 0);
    atMost("apply_identical_ratio", applyIdenticalRatio, 0.3, 3);
    atMost("apply_1pct_ui_ms", apply1PctUiMs, 10.0, 1);
    atMost("incremental_bytes_ratio", incrementalRatio, 0.05, 3);
    atMost("fetch_ratio", fetchRatio, 1.5, 3);
    atMost("memory_ratio", memoryRatio, 2.0, 3);
    atMost("export_filter_ratio", exportFilterRatio, 2.0, 2);
    atMost("export_peak_ratio", exportPeakRatio, 2.0, 2);
    for (const QString &line : std::as_const(missed))
        std::fprintf(stderr, "target missed: %s\n", qPrintable(line));
    std::fflush(stderr);
    std::printf("targets_met: %s\n", missed.isEmpty() ? "yes" : "no");
    return 0;
}
