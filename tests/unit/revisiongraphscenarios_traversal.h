#pragma once

// The scenarios from Alembic's tests/test_version_traversal.py: the histories its upgrade and downgrade
// walks are tested on (paths, branches from merge points, twin merges, depends_on across branches, a
// forest).
//
// One of the three scenario headers of revisiongraphfixtures.h, in the compact form of
// revisiongraphspec.h; revisiongraph_expectations.py builds the same graphs with Alembic 1.8.1 to produce
// every expected value: change a scenario only together with a regeneration.

namespace retort::test {

// clang-format off
// The block between the SCENARIOS markers is parsed by revisiongraph_expectations.py:
// "[name]" starts a graph, "//" starts a comment, blank lines are ignored.
inline constexpr char kTraversalScenarios[] = R"SCENARIOS(
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

} // namespace retort::test
