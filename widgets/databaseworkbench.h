#pragma once

#include "connectionprofile.h"
#include "discovereddatabase.h"
#include "project.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include "schemapanel.h"

#include <QLabel>

class QSettings;

namespace retort {

class AlembicService;
class SandboxService;
class SchemaLoader;


/// The databases of the open project, as the window shows them: Retort's embedded sandbox (an SQLite
/// file when PostgreSQL's binaries are missing),
/// started when a project opens (off the GUI thread), one database per project; a fresh sandbox
/// database of a small project is upgraded to heads through Alembic so that there is a live schema
/// to look at; where the sandbox is (its alembic_version) is reported for the graph.
class DatabaseWorkbench : public QObject
{
    Q_OBJECT

public:
    /// The colour of the sandbox's environment tag (local).
    static constexpr const char *kSandboxColor = "#00838f";
    /// Projects with more revisions are not upgraded automatically (it could take a while).
    static constexpr int kAutoUpgradeLimit = 200;

    /// \a sandboxFolder: empty for the default place (PostgresServer::defaultFolder()). \a settings
    /// (may be null) keeps the connection profiles (never their passwords).
    DatabaseWorkbench(AlembicService *alembic, const QString &sandboxFolder, QSettings *settings = nullptr,
                      QObject *parent = nullptr);
    ~DatabaseWorkbench() override;

    SandboxService *sandbox() const { return m_sandbox; }
    QLabel *statusLabel() const { return m_status; }
    /// The live schema of the sandbox database; placed by the window.
    SchemaPanel *schemaPanel() const { return m_schemaPanel; }
    /// The sandbox database of the open project (empty before a project).
    QString sandboxDatabase() const { return m_database; }

    void setProject(const Project &project);
    void clearProject();
    /// Reads where the sandbox is and its schema again (after a run elsewhere, or on demand).
    void refresh();
    /// The SQL the preview shows: the objects it touches are marked in the schema (PostgreSQL).
    void setSql(const QString &sql, const QString &dialect);

    /// The id of the sandbox in the schema pane's list of databases.
    static QString sandboxSourceId() { return QStringLiteral("sandbox"); }
    /// Shows the schema of the database \a id (the sandbox, a saved profile or a found container).
    void chooseSource(const QString &id);
    /// Saves \a profile (never its password) and shows it; returns its id. \a password is kept for
    /// this session only.
    QString addProfile(ConnectionProfile profile, const QString &password = QString());
    /// Looks for PostgreSQL in running Docker or podman containers (off the GUI thread) and lists them.
    void discoverContainers();
    /// The profiles the pane offers besides the sandbox: saved ones, then found containers.
    QList<ConnectionProfile> profiles() const;

signals:
    /// \a database (a display name) is at \a revisions (empty: unknown or not migrated).
    void databaseRevisionsChanged(const QString &database, const QString &color, const QStringList &revisions);
    void info(const QString &message);
    void error(const QString &message);
    /// The schema pane shows a freshly read schema (or why it could not be read).
    void schemaShown();

private:
    void sandboxReady(const QString &database);
    void schemaLoaded(const SchemaSnapshot &snapshot);
    void updateSources();
    /// The connection string of the current source; empty with \a error when there is none.
    QString currentConnection(QString *name, QString *color) const;

    AlembicService *m_alembic = nullptr;
    SandboxService *m_sandbox = nullptr;
    QPointer<QLabel> m_status; ///< owned by the status bar once placed there
    QPointer<SchemaPanel> m_schemaPanel; ///< owned by its dock once placed there
    SchemaLoader *m_loader = nullptr;
    QString m_sql;
    Project m_project;
    QString m_database;
    quint64 m_upgrade = 0;
    QStringList m_upgraded; ///< sandbox databases already brought to heads once this session
    QSettings *m_settings = nullptr;
    QString m_source = sandboxSourceId();
    QList<DiscoveredDatabase> m_discovered;
    QHash<QString, QString> m_sessionPasswords; ///< by profile id, typed this session (never saved)
    bool m_discovering = false;
    QString m_sqliteSandbox; ///< the SQLite file standing in when PostgreSQL cannot run here
};

} // namespace retort
