// StateBar: a row of state chips with live counts, for point-and-click filtering by task state.
#pragma once

#include "task.h"

#include <QStringList>
#include <QWidget>

#include <array>

class QAbstractButton;
class QHBoxLayout;

namespace Taskscope {

class StateChip;

// The bar only reports clicks; it does not know the filter language and never lights a chip by itself.
// The main window turns stateActivated() into a rewritten expression and calls setSelection() with what
// the expression selects, so that typed and clicked filters light the same chips.
class StateBar final : public QWidget
{
    Q_OBJECT
public:
    enum class Action { Only, Add, Exclude, Remove };
    Q_ENUM(Action)

    explicit StateBar(QWidget *parent = nullptr);

    // Counts per TaskState (index = int(TaskState)); Unknown included (its chip is shown only when its
    // count > 0, or while the expression names it, so that a click can still remove that clause).
    void setCounts(const std::array<int, TaskStateCount> &counts);
    // States the expression selects (lit) and excludes (shown struck/crossed), by API name ("failed");
    // the empty string is the Unknown chip ("other"). Names the bar does not know are ignored.
    void setSelection(const QStringList &selected, const QStringList &excluded);
    // What setSelection() lit or struck, as API names in the order of TaskState.
    QStringList selected() const;
    QStringList excluded() const;
    int count(TaskState state) const;
    QAbstractButton *chip(TaskState state) const; // for tests

    // The Stalled chip, after the states: running tasks whose progress stopped (Task::stalledSince).
    // Shown while some are stalled or while the filter has a `stalled` clause (lit then).
    void setStalledCount(int count);
    void setStalledSelected(bool selected);
    QAbstractButton *stalledChip() const;

Q_SIGNALS:
    // A click on a chip (mouse, or Space/Enter on a focused chip). `state` is the API name ("" for the
    // Unknown chip). Only: a plain click on an unlit chip. Add: Ctrl+click. Exclude: Alt+click.
    // Remove: a plain click on a lit or excluded chip (undo that clause); Ctrl+click on a lit chip and
    // Alt+click on an excluded one toggle too, so they also give Remove.
    void stateActivated(const QString &state, Taskscope::StateBar::Action action);
    // A click on the Stalled chip: add `stalled gte 0` to the filter, or remove the stalled clauses.
    void stalledActivated();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void activate(StateChip *chip, Qt::KeyboardModifiers modifiers);
    void retranslate();
    void updateUnknownVisibility();
    void moveFocus(StateChip *from, int step);
    void setTabStop(StateChip *chip);
    QList<StateChip *> visibleChips() const;

    std::array<StateChip *, TaskStateCount> m_chips{};
    std::array<int, TaskStateCount> m_counts{};
    StateChip *m_stalled = nullptr; // Unknown as its state: never read as one (its name is set here)
    int m_stalledCount = 0;
    void updateStalled();
    QHBoxLayout *m_layout;
};

} // namespace Taskscope
