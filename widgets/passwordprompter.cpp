#include "passwordprompter.h"

#include "passworddialog.h"
#include "secretkeeper.h"

namespace retort {

PasswordPrompter::PasswordPrompter(SecretKeeper *secrets, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
{
    connect(m_secrets, &SecretKeeper::keychainChecked, this, &PasswordPrompter::updateKeychain);
    connect(m_secrets, &SecretKeeper::keptInKeychain, this,
            [this](const QString &name, bool ok, const QString &problem) {
                if (ok)
                    emit info(tr("The password for %1 is kept in the keychain").arg(name));
                else
                    emit error(tr("The keychain did not take the password for %1 (%2): it is kept in memory for this "
                                  "session only")
                                   .arg(name, problem));
            });
}

PasswordPrompter::~PasswordPrompter()
{
    delete m_dialog.data();
}

void PasswordPrompter::ask(const ConnectionProfile &profile, const QString &reason, QWidget *window)
{
    if (m_dialog)
        return;
    m_secrets->forget(profile); // if it was this session's password, it was just refused
    auto *dialog = new PasswordDialog(profile, reason, window);
    dialog->setObjectName(QStringLiteral("passwordDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    m_secrets->checkKeychain();
    updateKeychain();
    connect(dialog, &QDialog::finished, this, [this] { m_dialog = nullptr; }); // deleted later
    connect(dialog, &QDialog::accepted, this, [this, dialog, profile] {
        const bool remember = dialog->rememberPassword();
        m_secrets->keep(profile, dialog->password(), remember);
        if (!remember && m_secrets->keychainState() == SecretKeeper::KeychainState::Unavailable)
            emit info(tr("The password for %1 is kept in memory for this session only: %2")
                          .arg(profile.name, m_secrets->keychainProblem()));
        emit passwordGiven(profile.id);
    });
    dialog->open();
    emit asked(profile.id);
}

void PasswordPrompter::updateKeychain()
{
    if (!m_dialog)
        return;
    const SecretKeeper::KeychainState state = m_secrets->keychainState();
    m_dialog->setKeychainState(state == SecretKeeper::KeychainState::Available, m_secrets->keychainProblem(),
                               state == SecretKeeper::KeychainState::Checking ||
                                   state == SecretKeeper::KeychainState::Unchecked);
}

} // namespace retort
