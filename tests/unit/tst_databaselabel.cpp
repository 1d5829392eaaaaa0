// databaseLabel: database URLs as journals, logs and reports may show them, without a password.
#include "databaselabel.h"

#include <QTest>

using namespace retort;
using namespace Qt::StringLiterals;

class TestDatabaseLabel : public QObject
{
    Q_OBJECT

private slots:
    void hidesThePassword_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("label");
        QTest::newRow("url") << u"postgresql://app:s3cret@db:5432/shop"_s << u"postgresql://app@db:5432/shop"_s;
        QTest::newRow("driver") << u"postgresql+psycopg2://app:s3cret@db/shop"_s << u"postgresql+psycopg2://app@db/shop"_s;
        QTest::newRow("no password") << u"postgresql://app@db/shop"_s << u"postgresql://app@db/shop"_s;
        QTest::newRow("query") << u"postgresql://db/shop?user=app&password=s3cret"_s
                               << u"postgresql://db/shop?user=app&password=***"_s;
        QTest::newRow("escaped") << u"postgresql://app:p%40ss@db/shop"_s << u"postgresql://app@db/shop"_s;
        QTest::newRow("key value") << u"host=db user=app password=s3cret dbname=shop"_s
                                   << u"host=db user=app password=*** dbname=shop"_s;
        QTest::newRow("quoted") << u"host=db password='s3 cr\\'et' dbname=shop"_s << u"host=db password=*** dbname=shop"_s;
        QTest::newRow("sqlite") << u"sqlite:////var/db/app.db"_s << u"sqlite:////var/db/app.db"_s;
    }

    void hidesThePassword()
    {
        QFETCH(QString, url);
        QFETCH(QString, label);
        QCOMPARE(databaseLabel(url), label);
        QVERIFY(!databaseLabel(url).contains(u"s3"_s));
    }
};

QTEST_GUILESS_MAIN(TestDatabaseLabel)
#include "tst_databaselabel.moc"
