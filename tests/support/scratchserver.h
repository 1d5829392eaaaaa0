#pragma once

// Shared by the tests that migrate a real PostgreSQL (tst_migrationrunner, tst_rollbackverifier,
// tst_clirun, tst_cliverify, tst_clischema, tst_runworkbench, tst_runrecovery): one server for the
// whole test case, in a temporary folder the postgres user can reach, and a new empty database for
// each test that wants one.

#include "postgresserver.h"
#include "serverfolder.h"

#include <QFileInfo>
#include <QString>
#include <QTemporaryDir>
#include <QtGlobal>

#include <memory>
#include <utility>

namespace retort::test {

/// Start it in initTestCase() and stop it in cleanupTestCase(); -> reaches the PostgresServer.
class ScratchServer
{
public:
    /// \a prefix names the databases freshDatabase() makes: prefix1, prefix2, ...
    explicit ScratchServer(QString prefix = QStringLiteral("db"))
        : m_prefix(std::move(prefix))
    {
    }

    /// Opens the temporary folder to the postgres user and starts a server in its folder "pg";
    /// false, with \a error saying why, when it cannot.
    bool start(QString *error)
    {
        if (!m_folder.isValid()) {
            *error = QStringLiteral("no temporary folder: ") + m_folder.errorString();
            return false;
        }
        if (!openToServerUser(m_folder.path())) {
            *error = QStringLiteral("cannot open %1 to the postgres user").arg(m_folder.path());
            return false;
        }
        m_server = std::make_unique<PostgresServer>(m_folder.filePath(QStringLiteral("pg")));
        return m_server->start(error);
    }

    /// start(), for the tests that run migrations: first checks that PostgreSQL's server programs and
    /// \a python (with Alembic) are there.
    bool startForRuns(const QString &python, QString *error)
    {
        if (PostgresServer::findBinDir().isEmpty()) {
            *error = QStringLiteral("PostgreSQL's server binaries are required (postgresql-15)");
            return false;
        }
        if (!QFileInfo::exists(python)) {
            *error = QStringLiteral("Debian's python3 with python3-alembic is required (%1)").arg(python);
            return false;
        }
        return start(error);
    }

    /// Stops the server; the folder goes with the fixture.
    void stop() { m_server.reset(); }

    PostgresServer *operator->() const { return m_server.get(); }

    /// \a name in the temporary folder, beside the server's folder.
    QString filePath(const QString &name) const { return m_folder.filePath(name); }

    /// Creates a new empty database and returns its name; fatal when it cannot.
    QString freshDatabaseName()
    {
        const QString name = m_prefix + QString::number(++m_databases);
        QString error;
        if (!m_server->createDatabase(name, &error))
            qFatal("cannot create database %s: %s", qPrintable(name), qPrintable(error));
        return name;
    }

    /// A new empty database: its SQLAlchemy URL.
    QString freshDatabase() { return m_server->sqlalchemyUrl(freshDatabaseName()); }

    /// The libpq connection string of the database at \a url, a SQLAlchemy URL on this server.
    QString connectionStringOf(const QString &url) const
    {
        return m_server->connectionString(url.section(QLatin1Char('/'), -1));
    }

private:
    QTemporaryDir m_folder; // declared first: the server stops before its folder goes
    QString m_prefix;
    std::unique_ptr<PostgresServer> m_server;
    int m_databases = 0;
};

} // namespace retort::test
