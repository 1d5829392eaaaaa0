#pragma once

#include "connectionprofile.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QThread;

namespace retort {

class SecretStore;
struct ConnectionTestResult;

/// Edits one connection profile: a remote PostgreSQL server (host and port, or a libpq service)
/// or an SQLite file, its environment tag, and a password for this session. Sandbox and Docker
/// profiles are made by Retort: they are shown read-only, with Close instead of OK.
///
/// The dialog has no side effects: "Test connection" only connects (on a worker thread), and
/// when "Remember in the keychain" is checked the *caller* writes password() to the SecretStore
/// after exec() returns Accepted. profile() never carries the password.
class ProfileDialog : public QDialog
{
    Q_OBJECT

public:
    /// \a secrets (may be null, not owned) only enables "Remember in the keychain"; the dialog
    /// never reads or writes it.
    ProfileDialog(ConnectionProfile profile, SecretStore *secrets, QWidget *parent = nullptr);
    ~ProfileDialog() override;

    /// The edited profile (id and Retort's own fields kept from the one passed in); no password.
    ConnectionProfile profile() const;
    QString password() const;
    void setPassword(const QString &password);
    /// True when the user asked to keep password() in the keychain (and a keychain is usable).
    bool rememberPassword() const;
    /// Disables "Remember in the keychain", e.g. when the caller found no secret service;
    /// \a reason is shown as its tooltip.
    void setKeychainAvailable(bool available, const QString &reason = {});
    /// True while a connection test runs.
    bool isTesting() const;

signals:
    /// A connection test finished and its result is shown.
    void testFinished(bool ok);

private:
    void fill(const ConnectionProfile &profile);
    void updateVisibility();
    void updateEnvironment();
    void updateOk();
    void growToFit();
    void updateRemember();
    void startTest();
    void showResult(const ConnectionTestResult &result);
    void browseSslRootCert();
    void browseSqlite();
    bool isManaged() const;
    bool usesService() const;
    ConnectionProfile::Kind currentKind() const;

    ConnectionProfile m_original;
    SecretStore *m_secrets = nullptr;
    bool m_keychainAvailable = true;
    QPointer<QThread> m_testThread;

    QFormLayout *m_form = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_kind = nullptr;
    QComboBox *m_environment = nullptr;
    QLabel *m_productionWarning = nullptr;
    QComboBox *m_connectVia = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_service = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_user = nullptr;
    QComboBox *m_sslMode = nullptr;
    QWidget *m_sslRootCertRow = nullptr;
    QLineEdit *m_sslRootCert = nullptr;
    QPushButton *m_sslRootCertBrowse = nullptr;
    QLabel *m_container = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_remember = nullptr;
    QWidget *m_sqliteRow = nullptr;
    QLineEdit *m_sqlitePath = nullptr;
    QPushButton *m_sqliteBrowse = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_result = nullptr;
    QPushButton *m_ok = nullptr;
};

} // namespace retort
