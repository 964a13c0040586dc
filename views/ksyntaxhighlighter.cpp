// The KSyntaxHighlighting backend: Kate syntax definitions (Taskscope's and the library's) on a document.
#include "ksyntaxhighlighter.h"

#include "highlighting.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QPalette>
#include <QString>
#include <QTextDocument>

namespace Taskscope {

KSyntaxHighlighting::Repository &syntaxRepository()
{
    // The custom path is a resource directory: the definition is embedded in the executable
    // (resources/CMakeLists.txt), so it is found wherever the binary runs.
    static KSyntaxHighlighting::Repository repository;
    static const bool searchPathAdded = [] {
        repository.addCustomSearchPath(QString::fromLatin1(SyntaxSearchPath));
        return true;
    }();
    Q_UNUSED(searchPathAdded)
    return repository;
}

QSyntaxHighlighter *attachSyntaxHighlighter(QTextDocument *document, const QString &definitionName,
                                            const QPalette &palette)
{
    Q_ASSERT(document);
    KSyntaxHighlighting::Repository &repository = syntaxRepository();
    const KSyntaxHighlighting::Definition definition = repository.definitionForName(definitionName);
    if (!definition.isValid())
        return nullptr;
    auto *highlighter = new KSyntaxHighlighting::SyntaxHighlighter(document);
    highlighter->setTheme(repository.themeForPalette(palette));
    highlighter->setDefinition(definition); // highlights the document
    return highlighter;
}

} // namespace Taskscope
