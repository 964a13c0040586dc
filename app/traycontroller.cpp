// TrayController: the tray icon, painted from the app icon, a state mark and the unseen count.
#include "traycontroller.h"

#include "statepill.h"
#include "taskcolors.h"
#include "taskformat.h"

#include <QAction>
#include <QGuiApplication>
#include <QIcon>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QSystemTrayIcon>

namespace Taskscope {

namespace {

// The sizes desktops ask for (16 to 24 in panels, larger on high-DPI screens and in settings).
constexpr int kIconSizes[] = {16, 22, 24, 32, 48, 64};
constexpr int kImageSize = 64;

QImage baseIcon(int size)
{
    const QIcon icon(QStringLiteral(":/taskscope/icons/taskscope.svg"));
    QImage image = icon.pixmap(QSize(size, size)).toImage().convertToFormat(QImage::Format_ARGB32_Premultiplied);
    if (image.size() == QSize(size, size))
        return image;
    // No SVG support (a missing image plugin): a plain rounded square still carries the marks.
    image = QImage(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette palette = QGuiApplication::palette();
    painter.setPen(Qt::NoPen);
    painter.setBrush(palette.color(QPalette::Highlight));
    painter.drawRoundedRect(QRectF(0, 0, size, size).adjusted(1, 1, -1, -1), size / 6.0, size / 6.0);
    return image;
}

QString escapedForMenu(QString text)
{
    return text.replace(u'&', QStringLiteral("&&")); // a title's "&" is no mnemonic
}

} // namespace

TrayController::TrayController(QObject *parent)
    : QObject(parent)
    , m_tray(new QSystemTrayIcon(this))
    , m_menu(std::make_unique<QMenu>())
{
    m_showHide = m_menu->addAction(tr("&Hide Window"));
    connect(m_showHide, &QAction::triggered, this, &TrayController::toggleWindowRequested);
    m_menu->addSeparator();
    m_eventsTitle = m_menu->addSection(tr("Recent Events"));
    m_noEvents = m_menu->addAction(tr("No events yet"));
    m_noEvents->setEnabled(false);
    m_eventsEnd = m_menu->addSeparator();
    m_quit = m_menu->addAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"));
    connect(m_quit, &QAction::triggered, this, &TrayController::quitRequested);

    m_tray->setContextMenu(m_menu.get());
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger)
            Q_EMIT toggleWindowRequested();
    });
    updateIcon();
    m_tray->setToolTip(toolTip());
}

TrayController::~TrayController()
{
    m_tray->setContextMenu(nullptr);
}

void TrayController::setCounts(const std::array<int, TaskStateCount> &counts)
{
    m_counts = counts;
    const auto count = [&](TaskState state) { return m_counts[size_t(state)]; };
    Mark mark = Mark::Idle;
    if (count(TaskState::Failed) > 0)
        mark = Mark::Failed;
    else if (count(TaskState::Running) + count(TaskState::Pausing) + count(TaskState::Cancelling) > 0)
        mark = Mark::Running;
    if (mark != m_mark) {
        m_mark = mark;
        updateIcon();
    }
    m_tray->setToolTip(toolTip());
}

void TrayController::setUnseenFailures(int count)
{
    count = qMax(0, count);
    if (count == m_unseen)
        return;
    m_unseen = count;
    updateIcon();
    m_tray->setToolTip(toolTip());
}

void TrayController::addEvents(const QList<AttentionItem> &items)
{
    if (items.isEmpty())
        return;
    for (const AttentionItem &item : items)
        m_events.prepend(item);
    if (m_events.size() > maxEvents())
        m_events.resize(maxEvents());
    rebuildEventActions();
}

void TrayController::setPauseAction(QAction *action)
{
    if (m_pause)
        m_menu->removeAction(m_pause);
    m_pause = action;
    if (m_pause)
        m_menu->insertAction(m_menu->actions().value(1), m_pause); // after Show/Hide
}

void TrayController::setWindowShown(bool shown)
{
    m_showHide->setText(shown ? tr("&Hide Window") : tr("&Show Window"));
}

void TrayController::setVisible(bool visible)
{
    m_tray->setVisible(visible);
}

QString TrayController::toolTip() const
{
    QStringList lines{QStringLiteral("Taskscope")};
    QStringList states;
    for (int i = 0; i < TaskStateCount; ++i) {
        if (m_counts[size_t(i)] > 0)
            states << tr("%1: %L2", "tray tooltip: a state's name, its task count")
                          .arg(TaskFormat::stateName(TaskState(i), QString()))
                          .arg(m_counts[size_t(i)]);
    }
    lines << (states.isEmpty() ? tr("No tasks") : states.join(QStringLiteral(", ")));
    if (m_unseen > 0)
        lines << tr("%n failure(s) not yet seen", nullptr, m_unseen);
    return lines.join(u'\n');
}

