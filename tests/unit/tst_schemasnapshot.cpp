// SchemaSnapshot: deterministic order, JSON round trip, fingerprint.
#include "schemasnapshot.h"

#include <QTest>

using namespace retort;
using namespace Qt::StringLiterals;
using S = SchemaSnapshot;

namespace {

/// A snapshot with one of everything, given out of order.
S::Data sample()
{
    S::Data data;
    data.databaseName = u"bookshelf"_s;
    data.serverVersion = u"15.5"_s;
    data.schemas = {{u"public"_s, u"standard public schema"_s}, {u"audit"_s, QString()}};
    S::Table books;
    books.schema = u"public"_s;
    books.name = u"books"_s;
    books.comment = u"Books on the shelf"_s;
    books.rowEstimate = 9'000'000'000'123LL; // more than a double holds exactly
    books.totalBytes = 16384;
    S::Column id{u"id"_s, u"integer"_s, false, {}, S::Identity::Always, {}, {}, {}};
    S::Column title{u"title"_s, u"text"_s, false, u"''::text"_s, S::Identity::None, {}, u"C"_s, u"the title"_s};
    S::Column price{u"price"_s, u"numeric(10,2)"_s, true, {}, S::Identity::None, {}, {}, {}};
    S::Column total{u"total"_s, u"numeric"_s, true, {}, S::Identity::None, u"price * 2"_s, {}, {}};
    books.columns = {id, title, price, total};
    S::Constraint fk{u"books_author_fkey"_s,
                     S::ConstraintKind::ForeignKey,
                     {u"author_id"_s},
                     u"public.authors"_s,
                     {u"id"_s},
                     u"cascade"_s,
                     u"no action"_s,
                     u"FOREIGN KEY (author_id) REFERENCES authors(id) ON DELETE CASCADE"_s};
    S::Constraint pk{u"books_pkey"_s, S::ConstraintKind::PrimaryKey, {u"id"_s}, {}, {}, {}, {}, u"PRIMARY KEY (id)"_s};
    books.constraints = {pk, fk};
    books.indexes = {{u"books_title_idx"_s, {u"lower(title)"_s}, true, false, u"price > 0"_s, u"btree"_s, false},
                     {u"books_pkey"_s, {u"id"_s}, true, true, {}, u"btree"_s, true}};
    S::Table view;
    view.schema = u"audit"_s;
    view.name = u"recent"_s;
    view.kind = S::TableKind::MaterializedView;
    view.viewDefinition = u"SELECT 1"_s;
    S::Table authors;
    authors.schema = u"public"_s;
    authors.name = u"authors"_s;
    data.tables = {books, view, authors};
    data.enums = {{u"public"_s, u"mood"_s, {u"sad"_s, u"ok"_s, u"happy"_s}, u"feelings"_s}};
    data.sequences = {{u"public"_s, u"tickets"_s, u"bigint"_s, 100, 5, 1, 9'223'372'036'854'775'807LL, true, {}}};
    data.alembicVersions = {u"b2"_s, u"a1"_s};
    data.alembicVersionSchema = u"public"_s;
    return data;
}

} // namespace

class TestSchemaSnapshot : public QObject
{
    Q_OBJECT

private slots:
    void sortsDeterministically()
    {
        const S snapshot(sample());
        QCOMPARE(snapshot.schemas().at(0).name, u"audit"_s);
        QCOMPARE(snapshot.tables().at(0).path(), u"audit.recent"_s);
        QCOMPARE(snapshot.tables().at(1).path(), u"public.authors"_s);
        QCOMPARE(snapshot.tables().at(2).path(), u"public.books"_s);
        const S::Table *books = snapshot.table(u"public"_s, u"books"_s);
        QVERIFY(books);
        // Columns keep the table's order; constraints and indexes are sorted by name.
        QCOMPARE(books->columns.at(0).name, u"id"_s);
        QCOMPARE(books->columns.at(3).name, u"total"_s);
        QCOMPARE(books->constraints.at(0).name, u"books_author_fkey"_s);
        QCOMPARE(books->indexes.at(0).name, u"books_pkey"_s);
        QCOMPARE(snapshot.alembicVersions(), (QStringList{u"a1"_s, u"b2"_s}));
        QCOMPARE(snapshot.enumType(u"public"_s, u"mood"_s)->values, (QStringList{u"sad"_s, u"ok"_s, u"happy"_s}));
        QVERIFY(!snapshot.table(u"public"_s, u"nope"_s));
        // The same data in another order is the same snapshot.
        S::Data shuffled = sample();
        std::reverse(shuffled.tables.begin(), shuffled.tables.end());
        std::reverse(shuffled.schemas.begin(), shuffled.schemas.end());
        QCOMPARE(S(shuffled), snapshot);
        QCOMPARE(S(shuffled).toJson(), snapshot.toJson());
    }

    void jsonRoundTrip()
    {
        const S snapshot(sample());
        const QByteArray json = snapshot.toJson();
        QString error;
        const std::optional<S> back = S::fromJson(json, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(*back, snapshot);
        QCOMPARE(back->toJson(), json);
        QCOMPARE(back->tables().at(2).rowEstimate, 9'000'000'000'123LL);
        QCOMPARE(back->sequences().at(0).maximum, 9'223'372'036'854'775'807LL);
        QCOMPARE(back->table(u"public"_s, u"books"_s)->column(u"id"_s)->identity, S::Identity::Always);
        QCOMPARE(back->table(u"audit"_s, u"recent"_s)->kind, S::TableKind::MaterializedView);
        QCOMPARE(back->table(u"public"_s, u"books"_s)->index(u"books_title_idx"_s)->valid, false);
        // The empty snapshot too.
        QCOMPARE(*S::fromJson(S().toJson()), S());
    }

    void rejectsWhatIsNotASnapshot()
    {
        QString error;
        QVERIFY(!S::fromJson("{not json", &error));
        QVERIFY(error.startsWith(u"not JSON"_s));
        QVERIFY(!S::fromJson(R"({"format": "something else"})", &error));
        QVERIFY(error.contains(u"not a Retort schema snapshot"_s));
        QByteArray bad = S(sample()).toJson().replace("\"materialized view\"", "\"spaceship\"");
        QVERIFY(!S::fromJson(bad, &error));
        QCOMPARE(error, u"unknown table kind 'spaceship'"_s);
    }

    void fingerprintFollowsTheStructureOnly()
    {
        const S snapshot(sample());
        QCOMPARE(snapshot.fingerprint().size(), 64);
        S::Data statistics = sample();
        statistics.tables[0].rowEstimate = 1;
        statistics.tables[0].totalBytes = 99;
        statistics.serverVersion = u"15.6"_s;
        QCOMPARE(S(statistics).fingerprint(), snapshot.fingerprint());
        QVERIFY(S(statistics) != snapshot);
        S::Data changed = sample();
        changed.tables[0].columns[2].type = u"numeric(12,2)"_s;
        QVERIFY(S(changed).fingerprint() != snapshot.fingerprint());
    }
};

QTEST_GUILESS_MAIN(TestSchemaSnapshot)
#include "tst_schemasnapshot.moc"
