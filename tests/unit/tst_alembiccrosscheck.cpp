// AlembicCrossCheck: Retort's graph (from the compact fixture lines of revisiongraphfixtures.h and a
// scanner fixture file) against hand-written `script` answers of the Alembic helper.

#include "alembiccrosscheck.h"
#include "revisiongraphfixtures.h"
#include "revisionscanner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace retort;
using namespace retort::test;

namespace {

using Kind = CrossCheckDisagreement::Kind;

// a <- b <- c, c labelled "lib" and depending on a.
const QStringList kLine{u"a"_s, u"b a"_s, u"c b ~a #lib"_s};

QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(text), &error);
    if (!document.isObject())
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

// What the helper answers for kLine.
const char *const kLineScript = R"({
  "revisions": [
    {"revision": "c", "down_revisions": ["b"], "branch_labels": ["lib"], "effective_branch_labels": ["lib"],
     "depends_on": ["a"], "path": "/fixtures/c.py", "message": ""},
    {"revision": "b", "down_revisions": ["a"], "branch_labels": [], "effective_branch_labels": ["lib"],
     "depends_on": [], "path": "/fixtures/b.py", "message": ""},
    {"revision": "a", "down_revisions": [], "branch_labels": [], "effective_branch_labels": ["lib"],
     "depends_on": [], "path": "/fixtures/a.py", "message": ""}
  ],
  "heads": ["c"], "bases": ["a"]})";

QString describe(const AlembicCrossCheck &check)
{
    QStringList lines;
    for (const CrossCheckDisagreement &d : check.disagreements())
        lines.append(u"[%1] %2 %3:%4 %5"_s.arg(int(d.kind)).arg(d.revision, d.path).arg(d.line).arg(d.message));
    return lines.join(u"; "_s);
}

QList<Kind> kinds(const AlembicCrossCheck &check)
{
    QList<Kind> result;
    for (const CrossCheckDisagreement &d : check.disagreements())
        result.append(d.kind);
    return result;
}

} // namespace

class tst_AlembicCrossCheck : public QObject
{
    Q_OBJECT

private slots:
    void agreementIsEmpty()
    {
        const AlembicCrossCheck check = AlembicCrossCheck::compare(graphFromSpec(kLine), json(kLineScript));
        QVERIFY2(check.agrees(), qPrintable(describe(check)));
        QVERIFY(check.resolved().isEmpty());
        QVERIFY(check.toDiagnostics().isEmpty());
    }

    void agreementOnAMergeAndTwoHeads()
    {
        const RevisionGraph graph = graphFromSpec({u"a"_s, u"b1 a"_s, u"b2 a"_s, u"c b1 b2"_s, u"x"_s});
        const AlembicCrossCheck check = AlembicCrossCheck::compare(graph, json(R"({
          "revisions": [
            {"revision": "x", "down_revisions": [], "branch_labels": [], "depends_on": [], "path": "/fixtures/x.py"},
            {"revision": "c", "down_revisions": ["b1", "b2"], "branch_labels": [], "depends_on": [], "path": "/fixtures/c.py"},
            {"revision": "b2", "down_revisions": ["a"], "branch_labels": [], "depends_on": [], "path": "/fixtures/b2.py"},
            {"revision": "b1", "down_revisions": ["a"], "branch_labels": [], "depends_on": [], "path": "/fixtures/b1.py"},
            {"revision": "a", "down_revisions": [""], "branch_labels": [], "depends_on": [], "path": "/fixtures/a.py"}
          ],
          "heads": ["x", "c"], "bases": ["a", "x"]})"));
        QVERIFY2(check.agrees(), qPrintable(describe(check)));
    }

