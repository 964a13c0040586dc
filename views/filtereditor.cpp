// FilterEditor: the one-line filter expression editor: highlighting, completion, the error at its column,
// a validity icon, a live count, history, saved filters; applying is debounced.
#include "filtereditor.h"

#include "filtercompletion.h"
#include "filterevaluator.h"
#include "highlighting.h"
#include "taskcolors.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QGridLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QScrollBar>
#include <QSettings>
#include <QStandardItemModel>
#include <QStyle>
#include <QTextBlock>
#include <QToolButton>

namespace Taskscope {

namespace {

const QString kHistoryKey = QStringLiteral("Filter/history");
const QString kSavedKey = QStringLiteral("Filter/saved");
constexpr int kHistoryMax = 50;
constexpr int kStartRole = Qt::UserRole + 1;
constexpr int kLengthRole = Qt::UserRole + 2;

} // namespace

// --- FilterLineEdit ---------------------------------------------------------------------------------

FilterLineEdit::FilterLineEdit(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setWordWrapMode(QTextOption::NoWrap);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setTabChangesFocus(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    document()->setDocumentMargin(2);
    setCenterOnScroll(false);
}

QSize FilterLineEdit::sizeHint() const
{
    const int height = fontMetrics().height() + 2 * int(document()->documentMargin()) + 2 * frameWidth() + 4;
    return {fontMetrics().averageCharWidth() * 60, height};
}

QSize FilterLineEdit::minimumSizeHint() const
{
    return {fontMetrics().averageCharWidth() * 12, sizeHint().height()};
}

void FilterLineEdit::keyPressEvent(QKeyEvent *event)
{
    const bool popupShown = m_completer && m_completer->popup()->isVisible();
    if (popupShown) {
        // The popup takes the keys that choose from it.
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            event->ignore();
            return;
        default:
            break;
        }
    }
    switch (event->key()) {
    case Qt::Key_Enter:
    case Qt::Key_Return:
        Q_EMIT returnPressed();
        return;
    case Qt::Key_Up:
        Q_EMIT historyRequested(-1);
        return;
    case Qt::Key_Down:
        Q_EMIT historyRequested(+1);
        return;
    case Qt::Key_Escape:
        Q_EMIT escapePressed();
        return;
    case Qt::Key_Space:
        if (event->modifiers() & Qt::ControlModifier) {
            Q_EMIT completionRequested();
            return;
        }
        break;
    default:
        break;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void FilterLineEdit::insertFromMimeData(const QMimeData *source)
{
    if (!source->hasText())
        return;
    QString text = source->text();
    text.replace(u'\r', u' ').replace(u'\n', u' ').replace(u'\t', u' ');
    insertPlainText(text);
}

// --- FilterEditor -------------------------------------------------------------------------------------

FilterEditor::FilterEditor(QWidget *parent)
    : QWidget(parent)
    , m_edit(new FilterLineEdit(this))
    , m_icon(new QLabel(this))
    , m_message(new QLabel(this))
    , m_count(new QLabel(this))
    , m_saved(new QToolButton(this))
    , m_completer(new QCompleter(this))
    , m_candidates(new QStandardItemModel(this))
{
    m_edit->setObjectName(QStringLiteral("filterEditor"));
    m_edit->setAccessibleName(tr("Filter expression"));
    m_edit->setPlaceholderText(tr("Filter: state eq 'failed' and startTime gt now-1h   (Ctrl+Space completes)"));
    m_edit->setToolTip(tr("Filter expression: field op value, joined with and, or, not and parentheses.\n"
                          "Operators: eq ne lt gt lte gte in (contains) matches (regular expression).\n"
                          "Values: 'quoted text', numbers, now-1h. Fields such as state, name, percentDone, "
                          "startTime, duration, app, cluster, namespace, stateDetails[*].title, "
                          "metadata.labels[*].value."));
    attachHighlighter(m_edit->document(), HighlightLanguage::FilterExpression, palette());
    m_icon->setFixedSize(20, 20);
    m_icon->setAlignment(Qt::AlignCenter);
    QPalette errorPalette = m_message->palette();
    errorPalette.setColor(QPalette::WindowText, TaskColors::accent(TaskState::Failed, errorPalette));
    m_message->setPalette(errorPalette);
    m_message->setObjectName(QStringLiteral("filterMessage"));
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    m_count->setObjectName(QStringLiteral("filterCount"));
    m_saved->setText(tr("Saved"));
    m_saved->setToolTip(tr("Saved filters"));
    m_saved->setPopupMode(QToolButton::InstantPopup);
    m_saved->setMenu(new QMenu(m_saved));
    connect(m_saved->menu(), &QMenu::aboutToShow, this, &FilterEditor::rebuildSavedMenu);
    m_saved->setAccessibleName(tr("Saved filters"));

    // The message goes under the expression, not beside it: the box keeps its width when an error
    // appears. It wraps rather than widening the window.
    m_message->setWordWrap(true);
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setVerticalSpacing(0);
    layout->addWidget(m_icon, 0, 0);
    layout->addWidget(m_edit, 0, 1);
    layout->addWidget(m_count, 0, 2);
    layout->addWidget(m_saved, 0, 3);
    layout->addWidget(m_message, 1, 1, 1, 3);
    layout->setColumnStretch(1, 1);

    m_completer->setModel(m_candidates);
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setWidget(m_edit);
    m_edit->m_completer = m_completer;
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this, &FilterEditor::insertCompletion);

    m_applyTimer.setSingleShot(true);
    m_applyTimer.setInterval(300);
    connect(&m_applyTimer, &QTimer::timeout, this, &FilterEditor::applyNow);
    m_countTimer.setSingleShot(true);
    m_countTimer.setInterval(80);
    connect(&m_countTimer, &QTimer::timeout, this, &FilterEditor::updateCount);

    connect(m_edit, &QPlainTextEdit::textChanged, this, &FilterEditor::onTextChanged);
    connect(m_edit, &FilterLineEdit::returnPressed, this, [this] {
        applyNow();
        remember(m_applied);
    });
    connect(m_edit, &FilterLineEdit::historyRequested, this, &FilterEditor::stepHistory);
    connect(m_edit, &FilterLineEdit::completionRequested, this, &FilterEditor::showCompletions);
    connect(m_edit, &FilterLineEdit::escapePressed, this, [this] {
        if (!text().isEmpty())
            setText(QString()); // Escape clears the filter, as in a search field
    });
    // Typing a letter after a space or at a token's end offers what fits, as an IDE does.
    connect(m_edit, &QPlainTextEdit::cursorPositionChanged, this, [this] {
        if (m_completer->popup()->isVisible())
            showCompletions();
    });

    m_history = QSettings().value(kHistoryKey).toStringList();
    rebuildSavedMenu();
    showValidity();
}

FilterEditor::~FilterEditor() = default;

QString FilterEditor::text() const
{
    return m_edit->toPlainText();
}

void FilterEditor::setText(const QString &text)
{
    if (text == this->text()) {
        applyNow();
        return;
    }
    m_settingText = true;
    m_edit->setPlainText(text);
    m_settingText = false;
    QTextCursor cursor = m_edit->textCursor();
    cursor.movePosition(QTextCursor::End);
    m_edit->setTextCursor(cursor);
    onTextChanged();
    applyNow();
    remember(m_applied);
}

void FilterEditor::setMatchCounter(std::function<int(const FilterPredicate &)> counter)
{
    m_counter = std::move(counter);
    updateCount();
}

void FilterEditor::setAppliedCounts(int matching, int total)
{
    m_appliedMatching = matching;
    m_total = total;
    updateCount();
}

void FilterEditor::setAppliedText(const QString &text)
{
    m_applyTimer.stop();
    m_applied = text.trimmed();
    if (text == this->text())
        return;
    m_settingText = true;
    m_edit->setPlainText(text);
    m_settingText = false;
    m_edit->moveCursor(QTextCursor::End);
    onTextChanged();
}

void FilterEditor::focusEditor()
{
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

void FilterEditor::onTextChanged()
{
    const FilterParseResult result = parseFilter(text());
    m_error = result.error;
    m_expr = result.expr;
    m_validity = !result.ok() ? Validity::Invalid : text().trimmed().isEmpty() ? Validity::Empty : Validity::Valid;
    showValidity();
    if (!m_settingText) {
        m_historyPos = -1;
        if (m_validity != Validity::Invalid)
            m_applyTimer.start();
        m_countTimer.start();
    }
}

void FilterEditor::showValidity()
{
    // The error underlined at its column (a zero-length error marks the character before it).
    QList<QTextEdit::ExtraSelection> selections;
    if (m_error) {
        const int length = int(text().size());
        int start = qBound(0, m_error->column, length);
        int end = qMin(length, start + qMax(1, m_error->length));
        if (start == end && start > 0)
            --start;
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(m_edit->document());
        selection.cursor.setPosition(start);
        selection.cursor.setPosition(end, QTextCursor::KeepAnchor);
        selection.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        selection.format.setUnderlineColor(TaskColors::accent(TaskState::Failed, palette()));
        selections.append(selection);
    }
    m_edit->setExtraSelections(selections);

    const QStyle::StandardPixmap icon = m_validity == Validity::Invalid ? QStyle::SP_MessageBoxCritical
        : m_validity == Validity::Valid                                  ? QStyle::SP_DialogApplyButton
                                                                         : QStyle::SP_FileDialogContentsView;
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(16, 16));
    const QString state = m_validity == Validity::Invalid ? tr("Invalid filter")
        : m_validity == Validity::Valid                    ? tr("Valid filter")
                                                           : tr("No filter: every task is shown");
    m_icon->setToolTip(state);
    m_icon->setAccessibleName(state);
    m_message->setText(m_error ? m_error->toString() : QString());
    m_message->setVisible(m_error.has_value());
    Q_EMIT validityChanged(m_validity);
}

void FilterEditor::updateCount()
{
    if (m_validity == Validity::Invalid) {
        showCount(QString());
        return;
    }
    if (!m_counter || m_expr.isEmpty()) {
        showCount(m_total >= 0 ? tr("%n task(s)", nullptr, m_total) : QString());
        return;
    }
    const bool applied = text().trimmed() == m_applied && m_appliedMatching >= 0;
    const int matches = applied ? m_appliedMatching : m_counter(FilterPredicate(m_expr));
    showCount(m_total >= 0 ? tr("%1 of %n match", nullptr, m_total).arg(matches) : tr("%n match(es)", nullptr, matches));
}

void FilterEditor::showCount(const QString &text)
{
    m_count->setText(text);
    // Room for the widest count seen: the expression's box does not change width as counts come and go.
    m_count->setMinimumWidth(qMax(m_count->minimumWidth(), m_count->sizeHint().width()));
}

void FilterEditor::applyNow()
{
    m_applyTimer.stop();
    if (m_validity == Validity::Invalid)
        return;
    const QString current = text().trimmed();
    if (current == m_applied)
        return;
    m_applied = current;
    Q_EMIT filterApplied(current);
}

void FilterEditor::remember(const QString &text)
{
    if (text.isEmpty() || (!m_history.isEmpty() && m_history.last() == text))
        return;
    m_history.removeAll(text);
    m_history.append(text);
    while (m_history.size() > kHistoryMax)
        m_history.removeFirst();
    QSettings().setValue(kHistoryKey, m_history);
}

void FilterEditor::stepHistory(int step)
{
    if (m_history.isEmpty())
        return;
    if (m_historyPos < 0) {
        if (step > 0)
            return;
        m_beforeHistory = text();
        m_historyPos = int(m_history.size());
    }
    const int next = m_historyPos + step;
    if (next < 0)
        return;
    m_settingText = true;
    if (next >= m_history.size()) {
        m_edit->setPlainText(m_beforeHistory); // back to what was being typed
        m_historyPos = -1;
    } else {
        m_edit->setPlainText(m_history.at(next));
        m_historyPos = next;
    }
    m_settingText = false;
    m_edit->moveCursor(QTextCursor::End);
    const int position = m_historyPos;
    onTextChanged();
    m_historyPos = position;
    if (m_validity != Validity::Invalid)
        m_applyTimer.start();
}

int FilterEditor::showCompletions()
{
    static const FilterValueIndex empty;
    const int cursor = m_edit->textCursor().position();
    const QList<FilterCompletion> candidates = completionsAt(text(), cursor, m_values ? m_values() : empty);
    m_candidates->clear();
    for (const FilterCompletion &candidate : candidates) {
        auto *item = new QStandardItem(candidate.text);
        item->setData(candidate.start, kStartRole);
        item->setData(candidate.length, kLengthRole);
        item->setEditable(false);
        m_candidates->appendRow(item);
    }
    if (candidates.isEmpty()) {
        m_completer->popup()->hide();
        return 0;
    }
    // As wide as the longest entry: the list's frame and a scroll bar come on top of the entries.
    QAbstractItemView *popup = m_completer->popup();
    QRect rect = m_edit->cursorRect();
    rect.setWidth(popup->sizeHintForColumn(0) + 2 * popup->frameWidth() + popup->verticalScrollBar()->sizeHint().width());
    m_completer->complete(rect);
    popup->setCurrentIndex(m_candidates->index(0, 0));
    return int(candidates.size());
}

void FilterEditor::insertCompletion(const QModelIndex &index)
{
    const QModelIndex source = index.model() == m_candidates ? index : m_candidates->index(index.row(), 0);
    const int start = source.data(kStartRole).toInt();
    const int length = source.data(kLengthRole).toInt();
    QString insert = source.data(Qt::DisplayRole).toString();
    QTextCursor cursor = m_edit->textCursor();
    cursor.setPosition(start);
    cursor.setPosition(start + length, QTextCursor::KeepAnchor);
    // A space after a completed word, so the next completion can follow at once.
    const QString rest = text().mid(start + length);
    if (rest.isEmpty() || !rest.front().isSpace())
        insert += u' ';
    cursor.insertText(insert);
    m_edit->setTextCursor(cursor);
}

QMap<QString, QString> FilterEditor::savedFilters() const
{
    QMap<QString, QString> filters;
    const QVariantMap stored = QSettings().value(kSavedKey).toMap();
    for (auto it = stored.cbegin(); it != stored.cend(); ++it)
        filters.insert(it.key(), it.value().toString());
    return filters;
}

void FilterEditor::saveFilter(const QString &name, const QString &text)
{
    QVariantMap stored = QSettings().value(kSavedKey).toMap();
    stored.insert(name, text);
    QSettings().setValue(kSavedKey, stored);
}

void FilterEditor::removeSavedFilter(const QString &name)
{
    QVariantMap stored = QSettings().value(kSavedKey).toMap();
    stored.remove(name);
    QSettings().setValue(kSavedKey, stored);
}

void FilterEditor::promptSaveFilter()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save Filter"), tr("Name of the filter:"), QLineEdit::Normal,
                                               QString(), &ok)
                             .trimmed();
    if (ok && !name.isEmpty())
        saveFilter(name, m_applied);
}

void FilterEditor::rebuildSavedMenu()
{
    // Built as the menu opens: what it shows is always what is saved.
    QMenu *menu = m_saved->menu();
    menu->clear();
    for (QMenu *old : menu->findChildren<QMenu *>(QString(), Qt::FindDirectChildrenOnly))
        old->deleteLater(); // the "Delete" submenu of the last time
    QAction *save = menu->addAction(tr("Save Current Filter…"), this, &FilterEditor::promptSaveFilter);
    save->setEnabled(!m_applied.isEmpty());
    const QMap<QString, QString> filters = savedFilters();
    if (filters.isEmpty())
        return;
    menu->addSeparator();
    QMenu *remove = new QMenu(tr("Delete"), menu);
    for (auto it = filters.cbegin(); it != filters.cend(); ++it) {
        const QString name = it.key(), expression = it.value();
        QAction *use = menu->addAction(name, this, [this, expression] { setText(expression); });
        use->setToolTip(expression);
        remove->addAction(name, this, [this, name] { removeSavedFilter(name); });
    }
    menu->addSeparator();
    menu->addMenu(remove);
}

} // namespace Taskscope
