#pragma once

// Revision graphs for the graph, resolver and export tests, written in a compact form.
//
// One revision per line, in load order:
//
//     id [down_revision ...] [~depends_on ...] [#branch_label ...]
//
// "c b1 b2 ~x #lib" is revision c merging b1 and b2, depending on x and labelled "lib"; a line
// with only an id is a base. kScenarios below holds named graphs, most of them the fixtures of
// Alembic's own tests (tests/test_revision.py, tests/test_version_traversal.py). It is read by
// these tests *and* by revisiongraph_expectations.py, which builds the same graphs with Alembic
// 1.8.1 to produce every expected value; change a scenario only together with a regeneration.

#include "revision.h"
#include "revisiongraph.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace retort::test {

// clang-format off
// The block between the SCENARIOS markers is parsed by revisiongraph_expectations.py:
// "[name]" starts a graph, "//" starts a comment, blank lines are ignored.
inline constexpr char kScenarios[] = R"SCENARIOS(
// ---------------------------------------------------------------- tests/test_revision.py
[api_linear]            // APITest: one line
a
b a
c b

[api_branched]          // APITest: two heads from a branch point
a
b a
c1 b
c2 b

[api_multibase]         // APITest: two bases
a
b a
c
d c

[empty]                 // EmptyMapTest

[diamond]               // DiamondTest
a
b1 a
b2 a
c b1 b2
d c

[labeled]               // LabeledBranchTest
a #abranch
b a
somelongername b
c somelongername
d
e d #ebranch
someothername e
f someothername

[labeled_merge]         // LabeledBranchTest: labelled head across a merge
a
b a
c1 b #c1branch
c2 b
d c1 c2

[label_nested]          // a label inside another label's lineage, below a branch point
a #x
b a
c b #y
d c
e b

[label_chain]           // labels on a plain line: each spreads down to the base
a
b a #lower
c b
d c #upper
e d

[labeled_base]          // the only base carries a label
a #base_label
b a
c b

[label_clash]           // LabeledBranchTest.test_dupe_branch_collection
a
b a
c b #xy1
d
e d #xy1
f e

[label_id_clash]        // a label that is also a revision id
a
b a
c b #a

[short_ids]             // LabeledBranchTest.test_partial_id_resolve_too_short
1a
2a 1a
3a 2a

[partial]               // partial identifiers: unique, ambiguous, labels as keys
abcd1111
abcd2222 abcd1111
abce3333 abcd2222 #abcdlabel
fedc4444 abcd1111

[multiple_branch]       // MultipleBranchTest
a
b1 a
b2 a
cb1 b1
cb2 b2
d1cb1 cb1
d2cb1 cb1
d1cb2 cb2
d2cb2 cb2
d3cb2 cb2
d1d2cb2 d1cb2 d2cb2

[multiple_base]         // MultipleBaseTest
base1
base2
base3
a1a base1
a1b base1
a2 base2
a3 base3
b1a a1a
b1b a1b
b2 a2
b3 a3
c2 b2
d2 c2
mergeb3d2 b3 d2

[cross_dep_one]         // MultipleBaseCrossDependencyTestOne
base1 #b_1
a1a base1
a1b base1
b1a a1a
b1b a1b ~a3
base2 #b_2
a2 base2
b2 a2
c2 b2 ~a3
d2 c2
base3 #b_3
a3 base3
b3 a3

[cross_dep_two]         // MultipleBaseCrossDependencyTestTwo: a base depending on a label
base1 #b_1
a1 base1
b1 a1
c1 b1
base2 ~b_1 #b_2
a2 base2
b2 a2
c2 b2
d2 c2
base3 #b_3
a3 base3
b3 a3
c3 b3 ~b2
d3 c3

[cross_dep_three]       // MultipleBaseCrossDependencyTestThree: a base that only depends
base1
a1 base1
b1 a1
c2 ~a1
c3 c2

