#pragma once

#include <QString>

namespace retort {

/// A private PostgreSQL server started from the system's PostgreSQL binaries: the embedded
/// sandbox, and the server integration tests run against. initdb on first use (superuser `retort`
/// with a generated password kept in a 0600 file beside the cluster, in a private 0700 folder),
/// started on a free loopback port (TCP only, scram passwords, no Unix socket), stopped by stop() or
/// the destructor; a server of the cluster left running by a Retort that was killed is adopted. When
/// Retort runs as root the server runs as the `postgres` user (PostgreSQL refuses root), so the
/// folder must be one that user can reach (not under /root).
class PostgresServer
{
public:
    /// \a folder holds the cluster (`data/`), its log and the password file.
    explicit PostgresServer(QString folder);
    ~PostgresServer();
    PostgresServer(const PostgresServer &) = delete;
    PostgresServer &operator=(const PostgresServer &) = delete;

    /// The newest /usr/lib/postgresql/<version>/bin with initdb and pg_ctl (or $RETORT_PG_BINDIR);
    /// empty when PostgreSQL's server binaries are not installed.
    static QString findBinDir();
    /// Where the sandbox lives for this user: the data folder, or /var/tmp/retort-sandbox-root for
    /// root (the postgres user cannot reach /root).
    static QString defaultFolder();

    /// Initialises the cluster if needed and starts the server; false with \a error in plain words.
    bool start(QString *error = nullptr);
    /// Stops the server (fast shutdown) if this object started it.
    void stop();
    bool isRunning() const { return m_running; }

    QString folder() const { return m_folder; }
    QString host() const { return QStringLiteral("127.0.0.1"); }
    int port() const { return m_port; }
    QString user() const { return QStringLiteral("retort"); }
    QString password() const { return m_password; }
    /// A libpq connection string (key=value) for \a database.
    QString connectionString(const QString &database = QStringLiteral("postgres")) const;
    /// A SQLAlchemy URL for \a database (what env.py gets).
    QString sqlalchemyUrl(const QString &database = QStringLiteral("postgres")) const;
    /// Creates \a database unless it exists.
    bool createDatabase(const QString &database, QString *error = nullptr) const;

private:
    bool run(const QStringList &command, QString *output, int timeoutMs) const;
    bool prepareFolder(QString *error) const;
    bool writeSecret(const QString &path, bool forServer, QString *error) const;
    bool initialise(QString *error);
    /// The port of a server of this cluster that is already running and ready; 0 when there is none.
    int runningPort() const;
    QString readLogTail() const;

    QString m_folder;
    QString m_binDir;
    QString m_password;
    int m_port = 0;
    bool m_running = false;
    bool m_asPostgres = false;
};

} // namespace retort
