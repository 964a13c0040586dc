// Token sources: the memory store (also the fake for tests), token files and $ASTRA_TOKEN.
#include "tokenstore.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Taskscope;
using namespace Qt::StringLiterals;

class TestTokenStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // No session bus, as in a container or CI (read once, at the first use of the bus).
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/taskscope-test-bus");
    }

    void memoryStoreKeepsTokensPerKey()
    {
        MemoryTokenStore store;
        QVERIFY(!store.isPersistent());
        bool written = false;
        store.write(u"prod"_s, u"tok-1"_s, [&](bool ok, const QString &) { written = ok; });
        QVERIFY(!written); // answers come later, as the keychain's do
        QTRY_VERIFY(written);
        QString read;
        bool done = false;
        store.read(u"prod"_s, [&](bool ok, const QString &token, const QString &) {
            done = ok;
            read = token;
        });
        QTRY_VERIFY(done);
        QCOMPARE(read, u"tok-1"_s);
        done = false;
        store.read(u"other"_s, [&](bool ok, const QString &token, const QString &) {
            done = ok;
            read = token;
        });
        QTRY_VERIFY(done);
        QVERIFY(read.isEmpty());
        bool removed = false;
        store.remove(u"prod"_s, [&](bool ok, const QString &) { removed = ok; });
        QTRY_VERIFY(removed);
        done = false;
        store.read(u"prod"_s, [&](bool ok, const QString &token, const QString &) {
            done = ok;
            read = token;
        });
        QTRY_VERIFY(done);
        QVERIFY(read.isEmpty());
    }

    void failingStoreReportsTheError()
    {
        MemoryTokenStore store;
        store.setFailing(u"no keychain"_s);
        bool called = false, okFlag = true;
        QString error;
        store.write(u"k"_s, u"t"_s, [&](bool ok, const QString &e) {
            called = true;
            okFlag = ok;
            error = e;
        });
        QTRY_VERIFY(called);
        QVERIFY(!okFlag);
        QCOMPARE(error, u"no keychain"_s);
    }

    void sessionStoreKeepsWhatTheKeychainRefused()
    {
        MemoryTokenStore keychain;
        keychain.setFailing(u"no D-Bus session"_s);
        SessionTokenStore store(&keychain);
        QVERIFY(!store.isPersistent());
        bool called = false, written = true;
        QString error;
        store.write(u"prod"_s, u"tok-1"_s, [&](bool ok, const QString &e) {
            called = true;
            written = ok;
            error = e;
        });
        QTRY_VERIFY(called);
        QVERIFY(!written); // the caller learns the keychain refused it
        QCOMPARE(error, u"no D-Bus session"_s);
        QString read;
        bool ok = false;
        store.read(u"prod"_s, [&](bool readOk, const QString &token, const QString &) {
            ok = readOk;
            read = token;
        });
        QTRY_VERIFY(ok);
        QCOMPARE(read, u"tok-1"_s); // ... and the token still works this session

        // A key the session never wrote is read from the keychain (and its error reported).
        called = false;
        store.read(u"other"_s, [&](bool readOk, const QString &, const QString &e) {
            called = true;
            ok = readOk;
            error = e;
        });
        QTRY_VERIFY(called);
        QVERIFY(!ok);
        QCOMPARE(error, u"no D-Bus session"_s);

        // With a working keychain the token lands there too.
        MemoryTokenStore working;
        SessionTokenStore second(&working);
        called = false;
        second.write(u"k"_s, u"tok-2"_s, [&](bool writeOk, const QString &) { called = writeOk; });
        QTRY_VERIFY(called);
        called = false;
        working.read(u"k"_s, [&](bool, const QString &token, const QString &) {
            called = true;
            read = token;
        });
        QTRY_VERIFY(called);
        QCOMPARE(read, u"tok-2"_s);
        called = false;
        second.remove(u"k"_s, [&](bool removeOk, const QString &) { called = removeOk; });
        QTRY_VERIFY(called);
        called = false;
        second.read(u"k"_s, [&](bool, const QString &token, const QString &) {
            called = true;
            read = token;
        });
        QTRY_VERIFY(called);
        QVERIFY(read.isEmpty());
    }

    // Without a session bus the keychain says it keeps nothing, rather than promising to, and a token
    // written through the session store still works for the session.
    void keychainWithoutASessionBusIsNotPersistent()
    {
        KeychainTokenStore keychain(u"taskscope-test"_s);
        QVERIFY(!keychain.isPersistent());
        bool called = false, written = true;
        QString error;
        keychain.write(u"k"_s, u"tok-1"_s, [&](bool ok, const QString &e) {
            called = true;
            written = ok;
            error = e;
        });
        QVERIFY(!called); // later, as every answer
        QTRY_VERIFY(called);
        QVERIFY(!written);
        QVERIFY2(error.contains(u"D-Bus"_s), qPrintable(error));

        SessionTokenStore store(&keychain);
        QVERIFY(!store.isPersistent());
        QCOMPARE(store.description(), MemoryTokenStore().description());
        called = false;
        store.write(u"k"_s, u"tok-1"_s, [&](bool, const QString &) { called = true; });
        QTRY_VERIFY(called);
        QString read;
        called = false;
        store.read(u"k"_s, [&](bool, const QString &token, const QString &) {
            called = true;
            read = token;
        });
        QTRY_VERIFY(called);
        QCOMPARE(read, u"tok-1"_s);
    }

    // A keychain that stops working (no backend after all) is said to by the session store.
    void sessionStoreFollowsTheKeychain()
    {
        MemoryTokenStore keychain;
        keychain.setPersistent(true); // stands in for a working keychain
        SessionTokenStore store(&keychain);
        QVERIFY(store.isPersistent());
        QCOMPARE(store.description(), keychain.description());
        QSignalSpy changed(&store, &TokenStore::persistenceChanged);
        keychain.setPersistent(false);
        QCOMPARE(changed.size(), 1);
        QVERIFY(!store.isPersistent());
    }

    void tokenFile_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("token");
        QTest::newRow("plain") << QByteArray("abc123\n") << true << u"abc123"_s;
        QTest::newRow("spaces and CRLF") << QByteArray("  abc123 \r\n") << true << u"abc123"_s;
        QTest::newRow("first line only") << QByteArray("abc\nsecond\n") << true << u"abc"_s;
        QTest::newRow("empty") << QByteArray("\n") << false << QString();
    }

    void tokenFile()
    {
        QFETCH(QByteArray, content);
        QFETCH(bool, ok);
        QFETCH(QString, token);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"token"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        QString read, error;
        QCOMPARE(TokenFromEnvironment::fromFile(path, &read, &error), ok);
        QCOMPARE(read, token);
        QCOMPARE(error.isEmpty(), ok);
        // The error names the file, never the token.
        if (!ok)
            QVERIFY(error.contains(path));
    }

    void missingTokenFile()
    {
        QString token, error;
        QVERIFY(!TokenFromEnvironment::fromFile(u"/nonexistent/token"_s, &token, &error));
        QVERIFY(error.contains(u"/nonexistent/token"_s));
    }

    void environment()
    {
        qputenv("ASTRA_TOKEN", " from-env \n");
        QCOMPARE(TokenFromEnvironment::fromEnvironment(), u"from-env"_s);
        qunsetenv("ASTRA_TOKEN");
        QVERIFY(TokenFromEnvironment::fromEnvironment().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTokenStore)
#include "tst_tokenstore.moc"
