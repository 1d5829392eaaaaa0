// SqliteIntrospector on a real SQLite file: tables, views, columns, keys, indexes, alembic_version;
// the JSON round trip and SchemaDiff after changes; no connection left behind.
#include "schemadiff.h"
#include "sqliteintrospector.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;
using namespace Qt::StringLiterals;
using S = SchemaSnapshot;

namespace {

/// Runs \a statements on the SQLite file \a path; the first error, or empty.
QString run(const QString &path, const QStringList &statements)
{
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"setup"_s);
        db.setDatabaseName(path);
        if (!db.open())
            return db.lastError().text();
        for (const QString &sql : statements) {
            QSqlQuery query(db);
            if (!query.exec(sql)) {
                error = sql + u": "_s + query.lastError().text();
                break;
            }
        }
    }
    QSqlDatabase::removeDatabase(u"setup"_s);
    return error;
}

const QStringList kSchema = {
    u"CREATE TABLE authors (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL UNIQUE, born DATE DEFAULT '1900-01-01')"_s,
    u"CREATE TABLE books (id INTEGER NOT NULL, edition INTEGER NOT NULL, author_id INTEGER REFERENCES authors (id) "
    u"ON DELETE CASCADE, title TEXT, isbn TEXT, PRIMARY KEY (id, edition))"_s,
    u"CREATE UNIQUE INDEX books_isbn_live ON books (isbn) WHERE isbn IS NOT NULL"_s,
    u"CREATE INDEX books_title ON books (title)"_s,
    u"CREATE VIEW titles AS SELECT title FROM books"_s,
    u"CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"_s,
    u"INSERT INTO alembic_version VALUES ('ae1027a6acf')"_s,
};

} // namespace

