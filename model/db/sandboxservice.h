#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace retort {

class PostgresServer;

/// The embedded sandbox as the window uses it: starts Retort's private PostgreSQL on demand off the
/// GUI thread (initdb the first time), makes a database per project, and stops the server when the
/// service goes away. Without PostgreSQL's binaries it says so and offers an SQLite file instead.
class SandboxService : public QObject
{
    Q_OBJECT

public:
    /// \a folder holds the cluster; empty means PostgresServer::defaultFolder().
    explicit SandboxService(QString folder = QString(), QObject *parent = nullptr);
    ~SandboxService() override;

    enum class State { Stopped, Starting, Running, Failed };
    Q_ENUM(State)
    State state() const { return m_state; }
    QString error() const { return m_error; }
    QString folder() const { return m_folder; }

    /// Starts the server if needed and makes \a database; ready() or failed() follows (ready() at
    /// once, queued, when both already exist).
    void ensureDatabase(const QString &database);
    /// A SQLAlchemy URL for \a database on the running server; empty while it is not running.
    QString sqlalchemyUrl(const QString &database) const;
    /// A libpq connection string for \a database; empty while it is not running.
    QString connectionString(const QString &database) const;
    /// The SQLite file that stands in for \a database when PostgreSQL cannot run here.
    QString sqliteFallback(const QString &database) const;

    /// A database name for a project folder: its name in lower case (letters, digits and _ only) and a
    /// short hash of its full path, so that projects with the same folder name do not share one.
    static QString databaseNameFor(const QString &projectRoot);

signals:
    void ready(const QString &database);
    void failed(const QString &database, const QString &error);

private:
    void startWork();
    void finishWork(bool started, const QStringList &databases, const QStringList &made, const QString &error);

    QString m_folder;
    std::unique_ptr<PostgresServer> m_server;
    State m_state = State::Stopped;
    QString m_error;
    QStringList m_ready;   ///< databases that exist on the running server
    QStringList m_pending; ///< asked for, not made yet
    bool m_busy = false;
};

} // namespace retort
