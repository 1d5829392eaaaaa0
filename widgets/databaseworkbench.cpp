#include "databaseworkbench.h"

#include "alembicservice.h"
#include "sandboxservice.h"
#include "schemaloader.h"
#include "schemapanel.h"
#include "sqltouchedobjects.h"

#include <QLabel>

namespace retort {

namespace {

QString sandboxName()
{
    return DatabaseWorkbench::tr("sandbox");
}

} // namespace

DatabaseWorkbench::DatabaseWorkbench(AlembicService *alembic, const QString &sandboxFolder, QObject *parent)
    : QObject(parent)
    , m_alembic(alembic)
    , m_sandbox(new SandboxService(sandboxFolder, this))
    , m_status(new QLabel)
    , m_schemaPanel(new SchemaPanel)
    , m_loader(new SchemaLoader(this))
{
    m_schemaPanel->setObjectName(QStringLiteral("schemaPanel"));
    connect(m_schemaPanel, &SchemaPanel::refreshRequested, this, &DatabaseWorkbench::refresh);
    connect(m_schemaPanel, &SchemaPanel::cancelRequested, m_loader, &SchemaLoader::cancel);
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
    connect(m_sandbox, &SandboxService::ready, this, &DatabaseWorkbench::sandboxReady);
    connect(m_sandbox, &SandboxService::failed, this, [this](const QString &database, const QString &message) {
        if (database != m_database)
            return;
        m_status->setText(tr("⚠ No sandbox"));
        m_status->setToolTip(message);
        m_schemaPanel->clear(tr("The PostgreSQL sandbox could not start: %1").arg(message));
        emit schemaShown();
        emit error(tr("The PostgreSQL sandbox could not start: %1").arg(message));
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
    if (database == m_database)
        refresh();
}

void DatabaseWorkbench::schemaLoaded(const SchemaSnapshot &snapshot)
{
    // A new, empty sandbox database of a small project: bring it to heads so there is a schema to
    // see (once per database; the helper refuses if env.py would connect anywhere else).
    if (!snapshot.hasAlembicVersion() && snapshot.tables().isEmpty() && !m_project.graph().isEmpty()
        && m_project.graph().size() <= kAutoUpgradeLimit && !m_upgraded.contains(m_database)) {
        m_upgraded.append(m_database);
        m_status->setText(tr("Upgrading the sandbox…"));
        emit info(tr("Upgrading the new sandbox database %1 to heads").arg(m_database));
        m_upgrade = m_alembic->upgradeDatabase(m_sandbox->sqlalchemyUrl(m_database));
        if (m_upgrade != 0)
            return;
    }
    m_schemaPanel->setSnapshot(snapshot, tr("sandbox · %1").arg(m_database));
    setSql(m_sql, QStringLiteral("postgresql"));
    const QStringList versions = snapshot.alembicVersions();
    m_status->setText(tr("◉ Sandbox: %1").arg(versions.isEmpty() ? tr("empty") : versions.join(QStringLiteral(", "))));
    m_status->setToolTip(tr("Retort's private PostgreSQL (%1), database %2").arg(m_sandbox->folder(), m_database));
    emit databaseRevisionsChanged(sandboxName(), QString::fromLatin1(kSandboxColor), versions);
    emit schemaShown();
}

void DatabaseWorkbench::refresh()
{
    if (m_database.isEmpty() || m_sandbox->state() != SandboxService::State::Running)
        return;
    m_loader->load(m_sandbox->connectionString(m_database));
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
