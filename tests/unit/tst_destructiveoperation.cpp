// DestructiveOperation: what a plan's confirmation must list, found in PostgreSQL's parse tree.
#include "destructiveoperation.h"

#include <QTest>

using namespace retort;
using namespace Qt::StringLiterals;
using Kind = DestructiveOperation::Kind;

class TestDestructiveOperation : public QObject
{
    Q_OBJECT

private slots:
    void findsWhatLosesDataOrRewrites()
    {
        const QString sql = u"CREATE TABLE genres (id serial PRIMARY KEY);\n"
                            "ALTER TABLE books ADD COLUMN isbn text;\n"
                            "ALTER TABLE books DROP COLUMN shelf_code;\n"
                            "ALTER TABLE books ALTER COLUMN price TYPE NUMERIC(10, 2);\n"
                            "ALTER TABLE shop.users ALTER COLUMN display_name SET NOT NULL;\n"
                            "DROP TABLE legacy_loans, old_audit;\n"
                            "TRUNCATE audit_log;\n"
                            "DROP TYPE loan_status;\n"
                            "UPDATE users SET display_name = username;\n"_s;
        const QList<DestructiveOperation> found = DestructiveOperation::find(sql);
        const QList<DestructiveOperation> expected{
            {Kind::DropColumn, u"books.shelf_code"_s, 3},
            {Kind::ChangeColumnType, u"books.price"_s, 4},
            {Kind::SetNotNull, u"shop.users.display_name"_s, 5},
            {Kind::DropTable, u"legacy_loans"_s, 6},
            {Kind::DropTable, u"old_audit"_s, 6},
            {Kind::Truncate, u"audit_log"_s, 7},
            {Kind::DropType, u"loan_status"_s, 8},
        };
        QCOMPARE(found.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i)
            QCOMPARE(found.at(i), expected.at(i));
        QCOMPARE(found.at(0).describe(), u"drops column books.shelf_code"_s);
    }

    void harmlessSqlFindsNothing()
    {
        QVERIFY(DestructiveOperation::find(u"CREATE INDEX ix ON books (title); ALTER TABLE books ADD COLUMN x int;"_s).isEmpty());
        QVERIFY(DestructiveOperation::find(u"this is not sql; DROP TABLE t"_s).size() == 1);
    }
};

QTEST_GUILESS_MAIN(TestDestructiveOperation)
#include "tst_destructiveoperation.moc"
