#include "rundatabase.h"

#include "pgintrospector.h"
#include "sqliteintrospector.h"

#include <QAtomicInteger>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <pqxx/pqxx>

#include <algorithm>

namespace retort {

namespace {

QString oneLine(const char *message)
{
    return QString::fromUtf8(message).simplified();
}

std::string quoted(const QString &text)
{
    return text.toStdString();
}

QString describeHolder(pqxx::work &work)
{
    const auto key = RunDatabase::kLockKey;
    const pqxx::result rows = work.exec_params(
        "SELECT a.pid, coalesce(a.usename, ''), coalesce(a.application_name, ''), "
        "coalesce(host(a.client_addr), 'local'), to_char(a.backend_start, 'YYYY-MM-DD HH24:MI:SS TZ') "
        "FROM pg_locks l JOIN pg_stat_activity a USING (pid) "
        "WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1 AND l.objid = $2 AND l.objsubid = 1 "
        "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())",
        qint64(quint64(key) >> 32), qint64(quint64(key) & 0xffffffffULL));
    if (rows.empty())
        return QStringLiteral("another Retort run holds this database's run lock");
    const pqxx::row row = rows[0];
    const QString application = QString::fromStdString(row[2].as<std::string>());
    return QStringLiteral("another run holds this database's run lock: %1 (user %2 from %3, backend pid %4, "
                          "connected %5)")
        .arg(application.isEmpty() ? QStringLiteral("an unnamed session") : application,
             QString::fromStdString(row[1].as<std::string>()), QString::fromStdString(row[3].as<std::string>()),
             QString::number(row[0].as<int>()), QString::fromStdString(row[4].as<std::string>()));
}

} // namespace

void RunDatabase::ConnectionDeleter::operator()(pqxx::connection_base *connection) const
{
    // Through the type it was made as: deleting a connection_base would not close it.
    delete static_cast<pqxx::connection *>(connection);
}

RunDatabase::RunDatabase() = default;

RunDatabase::~RunDatabase()
{
    close();
}

QString RunDatabase::open(const QString &url, const QString &applicationName)
{
    close();
    m_url = url;
    if (url.startsWith(QLatin1String("sqlite:")))
        return openSqlite(url);
    m_postgres = true;
    try {
        QString conninfo = PgIntrospector::libpqConnectionString(url);
        if (!conninfo.contains(QLatin1String("connect_timeout"))) // an unreachable host answers in seconds
            conninfo += conninfo.contains(QLatin1String("://"))
                ? (conninfo.contains(QLatin1Char('?')) ? QStringLiteral("&connect_timeout=10") : QStringLiteral("?connect_timeout=10"))
                : QStringLiteral(" connect_timeout=10");
        m_connection.reset(new pqxx::connection(conninfo.toStdString()));
        pqxx::nontransaction work(*m_connection);
        work.exec("SET application_name = " + work.quote(applicationName.left(63).toStdString()));
        work.exec("SET statement_timeout = 30000");
        // Retort's reads never wait long for a lock: alembic_version locked by a step run ahead would
        // wait for this very read (see MigrationRunner); the read fails instead, and says why.
        work.exec("SET lock_timeout = 5000");
    } catch (const std::exception &e) {
        m_connection.reset();
        return QStringLiteral("cannot connect: %1").arg(oneLine(e.what()));
    }
    return {};
}

QString RunDatabase::openSqlite(const QString &url)
{
    static QAtomicInteger<int> counter;
    m_postgres = false;
    // sqlite:///relative and sqlite:////absolute, as SQLAlchemy writes them.
    QString path = url.mid(QStringLiteral("sqlite:///").size());
    if (!url.startsWith(QLatin1String("sqlite:///")) || path.isEmpty())
        return QStringLiteral("not an SQLite file URL: %1 (use sqlite:///path)").arg(url);
    m_sqliteName = QStringLiteral("retort-run-%1").arg(counter.fetchAndAddRelaxed(1));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_sqliteName);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open()) {
        const QString error = db.lastError().text();
        db = {};
        QSqlDatabase::removeDatabase(m_sqliteName);
        m_sqliteName.clear();
        return QStringLiteral("cannot open %1: %2").arg(path, error);
    }
    return {};
}

void RunDatabase::close()
{
    unlock();
    m_connection.reset();
    m_versionTable.clear();
    if (!m_sqliteName.isEmpty()) {
        QSqlDatabase::database(m_sqliteName, false).close();
        QSqlDatabase::removeDatabase(m_sqliteName);
        m_sqliteName.clear();
    }
}

QString RunDatabase::schemaFingerprint(QString *error) const
{
    QString failure;
    SchemaSnapshot snapshot;
    if (!isOpen()) {
        failure = QStringLiteral("not connected");
    } else if (m_postgres) {
        // On the run's own session: no new connection, and its catalog caches are warm the second time.
        PgIntrospector::Result result = PgIntrospector().introspectOn(*m_connection);
        failure = result.error;
        snapshot = std::move(result.snapshot);
    } else {
        SqliteIntrospector::Result result = SqliteIntrospector::introspect(SqliteIntrospector::fileFromUrl(m_url));
        failure = result.error;
        snapshot = std::move(result.snapshot);
    }
    if (error)
        *error = failure;
    return failure.isEmpty() ? QString::fromLatin1(snapshot.fingerprint()) : QString();
}

