// ExportDialog (Ctrl+E): all, visible or selected tasks (with their subtasks), as JSON or CSV.
#pragma once

#include "taskcsv.h"

#include <QDialog>
#include <QSet>
#include <QString>

#include <optional>

class QAbstractItemModel;
class QButtonGroup;
class QComboBox;
class QDialogButtonBox;
class QItemSelectionModel;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace Taskscope {

class TaskTreeModel;

class ExportDialog final : public QDialog
{
    Q_OBJECT
public:
    enum Scope { AllTasks, VisibleTasks, SelectedTasks };
    enum Format { Json, Csv };

    // `visible`: the model the view shows (filtered and sorted); `selection` on it.
    ExportDialog(const TaskTreeModel *model, const QAbstractItemModel *visible, const QItemSelectionModel *selection,
                 const QString &filterDescription, QWidget *parent = nullptr);

    void setScope(Scope scope);
    void setFormat(Format format);
    // Names for the CSV's app, cluster, cloud and namespace columns (empty without one).
    void setNameLookup(NameLookup nameOf);
    void setPath(const QString &path);
    QString path() const;
    // How many tasks the current choice writes.
    int taskCount() const;
    // Writes the file (atomically); false with a message shown in the dialog on failure.
    bool write();
    QString lastError() const { return m_error; }

    void accept() override;

private:
    // The ids the current choice writes; nullopt means every task.
    std::optional<QSet<QString>> chosenIds() const;
    void updateSummary();
    void browse();

    const TaskTreeModel *m_model;
    const QAbstractItemModel *m_visible;
    const QItemSelectionModel *m_selection;
    QString m_filter;
    QButtonGroup *m_scopes;
    QRadioButton *m_selectedButton;
    QComboBox *m_format;
    QLineEdit *m_path;
    QLabel *m_summary;
    QLabel *m_errorLabel;
    QDialogButtonBox *m_buttons;
    QString m_error;
    NameLookup m_nameOf;
};

} // namespace Taskscope
