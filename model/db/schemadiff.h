#pragma once

#include "schemasnapshot.h"

#include <QList>
#include <QString>

namespace retort {

/// One difference between two snapshots.
struct SchemaChange
{
    enum class Kind {
        Schema,
        Table,
        View,
        MaterializedView,
        Column,
        Constraint,
        Index,
        Enum,
        Sequence,
        AlembicVersion
    };
    enum class What { Added, Removed, Changed };

    Kind kind = Kind::Table;
    QString path; ///< "public.books", "public.books.price", "public.books.books_pkey"
    What what = What::Changed;
    QString attribute; ///< for Changed: "type", "nullable", "values", ...; empty otherwise
    QString before;
    QString after;

    static QString kindName(Kind kind);
    QString toText() const;
    bool operator==(const SchemaChange &) const = default;
};

/// Compares two snapshots object by object: schemas, tables, views and materialized views,
/// columns (each attribute), constraints, indexes, enums (values), sequences and the
/// alembic_version rows. Row estimates and sizes are not compared. Empty when equal.
class SchemaDiff
{
public:
    static SchemaDiff compare(const SchemaSnapshot &before, const SchemaSnapshot &after);

    const QList<SchemaChange> &changes() const { return m_changes; }
    bool isEmpty() const { return m_changes.isEmpty(); }
    /// One line per change ("+ column public.books.isbn varchar(13)"), empty when equal.
    QString toText() const;
    /// The changes to \a path (exact) or below it.
    QList<SchemaChange> changesAt(const QString &path) const;

private:
    QList<SchemaChange> m_changes;
};

} // namespace retort
