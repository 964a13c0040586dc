// Highlighting: the built-in backend classifies the golden set exactly, its formats read in light and dark
// palettes, the JSON highlighter, the choice of backend, and the details pane's raw JSON tab.
#include "detailspane.h"
#include "highlightgolden.h"
#include "highlighting.h"
#include "taskcolors.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QFile>
#include <QPlainTextEdit>
#include <QSyntaxHighlighter>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextLayout>
#include <QXmlStreamReader>


using namespace Taskscope;
using namespace Qt::StringLiterals;

namespace {

const QString kNormalText = QString::fromLatin1(FilterClass::NormalText);
const QString kJsonNormal = QString::fromLatin1(JsonClass::Normal);

QStringList filterVocabulary()
{
    QStringList names;
    for (const char *name : {FilterClass::NormalText, FilterClass::Field, FilterClass::Operator,
                             FilterClass::Keyword, FilterClass::String, FilterClass::Number,
                             FilterClass::RelativeTime, FilterClass::Parenthesis, FilterClass::Error})
        names.append(QString::fromLatin1(name));
    return names;
}

// A document as an editor holds it: with a layout, without which no edit reaches a highlighter.
class EditorDocument final : public QTextDocument
{
public:
    EditorDocument() { documentLayout(); }
};

// The class of each character of `block`, read back from the formats the highlighter applied;
// characters without a format are `normal`.
QStringList classesOf(const QTextBlock &block, const QString &normal)
{
    QStringList classes;
    for (int i = 0; i < block.length() - 1; ++i)
        classes.append(normal);
    const QList<QTextLayout::FormatRange> formats = block.layout()->formats();
    for (const QTextLayout::FormatRange &range : formats) {
        const QString name = range.format.property(HighlightClassProperty).toString();
        for (int i = range.start; i < range.start + range.length && i < classes.size(); ++i)
            classes[i] = name.isEmpty() ? u"<a format without a class>"_s : name;
    }
    return classes;
}

QTextCharFormat formatAt(const QTextBlock &block, int column)
{
    const QList<QTextLayout::FormatRange> formats = block.layout()->formats();
    for (const QTextLayout::FormatRange &range : formats) {
        if (column >= range.start && column < range.start + range.length)
            return range.format;
    }
    return {};
}

// "Column 7 ('x'): Field, expected Error" for the first difference, so that a failure says where.
QString firstDifference(const QString &text, const QStringList &actual, const QStringList &expected)
{
    for (qsizetype i = 0; i < qMin(actual.size(), expected.size()); ++i) {
        if (actual[i] != expected[i])
            return u"column %1 ('%2'): %3, expected %4"_s.arg(i + 1).arg(text[i]).arg(actual[i], expected[i]);
    }
    if (actual.size() == expected.size())
        return {};
    return u"%1 classes, expected %2"_s.arg(actual.size()).arg(expected.size());
}


QPalette palette(const QColor &base, const QColor &text, const QColor &highlight, const QColor &link)
{
    QPalette palette;
    for (const QPalette::ColorRole role : {QPalette::Base, QPalette::Window})
        palette.setColor(role, base);
    for (const QPalette::ColorRole role : {QPalette::Text, QPalette::WindowText})
        palette.setColor(role, text);
    palette.setColor(QPalette::Highlight, highlight);
    palette.setColor(QPalette::Link, link);
    return palette;
}

// Breeze's light and dark colours: the palettes a KDE desktop hands the application.
QPalette lightPalette()
{
    return palette(QColor(0xff, 0xff, 0xff), QColor(0x23, 0x26, 0x29), QColor(0x3d, 0xae, 0xe9),
                   QColor(0x29, 0x80, 0xb9));
}

QPalette darkPalette()
{
    return palette(QColor(0x23, 0x26, 0x29), QColor(0xfc, 0xfc, 0xfc), QColor(0x3d, 0xae, 0xe9),
                   QColor(0x1d, 0x99, 0xf3));
}

} // namespace

