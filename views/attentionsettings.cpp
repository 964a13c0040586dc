// AttentionSettings: the rules in a table; editing happens in AttentionRuleDialog.
#include "attentionsettings.h"

#include "attentionruledialog.h"
#include "filterlanguage.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Taskscope {

AttentionSettings::AttentionSettings(QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_add(new QPushButton(tr("&Add…"), this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_restore(new QPushButton(tr("Restore &Defaults"), this))
    , m_test(new QPushButton(tr("Send a &Test Notification"), this))
    , m_notifyMissed(new QCheckBox(tr("At start, notify the &failures since the last run"), this))
    , m_backend(new QLabel(this))
{
    setWindowTitle(tr("Notifications"));
    m_table->setHorizontalHeaderLabels({tr("Enabled", "a notification rule is on (not muted)"), tr("Event"),
                                        tr("Filter"), tr("Connection"), tr("Watched only")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(FilterColumn, QHeaderView::Stretch);
    m_table->setWordWrap(false);

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addSpacing(fontMetrics().height());
    buttons->addWidget(m_restore);
    buttons->addStretch();
    auto *rules = new QHBoxLayout;
    rules->addWidget(m_table, 1);
    rules->addLayout(buttons);

    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_backend, 1);
    testRow->addWidget(m_test);
    m_backend->setWordWrap(true);
    m_backend->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *close = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Notify me when:"), this));
    layout->addLayout(rules);
    layout->addWidget(m_notifyMissed);
    layout->addLayout(testRow);
    layout->addWidget(close);

    connect(m_add, &QPushButton::clicked, this, &AttentionSettings::addRule);
    connect(m_edit, &QPushButton::clicked, this, [this] { editRule(selectedRow()); });
    connect(m_remove, &QPushButton::clicked, this, &AttentionSettings::removeSelectedRule);
    connect(m_restore, &QPushButton::clicked, this, &AttentionSettings::restoreDefaults);
    connect(m_test, &QPushButton::clicked, this, [this] { Q_EMIT testNotificationRequested(testMessage()); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &AttentionSettings::updateButtons);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row) { editRule(row); });
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (m_filling || item->column() != EnabledColumn || item->row() >= m_rules.size())
            return;
        m_rules[item->row()].muted = item->checkState() != Qt::Checked;
    });
    connect(close, &QDialogButtonBox::accepted, this, &AttentionSettings::accept);
    connect(close, &QDialogButtonBox::rejected, this, &AttentionSettings::reject);

    setBackendName(QString(), false);
    resize(fontMetrics().averageCharWidth() * 110, fontMetrics().height() * 22);
    updateButtons();
}

void AttentionSettings::setRules(const QList<AttentionRule> &rules)
{
    m_rules = rules;
    fillTable();
}

void AttentionSettings::setNotifyMissed(bool on)
{
    m_notifyMissed->setChecked(on);
}

bool AttentionSettings::notifyMissed() const
{
    return m_notifyMissed->isChecked();
}

void AttentionSettings::setBackendName(const QString &name, bool available)
{
    if (name.isEmpty() || !available) {
        m_backend->setText(name.isEmpty() ? tr("Notifications cannot be shown: no notification service and no tray.")
                                          : tr("Notifications cannot be shown now (%1).").arg(name));
    } else {
        m_backend->setText(tr("Notifications are shown by: %1").arg(name));
    }
    m_test->setEnabled(available && !name.isEmpty());
}

NotificationMessage AttentionSettings::testMessage()
{
    NotificationMessage message;
    message.key = QStringLiteral("taskscope-test");
    message.title = tr("Taskscope test notification");
    message.body = tr("Notifications work: Taskscope will tell you here when a rule matches.");
    message.urgency = NotificationMessage::Urgency::Normal;
    message.at = QDateTime::currentDateTimeUtc();
    return message;
}

void AttentionSettings::addRule()
{
    openEditor(-1);
}

void AttentionSettings::editRule(int row)
{
    if (row >= 0 && row < m_rules.size())
        openEditor(row);
}

void AttentionSettings::removeSelectedRule()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    m_rules.removeAt(row);
    fillTable();
    if (!m_rules.isEmpty())
        m_table->selectRow(qMin(row, int(m_rules.size()) - 1));
}

