#include "databaseargument.h"

#include "pgintrospector.h"
#include "sqliteintrospector.h"

namespace retort::cli {

std::optional<SchemaSnapshot> introspectDatabase(const QString &db, QString *error)
{
    if (db.startsWith(QLatin1String("sqlite:"))) {
        SqliteIntrospector::Result result = SqliteIntrospector::introspect(db);
        if (!result.ok()) {
            *error = result.error;
            return std::nullopt;
        }
        return std::move(result.snapshot);
    }
    if (db.contains(QLatin1String("://")) && !db.startsWith(QLatin1String("postgres"))) {
        *error = QStringLiteral("unsupported database URL '%1' (use postgresql://... or sqlite:///path)")
                     .arg(db.section(QLatin1Char(':'), 0, 0));
        return std::nullopt;
    }
    PgIntrospector introspector;
    PgIntrospector::Result result = introspector.introspect(db);
    if (!result.ok()) {
        *error = result.error;
        return std::nullopt;
    }
    return std::move(result.snapshot);
}

} // namespace retort::cli
