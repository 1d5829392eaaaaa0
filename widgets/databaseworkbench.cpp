#include "databaseworkbench.h"

#include "alembicservice.h"
#include "composeservicestarter.h"
#include "dockerclient.h"
#include "databaselabel.h"
#include "passworddialog.h"
#include "passwordprompter.h"
#include "passwordresolver.h"
#include "profiledialog.h"
#include "profilestore.h"
#include "sandboxservice.h"
#include "schemaloader.h"
#include "schemapanel.h"
#include "secretkeeper.h"
#include "secretstore.h"
#include "sqltouchedobjects.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QPointer>
#include <QThread>
#include <algorithm>

namespace retort {

namespace {

QString sandboxName()
{
    return DatabaseWorkbench::tr("sandbox");
}

/// The environment tag's word.
QString environmentWord(ConnectionProfile::Environment environment)
{
    switch (environment) {
    case ConnectionProfile::Environment::Local:
        return DatabaseWorkbench::tr("local");
    case ConnectionProfile::Environment::Dev:
        return DatabaseWorkbench::tr("dev");
    case ConnectionProfile::Environment::Staging:
        return DatabaseWorkbench::tr("staging");
    case ConnectionProfile::Environment::Production:
        return DatabaseWorkbench::tr("production");
    }
    return {};
}

/// "host:port" of a profile, for messages.
QString address(const ConnectionProfile &profile)
{
    if (!profile.service.isEmpty() && profile.host.isEmpty())
        return QStringLiteral("service=") + profile.service;
    return QStringLiteral("%1:%2")
        .arg(profile.host.isEmpty() ? QStringLiteral("localhost") : profile.host)
        .arg(profile.port > 0 ? profile.port : 5432);
}

} // namespace

DatabaseWorkbench::DatabaseWorkbench(AlembicService *alembic, const QString &sandboxFolder, QSettings *settings,
                                     QObject *parent)
    : QObject(parent)
    , m_alembic(alembic)
    , m_sandbox(new SandboxService(sandboxFolder, this))
    , m_status(new QLabel)
    , m_environment(new QLabel)
    , m_schemaPanel(new SchemaPanel)
    , m_loader(new SchemaLoader(this))
    , m_secrets(new SecretKeeper(SecretKeeper::systemKeychain(), this))
    , m_compose(new ComposeServiceStarter(this))
    , m_prompter(new PasswordPrompter(m_secrets, this))
    , m_settings(settings)
{
    m_schemaPanel->setObjectName(QStringLiteral("schemaPanel"));
    connect(m_schemaPanel, &SchemaPanel::refreshRequested, this, &DatabaseWorkbench::refresh);
    connect(m_schemaPanel, &SchemaPanel::cancelRequested, this, [this] {
        m_compose->cancel();
        m_loader->cancel();
    });
    connect(m_schemaPanel, &SchemaPanel::sourceChosen, this, &DatabaseWorkbench::chooseSource);
    connect(m_schemaPanel, &SchemaPanel::discoverRequested, this, &DatabaseWorkbench::discoverContainers);
    connect(m_schemaPanel, &SchemaPanel::startServiceRequested, this, &DatabaseWorkbench::startComposeService);
    connect(m_schemaPanel, &SchemaPanel::addSourceRequested, this, [this] {
        ConnectionProfile profile;
        profile.kind = ConnectionProfile::Kind::RemotePostgres;
        profile.environment = ConnectionProfile::Environment::Dev;
        m_secrets->checkKeychain();
        ProfileDialog dialog(profile, m_secrets->keychain().get(), m_schemaPanel->window());
        dialog.setKeychainAvailable(m_secrets->keychain() != nullptr, m_secrets->keychainProblem());
        connect(m_secrets, &SecretKeeper::keychainChecked, &dialog, &ProfileDialog::setKeychainAvailable);
        if (dialog.exec() == QDialog::Accepted)
            addProfile(dialog.profile(), dialog.password(), dialog.rememberPassword());
    });
    connect(m_loader, &SchemaLoader::busyChanged, this, &DatabaseWorkbench::updateBusy);
    connect(m_loader, &SchemaLoader::progress, m_schemaPanel, &SchemaPanel::setProgress);
    connect(m_loader, &SchemaLoader::loaded, this, &DatabaseWorkbench::schemaLoaded);
    connect(m_loader, &SchemaLoader::failed, this, [this](const QString &message, SchemaLoader::Failure failure) {
        schemaFailed(message, failure == SchemaLoader::Failure::Authentication);
    });

    connect(m_prompter, &PasswordPrompter::info, this, &DatabaseWorkbench::info);
    connect(m_prompter, &PasswordPrompter::error, this, &DatabaseWorkbench::error);
    connect(m_prompter, &PasswordPrompter::asked, this, &DatabaseWorkbench::passwordRequested);
    connect(m_prompter, &PasswordPrompter::passwordGiven, this, [this](const QString &profileId) {
        if (profileId == m_source)
            refresh();
    });

    connect(m_compose, &ComposeServiceStarter::stateChanged, this, &DatabaseWorkbench::composeStateChanged);
    connect(m_compose, &ComposeServiceStarter::output, this, &DatabaseWorkbench::info);
    connect(m_compose, &ComposeServiceStarter::ready, this,
            [this](const ConnectionProfile &profile) { composeReady(profile); });
    connect(m_compose, &ComposeServiceStarter::failed, this, [this](const QString &message) {
        emit error(message);
        m_schemaPanel->setError(message);
    });

    m_status->setObjectName(QStringLiteral("databaseStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_environment->setObjectName(QStringLiteral("databaseEnvironment"));
    m_environment->setTextFormat(Qt::PlainText);
    m_environment->hide();
    updateSources();
    connect(m_sandbox, &SandboxService::ready, this, &DatabaseWorkbench::sandboxReady);
    connect(m_sandbox, &SandboxService::failed, this, [this](const QString &database, const QString &message) {
        if (database != m_database)
            return;
        // No PostgreSQL here: an SQLite file stands in, so there is still a schema to look at.
        m_sqliteSandbox = m_sandbox->sqliteFallback(database);
        QDir().mkpath(QFileInfo(m_sqliteSandbox).absolutePath());
        QFile file(m_sqliteSandbox); // an empty file is an empty SQLite database
        if (!file.exists())
            file.open(QIODevice::WriteOnly);
        m_status->setText(tr("◉ SQLite sandbox"));
        m_status->setToolTip(message);
        emit error(tr("The PostgreSQL sandbox could not start (%1); using an SQLite file instead: %2")
                       .arg(message, m_sqliteSandbox));
        if (m_source == sandboxSourceId())
            refresh();
    });
    connect(m_alembic, &AlembicService::databaseUpgraded, this, [this](quint64 id) {
        if (id != m_upgrade)
            return;
        m_upgrade = 0;
        emit info(tr("The sandbox database %1 is upgraded to heads").arg(m_database));
        refresh();
    });
    connect(m_alembic, &AlembicService::databaseUpgradeFailed, this, [this](quint64 id, const BridgeError &failure) {
        if (id != m_upgrade)
            return;
        m_upgrade = 0;
        emit error(tr("Alembic could not upgrade the sandbox: %1").arg(failure.message));
        refresh();
    });
}

DatabaseWorkbench::~DatabaseWorkbench()
{
    delete m_prompter; // and its dialog
    m_prompter = nullptr;
    // A container search still running (and the loader's, keeper's and starter's own threads).
    const QList<QThread *> threads = findChildren<QThread *>();
    for (QThread *thread : threads)
        thread->wait();
    delete m_status.data(); // only while no status bar has taken it (QPointer: null once deleted)
    delete m_environment.data();
    delete m_schemaPanel.data();
}

void DatabaseWorkbench::setProject(const Project &project)
{
    const QString database = SandboxService::databaseNameFor(project.config().projectRoot());
    m_project = project;
    findComposeServices(project);
    if (database == m_database)
        return; // a rescan of the same project: the sandbox stays where it is
    if (m_upgrade) {
        m_alembic->cancel(m_upgrade); // that project's upgrade: its answer no longer matters here
        m_upgrade = 0;
    }
    m_database = database;
    m_sqliteSandbox.clear();
    m_status->setText(tr("Starting the sandbox…"));
    m_status->setToolTip(QString());
    updateEnvironment();
    m_sandbox->ensureDatabase(database);
}

void DatabaseWorkbench::clearProject()
{
    m_project = Project();
    m_database.clear();
    if (m_upgrade) {
        m_alembic->cancel(m_upgrade);
        m_upgrade = 0;
    }
    m_compose->cancel();
    m_composeFile.clear();
    m_composeServices.clear();
    m_schemaPanel->setServices({}, QString());
    m_status->clear();
    m_schemaPanel->clear();
    updateEnvironment();
    emit databaseRevisionsChanged(sandboxName(), QString::fromLatin1(kSandboxColor), {});
}

void DatabaseWorkbench::sandboxReady(const QString &database)
{
    if (database == m_database && m_source == sandboxSourceId())
        refresh();
}

void DatabaseWorkbench::schemaLoaded(const SchemaSnapshot &snapshot)
{
    const bool sandbox = m_source == sandboxSourceId();
    // A new, empty sandbox database of a small project: bring it to heads so there is a schema to
    // see (once per database; the helper refuses if env.py would connect anywhere else).
    if (sandbox && !snapshot.hasAlembicVersion() && snapshot.tables().isEmpty() && !m_project.graph().isEmpty() &&
        m_project.graph().size() <= kAutoUpgradeLimit && !m_upgraded.contains(m_database)) {
        m_upgraded.append(m_database);
        m_status->setText(tr("Upgrading the sandbox…"));
        emit info(tr("Upgrading the new sandbox database %1 to heads").arg(m_database));
        m_upgrade =
            m_alembic->upgradeDatabase(m_sqliteSandbox.isEmpty() ? m_sandbox->sqlalchemyUrl(m_database)
                                                                 : QStringLiteral("sqlite:///") + m_sqliteSandbox);
        if (m_upgrade != 0)
            return;
    }
    QString name;
    QString color;
    currentName(&name, &color);
    m_schemaPanel->setSnapshot(snapshot, !sandbox                    ? name
                                         : m_sqliteSandbox.isEmpty() ? tr("sandbox · %1").arg(m_database)
                                                                     : tr("SQLite sandbox · %1").arg(m_sqliteSandbox));
    setSql(m_sql, QStringLiteral("postgresql"));
    const QStringList versions = snapshot.alembicVersions();
    const QString where = versions.isEmpty() ? tr("empty") : versions.join(QStringLiteral(", "));
    if (sandbox) {
        m_status->setText((m_sqliteSandbox.isEmpty() ? tr("◉ Sandbox: %1") : tr("◉ SQLite sandbox: %1")).arg(where));
        m_status->setToolTip(tr("Retort's private PostgreSQL (%1), database %2").arg(m_sandbox->folder(), m_database));
    } else if (const std::optional<ConnectionProfile> profile = currentProfile()) {
        m_status->setText(tr("◉ %1: %2").arg(name, versions.isEmpty() ? tr("no alembic_version") : where));
        m_status->setToolTip(profile->isPostgres()
                                 ? tr("%1, database %2 as %3").arg(address(*profile), profile->database, profile->user)
                                 : profile->sqlitePath);
    }
    emit databaseRevisionsChanged(name, color, versions);
    emit schemaShown();
}

void DatabaseWorkbench::schemaFailed(const QString &message, bool authentication)
{
    QString name;
    QString color;
    currentName(&name, &color);
    m_status->setText(m_source == sandboxSourceId() ? tr("⚠ Sandbox unreachable")
                      : authentication              ? tr("⚠ %1: login refused").arg(name)
                                                    : tr("⚠ %1 unreachable").arg(name));
    m_status->setToolTip(message);
    m_schemaPanel->setError(tr("The schema could not be read: %1").arg(message));
    emit databaseRevisionsChanged(name, color, {});
    const std::optional<ConnectionProfile> profile = currentProfile();
    if (authentication && profile && profile->isPostgres())
        m_prompter->ask(*profile, message, m_schemaPanel->window());
    emit schemaShown();
}

void DatabaseWorkbench::refresh()
{
    if (m_source == sandboxSourceId()) {
        const QString connection = sandboxConnection();
        if (!connection.isEmpty())
            m_loader->load(connection);
        return;
    }
    const std::optional<ConnectionProfile> profile = currentProfile();
    if (!profile)
        return;
    const QString password = knownPassword(*profile);
    if (password.isEmpty() && profile->isPostgres())
        m_secrets->checkKeychain(); // once: a password prompt then knows whether it can offer the keychain
    // Without a known password the loader's thread asks the keychain, $PGPASSWORD and ~/.pgpass.
    m_loader->load(*profile, password, password.isEmpty() ? m_secrets->keychain() : nullptr);
}

std::optional<RunDestination> DatabaseWorkbench::runDestination(QString *why) const
{
    if (m_source == sandboxSourceId()) {
        if (m_database.isEmpty()) {
            if (why)
                *why = tr("The sandbox has not started yet.");
            return std::nullopt;
        }
        const QString url = m_sqliteSandbox.isEmpty() ? m_sandbox->sqlalchemyUrl(m_database)
                                                       : QStringLiteral("sqlite:///") + m_sqliteSandbox;
        return RunDestination{url, tr("Sandbox · %1").arg(m_database), m_database, chosenProfileName(),
                              QStringLiteral("local"), QString::fromLatin1(kSandboxColor)};
    }
    const std::optional<ConnectionProfile> profile = currentProfile();
    if (!profile) {
        if (why)
            *why = tr("Choose a database in the schema pane first.");
        return std::nullopt;
    }
    const QString password = knownPassword(*profile);
    const QString url = profile->toSqlalchemyUrl(password);
    RunDestination destination{url, databaseLabel(url), profile->isPostgres() ? profile->database : profile->name,
                               profile->name, ConnectionProfile::environmentName(profile->environment), profile->color()};
    // A password kept in the keychain only: the run reads it on a worker thread (the keychain is D-Bus).
    const std::shared_ptr<SecretStore> keychain = m_secrets->keychain();
    if (password.isEmpty() && profile->isPostgres() && !profile->id.isEmpty() && keychain) {
        destination.keychainUrl = [profile = *profile, keychain](QString *problem) {
            const std::optional<QString> secret = keychain->read(PasswordResolver::keychainKey(profile), problem);
            return secret && !secret->isEmpty() ? profile.toSqlalchemyUrl(*secret) : QString();
        };
    }
    return destination;
}

QString DatabaseWorkbench::chosenProfileName() const
{
    if (m_source == sandboxSourceId())
        return tr("Sandbox");
    const std::optional<ConnectionProfile> profile = currentProfile();
    return profile ? profile->name : QString();
}

QList<ConnectionProfile> DatabaseWorkbench::profiles() const
{
    QList<ConnectionProfile> list;
    if (m_settings)
        list = ProfileStore(*m_settings).profiles();
    for (const QList<DiscoveredDatabase> *found : {&m_discovered, &m_started}) {
        for (const DiscoveredDatabase &database : *found)
            list.append(database.profile);
    }
    return list;
}

std::optional<ConnectionProfile> DatabaseWorkbench::currentProfile() const
{
    if (m_source == sandboxSourceId())
        return std::nullopt;
    for (const ConnectionProfile &profile : profiles()) {
        if (profile.id == m_source)
            return profile;
    }
    return std::nullopt;
}

QString DatabaseWorkbench::knownPassword(const ConnectionProfile &profile) const
{
    // What the user typed wins over what a container or compose file says.
    if (const std::optional<QString> typed = m_secrets->sessionPassword(profile))
        return *typed;
    for (const QList<DiscoveredDatabase> *found : {&m_discovered, &m_started}) {
        for (const DiscoveredDatabase &database : *found) {
            if (database.profile.id == profile.id)
                return database.password;
        }
    }
    return {};
}

PasswordDialog *DatabaseWorkbench::passwordPrompt() const
{
    return m_prompter->dialog();
}

QString DatabaseWorkbench::sandboxConnection() const
{
    if (!m_database.isEmpty() && !m_sqliteSandbox.isEmpty())
        return QStringLiteral("sqlite:///") + m_sqliteSandbox;
    if (m_database.isEmpty() || m_sandbox->state() != SandboxService::State::Running)
        return {};
    return m_sandbox->connectionString(m_database);
}

void DatabaseWorkbench::currentName(QString *name, QString *color) const
{
    if (const std::optional<ConnectionProfile> profile = currentProfile()) {
        *name = profile->name;
        *color = profile->color();
        return;
    }
    *name = sandboxName();
    *color = QString::fromLatin1(kSandboxColor);
}

void DatabaseWorkbench::updateSources()
{
    QList<SchemaPanel::Source> sources{
        {sandboxSourceId(), tr("Sandbox (Retort's PostgreSQL)"), QString::fromLatin1(kSandboxColor)}};
    for (const ConnectionProfile &profile : profiles())
        sources.append({profile.id,
                        tr("%1 — %2").arg(profile.name, ConnectionProfile::environmentName(profile.environment)),
                        profile.color()});
    m_schemaPanel->setSources(sources);
    m_schemaPanel->setCurrentSource(m_source);
    updateEnvironment();
}

void DatabaseWorkbench::updateEnvironment()
{
    // The sandbox is local, in its own colour (as in the list of databases and the graph's marks).
    const std::optional<ConnectionProfile> profile = currentProfile();
    if (!profile && m_database.isEmpty()) {
        m_environment->hide();
        return;
    }
    const ConnectionProfile::Environment environment =
        profile ? profile->environment : ConnectionProfile::Environment::Local;
    const QString color = profile ? profile->color() : QString::fromLatin1(kSandboxColor);
    const QString name = profile ? profile->name : sandboxName();
    m_environment->setText(environmentWord(environment));
    m_environment->setToolTip(tr("The schema pane shows %1, a %2 database").arg(name, environmentWord(environment)));
    m_environment->setStyleSheet(
        QStringLiteral("QLabel { background-color: %1; color: white; border-radius: 3px; padding: 0px 6px; "
                       "font-weight: bold; }")
            .arg(color));
    m_environment->setProperty("environment", ConnectionProfile::environmentName(environment));
    m_environment->setProperty("color", color);
    m_environment->show();
}

void DatabaseWorkbench::updateBusy()
{
    m_schemaPanel->setBusy(m_loader->isBusy() || m_compose->isBusy());
}

void DatabaseWorkbench::chooseSource(const QString &id)
{
    m_source = id;
    m_schemaPanel->setCurrentSource(id);
    updateEnvironment();
    emit profileChosen(chosenProfileName());
    if (id == sandboxSourceId() ? sandboxConnection().isEmpty() : !currentProfile()) {
        m_schemaPanel->clear(tr("Not connected yet"));
        return;
    }
    refresh();
}

QString DatabaseWorkbench::addProfile(ConnectionProfile profile, const QString &password, bool remember)
{
    if (!m_settings) {
        profile.id = profile.id.isEmpty() ? ProfileStore::newId() : profile.id;
        m_discovered.append({profile, password, {}, true}); // nowhere to save it: this session only
    } else {
        profile.id = ProfileStore(*m_settings).save(profile);
    }
    if (!password.isEmpty())
        m_secrets->keep(profile, password, remember);
    updateSources();
    chooseSource(profile.id);
    return profile.id;
}

void DatabaseWorkbench::findComposeServices(const Project &project)
{
    m_composeFile = DockerCompose::findFileUpwards(project.config().projectRoot());
    m_composeServices = DockerCompose::postgresServices(m_composeFile);
    QList<SchemaPanel::Service> offered;
    for (const DockerCompose::Service &service : std::as_const(m_composeServices)) {
        QStringList about;
        if (!service.image.isEmpty())
            about << service.image;
        about << (service.hostPort > 0 ? tr("port %1").arg(service.hostPort) : tr("no published port"));
        offered.append({service.name, about.join(QStringLiteral(" · "))});
    }
    m_schemaPanel->setServices(offered, m_composeFile);
}

void DatabaseWorkbench::startComposeService(const QString &name)
{
    const auto found = std::find_if(m_composeServices.cbegin(), m_composeServices.cend(),
                                    [&name](const DockerCompose::Service &service) { return service.name == name; });
    if (found == m_composeServices.cend())
        return;
    if (found->hostPort <= 0) {
        const QString message = tr("The service “%1” of %2 publishes no host port for PostgreSQL (5432), so Retort "
                                   "cannot reach it; add ports: [\"5432:5432\"] to it")
                                    .arg(name, m_composeFile);
        emit error(message);
        m_schemaPanel->setError(message);
        return;
    }
    const ConnectionProfile profile = DockerCompose::profileFor(*found, m_composeFile);
    emit info(tr("Starting the service “%1” of %2").arg(name, m_composeFile));
    m_compose->start(m_composeFile, *found, profile, found->password);
}

void DatabaseWorkbench::composeStateChanged()
{
    updateBusy();
    const QString name = m_compose->service();
    const DockerCompose::Service *service = nullptr;
    for (const DockerCompose::Service &candidate : std::as_const(m_composeServices)) {
        if (candidate.name == name)
            service = &candidate;
    }
    switch (m_compose->state()) {
    case ComposeServiceStarter::State::Starting:
        m_schemaPanel->setActivity(tr("Starting %1: docker compose up -d %1…").arg(name));
        break;
    case ComposeServiceStarter::State::Waiting:
        m_schemaPanel->setActivity(tr("Waiting for %1 to accept connections on port %2 (up to %3 s)…")
                                       .arg(name)
                                       .arg(service ? service->hostPort : 0)
                                       .arg(m_compose->acceptTimeoutMs() / 1000));
        break;
    case ComposeServiceStarter::State::Idle:
        m_schemaPanel->setActivity(QString());
        break;
    }
}

void DatabaseWorkbench::composeReady(const ConnectionProfile &profile)
{
    const auto same = [&profile](const DiscoveredDatabase &database) { return database.profile.id == profile.id; };
    m_started.removeIf(same);
    QString password;
    QString image;
    for (const DockerCompose::Service &service : std::as_const(m_composeServices)) {
        if (service.name == profile.containerName) {
            password = service.password;
            image = service.image;
        }
    }
    m_started.append({profile, password, image, true});
    emit info(tr("%1 accepts connections at %2").arg(profile.name, address(profile)));
    updateSources();
    chooseSource(profile.id);
}

void DatabaseWorkbench::discoverContainers()
{
    if (m_discovering)
        return;
    m_discovering = true;
    QPointer<DatabaseWorkbench> self(this);
    QThread *thread = QThread::create([self] {
        QString failure;
        const std::optional<QList<DiscoveredDatabase>> found = DockerClient().postgresContainers(&failure);
        QMetaObject::invokeMethod(
            self.data(),
            [self, found, failure] {
                if (!self)
                    return;
                self->m_discovering = false;
                if (!found) {
                    emit self->error(tr("No containers: %1").arg(failure));
                    return;
                }
                self->m_discovered = *found;
                emit self->info(tr("Found %n PostgreSQL container(s)", nullptr, int(found->size())));
                self->updateSources();
            },
            Qt::QueuedConnection);
    });
    thread->setParent(this);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void DatabaseWorkbench::setSql(const QString &sql, const QString &dialect)
{
    m_sql = dialect == u"postgresql" ? sql : QString();
    QList<TouchedObject> touched = SqlTouchedObjects::find(m_sql);
    // Every revision writes Alembic's own bookkeeping table: marking it would only hide the rest.
    touched.removeIf([](const TouchedObject &object) { return object.name == u"alembic_version"; });
    m_schemaPanel->setTouched(touched);
}

} // namespace retort
