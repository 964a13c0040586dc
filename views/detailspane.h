// DetailsPane: everything about the current task: why it failed, where its resource lives, its raw JSON.
#pragma once

#include "filterrequest.h"
#include "historystore.h"
#include "nametable.h"
#include "task.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QScrollArea;
class QTabWidget;
class QTreeWidget;
class QVBoxLayout;

namespace Taskscope {

class DetailsPane final : public QWidget
{
    Q_OBJECT
public:
    explicit DetailsPane(QWidget *parent = nullptr);

    // Shows `task` (null: nothing selected). Showing a newer version of the same task keeps the
    // scroll position; another task starts at the top.
    void setTask(const Task *task, const QDateTime &now);
    // The names shown for the task's app, cluster, namespace and cloud (takes effect at the next setTask()).
    void setNames(NameTablePtr names);
    QString taskId() const { return m_taskId; }
    // The task's life from the history file (the History tab): its state changes, oldest first, and
    // the last poll that listed it. Ignored unless `taskId` is the task shown.
    void setHistory(const QString &taskId, const QList<HistoryTransition> &transitions, const QDateTime &lastSeen);
    QTreeWidget *historyView() const { return m_history; }

    // For tests and accessibility: the problems list and the raw JSON view.
    QTreeWidget *problemsView() const { return m_problems; }
    QPlainTextEdit *rawView() const { return m_raw; }
    QScrollArea *overviewArea() const { return m_scroll; }
    // Every "name: value" the overview shows, including URI segments.
    QStringList overviewTexts() const;
    // The value label of the overview row whose label is `label` (trimmed), for tests; null if none.
    QLabel *overviewValue(const QString &label) const;
    // The context menu of an overview value: copy, and show only / exclude what it names.
    QMenu *createValueMenu(QLabel *value, QWidget *parent);

Q_SIGNALS:
    void filterRequested(const Taskscope::FilterRequest &request);

private:
    struct Row
    {
        QString label;
        QString value;
        bool copyable = false;
        QList<std::pair<QString, FilterRequest>> filters; // what its context menu offers (menu text, request)
    };
    void clearOverview();
    void addRow(const QString &label, const QString &value, bool copyable = false,
                const QList<std::pair<QString, FilterRequest>> &filters = {});
    void addRow(const QString &label, const QString &value, FilterField field, const QString &filterValue);
    void addUri(const QString &label, const QString &uri);
    void buildRow(const Row &row);
    void fitProblemsHeight();

    QTabWidget *m_tabs;
    QScrollArea *m_scroll;
    QWidget *m_overview;
    QFormLayout *m_form;
    QLabel *m_placeholder;
    QTreeWidget *m_problems;
    QPlainTextEdit *m_raw;
    QTreeWidget *m_history;
    QString m_taskId;
    NameTablePtr m_names;
    QByteArray m_shownJson;
    QList<StateDetail> m_shownDetails;
    QList<Row> m_rows;        // what the form shows
    QList<Row> m_pendingRows; // what it is about to show
    QList<QLabel *> m_values; // the value label of each row
};

} // namespace Taskscope
