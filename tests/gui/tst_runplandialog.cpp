// RunPlanDialog on its own: the warnings a reviewer sees once each step's offline SQL is in
// (destructive operations, a step Alembic could not write, a downgrade that undoes nothing), and a
// production database's name that must be typed before Run is enabled.
#include "runplandialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

using namespace retort;
using namespace Qt::StringLiterals;

namespace {

RunPlanStep step(const QString &revision, bool upgrade, const QStringList &before, const QStringList &after)
{
    RunPlanStep s;
    s.revision = revision;
    s.message = u"step "_s + revision;
    s.upgrade = upgrade;
    s.versionsBefore = before;
    s.versionsAfter = after;
    return s;
}

/// Down from c3 to base: c3 drops what it made, b2's downgrade is `pass`, a1's SQL failed.
RunPlan downToBase()
{
    RunPlan plan;
    plan.current = {u"c3"_s};
    plan.target = u"base"_s;
    plan.upgrade = false;
    plan.steps = {step(u"c3"_s, false, {u"c3"_s}, {u"b2"_s}), step(u"b2"_s, false, {u"b2"_s}, {u"a1"_s}),
                  step(u"a1"_s, false, {u"a1"_s}, {})};
    return plan;
}

QString versionMove(const QString &from, const QString &to)
{
    return u"UPDATE alembic_version SET version_num='%1' WHERE alembic_version.version_num = '%2';\n"_s.arg(to, from);
}

} // namespace

class TestRunPlanDialog : public QObject
{
    Q_OBJECT

private slots:
    void listsWhatTheSqlShowsOnceItIsIn()
    {
        RunPlanDialog dialog(downToBase(), {u"postgresql://app@db/shop"_s, u"shop"_s, u"local"_s, u"#2e7d32"_s});
        QCOMPARE(dialog.stepList()->topLevelItemCount(), 3);
        QVERIFY(dialog.warnings().isEmpty());
        QVERIFY(dialog.concerns().isEmpty());

        dialog.setStepSql(0, u"BEGIN;\nDROP TABLE loans;\n"_s + versionMove(u"c3"_s, u"b2"_s) + u"COMMIT;\n"_s);
        dialog.setStepSql(1, u"BEGIN;\n"_s + versionMove(u"b2"_s, u"a1"_s) + u"COMMIT;\n"_s);
        dialog.setStepSql(2, {}, u"AttributeError: module 'a1' has no attribute 'downgrade'"_s);

        QCOMPARE(dialog.warnings(), QStringList{u"Step 1 (c3) drops table loans"_s});
        const QStringList concerns = dialog.concerns();
        QCOMPARE(concerns.size(), 2);
        QVERIFY2(concerns.at(0).startsWith(u"Step 2 (b2) changes nothing but alembic_version"_s), qPrintable(concerns.at(0)));
        QVERIFY2(concerns.at(1).startsWith(u"Step 3 (a1) has no SQL"_s) && concerns.at(1).contains(u"no attribute 'downgrade'"_s),
                 qPrintable(concerns.at(1)));
        // Shown above the steps, both kinds, while Run stays possible (they are for the reviewer).
        const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
        const bool shown = std::any_of(labels.cbegin(), labels.cend(), [](const QLabel *label) {
            return label->isVisibleTo(label->window()) && label->text().contains(u"Destructive operations"_s)
                   && label->text().contains(u"Steps to look at"_s) && label->text().contains(u"changes nothing but"_s);
        });
        QVERIFY(shown);
        QVERIFY(dialog.runButton()->isEnabled());

        const QByteArray pngDir = qgetenv("RETORT_RUNS_PNG_DIR"); // to look at: see CONTRIBUTING.md
        if (!pngDir.isEmpty()) {
            dialog.resize(960, 560);
            dialog.show();
            dialog.stepList()->setCurrentItem(dialog.stepList()->topLevelItem(1));
            QVERIFY(dialog.grab().save(QString::fromLocal8Bit(pngDir) + u"/runplandialog-concerns.png"_s));
        }
    }

    void productionAsksForTheDatabaseName()
    {
        RunPlanDialog dialog(downToBase(), {u"postgresql://app@prod/shop"_s, u"shop"_s, u"production"_s, u"#c62828"_s});
        QVERIFY(dialog.confirmation() != nullptr);
        QVERIFY(!dialog.runButton()->isEnabled());
        dialog.confirmation()->setText(u"sho"_s);
        QVERIFY(!dialog.runButton()->isEnabled());
        dialog.confirmation()->setText(u"shop"_s);
        QVERIFY(dialog.runButton()->isEnabled());
    }
};

QTEST_MAIN(TestRunPlanDialog)
#include "tst_runplandialog.moc"
