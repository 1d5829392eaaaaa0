#pragma once

#include "connectionprofile.h"
#include "discovereddatabase.h"
#include "dockercompose.h"
#include "project.h"
#include "rundestination.h"
#include "schemapanel.h"

#include <QHash>
#include <QLabel>
#include <QObject>
#include <QPointer>
#include <optional>

class QSettings;

namespace retort {

class AlembicService;
class ComposeServiceStarter;
class PasswordDialog;
class PasswordPrompter;
class SandboxService;
class SchemaLoader;
class SecretKeeper;

/// The databases of the open project, as the window shows them: Retort's embedded sandbox (an SQLite
/// file when PostgreSQL's binaries are missing),
/// started when a project opens (off the GUI thread), one database per project; a fresh sandbox
/// database of a small project is upgraded to heads through Alembic so that there is a live schema
/// to look at; where the sandbox is (its alembic_version) is reported for the graph. Saved profiles,
/// found containers and the services of the project's compose file (started on request) are shown
/// too; a server that refuses the login gets a password prompt.
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
    /// The environment tag (local, dev, staging, production) of the database shown, in its colour.
    QLabel *environmentLabel() const { return m_environment; }
    /// The live schema of the sandbox database; placed by the window.
    SchemaPanel *schemaPanel() const { return m_schemaPanel; }
    /// Where typed passwords are kept (the keychain when one works, else this session's memory).
    SecretKeeper *secrets() const { return m_secrets; }
    /// Starts the compose file's database services.
    ComposeServiceStarter *composeStarter() const { return m_compose; }
    /// The open password prompt, if any.
    PasswordDialog *passwordPrompt() const;
    /// The sandbox database of the open project (empty before a project).
    QString sandboxDatabase() const { return m_database; }
    /// The project's compose file (empty when it has none).
    QString composeFile() const { return m_composeFile; }

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
    /// this session, and in the keychain too when \a remember and one works.
    QString addProfile(ConnectionProfile profile, const QString &password = QString(), bool remember = false);
    /// Looks for PostgreSQL in running Docker or podman containers (off the GUI thread) and lists them.
    void discoverContainers();
    /// `docker compose up -d` the compose file's service \a name, wait until it accepts connections,
    /// then add and show it.
    void startComposeService(const QString &name);
    /// Where a run on the database the schema pane shows would go; nothing, with \a why, when there
    /// is no database yet. The URL carries the password this session knows; without one, a
    /// PostgreSQL profile's keychainUrl reads the keychain's (on the worker thread that calls it),
    /// and without that libpq's PGPASSWORD and ~/.pgpass apply.
    std::optional<RunDestination> runDestination(QString *why = nullptr) const;
    /// The profile name runs on the chosen database are journalled under ("Sandbox" for the sandbox);
    /// empty when the chosen profile is gone.
    QString chosenProfileName() const;
    /// The profiles the pane offers besides the sandbox: saved ones, then found containers, then
    /// started compose services.
    QList<ConnectionProfile> profiles() const;

signals:
    /// \a database (a display name) is at \a revisions (empty: unknown or not migrated).
    void databaseRevisionsChanged(const QString &database, const QString &color, const QStringList &revisions);
    void info(const QString &message);
    void error(const QString &message);
    /// The schema pane shows a freshly read schema (or why it could not be read).
    void schemaShown();
    /// A password prompt opened for the profile \a profileId.
    void passwordRequested(const QString &profileId);
    /// Another database was chosen in the schema pane: runs now go to the profile \a profileName
    /// (see chosenProfileName()).
    void profileChosen(const QString &profileName);

private:
    void sandboxReady(const QString &database);
    void schemaLoaded(const SchemaSnapshot &snapshot);
    void schemaFailed(const QString &message, bool authentication);
    void updateSources();
    void updateEnvironment();
    void updateBusy();
    void findComposeServices(const Project &project);
    void composeStateChanged();
    void composeReady(const ConnectionProfile &profile);
    /// The profile shown when it is not the sandbox.
    std::optional<ConnectionProfile> currentProfile() const;
    /// The password this session knows for \a profile (typed, or from its container); may be empty.
    QString knownPassword(const ConnectionProfile &profile) const;
    /// The sandbox's connection; empty while it is not there.
    QString sandboxConnection() const;
    /// The name and colour of the current source.
    void currentName(QString *name, QString *color) const;

    AlembicService *m_alembic = nullptr;
    SandboxService *m_sandbox = nullptr;
    QPointer<QLabel> m_status;           ///< owned by the status bar once placed there
    QPointer<QLabel> m_environment;      ///< likewise
    QPointer<SchemaPanel> m_schemaPanel; ///< owned by its dock once placed there
    SchemaLoader *m_loader = nullptr;
    SecretKeeper *m_secrets = nullptr;
    ComposeServiceStarter *m_compose = nullptr;
    PasswordPrompter *m_prompter = nullptr;
    QString m_sql;
    Project m_project;
    QString m_database;
    quint64 m_upgrade = 0;
    QStringList m_upgraded; ///< sandbox databases already brought to heads once this session
    QSettings *m_settings = nullptr;
    QString m_source = sandboxSourceId();
    QList<DiscoveredDatabase> m_discovered;
    QList<DiscoveredDatabase> m_started; ///< compose services started this session
    QString m_composeFile;
    QList<DockerCompose::Service> m_composeServices;
    bool m_discovering = false;
    QString m_sqliteSandbox; ///< the SQLite file standing in when PostgreSQL cannot run here
};

} // namespace retort
