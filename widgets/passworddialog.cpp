#include "passworddialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace retort {

namespace {

/// "app@db.example:5432/shop", or the service, or the file.
QString where(const ConnectionProfile &profile)
{
    const QString user = profile.user.isEmpty() ? QString() : profile.user + QLatin1Char('@');
    if (!profile.service.isEmpty() && profile.host.isEmpty())
        return user + QStringLiteral("service=") + profile.service;
    const QString host = profile.host.isEmpty() ? QStringLiteral("localhost") : profile.host;
    return QStringLiteral("%1%2:%3/%4")
        .arg(user, host)
        .arg(profile.port > 0 ? profile.port : 5432)
        .arg(profile.database);
}

} // namespace

PasswordDialog::PasswordDialog(const ConnectionProfile &profile, const QString &reason, QWidget *parent)
    : QDialog(parent)
    , m_profileId(profile.id)
{
    setWindowTitle(tr("Password for %1").arg(profile.name));
    auto *layout = new QVBoxLayout(this);

    auto *intro = new QLabel(tr("%1 (%2) needs a password.").arg(profile.name, where(profile)), this);
    intro->setObjectName(QStringLiteral("passwordIntro"));
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_reason = new QLabel(reason, this);
    m_reason->setObjectName(QStringLiteral("passwordReason"));
    m_reason->setTextFormat(Qt::PlainText);
    m_reason->setWordWrap(true);
    m_reason->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_reason);

    auto *form = new QFormLayout;
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Pass&word:"), m_password);
    m_remember = new QCheckBox(tr("Re&member in the keychain"), this);
    m_remember->setObjectName(QStringLiteral("rememberCheck"));
    form->addRow(QString(), m_remember);
    layout->addLayout(form);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("keychainNote"));
    m_note->setTextFormat(Qt::PlainText);
    m_note->setWordWrap(true);
    layout->addWidget(m_note);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Connect"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_password, &QLineEdit::textChanged, this, &PasswordDialog::updateOk);

    setKeychainState(false, QString(), true);
    updateOk();
    m_password->setFocus();
    setMinimumWidth(440);
}

void PasswordDialog::setKeychainState(bool available, const QString &problem, bool checking)
{
    m_remember->setEnabled(available);
    if (!available)
        m_remember->setChecked(false);
    if (checking)
        m_note->setText(tr("Looking for a keychain…"));
    else if (available)
        m_note->clear();
    else
        m_note->setText(tr("The password is kept in memory for this session only: %1.").arg(problem));
    m_note->setVisible(!m_note->text().isEmpty());
}

QString PasswordDialog::password() const
{
    return m_password->text();
}

bool PasswordDialog::rememberPassword() const
{
    return m_remember->isEnabled() && m_remember->isChecked();
}

void PasswordDialog::updateOk()
{
    m_ok->setEnabled(!m_password->text().isEmpty());
}

} // namespace retort
