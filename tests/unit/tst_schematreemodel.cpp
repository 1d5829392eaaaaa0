#include "schematreemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace retort;

namespace {

SchemaSnapshot bookshop()
{
    SchemaSnapshot::Data data;
    data.databaseName = QStringLiteral("demo");
    data.schemas = {{QStringLiteral("public"), {}}, {QStringLiteral("audit"), {}}};
    SchemaSnapshot::Table books;
    books.schema = QStringLiteral("public");
    books.name = QStringLiteral("books");
    books.columns = {{QStringLiteral("id"), QStringLiteral("integer"), false, {}, SchemaSnapshot::Identity::Always, {}, {}, {}},
                     {QStringLiteral("price"), QStringLiteral("numeric(10,2)"), true, {}, SchemaSnapshot::Identity::None, {}, {}, {}}};
    books.indexes = {{QStringLiteral("ix_books_price"), {QStringLiteral("price")}, false, false, {}, QStringLiteral("btree"), true}};
    SchemaSnapshot::Table log;
    log.schema = QStringLiteral("audit");
    log.name = QStringLiteral("audit_log");
    log.columns = {{QStringLiteral("id"), QStringLiteral("bigint"), false, {}, SchemaSnapshot::Identity::None, {}, {}, {}}};
    data.tables = {books, log};
    data.enums = {{QStringLiteral("public"), QStringLiteral("loan_status"), {QStringLiteral("out"), QStringLiteral("back")}, {}}};
    return SchemaSnapshot(data);
}

QModelIndex find(const SchemaTreeModel &model, const QString &path, const QModelIndex &parent = {})
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (index.data(SchemaTreeModel::PathRole).toString() == path)
            return index;
        const QModelIndex inside = find(model, path, index);
        if (inside.isValid())
            return inside;
    }
    return {};
}

} // namespace

class TestSchemaTreeModel : public QObject
{
    Q_OBJECT

private slots:
    void treeOfSchemasTablesAndColumns()
    {
        SchemaTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(bookshop());
        QCOMPARE(model.rowCount(), 2); // audit, public (sorted)
        const QModelIndex books = find(model, QStringLiteral("public.books"));
        QVERIFY(books.isValid());
        QCOMPARE(model.rowCount(books), 3); // two columns, one index
        QCOMPARE(model.index(1, SchemaTreeModel::DetailColumn, books).data().toString(), QStringLiteral("numeric(10,2)"));
        QVERIFY(model.index(0, SchemaTreeModel::DetailColumn, books).data().toString().contains(QLatin1String("NOT NULL")));
        QVERIFY(find(model, QStringLiteral("public.loan_status")).isValid());
        QCOMPARE(model.parent(books).data().toString(), QStringLiteral("public"));
    }

    void touchedObjectsAreMarked()
    {
        SchemaTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(bookshop());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setTouched({{TouchedObject::Kind::Table, TouchedObject::Action::Altered, {}, QStringLiteral("BOOKS"), {QStringLiteral("price")}},
                          {TouchedObject::Kind::Table, TouchedObject::Action::Created, {}, QStringLiteral("genres"), {}},
                          {TouchedObject::Kind::Type, TouchedObject::Action::Altered, QStringLiteral("public"), QStringLiteral("loan_status"), {}}});
        QVERIFY(changed.count() >= 3);
        QVERIFY(find(model, QStringLiteral("public.books")).data(SchemaTreeModel::TouchedRole).toBool());
        QVERIFY(find(model, QStringLiteral("public.books.price")).data(SchemaTreeModel::TouchedRole).toBool());
        QVERIFY(!find(model, QStringLiteral("public.books.id")).data(SchemaTreeModel::TouchedRole).toBool());
        QVERIFY(find(model, QStringLiteral("public.loan_status")).data(SchemaTreeModel::TouchedRole).toBool());
        QVERIFY(!find(model, QStringLiteral("audit.audit_log")).data(SchemaTreeModel::TouchedRole).toBool());
        QCOMPARE(model.touchedObjects().size(), 2);
        QCOMPARE(model.touchedButAbsent(), QStringList{QStringLiteral("genres")});
        model.setTouched({});
        QVERIFY(model.touchedObjects().isEmpty());
        QVERIFY(model.touchedButAbsent().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSchemaTreeModel)
#include "tst_schematreemodel.moc"
