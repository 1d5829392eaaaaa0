// RunStatus: names as the journal stores them (they never change once written), and which are final.
#include "runstatus.h"

#include <QTest>

using namespace retort;
using namespace Qt::StringLiterals;

class TestRunStatus : public QObject
{
    Q_OBJECT

private slots:
    void names_data()
    {
        QTest::addColumn<RunStatus>("status");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("final");
        QTest::newRow("planned") << RunStatus::Planned << u"planned"_s << false;
        QTest::newRow("running") << RunStatus::Running << u"running"_s << false;
        QTest::newRow("paused") << RunStatus::Paused << u"paused"_s << false;
        QTest::newRow("succeeded") << RunStatus::Succeeded << u"succeeded"_s << true;
        QTest::newRow("failed") << RunStatus::Failed << u"failed"_s << true;
        QTest::newRow("cancelled") << RunStatus::Cancelled << u"cancelled"_s << true;
        QTest::newRow("interrupted") << RunStatus::Interrupted << u"interrupted"_s << true;
    }

    void names()
    {
        QFETCH(RunStatus, status);
        QFETCH(QString, name);
        QFETCH(bool, final);
        QCOMPARE(statusName(status), name);
        QCOMPARE(statusFromName(name), status);
        QCOMPARE(isFinal(status), final);
    }

    void unknownNamesReadAsInterrupted_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("empty") << QString();
        QTest::newRow("capitalised") << u"Running"_s;
        QTest::newRow("future") << u"rolled-back"_s;
    }

    void unknownNamesReadAsInterrupted()
    {
        QFETCH(QString, name);
        QCOMPARE(statusFromName(name), RunStatus::Interrupted);
    }
};

QTEST_GUILESS_MAIN(TestRunStatus)
#include "tst_runstatus.moc"
