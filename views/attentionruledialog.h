// AttentionRuleDialog: edits one notification rule: its event, a filter expression (checked as typed,
// OK refused while it does not parse), the connection it applies to, and "watched tasks only".
#pragma once

#include "attention.h"
#include "filterlanguage.h"

#include <QDialog>
#include <QStringList>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Taskscope {

class AttentionRuleDialog final : public QDialog
{
    Q_OBJECT
public:
    // `connectionNames`: the connection profiles offered after "Any connection".
    explicit AttentionRuleDialog(const QStringList &connectionNames, QWidget *parent = nullptr);

    void setRule(const AttentionRule &rule);
    // The edited rule: id, name and muted as given to setRule(), the rest from the fields.
    AttentionRule rule() const;
    // Why the filter does not parse, or nullopt (blank is valid: any task).
    const std::optional<FilterError> &filterError() const { return m_error; }

    QComboBox *eventCombo() const { return m_event; }
    QLineEdit *filterEdit() const { return m_filter; }
    QLabel *filterMessage() const { return m_message; }
    QComboBox *connectionCombo() const { return m_connection; }
    QCheckBox *watchedOnlyBox() const { return m_watchedOnly; }
    QPushButton *okButton() const;

    void accept() override; // refused while the filter is invalid

private:
    void checkFilter();

    AttentionRule m_rule;
    QComboBox *m_event;
    QLineEdit *m_filter;
    QLabel *m_message;
    QComboBox *m_connection;
    QCheckBox *m_watchedOnly;
    QDialogButtonBox *m_buttons;
    std::optional<FilterError> m_error;
};

} // namespace Taskscope
