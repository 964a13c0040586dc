// Translations: the UI language (--lang, else the system locale) for the GUI and for `export`.
#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Taskscope::Translations {

QString requestedLanguage(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if ((arg == "--lang" || arg == "-lang") && i + 1 < argc)
            return QString::fromLocal8Bit(argv[i + 1]);
        if (arg.startsWith("--lang="))
            return QString::fromLocal8Bit(arg.mid(7));
    }
    return {};
}

QList<QTranslator *> install(QCoreApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    QList<QTranslator *> installed;
    const auto add = [&](const QString &name, const QString &directory) {
        auto *translator = new QTranslator(&app);
        if (translator->load(locale, name, QStringLiteral("_"), directory) && app.installTranslator(translator))
            installed.append(translator);
        else
            delete translator;
    };
    add(QStringLiteral("taskscope"), QStringLiteral(":/i18n"));
    add(QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return installed;
}

} // namespace Taskscope::Translations