    void aParentDifference()
    {
        // Alembic: c comes straight from a (so b is a head too).
        const QJsonObject script = json(R"({
          "revisions": [
            {"revision": "c", "down_revisions": ["a"], "branch_labels": ["lib"], "depends_on": ["a"], "path": "/fixtures/c.py"},
            {"revision": "b", "down_revisions": ["a"], "branch_labels": [], "depends_on": [], "path": "/fixtures/b.py"},
            {"revision": "a", "down_revisions": [], "branch_labels": [], "depends_on": [], "path": "/fixtures/a.py"}
          ],
          "heads": ["c", "b"], "bases": ["a"]})");
        const AlembicCrossCheck check = AlembicCrossCheck::compare(graphFromSpec(kLine), script);
        QCOMPARE(kinds(check), (QList<Kind>{Kind::Parents, Kind::Head}));
        const CrossCheckDisagreement &parents = check.disagreements().at(0);
        QCOMPARE(parents.revision, u"c"_s);
        QCOMPARE(parents.path, u"/fixtures/c.py"_s);
        QCOMPARE(parents.line, 3);
        QCOMPARE(parents.message, u"Alembic sees parent a for c, Retort read parent b"_s);
        const CrossCheckDisagreement &head = check.disagreements().at(1);
        QCOMPARE(head.revision, u"b"_s);
        QCOMPARE(head.message, u"Alembic sees b as a head, Retort does not"_s);