[large_map]             // LargeMapTest (a generated map of the same kind)
d1a69b9b1325
cf0c4243ed52 d1a69b9b1325
b3753b4a3ee2 cf0c4243ed52
5bae683447c1 b3753b4a3ee2
33f507f0cbd4 cf0c4243ed52
6a42d330a549 5bae683447c1
a9dfbaecde5b cf0c4243ed52
f1f00e46c215 6a42d330a549
3a7c6088155f f1f00e46c215
afbe6dbb8cb8
604ada0aea0e
b2e7eee45145 3a7c6088155f ~a9dfbaecde5b
b78eea394aba 33f507f0cbd4 ~604ada0aea0e
af1a2e012631 604ada0aea0e
535fb9f7f89e af1a2e012631
d644559d7e79 afbe6dbb8cb8
5f4e5c00d3d2 535fb9f7f89e
c4448d1eac03 a9dfbaecde5b b78eea394aba
c8fdc56309d2 c4448d1eac03
9e60f6bd8eca d644559d7e79 c8fdc56309d2
603c77a22873
7e3b2875a2d0 603c77a22873
9f6148f8f164
e6558e18a60e b2e7eee45145
c1e6cca24337 7e3b2875a2d0
1240cf737131 e6558e18a60e ~9f6148f8f164
00ae49a7a58c 7e3b2875a2d0
25c852a69ac0 c1e6cca24337
98dcbea75def 9f6148f8f164
cad86ceebb95 5f4e5c00d3d2
69e00a8e9f78 98dcbea75def
4c7d4c7497b8 25c852a69ac0
d92a2996b98c 00ae49a7a58c
38c983ab0c1e 69e00a8e9f78 d92a2996b98c
c67931643087 4c7d4c7497b8
01f73f108ac5 cad86ceebb95 1240cf737131
ee8b5810acfc 01f73f108ac5
05a786cf6aba 9e60f6bd8eca
070b9c8bea5a
d39c0dd7b1fe 01f73f108ac5
b9720045a9a2 05a786cf6aba
cc342ef936ae d39c0dd7b1fe ~604ada0aea0e
f3069e6aca3c ee8b5810acfc c67931643087
d1b78f2d2838 cc342ef936ae
c79a582b6309 d39c0dd7b1fe ~1240cf737131
92d0f7d20afa d39c0dd7b1fe
02bfe3dcc494 b9720045a9a2
ae8311f2d84d 070b9c8bea5a

[normalized_down]       // NormalizedDownRevTest
a1
a2 a1
a3 a2
b1
b2 b1 ~a3
b3 b2
b4 b3 ~a3
b5 b4

[normalized_dupe_dep]   // NormalizedDownRevTest.test_dupe_dependency
a1
a2 a1
b1
b2 b1 ~a2
b3 b2 ~a2

// GraphWithLoopTest
[loop_solitary]
a a

[loop_base]
a a
b a
c b

[loop_head]
a
b a
c c

[loop_branch_point]
a
b a
c1 b
c2 b c2

[loop_merge_point]
a
b1 a
b2 a
c b1 b2 c

[dep_loop_solitary]
a ~a

[dep_loop_independent]
a
b a
c b ~c

[dep_loop_long_id]      // the message of a self-dependency on a longer id
abc ~abc

// GraphWithCycleTest
[cycle_simple]          // no base at all
a c
b a
c b

[cycle_lower]
a c
b a
c b
d c
e d

[cycle_upper]
a
b a
c b e
d c
e d

[cycle_no_head]
a
b a c
c b

[cycle_two]
a
b a
c b e
d c
e d
f
g f i
h g
i h

[cycle_detached]        // heads and bases exist; the cycle is what neither reaches (sorted ids)
a
b a
c b
zz yy
yy zz

[dep_cycle_simple]
a ~c
b a
c b

[dep_cycle_lower]
a ~c
b a
c b
d c
e d

[dep_cycle_upper]
a
b a
c b ~e
d c
e d

[dep_cycle_detached]
a
b a
c b
qq ~pp
pp qq

// Which error wins when a history has several: Alembic reports the first revision it fails to
// construct (load order), then label clashes, then cycles.
[two_loops]
a a
b b

[illegal_then_loop]
x-y
b b

[loop_then_illegal]
b b
x-y

[loop_and_cycle]
a a
b c
c b

[clash_and_cycle]
a
b a
c b #a
x y
y x

[loop_and_clash]
a
b a #a
c c

// Revision.verify_rev_id and duplicates
[illegal_minus]
a
b-c a

[illegal_at]
a
x@y a

[illegal_plus]
p+q

[illegal_all]
a
a@b-c+d a

[duplicate]             // "Revision b is present more than once"
a
b a
b a

[duplicate_changed]     // the second definition of b has another parent
a
b a
c a
b c

[merge_same_parent]     // down_revision = ("a", "a")
a
b a a

// ---------------------------------------------------------- tests/test_version_traversal.py
[revision_path]         // RevisionPathTest (a -> b -> c -> d -> e)
3cf1b0e5e3a9
8b1f4c6a2d07 3cf1b0e5e3a9
c3a9d1e07f42 8b1f4c6a2d07
c3a2bb51e0d8 c3a9d1e07f42
5e0d7c2a91f3 c3a2bb51e0d8

[branched_path]         // BranchedPathTest
a
b a
c1 b #c1branch
d1 c1
c2 b #c2branch
d2 c2

