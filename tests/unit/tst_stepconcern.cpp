// StepConcern: what a plan's confirmation says about a step whose SQL Alembic could not write, or a
// downgrade that changes nothing but alembic_version.
#include "stepconcern.h"

#include <QTest>

using namespace retort;
using namespace Qt::StringLiterals;
using Kind = StepConcern::Kind;

namespace {

RunPlanStep downgrade(const QStringList &before, const QStringList &after)
{
    RunPlanStep step;
    step.revision = u"b2"_s;
    step.upgrade = false;
    step.versionsBefore = before;
    step.versionsAfter = after;
    return step;
}

// As `alembic downgrade --sql` writes a step.
QString offline(const QString &body)
{
    return u"BEGIN;\n\n-- Running downgrade b2 -> a1\n\n"_s + body
           + u"UPDATE alembic_version SET version_num='a1' WHERE alembic_version.version_num = 'b2';\n\nCOMMIT;\n"_s;
}

} // namespace

class TestStepConcern : public QObject
{
    Q_OBJECT

private slots:
    void aDowngradeThatOnlyMovesAlembicVersionUndoesNothing()
    {
        const std::optional<StepConcern> concern = StepConcern::of(downgrade({u"b2"_s}, {u"a1"_s}), offline({}), {});
        QVERIFY(concern.has_value());
        QCOMPARE(concern->kind, Kind::UndoesNothing);
        QVERIFY2(concern->describe().contains(u"changes nothing but alembic_version"_s), qPrintable(concern->describe()));
        // Down to base Alembic deletes the row instead.
        const QString toBase = u"BEGIN;\nDELETE FROM alembic_version WHERE alembic_version.version_num = 'b2';\nCOMMIT;\n"_s;
        QCOMPARE(StepConcern::of(downgrade({u"b2"_s}, {}), toBase, {})->kind, Kind::UndoesNothing);
        // Another version table, named by the project.
        const QString own = u"BEGIN;\nUPDATE schema_revisions SET version_num='a1';\nCOMMIT;\n"_s;
        QVERIFY(!StepConcern::of(downgrade({u"b2"_s}, {u"a1"_s}), own, {}).has_value());
        QCOMPARE(StepConcern::of(downgrade({u"b2"_s}, {u"a1"_s}), own, {}, u"schema_revisions"_s)->kind,
                 Kind::UndoesNothing);
    }

    void aDowngradeThatChangesTheSchemaOrDataIsFine()
    {
        QVERIFY(!StepConcern::of(downgrade({u"b2"_s}, {u"a1"_s}), offline(u"ALTER TABLE books DROP COLUMN isbn;\n"_s), {})
                     .has_value());
        QVERIFY(!StepConcern::of(downgrade({u"b2"_s}, {u"a1"_s}), offline(u"UPDATE books SET price = 0;\n"_s), {})
                     .has_value());
    }

    void aMergeAndAnUpgradeMayBeEmpty()
    {
        // Down from a merge to its two parents: nothing of its own to undo.
        QVERIFY(!StepConcern::of(downgrade({u"m3"_s}, {u"a1"_s, u"b2"_s}), offline({}), {}).has_value());
        RunPlanStep up = downgrade({u"a1"_s}, {u"b2"_s});
        up.upgrade = true;
        QVERIFY(!StepConcern::of(up, offline({}), {}).has_value());
    }

    void sqlThatDoesNotParseIsNoClaim()
    {
        QVERIFY(!StepConcern::of(downgrade({u"b2"_s}, {u"a1"_s}), offline(u"ALTER TABLE books DROPP isbn;\n"_s), {})
                     .has_value());
    }

    void aStepWithoutSqlSaysWhy()
    {
        RunPlanStep up = downgrade({}, {u"a1"_s});
        up.upgrade = true;
        const std::optional<StepConcern> concern =
            StepConcern::of(up, {}, u"AttributeError: module 'a1' has no attribute\n 'upgrade'"_s);
        QVERIFY(concern.has_value());
        QCOMPARE(concern->kind, Kind::NoSql);
        QCOMPARE(concern->detail, u"AttributeError: module 'a1' has no attribute 'upgrade'"_s);
        QVERIFY2(concern->describe().contains(u"has no SQL"_s) && concern->describe().contains(concern->detail),
                 qPrintable(concern->describe()));
    }
};

QTEST_GUILESS_MAIN(TestStepConcern)
#include "tst_stepconcern.moc"
