// Translations: the UI language (--lang, else the system locale) for the GUI and for `export`.
#pragma once

#include <QList>
#include <QString>

class QCoreApplication;
class QTranslator;

namespace Taskscope::Translations {

// The language asked for with `--lang xx` or `--lang=xx`; empty when none.
QString requestedLanguage(int argc, char **argv);

// Installs Taskscope's and Qt's translations for `language` (empty: the system locale; a given
// language also becomes the default QLocale). The translators are children of `app`.
QList<QTranslator *> install(QCoreApplication &app, const QString &language);

} // namespace Taskscope::Translations
