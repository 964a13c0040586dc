// The filter editor: highlighting per position, the error at its column, completion, the debounced
// apply, history, saved filters and the live count (offscreen).
#include "filtercompletion.h"
#include "filterevaluator.h"
#include "filtereditor.h"
#include "highlighting.h"
#include "task.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QCompleter>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QToolButton>

using namespace Taskscope;
using namespace Qt::StringLiterals;

namespace {

// The highlight class at `position` of the editor's only line.
QString classAt(const FilterLineEdit *edit, int position)
{
    const QTextBlock block = edit->document()->firstBlock();
    for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
        if (position >= range.start && position < range.start + range.length)
            return range.format.property(HighlightClassProperty).toString();
    }
    return QString::fromLatin1(FilterClass::NormalText);
}

QStringList popupTexts(const FilterEditor &editor)
{
    QStringList texts;
    const QAbstractItemModel *model = editor.completer()->popup()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        texts << model->index(row, 0).data().toString();
    return texts;
}

} // namespace

class TestFilterEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void init()
    {
        QSettings().clear();
    }

    void highlightingFormatsPerPosition()
    {
        FilterEditor editor;
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        editor.editor()->setFocus();
        //              0123456789012345678901234567890123456
        const QString text = u"state eq 'failed' AND percentDone gt 5"_s;
        QTest::keyClicks(editor.editor(), text);
        QCOMPARE(editor.text(), text);
        QCOMPARE(classAt(editor.editor(), 0), QString::fromLatin1(FilterClass::Field));
        QCOMPARE(classAt(editor.editor(), 6), QString::fromLatin1(FilterClass::Operator));
        QCOMPARE(classAt(editor.editor(), 10), QString::fromLatin1(FilterClass::String));
        QCOMPARE(classAt(editor.editor(), 18), QString::fromLatin1(FilterClass::Keyword));
        QCOMPARE(classAt(editor.editor(), 37), QString::fromLatin1(FilterClass::Number));
        QCOMPARE(editor.validity(), FilterEditor::Validity::Valid);
    }

    void errorIsUnderlinedAtItsColumn()
    {
        FilterEditor editor;
        editor.show();
        QSignalSpy applied(&editor, &FilterEditor::filterApplied);
        editor.editor()->setFocus();
        QTest::keyClicks(editor.editor(), u"name eq 'x' and stat eq 'failed'"_s);
        QCOMPARE(editor.validity(), FilterEditor::Validity::Invalid);
        QVERIFY(editor.error().has_value());
        QCOMPARE(editor.error()->column, 16);
        QVERIFY(editor.messageLabel()->isVisible());
        QVERIFY2(editor.messageLabel()->text().contains(u"column 17"_s), qPrintable(editor.messageLabel()->text()));
        QVERIFY(editor.messageLabel()->text().contains(u"state"_s)); // did you mean
        const QList<QTextEdit::ExtraSelection> marks = editor.editor()->extraSelections();
        QCOMPARE(marks.size(), 1);
        QCOMPARE(marks.first().cursor.selectionStart(), 16);
        QCOMPARE(marks.first().cursor.selectionEnd(), 20);
        QCOMPARE(marks.first().format.underlineStyle(), QTextCharFormat::WaveUnderline);
        // An invalid expression is never applied, even on Enter.
        QTest::keyClick(editor.editor(), Qt::Key_Return);
        QCOMPARE(applied.size(), 0);
        // Fixing it (typing the missing letter) clears the mark and the message.
        QTextCursor cursor = editor.editor()->textCursor();
        cursor.setPosition(20);
        editor.editor()->setTextCursor(cursor);
        QTest::keyClicks(editor.editor(), u"e"_s);
        QCOMPARE(editor.text(), u"name eq 'x' and state eq 'failed'"_s);
        QCOMPARE(editor.validity(), FilterEditor::Validity::Valid);
        QVERIFY(editor.editor()->extraSelections().isEmpty());
        QVERIFY(!editor.messageLabel()->isVisible());
    }

    // The message goes under the expression: the box keeps its width when an error appears (beside
    // it, the message squeezed the box), and so does the count beside it when it empties.
    void errorLeavesTheBoxItsWidth()
    {
        FilterEditor editor;
        editor.setAppliedCounts(-1, 10);
        editor.resize(700, editor.sizeHint().height());
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        editor.editor()->setFocus();
        QTest::keyClicks(editor.editor(), u"state eq 'failed'"_s);
        QCOMPARE(editor.validity(), FilterEditor::Validity::Valid);
        QTRY_VERIFY(!editor.countLabel()->text().isEmpty());
        const QRect box = editor.editor()->geometry();
        QTest::keyClicks(editor.editor(), u" and stat"_s);
        QCOMPARE(editor.validity(), FilterEditor::Validity::Invalid);
        QVERIFY(editor.messageLabel()->isVisible());
        QTRY_VERIFY(editor.messageLabel()->geometry().top() >= box.bottom());
        QCOMPARE(editor.editor()->geometry(), box);
        QCOMPARE(editor.messageLabel()->geometry().left(), box.left()); // under the expression
        QVERIFY(editor.messageLabel()->text().contains(u"stat"_s));
    }

    // The completion list shows its entries whole ("'notStarted'", not "'notStart…'").
    void completionPopupIsAsWideAsItsLongestEntry()
    {
        FilterEditor editor;
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        editor.editor()->setFocus();
        editor.setText(u"state eq "_s);
        editor.editor()->moveCursor(QTextCursor::End);
        QVERIFY(editor.showCompletions() > 0);
        QAbstractItemView *popup = editor.completer()->popup();
        QTRY_VERIFY(popup->isVisible());
        const QStringList offered = popupTexts(editor);
        QVERIFY2(offered.contains(u"'notStarted'"_s), qPrintable(offered.join(u',')));
        const int longest = popup->sizeHintForColumn(0);
        QVERIFY2(popup->viewport()->width() >= longest, qPrintable(u"%1 < %2"_s.arg(popup->viewport()->width()).arg(longest)));
        for (const QString &text : offered)
            QVERIFY(popup->fontMetrics().horizontalAdvance(text) < popup->viewport()->width());
    }

    void applyingIsDebounced()
    {
        FilterEditor editor;
        editor.setApplyDelay(50);
        editor.show();
        QSignalSpy applied(&editor, &FilterEditor::filterApplied);
        editor.editor()->setFocus();
        QTest::keyClicks(editor.editor(), u"state eq 'running'"_s);
        QCOMPARE(applied.size(), 0); // not on every keystroke
        QTRY_COMPARE(applied.size(), 1);
        QCOMPARE(applied.first().first().toString(), u"state eq 'running'"_s);
        // Enter applies at once; the same text is not applied twice.
        QTest::keyClick(editor.editor(), Qt::Key_Return);
        QCOMPARE(applied.size(), 1);
        QTest::keyClicks(editor.editor(), u" or state eq 'failed'"_s);
        QTest::keyClick(editor.editor(), Qt::Key_Return);
        QCOMPARE(applied.size(), 2);
        QCOMPARE(editor.appliedText(), u"state eq 'running' or state eq 'failed'"_s);
        // Escape clears the filter.
        QTest::keyClick(editor.editor(), Qt::Key_Escape);
        QCOMPARE(editor.text(), QString());
        QCOMPARE(applied.size(), 3);
        QCOMPARE(applied.last().first().toString(), QString());
        QCOMPARE(editor.validity(), FilterEditor::Validity::Empty);
    }

    void completionOffersWhatFits()
    {
        FilterValueIndex values;
        Task task;
        task.id = u"t1"_s;
        task.service = u"nautilus"_s;
        task.name = u"astra.backup"_s;
        values.add(task);
        FilterEditor editor;
        editor.setValueIndexProvider([&values]() -> const FilterValueIndex & { return values; });
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        editor.editor()->setFocus();

        QTest::keyClicks(editor.editor(), u"sta"_s);
        QVERIFY(editor.showCompletions() > 0);
        QStringList offered = popupTexts(editor);
        QVERIFY2(offered.contains(u"state"_s) && offered.contains(u"startTime"_s), qPrintable(offered.join(u',')));
        QVERIFY(!offered.contains(u"name"_s));
        // Choosing one replaces the word being typed.
        editor.completer()->popup()->setCurrentIndex(editor.completer()->popup()->model()->index(offered.indexOf(u"state"_s), 0));
        QTest::keyClick(editor.completer()->popup(), Qt::Key_Return);
        QCOMPARE(editor.text(), u"state "_s);

        // After a field: its operators; Ctrl+Space opens the popup from the keyboard.
        QTest::keyClick(editor.editor(), Qt::Key_Space, Qt::ControlModifier);
        QVERIFY(editor.completer()->popup()->isVisible());
        offered = popupTexts(editor);
        QVERIFY2(offered.contains(u"eq"_s) && offered.contains(u"in"_s), qPrintable(offered.join(u',')));
        editor.completer()->popup()->hide();

        // After an operator: the values seen in the data, quoted.
        editor.setText(u"service eq "_s);
        editor.editor()->moveCursor(QTextCursor::End);
        QVERIFY(editor.showCompletions() > 0);
        QVERIFY2(popupTexts(editor).contains(u"'nautilus'"_s), qPrintable(popupTexts(editor).join(u',')));
    }

    void historyAndSavedFilters()
    {
        FilterEditor editor;
        editor.show();
        editor.editor()->setFocus();
        editor.setText(u"state eq 'failed'"_s);
        editor.setText(u"name in 'backup'"_s);
        QCOMPARE(editor.history(), (QStringList{u"state eq 'failed'"_s, u"name in 'backup'"_s}));
        QTest::keyClicks(editor.editor(), u" and"_s); // being typed: Up keeps it for Down
        QTest::keyClick(editor.editor(), Qt::Key_Up);
        QCOMPARE(editor.text(), u"name in 'backup'"_s);
        QTest::keyClick(editor.editor(), Qt::Key_Up);
        QCOMPARE(editor.text(), u"state eq 'failed'"_s);
        QTest::keyClick(editor.editor(), Qt::Key_Down);
        QTest::keyClick(editor.editor(), Qt::Key_Down);
        QCOMPARE(editor.text(), u"name in 'backup' and"_s);
        // History survives a restart.
        QCOMPARE(FilterEditor().history(), editor.history());

        editor.saveFilter(u"Failed backups"_s, u"state eq 'failed' and name eq 'astra.backup'"_s);
        QCOMPARE(FilterEditor().savedFilters().value(u"Failed backups"_s), u"state eq 'failed' and name eq 'astra.backup'"_s);
        QMenu *menu = editor.findChild<QToolButton *>()->menu();
        Q_EMIT menu->aboutToShow(); // built as it opens
        QAction *use = nullptr;
        for (QAction *action : menu->actions()) {
            if (action->text() == u"Failed backups")
                use = action;
        }
        QVERIFY(use);
        QSignalSpy applied(&editor, &FilterEditor::filterApplied);
        use->trigger();
        QCOMPARE(applied.size(), 1);
        QCOMPARE(editor.text(), u"state eq 'failed' and name eq 'astra.backup'"_s);
        editor.removeSavedFilter(u"Failed backups"_s);
        QVERIFY(editor.savedFilters().isEmpty());
    }

    void liveCountWhileTyping()
    {
        QList<Task> tasks(10);
        for (int i = 0; i < tasks.size(); ++i) {
            tasks[i].id = QString::number(i);
            tasks[i].stateText = i < 3 ? u"failed"_s : u"running"_s;
            tasks[i].state = stateFromApiName(tasks[i].stateText);
        }
        FilterEditor editor;
        editor.setMatchCounter([&tasks](const FilterPredicate &predicate) {
            return int(std::count_if(tasks.cbegin(), tasks.cend(), [&](const Task &t) { return predicate.matches(t); }));
        });
        editor.setAppliedCounts(-1, 10);
        editor.show();
        editor.editor()->setFocus();
        QTest::keyClicks(editor.editor(), u"state eq 'failed'"_s);
        QTRY_VERIFY2(editor.countLabel()->text().startsWith(u"3 "_s), qPrintable(editor.countLabel()->text()));
        QVERIFY(editor.countLabel()->text().contains(u"10"_s));
        QTest::keyClicks(editor.editor(), u" or"_s); // incomplete: no count
        QTRY_VERIFY(editor.countLabel()->text().isEmpty());
    }

    void pastedLineBreaksBecomeSpaces()
    {
        FilterEditor editor;
        auto *data = new QMimeData; // the clipboard owns it
        data->setText(u"state eq 'failed'\nand name in 'x'"_s);
        QApplication::clipboard()->setMimeData(data, QClipboard::Clipboard);
        editor.editor()->setFocus();
        editor.editor()->paste();
        QVERIFY(!editor.text().contains(u'\n'));
        QCOMPARE(editor.validity(), FilterEditor::Validity::Valid);
        QCOMPARE(editor.editor()->document()->blockCount(), 1);
    }
};

QTEST_MAIN(TestFilterEditor)
#include "tst_filtereditor.moc"
