// TaskFormat's estimated time left and stalled state label: ranges, units, rounding, the unknown and the finished.
#include "taskformat.h"

#include <QLocale>
#include <QTest>

using namespace Taskscope;
using namespace Qt::StringLiterals;

class TestTaskFormat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void eta_data()
    {
        QTest::addColumn<qint64>("low");
        QTest::addColumn<qint64>("high");
        QTest::addColumn<QString>("text");
        const auto row = [](const char *name, qint64 low, qint64 high, const QString &text) {
            QTest::newRow(name) << low << high << text;
        };
        row("minutes range", 230, 370, u"≈ 4–6 min"_s);
        row("minutes that round alike", 290, 310, u"≈ 5 min"_s);
        row("seconds to 5 s", 21, 44, u"≈ 20–45 s"_s);
        row("seconds alike", 30, 31, u"≈ 30 s"_s);
        row("a few seconds is never 0", 0, 1, u"< 5 s"_s);
        row("unit from the upper end", 20, 100, u"< 2 min"_s);
        row("seconds from zero", 0, 40, u"< 40 s"_s);
        row("89 s stays in seconds", 60, 89, u"≈ 60–90 s"_s);
        row("hours to the half hour", 3600, 7000, u"≈ 1–2 h"_s);
        row("one and a half hours", 5300, 5500, u"≈ 1.5 h"_s);
        row("long hours to the hour", 9 * 3600, 12 * 3600 + 1000, u"≈ 9–12 h"_s);
        row("ends swapped", 370, 230, u"≈ 4–6 min"_s);
        row("negative", -50, -10, u"< 5 s"_s);
    }

    void eta()
    {
        QFETCH(qint64, low);
        QFETCH(qint64, high);
        QFETCH(QString, text);
        EtaRange range;
        range.lowSeconds = low;
        range.highSeconds = high;
        range.sources = EtaRange::Rate;
        QCOMPARE(TaskFormat::eta(range, true), text);
        QVERIFY(TaskFormat::eta(range, false).isEmpty()); // finished: no estimate at all
    }

    void etaUnknownOnlyWhileRunning()
    {
        QCOMPARE(TaskFormat::eta(std::nullopt, true), u"Unknown"_s);
        QVERIFY(TaskFormat::eta(std::nullopt, false).isEmpty());
    }

    // Numbers in the user's locale.
    void etaLocalised()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        EtaRange range{5300, 5500, EtaRange::History};
        const QString text = TaskFormat::eta(range, true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(text, u"≈ 1,5 h"_s);
    }

    void stalledLabel()
    {
        QCOMPARE(TaskFormat::stateLabel(u"Running"_s, false), u"Running"_s);
        QCOMPARE(TaskFormat::stateLabel(u"Running"_s, true), u"Running · stalled"_s);
    }
};

QTEST_GUILESS_MAIN(TestTaskFormat)
#include "tst_taskformat.moc"
