#include "sqlstatementsplitter.h"

#include <QTest>

using namespace retort;

namespace {

// What `alembic upgrade --sql` prints for PostgreSQL: statements separated by ";\n\n", a
// transaction around them and a comment before each revision.
const QString kAlembicOutput = QStringLiteral("BEGIN;\n"
                                              "\n"
                                              "CREATE TABLE alembic_version (\n"
                                              "    version_num VARCHAR(32) NOT NULL, \n"
                                              "    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n"
                                              ");\n"
                                              "\n"
                                              "-- Running upgrade  -> 0c0b52f6f7f0\n"
                                              "\n"
                                              "CREATE TABLE authors (\n"
                                              "    id SERIAL NOT NULL\n"
                                              ");\n"
                                              "\n"
                                              "INSERT INTO alembic_version (version_num) VALUES ('0c0b52f6f7f0') "
                                              "RETURNING alembic_version.version_num;\n"
                                              "\n"
                                              "-- Running upgrade 0c0b52f6f7f0 -> 6f4c88afc42c\n"
                                              "\n"
                                              "UPDATE alembic_version SET version_num='6f4c88afc42c' "
                                              "WHERE alembic_version.version_num = '0c0b52f6f7f0';\n"
                                              "\n"
                                              "COMMIT;\n"
                                              "\n");

const QStringList kAlembicStatements{
    QStringLiteral("BEGIN;"),
    QStringLiteral("CREATE TABLE alembic_version (\n"
                   "    version_num VARCHAR(32) NOT NULL, \n"
                   "    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n"
                   ");"),
    QStringLiteral("CREATE TABLE authors (\n    id SERIAL NOT NULL\n);"),
    QStringLiteral("INSERT INTO alembic_version (version_num) VALUES ('0c0b52f6f7f0') "
                   "RETURNING alembic_version.version_num;"),
    QStringLiteral("UPDATE alembic_version SET version_num='6f4c88afc42c' "
                   "WHERE alembic_version.version_num = '0c0b52f6f7f0';"),
    QStringLiteral("COMMIT;"),
};

QStringList texts(const QString &sql, const QList<SqlStatement> &statements)
{
    QStringList result;
    for (const SqlStatement &statement : statements)
        result.append(sql.mid(statement.start, statement.length));
    return result;
}

QList<int> lines(const QList<SqlStatement> &statements)
{
    QList<int> result;
    for (const SqlStatement &statement : statements)
        result.append(statement.line);
    return result;
}

} // namespace

class TestSqlStatementSplitter : public QObject
{
    Q_OBJECT

private slots:
    void split_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<bool>("byHand"); // the hand splitter alone, not libpg_query
        QTest::addColumn<QStringList>("statements");
        QTest::addColumn<QList<int>>("lines");

        const QList<int> alembicLines{1, 3, 10, 14, 18, 20};
        for (const char *dialect : {"postgresql", "sqlite", "mysql", "oracle"}) {
            const QString name = QString::fromLatin1(dialect);
            QTest::addRow("alembic %s", dialect)
                << kAlembicOutput << name << false << kAlembicStatements << alembicLines;
        }
        QTest::addRow("alembic postgresql by hand")
            << kAlembicOutput << QStringLiteral("postgresql") << true << kAlembicStatements << alembicLines;

        const QString strings = QStringLiteral("INSERT INTO t VALUES ('a;b', 'it''s; fine');\n"
                                               "SELECT \"odd;name\" FROM t;");
        const QStringList stringStatements{QStringLiteral("INSERT INTO t VALUES ('a;b', 'it''s; fine');"),
                                           QStringLiteral("SELECT \"odd;name\" FROM t;")};
        for (const char *dialect : {"postgresql", "sqlite", "mysql"})
            QTest::addRow("semicolons in strings, %s", dialect)
                << strings << QString::fromLatin1(dialect) << false << stringStatements << QList<int>{1, 2};

        const QString comments = QStringLiteral("/* a; b */ SELECT 1; -- c; d\nSELECT 2;");
        QTest::newRow("semicolons in comments")
            << comments << QStringLiteral("sqlite") << false
            << QStringList{QStringLiteral("SELECT 1;"), QStringLiteral("SELECT 2;")} << QList<int>{1, 2};

        const QString dollar =
            QStringLiteral("CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;\n"
                           "SELECT $1, $$;$$;");
        const QStringList dollarStatements{
            QStringLiteral("CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;"),
            QStringLiteral("SELECT $1, $$;$$;")};
        QTest::newRow("dollar quotes") << dollar << QStringLiteral("postgresql") << false << dollarStatements
                                       << QList<int>{1, 2};
        QTest::newRow("dollar quotes by hand")
            << dollar << QStringLiteral("postgresql") << true << dollarStatements << QList<int>{1, 2};