class TestSqliteIntrospector : public QObject
{
    Q_OBJECT

private slots:
    void readsTheSchema()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"shelf.db"_s);
        QCOMPARE(run(path, kSchema), QString());
        const SqliteIntrospector::Result result = SqliteIntrospector::introspect(u"sqlite:///"_s + path);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QVERIFY(QSqlDatabase::connectionNames().isEmpty());
        const S &s = result.snapshot;
        QCOMPARE(s.databaseName(), u"shelf.db"_s);
        QVERIFY(s.serverVersion().startsWith(u"SQLite 3."_s));
        QCOMPARE(s.schemas().size(), 1);
        QCOMPARE(s.tables().size(), 4);
        const S::Table *authors = s.table(u"main"_s, u"authors"_s);
        QVERIFY(authors);
        QCOMPARE(authors->columns.size(), 3);
        QCOMPARE(authors->columns.at(1).type, u"VARCHAR(100)"_s);
        QCOMPARE(authors->columns.at(1).nullable, false);
        QCOMPARE(authors->columns.at(2).defaultValue, u"'1900-01-01'"_s);
        QCOMPARE(authors->columns.at(0).nullable, false); // primary key
        QCOMPARE(authors->constraint(u"pk_authors"_s)->columns, QStringList{u"id"_s});
        QCOMPARE(authors->constraints.size(), 2);
        // Named after its columns, not SQLite's numbered sqlite_autoindex_authors_1.
        QVERIFY(authors->constraint(u"authors_name_key"_s));
        const S::Constraint &unique = *authors->constraint(u"authors_name_key"_s);
        QCOMPARE(unique.kind, S::ConstraintKind::Unique);
        QCOMPARE(unique.columns, QStringList{u"name"_s});

        const S::Table *books = s.table(u"main"_s, u"books"_s);
        QVERIFY(books);
        QCOMPARE(books->constraint(u"pk_books"_s)->columns, (QStringList{u"id"_s, u"edition"_s}));
        const S::Constraint *fk = books->constraint(u"fk_books_author_id_authors"_s);
        QVERIFY(fk);
        QCOMPARE(fk->kind, S::ConstraintKind::ForeignKey);
        QCOMPARE(fk->referencedTable, u"main.authors"_s);
        QCOMPARE(fk->referencedColumns, QStringList{u"id"_s});
        QCOMPARE(fk->onDelete, u"cascade"_s);
        QCOMPARE(fk->onUpdate, u"no action"_s);
        const S::Index *partial = books->index(u"books_isbn_live"_s);
        QVERIFY(partial);
        QVERIFY(partial->unique);
        QCOMPARE(partial->columns, QStringList{u"isbn"_s});
        QCOMPARE(partial->predicate, u"isbn IS NOT NULL"_s);
        QCOMPARE(books->index(u"books_title"_s)->unique, false);
        QCOMPARE(books->index(u"books_title"_s)->predicate, QString());

        const S::Table *view = s.table(u"main"_s, u"titles"_s);
        QVERIFY(view);
        QCOMPARE(view->kind, S::TableKind::View);
        QCOMPARE(view->columns.size(), 1);
        QVERIFY(view->viewDefinition.contains(u"SELECT title FROM books"_s));

        QCOMPARE(s.alembicVersionSchema(), u"main"_s);
        QCOMPARE(s.alembicVersions(), QStringList{u"ae1027a6acf"_s});
        QCOMPARE(*S::fromJson(s.toJson()), s);
    }

    void diffAfterChanges()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"shelf.db"_s);
        QCOMPARE(run(path, kSchema), QString());
        const SqliteIntrospector::Result before = SqliteIntrospector::introspect(path);
        QVERIFY2(before.ok(), qPrintable(before.error));
        QCOMPARE(run(path, {u"ALTER TABLE books ADD COLUMN pages INTEGER"_s, u"DROP INDEX books_title"_s,
                            u"UPDATE alembic_version SET version_num = 'b2'"_s}),
                 QString());
        const SqliteIntrospector::Result after = SqliteIntrospector::introspect(path);
        QCOMPARE(SchemaDiff::compare(before.snapshot, after.snapshot).toText(),
                 u"+ column main.books.pages: INTEGER\n"
                 u"- index main.books.books_title: btree (title)\n"
                 u"~ alembic_version main versions: ae1027a6acf -> b2\n"_s);
    }

    void aRebuiltTableKeepsItsUniqueConstraints()
    {
        // Alembic's batch mode copies a table into a new one; SQLite then numbers the indexes behind
        // its UNIQUE constraints in the new declaration order. The schema is the same.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"rebuilt.db"_s);
        QCOMPARE(run(path, {u"CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT UNIQUE, login TEXT UNIQUE)"_s}), QString());
        const SqliteIntrospector::Result before = SqliteIntrospector::introspect(path);
        QCOMPARE(run(path, {u"CREATE TABLE _alembic_tmp_users (id INTEGER PRIMARY KEY, login TEXT, email TEXT, "
                            u"UNIQUE (login), UNIQUE (email))"_s,
                            u"INSERT INTO _alembic_tmp_users (id, login, email) SELECT id, login, email FROM users"_s,
                            u"DROP TABLE users"_s, u"ALTER TABLE _alembic_tmp_users RENAME TO users"_s}),
                 QString());
        const SqliteIntrospector::Result after = SqliteIntrospector::introspect(path);
        QVERIFY2(before.ok() && after.ok(), qPrintable(before.error + after.error));
        // Only the column order differs (the comparison ignores it); no constraint or index does.
        QCOMPARE(SchemaDiff::compare(before.snapshot, after.snapshot).toText(), QString());
    }

    void saysWhatFailed()
    {
        QTemporaryDir dir;
        SqliteIntrospector::Result missing = SqliteIntrospector::introspect(dir.filePath(u"nope.db"_s));
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error.startsWith(u"no SQLite database at "_s), qPrintable(missing.error));
        QFile garbage(dir.filePath(u"garbage.db"_s));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray(4096, 'x'));
        garbage.close();
        const SqliteIntrospector::Result bad = SqliteIntrospector::introspect(garbage.fileName());
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error.contains(u"garbage.db"_s), qPrintable(bad.error));
        QVERIFY(QSqlDatabase::connectionNames().isEmpty());
        // The file was opened read-only: nothing was created.
        QVERIFY(!QFile::exists(dir.filePath(u"nope.db"_s)));
    }
};

QTEST_GUILESS_MAIN(TestSqliteIntrospector)
#include "tst_sqliteintrospector.moc"
