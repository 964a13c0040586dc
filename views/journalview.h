// JournalView: the Journal dock's widget: the state changes newest first, a line saying how many are
// new since the user last looked with a "Mark as Read" button, and a click that names the task.
#pragma once

#include <QDateTime>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeView;
class QAction;

namespace Taskscope {

class JournalFilterProxy;
class JournalModel;
class Scheduler;

class JournalView final : public QWidget
{
    Q_OBJECT
public:
    explicit JournalView(QWidget *parent = nullptr);
    ~JournalView() override;

    // Shows `proxy`, whose source must be a JournalModel (neither is owned).
    void setModel(JournalFilterProxy *proxy);
    JournalFilterProxy *proxy() const { return m_proxy; }
    JournalModel *journal() const { return m_journal; }
    // The clock of "Mark as Read" (not owned); without one, the system's.
    void setClock(const Scheduler *clock) { m_clock = clock; }

    // Every row is read: the model's last-looked time becomes now.
    void markAsRead();

    // The header's widths, order and hidden columns (QHeaderView::saveState/restoreState).
    QByteArray saveState() const;
    bool restoreState(const QByteArray &state);

    QTreeView *view() const;
    // What the list says when it shows no row; empty while it shows rows.
    QString placeholderText() const;
    // What the line above the list says; empty (and the line hidden) when nothing is new.
    QString newText() const;
    QAction *copyAction() const { return m_copy; }
    // The selected rows as text, one line each (JournalModel::rowText), in the order shown.
    QString selectedText() const;

Q_SIGNALS:
    // The user picked a row (a click, a key that moves to another row, Enter): select this task in
    // the tree. Rows that come and go never emit it.
    void taskActivated(const QString &taskId);
    // "Mark as Read" set the last-looked time (remember it for the next start).
    void markedAsRead(const QDateTime &utc);

private:
    void emitTask(const QModelIndex &index);
    void updateNewLine();
    void updatePlaceholder();
    void applyDefaultWidths();

    class TreeView;
    TreeView *m_view;
    QWidget *m_newLine;
    QLabel *m_newLabel;
    QPushButton *m_markButton;
    QAction *m_copy;
    JournalFilterProxy *m_proxy = nullptr;
    JournalModel *m_journal = nullptr;
    const Scheduler *m_clock = nullptr;
    QList<QMetaObject::Connection> m_modelConnections;
};

} // namespace Taskscope
