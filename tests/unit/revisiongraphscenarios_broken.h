#pragma once

// The scenarios from Alembic's tests/test_revision.py with something wrong in them: self-loops and
// cycles of down revisions and of dependencies, several errors at once (which one Alembic reports),
// illegal characters in ids, an id defined twice and a merge of one parent with itself.
//
// One of the three scenario headers of revisiongraphfixtures.h, in the compact form of
// revisiongraphspec.h; revisiongraph_expectations.py builds the same graphs with Alembic 1.8.1 to produce
// every expected value: change a scenario only together with a regeneration.

namespace retort::test {

// clang-format off
// The block between the SCENARIOS markers is parsed by revisiongraph_expectations.py:
// "[name]" starts a graph, "//" starts a comment, blank lines are ignored.
inline constexpr char kBrokenScenarios[] = R"SCENARIOS(
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
)SCENARIOS";
// clang-format on

} // namespace retort::test
