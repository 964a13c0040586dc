// The connection dialog and saved connections: tests against a live demo server and a TLS server,
// tokens kept out of the settings file, the last connection reopened.
#include "connectiondialog.h"
#include "connectionprofile.h"
#include "demoserver.h"
#include "errorbanner.h"
#include "mainwindow.h"
#include "tasksclient.h"
#include "tasktreemodel.h"
#include "testhttpserver.h"
#include "tokenstore.h"

#include <QApplication>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QCheckBox>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace Taskscope;
using namespace Qt::StringLiterals;

namespace {

ConnectionProfile profileFor(const QUrl &url, const QString &account)
{
    ConnectionProfile profile = ConnectionProfiles::create({});
    profile.name = u"Lab"_s;
    profile.baseUrl = url;
    profile.accountId = account;
    profile.pollIntervalSeconds = 60;
    return profile;
}

QLineEdit *tokenEdit(const QWidget *dialog)
{
    for (QLineEdit *edit : dialog->findChildren<QLineEdit *>()) {
        if (edit->echoMode() == QLineEdit::Password)
            return edit;
    }
    return nullptr;
}

// What the modal connection dialog `open` shows had in it, taken as it showed; the dialog is then cancelled.
struct ShownDialog
{
    bool shown = false;
    ConnectionProfile selected;
    bool focusOnToken = false;
    QString focusedText; // of the line edit with the keyboard focus
    QString tokenNote;
};

ShownDialog inspectModalDialog(const std::function<void()> &open)
{
    ShownDialog seen;
    QTimer poll;
    poll.setInterval(10);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        auto *dialog = qobject_cast<ConnectionDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        poll.stop();
        const auto *focus = qobject_cast<QLineEdit *>(dialog->focusWidget());
        seen = {true, dialog->selectedProfile(), focus && focus == tokenEdit(dialog), focus ? focus->text() : QString(),
                dialog->findChild<QLabel *>(u"tokenNote"_s)->text()};
        dialog->reject();
    });
    poll.start();
    open();
    return seen;
}

