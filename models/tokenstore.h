// TokenStore: where API tokens live (the system keychain, or memory when there is none); never QSettings.
#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>

namespace Taskscope {

class TokenStore : public QObject
{
    Q_OBJECT
public:
    using ReadCallback = std::function<void(bool ok, const QString &token, const QString &error)>;
    using WriteCallback = std::function<void(bool ok, const QString &error)>;

    using QObject::QObject;
    // `key` names the connection (for example "default"); callbacks run later, on this thread.
    virtual void read(const QString &key, ReadCallback done) = 0;
    virtual void write(const QString &key, const QString &token, WriteCallback done) = 0;
    virtual void remove(const QString &key, WriteCallback done) = 0;
    // True when tokens survive the session (a keychain that works); false for memory only.
    virtual bool isPersistent() const = 0;
    virtual QString description() const = 0;

Q_SIGNALS:
    void persistenceChanged(); // isPersistent() changed: the keychain turned out not to work
};

// Tokens for this session only. Also the fake in tests (with failures on demand).
class MemoryTokenStore final : public TokenStore
{
    Q_OBJECT
public:
    using TokenStore::TokenStore;
    void read(const QString &key, ReadCallback done) override;
    void write(const QString &key, const QString &token, WriteCallback done) override;
    void remove(const QString &key, WriteCallback done) override;
    bool isPersistent() const override { return m_persistent; }
    QString description() const override;

    void setFailing(const QString &error) { m_failure = error; } // every call fails with `error`
    void setPersistent(bool persistent); // as a fake keychain: says it is one (or stops saying so)

private:
    QHash<QString, QString> m_tokens;
    QString m_failure;
    bool m_persistent = false;
};

// The system keychain through QtKeychain (Secret Service, KWallet). Both are reached over the D-Bus
// session bus: without one (containers, CI, ssh) the store is not persistent and every call fails at
// once; a keychain job that finds no backend makes it not persistent from then on.
class KeychainTokenStore final : public TokenStore
{
    Q_OBJECT
public:
    explicit KeychainTokenStore(const QString &service, QObject *parent = nullptr);
    void read(const QString &key, ReadCallback done) override;
    void write(const QString &key, const QString &token, WriteCallback done) override;
    void remove(const QString &key, WriteCallback done) override;
    bool isPersistent() const override { return m_available; }
    QString description() const override;

private:
    bool failedWithoutKeychain(std::function<void(const QString &error)> fail);
    void noteOutcome(int keychainError, const QString &errorText);

    QString m_service;
    bool m_available;
    QString m_unavailableReason;
};

// Keeps every token for the session and passes it on to a persistent store (the keychain) when
// there is one: a token the keychain refused still works until the application quits. Reads
// answer from memory first. Write callbacks report the persistent store's outcome.
class SessionTokenStore final : public TokenStore
{
    Q_OBJECT
public:
    // `persistent`: not owned, may be null.
    explicit SessionTokenStore(TokenStore *persistent, QObject *parent = nullptr);
    void read(const QString &key, ReadCallback done) override;
    void write(const QString &key, const QString &token, WriteCallback done) override;
    void remove(const QString &key, WriteCallback done) override;
    bool isPersistent() const override { return m_persistent && m_persistent->isPersistent(); }
    QString description() const override; // the memory's when the persistent store does not work

private:
    TokenStore *m_persistent;
    MemoryTokenStore m_memory;
    QSet<QString> m_known; // keys the memory holds
};

// Tokens given outside any store: --token-file FILE, then $ASTRA_TOKEN. Empty when neither is set.
struct TokenFromEnvironment
{
    Q_DECLARE_TR_FUNCTIONS(TokenFromEnvironment)
public:
    // Reads the first line of `path` (trimmed). Fails with a message on an unreadable or empty file.
    static bool fromFile(const QString &path, QString *token, QString *error);
    static QString fromEnvironment(); // $ASTRA_TOKEN
};

} // namespace Taskscope
