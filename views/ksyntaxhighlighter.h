// The KSyntaxHighlighting backend: Kate syntax definitions (Taskscope's and the library's) on a document.
#pragma once

// Qt 5 + KF5 and Qt 6 + KF6 alike (tests/kf5 builds this file against Qt 5): no Qt 6-only API here.
#include <QtGlobal>

QT_BEGIN_NAMESPACE
class QPalette;
class QString;
class QSyntaxHighlighter;
class QTextDocument;
QT_END_NAMESPACE

namespace KSyntaxHighlighting {
class Repository;
}

namespace Taskscope {

// The library's definitions plus Taskscope's (found under SyntaxSearchPath, a resource directory).
// Created on first use and shared: loading every definition's metadata is not free.
KSyntaxHighlighting::Repository &syntaxRepository();

// A KSyntaxHighlighting::SyntaxHighlighter on `document` (its child) for the definition named
// `definitionName`, in the theme that suits `palette`; nullptr when there is no such definition.
QSyntaxHighlighter *attachSyntaxHighlighter(QTextDocument *document, const QString &definitionName,
                                            const QPalette &palette);

} // namespace Taskscope
