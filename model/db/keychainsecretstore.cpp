#include "keychainsecretstore.h"

#include <QEventLoop>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace retort {

namespace {

/// Runs \a job to its end (or the timeout); true when it finished without error.
bool runJob(QKeychain::Job &job, int timeoutMs, QString *error, bool *notFound = nullptr)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    job.start();
    if (!finished)
        loop.exec();
    if (!finished) {
        if (error)
            *error = QStringLiteral("the keychain did not answer within %1 s").arg(timeoutMs / 1000);
        return false;
    }
    if (job.error() == QKeychain::NoError)
        return true;
    if (notFound)
        *notFound = job.error() == QKeychain::EntryNotFound;
    if (error) {
        // Without a D-Bus session (headless machines, CI) QtKeychain only says "Unknown error".
        if (job.error() == QKeychain::NoBackendAvailable || qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            *error = QStringLiteral("no OS keychain is available (a Secret Service or KWallet on the D-Bus session bus "
                                    "is needed; QtKeychain says: %1)")
                         .arg(job.errorString());
        else
            *error = QStringLiteral("keychain: %1").arg(job.errorString());
    }
    return false;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, int timeoutMs)
    : m_service(std::move(service))
    , m_timeoutMs(timeoutMs)
{
}

std::optional<QString> KeychainSecretStore::read(const QString &key, QString *error)
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setKey(key);
    bool notFound = false;
    QString message;
    if (!runJob(job, m_timeoutMs, &message, &notFound)) {
        if (error && !notFound)
            *error = message;
        return std::nullopt;
    }
    return job.textData();
}

bool KeychainSecretStore::write(const QString &key, const QString &secret, QString *error)
{
    QKeychain::WritePasswordJob job(m_service);
    job.setKey(key);
    job.setTextData(secret);
    return runJob(job, m_timeoutMs, error);
}

bool KeychainSecretStore::remove(const QString &key, QString *error)
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setKey(key);
    bool notFound = false;
    QString message;
    if (runJob(job, m_timeoutMs, &message, &notFound) || notFound)
        return true;
    if (error)
        *error = message;
    return false;
}

} // namespace retort
