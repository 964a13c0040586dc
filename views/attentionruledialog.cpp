// AttentionRuleDialog: one rule's fields, the filter checked by the filter language's parser.
#include "attentionruledialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUuid>
#include <QVBoxLayout>

namespace Taskscope {

AttentionRuleDialog::AttentionRuleDialog(const QStringList &connectionNames, QWidget *parent)
    : QDialog(parent)
    , m_event(new QComboBox(this))
    , m_filter(new QLineEdit(this))
    , m_message(new QLabel(this))
    , m_connection(new QComboBox(this))
    , m_watchedOnly(new QCheckBox(tr("Only &watched tasks (and their subtasks)"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Notification Rule"));
    m_rule.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    // Every event attention.h names (its API name is empty past the last), in their order.
    for (int i = 0; !attentionEventApiName(AttentionEvent(i)).isEmpty(); ++i)
        m_event->addItem(attentionEventText(AttentionEvent(i)), i);

    m_filter->setPlaceholderText(tr("Any task (for example: name in 'backup' and appName in 'prod')"));
    m_filter->setClearButtonEnabled(true);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setVisible(false);

    m_connection->addItem(tr("Any connection"), QString());
    for (const QString &name : connectionNames)
        m_connection->addItem(name, name);

    auto *form = new QFormLayout;
    form->addRow(tr("&Event:"), m_event);
    form->addRow(tr("&Filter:"), m_filter);
    form->addRow(QString(), m_message);
    form->addRow(tr("&Connection:"), m_connection);
    form->addRow(QString(), m_watchedOnly);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    connect(m_filter, &QLineEdit::textChanged, this, &AttentionRuleDialog::checkFilter);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AttentionRuleDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AttentionRuleDialog::reject);
    setMinimumWidth(fontMetrics().averageCharWidth() * 70);
    checkFilter();
}

QPushButton *AttentionRuleDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void AttentionRuleDialog::setRule(const AttentionRule &rule)
{
    m_rule = rule;
    m_event->setCurrentIndex(qMax(0, m_event->findData(int(rule.event))));
    m_filter->setText(rule.filter);
    int connection = m_connection->findData(rule.connection);
    if (connection < 0) { // a profile renamed or removed since: keep the rule's own name
        m_connection->addItem(rule.connection, rule.connection);
        connection = m_connection->count() - 1;
    }
    m_connection->setCurrentIndex(connection);
    m_watchedOnly->setChecked(rule.watchedOnly);
    checkFilter();
}

AttentionRule AttentionRuleDialog::rule() const
{
    AttentionRule rule = m_rule;
    rule.event = AttentionEvent(m_event->currentData().toInt());
    rule.filter = m_filter->text().trimmed();
    rule.connection = m_connection->currentData().toString();
    rule.watchedOnly = m_watchedOnly->isChecked();
    return rule;
}

void AttentionRuleDialog::checkFilter()
{
    m_error = parseFilter(m_filter->text()).error;
    if (m_error) {
        m_message->setText(tr("The filter is not valid: %1").arg(m_error->toString()));
        m_message->setVisible(true);
    } else {
        m_message->clear();
        m_message->setVisible(false);
    }
    okButton()->setEnabled(!m_error);
}

void AttentionRuleDialog::accept()
{
    checkFilter();
    if (m_error) {
        m_filter->setFocus();
        m_filter->setCursorPosition(m_error->column);
        return;
    }
    QDialog::accept();
}

} // namespace Taskscope
