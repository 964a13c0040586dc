// StateBar: state chips (StatePill, like the state badge) with palette-derived colours and roving focus.
#include "statebar.h"

#include "statepill.h"
#include "taskcolors.h"
#include "tasktreemodel.h"
#include "taskformat.h"

#include <QAbstractButton>
#include <QContextMenuEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Taskscope {

// One chip: glyph, name and count in a rounded pill. Keyboard and mouse activations carry the modifiers
// that were held, which QAbstractButton::clicked() does not.
class StateChip final : public QAbstractButton
{
    Q_OBJECT
public:
    enum class Mode { Neutral, Selected, Excluded };

    StateChip(TaskState state, QWidget *parent)
        : QAbstractButton(parent)
        , m_state(state)
    {
        setAttribute(Qt::WA_Hover); // repaint on enter/leave for the hover feedback
        setCursor(Qt::PointingHandCursor);
        setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
        // Checkable only so that assistive technology reports a lit chip as checked; the bar never
        // toggles it itself (nextCheckState does nothing): setSelection() is the only source of truth.
        setCheckable(true);
        connect(this, &QAbstractButton::clicked, this, [this] { Q_EMIT activated(m_modifiers); });
    }

    TaskState state() const { return m_state; }
    Mode mode() const { return m_mode; }
    int count() const { return m_count; }
    QString name() const { return m_name; }

    void setName(const QString &name)
    {
        if (name == m_name)
            return;
        m_name = name;
        QString mnemonicFree = name;
        setText(mnemonicFree.replace(u'&', u"&&"_s)); // a state name must not become a shortcut
        changed();
    }

    void setCount(int count)
    {
        if (count == m_count)
            return;
        m_count = count;
        m_widestCount = qMax(m_widestCount, countMetrics().horizontalAdvance(countText()));
        changed();
    }

    void setMode(Mode mode)
    {
        if (mode == m_mode)
            return;
        m_mode = mode;
        setChecked(mode == Mode::Selected);
        changed();
    }

    QSize sizeHint() const override { return sizeFor(true); }
    QSize minimumSizeHint() const override { return sizeFor(false); }

Q_SIGNALS:
    void activated(Qt::KeyboardModifiers modifiers);

protected:
    void nextCheckState() override { }

    void mouseReleaseEvent(QMouseEvent *event) override
    {
        m_modifiers = event->modifiers();
        QAbstractButton::mouseReleaseEvent(event); // emits clicked() when the release is inside
        m_modifiers = Qt::NoModifier;
    }

    void keyPressEvent(QKeyEvent *event) override
    {
        switch (event->key()) {
        case Qt::Key_Space:
        case Qt::Key_Select:
            if (!event->isAutoRepeat())
                setDown(true);
            event->accept();
            return;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (!event->isAutoRepeat())
                clickWith(event->modifiers());
            event->accept();
            return;
        default:
            QAbstractButton::keyPressEvent(event);
        }
    }

    void keyReleaseEvent(QKeyEvent *event) override
    {
        if ((event->key() == Qt::Key_Space || event->key() == Qt::Key_Select) && !event->isAutoRepeat()) {
            if (isDown()) {
                setDown(false);
                clickWith(event->modifiers());
            }
            event->accept();
            return;
        }
        QAbstractButton::keyReleaseEvent(event);
    }

    void focusOutEvent(QFocusEvent *event) override
    {
        setDown(false); // Space pressed, then focus lost: no click
        QAbstractButton::focusOutEvent(event);
    }

    void changeEvent(QEvent *event) override
    {
        if (event->type() == QEvent::FontChange || event->type() == QEvent::LocaleChange) {
            m_widestCount = 0; // measured again, in this font or with these digits, from now on
            changed();
        }
        QAbstractButton::changeEvent(event);
    }

    void paintEvent(QPaintEvent *event) override;
    StatePill::Colors colors() const;

private:
    struct Geometry
    {
        double margin;  // room for the focus ring around the pill
        double padding; // inside the pill, left and right
        double glyph;   // the glyph's square
        double gap;     // glyph to name, name to count
        double countWidth;
    };

    Geometry geometry() const
    {
        const QFontMetricsF fm(font());
        const double h = fm.height();
        const QFontMetricsF metrics = countMetrics();
        // At least two digits wide, so that counts going 9 -> 10 do not make the bar jump, and as
        // wide as the widest count shown: a count going 1,234 -> 5 -> 1,240 does not either.
        const double countWidth = std::max({metrics.horizontalAdvance(countText()),
                                             metrics.horizontalAdvance(locale().toString(88)), m_widestCount});
        return {qMax(3.0, std::round(h / 5.0)), h * 0.5, h * 0.7, h * 0.35, countWidth};
    }

    QFontMetricsF countMetrics() const { return QFontMetricsF(countFont()); }

