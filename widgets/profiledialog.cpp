#include "profiledialog.h"

#include "connectiontester.h"
#include "connectiontestresult.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>
#include <memory>

namespace retort {

namespace {

using Kind = ConnectionProfile::Kind;
using Environment = ConnectionProfile::Environment;

QIcon swatch(const QString &color)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QColor(color).darker(140));
    painter.setBrush(QColor(color));
    painter.drawRoundedRect(QRectF(0.5, 0.5, 13, 13), 3, 3);
    return QIcon(pixmap);
}

/// A line edit with a Browse… button beside it, as one form field.
QWidget *withBrowse(QLineEdit *edit, QPushButton *browse, QWidget *parent)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    return row;
}

void setTextColor(QLabel *label, const QColor &color)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
}

/// A word-wrapped label takes only the width of its (narrow) size hint in a form unless it expands;
/// keep the height-for-width flag that setWordWrap() set.
void expandWrapped(QLabel *label)
{
    QSizePolicy policy = label->sizePolicy();
    policy.setHorizontalPolicy(QSizePolicy::Expanding);
    label->setSizePolicy(policy);
}

QString capitalised(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

} // namespace

ProfileDialog::ProfileDialog(ConnectionProfile profile, SecretStore *secrets, QWidget *parent)
    : QDialog(parent)
    , m_original(std::move(profile))
    , m_secrets(secrets)
{
    setWindowTitle(tr("Connection Profile"));
    auto *outer = new QVBoxLayout(this);
    m_form = new QFormLayout;
    outer->addLayout(m_form);
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_form->addRow(tr("&Name:"), m_name);

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kindCombo"));
    m_kind->addItem(tr("Remote PostgreSQL"), int(Kind::RemotePostgres));
    m_kind->addItem(tr("SQLite file"), int(Kind::SqliteFile));
    if (m_original.kind == Kind::Sandbox)
        m_kind->addItem(tr("Sandbox (made by Retort)"), int(Kind::Sandbox));
    else if (m_original.kind == Kind::DockerContainer)
        m_kind->addItem(tr("Docker container (made by Retort)"), int(Kind::DockerContainer));
    m_form->addRow(tr("&Kind:"), m_kind);

    m_environment = new QComboBox(this);
    m_environment->setObjectName(QStringLiteral("environmentCombo"));
    const std::pair<Environment, QString> environments[] = {{Environment::Local, tr("Local")},
                                                            {Environment::Dev, tr("Dev")},
                                                            {Environment::Staging, tr("Staging")},
                                                            {Environment::Production, tr("Production")}};
    for (const auto &[environment, text] : environments)
        m_environment->addItem(swatch(ConnectionProfile::environmentColor(environment)), text, int(environment));
    m_form->addRow(tr("&Environment:"), m_environment);
    m_productionWarning = new QLabel(tr("⚠ Production: runs will ask you to type the database name."), this);
    m_productionWarning->setObjectName(QStringLiteral("productionWarning"));
    setTextColor(m_productionWarning, QColor(ConnectionProfile::environmentColor(Environment::Production)));
    m_form->addRow(QString(), m_productionWarning);

    m_connectVia = new QComboBox(this);
    m_connectVia->setObjectName(QStringLiteral("connectViaCombo"));
    m_connectVia->addItem(tr("Host and port"));
    m_connectVia->addItem(tr("libpq service (pg_service.conf)"));
    m_form->addRow(tr("Connect &via:"), m_connectVia);

    m_host = new QLineEdit(this);
    m_host->setObjectName(QStringLiteral("hostEdit"));
    m_form->addRow(tr("&Host:"), m_host);
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("portSpin"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("default (5432)"));
    m_form->addRow(tr("&Port:"), m_port);
    m_service = new QLineEdit(this);
    m_service->setObjectName(QStringLiteral("serviceEdit"));
    m_service->setPlaceholderText(tr("a [section] of pg_service.conf"));
    m_form->addRow(tr("&Service:"), m_service);
    m_database = new QLineEdit(this);
    m_database->setObjectName(QStringLiteral("databaseEdit"));
    m_form->addRow(tr("&Database:"), m_database);
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("userEdit"));
    m_form->addRow(tr("&User:"), m_user);

    m_sslMode = new QComboBox(this);
    m_sslMode->setObjectName(QStringLiteral("sslModeCombo"));
    m_sslMode->addItem(tr("default"), QString());
    for (const char *mode : {"disable", "allow", "prefer", "require", "verify-ca", "verify-full"})
        m_sslMode->addItem(QString::fromLatin1(mode), QString::fromLatin1(mode));
    m_form->addRow(tr("SS&L mode:"), m_sslMode);
    m_sslRootCert = new QLineEdit(this);
    m_sslRootCert->setObjectName(QStringLiteral("sslRootCertEdit"));
    m_sslRootCert->setPlaceholderText(tr("optional, for verify-ca and verify-full"));
    m_sslRootCertBrowse = new QPushButton(tr("Browse…"), this);
    m_sslRootCertBrowse->setObjectName(QStringLiteral("sslRootCertBrowseButton"));
    m_sslRootCertRow = withBrowse(m_sslRootCert, m_sslRootCertBrowse, this);
    m_form->addRow(tr("&Root certificate:"), m_sslRootCertRow);

    m_container = new QLabel(this);
    m_container->setObjectName(QStringLiteral("containerLabel"));
    m_container->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_form->addRow(tr("Container:"), m_container);

    m_sqlitePath = new QLineEdit(this);
    m_sqlitePath->setObjectName(QStringLiteral("sqlitePathEdit"));
    m_sqliteBrowse = new QPushButton(tr("Browse…"), this);
    m_sqliteBrowse->setObjectName(QStringLiteral("sqliteBrowseButton"));
    m_sqliteRow = withBrowse(m_sqlitePath, m_sqliteBrowse, this);
    m_form->addRow(tr("&File:"), m_sqliteRow);

    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("not stored in the profile"));
    m_form->addRow(tr("Pass&word:"), m_password);
    m_remember = new QCheckBox(tr("Re&member in the keychain"), this);
    m_remember->setObjectName(QStringLiteral("rememberCheck"));
    m_form->addRow(QString(), m_remember);

    m_test = new QPushButton(tr("&Test Connection"), this);
    m_test->setObjectName(QStringLiteral("testButton"));
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("testResultLabel"));
    m_result->setWordWrap(true);
    expandWrapped(m_result);
    m_result->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setTextFormat(Qt::PlainText);
    // Below the form: QFormLayout sizes a wrapped label's row by its size hint (a narrow wrap,
    // too tall), a box layout by its height for the width it gets.
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test, 0, Qt::AlignTop);
    testRow->addWidget(m_result, 1);
    outer->addLayout(testRow);

    auto *buttons = new QDialogButtonBox(this);
    if (isManaged()) {
        buttons->setStandardButtons(QDialogButtonBox::Close);
    } else {
        buttons->setStandardButtons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
        m_ok = buttons->button(QDialogButtonBox::Ok);
    }
    outer->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    fill(m_original);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &ProfileDialog::updateVisibility);
    connect(m_connectVia, &QComboBox::currentIndexChanged, this, &ProfileDialog::updateVisibility);
    connect(m_environment, &QComboBox::currentIndexChanged, this, &ProfileDialog::updateEnvironment);
    for (QLineEdit *edit : {m_name, m_host, m_service, m_database, m_user, m_sqlitePath})
        connect(edit, &QLineEdit::textChanged, this, &ProfileDialog::updateOk);
    connect(m_sslRootCertBrowse, &QPushButton::clicked, this, &ProfileDialog::browseSslRootCert);
    connect(m_sqliteBrowse, &QPushButton::clicked, this, &ProfileDialog::browseSqlite);
    connect(m_test, &QPushButton::clicked, this, &ProfileDialog::startTest);

    updateVisibility();
    updateEnvironment();
    updateRemember();
    setMinimumWidth(520);
}

