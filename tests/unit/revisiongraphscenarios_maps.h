#pragma once

// The scenarios from Alembic's tests/test_revision.py that it builds a map of: lines, branches, merges,
// several bases, branch labels, partial ids, dependencies across branches and a large generated map
// (and, from LabeledBranchTest, the two label clashes that make it refuse one).
//
// One of the three scenario headers of revisiongraphfixtures.h, in the compact form of
// revisiongraphspec.h; revisiongraph_expectations.py builds the same graphs with Alembic 1.8.1 to produce
// every expected value: change a scenario only together with a regeneration.

namespace retort::test {

// clang-format off
// The block between the SCENARIOS markers is parsed by revisiongraph_expectations.py:
// "[name]" starts a graph, "//" starts a comment, blank lines are ignored.
inline constexpr char kRevisionMapScenarios[] = R"SCENARIOS(
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
)SCENARIOS";
// clang-format on

} // namespace retort::test