QByteArray settingsFileBytes()
{
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestConnectionDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<Demo::DemoServer> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void init()
    {
        QSettings().clear();
        Demo::DemoServerOptions options;
        options.tasks = 40;
        options.token = u"s3cret-token-for-the-dialog"_s;
        m_server = std::make_unique<Demo::DemoServer>(options);
        QVERIFY(m_server->listen(0));
    }

    void cleanup()
    {
        m_server.reset();
    }

    void profilesRoundTrip()
    {
        ConnectionProfile a = profileFor(QUrl(u"https://astra.example.com/prefix"_s), u"acc-1"_s);
        a.pageSize = 500;
        a.allowPlainHttp = true;
        a.trustedCertificates.insert(u"astra.example.com:443"_s, QByteArray::fromHex("00ff10aa"));
        ConnectionProfile b = ConnectionProfiles::create({a});
        QVERIFY(b.id != a.id);
        QVERIFY(b.name != a.name);
        b.baseUrl = QUrl(u"https://other.example.com"_s);
        b.accountId = u"acc-2"_s;
        ConnectionProfiles::save({a, b});
        ConnectionProfiles::setLastUsedId(b.id);
        const QList<ConnectionProfile> loaded = ConnectionProfiles::load();
        QCOMPARE(loaded.size(), 2);
        QVERIFY(loaded[0] == a);
        QVERIFY(loaded[1] == b);
        QCOMPARE(ConnectionProfiles::lastUsedId(), b.id);
        QCOMPARE(a.config().pollIntervalMs, 60'000);
        QCOMPARE(a.config().pageSize, 500);
        QVERIFY(a.config().allowPlainHttp);
        // Fewer connections: the rest is gone from the file.
        ConnectionProfiles::save({b});
        QCOMPARE(ConnectionProfiles::load().size(), 1);
        QVERIFY(!settingsFileBytes().contains("acc-1"));
    }

    void urlFromText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("url");
        QTest::newRow("host only means https") << u"astra.example.com"_s << u"https://astra.example.com"_s;
        QTest::newRow("http kept") << u" http://127.0.0.1:8080 "_s << u"http://127.0.0.1:8080"_s;
        QTest::newRow("path kept") << u"https://h/astra"_s << u"https://h/astra"_s;
        QTest::newRow("ftp refused") << u"ftp://h"_s << QString();
        QTest::newRow("empty") << u""_s << QString();
        QTest::newRow("no host") << u"https://"_s << QString();
    }

    void urlFromText()
    {
        QFETCH(QString, text);
        QFETCH(QString, url);
        QCOMPARE(ConnectionProfiles::urlFromText(text).toString(), url);
    }

    void testConnectionSucceedsAndFails()
    {
        MemoryTokenStore tokens;
        ConnectionDialog dialog({profileFor(m_server->url(), m_server->account())}, {}, &tokens);
        QSignalSpy finished(&dialog, &ConnectionDialog::testFinished);
        // No token anywhere: nothing is sent, and the dialog says what is missing.
        dialog.testConnection();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.last().first().toBool(), false);
        QCOMPARE(m_server->requestCount(), quint64(0));
        QVERIFY(dialog.testOutcome().contains(ConnectionDialog::tr("Check the API token and the account ID.")));

        // The token typed in the dialog is used, and not written anywhere before "Connect".
        const QList<QLineEdit *> edits = dialog.findChildren<QLineEdit *>();
        QLineEdit *tokenEdit = nullptr;
        for (QLineEdit *edit : edits) {
            if (edit->echoMode() == QLineEdit::Password)
                tokenEdit = edit;
        }
        QVERIFY(tokenEdit);
        // A wrong token: the server's 401 problem, with the hint.
        QTest::keyClicks(tokenEdit, u"wrong"_s);
        dialog.testConnection();
        QTRY_COMPARE(finished.size(), 2);
        QCOMPARE(finished.last().first().toBool(), false);
        QVERIFY2(dialog.testOutcome().contains(u"401"_s), qPrintable(dialog.testOutcome()));
        QVERIFY(dialog.testOutcome().contains(ConnectionDialog::tr("Check the API token and the account ID.")));
        tokenEdit->clear();
        QTest::keyClicks(tokenEdit, m_server->token());
        QCOMPARE(dialog.typedTokens().value(dialog.selectedProfile().id), m_server->token());
        dialog.testConnection();
        QTRY_COMPARE(finished.size(), 3);
        QVERIFY2(finished.last().first().toBool(), qPrintable(dialog.testOutcome()));
        QVERIFY(dialog.testOutcome().startsWith(u"✔"_s));
        // One page of one task was enough.
        QCOMPARE(m_server->requestCount(), quint64(2));
        QVERIFY(!settingsFileBytes().contains(m_server->token().toUtf8()));

        // A stored token answers when none is typed.
        MemoryTokenStore stored;
        const ConnectionProfile profile = profileFor(m_server->url(), m_server->account());
        bool written = false;
        stored.write(profile.tokenKey(), m_server->token(), [&](bool ok, const QString &) { written = ok; });
        QTRY_VERIFY(written);
        ConnectionDialog second({profile}, profile.id, &stored);
        QSignalSpy secondFinished(&second, &ConnectionDialog::testFinished);
        second.testConnection();
        QTRY_COMPARE(secondFinished.size(), 1);
        QVERIFY2(secondFinished.last().first().toBool(), qPrintable(second.testOutcome()));
    }

    void tlsCertificateIsShownAndTrustedForThatHostOnly()
    {
        const QSslConfiguration tlsA = serverTls(u"a"_s), tlsB = serverTls(u"b"_s);
        QVERIFY(!tlsA.localCertificate().isNull() && !tlsB.localCertificate().isNull());
        const QByteArray list = "{\"items\":[],\"metadata\":{}}";
        auto server = std::make_unique<TestHttpServer>(nullptr, &tlsA);
        server->setHandler([&](const TestHttpServer::Request &) { return TestHttpServer::json(200, list); });
        const quint16 port = server->port();
        ConnectionProfile profile = profileFor(server->url(QString()), u"acc"_s);
        MemoryTokenStore tokens;
        ConnectionDialog dialog({profile}, profile.id, &tokens);
        dialog.show();
        QSignalSpy finished(&dialog, &ConnectionDialog::testFinished);
        for (QLineEdit *edit : dialog.findChildren<QLineEdit *>()) {
            if (edit->echoMode() == QLineEdit::Password)
                QTest::keyClicks(edit, u"t"_s);
        }
        dialog.testConnection();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.last().first().toBool(), false);
        auto *certificateText = dialog.findChild<QLabel *>(u"certificateText"_s);
        QVERIFY(certificateText && certificateText->isVisible());
        const QString fingerprintA = QString::fromLatin1(tlsA.localCertificate().digest(QCryptographicHash::Sha256).toHex(':').toUpper());
        QVERIFY2(certificateText->text().contains(fingerprintA), qPrintable(certificateText->text()));
        QVERIFY(certificateText->text().contains(tlsA.localCertificate().subjectInfo(QSslCertificate::CommonName).value(0)));

        dialog.trustShownCertificate(); // trusts, then tests again
        QTRY_COMPARE(finished.size(), 2);
        QVERIFY2(finished.last().first().toBool(), qPrintable(dialog.testOutcome()));
        const QString hostPort = u"127.0.0.1:"_s + QString::number(port);
        QCOMPARE(dialog.selectedProfile().trustedCertificates.keys(), QStringList{hostPort});
        QVERIFY(!certificateText->isVisible());

        // Another certificate on the same host and port is refused again.
        server.reset(); // frees the port
        server = std::make_unique<TestHttpServer>(nullptr, &tlsB, port);
        QCOMPARE(server->port(), port);
        server->setHandler([&](const TestHttpServer::Request &) { return TestHttpServer::json(200, list); });
        dialog.testConnection();
        QTRY_COMPARE(finished.size(), 3);
        QCOMPARE(finished.last().first().toBool(), false);
        QVERIFY2(certificateText->isVisible(), qPrintable(dialog.testOutcome()));
        QVERIFY(!certificateText->text().contains(fingerprintA));
    }

    void aChangedServerNeedsTheTokenAgain()
    {
        MemoryTokenStore stored;
        const ConnectionProfile profile = profileFor(m_server->url(), m_server->account());
        bool written = false;
        stored.write(profile.tokenKey(), m_server->token(), [&](bool ok, const QString &) { written = ok; });
        QTRY_VERIFY(written);
        ConnectionDialog dialog({profile}, profile.id, &stored);
        dialog.show();
        QLineEdit *url = nullptr, *token = nullptr;
        for (QLineEdit *edit : dialog.findChildren<QLineEdit *>()) {
            if (edit->text() == m_server->url().toString())
                url = edit;
            if (edit->echoMode() == QLineEdit::Password)
                token = edit;
        }
        QVERIFY(url && token);
        url->selectAll();
        QTest::keyClicks(url, u"https://elsewhere.example.com"_s);
        QSignalSpy finished(&dialog, &ConnectionDialog::testFinished);
        dialog.testConnection();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.last().first().toBool(), false);
        QVERIFY2(dialog.testOutcome().contains(ConnectionDialog::tr("The server or the account changed: enter the API token again.")),
                 qPrintable(dialog.testOutcome()));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        // Blanks are no token: the stored one is neither sent elsewhere nor overwritten.
        QTest::keyClicks(token, u"   "_s);
        QVERIFY(dialog.typedTokens().isEmpty());
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        // Typed again: accepted.
        QTest::keyClicks(token, u"new-token"_s);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.typedTokens().value(profile.id), u"new-token"_s);
    }

    void invalidConnectionsAreNotAccepted()
    {
        ConnectionProfile profile = profileFor(QUrl(u"https://astra.example.com"_s), QString());
        ConnectionDialog dialog({profile}, profile.id, nullptr);
        dialog.show();
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(dialog.isVisible());
        QVERIFY2(dialog.testOutcome().contains(ConnectionDialog::tr("The account ID is missing (Astra Control: Account → API access).")),
                 qPrintable(dialog.testOutcome()));
    }

    // Incremental polling is on by default and can be turned off per connection: saved, and sent
    // to the client with the connection.
    void incrementalPollingIsPerConnection()
    {
        ConnectionProfile a = profileFor(QUrl(u"https://astra.example.com"_s), u"acc-1"_s);
        ConnectionProfile b = ConnectionProfiles::create({a});
        b.accountId = u"acc-2"_s;
        QVERIFY(a.incremental && a.config().incremental);
        ConnectionDialog dialog({a, b}, b.id, nullptr);
        auto *box = dialog.findChild<QCheckBox *>(u"incremental"_s);
        QVERIFY(box);
        QVERIFY(box->isChecked());
        box->setChecked(false);
        QVERIFY(!dialog.selectedProfile().incremental);
        QVERIFY(!dialog.selectedProfile().config().incremental);
        QVERIFY(dialog.profiles()[0].incremental); // the other connection keeps its own
        ConnectionProfiles::save(dialog.profiles());
        const QList<ConnectionProfile> loaded = ConnectionProfiles::load();
        QCOMPARE(loaded.size(), 2);
        QVERIFY(loaded[0].incremental);
        QVERIFY(!loaded[1].incremental);
    }

    void addAndRemoveConnections()
    {
        ConnectionDialog dialog({}, {}, nullptr);
        auto *list = dialog.findChild<QListWidget *>(u"connectionList"_s);
        QVERIFY(list);
        QCOMPARE(list->count(), 1); // an empty list starts with a new connection to fill in
        dialog.addConnection();
        QCOMPARE(list->count(), 2);
        QCOMPARE(dialog.profiles().size(), 2);
        QVERIFY(dialog.profiles()[0].name != dialog.profiles()[1].name);
        QVERIFY(dialog.profiles()[0].id != dialog.profiles()[1].id);
        QCOMPARE(dialog.selectedProfile().id, dialog.profiles()[1].id);
        const QString first = dialog.profiles()[0].id;
        dialog.removeConnection();
        QCOMPARE(list->count(), 1);
        QCOMPARE(dialog.profiles().size(), 1);
        QCOMPARE(dialog.selectedProfile().id, first);
    }

    // The banner's "Connection Settings…" after a 401 opens the connection in use (not the first
    // one saved), with the keyboard in its token; the keychain is promised only while it works.
    void bannerOpensTheConnectionInUseAtItsToken()
    {
        MemoryTokenStore keychain;
        keychain.setPersistent(true); // stands in for a working system keychain
        ConnectionProfile other = profileFor(QUrl(u"https://other.example.com"_s), u"acc-0"_s);
        ConnectionProfile lab = profileFor(m_server->url(), m_server->account());
        lab.id = ConnectionProfiles::create({other}).id;
        lab.name = u"Lab 2"_s;
        ConnectionProfiles::save({other, lab});
        ConnectionProfiles::setLastUsedId(lab.id);
        bool written = false;
        keychain.write(lab.tokenKey(), u"expired-token"_s, [&](bool ok, const QString &) { written = ok; });
        QTRY_VERIFY(written);
        MainWindow window; // the server answers 401 to the stored token
        window.setTokenStore(&keychain);
        QVERIFY(window.openLastConnection());
        QTRY_COMPARE(window.client()->state(), TasksClient::State::AuthStopped);
        QCOMPARE(window.client()->lastError().httpStatus, 401);
        QPushButton *settings = nullptr;
        for (QPushButton *button : window.findChildren<QPushButton *>()) {
            if (button->text() == ErrorBanner::tr("Connection Settings…"))
                settings = button;
        }
        QVERIFY(settings && settings->isVisibleTo(&window));

        ShownDialog shown = inspectModalDialog([&] { settings->click(); });
        QVERIFY(shown.shown);
        QCOMPARE(shown.selected.id, lab.id);
        QCOMPARE(shown.selected.baseUrl, m_server->url());
        QVERIFY(shown.focusOnToken);
        QCOMPARE(shown.tokenNote, ConnectionDialog::tr("Tokens are kept in %1, never in the settings file.")
                                      .arg(keychain.description()));

        // Once the keychain turns out not to work, the dialog says "for this session" instead.
        keychain.setPersistent(false);
        shown = inspectModalDialog([&] { settings->click(); });
        QCOMPARE(shown.tokenNote, ConnectionDialog::tr("No system keychain: tokens are kept in memory for this session only."));
        ConnectionDialog open({lab}, lab.id, window.tokenStore()); // and while a dialog is open
        const auto *note = open.findChild<QLabel *>(u"tokenNote"_s);
        keychain.setPersistent(true);
        QCOMPARE(note->text(), ConnectionDialog::tr("Tokens are kept in %1, never in the settings file.").arg(keychain.description()));
        keychain.setPersistent(false);
        QCOMPARE(note->text(), ConnectionDialog::tr("No system keychain: tokens are kept in memory for this session only."));
    }

    // A connection given on the command line is offered filled in, as a new connection (or as the
    // saved one for the same server and account).
    void commandLineConnectionIsOfferedFilledIn()
    {
        ConnectionProfiles::save({profileFor(QUrl(u"https://other.example.com"_s), u"acc-0"_s)});
        MainWindow window;
        ConnectionConfig config;
        config.baseUrl = m_server->url();
        config.accountId = u"no-such-account"_s;
        config.pollIntervalMs = 30'000;
        config.pageSize = 250;
        window.connectTo(config, m_server->token(), m_server->url().toString());
        QTRY_VERIFY(window.client()->lastError().isError()); // 404: the account is not there
        QVERIFY(window.client()->lastError().message().startsWith(u"Account no-such-account not found at 127.0.0.1:"_s));

        ShownDialog shown = inspectModalDialog([&] { window.editConnections(ConnectionDialog::fieldToFix(window.client()->lastError())); });
        QVERIFY(shown.shown);
        QCOMPARE(shown.selected.baseUrl, m_server->url());
        QCOMPARE(shown.selected.accountId, u"no-such-account"_s);
        QCOMPARE(shown.selected.pollIntervalSeconds, 30);
        QCOMPARE(shown.selected.pageSize, 250);
        QCOMPARE(shown.selected.name, m_server->url().toString());
        QVERIFY(!shown.focusOnToken); // a 404: the account id, not the token
        QCOMPARE(shown.focusedText, u"no-such-account"_s);
        QCOMPARE(ConnectionProfiles::load().size(), 1); // offered, not saved: Cancel leaves the list as it was

        // Saved under another name: that one is offered.
        ConnectionProfile saved = profileFor(m_server->url(), u"no-such-account"_s);
        ConnectionProfiles::save({ConnectionProfiles::load().first(), saved});
        shown = inspectModalDialog([&] { window.editConnections(); });
        QCOMPARE(shown.selected.id, saved.id);
    }

    void mainWindowSavesConnectsAndReopens()
    {
        MemoryTokenStore keychain; // stands in for the system keychain
        const ConnectionProfile profile = profileFor(m_server->url(), m_server->account());
        {
            MainWindow window;
            window.setTokenStore(&keychain);
            ConnectionDialog dialog({profile}, profile.id, window.tokenStore());
            for (QLineEdit *edit : dialog.findChildren<QLineEdit *>()) {
                if (edit->echoMode() == QLineEdit::Password)
                    QTest::keyClicks(edit, m_server->token());
            }
            QSignalSpy applied(&window, &MainWindow::snapshotApplied);
            window.applyConnections(dialog);
            QTRY_COMPARE(applied.size(), 1);
            QCOMPARE(window.currentProfileId(), profile.id);
            QCOMPARE(window.client()->config().baseUrl, m_server->url());
            QVERIFY(window.model()->taskCount() > 0);
        }
        // The token went to the keychain, never to the settings file.
        QString stored;
        bool read = false;
        keychain.read(profile.tokenKey(), [&](bool, const QString &token, const QString &) {
            read = true;
            stored = token;
        });
        QTRY_VERIFY(read);
        QCOMPARE(stored, m_server->token());
        const QByteArray file = settingsFileBytes();
        QVERIFY(file.contains(m_server->account().toUtf8()));
        QVERIFY(!file.contains(m_server->token().toUtf8()));

        // The next start reopens it with the stored token.
        MainWindow again;
        again.setTokenStore(&keychain);
        QSignalSpy applied(&again, &MainWindow::snapshotApplied);
        QVERIFY(again.openLastConnection());
        QTRY_COMPARE(applied.size(), 1);
        QCOMPARE(again.currentProfileId(), profile.id);

        // Without a saved connection there is nothing to reopen.
        QSettings().clear();
        MainWindow fresh;
        QVERIFY(!fresh.openLastConnection());
    }
};

QTEST_MAIN(TestConnectionDialog)
#include "tst_connectiondialog.moc"
