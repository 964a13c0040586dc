// ConnectionDialog: named connections (URL, account, token, poll interval, page size), tested before use.
#include "connectiondialog.h"

#include "taskcolors.h"
#include "tasksclient.h"
#include "tokenstore.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>

namespace Taskscope {

ConnectionDialog::ConnectionDialog(const QList<ConnectionProfile> &profiles, const QString &currentId,
                                   TokenStore *tokens, QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_tokens(tokens)
{
    setWindowTitle(tr("Connections"));
    auto *layout = new QHBoxLayout(this);

    // Left: the named connections.
    auto *left = new QVBoxLayout;
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("connectionList"));
    m_list->setAccessibleName(tr("Saved connections"));
    left->addWidget(m_list, 1);
    auto *listButtons = new QHBoxLayout;
    m_add = new QPushButton(tr("&Add"), this);
    m_remove = new QPushButton(tr("Re&move"), this);
    listButtons->addWidget(m_add);
    listButtons->addWidget(m_remove);
    left->addLayout(listButtons);
    layout->addLayout(left, 1);

    // Right: the selected connection.
    auto *right = new QVBoxLayout;
    auto *form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_url = new QLineEdit(this);
    m_url->setPlaceholderText(tr("https://astra.example.com"));
    m_account = new QLineEdit(this);
    m_account->setPlaceholderText(tr("the account id (a UUID)"));
    m_token = new QLineEdit(this);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("leave empty to keep the stored token"));
    QAction *reveal = m_token->addAction(style()->standardIcon(QStyle::SP_FileDialogContentsView), QLineEdit::TrailingPosition);
    reveal->setCheckable(true);
    reveal->setToolTip(tr("Show the token"));
    connect(reveal, &QAction::toggled, this,
            [this](bool shown) { m_token->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password); });
    m_tokenNote = new QLabel(this);
    m_tokenNote->setObjectName(QStringLiteral("tokenNote"));
    m_tokenNote->setWordWrap(true);
    showTokenNote();
    if (tokens) // a keychain that fails while the dialog is open: the promise follows
        connect(tokens, &TokenStore::persistenceChanged, this, &ConnectionDialog::showTokenNote);
    m_interval = new QSpinBox(this);
    m_interval->setRange(2, 3600);
    m_interval->setSuffix(tr(" s"));
    m_pageSize = new QSpinBox(this);
    m_pageSize->setRange(0, 100'000);
    m_pageSize->setSingleStep(500);
    m_pageSize->setSpecialValueText(tr("whole list at once"));
    m_plainHttp = new QCheckBox(tr("Allow plain &HTTP (the token travels unencrypted)"), this);
    m_incremental = new QCheckBox(tr("Ask only for &changed tasks between full lists"), this);
    m_incremental->setObjectName(QStringLiteral("incremental"));
    m_incremental->setToolTip(tr("After a full list, each poll asks for the tasks modified since the newest one "
                                 "seen; every 12th poll, and after any error, takes the full list again to learn "
                                 "about removed tasks. Turn it off for a server that does not keep "
                                 "modificationTimestamp up to date."));
    auto *trustedRow = new QHBoxLayout;
    m_trusted = new QLabel(this);
    m_forgetTrusted = new QPushButton(tr("&Forget"), this);
    trustedRow->addWidget(m_trusted, 1);
    trustedRow->addWidget(m_forgetTrusted);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("Server &URL:"), m_url);
    form->addRow(tr("&Account ID:"), m_account);
    form->addRow(tr("API &token:"), m_token);
    form->addRow(QString(), m_tokenNote);
    form->addRow(tr("&Poll every:"), m_interval);
    form->addRow(tr("Page si&ze:"), m_pageSize);
    form->addRow(QString(), m_incremental);
    form->addRow(QString(), m_plainHttp);
    form->addRow(tr("Trusted certificates:"), trustedRow);
    right->addLayout(form);

    auto *testRow = new QHBoxLayout;
    m_test = new QPushButton(tr("&Test Connection"), this);
    m_outcome = new QLabel(this);
    m_outcome->setObjectName(QStringLiteral("testOutcome"));
    m_outcome->setWordWrap(true);
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);
    testRow->addWidget(m_test);
    testRow->addWidget(m_outcome, 1);
    right->addLayout(testRow);

    m_certificateBox = new QGroupBox(tr("Certificate not trusted"), this);
    auto *certificateLayout = new QVBoxLayout(m_certificateBox);
    m_certificateText = new QLabel(m_certificateBox);
    m_certificateText->setObjectName(QStringLiteral("certificateText"));
    m_certificateText->setWordWrap(true);
    m_certificateText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_trust = new QPushButton(m_certificateBox);
    certificateLayout->addWidget(m_certificateText);
    certificateLayout->addWidget(m_trust, 0, Qt::AlignLeft);
    m_certificateBox->hide();
    right->addWidget(m_certificateBox);
    right->addStretch(1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));
    right->addWidget(m_buttons);
    layout->addLayout(right, 3);

    for (const ConnectionProfile &profile : std::as_const(m_profiles)) {
        m_list->addItem(profile.name);
        m_originalEndpoints.insert(profile.id, profile.config().tasksUrl().toString());
    }
    connect(m_list, &QListWidget::currentRowChanged, this, &ConnectionDialog::showProfile);
    connect(m_add, &QPushButton::clicked, this, &ConnectionDialog::addConnection);
    connect(m_remove, &QPushButton::clicked, this, &ConnectionDialog::removeConnection);
    connect(m_test, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    connect(m_trust, &QPushButton::clicked, this, &ConnectionDialog::trustShownCertificate);
    connect(m_forgetTrusted, &QPushButton::clicked, this, [this] {
        if (m_row >= 0) {
            m_profiles[m_row].trustedCertificates.clear();
            showProfile(m_row);
        }
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_name, m_url, m_account, m_token})
        connect(edit, &QLineEdit::textEdited, this, [this] {
            storeEdits();
            clearOutcome();
        });
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &name) {
        if (QListWidgetItem *item = m_list->item(m_row))
            item->setText(name);
    });
    for (QSpinBox *box : {m_interval, m_pageSize})
        connect(box, &QSpinBox::valueChanged, this, &ConnectionDialog::storeEdits);
    connect(m_plainHttp, &QCheckBox::toggled, this, [this] {
        storeEdits();
        clearOutcome();
    });
    connect(m_incremental, &QCheckBox::toggled, this, &ConnectionDialog::storeEdits);

    if (m_profiles.isEmpty()) {
        addConnection();
    } else {
        int row = 0;
        for (int i = 0; i < m_profiles.size(); ++i) {
            if (m_profiles[i].id == currentId)
                row = i;
        }
        selectRow(row);
    }
    resize(760, 440);
}