    QFont countFont() const
    {
        QFont f = font();
        f.setBold(true);
        return f;
    }

    QString countText() const { return locale().toString(m_count); }

    QSize sizeFor(bool withName) const
    {
        const Geometry g = geometry();
        const QFontMetricsF fm(font());
        const double name = withName ? fm.horizontalAdvance(m_name) + g.gap : 0.0;
        const double width = 2 * g.margin + g.padding + g.glyph + g.gap + name + g.countWidth + g.padding;
        const double height = 2 * g.margin + std::round(fm.height() * 1.45);
        return {int(std::ceil(width)), int(std::ceil(height))};
    }

    void clickWith(Qt::KeyboardModifiers modifiers)
    {
        m_modifiers = modifiers;
        click(); // emits clicked() now, unlike animateClick()
        m_modifiers = Qt::NoModifier;
    }

    void changed()
    {
        const QSize hint = sizeHint();
        if (hint != m_lastHint) {
            m_lastHint = hint;
            updateGeometry();
        }
        update();
    }

    TaskState m_state;
    Mode m_mode = Mode::Neutral;
    int m_count = 0;
    double m_widestCount = 0; // the width of the widest count shown (since the font last changed)
    QString m_name;
    QSize m_lastHint;
    Qt::KeyboardModifiers m_modifiers = Qt::NoModifier;
};

StatePill::Colors StateChip::colors() const
{
    const QPalette &pal = palette();
    const QColor window = pal.color(QPalette::Window);
    const QColor text = pal.color(QPalette::WindowText);
    const QColor accent = TaskColors::opaqueOn(TaskColors::accent(m_state, pal), window);
    const QColor muted = TaskColors::mix(window, text, 0.5);
    const bool dark = TaskColors::isDark(pal);

    StatePill::Colors c;
    switch (m_mode) {
    case Mode::Selected: {
        // Lit: the accent itself, with whichever of the palette's two text colours reads better on it.
        const StatePill::Readable readable = StatePill::readableOn(accent, text, window);
        c = {readable.fill, readable.fill, readable.foreground, readable.foreground};
        break;
    }
    case Mode::Excluded:
        c = {window, TaskColors::mix(window, accent, 0.5), muted, TaskColors::mix(window, accent, 0.5)};
        break;
    case Mode::Neutral:
        if (m_count == 0) // nothing to show: muted, but in place so that the bar does not jump
            c = {window, TaskColors::mix(window, text, 0.2), muted, TaskColors::mix(window, accent, 0.55)};
        else
            c = {TaskColors::mix(window, accent, dark ? 0.22 : 0.12), TaskColors::mix(window, accent, 0.6), text, accent};
        break;
    }
    if (!isEnabled()) {
        c = {window, muted, muted, muted};
    } else if (isDown()) {
        c.fill = TaskColors::mix(c.fill, text, 0.18);
    } else if (underMouse()) {
        c.fill = TaskColors::mix(c.fill, text, 0.08);
        if (m_mode != Mode::Selected)
            c.border = accent;
    }
    return c;
}

void StateChip::paintEvent(QPaintEvent *)
{
    const StatePill::Colors c = colors();
    const Geometry g = geometry();
    const QRectF pill = QRectF(rect()).adjusted(g.margin, g.margin, -g.margin, -g.margin);
    const double radius = pill.height() / 2.0;

    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    StatePill::drawFrame(&painter, pill, c, m_mode == Mode::Selected ? 1.5 : 1.0);

    if (hasFocus()) {
        // A ring around the pill, clear of it, in the palette's focus colour.
        const double ring = g.margin / 2.0;
        QPen pen(palette().color(QPalette::Highlight), qMax(1.5, g.margin / 2.0));
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(pill.adjusted(-ring, -ring, ring, ring), radius + ring, radius + ring);
    }

    StatePill::Label label;
    label.name = m_name;
    label.nameFont = font();
    label.count = countText();
    label.countFont = countFont();
    label.countWidth = g.countWidth;
    // Excluded: struck through, so that it does not rest on colour.
    label.nameFont.setStrikeOut(m_mode == Mode::Excluded);
    label.countFont.setStrikeOut(m_mode == Mode::Excluded);
    label.hideLoneEllipsis = true; // the name is in the tooltip
    label.rightToLeft = isRightToLeft();
    StatePill::drawContent(&painter, pill, m_state, c, {g.padding, g.glyph, g.gap}, label);
}

