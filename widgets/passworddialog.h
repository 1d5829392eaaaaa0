#pragma once

#include "connectionprofile.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace retort {

/// Asks for the password of a profile whose server refused the login (or wanted a password and got
/// none). Offers "Remember in the keychain" while a keychain works; otherwise says that the password
/// is kept for this session only, and why. Like ProfileDialog it has no side effects: the caller
/// keeps password() where rememberPassword() says.
class PasswordDialog : public QDialog
{
    Q_OBJECT

public:
    /// \a reason: what the server said, in plain words (never contains a password).
    PasswordDialog(const ConnectionProfile &profile, const QString &reason, QWidget *parent = nullptr);

    /// Available: "Remember" can be checked. Not available: the note says why (\a problem). While
    /// \a checking, the note says that Retort is still looking for a keychain.
    void setKeychainState(bool available, const QString &problem, bool checking = false);

    QString profileId() const { return m_profileId; }
    QString password() const;
    /// True when the user asked to keep the password in the keychain (and one works).
    bool rememberPassword() const;

private:
    void updateOk();

    QString m_profileId;
    QLabel *m_reason = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_remember = nullptr;
    QLabel *m_note = nullptr;
    QPushButton *m_ok = nullptr;
};

} // namespace retort
