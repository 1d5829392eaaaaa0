#pragma once

#include <QString>
#include <QStringList>

namespace retort {

/// What a database's `alembic_version` table holds: the revisions Alembic considers applied.
struct AlembicVersions
{
    bool reachable = false;    ///< connected and read
    bool hasTable = false;     ///< alembic_version exists (false: Alembic never ran there)
    QStringList revisions;     ///< sorted
    QString error;             ///< why it was not reachable
};

/// Reads alembic_version with one query in a read-only transaction (libpq; PostgreSQL).
class AlembicVersionReader
{
public:
    static AlembicVersions read(const QString &connectionString, const QString &schema = QStringLiteral("public"));
};

} // namespace retort
