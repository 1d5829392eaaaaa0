#include "databaseworkbench.h"

#include "alembicservice.h"
#include "dockerclient.h"
#include "passwordresolver.h"
#include "profiledialog.h"
#include "profilestore.h"
#include "sandboxservice.h"
#include "schemaloader.h"
#include "schemapanel.h"
#include "sqltouchedobjects.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QPointer>
#include <QThread>

namespace retort {

namespace {

QString sandboxName()
{
    return DatabaseWorkbench::tr("sandbox");
}

} // namespace

DatabaseWorkbench::DatabaseWorkbench(AlembicService *alembic, const QString &sandboxFolder, QSettings *settings,
                                     QObject *parent)
    : QObject(parent)
    , m_alembic(alembic)
    , m_sandbox(new SandboxService(sandboxFolder, this))
    , m_status(new QLabel)
    , m_schemaPanel(new SchemaPanel)
    , m_loader(new SchemaLoader(this))
    , m_settings(settings)
{
    m_schemaPanel->setObjectName(QStringLiteral("schemaPanel"));
    connect(m_schemaPanel, &SchemaPanel::refreshRequested, this, &DatabaseWorkbench::refresh);
    connect(m_schemaPanel, &SchemaPanel::cancelRequested, m_loader, &SchemaLoader::cancel);
    connect(m_schemaPanel, &SchemaPanel::sourceChosen, this, &DatabaseWorkbench::chooseSource);
    connect(m_schemaPanel, &SchemaPanel::discoverRequested, this, &DatabaseWorkbench::discoverContainers);
    connect(m_schemaPanel, &SchemaPanel::addSourceRequested, this, [this] {
        ConnectionProfile profile;
        profile.kind = ConnectionProfile::Kind::RemotePostgres;
        profile.environment = ConnectionProfile::Environment::Dev;
        // No keychain here yet: the password is kept for this session only (or comes from ~/.pgpass).
        ProfileDialog dialog(profile, nullptr, m_schemaPanel->window());
        if (dialog.exec() == QDialog::Accepted)
            addProfile(dialog.profile(), dialog.password());
    });
    connect(m_loader, &SchemaLoader::busyChanged, m_schemaPanel, &SchemaPanel::setBusy);
    connect(m_loader, &SchemaLoader::loaded, this, &DatabaseWorkbench::schemaLoaded);
    connect(m_loader, &SchemaLoader::failed, this, [this](const QString &message) {
        m_status->setText(tr("⚠ Sandbox unreachable"));
        m_status->setToolTip(message);
        m_schemaPanel->setError(tr("The schema could not be read: %1").arg(message));
        emit databaseRevisionsChanged(sandboxName(), QString::fromLatin1(kSandboxColor), {});
        emit schemaShown();
    });
    m_status->setObjectName(QStringLiteral("databaseStatus"));
    m_status->setTextFormat(Qt::PlainText);
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
        emit error(tr("The PostgreSQL sandbox could not start (%1); using an SQLite file instead: %2").arg(message, m_sqliteSandbox));
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
    const QList<QThread *> threads = findChildren<QThread *>();
    for (QThread *thread : threads)
        thread->wait(); // a container search still running
    delete m_status.data(); // only while no status bar has taken it (QPointer: null once deleted)
    delete m_schemaPanel.data();
}

void DatabaseWorkbench::setProject(const Project &project)
{
    const QString database = SandboxService::databaseNameFor(project.config().projectRoot());
    m_project = project;
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
    m_status->clear();
    m_schemaPanel->clear();
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
    if (sandbox && !snapshot.hasAlembicVersion() && snapshot.tables().isEmpty() && !m_project.graph().isEmpty()
        && m_project.graph().size() <= kAutoUpgradeLimit && !m_upgraded.contains(m_database)) {
        m_upgraded.append(m_database);
        m_status->setText(tr("Upgrading the sandbox…"));
        emit info(tr("Upgrading the new sandbox database %1 to heads").arg(m_database));
        m_upgrade = m_alembic->upgradeDatabase(m_sqliteSandbox.isEmpty() ? m_sandbox->sqlalchemyUrl(m_database)
                                                                         : QStringLiteral("sqlite:///") + m_sqliteSandbox);
        if (m_upgrade != 0)
            return;
    }
    QString name;
    QString color;
    currentConnection(&name, &color);
    m_schemaPanel->setSnapshot(snapshot, !sandbox ? name
                                         : m_sqliteSandbox.isEmpty() ? tr("sandbox · %1").arg(m_database)
                                                                     : tr("SQLite sandbox · %1").arg(m_sqliteSandbox));
    setSql(m_sql, QStringLiteral("postgresql"));
    const QStringList versions = snapshot.alembicVersions();
    if (sandbox) {
        m_status->setText((m_sqliteSandbox.isEmpty() ? tr("◉ Sandbox: %1") : tr("◉ SQLite sandbox: %1"))
                              .arg(versions.isEmpty() ? tr("empty") : versions.join(QStringLiteral(", "))));
        m_status->setToolTip(tr("Retort's private PostgreSQL (%1), database %2").arg(m_sandbox->folder(), m_database));
    }
    emit databaseRevisionsChanged(name, color, versions);
    emit schemaShown();
}

void DatabaseWorkbench::refresh()
{
    const QString connection = currentConnection(nullptr, nullptr);
    if (connection.isEmpty())
        return;
    m_loader->load(connection);
}

QList<ConnectionProfile> DatabaseWorkbench::profiles() const
{
    QList<ConnectionProfile> list;
    if (m_settings)
        list = ProfileStore(*m_settings).profiles();
    for (const DiscoveredDatabase &found : m_discovered)
        list.append(found.profile);
    return list;
}

QString DatabaseWorkbench::currentConnection(QString *name, QString *color) const
{
    if (m_source == sandboxSourceId()) {
        if (name)
            *name = sandboxName();
        if (color)
            *color = QString::fromLatin1(kSandboxColor);
        if (!m_database.isEmpty() && !m_sqliteSandbox.isEmpty())
            return QStringLiteral("sqlite:///") + m_sqliteSandbox;
        if (m_database.isEmpty() || m_sandbox->state() != SandboxService::State::Running)
            return {};
        return m_sandbox->connectionString(m_database);
    }
    for (const ConnectionProfile &profile : profiles()) {
        if (profile.id != m_source)
            continue;
        if (name)
            *name = profile.name;
        if (color)
            *color = profile.color();
        if (profile.kind == ConnectionProfile::Kind::SqliteFile)
            return QStringLiteral("sqlite:///") + profile.sqlitePath;
        QString password = m_sessionPasswords.value(profile.id);
        for (const DiscoveredDatabase &found : m_discovered)
            if (found.profile.id == profile.id)
                password = found.password;
        if (password.isEmpty())
            password = PasswordResolver().resolve(profile).password; // $PGPASSWORD, ~/.pgpass
        return profile.toLibpqConnectionString(password);
    }
    return {};
}

void DatabaseWorkbench::updateSources()
{
    QList<SchemaPanel::Source> sources{{sandboxSourceId(), tr("Sandbox (Retort's PostgreSQL)"), QString::fromLatin1(kSandboxColor)}};
    for (const ConnectionProfile &profile : profiles())
        sources.append({profile.id, tr("%1 — %2").arg(profile.name, ConnectionProfile::environmentName(profile.environment)),
                        profile.color()});
    m_schemaPanel->setSources(sources);
    m_schemaPanel->setCurrentSource(m_source);
}

void DatabaseWorkbench::chooseSource(const QString &id)
{
    m_source = id;
    m_schemaPanel->setCurrentSource(id);
    if (currentConnection(nullptr, nullptr).isEmpty()) {
        m_schemaPanel->clear(tr("Not connected yet"));
        return;
    }
    refresh();
}

QString DatabaseWorkbench::addProfile(ConnectionProfile profile, const QString &password)
{
    if (!m_settings) {
        profile.id = profile.id.isEmpty() ? ProfileStore::newId() : profile.id;
        m_discovered.append({profile, password, {}, true}); // nowhere to save it: this session only
    } else {
        profile.id = ProfileStore(*m_settings).save(profile);
    }
    if (!password.isEmpty())
        m_sessionPasswords.insert(profile.id, password);
    updateSources();
    chooseSource(profile.id);
    return profile.id;
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