ProfileDialog::~ProfileDialog()
{
    // A running test owns copies of everything it needs and deletes its thread when done; its
    // result connection has this dialog as context, so it is dropped with the dialog.
    if (m_testThread)
        m_testThread->disconnect(this);
}

void ProfileDialog::fill(const ConnectionProfile &profile)
{
    m_name->setText(profile.name);
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(int(profile.kind))));
    m_environment->setCurrentIndex(std::max(0, m_environment->findData(int(profile.environment))));
    m_connectVia->setCurrentIndex(!profile.service.isEmpty() && profile.host.isEmpty() ? 1 : 0);
    m_host->setText(profile.host);
    m_port->setValue(profile.port);
    m_service->setText(profile.service);
    m_database->setText(profile.database);
    m_user->setText(profile.user);
    int ssl = m_sslMode->findData(profile.sslMode);
    if (ssl < 0) { // a mode this dialog does not list: keep it rather than lose it
        m_sslMode->addItem(profile.sslMode, profile.sslMode);
        ssl = m_sslMode->count() - 1;
    }
    m_sslMode->setCurrentIndex(ssl);
    m_sslRootCert->setText(profile.sslRootCert);
    m_sqlitePath->setText(profile.sqlitePath);
    m_container->setText(profile.containerName.isEmpty() ? profile.containerId : profile.containerName);

    if (isManaged()) {
        for (QLineEdit *edit : {m_name, m_host, m_service, m_database, m_user, m_sslRootCert, m_sqlitePath})
            edit->setReadOnly(true);
        m_port->setReadOnly(true);
        for (QComboBox *combo : {m_kind, m_environment, m_connectVia, m_sslMode})
            combo->setEnabled(false);
        m_sslRootCertBrowse->setEnabled(false);
        m_sqliteBrowse->setEnabled(false);
    }
}