bool RunDatabase::isOpen() const
{
    return m_connection != nullptr || !m_sqliteName.isEmpty();
}

QString RunDatabase::lock()
{
    if (!m_postgres || m_locked)
        return {};
    if (!m_connection)
        return QStringLiteral("not connected");
    try {
        pqxx::work work(*m_connection);
        const bool taken = work.exec_params1("SELECT pg_try_advisory_lock($1)", kLockKey)[0].as<bool>();
        if (!taken) {
            const QString holder = describeHolder(work);
            work.commit();
            return holder;
        }
        work.commit();
        m_locked = true;
    } catch (const std::exception &e) {
        return QStringLiteral("cannot take the run lock: %1").arg(oneLine(e.what()));
    }
    return {};
}

void RunDatabase::unlock()
{
    if (!m_locked || !m_connection)
        return;
    m_locked = false;
    try {
        pqxx::nontransaction work(*m_connection);
        work.exec_params("SELECT pg_advisory_unlock($1)", kLockKey);
    } catch (const std::exception &) {
        // The server is gone: so is the lock.
    }
}

RunDatabase::Versions RunDatabase::readVersions(const QString &table, const QString &schema)
{
    if (!m_postgres)
        return readSqliteVersions(table);
    Versions versions;
    if (!m_connection) {
        versions.error = QStringLiteral("not connected");
        return versions;
    }
    // In autocommit: one round trip once the table has been seen (the runner reads after every step).
    try {
        pqxx::nontransaction work(*m_connection);
        const std::string qualified =
            schema.isEmpty() ? work.quote_name(quoted(table))
                             : work.quote_name(quoted(schema)) + "." + work.quote_name(quoted(table));
        if (m_versionTable != qualified
            && work.exec_params1("SELECT to_regclass($1) IS NULL", qualified)[0].as<bool>())
            return versions; // no such table (yet)
        try {
            for (const pqxx::row &row : work.exec("SELECT version_num FROM " + qualified))
                versions.revisions.append(QString::fromStdString(row[0].as<std::string>()));
            versions.tableExists = true;
            m_versionTable = qualified;
        } catch (const pqxx::sql_error &e) {
            // Gone since it was seen: undefined_table (or invalid_schema_name, the schema too).
            if (m_versionTable != qualified || (e.sqlstate() != "42P01" && e.sqlstate() != "3F000"))
                throw;
            m_versionTable.clear();
        }
    } catch (const std::exception &e) {
        versions.revisions.clear();
        versions.error = QStringLiteral("cannot read %1: %2").arg(table, oneLine(e.what()));
    }
    std::sort(versions.revisions.begin(), versions.revisions.end());
    return versions;
}

RunDatabase::Versions RunDatabase::readSqliteVersions(const QString &table)
{
    Versions versions;
    QSqlDatabase db = QSqlDatabase::database(m_sqliteName, false);
    if (!db.isOpen()) {
        versions.error = QStringLiteral("not connected");
        return versions;
    }
    QSqlQuery exists(db);
    exists.prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"));
    exists.addBindValue(table);
    if (!exists.exec()) {
        versions.error = QStringLiteral("cannot read %1: %2").arg(table, exists.lastError().text());
        return versions;
    }
    versions.tableExists = exists.next();
    if (!versions.tableExists)
        return versions;
    QSqlQuery rows(db);
    QString escaped = table;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    if (!rows.exec(QStringLiteral("SELECT version_num FROM \"%1\"").arg(escaped))) {
        versions.error = QStringLiteral("cannot read %1: %2").arg(table, rows.lastError().text());
        return versions;
    }
    while (rows.next())
        versions.revisions.append(rows.value(0).toString());
    std::sort(versions.revisions.begin(), versions.revisions.end());
    return versions;
}

RunDatabase::Versions RunDatabase::readOnce(const QString &url, const QString &applicationName)
{
    RunDatabase database;
    if (const QString error = database.open(url, applicationName); !error.isEmpty())
        return {{}, false, error};
    return database.readVersions();
}

QString RunDatabase::cancelBackend(const QString &url, int pid)
{
    if (pid <= 0)
        return QStringLiteral("no statement is known to be running");
    try {
        pqxx::connection connection(PgIntrospector::libpqConnectionString(url).toStdString());
        pqxx::nontransaction work(connection);
        const bool sent = work.exec_params1("SELECT pg_cancel_backend($1)", pid)[0].as<bool>();
        if (!sent)
            return QStringLiteral("backend %1 is no longer running").arg(pid);
    } catch (const std::exception &e) {
        return QStringLiteral("cannot cancel backend %1: %2").arg(pid).arg(oneLine(e.what()));
    }
    return {};
}

} // namespace retort