        const QString doBlock = QStringLiteral("BEGIN;\n\n"
                                               "DO $$\n"
                                               "BEGIN\n"
                                               "    RAISE NOTICE 'a;b';\n"
                                               "    PERFORM 1;\n"
                                               "END\n"
                                               "$$;\n\n"
                                               "COMMIT;\n");
        const QStringList doStatements{
            QStringLiteral("BEGIN;"), QStringLiteral("DO $$\nBEGIN\n    RAISE NOTICE 'a;b';\n    PERFORM 1;\nEND\n$$;"),
            QStringLiteral("COMMIT;")};
        QTest::newRow("DO block") << doBlock << QStringLiteral("postgresql") << false << doStatements
                                  << QList<int>{1, 3, 10};
        QTest::newRow("DO block by hand")
            << doBlock << QStringLiteral("postgresql") << true << doStatements << QList<int>{1, 3, 10};

        // UTF-8 is longer than UTF-16 here: libpg_query's byte offsets must be converted.
        const QString nonAscii = QStringLiteral("-- Ünïcödé 🎉 comment\n"
                                                "INSERT INTO bücher VALUES ('café 🎉;', 'ß');\n"
                                                "SELECT '日本語'; SELECT 2;");
        const QStringList nonAsciiStatements{QStringLiteral("INSERT INTO bücher VALUES ('café 🎉;', 'ß');"),
                                             QStringLiteral("SELECT '日本語';"), QStringLiteral("SELECT 2;")};
        QTest::newRow("non-ASCII") << nonAscii << QStringLiteral("postgresql") << false << nonAsciiStatements
                                   << QList<int>{2, 3, 3};
        QTest::newRow("non-ASCII by hand")
            << nonAscii << QStringLiteral("sqlite") << false << nonAsciiStatements << QList<int>{2, 3, 3};
        const QString lone = QStringLiteral("SELECT '") + QChar(0xd800) + QStringLiteral("';\nSELECT 'é';");
        QTest::newRow("lone surrogate") << lone << QStringLiteral("postgresql") << false
                                        << QStringList{lone.left(lone.indexOf(u'\n')), QStringLiteral("SELECT 'é';")}
                                        << QList<int>{1, 2};

        for (const char *dialect : {"postgresql", "sqlite"}) {
            const QString name = QString::fromLatin1(dialect);
            QTest::addRow("empty, %s", dialect) << QString() << name << false << QStringList() << QList<int>();
            QTest::addRow("blank, %s", dialect)
                << QStringLiteral(" \n\t\n") << name << false << QStringList() << QList<int>();
            QTest::addRow("comments only, %s", dialect)
                << QStringLiteral("-- Running upgrade a -> b\n\n/* nothing */\n") << name << false << QStringList()
                << QList<int>();
            QTest::addRow("bare semicolons, %s", dialect)
                << QStringLiteral(";\n;; ;") << name << false << QStringList() << QList<int>();
            QTest::addRow("no final semicolon, %s", dialect)
                << QStringLiteral("SELECT 1;\nSELECT 2\n\n-- done\n") << name << false
                << QStringList{QStringLiteral("SELECT 1;"), QStringLiteral("SELECT 2")} << QList<int>{1, 2};
            // libpg_query's scanner drops chunks without a keyword; they are shown all the same
            QTest::addRow("invalid SQL, %s", dialect)
                << QStringLiteral("SELEC garbage;\nfoo bar;\nCREATE TABLE x (id int);") << name << false
                << QStringList{QStringLiteral("SELEC garbage;"), QStringLiteral("foo bar;"),
                               QStringLiteral("CREATE TABLE x (id int);")}
                << QList<int>{1, 2, 3};
            // libpg_query cannot scan this: the hand splitter takes over; the string runs to the end
            QTest::addRow("unterminated string, %s", dialect)
                << QStringLiteral("SELECT 1;\nSELECT 'open; SELECT 2;\n") << name << false
                << QStringList{QStringLiteral("SELECT 1;"), QStringLiteral("SELECT 'open; SELECT 2;\n")}
                << QList<int>{1, 2};
        }

        const QString escape = QStringLiteral("SELECT E'it\\'s; -- no comment';\nSELECT 2;");
        const QStringList escapeStatements{QStringLiteral("SELECT E'it\\'s; -- no comment';"),
                                           QStringLiteral("SELECT 2;")};
        QTest::newRow("E string") << escape << QStringLiteral("postgresql") << false << escapeStatements
                                  << QList<int>{1, 2};
        QTest::newRow("E string by hand")
            << escape << QStringLiteral("postgresql") << true << escapeStatements << QList<int>{1, 2};
        const QString nested = QStringLiteral("/* outer /* inner; */ still; */ SELECT 1;");
        QTest::newRow("nested comment") << nested << QStringLiteral("postgresql") << false
                                        << QStringList{QStringLiteral("SELECT 1;")} << QList<int>{1};
        QTest::newRow("nested comment by hand") << nested << QStringLiteral("postgresql") << true
                                                << QStringList{QStringLiteral("SELECT 1;")} << QList<int>{1};
        // the parentheses of a rule hold semicolons (libpg_query knows; a plain splitter would not)
        QTest::newRow("rule")
            << QStringLiteral("CREATE RULE r AS ON INSERT TO t DO ALSO (SELECT 1; SELECT 2);\nSELECT 3;")
            << QStringLiteral("postgresql") << false
            << QStringList{QStringLiteral("CREATE RULE r AS ON INSERT TO t DO ALSO (SELECT 1; SELECT 2);"),
                           QStringLiteral("SELECT 3;")}
            << QList<int>{1, 2};

