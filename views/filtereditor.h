// FilterEditor: the one-line filter expression editor: highlighting, completion, the error at its column,
// a validity icon, a live count, history, saved filters; applying is debounced.
#pragma once

#include "filterlanguage.h"

#include <QPlainTextEdit>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <optional>

class QCompleter;
class QLabel;
class QStandardItemModel;
class QToolButton;

namespace Taskscope {

class FilterPredicate;
class FilterValueIndex;

// A QPlainTextEdit that behaves as a single line (so that a QSyntaxHighlighter can colour it).
class FilterLineEdit final : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit FilterLineEdit(QWidget *parent = nullptr);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void returnPressed();
    void historyRequested(int step); // -1: older (Up), +1: newer (Down)
    void completionRequested();      // Ctrl+Space
    void escapePressed();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void insertFromMimeData(const QMimeData *source) override; // pasted line breaks become spaces

private:
    friend class FilterEditor;
    QCompleter *m_completer = nullptr;
};

class FilterEditor final : public QWidget
{
    Q_OBJECT
public:
    enum class Validity { Empty, Valid, Invalid };
    Q_ENUM(Validity)

    explicit FilterEditor(QWidget *parent = nullptr);
    ~FilterEditor() override;

    QString text() const;
    // Replaces the text (a click elsewhere rewrote the expression) and applies it at once.
    void setText(const QString &text);
    Validity validity() const { return m_validity; }
    const std::optional<FilterError> &error() const { return m_error; }
    QString appliedText() const { return m_applied; }

    // Values offered by completion, asked for when completion shows (so they are gathered only then).
    void setValueIndexProvider(std::function<const FilterValueIndex &()> provider) { m_values = std::move(provider); }
    // Counts the tasks a valid expression selects, for the live count while typing.
    void setMatchCounter(std::function<int(const FilterPredicate &)> counter);
    // What the filter in force selects, counted by its owner: shown while the text is the applied
    // one, so that only an edited text is counted here (a pass over every task).
    void setAppliedCounts(int matching, int total);
    // Shows `text` as the filter in force, without applying it again or adding it to the history.
    void setAppliedText(const QString &text);
    void setApplyDelay(int msecs) { m_applyTimer.setInterval(msecs); }

    FilterLineEdit *editor() const { return m_edit; }
    QLabel *messageLabel() const { return m_message; }
    QLabel *countLabel() const { return m_count; }
    QCompleter *completer() const { return m_completer; }

    void focusEditor();
    void applyNow();
    // Completion candidates at the cursor, shown in a popup; returns how many.
    int showCompletions();

    // History of applied filters (newest last), persisted.
    QStringList history() const { return m_history; }
    void stepHistory(int step);

    // Named filters, persisted in QSettings (name -> expression).
    QMap<QString, QString> savedFilters() const;
    void saveFilter(const QString &name, const QString &text);
    void removeSavedFilter(const QString &name);

Q_SIGNALS:
    void filterApplied(const QString &text); // a valid expression (empty: no filter), after the debounce
    void validityChanged(Taskscope::FilterEditor::Validity validity);

private:
    void onTextChanged();
    void showValidity();
    void updateCount();
    void showCount(const QString &text);
    void insertCompletion(const QModelIndex &index);
    void rebuildSavedMenu();
    void promptSaveFilter();
    void remember(const QString &text);

    FilterLineEdit *m_edit;
    QLabel *m_icon;
    QLabel *m_message;
    QLabel *m_count;
    QToolButton *m_saved;
    QCompleter *m_completer;
    QStandardItemModel *m_candidates;
    QTimer m_applyTimer;
    QTimer m_countTimer;

    std::function<const FilterValueIndex &()> m_values;
    std::function<int(const FilterPredicate &)> m_counter;
    int m_total = -1;
    int m_appliedMatching = -1;
    Validity m_validity = Validity::Empty;
    std::optional<FilterError> m_error;
    FilterExpr m_expr;
    QString m_applied;
    QStringList m_history;
    int m_historyPos = -1; // -1: not browsing
    QString m_beforeHistory;
    bool m_settingText = false;
};

} // namespace Taskscope
