#pragma once

// Shared by the tests that run migrations on a real database and check where it ended up
// (tst_migrationrunner, tst_rollbackverifier, tst_clirun, tst_cliverify, tst_runworkbench,
// tst_runrecovery): the database's alembic_version, read the way Retort reads it.

#include "rundatabase.h"

#include <QString>
#include <QStringList>

namespace retort::test {

/// The revisions in alembic_version at \a url (a SQLAlchemy URL), read through RunDatabase;
/// {"<unreachable>"} when the database cannot be opened.
inline QStringList versionsOf(const QString &url)
{
    RunDatabase database;
    if (!database.open(url, QStringLiteral("test")).isEmpty())
        return {QStringLiteral("<unreachable>")};
    return database.readVersions().revisions;
}

} // namespace retort::test