ConnectionDialog::~ConnectionDialog() = default;

// Promises the keychain only where there is one that works.
void ConnectionDialog::showTokenNote()
{
    m_tokenNote->setText(m_tokens && m_tokens->isPersistent()
                             ? tr("Tokens are kept in %1, never in the settings file.").arg(m_tokens->description())
                             : tr("No system keychain: tokens are kept in memory for this session only."));
}

ConnectionProfile ConnectionDialog::selectedProfile() const
{
    return m_row >= 0 && m_row < m_profiles.size() ? m_profiles[m_row] : ConnectionProfile();
}

ConnectionDialog::Field ConnectionDialog::fieldToFix(const ApiError &error)
{
    if (error.isAuthFailure() || error.kind == ApiError::NoToken)
        return Field::Token;
    if (error.kind == ApiError::Http && error.httpStatus == 404)
        return Field::Account;
    return Field::Url;
}

void ConnectionDialog::focusField(Field field)
{
    QLineEdit *edit = field == Field::Token ? m_token : field == Field::Account ? m_account : m_url;
    edit->setFocus(Qt::OtherFocusReason); // taken when the dialog shows
    edit->selectAll();
}

void ConnectionDialog::selectRow(int row)
{
    m_list->setCurrentRow(row);
    showProfile(row); // also when the row was already current
}

