#pragma once

#include <QList>
#include <QString>

namespace retort {

/// A statement that loses data or rewrites/locks a table in a way a reviewer must see before a run:
/// dropping a table or column, changing a column's type, adding NOT NULL to an existing column,
/// truncating. Found in PostgreSQL's own parse tree (libpg_query).
struct DestructiveOperation
{
    enum class Kind { DropTable, DropColumn, ChangeColumnType, SetNotNull, Truncate, DropType };

    Kind kind = Kind::DropTable;
    QString object; ///< "schema.table" or "table.column", as the SQL names it
    int line = 0;   ///< 1-based line of the statement in the SQL

    /// "drops table books", "changes the type of books.price", in words.
    QString describe() const;
    bool operator==(const DestructiveOperation &) const = default;

    /// Every destructive operation in \a sql, in order. SQL that does not parse yields what the
    /// statements that do parse contain.
    static QList<DestructiveOperation> find(const QString &sql);
};

} // namespace retort
