#pragma once

#include "connectionprofile.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace retort {

class PasswordDialog;
class SecretKeeper;

/// Asks for a profile's password when its server refused the login: one PasswordDialog at a time,
/// window-modal and asynchronous (no nested event loop), told whether the keychain works as soon as
/// SecretKeeper knows. The typed password goes to SecretKeeper (memory for the session, and the
/// keychain when asked and possible); it is never part of a message.
class PasswordPrompter : public QObject
{
    Q_OBJECT

public:
    PasswordPrompter(SecretKeeper *secrets, QObject *parent = nullptr);
    ~PasswordPrompter() override;

    /// Opens the prompt for \a profile over \a window, unless one is open already. The password this
    /// session knew for \a profile (just refused) is forgotten.
    void ask(const ConnectionProfile &profile, const QString &reason, QWidget *window);
    /// The open prompt, if any.
    PasswordDialog *dialog() const { return m_dialog; }

signals:
    /// The prompt opened for \a profileId.
    void asked(const QString &profileId);
    /// The user gave a password for \a profileId; it is kept, a retry may follow.
    void passwordGiven(const QString &profileId);
    void info(const QString &message);
    void error(const QString &message);

private:
    void updateKeychain();

    SecretKeeper *m_secrets = nullptr;
    QPointer<PasswordDialog> m_dialog;
};

} // namespace retort