void ConnectionDialog::showProfile(int row)
{
    m_row = row;
    const bool valid = row >= 0 && row < m_profiles.size();
    for (QWidget *widget : std::initializer_list<QWidget *>{m_name, m_url, m_account, m_token, m_interval, m_pageSize,
                                                            m_incremental, m_plainHttp, m_test, m_remove})
        widget->setEnabled(valid);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
    clearOutcome();
    if (!valid)
        return;
    const ConnectionProfile &profile = m_profiles[row];
    m_loading = true;
    m_name->setText(profile.name);
    m_url->setText(profile.baseUrl.toString());
    m_account->setText(profile.accountId);
    m_token->setText(m_typedTokens.value(profile.id));
    m_interval->setValue(profile.pollIntervalSeconds);
    m_pageSize->setValue(profile.pageSize);
    m_plainHttp->setChecked(profile.allowPlainHttp);
    m_incremental->setChecked(profile.incremental);
    QStringList hosts = profile.trustedCertificates.keys();
    hosts.sort();
    m_trusted->setText(hosts.isEmpty() ? tr("none") : hosts.join(QStringLiteral(", ")));
    m_forgetTrusted->setEnabled(!hosts.isEmpty());
    m_loading = false;
}

void ConnectionDialog::storeEdits()
{
    if (m_loading || m_row < 0 || m_row >= m_profiles.size())
        return;
    ConnectionProfile &profile = m_profiles[m_row];
    profile.name = m_name->text().trimmed();
    profile.baseUrl = ConnectionProfiles::urlFromText(m_url->text());
    if (!profile.baseUrl.isValid() && !m_url->text().trimmed().isEmpty())
        profile.baseUrl = QUrl(m_url->text().trimmed()); // kept as typed; validate() says what is wrong
    profile.accountId = m_account->text().trimmed();
    profile.pollIntervalSeconds = m_interval->value();
    profile.pageSize = m_pageSize->value();
    profile.allowPlainHttp = m_plainHttp->isChecked();
    profile.incremental = m_incremental->isChecked();
    if (m_token->text().trimmed().isEmpty())
        m_typedTokens.remove(profile.id); // keeps the stored token (never stores an empty one)
    else
        m_typedTokens.insert(profile.id, m_token->text().trimmed());
}

void ConnectionDialog::addConnection()
{
    m_profiles.append(ConnectionProfiles::create(m_profiles));
    m_list->addItem(m_profiles.last().name);
    selectRow(int(m_profiles.size()) - 1);
    m_url->setFocus();
}

void ConnectionDialog::removeConnection()
{
    if (m_row < 0 || m_row >= m_profiles.size())
        return;
    const int row = m_row;
    m_typedTokens.remove(m_profiles[row].id);
    m_profiles.removeAt(row);
    m_loading = true;
    delete m_list->takeItem(row);
    m_loading = false;
    selectRow(qMin(row, int(m_profiles.size()) - 1));
}

bool ConnectionDialog::validate(const ConnectionProfile &profile, QString *problem) const
{
    if (profile.name.isEmpty())
        *problem = tr("Give the connection a name.");
    else if (!ConnectionProfiles::urlFromText(profile.baseUrl.toString()).isValid())
        *problem = tr("The server URL must be an http(s) address, for example https://astra.example.com.");
    else if (profile.accountId.isEmpty())
        *problem = tr("The account ID is missing (Astra Control: Account → API access).");
    else if (m_originalEndpoints.contains(profile.id) && !m_typedTokens.contains(profile.id)
             && m_originalEndpoints.value(profile.id) != profile.config().tasksUrl().toString())
        // The stored token belongs to the server and account it was entered for: never sent elsewhere.
        *problem = tr("The server or the account changed: enter the API token again.");
    else
        return true;
    return false;
}

void ConnectionDialog::testConnection()
{
    storeEdits();
    const ConnectionProfile profile = selectedProfile();
    QString problem;
    if (!validate(profile, &problem)) {
        showOutcome(false, problem);
        return;
    }
    m_test->setEnabled(false);
    m_outcome->setText(tr("Connecting…"));
    m_certificateBox->hide();
    if (m_typedTokens.contains(profile.id) || !m_tokens) {
        startTest(profile, m_typedTokens.value(profile.id));
        return;
    }
    QPointer<ConnectionDialog> self(this);
    const quint64 generation = m_testGeneration;
    m_tokens->read(profile.tokenKey(), [self, profile, generation](bool, const QString &token, const QString &) {
        if (self && generation == self->m_testGeneration) // not edited meanwhile
            self->startTest(profile, token);
    });
}

