// Syntax highlighting of filter expressions and raw JSON: one interface over two backends.
#pragma once

// Qt 5 and Qt 6 alike: the KSyntaxHighlighting adapter and its Qt 5 test include this header too.
#include <QTextFormat>

QT_BEGIN_NAMESPACE
class QPalette;
class QSyntaxHighlighter;
class QTextDocument;
QT_END_NAMESPACE

namespace Taskscope {

enum class HighlightLanguage { FilterExpression, Json };

// Attaches a highlighter for `language` to `document` (the highlighter is a child of the document).
// KSyntaxHighlighting when built with it (TASKSCOPE_HAVE_KSYNTAXHIGHLIGHTING) and it finds the
// definition, else the built-in backend.
QSyntaxHighlighter *attachHighlighter(QTextDocument *document, HighlightLanguage language,
                                      const QPalette &palette);
// The built-in backend: the filter lexer's tokens (lexFilter) or a small JSON scanner.
QSyntaxHighlighter *attachBuiltinHighlighter(QTextDocument *document, HighlightLanguage language,
                                             const QPalette &palette);

// The built-in backend sets this property on every format it applies: the class's name (a QString).
inline constexpr int HighlightClassProperty = QTextFormat::UserProperty + 1;

// The name of each highlight class: the golden set's vocabulary and the itemData names of the Kate
// definition (resources/taskscope-filter.xml). Whitespace is Normal Text.
namespace FilterClass {
inline constexpr char NormalText[] = "Normal Text";
inline constexpr char Field[] = "Field"; // a name, the dot between names, [*]
inline constexpr char Operator[] = "Operator";
inline constexpr char Keyword[] = "Keyword";
inline constexpr char String[] = "String";
inline constexpr char Number[] = "Number";
inline constexpr char RelativeTime[] = "Relative Time";
inline constexpr char Parenthesis[] = "Parenthesis";
inline constexpr char Error[] = "Error";
} // namespace FilterClass

// The classes of JSON: the itemData names of KSyntaxHighlighting's own JSON definition (its spelling).
namespace JsonClass {
inline constexpr char Normal[] = "Style_Normal";
inline constexpr char PairSeparator[] = "Style_Seperator_Pair";   // { } : and , in an object
inline constexpr char ArraySeparator[] = "Style_Seperator_Array"; // [ ] and , in an array
inline constexpr char Decimal[] = "Style_Decimal";
inline constexpr char Float[] = "Style_Float";
inline constexpr char Key[] = "Style_String_Key";
inline constexpr char Value[] = "Style_String_Value";
inline constexpr char KeyEscape[] = "Style_String_Key_Char";
inline constexpr char ValueEscape[] = "Style_String_Value_Char";
inline constexpr char Keyword[] = "Style_Keyword"; // true false null
inline constexpr char Error[] = "Style_Error";
} // namespace JsonClass

// What the KSyntaxHighlighting backend looks up.
inline constexpr char FilterDefinitionName[] = "Taskscope Filter";
inline constexpr char JsonDefinitionName[] = "JSON";
// The resource directory given to Repository::addCustomSearchPath; definitions are read from its
// syntax/ subdirectory (":/taskscope/syntax/syntax/taskscope-filter.xml").
inline constexpr char SyntaxSearchPath[] = ":/taskscope/syntax";

} // namespace Taskscope
