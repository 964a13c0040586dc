// AttentionController: rules and notifications, the tray, watched tasks, ETA and stalls.
#include "attentioncontroller.h"

#include "attentionsettings.h"
#include "changeplan.h"
#include "notifierchoice.h"
#include "scheduler.h"
#include "tasktreemodel.h"
#include "traycontroller.h"

#include <QAction>
#include <QSettings>
#include <QSystemTrayIcon>

namespace Taskscope {

namespace {

const QString kWatchedKey = QStringLiteral("Attention/watched");
const QString kNotifyMissedKey = QStringLiteral("Attention/notifyMissed");
const QString kLastRunKey = QStringLiteral("Attention/lastRun");

} // namespace

AttentionController::AttentionController(Scheduler *clock, TaskTreeModel *model, QAction *pause,
                                         std::shared_ptr<ProgressTracker> tracker, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_model(model)
    , m_engine(new AttentionEngine(clock, this))
    , m_tracker(std::move(tracker))
{
    QSettings settings;
    m_engine->setRules(loadAttentionRules(settings));
    const QStringList watched = settings.value(kWatchedKey).toStringList();
    m_watched = QSet<QString>(watched.cbegin(), watched.cend());
    m_model->setWatched(m_watched);
    m_engine->setWatched(m_watched);
    connect(m_engine, &AttentionEngine::rulesChanged, this, [](const QList<AttentionRule> &rules) {
        QSettings settings;
        saveAttentionRules(settings, rules);
    });
    connect(m_engine, &AttentionEngine::notify, this, &AttentionController::show);

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new TrayController(this);
        m_tray->setPauseAction(pause);
        m_tray->setVisible(true);
        connect(m_tray, &TrayController::showRequested, this, &AttentionController::showTaskRequested);
        connect(m_tray, &TrayController::toggleWindowRequested, this, &AttentionController::toggleWindowRequested);
        connect(m_tray, &TrayController::quitRequested, this, &AttentionController::quitRequested);
        connect(m_engine, &AttentionEngine::itemsMatched, m_tray, &TrayController::addEvents);
        connect(m_model, &TaskTreeModel::unseenFailuresChanged, m_tray, &TrayController::setUnseenFailures);
    }
    setNotifier(std::unique_ptr<Notifier>(createNotifier(m_tray ? m_tray->trayIcon() : nullptr, nullptr)));
}

AttentionController::~AttentionController() = default;

void AttentionController::setNotifier(std::unique_ptr<Notifier> notifier)
{
    m_notifier = std::move(notifier);
    if (!m_notifier)
        return;
    connect(m_notifier.get(), &Notifier::showRequested, this, &AttentionController::showTaskRequested);
    connect(m_notifier.get(), &Notifier::muteRequested, m_engine, &AttentionEngine::muteRule);
}

void AttentionController::setConnection(const QString &name)
{
    m_connection = name;
    m_engine->reset();
    m_engine->setConnectionName(name);
    m_tracker->clear();
    m_model->clearChangeMarks();
}

void AttentionController::planApplied(const ChangePlan &plan, const NameTable &names)
{
    const bool first = !plan.previous || plan.previous->size() == 0;
    m_engine->onPlanApplied(plan, names, first);
    // Once a minute at most: "since the last run" starts about where this one stopped.
    const QDateTime now = m_clock->now();
    if (!m_lastRunSaved.isValid() || m_lastRunSaved.secsTo(now) >= 60)
        saveLastRun();
}

void AttentionController::setStateTotals(const std::array<int, TaskStateCount> &totals)
{
    if (m_tray)
        m_tray->setCounts(totals);
}

void AttentionController::setWatched(const QString &taskId, bool watched)
{
    if (watched == m_watched.contains(taskId))
        return;
    if (watched)
        m_watched.insert(taskId);
    else
        m_watched.remove(taskId);
    m_model->setWatched(m_watched);
    m_engine->setWatched(m_watched);
    QStringList ids(m_watched.cbegin(), m_watched.cend());
    ids.sort();
    QSettings().setValue(kWatchedKey, ids);
}

void AttentionController::show(const NotificationMessage &message)
{
    if (m_notifier && m_notifier->isAvailable())
        m_notifier->show(message);
}

bool AttentionController::notifiesMissed() const
{
    return QSettings().value(kNotifyMissedKey, false).toBool();
}

void AttentionController::notifyMissed(const QList<AttentionItem> &items)
{
    if (!items.isEmpty())
        m_engine->notifyMissed(items);
}

QDateTime AttentionController::lastRun()
{
    return QSettings().value(kLastRunKey).toDateTime();
}

void AttentionController::saveLastRun()
{
    m_lastRunSaved = m_clock->now();
    QSettings().setValue(kLastRunKey, m_lastRunSaved);
}

void AttentionController::editSettings(QWidget *parent)
{
    AttentionSettings dialog(parent);
    dialog.setRules(m_engine->rules());
    dialog.setNotifyMissed(notifiesMissed());
    dialog.setBackendName(m_notifier ? m_notifier->backendName() : QString(), m_notifier && m_notifier->isAvailable());
    dialog.setConnectionNames(m_connectionNames);
    connect(&dialog, &AttentionSettings::testNotificationRequested, this, &AttentionController::show);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_engine->setRules(dialog.rules());
    QSettings settings;
    saveAttentionRules(settings, dialog.rules());
    settings.setValue(kNotifyMissedKey, dialog.notifyMissed());
}

} // namespace Taskscope
