// TokenStore: the keychain, memory, and tokens from a file or the environment.
#include "tokenstore.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QFile>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace Taskscope {

namespace {
// Callbacks always run later, like the keychain's, so that callers have one code path.
void later(QObject *context, std::function<void()> fn)
{
    QTimer::singleShot(0, context, std::move(fn));
}
} // namespace

void MemoryTokenStore::read(const QString &key, ReadCallback done)
{
    const QString failure = m_failure;
    const QString token = failure.isEmpty() ? m_tokens.value(key) : QString();
    later(this, [done = std::move(done), token, failure] { done(failure.isEmpty(), token, failure); });
}

void MemoryTokenStore::write(const QString &key, const QString &token, WriteCallback done)
{
    if (m_failure.isEmpty())
        m_tokens.insert(key, token);
    const QString failure = m_failure;
    later(this, [done = std::move(done), failure] { done(failure.isEmpty(), failure); });
}

void MemoryTokenStore::remove(const QString &key, WriteCallback done)
{
    if (m_failure.isEmpty())
        m_tokens.remove(key);
    const QString failure = m_failure;
    later(this, [done = std::move(done), failure] { done(failure.isEmpty(), failure); });
}

QString MemoryTokenStore::description() const
{
    return tr("memory (this session only)");
}

void MemoryTokenStore::setPersistent(bool persistent)
{
    if (persistent == m_persistent)
        return;
    m_persistent = persistent;
    Q_EMIT persistenceChanged();
}

SessionTokenStore::SessionTokenStore(TokenStore *persistent, QObject *parent)
    : TokenStore(parent)
    , m_persistent(persistent)
{
    if (m_persistent)
        connect(m_persistent, &TokenStore::persistenceChanged, this, &TokenStore::persistenceChanged);
}

void SessionTokenStore::read(const QString &key, ReadCallback done)
{
    if (m_known.contains(key) || !m_persistent)
        m_memory.read(key, std::move(done));
    else
        m_persistent->read(key, std::move(done));
}

void SessionTokenStore::write(const QString &key, const QString &token, WriteCallback done)
{
    m_known.insert(key);
    if (!m_persistent) {
        m_memory.write(key, token, std::move(done));
        return;
    }
    m_memory.write(key, token, [](bool, const QString &) {});
    m_persistent->write(key, token, std::move(done));
}

void SessionTokenStore::remove(const QString &key, WriteCallback done)
{
    m_known.remove(key);
    if (!m_persistent) {
        m_memory.remove(key, std::move(done));
        return;
    }
    m_memory.remove(key, [](bool, const QString &) {});
    m_persistent->remove(key, std::move(done));
}

QString SessionTokenStore::description() const
{
    return isPersistent() ? m_persistent->description() : m_memory.description();
}

KeychainTokenStore::KeychainTokenStore(const QString &service, QObject *parent)
    : TokenStore(parent)
    , m_service(service)
    , m_available(true)
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    // Secret Service and KWallet answer over the session bus: without one no job can succeed.
    if (!QDBusConnection::sessionBus().isConnected()) {
        m_available = false;
        m_unavailableReason = tr("no D-Bus session bus");
    }
#endif
}

// Without a keychain a call fails at once, without a job (still later, as every answer comes).
bool KeychainTokenStore::failedWithoutKeychain(std::function<void(const QString &error)> fail)
{
    if (m_available)
        return false;
    later(this, [fail = std::move(fail), reason = m_unavailableReason] { fail(reason); });
    return true;
}

void KeychainTokenStore::noteOutcome(int keychainError, const QString &errorText)
{
    const bool noKeychain = keychainError == QKeychain::NoBackendAvailable || keychainError == QKeychain::NotImplemented
        || keychainError == QKeychain::OtherError; // what a missing Secret Service gives
    if (!noKeychain || !m_available)
        return;
    m_available = false;
    m_unavailableReason = errorText;
    Q_EMIT persistenceChanged();
}

void KeychainTokenStore::read(const QString &key, ReadCallback done)
{
    if (failedWithoutKeychain([done](const QString &error) { done(false, QString(), error); }))
        return;
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, done = std::move(done)](QKeychain::Job *finished) {
        noteOutcome(finished->error(), finished->errorString());
        auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(finished);
        if (finished->error() == QKeychain::EntryNotFound)
            done(true, QString(), QString());
        else
            done(finished->error() == QKeychain::NoError, readJob->textData(), finished->errorString());
    });
    job->start();
}

void KeychainTokenStore::write(const QString &key, const QString &token, WriteCallback done)
{
    if (failedWithoutKeychain([done](const QString &error) { done(false, error); }))
        return;
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [this, done = std::move(done)](QKeychain::Job *finished) {
        noteOutcome(finished->error(), finished->errorString());
        done(finished->error() == QKeychain::NoError, finished->errorString());
    });
    job->start();
}

void KeychainTokenStore::remove(const QString &key, WriteCallback done)
{
    if (failedWithoutKeychain([done](const QString &error) { done(false, error); }))
        return;
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, done = std::move(done)](QKeychain::Job *finished) {
        noteOutcome(finished->error(), finished->errorString());
        done(finished->error() == QKeychain::NoError || finished->error() == QKeychain::EntryNotFound,
             finished->errorString());
    });
    job->start();
}

QString KeychainTokenStore::description() const
{
    return tr("the system keychain");
}

bool TokenFromEnvironment::fromFile(const QString &path, QString *token, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read the token file %1: %2").arg(path, file.errorString());
        return false;
    }
    const QString text = QString::fromUtf8(file.readLine(64 * 1024)).trimmed();
    if (text.isEmpty()) {
        *error = tr("the token file %1 is empty").arg(path);
        return false;
    }
    *token = text;
    return true;
}

QString TokenFromEnvironment::fromEnvironment()
{
    return qEnvironmentVariable("ASTRA_TOKEN").trimmed();
}

} // namespace Taskscope
