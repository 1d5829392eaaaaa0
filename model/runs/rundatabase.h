#pragma once

#include <QString>
#include <QStringList>

#include <memory>
#include <string>

namespace pqxx {
class connection_base;
}

namespace retort {

/// The runner's own connection to the database a run migrates, apart from Alembic's: it holds the
/// run's advisory lock, reads alembic_version back independently after every step, and asks the
/// server to cancel the helper's statement. PostgreSQL through libpqxx, SQLite through Qt Sql.
///
/// Blocking and not a QObject: use one instance from one worker thread. cancelBackend() opens a
/// connection of its own and may be called from any thread.
class RunDatabase
{
public:
    struct Versions
    {
        QStringList revisions; ///< alembic_version's rows, sorted; empty at base
        bool tableExists = false;
        QString error;         ///< empty when the read worked
        bool ok() const { return error.isEmpty(); }
    };

    RunDatabase();
    ~RunDatabase();
    RunDatabase(const RunDatabase &) = delete;
    RunDatabase &operator=(const RunDatabase &) = delete;

    /// Connects to \a url (postgresql[+driver]://... or sqlite:///path); \a applicationName is what
    /// other sessions see in pg_stat_activity (and in the lock-holder message). Empty on success,
    /// else what failed in words.
    QString open(const QString &url, const QString &applicationName);
    void close();
    bool isOpen() const;
    bool isPostgres() const { return m_postgres; }

    /// Takes Retort's run lock for this database (a session-level PostgreSQL advisory lock), so
    /// two runs cannot interleave. Empty on success, else a message naming who holds it. SQLite has
    /// no such lock: always succeeds.
    QString lock();
    void unlock();

    /// alembic_version's rows, read now (\a table in \a schema; defaults: alembic_version, search path).
    Versions readVersions(const QString &table = QStringLiteral("alembic_version"), const QString &schema = {});

    /// The schema's fingerprint (SchemaSnapshot::fingerprint(), hex) as it is now, read with the
    /// introspector on this session (PostgreSQL) or from the file (SQLite); empty with \a error set
    /// when it cannot be read.
    QString schemaFingerprint(QString *error) const;

    /// Connects to \a url, reads alembic_version once and disconnects: for planning and recovery.
    /// A connection failure comes back as the Versions' error.
    static Versions readOnce(const QString &url, const QString &applicationName);

    /// Asks the server to cancel the statement running in backend \a pid (pg_cancel_backend, from a
    /// connection of its own). Empty on success, else why not.
    static QString cancelBackend(const QString &url, int pid);
    /// The advisory lock key every Retort run takes (per database).
    static constexpr qint64 kLockKey = 0x5265746f7274LL; // "Retort"

private:
    QString openSqlite(const QString &url);
    Versions readSqliteVersions(const QString &table);

    bool m_postgres = false;
    bool m_locked = false;
    std::string m_versionTable; ///< the version table as last read (quoted, qualified): known to exist
    /// Deletes the pqxx::connection it holds (connection_base's destructor is not virtual).
    struct ConnectionDeleter
    {
        void operator()(pqxx::connection_base *connection) const;
    };
    std::unique_ptr<pqxx::connection_base, ConnectionDeleter> m_connection;
    QString m_sqliteName; ///< the QSqlDatabase connection name, when SQLite
    QString m_url;        ///< as given to open()
};

} // namespace retort
