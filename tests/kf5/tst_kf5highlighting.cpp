// The KSyntaxHighlighting backend with the real engine (Qt 5 + KF5): the Taskscope Filter definition is
// found through the adapter's repository, loads, and classifies the golden set exactly; JSON is found.
#include "highlightgolden.h"
#include "highlighting.h"
#include "ksyntaxhighlighter.h"

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/State>
#include <KSyntaxHighlighting/Theme>

#include <QGuiApplication>
#include <QPalette>
#include <QSet>
#include <QSyntaxHighlighter>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

using namespace Taskscope;

namespace {

// Records the class (the format's itemData name) the engine gives each character of one line.
class ClassRecorder final : public KSyntaxHighlighting::AbstractHighlighter
{
public:
    QStringList classify(const QString &line)
    {
        m_classes.clear();
        for (int i = 0; i < line.size(); ++i)
            m_classes.append(QString::fromLatin1(FilterClass::NormalText)); // where no format is applied
        highlightLine(QStringView(line), KSyntaxHighlighting::State());
        return m_classes;
    }

protected:
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override
    {
        for (int i = offset; i < offset + length && i < m_classes.size(); ++i)
            m_classes[i] = format.name();
    }

private:
    QStringList m_classes;
};

KSyntaxHighlighting::Definition filterDefinition()
{
    return syntaxRepository().definitionForName(QString::fromLatin1(FilterDefinitionName));
}

QStringList vocabulary()
{
    return {QString::fromLatin1(FilterClass::NormalText), QString::fromLatin1(FilterClass::Field),
            QString::fromLatin1(FilterClass::Operator), QString::fromLatin1(FilterClass::Keyword),
            QString::fromLatin1(FilterClass::String), QString::fromLatin1(FilterClass::Number),
            QString::fromLatin1(FilterClass::RelativeTime), QString::fromLatin1(FilterClass::Parenthesis),
            QString::fromLatin1(FilterClass::Error)};
}

} // namespace

class TestKf5Highlighting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filterDefinitionLoadsFromTheResources()
    {
        const KSyntaxHighlighting::Definition definition = filterDefinition();
        QVERIFY2(definition.isValid(), "the adapter's repository has no \"Taskscope Filter\" definition");
        // Ours, from the resource directory the application embeds it in, not some installed copy.
        QCOMPARE(definition.filePath(),
                 QString::fromLatin1(SyntaxSearchPath) + QStringLiteral("/syntax/taskscope-filter.xml"));
        QVERIFY(syntaxRepository().customSearchPaths().contains(QString::fromLatin1(SyntaxSearchPath)));

        // Its classes are exactly the vocabulary of views/highlighting.h.
        QStringList names;
        const auto formats = definition.formats();
        for (const KSyntaxHighlighting::Format &format : formats)
            names.append(format.name());
        QStringList expected = vocabulary();
        names.sort();
        expected.sort();
        QCOMPARE(names, expected);
    }

    void goldenSet_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        const TaskscopeTest::GoldenSet golden
            = TaskscopeTest::readGoldenSet(QStringLiteral(TASKSCOPE_GOLDEN));
        QVERIFY2(golden.error.isEmpty(), qPrintable(golden.error));
        QVERIFY(golden.expressions.size() >= 30);
        const QStringList names = vocabulary();
        for (const QString &name : golden.legend)
            QVERIFY2(names.contains(name), qPrintable(name));
        for (const TaskscopeTest::GoldenExpression &expression : golden.expressions) {
            QTest::addRow("line %d: %s", expression.line, qPrintable(expression.text))
                << expression.text << expression.classes;
        }
    }

    void goldenSet()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        ClassRecorder recorder;
        recorder.setDefinition(filterDefinition());
        recorder.setTheme(syntaxRepository().defaultTheme());
        const QStringList actual = recorder.classify(text);
        if (actual != expected) { // name the first character that differs
            for (int i = 0; i < text.size(); ++i) {
                QVERIFY2(actual.at(i) == expected.at(i),
                         qPrintable(QStringLiteral("column %1 ('%2'): %3, expected %4")
                                        .arg(i + 1)
                                        .arg(text.at(i))
                                        .arg(actual.at(i), expected.at(i))));
            }
        }
        QCOMPARE(actual, expected);
    }

    void jsonDefinitionIsFound()
    {
        const KSyntaxHighlighting::Definition json
            = syntaxRepository().definitionForName(QString::fromLatin1(JsonDefinitionName));
        QVERIFY(json.isValid());
        // The built-in JSON highlighter borrows these class names (views/highlighting.h).
        QSet<QString> names;
        const auto formats = json.formats();
        for (const KSyntaxHighlighting::Format &format : formats)
            names.insert(format.name());
        for (const char *name : {JsonClass::Normal, JsonClass::PairSeparator, JsonClass::ArraySeparator,
                                 JsonClass::Decimal, JsonClass::Float, JsonClass::Key, JsonClass::Value,
                                 JsonClass::KeyEscape, JsonClass::ValueEscape, JsonClass::Keyword,
                                 JsonClass::Error})
            QVERIFY2(names.contains(QString::fromLatin1(name)), name);
    }

    // The adapter on a real document: a SyntaxHighlighter, child of the document, in a theme where
    // keywords are bold (Breeze Light for a light palette) and stray characters are not.
    void adapterHighlightsADocument()
    {
        QTextDocument document;
        QPalette light;
        light.setColor(QPalette::Base, Qt::white);
        light.setColor(QPalette::Text, Qt::black);
        QSyntaxHighlighter *highlighter
            = attachSyntaxHighlighter(&document, QString::fromLatin1(FilterDefinitionName), light);
        QVERIFY(highlighter);
        QCOMPARE(highlighter->parent(), &document);
        QCOMPARE(highlighter->metaObject()->className(), "KSyntaxHighlighting::SyntaxHighlighter");

        document.setPlainText(QStringLiteral("state eq 'x' AND #"));
        highlighter->rehighlight();
        const QTextBlock block = document.firstBlock();
        const auto boldAt = [&block](int column) {
            const auto formats = block.layout()->formats();
            for (const QTextLayout::FormatRange &range : formats) {
                if (column >= range.start && column < range.start + range.length)
                    return range.format.fontWeight() >= QFont::Bold;
            }
            return false;
        };
        QVERIFY(boldAt(13));  // AND
        QVERIFY(!boldAt(0));  // state
        QVERIFY(!boldAt(17)); // #

        QVERIFY(!attachSyntaxHighlighter(&document, QStringLiteral("No Such Language"), light));
        QVERIFY(attachSyntaxHighlighter(&document, QString::fromLatin1(JsonDefinitionName), light));
    }
};

QTEST_MAIN(TestKf5Highlighting)
#include "tst_kf5highlighting.moc"