class TestHighlighting : public QObject
{
    Q_OBJECT

private slots:
    void goldenSet_data();
    void goldenSet();
    void definitionIsEmbeddedWithTheVocabulary();
    void followsEdits();
    void formatsReadInLightAndDarkPalettes_data();
    void formatsReadInLightAndDarkPalettes();
    void json();
    void attachHighlighterPicksTheBuiltinBackend();
    void detailsPaneHighlightsTheRawJson();
};

void TestHighlighting::goldenSet_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    const TaskscopeTest::GoldenSet golden
        = TaskscopeTest::readGoldenSet(QStringLiteral(TASKSCOPE_FIXTURES_DIR "/highlight-golden.txt"));
    QVERIFY2(golden.error.isEmpty(), qPrintable(golden.error));
    QVERIFY(golden.expressions.size() >= 30);
    QStringList legend = golden.legend.values();
    QStringList vocabulary = filterVocabulary();
    legend.sort();
    vocabulary.sort();
    QCOMPARE(legend, vocabulary);
    for (const TaskscopeTest::GoldenExpression &expression : golden.expressions)
        QTest::addRow("line %d: %s", expression.line, qPrintable(expression.text))
            << expression.text << expression.classes;
}

void TestHighlighting::goldenSet()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    EditorDocument document;
    QSyntaxHighlighter *highlighter
        = attachBuiltinHighlighter(&document, HighlightLanguage::FilterExpression, QPalette());
    QVERIFY(highlighter);
    QCOMPARE(highlighter->parent(), &document);
    document.setPlainText(text);
    const QStringList actual = classesOf(document.firstBlock(), kNormalText);
    QVERIFY2(actual == expected, qPrintable(firstDifference(text, actual, expected)));
}

// The Kate definition is in the resources taskscope_views links (where the KSyntaxHighlighting backend
// looks for it), and its itemData names are the vocabulary both backends share.
void TestHighlighting::definitionIsEmbeddedWithTheVocabulary()
{
    QFile file(QString::fromLatin1(SyntaxSearchPath) + u"/syntax/taskscope-filter.xml"_s);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QXmlStreamReader xml(&file);
    QString language;
    QStringList itemDatas;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"language")
            language = xml.attributes().value(u"name"_s).toString();
        else if (xml.name() == u"itemData")
            itemDatas.append(xml.attributes().value(u"name"_s).toString());
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(language, QString::fromLatin1(FilterDefinitionName));
    QStringList vocabulary = filterVocabulary();
    itemDatas.sort();
    vocabulary.sort();
    QCOMPARE(itemDatas, vocabulary);
}

// The filter editor's text changes under the highlighter: closing a quote turns an Error into a String.
void TestHighlighting::followsEdits()
{
    EditorDocument document;
    attachBuiltinHighlighter(&document, HighlightLanguage::FilterExpression, QPalette());
    document.setPlainText(u"name eq 'x"_s);
    QCOMPARE(classesOf(document.firstBlock(), kNormalText).last(), QString::fromLatin1(FilterClass::Error));
    QTextCursor cursor(&document);
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(u"' and"_s);
    const QStringList classes = classesOf(document.firstBlock(), kNormalText);
    QCOMPARE(classes.mid(8, 3), QStringList(3, QString::fromLatin1(FilterClass::String)));
    QCOMPARE(classes.mid(12), QStringList(3, QString::fromLatin1(FilterClass::Keyword)));
}

void TestHighlighting::formatsReadInLightAndDarkPalettes_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::newRow("light") << lightPalette();
    QTest::newRow("dark") << darkPalette();
    // A theme whose highlight is too light to read as text on white: the operators still read.
    QTest::newRow("yellow highlight")
        << palette(Qt::white, Qt::black, QColor(0xf6, 0xd3, 0x2d), QColor(0x1a, 0x5f, 0xb4));
    QTest::newRow("dark, blue links")
        << palette(QColor(0x2a, 0x2a, 0x2a), Qt::white, QColor(0x2a, 0x82, 0xda), Qt::blue);
    QTest::newRow("application") << QApplication::palette();
}

