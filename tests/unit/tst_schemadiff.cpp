// SchemaDiff on hand-made snapshots: each kind of change, and nothing when equal.
#include "schemadiff.h"

#include <QTest>

using namespace retort;
using namespace Qt::StringLiterals;
using S = SchemaSnapshot;
using What = SchemaChange::What;
using Kind = SchemaChange::Kind;

namespace {

S::Data base()
{
    S::Data data;
    data.schemas = {{u"public"_s, {}}};
    S::Table books;
    books.schema = u"public"_s;
    books.name = u"books"_s;
    books.columns = {{u"id"_s, u"integer"_s, false, {}, S::Identity::ByDefault, {}, {}, {}},
                     {u"price"_s, u"integer"_s, true, {}, S::Identity::None, {}, {}, {}}};
    books.constraints = {
        {u"books_pkey"_s, S::ConstraintKind::PrimaryKey, {u"id"_s}, {}, {}, {}, {}, u"PRIMARY KEY (id)"_s}};
    books.indexes = {{u"books_price_idx"_s, {u"price"_s}, false, false, {}, u"btree"_s, true}};
    data.tables = {books};
    data.enums = {{u"public"_s, u"mood"_s, {u"sad"_s, u"happy"_s}, {}}};
    return data;
}

} // namespace

class TestSchemaDiff : public QObject
{
    Q_OBJECT

private slots:
    void equalSnapshotsHaveNoChanges()
    {
        const SchemaDiff diff = SchemaDiff::compare(S(base()), S(base()));
        QVERIFY(diff.isEmpty());
        QCOMPARE(diff.toText(), QString());
        // Statistics are not schema.
        S::Data analysed = base();
        analysed.tables[0].rowEstimate = 42;
        QVERIFY(SchemaDiff::compare(S(base()), S(analysed)).isEmpty());
    }

    void findsEachKindOfChange()
    {
        S::Data after = base();
        S::Table &books = after.tables[0];
        books.columns[1].type = u"numeric(10,2)"_s;
        books.columns[1].nullable = false;
        books.columns.append({u"isbn"_s, u"character varying(13)"_s, true, {}, S::Identity::None, {}, {}, {}});
        books.indexes.clear();
        after.enums[0].values.insert(1, u"ok"_s);
        after.schemas.append({u"audit"_s, {}});
        after.sequences.append({u"public"_s, u"tickets"_s, u"bigint"_s, 1, 1, 1, 100, false, {}});
        after.alembicVersions = {u"abc"_s};
        after.alembicVersionSchema = u"public"_s;
        const SchemaDiff diff = SchemaDiff::compare(S(base()), S(after));
        const QList<SchemaChange> expected = {
            {Kind::Schema, u"audit"_s, What::Added, {}, {}, {}},
            {Kind::Column, u"public.books.price"_s, What::Changed, u"type"_s, u"integer"_s, u"numeric(10,2)"_s},
            {Kind::Column, u"public.books.price"_s, What::Changed, u"nullable"_s, u"yes"_s, u"no"_s},
            {Kind::Column, u"public.books.isbn"_s, What::Added, {}, {}, u"character varying(13)"_s},
            {Kind::Index, u"public.books.books_price_idx"_s, What::Removed, {}, u"btree (price)"_s, {}},
            {Kind::Enum, u"public.mood"_s, What::Changed, u"values"_s, u"sad, happy"_s, u"sad, ok, happy"_s},
            {Kind::Sequence, u"public.tickets"_s, What::Added, {}, {}, u"bigint start 1 increment 1"_s},
            {Kind::AlembicVersion, u"public"_s, What::Changed, u"versions"_s, {}, u"abc"_s},
        };
        QCOMPARE(diff.changes(), expected);
        QCOMPARE(diff.changesAt(u"public.books"_s).size(), 4);
        QVERIFY(diff.toText().contains(u"~ column public.books.price type: integer -> numeric(10,2)\n"_s));
        QVERIFY(diff.toText().contains(u"+ column public.books.isbn: character varying(13)\n"_s));
        QVERIFY(diff.toText().contains(u"- index public.books.books_price_idx: btree (price)\n"_s));
    }

    void aTableBecomingAViewIsRemovedAndAdded()
    {
        S::Data after = base();
        after.tables[0].kind = S::TableKind::View;
        const SchemaDiff diff = SchemaDiff::compare(S(base()), S(after));
        QCOMPARE(diff.changes().size(), 2);
        QCOMPARE(diff.changes().at(0).kind, Kind::Table);
        QCOMPARE(diff.changes().at(0).what, What::Removed);
        QCOMPARE(diff.changes().at(1).kind, Kind::View);
        QCOMPARE(diff.changes().at(1).what, What::Added);
        // And a removed table is one change, not one per column.
        S::Data empty = base();
        empty.tables.clear();
        QCOMPARE(SchemaDiff::compare(S(base()), S(empty)).toText(), u"- table public.books: table\n"_s);
    }
};

QTEST_GUILESS_MAIN(TestSchemaDiff)
#include "tst_schemadiff.moc"
