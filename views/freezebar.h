// FreezeBar: the line above the tree while it is frozen ("Frozen: 23 changes since 14:02"), with a
// Show Changes toggle for the list of what changed and an Unfreeze button.
#pragma once

#include <QDateTime>
#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace Taskscope {

class FreezeBar final : public QWidget
{
    Q_OBJECT
public:
    explicit FreezeBar(QWidget *parent = nullptr);

    // When the tree froze (UTC; shown as the local time of day, the date in the tooltip).
    void setFrozenSince(const QDateTime &since);
    // How many changes the polls brought since then.
    void setChangeCount(int count);
    // The list of those changes (the Journal's view of them): shown below the text while Show
    // Changes is on. The bar takes it as a child; null removes the one set (which is deleted).
    void setChangesView(QWidget *view);

    QString text() const;
    bool changesShown() const;
    void setChangesShown(bool shown);

Q_SIGNALS:
    void unfreezeRequested();
    void changesShownChanged(bool shown);

private:
    void updateText();

    QLabel *m_text;
    QPushButton *m_showChanges;
    QPushButton *m_unfreeze;
    QVBoxLayout *m_layout;
    QPointer<QWidget> m_changesView;
    QDateTime m_since;
    int m_count = 0;
};

} // namespace Taskscope