[branch_from_mergepoint]    // BranchFromMergepointTest
a1
b1 a1
c1 b1
a2
b2 a2
c2 b2
d1 c1 c2
d2 c2

[branch_from_3way_mergepoint]   // BranchFrom3WayMergepointTest
a1
b1 a1
c1 b1
a2
b2 a2
c2 b2
a3
b3 a3
c3 b3
d1 c1 c2 c3
d2 c2
d3 c3

[twin_merge]            // TwinMergeTest
a
b1 a
b2 a
b3 a
c1 b1 b2 b3
c2 b1 b2 b3
d1 c1
d2 c2

[depends_on_branch_one] // DependsOnBranchTestOne
a1 #lib1
b1 a1
c1 b1
a2
b2 a2
c2 b2 ~c1
d1 c1
e1 d1
f1 e1

[depends_on_branch_two] // DependsOnBranchTestTwo
a1
a2
a3
amerge a1 a2 a3
b1
b2
bmerge b1 b2
c1
c2
c3
cmerge c1 c2 c3
d1 ~amerge ~bmerge ~cmerge

[depends_on_branch_three]   // DependsOnBranchTestThree (issue #377)
a1
a2 a1
b1
b2 b1 ~a2
b3 b2
a3 a2 ~b1

[depends_on_label]      // DependsOnBranchLabelTest: depends_on names a branch label
a1 #lib1
b1 a1
c1 b1
a2
b2 a2
c2 b2 ~lib1

[depends_on_own_downrev]    // DependsOnOwnDownrevTest
a1
a2 a1 ~a1

[forest]                // ForestTest
a1
b1 a1
a2
b2 a2
)SCENARIOS";
// clang-format on

/// Revisions from compact lines ("id down... ~dep... #label..."). Every revision gets a path
/// ("/fixtures/<id>.py") and a line (its position, 1-based) so exports have something to show.
inline QList<Revision> revisionsFromSpec(const QStringList &lines)
{
    QList<Revision> revisions;
    for (const QString &line : lines) {
        const QStringList words = line.split(u' ', Qt::SkipEmptyParts);
        if (words.isEmpty())
            continue;
        Revision rev;
        rev.id = words.first();
        for (qsizetype i = 1; i < words.size(); ++i) {
            const QString &word = words.at(i);
            if (word.startsWith(u'~'))
                rev.dependsOn.append(word.mid(1));
            else if (word.startsWith(u'#'))
                rev.branchLabels.append(word.mid(1));
            else
                rev.downRevisions.append(word);
        }
        rev.path = QStringLiteral("/fixtures/%1.py").arg(rev.id);
        rev.line = int(revisions.size()) + 1;
        rev.downRevisionLine = rev.downRevisions.isEmpty() ? 0 : rev.line;
        revisions.append(rev);
    }
    return revisions;
}

inline RevisionGraph graphFromSpec(const QStringList &lines)
{
    return RevisionGraph::build(revisionsFromSpec(lines));
}

/// Scenario name -> its lines, in the order of kScenarios.
inline const QList<std::pair<QString, QStringList>> &scenarioSpecs()
{
    static const QList<std::pair<QString, QStringList>> specs = [] {
        QList<std::pair<QString, QStringList>> result;
        const QStringList lines = QString::fromUtf8(kScenarios).split(u'\n');
        for (QString line : lines) {
            if (const qsizetype comment = line.indexOf(QStringLiteral("//")); comment >= 0)
                line.truncate(comment);
            line = line.trimmed();
            if (line.isEmpty())
                continue;
            if (line.startsWith(u'[') && line.endsWith(u']'))
                result.append({line.mid(1, line.size() - 2), {}});
            else if (!result.isEmpty())
                result.last().second.append(line);
        }
        return result;
    }();
    return specs;
}

inline QStringList scenarioNames()
{
    QStringList names;
    for (const auto &[name, lines] : scenarioSpecs())
        names.append(name);
    return names;
}

/// The lines of a named scenario; an empty list for an unknown name (check with scenarioNames()).
inline QStringList scenarioSpec(const QString &name)
{
    for (const auto &[scenarioName, lines] : scenarioSpecs())
        if (scenarioName == name)
            return lines;
    return {};
}

/// The graph of a named scenario, built once per process.
inline RevisionGraph scenario(const QString &name)
{
    static QHash<QString, RevisionGraph> cache;
    if (const auto it = cache.constFind(name); it != cache.cend())
        return *it;
    const RevisionGraph graph = graphFromSpec(scenarioSpec(name));
    cache.insert(name, graph);
    return graph;
}

} // namespace retort::test
