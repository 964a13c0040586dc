// MessageBanner: a line above the tasks for something the user must know that is not a poll error
// (the history file moved aside, recording stopped), with a Dismiss button.
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace Taskscope {

class MessageBanner final : public QWidget
{
    Q_OBJECT
public:
    explicit MessageBanner(QWidget *parent = nullptr);

    // Shows `text` (replacing what was shown); an empty text hides the banner.
    void showMessage(const QString &text);
    QString text() const;

Q_SIGNALS:
    void dismissed();

private:
    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_dismiss;
};

} // namespace Taskscope