// Keywords bold; stray characters wavy-underlined; every coloured class readable on the base (WCAG AA).
void TestHighlighting::formatsReadInLightAndDarkPalettes()
{
    QFETCH(QPalette, palette);
    EditorDocument document;
    attachBuiltinHighlighter(&document, HighlightLanguage::FilterExpression, palette);
    document.setPlainText(u"(state eq 'x' and percentDone gt 5 or startTime lt now-1h) #"_s);
    const QTextBlock block = document.firstBlock();
    const QStringList classes = classesOf(block, kNormalText);
    const QColor base = palette.color(QPalette::Base);
    QStringList seen;
    for (int column = 0; column < classes.size(); ++column) {
        if (classes[column] == kNormalText || seen.contains(classes[column]))
            continue;
        seen.append(classes[column]);
        const QTextCharFormat format = formatAt(block, column);
        if (classes[column] == QString::fromLatin1(FilterClass::Error)) {
            QCOMPARE(format.underlineStyle(), QTextCharFormat::WaveUnderline);
            continue;
        }
        const bool bold = classes[column] == QString::fromLatin1(FilterClass::Keyword)
            || classes[column] == QString::fromLatin1(FilterClass::Parenthesis);
        QCOMPARE(format.fontWeight() >= QFont::Bold, bold);
        QVERIFY(format.hasProperty(QTextFormat::ForegroundBrush));
        const double ratio = TaskColors::contrast(format.foreground().color(), base);
        QVERIFY2(ratio >= 4.5, qPrintable(u"%1: contrast %2"_s.arg(classes[column]).arg(ratio)));
    }
    seen.sort();
    QStringList expected = filterVocabulary();
    expected.removeOne(kNormalText);
    expected.sort();
    QCOMPARE(seen, expected);
}

// The raw JSON highlighter: keys, strings and their escapes, numbers, keywords, separators of objects and
// arrays (a comma takes its container's class, also on a later line), and errors.
void TestHighlighting::json()
{
    // One letter per character: the classes of KSyntaxHighlighting's JSON definition.
    const QHash<QChar, QString> legend = {
        {u' ', kJsonNormal},
        {u'P', QString::fromLatin1(JsonClass::PairSeparator)},
        {u'A', QString::fromLatin1(JsonClass::ArraySeparator)},
        {u'D', QString::fromLatin1(JsonClass::Decimal)},
        {u'F', QString::fromLatin1(JsonClass::Float)},
        {u'K', QString::fromLatin1(JsonClass::Key)},
        {u'k', QString::fromLatin1(JsonClass::KeyEscape)},
        {u'V', QString::fromLatin1(JsonClass::Value)},
        {u'v', QString::fromLatin1(JsonClass::ValueEscape)},
        {u'W', QString::fromLatin1(JsonClass::Keyword)},
        {u'E', QString::fromLatin1(JsonClass::Error)},
    };
    const QList<std::pair<QString, QString>> lines = {
        {u"{"_s,
         u"P"_s},
        {uR"(  "na\tme": "back\"up\u00e9 \x",)"_s,
         uR"(  KKKkkKKKP VVVVVvvVVvvvvvvVVVVP)"_s},
        {u"  \"n\": -1.5e3, \"m\": 42, \"o\": 1e5, \"p\": -,"_s,
         u"  KKKP FFFFFFP KKKP DDP KKKP DDDP KKKP EP"_s},
        {u"  \"ok\": true, \"gone\": null, \"bad\": nope,"_s,
         u"  KKKKP WWWWP KKKKKKP WWWWP KKKKKP EEEEP"_s},
        {u"  \"list\": [1, \"two\", false, [2.5]],"_s,
         u"  KKKKKKP ADA VVVVVA WWWWWA AFFFAAP"_s},
        {u"  \"multi\": ["_s,
         u"  KKKKKKKP A"_s},
        {u"    3,"_s,
         u"    DA"_s},
        {u"    {\"k\" : 4},"_s,
         u"    PKKK P DPA"_s},
        {u"  ],"_s,
         u"  AP"_s},
        {u"  \"tail\": \"unterminated"_s,
         u"  KKKKKKP VVVVVVVVVVVVV"_s},
        {u"}"_s,
         u"P"_s},
    };
    QString text;
    for (const auto &line : lines)
        text += line.first + u'\n';
    text.chop(1);

    EditorDocument document;
    QSyntaxHighlighter *highlighter
        = attachBuiltinHighlighter(&document, HighlightLanguage::Json, lightPalette());
    QVERIFY(highlighter);
    QCOMPARE(highlighter->parent(), &document);
    document.setPlainText(text);
    QCOMPARE(qsizetype(document.blockCount()), lines.size());
    for (int i = 0; i < lines.size(); ++i) {
        const auto &[line, letters] = lines[i];
        QCOMPARE(letters.size(), line.size());
        QStringList expected;
        for (const QChar letter : letters)
            expected.append(legend.value(letter));
        const QStringList actual = classesOf(document.findBlockByNumber(i), kJsonNormal);
        QVERIFY2(actual == expected,
                 qPrintable(u"line %1: "_s.arg(i + 1) + firstDifference(line, actual, expected)));
    }
    const QTextBlock first = document.firstBlock();
    QVERIFY(formatAt(first, 0).fontWeight() >= QFont::Bold); // a separator
}

