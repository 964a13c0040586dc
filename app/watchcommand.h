// `taskscope watch`: polls without a display, records every poll in the history as the window does,
// and prints each state transition once the history holds it (like `kubectl get -w`).
#pragma once

#include "changeplan.h"
#include "connectionconfig.h"
#include "filterevaluator.h"
#include "snapshot.h"

#include <QEventLoop>
#include <QObject>
#include <QStringList>

#include <deque>
#include <optional>

class QIODevice;
class QSocketNotifier;
class QTextStream;

namespace Taskscope {

struct ApiError;
class ChangePlanner;
class HistoryCommandLine;
class HistoryStore;
class TasksClient;
struct HistoryTransition;

class WatchCommand final : public QObject
{
    Q_OBJECT
public:
    // `arguments`: the program name, then "watch" and its options. Transitions go to `out`.
    static int run(const QStringList &arguments, QIODevice *out, QTextStream &err);

private:
    struct Source
    {
        ConnectionConfig config;
        QString token;
        QString key;   // historyConnectionKey()
        QString label; // historyConnectionLabel()
    };
    // A recorded poll's trees, to evaluate --filter on the task a transition is about.
    struct Recent
    {
        QDateTime at;
        TaskForestPtr forest;
        TaskForestPtr previous;
    };

    WatchCommand(const HistoryCommandLine &cli, HistoryStore *store, const Source &source, const FilterExpr &filter,
                 QIODevice *out, QTextStream &err);
    ~WatchCommand() override;

    int exec(double durationSeconds);
    void onSnapshot(const Snapshot &snapshot);
    void submit(const Snapshot &snapshot);
    void namesReady();
    void onPlanReady();
    void onRecorded(const QList<HistoryTransition> &transitions);
    void onPollFailed(const ApiError &error);
    bool printed(const HistoryTransition &transition);
    const Task *taskOf(const HistoryTransition &transition) const;
    void onSignal();
    // Ends the loop with `exitCode`: no more polls; what was queued for the history is written,
    // and the transitions it holds are printed, before the loop ends.
    void stop(int exitCode);

    const HistoryCommandLine &m_cli;
    HistoryStore *m_store;
    Source m_source;
    QIODevice *m_out;
    QTextStream &m_err;
    TasksClient *m_client;
    ChangePlanner *m_planner;
    QSocketNotifier *m_signals = nullptr;
    TaskForestPtr m_forest; // the tree of the last poll recorded: the base of the next plan
    bool m_planningResync = false;
    bool m_resync = false; // a write failed: the next plan starts from nothing
    std::optional<Snapshot> m_waiting; // arrived while a plan was computed; only the newest counts
    bool m_namesReady = false;
    bool m_first = true;
    std::deque<Recent> m_recent;
    FilterPredicate m_filter;
    QEventLoop m_loop;
    bool m_stopping = false;
    int m_exitCode = 0;
    QString m_namesProblem;
};

} // namespace Taskscope
