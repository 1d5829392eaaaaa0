#pragma once

#include "schemasnapshot.h"

#include <QString>

namespace retort {

/// Reads an SQLite database file into a SchemaSnapshot (schema "main") through Qt Sql's QSQLITE
/// driver, read-only, on a connection of its own (unique name, removed afterwards), so it can run
/// on any thread: tables, views, columns, primary keys, indexes (unique, partial), foreign keys,
/// unique constraints and alembic_version.
class SqliteIntrospector
{
public:
    struct Result
    {
        SchemaSnapshot snapshot;
        QString error; ///< empty on success
        bool ok() const { return error.isEmpty(); }
    };

    /// \a path: a database file, or an SQLAlchemy URL (sqlite:///relative or sqlite:////absolute).
    static Result introspect(const QString &path);
    /// The file an SQLAlchemy sqlite:// URL names (the path unchanged when it is not a URL).
    static QString fileFromUrl(const QString &url);
};

} // namespace retort
