// Qt's own strings (standard buttons, a line edit's context menu) follow the language, as ours do:
// Translations::install loads Qt's catalogue (Debian's qt6-translations-l10n) next to Taskscope's.
#include "exportdialog.h"
#include "tasktreemodel.h"
#include "translations.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTest>
#include <QTranslator>

#include <memory>

using namespace Taskscope;
using namespace Qt::StringLiterals;

class TestTranslations : public QObject
{
    Q_OBJECT
private:
    QList<QTranslator *> m_installed;

    // The texts of `menu`'s actions without their shortcuts ("&Undo\tCtrl+Z" -> "&Undo").
    static QStringList actionTexts(const QMenu &menu)
    {
        QStringList texts;
        for (const QAction *action : menu.actions()) {
            if (!action->isSeparator())
                texts << action->text().section(u'\t', 0, 0);
        }
        return texts;
    }

private Q_SLOTS:
    void cleanup()
    {
        for (QTranslator *translator : std::as_const(m_installed)) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
        m_installed.clear();
    }

    void qtStringsFollowTheLanguage_data()
    {
        QTest::addColumn<QString>("language");
        // Known translations, spelled out: the test cannot pass with nothing loaded.
        QTest::addColumn<QString>("save");
        QTest::addColumn<QString>("cancel");
        QTest::addColumn<QString>("undo");
        QTest::addColumn<QString>("selectAll");
        QTest::newRow("fr") << u"fr"_s << u"Enregistrer"_s << u"Annuler"_s << u"&Annuler"_s << u"Tout sélectionner"_s;
        QTest::newRow("de") << u"de"_s << u"Speichern"_s << u"Abbrechen"_s << u"&Rückgängig"_s << u"Alles auswählen"_s;
    }

    void qtStringsFollowTheLanguage()
    {
        QFETCH(QString, language);
        QFETCH(QString, save);
        QFETCH(QString, cancel);
        QFETCH(QString, undo);
        QFETCH(QString, selectAll);

        m_installed = Translations::install(*qApp, language);
        // Qt's catalogue is among them, from where Qt keeps its translations.
        const QString qtCatalogue = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + u"/qtbase_"_s + language + u".qm"_s;
        QVERIFY2(std::any_of(m_installed.cbegin(), m_installed.cend(),
                             [&](const QTranslator *t) { return t->filePath() == qtCatalogue; }),
                 qPrintable(qtCatalogue));
        // What that catalogue says, read on its own.
        QTranslator reference;
        QVERIFY(reference.load(qtCatalogue));
        const auto qt = [&reference](const char *context, const char *source) {
            return reference.translate(context, source);
        };
        QCOMPARE(qt("QPlatformTheme", "Save"), save);
        QCOMPARE(qt("QPlatformTheme", "Cancel"), cancel);

        // The export dialog's own buttons.
        TaskTreeModel model;
        ExportDialog dialog(&model, &model, nullptr, QString());
        const auto *buttons = dialog.findChild<QDialogButtonBox *>();
        QVERIFY(buttons);
        QCOMPARE(buttons->button(QDialogButtonBox::Save)->text(), save);
        QCOMPARE(buttons->button(QDialogButtonBox::Cancel)->text(), cancel);

        // A line edit's standard context menu.
        QLineEdit edit;
        edit.setText(u"x"_s);
        const std::unique_ptr<QMenu> menu(edit.createStandardContextMenu());
        const QStringList texts = actionTexts(*menu);
        QVERIFY2(texts.contains(undo) && texts.contains(selectAll), qPrintable(texts.join(u" | ")));
        QStringList expected;
        for (const char *source : {"&Undo", "&Redo", "Cu&t", "&Copy", "&Paste", "Delete", "Select All"})
            expected << qt("QLineEdit", source);
        QCOMPARE(texts, expected);
    }

    // Without a language installed the same widgets speak English: the checks above see a change.
    void englishWithoutTranslations()
    {
        QCOMPARE(QDialogButtonBox(QDialogButtonBox::Cancel).button(QDialogButtonBox::Cancel)->text(), u"Cancel"_s);
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