void TestHighlighting::attachHighlighterPicksTheBuiltinBackend()
{
    EditorDocument document;
    QSyntaxHighlighter *highlighter
        = attachHighlighter(&document, HighlightLanguage::FilterExpression, QPalette());
    QVERIFY(highlighter);
    QCOMPARE(highlighter->parent(), &document);
    document.setPlainText(u"state eq 'x'"_s);
#ifdef TASKSCOPE_HAVE_KSYNTAXHIGHLIGHTING
    QCOMPARE(highlighter->metaObject()->className(), "KSyntaxHighlighting::SyntaxHighlighter");
#else
    // This build has no KF6: the built-in backend, which marks its formats with their class.
    QCOMPARE(classesOf(document.firstBlock(), kNormalText).first(), QString::fromLatin1(FilterClass::Field));
    EditorDocument json;
    attachHighlighter(&json, HighlightLanguage::Json, QPalette());
    json.setPlainText(u"{\"a\": 1}"_s);
    QCOMPARE(classesOf(json.firstBlock(), kJsonNormal).at(1), QString::fromLatin1(JsonClass::Key));
#endif
}

void TestHighlighting::detailsPaneHighlightsTheRawJson()
{
    DetailsPane pane;
    QTextDocument *document = pane.rawView()->document();
    QCOMPARE(document->findChildren<QSyntaxHighlighter *>().size(), 1);

    Task task;
    task.id = u"t-1"_s;
    task.rawJson = R"({"id":"t-1","percentDone":50})";
    pane.setTask(&task, QDateTime::currentDateTimeUtc());
    QCOMPARE(document->toPlainText().section(u'\n', 1, 1), u"    \"id\": \"t-1\","_s);
#ifndef TASKSCOPE_HAVE_KSYNTAXHIGHLIGHTING
    const QStringList classes = classesOf(document->findBlockByNumber(1), kJsonNormal);
    QCOMPARE(classes.mid(4, 4), QStringList(4, QString::fromLatin1(JsonClass::Key)));
    QCOMPARE(classes.mid(10, 5), QStringList(5, QString::fromLatin1(JsonClass::Value)));
#endif
}

QTEST_MAIN(TestHighlighting)
#include "tst_highlighting.moc"