void AttentionSettings::restoreDefaults()
{
    m_rules = defaultAttentionRules();
    fillTable();
}

AttentionRuleDialog *AttentionSettings::ruleEditor() const
{
    return m_editor;
}

int AttentionSettings::selectedRow() const
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    return selected.isEmpty() ? -1 : selected.constFirst()->row();
}

void AttentionSettings::updateButtons()
{
    const bool selected = selectedRow() >= 0;
    m_edit->setEnabled(selected);
    m_remove->setEnabled(selected);
}

void AttentionSettings::openEditor(int row)
{
    if (m_editor)
        return;
    auto *editor = new AttentionRuleDialog(m_connectionNames, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    const QString editedId = row >= 0 ? m_rules.at(row).id : QString();
    if (row >= 0)
        editor->setRule(m_rules.at(row));
    connect(editor, &QDialog::accepted, this, [this, editor, editedId] {
        const AttentionRule rule = editor->rule();
        int at = -1;
        for (int i = 0; i < m_rules.size() && !editedId.isEmpty(); ++i) {
            if (m_rules.at(i).id == editedId)
                at = i;
        }
        if (at >= 0) {
            m_rules[at] = rule;
        } else {
            m_rules.append(rule);
            at = int(m_rules.size()) - 1;
        }
        fillTable();
        m_table->selectRow(at);
    });
    m_editor = editor;
    editor->open();
}

void AttentionSettings::fillTable()
{
    m_filling = true;
    const int selected = selectedRow();
    m_table->setRowCount(int(m_rules.size()));
    for (int row = 0; row < m_rules.size(); ++row) {
        const AttentionRule &rule = m_rules.at(row);
        auto *enabled = new QTableWidgetItem;
        enabled->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        enabled->setCheckState(rule.muted ? Qt::Unchecked : Qt::Checked);
        enabled->setToolTip(rule.muted ? tr("Muted: this rule notifies nothing") : tr("This rule notifies"));
        m_table->setItem(row, EnabledColumn, enabled);

        auto *event = new QTableWidgetItem(attentionEventText(rule.event));
        event->setToolTip(rule.name);
        m_table->setItem(row, EventColumn, event);

        auto *filter = new QTableWidgetItem(rule.filter.isEmpty() ? tr("Any task") : rule.filter);
        filter->setToolTip(rule.filter);
        if (const auto error = parseFilter(rule.filter).error) {
            // Saved by hand or by another version: the rule notifies nothing until it is fixed.
            filter->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
            filter->setToolTip(tr("This filter is not valid, so the rule notifies nothing: %1").arg(error->toString()));
        }
        if (rule.filter.isEmpty()) {
            QFont font = filter->font();
            font.setItalic(true);
            filter->setFont(font);
        }
        m_table->setItem(row, FilterColumn, filter);

        m_table->setItem(row, ConnectionColumn,
                         new QTableWidgetItem(rule.connection.isEmpty() ? tr("Any connection") : rule.connection));

        auto *watched = new QTableWidgetItem(rule.watchedOnly ? tr("Yes") : tr("No"));
        m_table->setItem(row, WatchedColumn, watched);
        for (int column = EventColumn; column < ColumnCount; ++column)
            m_table->item(row, column)->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    }
    m_table->resizeColumnToContents(EnabledColumn);
    m_table->resizeColumnToContents(EventColumn);
    if (selected >= 0 && selected < m_rules.size())
        m_table->selectRow(selected);
    m_filling = false;
    updateButtons();
}

} // namespace Taskscope