ConnectionProfile ProfileDialog::profile() const
{
    if (isManaged())
        return m_original;
    ConnectionProfile p = m_original;
    p.name = m_name->text().trimmed();
    p.kind = currentKind();
    p.environment = Environment(m_environment->currentData().toInt());
    if (p.kind == Kind::SqliteFile) {
        p.host.clear();
        p.port = 0;
        p.service.clear();
        p.database.clear();
        p.user.clear();
        p.sslMode.clear();
        p.sslRootCert.clear();
        p.sqlitePath = m_sqlitePath->text().trimmed();
        return p;
    }
    if (usesService()) {
        p.host.clear();
        p.port = 0;
        p.service = m_service->text().trimmed();
    } else {
        p.host = m_host->text().trimmed();
        p.port = m_port->value();
        p.service.clear();
    }
    p.database = m_database->text().trimmed();
    p.user = m_user->text().trimmed();
    p.sslMode = m_sslMode->currentData().toString();
    p.sslRootCert = m_sslRootCert->text().trimmed();
    p.sqlitePath.clear();
    return p;
}

QString ProfileDialog::password() const
{
    return m_password->text();
}

void ProfileDialog::setPassword(const QString &password)
{
    m_password->setText(password);
}

bool ProfileDialog::rememberPassword() const
{
    return m_remember->isEnabled() && m_remember->isChecked() && currentKind() == Kind::RemotePostgres;
}

void ProfileDialog::setKeychainAvailable(bool available, const QString &reason)
{
    m_keychainAvailable = available;
    m_remember->setToolTip(reason);
    updateRemember();
}

bool ProfileDialog::isTesting() const
{
    return m_testThread != nullptr;
}

bool ProfileDialog::isManaged() const
{
    return m_original.kind == Kind::Sandbox || m_original.kind == Kind::DockerContainer;
}

bool ProfileDialog::usesService() const
{
    return m_connectVia->currentIndex() == 1;
}

ConnectionProfile::Kind ProfileDialog::currentKind() const
{
    return Kind(m_kind->currentData().toInt());
}

