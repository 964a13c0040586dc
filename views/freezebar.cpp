// FreezeBar: a note in the tooltip colours (as the message banner), text from %n plurals.
#include "freezebar.h"

#include "taskformat.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace Taskscope {

FreezeBar::FreezeBar(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLabel(this))
    , m_showChanges(new QPushButton(tr("Show Changes"), this))
    , m_unfreeze(new QPushButton(tr("Unfreeze", "a button: let the tree move again"), this))
    , m_layout(new QVBoxLayout(this))
{
    setAutoFillBackground(true);
    QPalette barPalette = palette();
    barPalette.setColor(QPalette::Window, barPalette.color(QPalette::ToolTipBase));
    barPalette.setColor(QPalette::WindowText, barPalette.color(QPalette::ToolTipText));
    setPalette(barPalette);
    m_text->setObjectName(QStringLiteral("freezeText"));
    m_showChanges->setObjectName(QStringLiteral("showChanges"));
    m_showChanges->setCheckable(true);
    m_showChanges->setEnabled(false); // until there is a view to show
    m_unfreeze->setObjectName(QStringLiteral("unfreeze"));
    m_unfreeze->setToolTip(tr("Apply the changes and let the tree follow the polls again"));
    connect(m_unfreeze, &QPushButton::clicked, this, &FreezeBar::unfreezeRequested);
    connect(m_showChanges, &QPushButton::toggled, this, [this](bool shown) {
        if (m_changesView)
            m_changesView->setVisible(shown);
        Q_EMIT changesShownChanged(shown);
    });
    auto *line = new QHBoxLayout;
    line->addWidget(m_text, 1);
    line->addWidget(m_showChanges);
    line->addWidget(m_unfreeze);
    m_layout->addLayout(line);
    updateText();
}

void FreezeBar::setFrozenSince(const QDateTime &since)
{
    m_since = since;
    updateText();
}

void FreezeBar::setChangeCount(int count)
{
    m_count = qMax(0, count);
    updateText();
}

void FreezeBar::setChangesView(QWidget *view)
{
    if (m_changesView == view)
        return;
    delete m_changesView.data();
    m_changesView = view;
    m_showChanges->setEnabled(view != nullptr);
    if (!view) {
        m_showChanges->setChecked(false);
        return;
    }
    m_layout->addWidget(view, 1);
    view->setVisible(m_showChanges->isChecked());
}

QString FreezeBar::text() const
{
    return m_text->text();
}

bool FreezeBar::changesShown() const
{
    return m_showChanges->isChecked();
}

void FreezeBar::setChangesShown(bool shown)
{
    m_showChanges->setChecked(shown && m_changesView);
}

void FreezeBar::updateText()
{
    if (!m_since.isValid()) {
        m_text->setText(tr("Frozen: %n change(s) since the tree was frozen", "", m_count));
        m_text->setToolTip({});
        return;
    }
    const QString time = QLocale().toString(m_since.toLocalTime().time(), QLocale::ShortFormat);
    m_text->setText(tr("Frozen: %n change(s) since %1", "the tree stopped moving; polls go on", m_count).arg(time));
    m_text->setToolTip(tr("Frozen since %1").arg(TaskFormat::localTime(m_since)));
}

} // namespace Taskscope