StateBar::StateBar(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(0); // the chips' focus-ring margins already keep the pills apart
    for (int s = 0; s < TaskStateCount; ++s) {
        auto *chip = new StateChip(TaskState(s), this);
        m_chips[s] = chip;
        m_layout->addWidget(chip);
        chip->installEventFilter(this);
        connect(chip, &StateChip::activated, this, [this, chip](Qt::KeyboardModifiers modifiers) {
            activate(chip, modifiers);
        });
    }
    m_stalled = new StateChip(TaskState::Unknown, this);
    m_stalled->setObjectName(QStringLiteral("stalledChip"));
    m_layout->addWidget(m_stalled);
    connect(m_stalled, &StateChip::activated, this, &StateBar::stalledActivated);
    m_layout->addStretch(1);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setTabStop(m_chips[0]);
    retranslate();
    updateUnknownVisibility();
}

void StateBar::setStalledCount(int count)
{
    m_stalledCount = count;
    m_stalled->setCount(count);
    updateStalled();
}

void StateBar::setStalledSelected(bool selected)
{
    m_stalled->setMode(selected ? StateChip::Mode::Selected : StateChip::Mode::Neutral);
    updateStalled();
}

QAbstractButton *StateBar::stalledChip() const
{
    return m_stalled;
}

void StateBar::updateStalled()
{
    const bool lit = m_stalled->mode() == StateChip::Mode::Selected;
    //: the chip of running tasks whose progress stopped moving
    const QString name = tr("Stalled", "state chip");
    m_stalled->setName(name);
    m_stalled->setAccessibleName(tr("%1: %Ln task(s)", "state chip: a state's name and its count", m_stalledCount).arg(name));
    m_stalled->setToolTip(lit ? tr("Shown by the filter.\nClick: remove the stalled clause from the filter.", "state chip")
                              : tr("Running tasks whose progress has not moved for at least 10 minutes (or 5 times "
                                   "their usual pace).\nClick: only stalled tasks.",
                                   "state chip"));
    m_stalled->setVisible(m_stalledCount > 0 || lit);
}

void StateBar::setCounts(const std::array<int, TaskStateCount> &counts)
{
    m_counts = counts;
    for (int s = 0; s < TaskStateCount; ++s)
        m_chips[s]->setCount(counts[s]);
    retranslate(); // the accessible names carry the counts
    updateUnknownVisibility();
}

void StateBar::setSelection(const QStringList &selected, const QStringList &excluded)
{
    for (StateChip *chip : m_chips) {
        const QString name = stateApiName(chip->state());
        // Included and excluded at once cannot be shown on one chip; the inclusion is what is painted.
        chip->setMode(selected.contains(name) ? StateChip::Mode::Selected
                      : excluded.contains(name) ? StateChip::Mode::Excluded
                                                : StateChip::Mode::Neutral);
    }
    retranslate(); // the tooltips depend on the mode
    updateUnknownVisibility();
}

QStringList StateBar::selected() const
{
    QStringList names;
    for (const StateChip *chip : m_chips) {
        if (chip->mode() == StateChip::Mode::Selected)
            names << stateApiName(chip->state());
    }
    return names;
}

QStringList StateBar::excluded() const
{
    QStringList names;
    for (const StateChip *chip : m_chips) {
        if (chip->mode() == StateChip::Mode::Excluded)
            names << stateApiName(chip->state());
    }
    return names;
}

int StateBar::count(TaskState state) const
{
    const int index = int(state);
    Q_ASSERT(index >= 0 && index < TaskStateCount);
    if (index < 0 || index >= TaskStateCount)
        return 0;
    return m_counts[index];
}

QAbstractButton *StateBar::chip(TaskState state) const
{
    const int index = int(state);
    Q_ASSERT(index >= 0 && index < TaskStateCount);
    if (index < 0 || index >= TaskStateCount)
        return nullptr;
    return m_chips[index];
}

void StateBar::activate(StateChip *chip, Qt::KeyboardModifiers modifiers)
{
    const StateChip::Mode mode = chip->mode();
    Action action;
    // Ctrl+Alt (which is also AltGr on some systems) counts as Alt; Shift and Meta are ignored.
    if (modifiers & Qt::AltModifier)
        action = mode == StateChip::Mode::Excluded ? Action::Remove : Action::Exclude;
    else if (modifiers & Qt::ControlModifier)
        action = mode == StateChip::Mode::Selected ? Action::Remove : Action::Add;
    else
        action = mode == StateChip::Mode::Neutral ? Action::Only : Action::Remove;
    Q_EMIT stateActivated(stateApiName(chip->state()), action);
}