void ConnectionDialog::startTest(const ConnectionProfile &profile, const QString &token)
{
    delete m_tester;
    m_tester = new TasksClient(this);
    ConnectionConfig config = profile.config();
    config.firstPageOnly = true; // one task is enough to know the connection works
    config.pageSize = 1;
    config.transferTimeoutMs = 15'000;
    m_tester->setConfig(config);
    m_tester->setToken(token);
    connect(m_tester, &TasksClient::snapshotReady, this, [this](const Snapshot &snapshot) {
        showOutcome(true, tr("Connected: the server answered with the task list in %1 ms.").arg(snapshot.latencyMs));
    });
    connect(m_tester, &TasksClient::pollFailed, this, [this](const ApiError &error) {
        QString text = error.message();
        if (error.stopsPolling()) // only new settings fix it
            text += u'\n' + tr("Check the API token and the account ID.");
        showOutcome(false, text);
        if (error.kind == ApiError::Tls && error.certificate)
            showCertificate(*error.certificate);
    });
    m_tester->fetchOnce();
}

void ConnectionDialog::showOutcome(bool ok, const QString &text)
{
    m_test->setEnabled(m_row >= 0);
    m_outcome->setText((ok ? QStringLiteral("✔ ") : QStringLiteral("✘ ")) + text);
    QPalette palette = m_outcome->palette();
    if (!ok) // the failure colour of the task list; success keeps the text colour (the mark says it)
        palette.setColor(QPalette::WindowText, TaskColors::accent(TaskState::Failed, palette));
    m_outcome->setPalette(palette);
    Q_EMIT testFinished(ok);
}

void ConnectionDialog::clearOutcome()
{
    ++m_testGeneration;
    if (m_tester) {
        m_tester->stop();
        m_tester->deleteLater();
        m_tester = nullptr;
        m_test->setEnabled(m_row >= 0);
    }
    m_outcome->clear();
    m_outcome->setPalette(QPalette());
    m_certificateBox->hide();
    m_refusedCertificate.reset();
}

void ConnectionDialog::showCertificate(const CertificateInfo &certificate)
{
    m_refusedCertificate = certificate;
    const QString hostPort = certificate.host + u':' + QString::number(certificate.port);
    m_certificateText->setText(tr("Subject: %1\nIssuer: %2\nSHA-256: %3\nProblems: %4")
                                   .arg(certificate.subject, certificate.issuer, certificate.sha256,
                                        certificate.errors.join(QStringLiteral("; "))));
    m_trust->setText(tr("Trust This Certificate for %1").arg(hostPort));
    m_certificateBox->show();
}

void ConnectionDialog::trustShownCertificate()
{
    if (!m_refusedCertificate || m_row < 0)
        return;
    const CertificateInfo certificate = *m_refusedCertificate;
    m_profiles[m_row].trustedCertificates.insert(certificate.host + u':' + QString::number(certificate.port),
                                                 QByteArray::fromHex(certificate.sha256.toLatin1()));
    showProfile(m_row);
    testConnection();
}

QString ConnectionDialog::testOutcome() const
{
    return m_outcome->text();
}

bool ConnectionDialog::isTesting() const
{
    return m_tester && m_tester->state() == TasksClient::State::Fetching;
}

void ConnectionDialog::accept()
{
    storeEdits();
    QString problem;
    for (int row = 0; row < m_profiles.size(); ++row) {
        if (!validate(m_profiles[row], &problem)) { // show the first connection that is not right
            selectRow(row);
            showOutcome(false, problem);
            return;
        }
    }
    for (ConnectionProfile &profile : m_profiles)
        profile.baseUrl = ConnectionProfiles::urlFromText(profile.baseUrl.toString());
    QDialog::accept();
}

} // namespace Taskscope