QString TrayController::eventText(const AttentionItem &item)
{
    const QString title = item.taskTitle.isEmpty() ? item.taskId : item.taskTitle;
    const QString subject = item.appName.isEmpty() ? title
                                                   : tr("%1 of %2", "tray event: a task's title, its app").arg(title, item.appName);
    QString what;
    switch (item.event) {
    case AttentionEvent::Fails: what = tr("%1 failed").arg(subject); break;
    case AttentionEvent::Completes: what = tr("%1 completed").arg(subject); break;
    case AttentionEvent::Ends: what = tr("%1 ended").arg(subject); break;
    case AttentionEvent::Stalls: what = tr("%1 stalled").arg(subject); break;
    case AttentionEvent::Starts: what = tr("%1 started").arg(subject); break;
    }
    if (!item.at.isValid())
        return what;
    const QString time = QLocale().toString(item.at.toLocalTime().time(), QLocale::ShortFormat);
    return tr("%1  %2", "tray event: its local time, what happened").arg(time, what);
}

void TrayController::rebuildEventActions()
{
    for (QAction *action : std::as_const(m_eventActions)) {
        m_menu->removeAction(action);
        action->deleteLater();
    }
    m_eventActions.clear();
    m_noEvents->setVisible(m_events.isEmpty());
    for (const AttentionItem &item : std::as_const(m_events)) {
        auto *action = new QAction(escapedForMenu(eventText(item)), m_menu.get());
        action->setToolTip(item.reason);
        action->setStatusTip(item.reason);
        const QString taskId = item.taskId;
        connect(action, &QAction::triggered, this, [this, taskId] { Q_EMIT showRequested(taskId); });
        m_menu->insertAction(m_eventsEnd, action);
        m_eventActions << action;
    }
}

void TrayController::updateIcon()
{
    QIcon icon;
    for (const int size : kIconSizes)
        icon.addPixmap(QPixmap::fromImage(renderIcon(m_mark, m_unseen, size)));
    m_image = renderIcon(m_mark, m_unseen, kImageSize);
    m_tray->setIcon(icon);
}

QImage TrayController::renderIcon(Mark mark, int unseenFailures, int size)
{
    QImage image = baseIcon(size);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette palette = QGuiApplication::palette();
    const QColor text = palette.color(QPalette::WindowText);
    const QColor base = palette.color(QPalette::Window);

    if (mark != Mark::Idle) {
        const TaskState state = mark == Mark::Failed ? TaskState::Failed : TaskState::Running;
        const StatePill::Readable colors = StatePill::readableOn(TaskColors::accent(state, palette), text, base);
        const double d = size * 0.55;
        const QRectF disc(size - d, size - d, d, d);
        painter.setPen(QPen(base, qMax(1.0, size / 32.0)));
        painter.setBrush(colors.fill);
        painter.drawEllipse(disc.adjusted(0.5, 0.5, -0.5, -0.5));
        StatePill::drawGlyph(&painter, state, disc.adjusted(d * 0.25, d * 0.25, -d * 0.25, -d * 0.25),
                             colors.foreground);
    }

    if (unseenFailures > 0) {
        const QString count = unseenFailures > 99 ? QStringLiteral("99+") : QString::number(unseenFailures);
        QFont font = QGuiApplication::font();
        font.setBold(true);
        const double h = size * 0.48;
        font.setPixelSize(qMax(6, int(h * 0.78)));
        const QFontMetricsF metrics(font);
        const double w = qMin(double(size), qMax(h, metrics.horizontalAdvance(count) + h * 0.4));
        const QRectF badge(size - w, 0, w, h);
        const StatePill::Readable colors =
            StatePill::readableOn(TaskColors::accent(TaskState::Failed, palette), text, base);
        painter.setPen(QPen(base, qMax(1.0, size / 32.0)));
        painter.setBrush(colors.fill);
        painter.drawRoundedRect(badge.adjusted(0.5, 0.5, -0.5, -0.5), h / 2.0, h / 2.0);
        painter.setFont(font);
        painter.setPen(colors.foreground);
        painter.drawText(badge, Qt::AlignCenter, count);
    }
    return image;
}

} // namespace Taskscope
