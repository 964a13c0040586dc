// StatePill's colour rule: the text of a lit pill reads on its fill in light and dark palettes, always the same way.
#include "statepill.h"
#include "taskcolors.h"
#include "testpalettes.h"

#include <QApplication>
#include <QPalette>
#include <QTest>

using namespace Taskscope;
using namespace Qt::StringLiterals;

class TestStatePill final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyStateReadsOnItsFill_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<bool>("dark");
        for (int s = 0; s < TaskStateCount; ++s) {
            const QByteArray name = stateApiName(TaskState(s)).isEmpty() ? QByteArrayLiteral("unknown")
                                                                          : stateApiName(TaskState(s)).toUtf8();
            QTest::newRow(QByteArray(name + "/light").constData()) << s << false;
            QTest::newRow(QByteArray(name + "/dark").constData()) << s << true;
        }
        // The application's own palette (offscreen: Fusion's), whatever it is.
        QTest::newRow("running/application") << int(TaskState::Running) << false;
    }
    void everyStateReadsOnItsFill()
    {
        QFETCH(int, state);
        QFETCH(bool, dark);
        const QPalette palette = QByteArray(QTest::currentDataTag()).endsWith("application")
                                     ? QApplication::palette()
                                     : testPalette(dark);
        const QColor window = palette.color(QPalette::Window);
        const QColor text = palette.color(QPalette::WindowText);
        const QColor accent = TaskColors::opaqueOn(TaskColors::accent(TaskState(state), palette), window);
        const StatePill::Readable readable = StatePill::readableOn(accent, text, window);
        QVERIFY2(TaskColors::contrast(readable.foreground, readable.fill) >= 4.5,
                 qPrintable(u"contrast %1 on %2"_s.arg(TaskColors::contrast(readable.foreground, readable.fill))
                                .arg(readable.fill.name())));
        // The text is one of the palette's own colours, never an invented one.
        QVERIFY(readable.foreground == text || readable.foreground == window);
        // Deterministic: the same colours, the same answer.
        const StatePill::Readable again = StatePill::readableOn(accent, text, window);
        QCOMPARE(again.fill, readable.fill);
        QCOMPARE(again.foreground, readable.foreground);
    }

    // An accent that already reads with one text colour is kept as it is, with that colour.
    void aReadableAccentIsKept()
    {
        const QColor navy(20, 40, 120);
        const StatePill::Readable readable = StatePill::readableOn(navy, QColor(Qt::black), QColor(Qt::white));
        QCOMPARE(readable.fill, navy);
        QCOMPARE(readable.foreground, QColor(Qt::white));
    }

    // Mid-grey reads poorly with a light grey text and a dark grey background alike: the fill moves
    // away from the text that reads better until it reaches 4.5:1.
    void aMidGreyFillIsPushedAwayFromTheText()
    {
        const QColor grey(128, 128, 128), text(200, 200, 200), background(60, 60, 60);
        QVERIFY(TaskColors::contrast(grey, text) < 4.5 && TaskColors::contrast(grey, background) < 4.5);
        const StatePill::Readable readable = StatePill::readableOn(grey, text, background);
        QCOMPARE(readable.foreground, background); // 2.8:1 beats 2.4:1
        QVERIFY(TaskColors::contrast(readable.foreground, readable.fill) >= 4.5);
        QVERIFY(readable.fill.lightnessF() > grey.lightnessF()); // lighter: away from the dark text
    }

    // When text and background are the same colour no fill can read: the rule still ends, in 8 steps.
    void aHopelessPaletteStillEnds()
    {
        const QColor grey(128, 128, 128);
        const StatePill::Readable readable = StatePill::readableOn(QColor(120, 120, 120), grey, grey);
        QCOMPARE(readable.foreground, grey);
        QVERIFY(TaskColors::contrast(readable.fill, grey) < 4.5);
    }
};

QTEST_MAIN(TestStatePill)
#include "tst_statepill.moc"
