// ErrorBanner: the failed poll's error above the (stale) tasks, with Retry and the connection settings.
#include "errorbanner.h"

#include "apierror.h"
#include "taskformat.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace Taskscope {

ErrorBanner::ErrorBanner(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLabel(this))
    , m_retry(new QPushButton(tr("Retry now"), this))
    , m_settings(new QPushButton(tr("Connection Settings…"), this))
{
    setAutoFillBackground(true);
    QPalette bannerPalette = palette();
    bannerPalette.setColor(QPalette::Window, bannerPalette.color(QPalette::ToolTipBase));
    bannerPalette.setColor(QPalette::WindowText, bannerPalette.color(QPalette::ToolTipText));
    setPalette(bannerPalette);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_retry, &QPushButton::clicked, this, &ErrorBanner::retryRequested);
    connect(m_settings, &QPushButton::clicked, this, &ErrorBanner::settingsRequested);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_settings);
    layout->addWidget(m_retry);
    hide();
}

qint64 ErrorBanner::secondsUntil(const QDateTime &now, const QDateTime &at)
{
    return qMax<qint64>(0, (now.msecsTo(at) + 999) / 1000);
}

QString ErrorBanner::text() const
{
    return m_text->text();
}

void ErrorBanner::showError(const ApiError &error, const Status &status)
{
    if (!error.isError()) {
        hide();
        return;
    }
    QString text = error.message();
    if (status.lastSuccess.isValid()) {
        text += u'\n' + tr("Showing the tasks of the last good poll (%1): they may be out of date.")
                            .arg(TaskFormat::localTime(status.lastSuccess));
    }
    if (status.nextRetry.isValid())
        text += u'\n' + tr("Next retry in %1 s.").arg(secondsUntil(status.now, status.nextRetry));
    else if (status.stoppedUntilSettingsChange)
        text += u'\n' + tr("Polling is stopped until the connection settings change.");
    m_text->setText(text);
    // Settings are the way out of errors that retrying cannot fix.
    m_settings->setVisible(!error.retryCanHelp());
    show();
}

} // namespace Taskscope
