#include "sqliteintrospector.h"

#include <QAtomicInteger>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <map>

namespace retort {

namespace {

using S = SchemaSnapshot;

QString quoted(const QString &name)
{
    return QLatin1Char('"') + QString(name).replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
}

QString action(const QString &sqliteAction)
{
    return sqliteAction.toLower(); // NO ACTION, CASCADE, SET NULL, ... as PostgreSQL's words
}

/// The WHERE clause of a CREATE INDEX statement (partial index), or empty.
QString indexPredicate(const QString &sql)
{
    static const QRegularExpression where(QStringLiteral("\\)\\s*WHERE\\s+(.*)$"),
                                          QRegularExpression::CaseInsensitiveOption |
                                              QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = where.match(sql);
    return match.hasMatch() ? match.captured(1).trimmed() : QString();
}

class Reader
{
public:
    explicit Reader(const QSqlDatabase &db)
        : m_db(db)
    {
    }

    QString error;

    QSqlQuery exec(const QString &sql)
    {
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        if (!query.exec(sql) && error.isEmpty())
            error = QStringLiteral("the query '%1' failed: %2").arg(sql, query.lastError().text());
        return query;
    }

    S::Data read()
    {
        S::Data data;
        data.databaseName = QFileInfo(m_db.databaseName()).fileName();
        QSqlQuery version = exec(QStringLiteral("SELECT sqlite_version()"));
        if (version.next())
            data.serverVersion = QStringLiteral("SQLite ") + version.value(0).toString();
        data.schemas.append({QStringLiteral("main"), QString()});
        QSqlQuery objects =
            exec(QStringLiteral("SELECT type, name, sql FROM sqlite_master WHERE type IN ('table', 'view') "
                                "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"));
        while (objects.next()) {
            S::Table table;
            table.schema = QStringLiteral("main");
            table.name = objects.value(1).toString();
            const bool view = objects.value(0).toString() == u"view";
            table.kind = view ? S::TableKind::View : S::TableKind::Table;
            if (view)
                table.viewDefinition = objects.value(2).toString();
            readColumns(table);
            if (!view) {
                readIndexes(table);
                readForeignKeys(table);
            }
            data.tables.append(std::move(table));
        }
        for (const S::Table &table : std::as_const(data.tables)) {
            if (table.name == u"alembic_version" && table.column(QStringLiteral("version_num"))) {
                data.alembicVersionSchema = QStringLiteral("main");
                QSqlQuery versions = exec(QStringLiteral("SELECT version_num FROM alembic_version"));
                while (versions.next())
                    data.alembicVersions.append(versions.value(0).toString());
            }
        }
        return data;
    }

private:
    void readColumns(S::Table &table)
    {
        QSqlQuery columns = exec(QStringLiteral("PRAGMA table_info(%1)").arg(quoted(table.name)));
        std::map<int, QString> primaryKey; // position in the key -> column
        while (columns.next()) {
            S::Column column;
            column.name = columns.value(1).toString();
            column.type = columns.value(2).toString();
            const int pk = columns.value(5).toInt();
            column.nullable = !columns.value(3).toBool() && pk == 0;
            column.defaultValue = columns.value(4).isNull() ? QString() : columns.value(4).toString();
            if (pk > 0)
                primaryKey[pk] = column.name;
            table.columns.append(std::move(column));
        }
        if (!primaryKey.empty() && table.kind == S::TableKind::Table) {
            S::Constraint constraint;
            constraint.name = QStringLiteral("pk_%1").arg(table.name);
            constraint.kind = S::ConstraintKind::PrimaryKey;
            for (const auto &entry : primaryKey)
                constraint.columns.append(entry.second);
            constraint.definition =
                QStringLiteral("PRIMARY KEY (%1)").arg(constraint.columns.join(QLatin1String(", ")));
            table.constraints.append(std::move(constraint));
        }
    }

    void readIndexes(S::Table &table)
    {
        QSqlQuery list = exec(QStringLiteral("PRAGMA index_list(%1)").arg(quoted(table.name)));
        while (list.next()) {
            S::Index index;
            index.name = list.value(1).toString();
            index.unique = list.value(2).toBool();
            const QString origin = list.value(3).toString();
            index.primary = origin == u"pk";
            index.method = QStringLiteral("btree");
            QSqlQuery info = exec(QStringLiteral("PRAGMA index_xinfo(%1)").arg(quoted(index.name)));
            while (info.next()) {
                if (!info.value(5).toBool()) // auxiliary (rowid) column
                    continue;
                index.columns.append(info.value(1).isNull() ? QStringLiteral("<expression>")
                                                            : info.value(2).toString());
            }
            if (list.value(4).toBool()) {
                QSqlQuery sql = exec(QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = %1")
                                         .arg(QLatin1Char('\'') +
                                              QString(index.name).replace(QLatin1Char('\''), QLatin1String("''")) +
                                              QLatin1Char('\'')));
                if (sql.next())
                    index.predicate = indexPredicate(sql.value(0).toString());
            }
            // SQLite numbers the indexes behind UNIQUE constraints in declaration order
            // (sqlite_autoindex_books_1, _2, …), so a rebuilt table (Alembic's batch mode) swaps them:
            // name them after their columns instead, as PostgreSQL would (books_isbn_key).
            if (index.name.startsWith(QLatin1String("sqlite_autoindex_")))
                index.name = QStringLiteral("%1_%2_key").arg(table.name, index.columns.join(QLatin1Char('_')));
            if (origin == u"u") {
                S::Constraint unique;
                unique.name = index.name;
                unique.kind = S::ConstraintKind::Unique;
                unique.columns = index.columns;
                unique.definition = QStringLiteral("UNIQUE (%1)").arg(index.columns.join(QLatin1String(", ")));
                table.constraints.append(std::move(unique));
            }
            table.indexes.append(std::move(index));
        }
    }

    void readForeignKeys(S::Table &table)
    {
        QSqlQuery keys = exec(QStringLiteral("PRAGMA foreign_key_list(%1)").arg(quoted(table.name)));
        std::map<int, S::Constraint> byId;
        while (keys.next()) {
            const int id = keys.value(0).toInt();
            S::Constraint &constraint = byId[id];
            constraint.kind = S::ConstraintKind::ForeignKey;
            constraint.referencedTable = QStringLiteral("main.") + keys.value(2).toString();
            constraint.columns.append(keys.value(3).toString());
            constraint.referencedColumns.append(keys.value(4).toString());
            constraint.onUpdate = action(keys.value(5).toString());
            constraint.onDelete = action(keys.value(6).toString());
        }
        for (auto &[id, constraint] : byId) {
            // SQLite does not keep constraint names in the catalog: name them after what they join.
            constraint.name =
                QStringLiteral("fk_%1_%2_%3")
                    .arg(table.name, constraint.columns.join(QLatin1Char('_')), constraint.referencedTable.mid(5));
            constraint.definition =
                QStringLiteral("FOREIGN KEY (%1) REFERENCES %2 (%3) ON DELETE %4 ON UPDATE %5")
                    .arg(constraint.columns.join(QLatin1String(", ")), constraint.referencedTable.mid(5),
                         constraint.referencedColumns.join(QLatin1String(", ")), constraint.onDelete.toUpper(),
                         constraint.onUpdate.toUpper());
            table.constraints.append(std::move(constraint));
        }
    }

    QSqlDatabase m_db;
};

} // namespace

QString SqliteIntrospector::fileFromUrl(const QString &url)
{
    static const QRegularExpression scheme(QStringLiteral("^sqlite(\\+[A-Za-z0-9_]+)?:///"));
    const QRegularExpressionMatch match = scheme.match(url);
    return match.hasMatch() ? url.mid(match.capturedLength()) : url;
}

SqliteIntrospector::Result SqliteIntrospector::introspect(const QString &pathOrUrl)
{
    static QAtomicInteger<quint64> counter;
    Result result;
    const QString path = fileFromUrl(pathOrUrl);
    if (!QFileInfo(path).isFile()) {
        result.error = QStringLiteral("no SQLite database at %1").arg(path);
        return result;
    }
    const QString name = QStringLiteral("retort-sqlite-introspector-%1").arg(counter.fetchAndAddRelaxed(1));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open()) {
            result.error = QStringLiteral("cannot open the SQLite database %1: %2").arg(path, db.lastError().text());
        } else {
            Reader reader(db);
            S::Data data = reader.read();
            if (reader.error.isEmpty())
                result.snapshot = SchemaSnapshot(std::move(data));
            else
                result.error = QStringLiteral("%1 is not a readable SQLite database: %2").arg(path, reader.error);
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace retort
