#include "sqltouchedobjects.h"

#include <QTest>

using namespace retort;

using Kind = TouchedObject::Kind;
using Action = TouchedObject::Action;

Q_DECLARE_METATYPE(QList<TouchedObject>)

namespace QTest {
template <>
char *toString(const QList<TouchedObject> &objects)
{
    QStringList lines;
    for (const TouchedObject &o : objects)
        lines.append(QStringLiteral("%1 %2 %3.%4 [%5]").arg(int(o.kind)).arg(int(o.action)).arg(o.schema, o.name, o.columns.join(u',')));
    return qstrdup(lines.join(u'\n').toUtf8().constData());
}
} // namespace QTest

class TestSqlTouchedObjects : public QObject
{
    Q_OBJECT

private slots:
    void find_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QList<TouchedObject>>("expected");
        QTest::newRow("create table") << QStringLiteral("CREATE TABLE authors (id SERIAL NOT NULL, name VARCHAR(200), PRIMARY KEY (id));")
                                      << QList<TouchedObject>{{Kind::Table, Action::Created, {}, QStringLiteral("authors"), {QStringLiteral("id"), QStringLiteral("name")}}};
        QTest::newRow("add, alter and drop columns")
            << QStringLiteral("ALTER TABLE books ADD COLUMN isbn VARCHAR(13);\n\nALTER TABLE books ALTER COLUMN price TYPE NUMERIC(10, 2);\n"
                              "ALTER TABLE books DROP COLUMN shelf_code;")
            << QList<TouchedObject>{{Kind::Table, Action::Altered, {}, QStringLiteral("books"),
                                     {QStringLiteral("isbn"), QStringLiteral("price"), QStringLiteral("shelf_code")}}};
        QTest::newRow("schema-qualified update")
            << QStringLiteral("UPDATE public.users SET display_name=users.username WHERE users.display_name IS NULL;")
            << QList<TouchedObject>{{Kind::Table, Action::Written, QStringLiteral("public"), QStringLiteral("users"), {QStringLiteral("display_name")}}};
        QTest::newRow("written, then altered")
            << QStringLiteral("INSERT INTO genres (name) VALUES ('poetry'); ALTER TABLE genres ADD CONSTRAINT uq UNIQUE (name);")
            << QList<TouchedObject>{{Kind::Table, Action::Altered, {}, QStringLiteral("genres"), {QStringLiteral("name")}}};
        QTest::newRow("index and rename")
            << QStringLiteral("CREATE INDEX ix_books_author_id ON books (author_id); ALTER TABLE loans RENAME COLUMN due TO due_on;")
            << QList<TouchedObject>{{Kind::Table, Action::Altered, {}, QStringLiteral("books"), {QStringLiteral("author_id")}},
                                    {Kind::Table, Action::Altered, {}, QStringLiteral("loans"), {QStringLiteral("due"), QStringLiteral("due_on")}}};
        QTest::newRow("drop table and type")
            << QStringLiteral("DROP TABLE audit.audit_log; DROP TYPE loan_status;")
            << QList<TouchedObject>{{Kind::Table, Action::Dropped, QStringLiteral("audit"), QStringLiteral("audit_log"), {}},
                                    {Kind::Type, Action::Dropped, {}, QStringLiteral("loan_status"), {}}};
        QTest::newRow("enum") << QStringLiteral("CREATE TYPE loan_status AS ENUM ('out', 'back'); ALTER TYPE loan_status ADD VALUE 'lost';")
                              << QList<TouchedObject>{{Kind::Type, Action::Created, {}, QStringLiteral("loan_status"), {}}};
        QTest::newRow("alembic's own bookkeeping and comments")
            << QStringLiteral("BEGIN;\n\n-- Running upgrade a -> b\n\nUPDATE alembic_version SET version_num='b' WHERE alembic_version.version_num = 'a';\n\nCOMMIT;")
            << QList<TouchedObject>{{Kind::Table, Action::Written, {}, QStringLiteral("alembic_version"), {QStringLiteral("version_num")}}};
        QTest::newRow("nothing") << QString() << QList<TouchedObject>{};
    }

    void find()
    {
        QFETCH(QString, sql);
        QFETCH(QList<TouchedObject>, expected);
        QString error;
        QCOMPARE(SqlTouchedObjects::find(sql, &error), expected);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void aStatementThatDoesNotParseIsReportedAndTheRestStillCounts()
    {
        QString error;
        const QList<TouchedObject> objects =
            SqlTouchedObjects::find(QStringLiteral("ALTER TABLE books ADD COLUMN x int;\nALTER TABLE WHAT;\nDROP TABLE authors;"), &error);
        QCOMPARE(objects.size(), 2);
        QCOMPARE(objects.at(1).name, QStringLiteral("authors"));
        QVERIFY2(error.startsWith(QLatin1String("line 2:")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestSqlTouchedObjects)
#include "tst_sqltouchedobjects.moc"