void ProfileDialog::updateVisibility()
{
    const Kind kind = currentKind();
    const bool remote = kind == Kind::RemotePostgres;
    const bool postgres = kind != Kind::SqliteFile;
    const bool service = remote && usesService();
    m_form->setRowVisible(m_connectVia, remote);
    m_form->setRowVisible(m_host, postgres && !service);
    m_form->setRowVisible(m_port, postgres && !service);
    m_form->setRowVisible(m_service, service);
    m_form->setRowVisible(m_database, postgres);
    m_form->setRowVisible(m_user, postgres);
    m_form->setRowVisible(m_sslMode, remote);
    m_form->setRowVisible(m_sslRootCertRow, remote);
    m_form->setRowVisible(m_container, kind == Kind::DockerContainer);
    m_form->setRowVisible(m_sqliteRow, kind == Kind::SqliteFile);
    m_form->setRowVisible(m_password, postgres);
    m_form->setRowVisible(m_remember, remote);
    // With a service, database and user come from pg_service.conf unless given here.
    const QString fromService = service ? tr("from the service") : QString();
    m_database->setPlaceholderText(fromService);
    m_user->setPlaceholderText(fromService);
    m_result->clear();
    updateOk();
    growToFit();
}

void ProfileDialog::updateEnvironment()
{
    m_form->setRowVisible(m_productionWarning,
                          Environment(m_environment->currentData().toInt()) == Environment::Production);
    growToFit();
}

void ProfileDialog::growToFit()
{
    // A top-level window does not grow by itself for rows shown or text wrapped later.
    layout()->activate();
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width()) : sizeHint().height();
    if (height() < needed)
        resize(width(), needed);
}

void ProfileDialog::updateRemember()
{
    const bool usable = m_secrets != nullptr && m_keychainAvailable && !isManaged();
    m_remember->setEnabled(usable);
    if (!m_secrets)
        m_remember->setToolTip(tr("No keychain is available: the password is kept for this session only."));
}

void ProfileDialog::updateOk()
{
    if (!m_ok)
        return;
    const auto filled = [](const QLineEdit *edit) { return !edit->text().trimmed().isEmpty(); };
    bool ok = filled(m_name);
    switch (currentKind()) {
    case Kind::SqliteFile:
        ok = ok && filled(m_sqlitePath);
        break;
    case Kind::RemotePostgres:
        ok = ok && (usesService() ? filled(m_service) : filled(m_host) && filled(m_database) && filled(m_user));
        break;
    case Kind::Sandbox:
    case Kind::DockerContainer:
        break;
    }
    m_ok->setEnabled(ok);
}

void ProfileDialog::startTest()
{
    if (m_testThread)
        return;
    const ConnectionProfile profile = this->profile();
    const QString password = m_password->text();
    // The test blocks for up to its timeout: run it on its own thread, hand the value back queued.
    auto result = std::make_shared<ConnectionTestResult>();
    QThread *thread =
        QThread::create([profile, password, result] { *result = ConnectionTester::test(profile, password, 10); });
    m_testThread = thread;
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    connect(thread, &QThread::finished, this, [this, result] { showResult(*result); });
    m_test->setEnabled(false);
    m_result->setText(tr("Testing…"));
    m_result->setToolTip(QString());
    setTextColor(m_result, palette().color(QPalette::WindowText));
    thread->start();
}

void ProfileDialog::showResult(const ConnectionTestResult &result)
{
    m_testThread = nullptr; // the thread deletes itself
    m_test->setEnabled(true);
    const QString message = capitalised(result.message);
    m_result->setText(result.ok() ? tr("✓ %1").arg(message) : tr("✗ %1").arg(message));
    m_result->setToolTip(result.detail);
    setTextColor(m_result, result.ok() ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
    growToFit();
    emit testFinished(result.ok());
}

void ProfileDialog::browseSslRootCert()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Root Certificate"), m_sslRootCert->text(),
                                                      tr("Certificates (*.crt *.pem);;All files (*)"));
    if (!path.isEmpty())
        m_sslRootCert->setText(path);
}

void ProfileDialog::browseSqlite()
{
    // An existing database or the name of a new one: Alembic creates the file on first upgrade.
    const QString path = QFileDialog::getSaveFileName(this, tr("SQLite Database"), m_sqlitePath->text(),
                                                      tr("SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)"),
                                                      nullptr, QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty())
        m_sqlitePath->setText(path);
}

} // namespace retort
