// The freeze bar: its text (a %n count and the local time of day), the Show Changes toggle and Unfreeze.
#include "freezebar.h"

#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace Taskscope;
using namespace Qt::StringLiterals;

class TestFreezeBar : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    }

    void textSaysHowManyChangesSinceWhen()
    {
        FreezeBar bar;
        const QDateTime since = QDateTime(QDate(2026, 12, 3), QTime(14, 2), Qt::LocalTime).toUTC();
        bar.setFrozenSince(since);
        bar.setChangeCount(23);
        const QString time = QLocale().toString(QTime(14, 2), QLocale::ShortFormat);
        QVERIFY2(bar.text().startsWith(u"Frozen: 23 "_s), qPrintable(bar.text()));
        QVERIFY2(bar.text().endsWith(u" since "_s + time), qPrintable(bar.text()));
        QVERIFY(bar.findChild<QLabel *>(u"freezeText"_s)->toolTip().contains(u"2026"_s)); // the date, for long freezes
        bar.setChangeCount(1);
        QVERIFY(bar.text().startsWith(u"Frozen: 1 "_s));
        bar.setChangeCount(-4); // nonsense in: no negative count out
        QVERIFY(bar.text().startsWith(u"Frozen: 0 "_s));
        // In another language's locale the time follows it.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        bar.setFrozenSince(since);
        QVERIFY2(bar.text().endsWith(QLocale().toString(QTime(14, 2), QLocale::ShortFormat)), qPrintable(bar.text()));
        QVERIFY(bar.text().contains(u"PM"_s));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    }

    void showChangesTogglesTheView()
    {
        FreezeBar bar;
        bar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bar));
        auto *toggle = bar.findChild<QPushButton *>(u"showChanges"_s);
        QVERIFY(toggle);
        QVERIFY(!toggle->isEnabled()); // nothing to show yet
        QSignalSpy shown(&bar, &FreezeBar::changesShownChanged);
        auto *changes = new QLabel(u"the changes"_s);
        bar.setChangesView(changes);
        QCOMPARE(changes->parentWidget(), &bar);
        QVERIFY(toggle->isEnabled());
        QVERIFY(!changes->isVisible());
        QTest::mouseClick(toggle, Qt::LeftButton);
        QVERIFY(bar.changesShown());
        QVERIFY(changes->isVisible());
        QCOMPARE(shown.count(), 1);
        QCOMPARE(shown.at(0).at(0).toBool(), true);
        QTest::mouseClick(toggle, Qt::LeftButton);
        QVERIFY(!bar.changesShown());
        QVERIFY(!changes->isVisible());
        // Replaced: the old view is deleted, the new one follows the toggle.
        bar.setChangesShown(true);
        QPointer<QLabel> old(changes);
        auto *other = new QLabel(u"other"_s);
        bar.setChangesView(other);
        QVERIFY(old.isNull());
        QVERIFY(other->isVisible());
        bar.setChangesView(nullptr);
        QVERIFY(!toggle->isEnabled());
        QVERIFY(!bar.changesShown());
    }

    void unfreezeButtonAsksToUnfreeze()
    {
        FreezeBar bar;
        bar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bar));
        QSignalSpy unfreeze(&bar, &FreezeBar::unfreezeRequested);
        auto *button = bar.findChild<QPushButton *>(u"unfreeze"_s);
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(unfreeze.count(), 1);
    }
};

QTEST_MAIN(TestFreezeBar)
#include "tst_freezebar.moc"
