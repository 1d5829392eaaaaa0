#include "alembicversionreader.h"

#include <pqxx/pqxx>

namespace retort {

AlembicVersions AlembicVersionReader::read(const QString &connectionString, const QString &schema)
{
    AlembicVersions versions;
    try {
        pqxx::connection connection(connectionString.toStdString());
        pqxx::read_transaction work(connection);
        work.exec("SET LOCAL statement_timeout = 10000");
        const std::string table = schema.toStdString() + ".alembic_version";
        const pqxx::result exists = work.exec_params("SELECT to_regclass($1) IS NOT NULL", table);
        versions.reachable = true;
        versions.hasTable = exists[0][0].as<bool>();
        if (versions.hasTable) {
            for (const auto &row : work.exec("SELECT version_num FROM " + work.quote_name(schema.toStdString()) + ".alembic_version"))
                versions.revisions.append(QString::fromStdString(row[0].as<std::string>()));
            versions.revisions.sort();
        }
    } catch (const std::exception &e) {
        versions.error = QString::fromUtf8(e.what()).trimmed();
    }
    return versions;
}

} // namespace retort
