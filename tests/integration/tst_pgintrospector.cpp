// PgIntrospector against a real PostgreSQL 15 (PostgresServer): a schema with every kind of object,
// the JSON round trip, SchemaDiff after real DDL, plain error messages, statement timeout and cancel,
// progress query by query.
#include "pgintrospector.h"
#include "postgresserver.h"
#include "schemadiff.h"
#include "serverfolder.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <pqxx/pqxx>
#include <thread>
#include <tuple>

using namespace retort;
using namespace Qt::StringLiterals;
using S = SchemaSnapshot;

namespace {

QByteArray fixture()
{
    QFile file(QStringLiteral(RETORT_FIXTURES_DIR "/schema/every_object.sql"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void exec(const QString &connection, const QByteArray &sql)
{
    pqxx::connection c(connection.toStdString());
    pqxx::nontransaction work(c);
    work.exec(sql.toStdString());
}

QString describe(const S::Table *table)
{
    return table ? QString::fromUtf8(S(S::Data{{}, {}, {}, {*table}, {}, {}, {}, {}}).toJson()) : u"(no such table)"_s;
}

} // namespace

class TestPgIntrospector : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<PostgresServer> m_server;
    QString m_shelf; // connection string of the database with every object

private slots:
    void initTestCase()
    {
        QVERIFY2(!PostgresServer::findBinDir().isEmpty(),
                 "PostgreSQL's server binaries are required (package postgresql-15)");
        QVERIFY(m_dir.isValid());
        QVERIFY(retort::test::openToServerUser(m_dir.path()));
        m_server = std::make_unique<PostgresServer>(m_dir.filePath(u"pg"_s));
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        QVERIFY2(m_server->createDatabase(u"shelf"_s, &error), qPrintable(error));
        m_shelf = m_server->connectionString(u"shelf"_s);
        const QByteArray sql = fixture();
        QVERIFY(!sql.isEmpty());
        exec(m_shelf, sql);
        // An invalid index: a unique index built concurrently over duplicates fails and stays behind.
        QVERIFY_THROWS_EXCEPTION(pqxx::sql_error,
                                 exec(m_shelf, "CREATE UNIQUE INDEX CONCURRENTLY notes_x_key ON public.notes (x)"));
    }

    void cleanupTestCase() { m_server.reset(); }

    void readsEveryKindOfObject()
    {
        PgIntrospector introspector;
        const PgIntrospector::Result result = introspector.introspect(m_shelf);
        QVERIFY2(result.ok(), qPrintable(result.error));
        const S &s = result.snapshot;
        QCOMPARE(s.databaseName(), u"shelf"_s);
        QVERIFY(s.serverVersion().startsWith(u"15"_s));
        QCOMPARE(s.schemas().size(), 2);
        QCOMPARE(s.schemas().at(0).name, u"library"_s);
        QCOMPARE(s.schemas().at(0).comment, u"the lending library"_s);
        QCOMPARE(s.schemas().at(1).name, u"public"_s);
        for (const S::Table &t : s.tables())
            QVERIFY2(t.schema == u"library" || t.schema == u"public", qPrintable(t.path()));

        const S::Table *authors = s.table(u"public"_s, u"authors"_s);
        QVERIFY(authors);
        QCOMPARE(authors->kind, S::TableKind::Table);
        QCOMPARE(authors->comment, u"people who write"_s);
        QCOMPARE(authors->columns.size(), 3);
        QCOMPARE(authors->columns.at(0).name, u"id"_s);
        QCOMPARE(authors->columns.at(0).identity, S::Identity::Always);
        QCOMPARE(authors->columns.at(0).nullable, false);
        QCOMPARE(authors->columns.at(1).collation, u"C"_s);
        QCOMPARE(authors->columns.at(1).comment, u"full name"_s);
        QCOMPARE(authors->columns.at(2).defaultValue, u"'1900-01-01'::date"_s);
        QCOMPARE(authors->columns.at(2).collation, QString());
        QCOMPARE(authors->constraint(u"authors_name_key"_s)->kind, S::ConstraintKind::Unique);
        QCOMPARE(authors->constraint(u"authors_pkey"_s)->columns, QStringList{u"id"_s});

        const S::Table *books = s.table(u"library"_s, u"books"_s);
        QVERIFY2(books && books->columns.size() == 8, qPrintable(describe(books)));
        QCOMPARE(books->column(u"id"_s)->type, u"bigint"_s);
        QCOMPARE(books->column(u"id"_s)->identity, S::Identity::ByDefault);
        QCOMPARE(books->column(u"title"_s)->type, u"character varying(200)"_s);
        QCOMPARE(books->column(u"price"_s)->type, u"numeric(10,2)"_s);
        QCOMPARE(books->column(u"price"_s)->nullable, true);
        QCOMPARE(books->column(u"price_with_tax"_s)->generated, u"price * 1.2"_s);
        QCOMPARE(books->column(u"price_with_tax"_s)->defaultValue, QString());
        QCOMPARE(books->column(u"mood"_s)->type, u"mood"_s);
        QCOMPARE(books->column(u"mood"_s)->defaultValue, u"'ok'::mood"_s);
        QCOMPARE(books->column(u"serial_no"_s)->defaultValue, u"nextval('library.books_serial_no_seq'::regclass)"_s);
        const S::Constraint *fk = books->constraint(u"books_author_id_fkey"_s);
        QVERIFY2(fk, qPrintable(describe(books)));
        QCOMPARE(fk->kind, S::ConstraintKind::ForeignKey);
        QCOMPARE(fk->columns, QStringList{u"author_id"_s});
        QCOMPARE(fk->referencedTable, u"public.authors"_s);
        QCOMPARE(fk->referencedColumns, QStringList{u"id"_s});
        QCOMPARE(fk->onDelete, u"cascade"_s);
        QCOMPARE(fk->onUpdate, u"restrict"_s);
        const S::Constraint *check = books->constraint(u"books_price_check"_s);
        QVERIFY(check);
        QCOMPARE(check->kind, S::ConstraintKind::Check);
        QCOMPARE(check->definition, u"CHECK (price >= 0::numeric)"_s);
        QCOMPARE(check->onDelete, QString());
        const S::Index *partial = books->index(u"books_isbn_live"_s);
        QVERIFY(partial);
        QVERIFY(partial->unique);
        QCOMPARE(partial->columns, QStringList{u"isbn"_s});
        QCOMPARE(partial->predicate, u"isbn IS NOT NULL"_s);
        QCOMPARE(books->index(u"books_lower_title"_s)->columns, QStringList{u"lower(title::text)"_s});
        QCOMPARE(books->index(u"books_lower_title"_s)->unique, false);
        QCOMPARE(books->index(u"books_mood_hash"_s)->method, u"hash"_s);
        QVERIFY(books->index(u"books_pkey"_s)->primary);
        QVERIFY(books->totalBytes > 0);

        const S::Table *loans = s.table(u"library"_s, u"loans"_s);
        QVERIFY(loans);
        const S::Constraint *exclusion = loans->constraint(u"loans_no_overlap"_s);
        QVERIFY(exclusion);
        QCOMPARE(exclusion->kind, S::ConstraintKind::Exclusion);
        QCOMPARE(exclusion->columns, QStringList{u"during"_s});
        QCOMPARE(exclusion->definition, u"EXCLUDE USING gist (during WITH &&)"_s);
        QCOMPARE(loans->index(u"loans_no_overlap"_s)->method, u"gist"_s);
        QCOMPARE(loans->constraint(u"loans_book_id_fkey"_s)->onDelete, u"no action"_s);

        const S::Table *view = s.table(u"library"_s, u"cheap_books"_s);
        QVERIFY(view);
        QCOMPARE(view->kind, S::TableKind::View);
        QVERIFY2(view->viewDefinition.contains(u"price < 10"_s), qPrintable(view->viewDefinition));
        QCOMPARE(view->columns.size(), 2);
        QCOMPARE(view->rowEstimate, -1);
        const S::Table *counts = s.table(u"library"_s, u"book_counts"_s);
        QVERIFY(counts);
        QCOMPARE(counts->kind, S::TableKind::MaterializedView);
        QCOMPARE(counts->column(u"n"_s)->type, u"bigint"_s);

        QCOMPARE(s.table(u"public"_s, u"notes"_s)->index(u"notes_x_key"_s)->valid, false);
        QCOMPARE(books->index(u"books_pkey"_s)->valid, true);

        QCOMPARE(s.enums().size(), 1);
        QCOMPARE(s.enums().at(0).values, (QStringList{u"sad"_s, u"ok"_s, u"happy"_s}));
        QCOMPARE(s.enums().at(0).comment, u"how a reader felt"_s);

        const S::Sequence *tickets = s.sequence(u"public"_s, u"tickets"_s);
        QVERIFY(tickets);
        QCOMPARE(tickets->type, u"bigint"_s);
        QCOMPARE(tickets->start, 100);
        QCOMPARE(tickets->increment, 5);
        QVERIFY(tickets->cycle);
        QCOMPARE(tickets->ownedBy, QString());
        QCOMPARE(s.sequence(u"library"_s, u"books_serial_no_seq"_s)->ownedBy, u"library.books.serial_no"_s);
        QCOMPARE(s.sequence(u"public"_s, u"authors_id_seq"_s)->ownedBy, u"public.authors.id"_s);

        QCOMPARE(s.alembicVersionSchema(), u"public"_s);
        QCOMPARE(s.alembicVersions(), (QStringList{u"1a2b3c"_s, u"4d5e6f"_s}));

        // The JSON round trip, and the same snapshot on a second reading.
        QCOMPARE(*S::fromJson(s.toJson()), s);
        PgIntrospector again;
        QCOMPARE(again.introspect(m_shelf).snapshot.fingerprint(), s.fingerprint());
    }

    void acceptsUrls()
    {
        PgIntrospector introspector;
        QString url = m_server->sqlalchemyUrl(u"shelf"_s);
        url.replace(u"postgresql://"_s, u"postgresql+psycopg2://"_s);
        const PgIntrospector::Result result = introspector.introspect(url);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.snapshot.databaseName(), u"shelf"_s);
    }

    void diffFindsRealChanges()
    {
        QString error;
        QVERIFY2(m_server->createDatabase(u"changing"_s, &error), qPrintable(error));
        const QString db = m_server->connectionString(u"changing"_s);
        exec(db, fixture());
        PgIntrospector first;
        const PgIntrospector::Result before = first.introspect(db);
        QVERIFY2(before.ok(), qPrintable(before.error));
        exec(db, "ALTER TABLE library.books ADD COLUMN pages integer NOT NULL DEFAULT 0;"
                 "ALTER TABLE library.books ALTER COLUMN isbn TYPE varchar(13);"
                 "DROP INDEX library.books_mood_hash;"
                 "ALTER TYPE public.mood ADD VALUE 'ecstatic';"
                 "ALTER TABLE library.loans DROP CONSTRAINT loans_book_id_fkey;"
                 "DROP VIEW library.cheap_books;"
                 "CREATE SEQUENCE library.receipts;"
                 "COMMENT ON TABLE public.authors IS 'writers';"
                 "UPDATE public.alembic_version SET version_num = '7a8b9c' WHERE version_num = '4d5e6f';");
        PgIntrospector second;
        const PgIntrospector::Result after = second.introspect(db);
        QVERIFY2(after.ok(), qPrintable(after.error));
        const SchemaDiff diff = SchemaDiff::compare(before.snapshot, after.snapshot);
        const QString text = diff.toText();
        const QStringList expected = {
            u"~ table public.authors comment: people who write -> writers"_s,
            u"+ column library.books.pages: integer not null default 0"_s,
            u"~ column library.books.isbn type: text -> character varying(13)"_s,
            u"- index library.books.books_mood_hash: hash (mood)"_s,
            u"- constraint library.loans.loans_book_id_fkey: foreign key FOREIGN KEY (book_id) REFERENCES library.books(id)"_s,
            u"- view library.cheap_books: view"_s,
            u"~ enum public.mood values: sad, ok, happy -> sad, ok, happy, ecstatic"_s,
            u"+ sequence library.receipts: bigint start 1 increment 1"_s,
            u"~ alembic_version public versions: 1a2b3c, 4d5e6f -> 1a2b3c, 7a8b9c"_s,
        };
        for (const QString &line : expected)
            QVERIFY2(text.contains(line + u'\n'), qPrintable(u"missing: "_s + line + u"\nin:\n"_s + text));
        QCOMPARE(diff.changes().size(), expected.size());
    }

    void reportsEachBulkQueryInOrder()
    {
        QList<std::tuple<int, int, QString>> steps;
        const auto thread = std::this_thread::get_id();
        bool sameThread = true;
        PgIntrospector introspector;
        const PgIntrospector::Result result =
            introspector.introspect(m_shelf, [&](int step, int total, const QString &query) {
                sameThread = sameThread && std::this_thread::get_id() == thread;
                steps.append({step, total, query});
            });
        QVERIFY2(result.ok(), qPrintable(result.error));
        const QStringList names = PgIntrospector::queryNames();
        QCOMPARE(names.size(), 8);
        QCOMPARE(steps.size(), names.size());
        for (int k = 0; k < steps.size(); ++k)
            QCOMPARE(steps.at(k), std::make_tuple(k + 1, int(names.size()), names.at(k)));
        QVERIFY(sameThread); // the caller's thread: SchemaLoader queues it to the GUI
        for (const QString &name : names)
            QVERIFY2(!PgIntrospector::query(name).isEmpty(), qPrintable(name));

        // A failed connection runs no query and reports none.
        steps.clear();
        QString wrong = m_shelf;
        wrong.replace(m_server->password(), u"not-the-password"_s);
        PgIntrospector refused;
        QVERIFY(!refused
                     .introspect(wrong,
                                 [&](int step, int total, const QString &query) {
                                     steps.append({step, total, query});
                                 })
                     .ok());
        QVERIFY(steps.isEmpty());
    }

    void saysWhatFailed_data()
    {
        QTest::addColumn<QString>("connection");
        QTest::addColumn<QString>("expected");
        QTest::newRow("wrong password") << u"wrong password"_s << u"authentication failed"_s;
        QTest::newRow("unknown database") << u"unknown database"_s << u"unknown database"_s;
        QTest::newRow("closed port") << u"closed port"_s << u"connection refused"_s;
    }

    void saysWhatFailed()
    {
        QFETCH(QString, connection);
        QFETCH(QString, expected);
        QString text = m_server->connectionString(u"shelf"_s);
        if (connection == u"wrong password")
            text.replace(m_server->password(), u"not-the-password"_s);
        else if (connection == u"unknown database")
            text = m_server->connectionString(u"no_such_db"_s);
        else
            text.replace(u"port=%1"_s.arg(m_server->port()), u"port=1"_s); // nothing listens on port 1
        PgIntrospector introspector;
        const PgIntrospector::Result result = introspector.introspect(text);
        QVERIFY(!result.ok());
        QVERIFY2(result.error.startsWith(expected), qPrintable(result.error));
        QCOMPARE(result.authenticationFailed, connection == u"wrong password");
        QVERIFY(!result.error.contains(m_server->password()));
        QCOMPARE(result.snapshot, S());
        if (connection == u"unknown database")
            QVERIFY2(result.error.contains(u"no_such_db"_s), qPrintable(result.error));
    }

    void statementTimeoutNamesTheQuery()
    {
        // Another session holds an exclusive lock on the catalog of sequences: the last query waits.
        pqxx::connection locker(m_shelf.toStdString());
        pqxx::work lock(locker);
        lock.exec("LOCK TABLE pg_catalog.pg_sequence IN ACCESS EXCLUSIVE MODE");
        PgIntrospector introspector(PgIntrospector::Options{300});
        QElapsedTimer timer;
        timer.start();
        const PgIntrospector::Result result = introspector.introspect(m_shelf);
        QVERIFY(!result.ok());
        QVERIFY2(result.error.startsWith(u"statement timeout: the catalog query 'sequences' took longer than 300 ms"_s),
                 qPrintable(result.error));
        QVERIFY(timer.elapsed() < 10'000);
    }

    void cancelFromAnotherThread()
    {
        pqxx::connection locker(m_shelf.toStdString());
        pqxx::work lock(locker);
        lock.exec("LOCK TABLE pg_catalog.pg_sequence IN ACCESS EXCLUSIVE MODE");
        PgIntrospector introspector; // 30 s timeout: only the cancel can end it quickly
        PgIntrospector::Result result;
        QElapsedTimer timer;
        timer.start();
        std::thread worker(
            [&] { result = introspector.introspect(m_shelf + u" application_name=retort_cancel_test"_s); });
        const auto waiting = [this] {
            pqxx::connection c(m_shelf.toStdString());
            pqxx::nontransaction w(c);
            return w.exec("SELECT 1 FROM pg_stat_activity WHERE application_name = 'retort_cancel_test' "
                          "AND wait_event_type = 'Lock'")
                       .size() == 1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(waiting(), 20'000);
        introspector.cancel();
        worker.join();
        QCOMPARE(result.error, u"cancelled"_s);
        QVERIFY(timer.elapsed() < 20'000);
        QVERIFY(introspector.isCancelled());
        // Cancelled before starting: nothing is read.
        PgIntrospector early;
        early.cancel();
        QCOMPARE(early.introspect(m_shelf).error, u"cancelled"_s);
    }
};

QTEST_GUILESS_MAIN(TestPgIntrospector)
#include "tst_pgintrospector.moc"