        const Diagnostics diagnostics = check.toDiagnostics();
        QCOMPARE(diagnostics.size(), 2);
        for (const Diagnostic &d : diagnostics)
            QCOMPARE(d.severity, Diagnostic::Severity::Warning);
        QCOMPARE(diagnostics.at(0).revision, u"c"_s);
        QCOMPARE(diagnostics.at(0).path, u"/fixtures/c.py"_s);
        QCOMPARE(diagnostics.at(0).line, 3);
        QCOMPARE(diagnostics.at(0).message, parents.message);
        QCOMPARE(diagnostics.at(1).revision, u"b"_s);
    }

    void labelAndDependencyDifferences()
    {
        const AlembicCrossCheck check = AlembicCrossCheck::compare(graphFromSpec(kLine), json(R"({
          "revisions": [
            {"revision": "c", "down_revisions": ["b"], "branch_labels": ["core", "lib"], "depends_on": [], "path": "/fixtures/c.py"},
            {"revision": "b", "down_revisions": ["a"], "branch_labels": [], "depends_on": [], "path": "/fixtures/b.py"},
            {"revision": "a", "down_revisions": [], "branch_labels": [], "depends_on": [], "path": "/fixtures/a.py"}
          ],
          "heads": ["c"], "bases": ["a"]})"));
        QCOMPARE(kinds(check), (QList<Kind>{Kind::BranchLabels, Kind::DependsOn}));
        QCOMPARE(check.disagreements().at(0).message, u"Alembic sees branch labels core, lib on c, Retort read lib"_s);
        QCOMPARE(check.disagreements().at(1).message, u"Alembic sees c depending on none, Retort read a"_s);
    }

    void aRevisionOnlyAlembicSees()
    {
        const AlembicCrossCheck check = AlembicCrossCheck::compare(graphFromSpec(kLine), json(R"({
          "revisions": [
            {"revision": "d", "down_revisions": ["c"], "branch_labels": [], "depends_on": [], "path": "/project/versions/d_computed.py"},
            {"revision": "c", "down_revisions": ["b"], "branch_labels": ["lib"], "depends_on": ["a"], "path": "/fixtures/c.py"},
            {"revision": "b", "down_revisions": ["a"], "branch_labels": [], "depends_on": [], "path": "/fixtures/b.py"},
            {"revision": "a", "down_revisions": [], "branch_labels": [], "depends_on": [], "path": "/fixtures/a.py"}
          ],
          "heads": ["d"], "bases": ["a"]})"));
        // d itself, and the head that follows from it (d is not reported twice).
        QCOMPARE(kinds(check), (QList<Kind>{Kind::OnlyInAlembic, Kind::Head}));
        const CrossCheckDisagreement &only = check.disagreements().at(0);
        QCOMPARE(only.revision, u"d"_s);
        QCOMPARE(only.path, u"/project/versions/d_computed.py"_s);
        QCOMPARE(only.message, u"Alembic loads revision d from d_computed.py, but Retort did not read it"_s);
        QCOMPARE(check.disagreements().at(1).revision, u"c"_s);
        QCOMPARE(check.disagreements().at(1).message, u"Retort reads c as a head, Alembic does not"_s);
    }

    void aRevisionOnlyRetortReads()
    {
        const AlembicCrossCheck check = AlembicCrossCheck::compare(
            graphFromSpec(kLine + QStringList{u"z"_s}), json(kLineScript));
        QCOMPARE(kinds(check), QList<Kind>{Kind::OnlyInRetort});
        QCOMPARE(check.disagreements().at(0).message, u"Retort read revision z from z.py, but Alembic does not load it"_s);
    }

    void headsDiffer()
    {
        QJsonObject script = json(kLineScript);
        script.insert(u"heads"_s, QJsonArray{u"b"_s, u"c"_s});
        const AlembicCrossCheck check = AlembicCrossCheck::compare(graphFromSpec(kLine), script);
        QCOMPARE(kinds(check), QList<Kind>{Kind::Head});
        QCOMPARE(check.disagreements().at(0).revision, u"b"_s);
        QCOMPARE(check.disagreements().at(0).path, u"/fixtures/b.py"_s);

        script.insert(u"heads"_s, QJsonArray{});
        const AlembicCrossCheck none = AlembicCrossCheck::compare(graphFromSpec(kLine), script);
        QCOMPARE(kinds(none), QList<Kind>{Kind::Head});
        QCOMPARE(none.disagreements().at(0).message, u"Retort reads c as a head, Alembic does not"_s);
    }

    void computedValuesAreFilledInNotReported()
    {
        // branch_labels = (migration.EXPAND_BRANCH,), down_revision = get_previous_revision(),
        // depends_on = f"{revision}_contract": all three unresolved by the scanner.
        const RevisionFileScan scan =
            RevisionScanner::scanFile(QStringLiteral(RETORT_FIXTURES_DIR "/scanner/2023_1_expand01_nonliteral.py"));
        QVERIFY(scan.revision);
        const Revision &expand = *scan.revision;
        QVERIFY(expand.branchLabelsUnresolved);
        QVERIFY(expand.downRevisionUnresolved);
        QVERIFY(expand.dependsOnUnresolved);
        QList<Revision> revisions = revisionsFromSpec({u"2023_1_base"_s, u"2023_1_expand01_contract 2023_1_base"_s});
        revisions.append(expand);
        const RevisionGraph graph = RevisionGraph::build(revisions);

        const QJsonObject script = json(R"({
          "revisions": [
            {"revision": "2023_1_expand01", "down_revisions": ["2023_1_base"], "branch_labels": ["expand"],
             "effective_branch_labels": ["expand"], "depends_on": ["2023_1_expand01_contract"], "path": "/x/expand01.py"},
            {"revision": "2023_1_expand01_contract", "down_revisions": ["2023_1_base"], "branch_labels": [],
             "effective_branch_labels": [], "depends_on": [], "path": "/fixtures/2023_1_expand01_contract.py"},
            {"revision": "2023_1_base", "down_revisions": [], "branch_labels": [], "effective_branch_labels": ["expand"],
             "depends_on": [], "path": "/fixtures/2023_1_base.py"}
          ],
          "heads": ["2023_1_expand01", "2023_1_expand01_contract"], "bases": ["2023_1_base"]})");
        const AlembicCrossCheck check = AlembicCrossCheck::compare(graph, script);
        QVERIFY2(check.agrees(), qPrintable(describe(check)));
        QCOMPARE(check.resolved().size(), 1);
        const CrossCheckResolved *resolved = check.resolvedFor(u"2023_1_expand01"_s);
        QVERIFY(resolved);
        QCOMPARE(resolved->path, expand.path);
        QCOMPARE(resolved->branchLabels, std::optional<QStringList>(QStringList{u"expand"_s}));
        QCOMPARE(resolved->downRevisions, std::optional<QStringList>(QStringList{u"2023_1_base"_s}));
        QCOMPARE(resolved->dependsOn, std::optional<QStringList>(QStringList{u"2023_1_expand01_contract"_s}));
        QVERIFY(!check.resolvedFor(u"2023_1_base"_s));

        // A literal value beside the computed ones is still compared.
        QList<Revision> wrongParent = revisions;
        wrongParent[1].downRevisions = {u"2023_1_expand01"_s};
        const AlembicCrossCheck other = AlembicCrossCheck::compare(RevisionGraph::build(wrongParent), script);
        QVERIFY(!other.agrees());
        QCOMPARE(other.disagreements().constFirst().kind, Kind::Parents);
        QCOMPARE(other.disagreements().constFirst().revision, u"2023_1_expand01_contract"_s);
        QCOMPARE(other.resolved().size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_AlembicCrossCheck)
#include "tst_alembiccrosscheck.moc"
