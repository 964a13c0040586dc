// Syntax highlighting: the built-in backend (the filter lexer's tokens, a small JSON scanner) and the choice.
#include "highlighting.h"

#include "filterlanguage.h"
#include "taskcolors.h"

#ifdef TASKSCOPE_HAVE_KSYNTAXHIGHLIGHTING
#include "ksyntaxhighlighter.h"
#endif

#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextDocument>

#include <algorithm>
#include <array>

namespace Taskscope {

namespace {

using Kind = FilterToken::Kind;

// `hue` blended into the palette's text colour by `amount`, and further until it reads on the base
// (4.5:1, WCAG AA): whatever the theme's highlight colour, the text stays legible.
QColor readable(const QColor &hue, const QPalette &palette, double amount)
{
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    QColor color = TaskColors::mix(hue, text, amount);
    while (TaskColors::contrast(color, base) < 4.5 && amount < 1.0) {
        amount = qMin(1.0, amount + 0.1);
        color = TaskColors::mix(hue, text, amount);
    }
    return color;
}

// The formats of both built-in highlighters: colours blended from the palette, so that they read on
// its base in light and dark themes alike; never colour alone where it matters (errors are underlined).
struct Formats
{
    explicit Formats(const QPalette &palette)
        : text(palette.color(QPalette::Text))
    {
        const QColor accent = readable(palette.color(QPalette::Highlight), palette, 0.3);
        const QColor green = readable(QColor(0x1b, 0x9e, 0x77), palette, 0.35);
        const QColor orange = readable(QColor(0xd3, 0x6a, 0x0f), palette, 0.3);
        const QColor purple = readable(QColor(0x9b, 0x4d, 0xca), palette, 0.3);
        const QColor blue = readable(QColor(0x29, 0x80, 0xb9), palette, 0.35);

        field = make(FilterClass::Field, readable(palette.color(QPalette::Link), palette, 0.5));
        op = make(FilterClass::Operator, accent);
        keyword = make(FilterClass::Keyword, text, true);
        string = make(FilterClass::String, green);
        number = make(FilterClass::Number, orange);
        relativeTime = make(FilterClass::RelativeTime, purple);
        parenthesis = make(FilterClass::Parenthesis, text, true);
        const QColor red = TaskColors::accent(TaskState::Failed, palette);
        error = makeError(FilterClass::Error, red);

        jsonPair = make(JsonClass::PairSeparator, text, true);
        jsonArray = make(JsonClass::ArraySeparator, text, true);
        jsonDecimal = make(JsonClass::Decimal, orange);
        jsonFloat = make(JsonClass::Float, orange);
        jsonKey = make(JsonClass::Key, blue);
        jsonValue = make(JsonClass::Value, green);
        jsonKeyEscape = make(JsonClass::KeyEscape, blue, true);
        jsonValueEscape = make(JsonClass::ValueEscape, green, true);
        jsonKeyword = make(JsonClass::Keyword, purple, true);
        jsonError = makeError(JsonClass::Error, red);
    }

    static QTextCharFormat make(const char *className, const QColor &foreground, bool bold = false)
    {
        QTextCharFormat format;
        format.setProperty(HighlightClassProperty, QString::fromLatin1(className));
        format.setForeground(foreground);
        if (bold)
            format.setFontWeight(QFont::Bold);
        return format;
    }

    static QTextCharFormat makeError(const char *className, const QColor &underline)
    {
        QTextCharFormat format;
        format.setProperty(HighlightClassProperty, QString::fromLatin1(className));
        format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        format.setUnderlineColor(underline);
        return format;
    }

