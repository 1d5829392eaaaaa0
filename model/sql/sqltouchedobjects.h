#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace retort {

/// One table (or view, index's table, enum type) that SQL changes or writes, and the columns it
/// names there. \c schema is empty when the SQL does not qualify the name.
struct TouchedObject
{
    enum class Kind { Table, Type };
    enum class Action { Created, Altered, Dropped, Written };

    Kind kind = Kind::Table;
    Action action = Action::Altered;
    QString schema;
    QString name;
    QStringList columns;

    bool operator==(const TouchedObject &) const = default;
};

/// What a migration's SQL touches, read from PostgreSQL's own parse tree (libpg_query): tables
/// created, altered (columns added, dropped, retyped, renamed; constraints), dropped, indexed or
/// written by UPDATE/INSERT/DELETE, and enum types created or altered. One entry per object, in
/// the order the SQL first names it; an action seen later upgrades Written to Altered, anything to
/// Created or Dropped. SQL that does not parse gives what the statements before it touched.
class SqlTouchedObjects
{
public:
    static QList<TouchedObject> find(const QString &sql, QString *error = nullptr);
};

} // namespace retort