        const QString trigger = QStringLiteral("CREATE TEMP TRIGGER t AFTER INSERT ON a BEGIN\n"
                                               "    UPDATE b SET n = n + 1;\n"
                                               "    DELETE FROM c;\n"
                                               "END;\n"
                                               "SELECT 1;");
        QTest::newRow("sqlite trigger") << trigger << QStringLiteral("sqlite") << false
                                        << QStringList{trigger.left(trigger.indexOf(QStringLiteral("END;")) + 4),
                                                       QStringLiteral("SELECT 1;")}
                                        << QList<int>{1, 5};
        QTest::newRow("sqlite brackets") << QStringLiteral("SELECT [a;b] FROM t; SELECT 2;") << QStringLiteral("sqlite")
                                         << false
                                         << QStringList{QStringLiteral("SELECT [a;b] FROM t;"),
                                                        QStringLiteral("SELECT 2;")}
                                         << QList<int>{1, 1};
        QTest::newRow("mysql quoting")
            << QStringLiteral("INSERT INTO `a;b` VALUES ('x\\';y', \"z\\\";\"); # c;\nSELECT 1;")
            << QStringLiteral("mysql") << false
            << QStringList{QStringLiteral("INSERT INTO `a;b` VALUES ('x\\';y', \"z\\\";\");"),
                           QStringLiteral("SELECT 1;")}
            << QList<int>{1, 2};
    }

    void split()
    {
        QFETCH(QString, sql);
        QFETCH(QString, dialect);
        QFETCH(bool, byHand);
        QFETCH(QStringList, statements);
        QFETCH(QList<int>, lines);
        const SqlDialect d = SqlStatementSplitter::dialectFromName(dialect);
        const QList<SqlStatement> found =
            byHand ? SqlStatementSplitter::splitByHand(sql, d) : SqlStatementSplitter::split(sql, dialect);
        QCOMPARE(texts(sql, found), statements);
        QCOMPARE(::lines(found), lines);
    }

    void dialectNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("dialect");
        QTest::newRow("postgresql") << QStringLiteral("postgresql") << int(SqlDialect::PostgreSQL);
        QTest::newRow("any case") << QStringLiteral("PostgreSQL") << int(SqlDialect::PostgreSQL);
        QTest::newRow("sqlite") << QStringLiteral("sqlite") << int(SqlDialect::SQLite);
        QTest::newRow("mysql") << QStringLiteral("mysql") << int(SqlDialect::MySQL);
        QTest::newRow("mariadb") << QStringLiteral("mariadb") << int(SqlDialect::MySQL);
        QTest::newRow("mssql") << QStringLiteral("mssql") << int(SqlDialect::Generic);
        QTest::newRow("empty") << QString() << int(SqlDialect::Generic);
    }

    void dialectNames()
    {
        QFETCH(QString, name);
        QFETCH(int, dialect);
        QCOMPARE(int(SqlStatementSplitter::dialectFromName(name)), dialect);
    }

    void handSplitterWorksOnARange()
    {
        const QString sql = QStringLiteral("SELECT 1;\nSELECT 2;\nSELECT 3;");
        const QList<SqlStatement> found = SqlStatementSplitter::splitByHand(sql, SqlDialect::SQLite, 10, 19);
        QCOMPARE(texts(sql, found), QStringList{QStringLiteral("SELECT 2;")});
        QCOMPARE(found.constFirst().line, 2);
    }

    void manyStatements()
    {
        // 20,000 statements with non-ASCII text: offsets and lines stay right to the end
        QString sql;
        for (int i = 0; i < 20000; ++i)
            sql += QStringLiteral("INSERT INTO t VALUES (%1, 'Grüße');\n\n").arg(i);
        const QList<SqlStatement> found = SqlStatementSplitter::split(sql, SqlDialect::PostgreSQL);
        QCOMPARE(found.size(), 20000);
        QCOMPARE(sql.mid(found.last().start, found.last().length),
                 QStringLiteral("INSERT INTO t VALUES (19999, 'Grüße');"));
        QCOMPARE(found.last().line, 2 * 19999 + 1);
    }
};

QTEST_GUILESS_MAIN(TestSqlStatementSplitter)
#include "tst_sqlstatementsplitter.moc"
