// Attention: what deserves a notification. Rules (an event, a filter expression, a connection)
// are matched against each applied ChangePlan's transitions and the tasks that became stalled;
// AttentionEngine turns the matches into NotificationMessages, once per task and event, grouped
// when they come in bursts. See "Attention" in DESIGN.md.
#pragma once

#include "changeplan.h"
#include "nametable.h"
#include "notifier.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QSet>
#include <memory>
#include <optional>
#include <QString>

class QSettings;

namespace Taskscope {

class Scheduler;

enum class AttentionEvent : quint8 {
    Fails,     // enters failed
    Completes, // enters completed
    Ends,      // enters completed, failed or cancelled
    Stalls,    // Task::stalledSince becomes set
    Starts,    // enters running from notStarted (or appears running after the first snapshot)
};
QString attentionEventApiName(AttentionEvent event); // "fails", "completes", ... (settings, CLI)
std::optional<AttentionEvent> attentionEventFromApiName(QStringView text);
QString attentionEventText(AttentionEvent event);     // localised, for the settings page

struct AttentionRule
{
    QString id;         // stable (a UUID without braces); what "Mute this rule" names
    QString name;       // shown in the settings; empty: described from event and filter
    AttentionEvent event = AttentionEvent::Fails;
    QString filter;     // the filter language; empty: any task
    QString connection; // a connection profile's name; empty: any connection
    bool watchedOnly = false; // only tasks the user watches (or their subtasks)
    bool muted = false;
    friend bool operator==(const AttentionRule &, const AttentionRule &) = default;
};

// Any task fails; a watched task ends; a task stalls.
QList<AttentionRule> defaultAttentionRules();
// The rules saved under "Attention/rules" (the defaults when none were ever saved).
QList<AttentionRule> loadAttentionRules(QSettings &settings);
void saveAttentionRules(QSettings &settings, const QList<AttentionRule> &rules);

// One matched event, before grouping (the tray's "last 5 events" lists these).
struct AttentionItem
{
    QString taskId;
    AttentionEvent event = AttentionEvent::Fails;
    QString ruleId;
    QString taskTitle;   // the summary ("Backup"), else the name
    QString appName;     // names from the NameTable, else the short id; may be empty
    QString clusterName;
    QString reason;      // the first stateDetails title (failures, stalls)
    QDateTime at;
    friend bool operator==(const AttentionItem &, const AttentionItem &) = default;
};

class AttentionEngine final : public QObject
{
    Q_OBJECT
public:
    explicit AttentionEngine(Scheduler *scheduler, QObject *parent = nullptr);
    ~AttentionEngine() override;

    void setRules(const QList<AttentionRule> &rules); // invalid filters are skipped (ruleErrors())
    QList<AttentionRule> rules() const;
    QStringList ruleErrors() const;
    void muteRule(const QString &ruleId); // emits rulesChanged
    void setWatched(const QSet<QString> &taskIds);
    void setConnectionName(const QString &name);

    // An applied plan (UI thread, O(transitions + changed rows)). `firstOfSession`: the plan that
    // brought the first snapshot of a connection: nothing in it is news, and it is not notified.
    void onPlanApplied(const ChangePlan &plan, const NameTable &names, bool firstOfSession);
    // "Failures since last run": the failures history saw between two sessions, notified as news.
    void notifyMissed(const QList<AttentionItem> &items);
    // Forgets what was notified (another connection).
    void reset();

    // Bursts: more than this many events within groupWindowMs() become one message.
    static constexpr int groupThreshold() { return 3; }
    static constexpr qint64 groupWindowMs() { return 10'000; }

Q_SIGNALS:
    void notify(const NotificationMessage &message);
    void itemsMatched(const QList<AttentionItem> &items); // every matched event, grouped or not
    void rulesChanged(const QList<AttentionRule> &rules);

private:
    // Sends now, groups, or holds until the burst window closes.
    void dispatch(const QList<AttentionItem> &items);
    void flushHeld();
    NotificationMessage messageFor(const QList<AttentionItem> &items) const;

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Taskscope
