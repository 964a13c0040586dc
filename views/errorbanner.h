// ErrorBanner: shown while the last poll failed: the error, since when the data is stale, when the next
// retry comes, a Retry button, and the connection settings when retrying cannot help.
#pragma once

#include <QDateTime>
#include <QWidget>

class QLabel;
class QPushButton;

namespace Taskscope {

struct ApiError;

class ErrorBanner final : public QWidget
{
    Q_OBJECT
public:
    explicit ErrorBanner(QWidget *parent = nullptr);

    // What the banner says about `error`. `nextRetry` is valid while backing off; `stoppedUntilSettingsChange`
    // when polling waits for new credentials. `now` is the clock the retry countdown reads.
    struct Status
    {
        QDateTime lastSuccess;
        QDateTime nextRetry;
        bool stoppedUntilSettingsChange = false;
        QDateTime now;
    };
    // Shows the banner for an error, hides it when `error` is not one.
    void showError(const ApiError &error, const Status &status);
    QString text() const;

    // Whole seconds from `now` until `at`, rounded up, never negative.
    static qint64 secondsUntil(const QDateTime &now, const QDateTime &at);

Q_SIGNALS:
    void retryRequested();
    void settingsRequested();

private:
    QLabel *m_text;
    QPushButton *m_retry;
    QPushButton *m_settings;
};

} // namespace Taskscope
