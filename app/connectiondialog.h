// ConnectionDialog: named connections (URL, account, token, poll interval, page size), tested before use.
#pragma once

#include "apierror.h"
#include "connectionprofile.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace Taskscope {

class TasksClient;
class TokenStore;

class ConnectionDialog final : public QDialog
{
    Q_OBJECT
public:
    // `tokens` (not owned) answers "Test connection" when no token was typed for a connection.
    ConnectionDialog(const QList<ConnectionProfile> &profiles, const QString &currentId, TokenStore *tokens,
                     QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    // The fields a failed connection may need changed, for the keyboard focus.
    enum class Field { Url, Account, Token };
    // The field that fixes `error`: the token for a refused or missing token, the account for a 404
    // of the task list, else the URL.
    static Field fieldToFix(const ApiError &error);
    // Puts the keyboard focus in `field` of the selected connection, its text selected.
    void focusField(Field field);

    QList<ConnectionProfile> profiles() const { return m_profiles; }
    ConnectionProfile selectedProfile() const;
    // Tokens typed in this dialog, by profile id (an absent id: keep the stored token).
    QHash<QString, QString> typedTokens() const { return m_typedTokens; }

    void addConnection();
    void removeConnection();
    void testConnection();
    // Trusts the certificate the last test was refused for, for its host:port only, and tests again.
    void trustShownCertificate();

    QString testOutcome() const;
    bool isTesting() const;
    void accept() override;

Q_SIGNALS:
    void testFinished(bool ok);

private:
    void showTokenNote();
    void selectRow(int row);
    void showProfile(int row);
    void storeEdits(); // the form into m_profiles[m_row]
    void clearOutcome();
    void showOutcome(bool ok, const QString &text);
    void showCertificate(const CertificateInfo &certificate);
    void startTest(const ConnectionProfile &profile, const QString &token);
    bool validate(const ConnectionProfile &profile, QString *problem) const;

    QList<ConnectionProfile> m_profiles;
    QHash<QString, QString> m_typedTokens;
    TokenStore *m_tokens;
    int m_row = -1;
    bool m_loading = false;

    QListWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLineEdit *m_name;
    QLineEdit *m_url;
    QLineEdit *m_account;
    QLineEdit *m_token;
    QLabel *m_tokenNote;
    QSpinBox *m_interval;
    QSpinBox *m_pageSize;
    QCheckBox *m_incremental = nullptr;
    QCheckBox *m_plainHttp;
    QLabel *m_trusted;
    QPushButton *m_forgetTrusted;
    QPushButton *m_test;
    QLabel *m_outcome;
    QGroupBox *m_certificateBox;
    QLabel *m_certificateText;
    QPushButton *m_trust;
    QDialogButtonBox *m_buttons;

    TasksClient *m_tester = nullptr;
    quint64 m_testGeneration = 0; // bumped by every edit: a keychain answer for an older form is dropped
    QHash<QString, QString> m_originalEndpoints; // profile id -> the tasks URL its stored token belongs to
    std::optional<CertificateInfo> m_refusedCertificate;
};

} // namespace Taskscope