    QColor text;
    QTextCharFormat field, op, keyword, string, number, relativeTime, parenthesis, error;
    QTextCharFormat jsonPair, jsonArray, jsonDecimal, jsonFloat, jsonKey, jsonValue, jsonKeyEscape,
        jsonValueEscape, jsonKeyword, jsonError;
};

// The filter editor's highlighter: only maps the lexer's tokens to formats (STYLE.md, 10).
class FilterHighlighter final : public QSyntaxHighlighter
{
public:
    FilterHighlighter(QTextDocument *document, const QPalette &palette)
        : QSyntaxHighlighter(document)
    {
        const Formats formats(palette);
        m_formats = {
            formats.field,        // Field
            formats.field,        // Dot
            formats.field,        // Wildcard
            formats.op,           // Operator
            formats.keyword,      // Keyword
            formats.string,       // String
            formats.number,       // Number
            formats.relativeTime, // RelativeTime
            formats.parenthesis,  // LeftParen
            formats.parenthesis,  // RightParen
            formats.error,        // Error
        };
        static_assert(int(Kind::Error) + 1 == std::tuple_size_v<decltype(m_formats)>);
    }

protected:
    void highlightBlock(const QString &text) override
    {
        for (const FilterToken &token : lexFilter(text))
            setFormat(token.start, token.length, m_formats[size_t(token.kind)]);
    }

private:
    std::array<QTextCharFormat, int(Kind::Error) + 1> m_formats;
};

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isAsciiHexDigit(QChar c)
{
    return isAsciiDigit(c) || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

qsizetype digitsEnd(const QString &s, qsizetype pos)
{
    while (pos < s.size() && isAsciiDigit(s[pos]))
        ++pos;
    return pos;
}

// The raw JSON tab's highlighter: a hand-written scanner, one line at a time, with the classes of
// KSyntaxHighlighting's JSON definition. The block state carries the nesting so that a comma on a
// later line takes its container's class: the depth in the low 5 bits, then one bit per level
// (1 = array) for the outer 26 levels; deeper ones count as objects (and past 31 the depth saturates).
class JsonHighlighter final : public QSyntaxHighlighter
{
public:
    JsonHighlighter(QTextDocument *document, const QPalette &palette)
        : QSyntaxHighlighter(document)
        , m_formats(palette)
    {
    }

protected:
    void highlightBlock(const QString &text) override
    {
        const int previous = previousBlockState();
        quint32 state = previous < 0 ? 0 : quint32(previous);
        const qsizetype n = text.size();
        qsizetype pos = 0;
        while (pos < n) {
            const QChar c = text[pos];
            if (c.isSpace()) {
                ++pos;
            } else if (c == u'{' || c == u'[') {
                setFormat(int(pos), 1, c == u'{' ? m_formats.jsonPair : m_formats.jsonArray);
                state = push(state, c == u'[');
                ++pos;
            } else if (c == u'}' || c == u']') {
                setFormat(int(pos), 1, c == u'}' ? m_formats.jsonPair : m_formats.jsonArray);
                state = pop(state);
                ++pos;
            } else if (c == u':') {
                setFormat(int(pos), 1, m_formats.jsonPair);
                ++pos;
            } else if (c == u',') {
                setFormat(int(pos), 1, inArray(state) ? m_formats.jsonArray : m_formats.jsonPair);
                ++pos;
            } else if (c == u'"') {
                pos = highlightString(text, pos);
            } else if (c == u'-' || isAsciiDigit(c)) {
                pos = highlightNumber(text, pos);
            } else {
                qsizetype end = pos + 1;
                while (end < n && (text[end].isLetterOrNumber() || text[end] == u'_'))
                    ++end;
                const QStringView word = QStringView(text).sliced(pos, end - pos);
                const bool keyword = word == u"true" || word == u"false" || word == u"null";
                setFormat(int(pos), int(end - pos), keyword ? m_formats.jsonKeyword : m_formats.jsonError);
                pos = end;
            }
        }
        setCurrentBlockState(int(state));
    }

private:
    static constexpr quint32 kDepthBits = 5;
    static constexpr quint32 kMaxDepth = (1u << kDepthBits) - 1;
    static constexpr quint32 kTrackedLevels = 26;

    static quint32 depth(quint32 state) { return state & kMaxDepth; }

    static bool inArray(quint32 state)
    {
        const quint32 d = depth(state);
        return d > 0 && d <= kTrackedLevels && (state >> (kDepthBits + d - 1) & 1u);
    }

    static quint32 push(quint32 state, bool array)
    {
        const quint32 d = depth(state);
        if (d == kMaxDepth)
            return state;
        quint32 levels = state >> kDepthBits;
        if (d < kTrackedLevels && array)
            levels |= 1u << d;
        return (levels << kDepthBits) | (d + 1);
    }

    static quint32 pop(quint32 state)
    {
        const quint32 d = depth(state);
        if (d == 0)
            return state;
        quint32 levels = state >> kDepthBits;
        if (d <= kTrackedLevels)
            levels &= ~(1u << (d - 1));
        return (levels << kDepthBits) | (d - 1);
    }

    // A string from its opening quote to its closing one (or the end of the line); a key when a ':'
    // follows it. Returns the position after it.
    qsizetype highlightString(const QString &text, qsizetype start)
    {
        const qsizetype n = text.size();
        qsizetype end = start + 1;
        while (end < n && text[end] != u'"')
            end += text[end] == u'\\' && end + 1 < n ? 2 : 1;
        const qsizetype contentEnd = end; // the closing quote, or the end of the line
        if (end < n)
            ++end;
        qsizetype next = end;
        while (next < n && text[next].isSpace())
            ++next;
        const bool key = next < n && text[next] == u':';
        setFormat(int(start), int(end - start), key ? m_formats.jsonKey : m_formats.jsonValue);
        const QTextCharFormat &escape = key ? m_formats.jsonKeyEscape : m_formats.jsonValueEscape;
        for (qsizetype i = start + 1; i + 1 < contentEnd; ++i) {
            if (text[i] != u'\\')
                continue;
            qsizetype length = 0;
            if (QStringView(u"\"\\/bfnrt").contains(text[i + 1]))
                length = 2;
            else if (text[i + 1] == u'u' && i + 6 <= contentEnd
                     && std::all_of(text.begin() + i + 2, text.begin() + i + 6, isAsciiHexDigit))
                length = 6;
            if (length > 0)
                setFormat(int(i), int(length), escape);
            i += qMax<qsizetype>(length, 2) - 1; // a backslash always takes the next character
        }
        return end;
    }

    // -?digits(.digits)?([eE][+-]?digits)?: a Float with a fraction, else a Decimal; a lone '-' is an Error.
    qsizetype highlightNumber(const QString &text, qsizetype start)
    {
        const qsizetype n = text.size();
        qsizetype i = text[start] == u'-' ? start + 1 : start;
        const qsizetype integerEnd = digitsEnd(text, i);
        if (integerEnd == i) {
            setFormat(int(start), 1, m_formats.jsonError);
            return start + 1;
        }
        i = integerEnd;
        bool fraction = false;
        if (i + 1 < n && text[i] == u'.' && isAsciiDigit(text[i + 1])) {
            i = digitsEnd(text, i + 1);
            fraction = true;
        }
        if (i < n && (text[i] == u'e' || text[i] == u'E')) {
            qsizetype j = i + 1;
            if (j < n && (text[j] == u'+' || text[j] == u'-'))
                ++j;
            if (const qsizetype end = digitsEnd(text, j); end > j)
                i = end;
        }
        setFormat(int(start), int(i - start), fraction ? m_formats.jsonFloat : m_formats.jsonDecimal);
        return i;
    }

    Formats m_formats;
};

} // namespace

QSyntaxHighlighter *attachBuiltinHighlighter(QTextDocument *document, HighlightLanguage language,
                                             const QPalette &palette)
{
    Q_ASSERT(document);
    switch (language) {
    case HighlightLanguage::FilterExpression: return new FilterHighlighter(document, palette);
    case HighlightLanguage::Json: return new JsonHighlighter(document, palette);
    }
    return nullptr;
}

QSyntaxHighlighter *attachHighlighter(QTextDocument *document, HighlightLanguage language,
                                      const QPalette &palette)
{
#ifdef TASKSCOPE_HAVE_KSYNTAXHIGHLIGHTING
    const char *name = language == HighlightLanguage::Json ? JsonDefinitionName : FilterDefinitionName;
    QSyntaxHighlighter *highlighter = attachSyntaxHighlighter(document, QString::fromLatin1(name), palette);
    if (highlighter)
        return highlighter;
    // Without the definition (a broken installation) the built-in backend still highlights.
#endif
    return attachBuiltinHighlighter(document, language, palette);
}

} // namespace Taskscope
