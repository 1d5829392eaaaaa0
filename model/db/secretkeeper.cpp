#include "secretkeeper.h"

#include "passwordresolver.h"
#include "secretstore.h"

#ifdef RETORT_HAVE_QTKEYCHAIN
#include "keychainsecretstore.h"
#endif

#include <QPointer>
#include <QThread>

namespace retort {

namespace {

/// Runs \a work on a thread owned by \a owner (waited for when it goes).
template <typename Work> void runOffThread(QObject *owner, Work work)
{
    QThread *thread = QThread::create(std::move(work));
    thread->setParent(owner);
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

} // namespace

SecretKeeper::SecretKeeper(std::shared_ptr<SecretStore> keychain, QObject *parent)
    : QObject(parent)
    , m_keychain(std::move(keychain))
{
    if (!m_keychain) {
        m_state = KeychainState::Unavailable;
        m_problem = tr("Retort was built without keychain support (QtKeychain)");
    }
}

SecretKeeper::~SecretKeeper()
{
    const QList<QThread *> threads = findChildren<QThread *>();
    for (QThread *thread : threads)
        thread->wait();
}

std::shared_ptr<SecretStore> SecretKeeper::systemKeychain()
{
#ifdef RETORT_HAVE_QTKEYCHAIN
    return std::make_shared<KeychainSecretStore>();
#else
    return nullptr;
#endif
}

void SecretKeeper::setKeychain(std::shared_ptr<SecretStore> keychain)
{
    ++m_generation;
    m_keychain = std::move(keychain);
    m_state = m_keychain ? KeychainState::Unchecked : KeychainState::Unavailable;
    m_problem = m_keychain ? QString() : tr("no keychain is configured");
}

void SecretKeeper::checkKeychain()
{
    if (m_state != KeychainState::Unchecked)
        return;
    m_state = KeychainState::Checking;
    QPointer<SecretKeeper> self(this);
    const std::shared_ptr<SecretStore> keychain = m_keychain;
    const quint64 generation = m_generation;
    runOffThread(this, [self, keychain, generation] {
        // A key nobody writes: a working keychain answers "not found", which is no error.
        QString error;
        keychain->read(QStringLiteral("retort/keychain-check"), &error);
        QMetaObject::invokeMethod(
            self.data(),
            [self, generation, error] {
                if (!self || generation != self->m_generation)
                    return;
                if (!error.isEmpty()) {
                    self->markUnavailable(error);
                    return;
                }
                self->m_state = KeychainState::Available;
                emit self->keychainChecked(true, QString());
            },
            Qt::QueuedConnection);
    });
}

std::shared_ptr<SecretStore> SecretKeeper::keychain() const
{
    return m_state == KeychainState::Unavailable ? nullptr : m_keychain;
}

std::optional<QString> SecretKeeper::sessionPassword(const ConnectionProfile &profile) const
{
    return m_session.read(PasswordResolver::keychainKey(profile));
}

void SecretKeeper::keep(const ConnectionProfile &profile, const QString &password, bool inKeychain)
{
    const QString key = PasswordResolver::keychainKey(profile);
    m_session.write(key, password);
    if (!inKeychain)
        return;
    const std::shared_ptr<SecretStore> keychain = this->keychain();
    if (!keychain || profile.id.isEmpty()) {
        emit keptInKeychain(profile.name, false, m_problem.isEmpty() ? tr("no keychain is available") : m_problem);
        return;
    }
    QPointer<SecretKeeper> self(this);
    const quint64 generation = m_generation;
    const QString name = profile.name;
    runOffThread(this, [self, keychain, generation, key, password, name] {
        QString error;
        const bool ok = keychain->write(key, password, &error);
        QMetaObject::invokeMethod(
            self.data(),
            [self, generation, ok, error, name] {
                if (!self)
                    return;
                if (!ok && generation == self->m_generation)
                    self->markUnavailable(error);
                emit self->keptInKeychain(name, ok, error);
            },
            Qt::QueuedConnection);
    });
}

void SecretKeeper::forget(const ConnectionProfile &profile)
{
    m_session.remove(PasswordResolver::keychainKey(profile));
}

void SecretKeeper::markUnavailable(const QString &problem)
{
    const bool changed = m_state != KeychainState::Unavailable;
    m_state = KeychainState::Unavailable;
    m_problem = problem;
    if (changed)
        emit keychainChecked(false, problem);
}

} // namespace retort
