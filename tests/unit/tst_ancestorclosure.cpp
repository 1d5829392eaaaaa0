// AncestorClosure against a plain graph walk: for every pair of nodes, over the shared scenarios
// (branches, merges, dependencies, labels) and generated histories of long lines and merges.

#include "ancestorclosure.h"
#include "revisiongraphbuilder.h"
#include "revisiongraphfixtures.h"
#include "revisiontraversal.h"

#include <QRandomGenerator>
#include <QTest>

using namespace retort;
using namespace retort::detail;
using namespace Qt::StringLiterals;

class tst_AncestorClosure : public QObject
{
    Q_OBJECT

private slots:
    void matchesWalk_data();
    void matchesWalk();
    void generatedHistories();
    void cycleIsInvalid();

private:
    static void compareWithWalk(const GraphData &data);
};

void tst_AncestorClosure::compareWithWalk(const GraphData &data)
{
    const AncestorClosure closure(data);
    QVERIFY(closure.isValid());
    const qsizetype n = data.nodes.size();
    for (int of = 0; of < n; ++of) {
        const NodeSet ancestors = NodeSet::of(n, relatedNodes(data, {of}, Edges::NormalizedDown));
        for (int node = 0; node < n; ++node)
            QVERIFY2(closure.contains(of, node) == ancestors.contains(node),
                     qPrintable(QStringLiteral("%1 of %2").arg(data.nodes[node].source.id, data.nodes[of].source.id)));
    }
}

void tst_AncestorClosure::matchesWalk_data()
{
    QTest::addColumn<QStringList>("spec");
    for (const auto &[name, spec] : test::scenarioSpecs())
        QTest::newRow(qPrintable(name)) << spec;
}

void tst_AncestorClosure::matchesWalk()
{
    QFETCH(QStringList, spec);
    const auto data = RevisionGraphBuilder::build(test::revisionsFromSpec(spec), {});
    if (!data->fatalError.isEmpty())
        QSKIP("Alembic refuses this history; it is never sorted");
    compareWithWalk(*data);
}

void tst_AncestorClosure::generatedHistories()
{
    // Lines that branch off earlier revisions, merges of two lines and dependencies on older ones.
    for (quint32 seed = 1; seed <= 20; ++seed) {
        QRandomGenerator random(seed);
        QStringList spec;
        QStringList heads;
        for (int i = 0; i < 150; ++i) {
            const QString id = QStringLiteral("r%1").arg(i);
            QString line = id;
            const int choice = random.bounded(10);
            if (i > 0 && choice < 6 && !heads.isEmpty()) { // extend a line
                const int h = random.bounded(int(heads.size()));
                line += u' ' + heads[h];
                heads[h] = id;
            } else if (i > 0 && choice < 8) { // branch off anything earlier
                line += QStringLiteral(" r%1").arg(random.bounded(i));
                heads.append(id);
            } else if (heads.size() >= 2 && choice < 9) { // merge two lines
                line += u' ' + heads.takeLast() + u' ' + heads.last();
                heads.last() = id;
            } else if (i > 0) { // a dependency on something earlier
                line += QStringLiteral(" r%1 ~r%2").arg(i - 1).arg(random.bounded(i));
                heads.removeAll(QStringLiteral("r%1").arg(i - 1));
                heads.append(id);
            } else {
                heads.append(id);
            }
            spec.append(line);
        }
        const auto data = RevisionGraphBuilder::build(test::revisionsFromSpec(spec), {});
        QVERIFY2(data->fatalError.isEmpty(), qPrintable(data->fatalError));
        compareWithWalk(*data);
    }
}

void tst_AncestorClosure::cycleIsInvalid()
{
    const auto data = RevisionGraphBuilder::build(test::revisionsFromSpec({u"a c"_s, u"b a"_s, u"c b"_s}), {});
    QVERIFY(!AncestorClosure(*data).isValid());
}

QTEST_GUILESS_MAIN(tst_AncestorClosure)
#include "tst_ancestorclosure.moc"
