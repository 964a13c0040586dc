// The rules of AttentionEngine: their events' names, the defaults, and how they are saved.
#include "attention.h"

#include <QCoreApplication>
#include <QSettings>
#include <QUuid>

namespace Taskscope {

namespace {

constexpr AttentionEvent kEvents[] = {AttentionEvent::Fails, AttentionEvent::Completes, AttentionEvent::Ends,
                                      AttentionEvent::Stalls, AttentionEvent::Starts};

} // namespace

QString attentionEventApiName(AttentionEvent event)
{
    switch (event) {
    case AttentionEvent::Fails: return QStringLiteral("fails");
    case AttentionEvent::Completes: return QStringLiteral("completes");
    case AttentionEvent::Ends: return QStringLiteral("ends");
    case AttentionEvent::Stalls: return QStringLiteral("stalls");
    case AttentionEvent::Starts: return QStringLiteral("starts");
    }
    return {};
}

std::optional<AttentionEvent> attentionEventFromApiName(QStringView text)
{
    for (const AttentionEvent event : kEvents) {
        if (text.compare(attentionEventApiName(event), Qt::CaseInsensitive) == 0)
            return event;
    }
    return std::nullopt;
}

QString attentionEventText(AttentionEvent event)
{
    switch (event) {
    case AttentionEvent::Fails: return QCoreApplication::translate("Taskscope::Attention", "A task fails");
    case AttentionEvent::Completes: return QCoreApplication::translate("Taskscope::Attention", "A task completes");
    case AttentionEvent::Ends:
        return QCoreApplication::translate("Taskscope::Attention", "A task ends (completes, fails or is cancelled)");
    case AttentionEvent::Stalls: return QCoreApplication::translate("Taskscope::Attention", "A task stalls");
    case AttentionEvent::Starts: return QCoreApplication::translate("Taskscope::Attention", "A task starts");
    }
    return {};
}

QList<AttentionRule> defaultAttentionRules()
{
    // Fixed ids: "Mute this rule" on a default rule still names it after a restart.
    AttentionRule fails;
    fails.id = QStringLiteral("default-fails");
    fails.event = AttentionEvent::Fails;
    AttentionRule watchedEnds;
    watchedEnds.id = QStringLiteral("default-watched-ends");
    watchedEnds.event = AttentionEvent::Ends;
    watchedEnds.watchedOnly = true;
    AttentionRule stalls;
    stalls.id = QStringLiteral("default-stalls");
    stalls.event = AttentionEvent::Stalls;
    return {fails, watchedEnds, stalls};
}

QList<AttentionRule> loadAttentionRules(QSettings &settings)
{
    settings.beginGroup(QStringLiteral("Attention"));
    const bool saved = settings.contains(QStringLiteral("rules/size"));
    QList<AttentionRule> rules;
    const int count = settings.beginReadArray(QStringLiteral("rules"));
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        const auto event = attentionEventFromApiName(settings.value(QStringLiteral("event")).toString());
        if (!event)
            continue; // written by a newer version: its event is unknown here
        AttentionRule rule;
        rule.id = settings.value(QStringLiteral("id")).toString();
        if (rule.id.isEmpty())
            rule.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        rule.name = settings.value(QStringLiteral("name")).toString();
        rule.event = *event;
        rule.filter = settings.value(QStringLiteral("filter")).toString();
        rule.connection = settings.value(QStringLiteral("connection")).toString();
        rule.watchedOnly = settings.value(QStringLiteral("watchedOnly"), false).toBool();
        rule.muted = settings.value(QStringLiteral("muted"), false).toBool();
        rules.append(rule);
    }
    settings.endArray();
    settings.endGroup();
    return saved ? rules : defaultAttentionRules();
}

void saveAttentionRules(QSettings &settings, const QList<AttentionRule> &rules)
{
    settings.beginGroup(QStringLiteral("Attention"));
    settings.remove(QStringLiteral("rules"));
    settings.beginWriteArray(QStringLiteral("rules"), int(rules.size()));
    for (int i = 0; i < rules.size(); ++i) {
        const AttentionRule &rule = rules.at(i);
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("id"), rule.id);
        settings.setValue(QStringLiteral("name"), rule.name);
        settings.setValue(QStringLiteral("event"), attentionEventApiName(rule.event));
        settings.setValue(QStringLiteral("filter"), rule.filter);
        settings.setValue(QStringLiteral("connection"), rule.connection);
        settings.setValue(QStringLiteral("watchedOnly"), rule.watchedOnly);
        settings.setValue(QStringLiteral("muted"), rule.muted);
    }
    settings.endArray();
    settings.endGroup();
}

} // namespace Taskscope
