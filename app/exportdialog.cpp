// ExportDialog (Ctrl+E): all, visible or selected tasks (with their subtasks), as JSON or CSV.
#include "exportdialog.h"

#include "taskcsv.h"
#include "taskexport.h"
#include "tasktreemodel.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSaveFile>
#include <QSet>
#include <QSettings>
#include <QVBoxLayout>

namespace Taskscope {

namespace {
const QString kLastFolderKey = QStringLiteral("Export/lastFolder");
}

ExportDialog::ExportDialog(const TaskTreeModel *model, const QAbstractItemModel *visible,
                           const QItemSelectionModel *selection, const QString &filterDescription, QWidget *parent)
    : QDialog(parent)
    , m_model(model)
    , m_visible(visible)
    , m_selection(selection)
    , m_filter(filterDescription)
    , m_scopes(new QButtonGroup(this))
    , m_selectedButton(new QRadioButton(tr("&Selected tasks and their subtasks"), this))
    , m_format(new QComboBox(this))
    , m_path(new QLineEdit(this))
    , m_summary(new QLabel(this))
    , m_errorLabel(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Export Tasks"));
    auto *all = new QRadioButton(tr("&All tasks"), this);
    auto *shown = new QRadioButton(tr("&Visible tasks (as filtered)"), this);
    m_scopes->addButton(all, AllTasks);
    m_scopes->addButton(shown, VisibleTasks);
    m_scopes->addButton(m_selectedButton, SelectedTasks);
    const bool hasSelection = selection && selection->hasSelection();
    m_selectedButton->setEnabled(hasSelection);
    (hasSelection ? m_selectedButton : all)->setChecked(true);

    m_format->addItem(tr("JSON (the API's shape, every field)"), Json);
    m_format->addItem(tr("CSV (one row per task, for scripts and spreadsheets)"), Csv);

    const QString folder = QSettings().value(kLastFolderKey, QDir::homePath()).toString();
    m_path->setText(QDir(folder).filePath(QStringLiteral("tasks.json")));
    auto *browseButton = new QPushButton(tr("&Browse…"), this);
    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browseButton);

    auto *scopeBox = new QVBoxLayout;
    scopeBox->addWidget(all);
    scopeBox->addWidget(shown);
    scopeBox->addWidget(m_selectedButton);
    auto *form = new QFormLayout;
    form->addRow(tr("Tasks:"), scopeBox);
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("File:"), pathRow);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->hide();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_scopes, &QButtonGroup::idToggled, this, &ExportDialog::updateSummary);
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        // Keep the name, change the extension to the format's.
        const QFileInfo info(m_path->text());
        const QString suffix = m_format->currentData().toInt() == Csv ? QStringLiteral("csv") : QStringLiteral("json");
        m_path->setText(info.dir().filePath(info.completeBaseName() + u'.' + suffix));
        updateSummary();
    });
    updateSummary();
}

void ExportDialog::setScope(Scope scope)
{
    if (QAbstractButton *button = m_scopes->button(scope))
        button->setChecked(true);
}

void ExportDialog::setFormat(Format format)
{
    m_format->setCurrentIndex(m_format->findData(format));
}

void ExportDialog::setNameLookup(NameLookup nameOf)
{
    m_nameOf = std::move(nameOf);
}

void ExportDialog::setPath(const QString &path)
{
    m_path->setText(path);
}

QString ExportDialog::path() const
{
    return m_path->text();
}

std::optional<QSet<QString>> ExportDialog::chosenIds() const
{
    const int scope = m_scopes->checkedId();
    if (scope == AllTasks)
        return std::nullopt;
    std::vector<QModelIndex> pending;
    if (scope == SelectedTasks && m_selection) {
        for (const QModelIndex &index : m_selection->selectedRows())
            pending.push_back(index);
    } else {
        for (int row = 0; row < m_visible->rowCount(); ++row)
            pending.push_back(m_visible->index(row, 0));
    }
    // The chosen rows and everything below them (subtasks come along).
    QSet<QString> ids;
    while (!pending.empty()) {
        const QModelIndex index = pending.back();
        pending.pop_back();
        ids.insert(index.data(TaskTreeModel::IdRole).toString());
        for (int row = 0; row < m_visible->rowCount(index); ++row)
            pending.push_back(m_visible->index(row, 0, index));
    }
    return ids;
}

int ExportDialog::taskCount() const
{
    const auto ids = chosenIds();
    return ids ? int(ids->size()) : m_model->taskCount();
}

void ExportDialog::updateSummary()
{
    const int count = taskCount();
    QString text = tr("%n task(s) will be written.", nullptr, count);
    text += u' ' + (m_filter.isEmpty() ? tr("No filter is applied.") : tr("Filter: %1").arg(m_filter));
    m_summary->setText(text);
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(count > 0);
}

void ExportDialog::browse()
{
    const bool csv = m_format->currentData().toInt() == Csv;
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export Tasks"), m_path->text(),
                                                        csv ? tr("CSV files (*.csv)") : tr("JSON files (*.json)"));
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

bool ExportDialog::write()
{
    // In tree order, as the headless export writes them.
    const auto wanted = chosenIds();
    QList<ExportItem> items = exportItemsInTreeOrder(*m_model);
    if (wanted)
        items.removeIf([&wanted](const ExportItem &item) { return !wanted->contains(item.task->id); });
    QByteArray bytes;
    if (m_format->currentData().toInt() == Json) {
        bytes = exportJson(items);
    } else {
        // The same machine CSV as `taskscope export --format csv`, not the localised columns shown.
        bytes = exportMachineCsv(items, QDateTime::currentDateTimeUtc(), m_nameOf);
    }
    QSaveFile file(m_path->text());
    // flush() before commit(): Qt 6.4's commit() overlooks a failed final flush (see exportcommand.cpp).
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.flush() || !file.commit()) {
        m_error = tr("Cannot write %1: %2").arg(m_path->text(), file.errorString());
        m_errorLabel->setText(m_error);
        m_errorLabel->show();
        return false;
    }
    m_error.clear();
    QSettings().setValue(kLastFolderKey, QFileInfo(m_path->text()).absolutePath());
    return true;
}

void ExportDialog::accept()
{
    if (write())
        QDialog::accept();
}

} // namespace Taskscope