void StateBar::retranslate()
{
    setAccessibleName(tr("Task states"));
    for (StateChip *chip : m_chips) {
        const TaskState state = chip->state();
        const QString name = state == TaskState::Unknown
                                 ? tr("Other", "state chip: tasks in a state Taskscope does not know")
                                 : TaskFormat::stateName(state, {});
        chip->setName(name);
        chip->setAccessibleName(
            tr("%1: %Ln task(s)", "state chip: a state's name and its count", chip->count()).arg(name));
        QString help;
        switch (chip->mode()) {
        case StateChip::Mode::Neutral:
            help = tr("Click: only %1 tasks.\nCtrl+click: add %1.\nAlt+click: exclude %1.", "state chip")
                       .arg(name);
            break;
        case StateChip::Mode::Selected:
            help = tr("Shown by the filter.\nClick: remove %1 from the filter.\n"
                      "Alt+click: exclude %1 instead.",
                      "state chip")
                       .arg(name);
            break;
        case StateChip::Mode::Excluded:
            help = tr("Excluded by the filter.\nClick: stop excluding %1.\nCtrl+click: add %1 instead.",
                      "state chip")
                       .arg(name);
            break;
        }
        help += u'\n' + tr("Right-click for a menu.", "state chip");
        chip->setToolTip(help);
        chip->setAccessibleDescription(help);
    }
    if (m_stalled)
        updateStalled();
}

void StateBar::updateUnknownVisibility()
{
    StateChip *unknown = m_chips[int(TaskState::Unknown)];
    // Also while the expression names it: a clause on a state with no task left must stay removable.
    const bool visible = m_counts[int(TaskState::Unknown)] > 0 || unknown->mode() != StateChip::Mode::Neutral;
    if (visible == !unknown->isHidden())
        return;
    if (!visible) {
        if (unknown->focusPolicy() != Qt::NoFocus)
            setTabStop(m_chips[int(TaskState::Unknown) - 1]);
        if (unknown->hasFocus())
            m_chips[int(TaskState::Unknown) - 1]->setFocus(Qt::OtherFocusReason);
    }
    unknown->setHidden(!visible);
}

QList<StateChip *> StateBar::visibleChips() const
{
    QList<StateChip *> chips;
    for (StateChip *chip : m_chips) {
        if (!chip->isHidden())
            chips << chip;
    }
    return chips;
}

// Roving focus: the bar is one stop in the Tab chain (the chip focused last), arrows move between chips.
void StateBar::setTabStop(StateChip *stop)
{
    for (StateChip *chip : m_chips)
        chip->setFocusPolicy(chip == stop ? Qt::TabFocus : Qt::NoFocus);
}

void StateBar::moveFocus(StateChip *from, int step)
{
    const QList<StateChip *> chips = visibleChips();
    const qsizetype index = chips.indexOf(from);
    if (chips.isEmpty() || index < 0)
        return;
    const qsizetype next = (index + step + chips.size()) % chips.size();
    setTabStop(chips[next]);
    chips[next]->setFocus(Qt::TabFocusReason);
}

bool StateBar::eventFilter(QObject *watched, QEvent *event)
{
    auto *chip = qobject_cast<StateChip *>(watched);
    if (!chip)
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::FocusIn:
        setTabStop(chip);
        break;
    case QEvent::KeyPress: {
        const auto *key = static_cast<QKeyEvent *>(event);
        const int forward = isRightToLeft() ? -1 : 1;
        switch (key->key()) {
        case Qt::Key_Right:
        case Qt::Key_Down:
            moveFocus(chip, key->key() == Qt::Key_Right ? forward : 1);
            return true;
        case Qt::Key_Left:
        case Qt::Key_Up:
            moveFocus(chip, key->key() == Qt::Key_Left ? -forward : -1);
            return true;
        case Qt::Key_Home:
        case Qt::Key_End: {
            const QList<StateChip *> chips = visibleChips();
            StateChip *target = key->key() == Qt::Key_Home ? chips.first() : chips.last();
            setTabStop(target);
            target->setFocus(Qt::TabFocusReason);
            return true;
        }
        default:
            break;
        }
        break;
    }
    case QEvent::ContextMenu: {
        // Every action without a modifier: Alt+click is taken by some window managers (window move).
        const auto *request = static_cast<QContextMenuEvent *>(event);
        const QString name = chip->name();
        const QString api = stateApiName(chip->state());
        auto *menu = new QMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        const auto add = [&](const QString &text, Action action, bool enabled) {
            QAction *item = menu->addAction(text);
            item->setEnabled(enabled);
            item->setData(QVariant::fromValue(action));
            connect(item, &QAction::triggered, this,
                    [this, api, action] { Q_EMIT stateActivated(api, action); });
        };
        const StateChip::Mode mode = chip->mode();
        add(tr("Only %1 tasks", "state chip menu").arg(name), Action::Only, true);
        add(tr("Add %1", "state chip menu").arg(name), Action::Add, mode != StateChip::Mode::Selected);
        add(tr("Exclude %1", "state chip menu").arg(name), Action::Exclude,
            mode != StateChip::Mode::Excluded);
        add(tr("Remove %1 from the filter", "state chip menu").arg(name), Action::Remove,
            mode != StateChip::Mode::Neutral);
        menu->popup(request->globalPos());
        return true;
    }
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void StateBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace Taskscope

#include "statebar.moc"
