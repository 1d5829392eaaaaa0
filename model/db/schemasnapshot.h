#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace retort {

/// What a database holds, read once: schemas, tables, views, columns, constraints, indexes, enums,
/// sequences and the alembic_version rows. An immutable value in a deterministic order (schemas,
/// tables, enums and sequences by schema and name; columns in table order; constraints and indexes
/// by name), serialisable to JSON and back. Produced by PgIntrospector and SqliteIntrospector on a
/// worker thread; compared by SchemaDiff.
class SchemaSnapshot
{
public:
    struct Schema
    {
        QString name;
        QString comment;
        bool operator==(const Schema &) const = default;
    };

    enum class Identity { None, Always, ByDefault };

    struct Column
    {
        QString name;
        QString type; ///< as PostgreSQL formats it (format_type), or SQLite's declared type
        bool nullable = true;
        QString defaultValue; ///< expression text; empty when none
        Identity identity = Identity::None;
        QString generated; ///< GENERATED ALWAYS AS (expression) STORED: the expression
        QString collation; ///< only when it differs from the type's default
        QString comment;
        bool operator==(const Column &) const = default;
    };

    enum class ConstraintKind { PrimaryKey, ForeignKey, Unique, Check, Exclusion };

    struct Constraint
    {
        QString name;
        ConstraintKind kind = ConstraintKind::Check;
        QStringList columns;
        QString referencedTable; ///< "schema.table" for foreign keys
        QStringList referencedColumns;
        QString onDelete; ///< "no action", "restrict", "cascade", "set null", "set default"
        QString onUpdate;
        QString definition; ///< pg_get_constraintdef, or the SQLite clause where known
        bool operator==(const Constraint &) const = default;
    };

    struct Index
    {
        QString name;
        QStringList columns; ///< column names, or expression text for expression keys
        bool unique = false;
        bool primary = false;
        QString predicate; ///< partial index WHERE clause; empty when total
        QString method;    ///< btree, hash, gist, gin, ...
        bool valid = true;
        bool operator==(const Index &) const = default;
    };

    enum class TableKind { Table, View, MaterializedView };

    struct Table
    {
        QString schema;
        QString name;
        TableKind kind = TableKind::Table;
        QString comment;
        QString viewDefinition; ///< views and materialized views
        QList<Column> columns;
        QList<Constraint> constraints;
        QList<Index> indexes;
        qint64 rowEstimate = -1; ///< -1 when unknown (never analysed)
        qint64 totalBytes = 0;   ///< table, indexes and TOAST: an estimate from their pages, like rowEstimate
        QString path() const { return schema + QLatin1Char('.') + name; }
        const Column *column(const QString &name) const;
        const Constraint *constraint(const QString &name) const;
        const Index *index(const QString &name) const;
        bool operator==(const Table &) const = default;
    };

    struct Enum
    {
        QString schema;
        QString name;
        QStringList values; ///< in their sort order
        QString comment;
        bool operator==(const Enum &) const = default;
    };

    struct Sequence
    {
        QString schema;
        QString name;
        QString type;
        qint64 start = 1;
        qint64 increment = 1;
        qint64 minimum = 1;
        qint64 maximum = 0;
        bool cycle = false;
        QString ownedBy; ///< "schema.table.column" for serial/identity sequences
        bool operator==(const Sequence &) const = default;
    };

    /// Everything a snapshot holds; the constructor sorts it.
    struct Data
    {
        QString databaseName;
        QString serverVersion; ///< "15.5", or "SQLite 3.40.1"
        QList<Schema> schemas;
        QList<Table> tables;
        QList<Enum> enums;
        QList<Sequence> sequences;
        QStringList alembicVersions;  ///< rows of alembic_version (sorted); empty when absent or empty
        QString alembicVersionSchema; ///< the schema holding alembic_version; empty when there is none
        bool operator==(const Data &) const = default;
    };

    SchemaSnapshot() = default;
    explicit SchemaSnapshot(Data data);

    const QString &databaseName() const { return m_data.databaseName; }
    const QString &serverVersion() const { return m_data.serverVersion; }
    const QList<Schema> &schemas() const { return m_data.schemas; }
    const QList<Table> &tables() const { return m_data.tables; }
    const QList<Enum> &enums() const { return m_data.enums; }
    const QList<Sequence> &sequences() const { return m_data.sequences; }
    const QStringList &alembicVersions() const { return m_data.alembicVersions; }
    const QString &alembicVersionSchema() const { return m_data.alembicVersionSchema; }
    bool hasAlembicVersion() const { return !m_data.alembicVersionSchema.isEmpty(); }
    const Data &data() const { return m_data; }

    const Table *table(const QString &schema, const QString &name) const;
    const Enum *enumType(const QString &schema, const QString &name) const;
    const Sequence *sequence(const QString &schema, const QString &name) const;

    /// Compact JSON with the keys in sorted order; \a withStatistics false leaves out row estimates
    /// and sizes (they change without the schema changing).
    QByteArray toJson(bool withStatistics = true) const;
    /// The snapshot from toJson() output; nullopt with \a error when it is not one.
    static std::optional<SchemaSnapshot> fromJson(const QByteArray &json, QString *error = nullptr);
    /// SHA-256 (hex) of toJson(false) without the server version: equal for equal schemas.
    QByteArray fingerprint() const;

    static QString kindName(TableKind kind);
    static QString kindName(ConstraintKind kind);
    static QString identityName(Identity identity);

    bool operator==(const SchemaSnapshot &other) const { return m_data == other.m_data; }

private:
    Data m_data;
};

} // namespace retort
