// RunStepModel: the step log's table follows a run row by row and passes QAbstractItemModelTester.
#include "runstepmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace retort;
using namespace Qt::StringLiterals;

namespace {

RunRecord threeSteps()
{
    RunRecord record;
    for (int i = 0; i < 3; ++i) {
        RunStepRecord step;
        step.index = i;
        step.revision = u"r%1"_s.arg(i);
        step.message = u"step %1"_s.arg(i);
        record.steps.append(step);
    }
    return record;
}

} // namespace

class TestRunStepModel : public QObject
{
    Q_OBJECT

private slots:
    void followsARunRowByRow()
    {
        RunStepModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRecord(threeSteps());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(1, RunStepModel::StatusColumn).data().toString(), u"planned"_s);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        RunStepRecord step = model.record().steps.at(1);
        step.status = RunStatus::Running;
        model.updateStep(step);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        QCOMPARE(model.index(1, RunStepModel::StatusColumn).data().toString(), u"running"_s);

        StatementRecord statement;
        statement.sequence = 1;
        statement.sql = u"ALTER TABLE books ADD COLUMN isbn text"_s;
        model.updateStatement(1, statement);
        statement.durationUs = 1200;
        model.updateStatement(1, statement); // the same statement, finished: replaced, not added
        QCOMPARE(model.stepAt(1)->statements.size(), 1);
        QCOMPARE(model.stepAt(1)->statements.at(0).durationUs, 1200);
        QCOMPARE(model.index(1, RunStepModel::StatementsColumn).data().toString(), u"1"_s);

        step = *model.stepAt(1);
        step.status = RunStatus::Failed;
        step.error.type = u"ProgrammingError"_s;
        step.error.message = u"column isbn already exists"_s;
        step.durationMs = 1500;
        model.updateStep(step);
        QCOMPARE(model.index(1, RunStepModel::StatusColumn).data().toString(), u"failed"_s);
        QCOMPARE(model.index(1, 0).data(RunStepModel::FailedRole).toBool(), true);
        QCOMPARE(model.index(1, 0).data(Qt::ToolTipRole).toString(), u"column isbn already exists"_s);
        QCOMPARE(model.index(1, RunStepModel::DurationColumn).data().toString(), RunStepModel::durationText(1500));
        QCOMPARE(model.index(0, 0).data(RunStepModel::FailedRole).toBool(), false);

        step.index = 7; // not a step of this run: ignored
        model.updateStep(step);
        QCOMPARE(model.rowCount(), 3);
    }

    void durationsInWords_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("text");
        QTest::newRow("unknown") << qint64(-1) << QString();
        QTest::newRow("ms") << qint64(340) << u"340 ms"_s;
        QTest::newRow("minutes") << qint64(125'000) << u"2 min 5 s"_s;
    }

    void durationsInWords()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, text);
        QCOMPARE(RunStepModel::durationText(ms), text);
    }
};

QTEST_GUILESS_MAIN(TestRunStepModel)
#include "tst_runstepmodel.moc"
