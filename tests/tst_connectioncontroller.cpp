// ConnectionController without a window: the latest choice of connection wins over a slower keychain
// answer, a keychain failure is said, the demo server is started once and kept, saved connections take
// their tokens with them, and the server filters follow their source.
#include "connectioncontroller.h"

#include "connectionprofile.h"
#include "scheduler.h"
#include "tasksclient.h"
#include "tokenstore.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Taskscope;
using namespace Qt::StringLiterals;

namespace {

ConnectionProfile profile(const QString &id)
{
    ConnectionProfile p;
    p.id = id;
    p.name = u"Astra "_s + id;
    p.baseUrl = QUrl(u"https://astra-"_s + id + u".example"_s);
    p.accountId = u"acc-"_s + id;
    return p;
}

} // namespace

class TestConnectionController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        QSettings().clear(); // no connections left over from an earlier test
        m_client = std::make_unique<TasksClient>(nullptr, &m_clock);
        m_controller = std::make_unique<ConnectionController>(m_client.get());
        m_controller->setPollingPaused(true); // what is polled is what this checks, not the polls
        m_controller->setTokenStore(&m_keychain);
    }

    void cleanup()
    {
        m_controller.reset();
        m_client.reset();
    }

    void theLatestChoiceWins()
    {
        QSignalSpy connected(m_controller.get(), &ConnectionController::connected);
        m_controller->openConnection(profile(u"one"_s)); // the keychain answers later
        QCOMPARE(m_controller->currentProfileId(), u"one"_s);
        QCOMPARE(ConnectionProfiles::lastUsedId(), u"one"_s);
        QVERIFY(m_controller->connectToDemo(ConnectionConfig()));
        QCOMPARE(connected.size(), 1);
        const QUrl demo = m_client->config().baseUrl;
        QCOMPARE(demo.host(), u"127.0.0.1"_s);
        QVERIFY(m_controller->currentProfileId().isEmpty());
        QVERIFY(m_controller->description().contains(demo.toString()));
        // The keychain answers in order: once a later read is answered, the first answer was delivered, and dropped.
        bool answered = false;
        m_keychain.read(u"later"_s, [&](bool, const QString &, const QString &) { answered = true; });
        QTRY_VERIFY(answered);
        QCOMPARE(connected.size(), 1);
        QCOMPARE(m_client->config().baseUrl, demo);

        QVERIFY(m_controller->connectToDemo(ConnectionConfig())); // the same server, kept
        QCOMPARE(m_client->config().baseUrl, demo);
    }

    void aKeychainFailureIsSaid()
    {
        m_keychain.setFailing(u"locked"_s);
        QSignalSpy message(m_controller.get(), &ConnectionController::message);
        QSignalSpy connected(m_controller.get(), &ConnectionController::connected);
        m_controller->openConnection(profile(u"two"_s));
        QTRY_COMPARE(connected.size(), 1); // connects all the same, without a token
        QCOMPARE(message.size(), 1);
        QVERIFY2(message.at(0).at(0).toString().contains(u"locked"_s), qPrintable(message.at(0).at(0).toString()));
        QCOMPARE(m_client->config().baseUrl, profile(u"two"_s).baseUrl);
        m_keychain.setFailing({});
    }

    void anotherEndpointIsAnnounced()
    {
        QSignalSpy changing(m_controller.get(), &ConnectionController::endpointChanging);
        m_controller->connectTo(profile(u"a"_s).config(), u"t"_s, u"a"_s);
        QCOMPARE(changing.size(), 1);
        m_controller->connectTo(profile(u"a"_s).config(), u"t"_s, u"a again"_s);
        QCOMPARE(changing.size(), 1); // the same endpoint and account
        m_controller->connectTo(profile(u"b"_s).config(), u"t"_s, u"b"_s);
        QCOMPARE(changing.size(), 2);
    }

    void savedConnectionsTakeTheirTokens()
    {
        ConnectionProfiles::save({profile(u"old"_s)});
        bool written = false;
        m_keychain.write(profile(u"old"_s).tokenKey(), u"old-token"_s, [&](bool ok, const QString &) { written = ok; });
        QTRY_VERIFY(written);
        QSignalSpy connected(m_controller.get(), &ConnectionController::connected);
        m_controller->applyConnections({profile(u"new"_s)}, {{u"new"_s, u"new-token"_s}}, profile(u"new"_s));
        QCOMPARE(ConnectionProfiles::load(), QList<ConnectionProfile>{profile(u"new"_s)});
        QTRY_COMPARE(connected.size(), 1);
        QCOMPARE(m_client->config().baseUrl, profile(u"new"_s).baseUrl);
        QString oldToken = u"unread"_s;
        m_keychain.read(profile(u"old"_s).tokenKey(), [&](bool, const QString &token, const QString &) { oldToken = token; });
        QTRY_VERIFY(oldToken != u"unread"_s);
        QVERIFY(oldToken.isEmpty()); // removed with its connection
        QCOMPARE(m_controller->openLastConnection(), true);
    }

    void serverFiltersFollowTheirSource()
    {
        QStringList clauses{u"name in 'backup'"_s};
        m_controller->setServerFilterSource([&clauses] { return clauses; });
        m_controller->connectTo(profile(u"a"_s).config(), u"t"_s, u"a"_s);
        QCOMPARE(m_client->config().serverFilters, clauses);
        clauses = {u"name in 'restore'"_s};
        m_controller->pushServerFilters();
        QCOMPARE(m_client->config().serverFilters, clauses);
    }

private:
    ManualScheduler m_clock;
    MemoryTokenStore m_keychain;
    std::unique_ptr<TasksClient> m_client;
    std::unique_ptr<ConnectionController> m_controller;
};

QTEST_GUILESS_MAIN(TestConnectionController)
#include "tst_connectioncontroller.moc"
