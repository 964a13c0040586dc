// ErrorBanner: hidden without an error; the error, since when the data is stale, the retry countdown on
// the given clock, and the connection settings only when retrying cannot help.
#include "errorbanner.h"

#include "apierror.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Taskscope;
using namespace Qt::StringLiterals;

namespace {

QPushButton *button(ErrorBanner &banner, const QString &text)
{
    for (QPushButton *candidate : banner.findChildren<QPushButton *>()) {
        if (candidate->text() == text)
            return candidate;
    }
    return nullptr;
}

} // namespace

class TestErrorBanner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsTheErrorAndTheRetry()
    {
        QWidget parent;
        auto *banner = new ErrorBanner(&parent);
        parent.show();
        QVERIFY(!banner->isVisible());
        const QDateTime now = QDateTime::fromMSecsSinceEpoch(1'800'000'000'000, Qt::UTC);
        const ApiError busy = ApiError::http(u"https://astra.example/tasks"_s, 503, std::nullopt);
        banner->showError(busy, {now.addSecs(-60), now.addMSecs(4'200), false, now});
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->text().startsWith(busy.message()), qPrintable(banner->text()));
        QVERIFY2(banner->text().contains(ErrorBanner::tr("Next retry in %1 s.").arg(5)), qPrintable(banner->text()));
        QVERIFY(banner->text().contains(u"they may be out of date"_s));
        QPushButton *settings = button(*banner, ErrorBanner::tr("Connection Settings…"));
        QVERIFY(settings);
        QVERIFY(!settings->isVisible()); // retrying can fix a busy server

        QSignalSpy retry(banner, &ErrorBanner::retryRequested);
        QSignalSpy settingsAsked(banner, &ErrorBanner::settingsRequested);
        QTest::mouseClick(button(*banner, ErrorBanner::tr("Retry now")), Qt::LeftButton);
        QCOMPARE(retry.size(), 1);

        const ApiError refused = ApiError::http(u"https://astra.example/tasks"_s, 401, std::nullopt);
        banner->showError(refused, {QDateTime(), QDateTime(), true, now});
        QVERIFY(settings->isVisible());
        QVERIFY(banner->text().contains(ErrorBanner::tr("Polling is stopped until the connection settings change.")));
        QVERIFY(!banner->text().contains(u"out of date"_s)); // never a good poll
        QTest::mouseClick(settings, Qt::LeftButton);
        QCOMPARE(settingsAsked.size(), 1);

        banner->showError(ApiError(), {now, QDateTime(), false, now});
        QVERIFY(!banner->isVisible());
    }

    void secondsRoundUpAndNeverGoNegative()
    {
        const QDateTime now = QDateTime::fromMSecsSinceEpoch(1'800'000'000'000, Qt::UTC);
        QCOMPARE(ErrorBanner::secondsUntil(now, now.addMSecs(1)), 1);
        QCOMPARE(ErrorBanner::secondsUntil(now, now.addMSecs(3000)), 3);
        QCOMPARE(ErrorBanner::secondsUntil(now, now.addMSecs(-500)), 0);
    }
};

QTEST_MAIN(TestErrorBanner)
#include "tst_errorbanner.moc"
