// RevisionGraph against Alembic 1.8.1's RevisionMap, one revision at a time: branch labels, children,
// dependencies and whether it is a branch point, merge point, head or base, for every revision of every
// scenario of revisiongraphfixtures.h that Alembic loads; then who declares a label, which revision a
// file holds and who depends on whom.
//
// Every expected value in a GENERATED block comes from real Alembic: regenerate them with
//     /usr/bin/python3 tests/unit/revisiongraph_expectations.py --update tests/unit/tst_revisiongraph_revisions.cpp

#include "revisiongraph.h"
#include "revisiongraphchecks.h"
#include "revisiongraphfixtures.h"
#include "sortedstrings.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace retort;
using namespace retort::test;

class TestRevisionGraphRevisions : public QObject
{
    Q_OBJECT

private slots:
    void revisions_data();
    void revisions();

    void labelOwner();
    void revisionInFile();
    void dependenciesAndDependents();
};

void TestRevisionGraphRevisions::revisions_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("revision");
    QTest::addColumn<QStringList>("labels");
    QTest::addColumn<QStringList>("children");
    QTest::addColumn<QStringList>("dependencies");
    QTest::addColumn<bool>("branchPoint");
    QTest::addColumn<bool>("mergePoint");
    QTest::addColumn<bool>("head");
    QTest::addColumn<bool>("base");

    // BEGIN GENERATED revisions (tests/unit/revisiongraph_expectations.py --update)
    QTest::newRow("api_linear | a") << u"api_linear"_s << u"a"_s << QStringList() << QStringList{u"b"_s} << QStringList() << false << false << false << true;
    QTest::newRow("api_linear | b") << u"api_linear"_s << u"b"_s << QStringList() << QStringList{u"c"_s} << QStringList() << false << false << false << false;
    QTest::newRow("api_linear | c") << u"api_linear"_s << u"c"_s << QStringList() << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("api_branched | a") << u"api_branched"_s << u"a"_s << QStringList() << QStringList{u"b"_s} << QStringList() << false << false << false << true;
    QTest::newRow("api_branched | b") << u"api_branched"_s << u"b"_s << QStringList() << QStringList{u"c1"_s, u"c2"_s} << QStringList() << true << false << false << false;
    QTest::newRow("api_branched | c1") << u"api_branched"_s << u"c1"_s << QStringList() << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("api_branched | c2") << u"api_branched"_s << u"c2"_s << QStringList() << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("api_multibase | a") << u"api_multibase"_s << u"a"_s << QStringList() << QStringList{u"b"_s} << QStringList() << false << false << false << true;
    QTest::newRow("api_multibase | b") << u"api_multibase"_s << u"b"_s << QStringList() << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("api_multibase | c") << u"api_multibase"_s << u"c"_s << QStringList() << QStringList{u"d"_s} << QStringList() << false << false << false << true;
    QTest::newRow("api_multibase | d") << u"api_multibase"_s << u"d"_s << QStringList() << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("diamond | a") << u"diamond"_s << u"a"_s << QStringList() << QStringList{u"b1"_s, u"b2"_s} << QStringList() << true << false << false << true;
    QTest::newRow("diamond | b1") << u"diamond"_s << u"b1"_s << QStringList() << QStringList{u"c"_s} << QStringList() << false << false << false << false;
    QTest::newRow("diamond | b2") << u"diamond"_s << u"b2"_s << QStringList() << QStringList{u"c"_s} << QStringList() << false << false << false << false;
    QTest::newRow("diamond | c") << u"diamond"_s << u"c"_s << QStringList() << QStringList{u"d"_s} << QStringList() << false << true << false << false;
    QTest::newRow("diamond | d") << u"diamond"_s << u"d"_s << QStringList() << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("labeled | a") << u"labeled"_s << u"a"_s << QStringList{u"abranch"_s} << QStringList{u"b"_s} << QStringList() << false << false << false << true;
    QTest::newRow("labeled | b") << u"labeled"_s << u"b"_s << QStringList{u"abranch"_s} << QStringList{u"somelongername"_s} << QStringList() << false << false << false << false;
    QTest::newRow("labeled | somelongername") << u"labeled"_s << u"somelongername"_s << QStringList{u"abranch"_s} << QStringList{u"c"_s} << QStringList() << false << false << false << false;
    QTest::newRow("labeled | c") << u"labeled"_s << u"c"_s << QStringList{u"abranch"_s} << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("labeled | d") << u"labeled"_s << u"d"_s << QStringList{u"ebranch"_s} << QStringList{u"e"_s} << QStringList() << false << false << false << true;
    QTest::newRow("labeled | e") << u"labeled"_s << u"e"_s << QStringList{u"ebranch"_s} << QStringList{u"someothername"_s} << QStringList() << false << false << false << false;
    QTest::newRow("labeled | someothername") << u"labeled"_s << u"someothername"_s << QStringList{u"ebranch"_s} << QStringList{u"f"_s} << QStringList() << false << false << false << false;
    QTest::newRow("labeled | f") << u"labeled"_s << u"f"_s << QStringList{u"ebranch"_s} << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("labeled_merge | a") << u"labeled_merge"_s << u"a"_s << QStringList() << QStringList{u"b"_s} << QStringList() << false << false << false << true;
    QTest::newRow("labeled_merge | b") << u"labeled_merge"_s << u"b"_s << QStringList() << QStringList{u"c1"_s, u"c2"_s} << QStringList() << true << false << false << false;
    QTest::newRow("labeled_merge | c1") << u"labeled_merge"_s << u"c1"_s << QStringList{u"c1branch"_s} << QStringList{u"d"_s} << QStringList() << false << false << false << false;
    QTest::newRow("labeled_merge | c2") << u"labeled_merge"_s << u"c2"_s << QStringList() << QStringList{u"d"_s} << QStringList() << false << false << false << false;
    QTest::newRow("labeled_merge | d") << u"labeled_merge"_s << u"d"_s << QStringList{u"c1branch"_s} << QStringList() << QStringList() << false << true << true << false;
    QTest::newRow("label_nested | a") << u"label_nested"_s << u"a"_s << QStringList{u"x"_s} << QStringList{u"b"_s} << QStringList() << false << false << false << true;
    QTest::newRow("label_nested | b") << u"label_nested"_s << u"b"_s << QStringList{u"x"_s} << QStringList{u"c"_s, u"e"_s} << QStringList() << true << false << false << false;
    QTest::newRow("label_nested | c") << u"label_nested"_s << u"c"_s << QStringList{u"x"_s, u"y"_s} << QStringList{u"d"_s} << QStringList() << false << false << false << false;
    QTest::newRow("label_nested | d") << u"label_nested"_s << u"d"_s << QStringList{u"x"_s, u"y"_s} << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("label_nested | e") << u"label_nested"_s << u"e"_s << QStringList{u"x"_s} << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("label_chain | a") << u"label_chain"_s << u"a"_s << QStringList{u"lower"_s, u"upper"_s} << QStringList{u"b"_s} << QStringList() << false << false << false << true;
    QTest::newRow("label_chain | b") << u"label_chain"_s << u"b"_s << QStringList{u"lower"_s, u"upper"_s} << QStringList{u"c"_s} << QStringList() << false << false << false << false;
    QTest::newRow("label_chain | c") << u"label_chain"_s << u"c"_s << QStringList{u"lower"_s, u"upper"_s} << QStringList{u"d"_s} << QStringList() << false << false << false << false;
    QTest::newRow("label_chain | d") << u"label_chain"_s << u"d"_s << QStringList{u"lower"_s, u"upper"_s} << QStringList{u"e"_s} << QStringList() << false << false << false << false;
    QTest::newRow("label_chain | e") << u"label_chain"_s << u"e"_s << QStringList{u"lower"_s, u"upper"_s} << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("labeled_base | a") << u"labeled_base"_s << u"a"_s << QStringList{u"base_label"_s} << QStringList{u"b"_s} << QStringList() << false << false << false << true;
    QTest::newRow("labeled_base | b") << u"labeled_base"_s << u"b"_s << QStringList{u"base_label"_s} << QStringList{u"c"_s} << QStringList() << false << false << false << false;
    QTest::newRow("labeled_base | c") << u"labeled_base"_s << u"c"_s << QStringList{u"base_label"_s} << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("short_ids | 1a") << u"short_ids"_s << u"1a"_s << QStringList() << QStringList{u"2a"_s} << QStringList() << false << false << false << true;
    QTest::newRow("short_ids | 2a") << u"short_ids"_s << u"2a"_s << QStringList() << QStringList{u"3a"_s} << QStringList() << false << false << false << false;
    QTest::newRow("short_ids | 3a") << u"short_ids"_s << u"3a"_s << QStringList() << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("partial | abcd1111") << u"partial"_s << u"abcd1111"_s << QStringList() << QStringList{u"abcd2222"_s, u"fedc4444"_s} << QStringList() << true << false << false << true;
    QTest::newRow("partial | abcd2222") << u"partial"_s << u"abcd2222"_s << QStringList{u"abcdlabel"_s} << QStringList{u"abce3333"_s} << QStringList() << false << false << false << false;
    QTest::newRow("partial | abce3333") << u"partial"_s << u"abce3333"_s << QStringList{u"abcdlabel"_s} << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("partial | fedc4444") << u"partial"_s << u"fedc4444"_s << QStringList() << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("multiple_branch | a") << u"multiple_branch"_s << u"a"_s << QStringList() << QStringList{u"b1"_s, u"b2"_s} << QStringList() << true << false << false << true;
    QTest::newRow("multiple_branch | b1") << u"multiple_branch"_s << u"b1"_s << QStringList() << QStringList{u"cb1"_s} << QStringList() << false << false << false << false;
    QTest::newRow("multiple_branch | b2") << u"multiple_branch"_s << u"b2"_s << QStringList() << QStringList{u"cb2"_s} << QStringList() << false << false << false << false;
    QTest::newRow("multiple_branch | cb1") << u"multiple_branch"_s << u"cb1"_s << QStringList() << QStringList{u"d1cb1"_s, u"d2cb1"_s} << QStringList() << true << false << false << false;
    QTest::newRow("multiple_branch | cb2") << u"multiple_branch"_s << u"cb2"_s << QStringList() << QStringList{u"d1cb2"_s, u"d2cb2"_s, u"d3cb2"_s} << QStringList() << true << false << false << false;
    QTest::newRow("multiple_branch | d1cb1") << u"multiple_branch"_s << u"d1cb1"_s << QStringList() << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("multiple_branch | d2cb1") << u"multiple_branch"_s << u"d2cb1"_s << QStringList() << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("multiple_branch | d1cb2") << u"multiple_branch"_s << u"d1cb2"_s << QStringList() << QStringList{u"d1d2cb2"_s} << QStringList() << false << false << false << false;
    QTest::newRow("multiple_branch | d2cb2") << u"multiple_branch"_s << u"d2cb2"_s << QStringList() << QStringList{u"d1d2cb2"_s} << QStringList() << false << false << false << false;
    QTest::newRow("multiple_branch | d3cb2") << u"multiple_branch"_s << u"d3cb2"_s << QStringList() << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("multiple_branch | d1d2cb2") << u"multiple_branch"_s << u"d1d2cb2"_s << QStringList() << QStringList() << QStringList() << false << true << true << false;
    QTest::newRow("multiple_base | base1") << u"multiple_base"_s << u"base1"_s << QStringList() << QStringList{u"a1a"_s, u"a1b"_s} << QStringList() << true << false << false << true;
    QTest::newRow("multiple_base | base2") << u"multiple_base"_s << u"base2"_s << QStringList() << QStringList{u"a2"_s} << QStringList() << false << false << false << true;
    QTest::newRow("multiple_base | base3") << u"multiple_base"_s << u"base3"_s << QStringList() << QStringList{u"a3"_s} << QStringList() << false << false << false << true;
    QTest::newRow("multiple_base | a1a") << u"multiple_base"_s << u"a1a"_s << QStringList() << QStringList{u"b1a"_s} << QStringList() << false << false << false << false;
    QTest::newRow("multiple_base | a1b") << u"multiple_base"_s << u"a1b"_s << QStringList() << QStringList{u"b1b"_s} << QStringList() << false << false << false << false;
    QTest::newRow("multiple_base | a2") << u"multiple_base"_s << u"a2"_s << QStringList() << QStringList{u"b2"_s} << QStringList() << false << false << false << false;
    QTest::newRow("multiple_base | a3") << u"multiple_base"_s << u"a3"_s << QStringList() << QStringList{u"b3"_s} << QStringList() << false << false << false << false;
    QTest::newRow("multiple_base | b1a") << u"multiple_base"_s << u"b1a"_s << QStringList() << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("multiple_base | b1b") << u"multiple_base"_s << u"b1b"_s << QStringList() << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("multiple_base | b2") << u"multiple_base"_s << u"b2"_s << QStringList() << QStringList{u"c2"_s} << QStringList() << false << false << false << false;
    QTest::newRow("multiple_base | b3") << u"multiple_base"_s << u"b3"_s << QStringList() << QStringList{u"mergeb3d2"_s} << QStringList() << false << false << false << false;
    QTest::newRow("multiple_base | c2") << u"multiple_base"_s << u"c2"_s << QStringList() << QStringList{u"d2"_s} << QStringList() << false << false << false << false;
    QTest::newRow("multiple_base | d2") << u"multiple_base"_s << u"d2"_s << QStringList() << QStringList{u"mergeb3d2"_s} << QStringList() << false << false << false << false;
    QTest::newRow("multiple_base | mergeb3d2") << u"multiple_base"_s << u"mergeb3d2"_s << QStringList() << QStringList() << QStringList() << false << true << true << false;
    QTest::newRow("cross_dep_one | base1") << u"cross_dep_one"_s << u"base1"_s << QStringList{u"b_1"_s} << QStringList{u"a1a"_s, u"a1b"_s} << QStringList() << true << false << false << true;
    QTest::newRow("cross_dep_one | a1a") << u"cross_dep_one"_s << u"a1a"_s << QStringList{u"b_1"_s} << QStringList{u"b1a"_s} << QStringList() << false << false << false << false;
    QTest::newRow("cross_dep_one | a1b") << u"cross_dep_one"_s << u"a1b"_s << QStringList{u"b_1"_s} << QStringList{u"b1b"_s} << QStringList() << false << false << false << false;
    QTest::newRow("cross_dep_one | b1a") << u"cross_dep_one"_s << u"b1a"_s << QStringList{u"b_1"_s} << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("cross_dep_one | b1b") << u"cross_dep_one"_s << u"b1b"_s << QStringList{u"b_1"_s} << QStringList() << QStringList{u"a3"_s} << false << false << true << false;
    QTest::newRow("cross_dep_one | base2") << u"cross_dep_one"_s << u"base2"_s << QStringList{u"b_2"_s} << QStringList{u"a2"_s} << QStringList() << false << false << false << true;
    QTest::newRow("cross_dep_one | a2") << u"cross_dep_one"_s << u"a2"_s << QStringList{u"b_2"_s} << QStringList{u"b2"_s} << QStringList() << false << false << false << false;
    QTest::newRow("cross_dep_one | b2") << u"cross_dep_one"_s << u"b2"_s << QStringList{u"b_2"_s} << QStringList{u"c2"_s} << QStringList() << false << false << false << false;
    QTest::newRow("cross_dep_one | c2") << u"cross_dep_one"_s << u"c2"_s << QStringList{u"b_2"_s} << QStringList{u"d2"_s} << QStringList{u"a3"_s} << false << false << false << false;
    QTest::newRow("cross_dep_one | d2") << u"cross_dep_one"_s << u"d2"_s << QStringList{u"b_2"_s} << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("cross_dep_one | base3") << u"cross_dep_one"_s << u"base3"_s << QStringList{u"b_3"_s} << QStringList{u"a3"_s} << QStringList() << false << false << false << true;
    QTest::newRow("cross_dep_one | a3") << u"cross_dep_one"_s << u"a3"_s << QStringList{u"b_3"_s} << QStringList{u"b3"_s} << QStringList() << false << false << false << false;
    QTest::newRow("cross_dep_one | b3") << u"cross_dep_one"_s << u"b3"_s << QStringList{u"b_3"_s} << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("cross_dep_two | base1") << u"cross_dep_two"_s << u"base1"_s << QStringList{u"b_1"_s} << QStringList{u"a1"_s} << QStringList() << false << false << false << true;
    QTest::newRow("cross_dep_two | a1") << u"cross_dep_two"_s << u"a1"_s << QStringList{u"b_1"_s} << QStringList{u"b1"_s} << QStringList() << false << false << false << false;
    QTest::newRow("cross_dep_two | b1") << u"cross_dep_two"_s << u"b1"_s << QStringList{u"b_1"_s} << QStringList{u"c1"_s} << QStringList() << false << false << false << false;
    QTest::newRow("cross_dep_two | c1") << u"cross_dep_two"_s << u"c1"_s << QStringList{u"b_1"_s} << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("cross_dep_two | base2") << u"cross_dep_two"_s << u"base2"_s << QStringList{u"b_2"_s} << QStringList{u"a2"_s} << QStringList{u"base1"_s} << false << false << false << true;
    QTest::newRow("cross_dep_two | a2") << u"cross_dep_two"_s << u"a2"_s << QStringList{u"b_2"_s} << QStringList{u"b2"_s} << QStringList() << false << false << false << false;
    QTest::newRow("cross_dep_two | b2") << u"cross_dep_two"_s << u"b2"_s << QStringList{u"b_2"_s} << QStringList{u"c2"_s} << QStringList() << false << false << false << false;
    QTest::newRow("cross_dep_two | c2") << u"cross_dep_two"_s << u"c2"_s << QStringList{u"b_2"_s} << QStringList{u"d2"_s} << QStringList() << false << false << false << false;
    QTest::newRow("cross_dep_two | d2") << u"cross_dep_two"_s << u"d2"_s << QStringList{u"b_2"_s} << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("cross_dep_two | base3") << u"cross_dep_two"_s << u"base3"_s << QStringList{u"b_3"_s} << QStringList{u"a3"_s} << QStringList() << false << false << false << true;
    QTest::newRow("cross_dep_two | a3") << u"cross_dep_two"_s << u"a3"_s << QStringList{u"b_3"_s} << QStringList{u"b3"_s} << QStringList() << false << false << false << false;
    QTest::newRow("cross_dep_two | b3") << u"cross_dep_two"_s << u"b3"_s << QStringList{u"b_3"_s} << QStringList{u"c3"_s} << QStringList() << false << false << false << false;
    QTest::newRow("cross_dep_two | c3") << u"cross_dep_two"_s << u"c3"_s << QStringList{u"b_3"_s} << QStringList{u"d3"_s} << QStringList{u"b2"_s} << false << false << false << false;
    QTest::newRow("cross_dep_two | d3") << u"cross_dep_two"_s << u"d3"_s << QStringList{u"b_3"_s} << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("cross_dep_three | base1") << u"cross_dep_three"_s << u"base1"_s << QStringList() << QStringList{u"a1"_s} << QStringList() << false << false << false << true;
    QTest::newRow("cross_dep_three | a1") << u"cross_dep_three"_s << u"a1"_s << QStringList() << QStringList{u"b1"_s} << QStringList() << false << false << false << false;
    QTest::newRow("cross_dep_three | b1") << u"cross_dep_three"_s << u"b1"_s << QStringList() << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("cross_dep_three | c2") << u"cross_dep_three"_s << u"c2"_s << QStringList() << QStringList{u"c3"_s} << QStringList{u"a1"_s} << false << false << false << true;
    QTest::newRow("cross_dep_three | c3") << u"cross_dep_three"_s << u"c3"_s << QStringList() << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("large_map | d1a69b9b1325") << u"large_map"_s << u"d1a69b9b1325"_s << QStringList() << QStringList{u"cf0c4243ed52"_s} << QStringList() << false << false << false << true;
    QTest::newRow("large_map | cf0c4243ed52") << u"large_map"_s << u"cf0c4243ed52"_s << QStringList() << QStringList{u"33f507f0cbd4"_s, u"a9dfbaecde5b"_s, u"b3753b4a3ee2"_s} << QStringList() << true << false << false << false;
    QTest::newRow("large_map | b3753b4a3ee2") << u"large_map"_s << u"b3753b4a3ee2"_s << QStringList() << QStringList{u"5bae683447c1"_s} << QStringList() << false << false << false << false;
    QTest::newRow("large_map | 5bae683447c1") << u"large_map"_s << u"5bae683447c1"_s << QStringList() << QStringList{u"6a42d330a549"_s} << QStringList() << false << false << false << false;
    QTest::newRow("large_map | 33f507f0cbd4") << u"large_map"_s << u"33f507f0cbd4"_s << QStringList() << QStringList{u"b78eea394aba"_s} << QStringList() << false << false << false << false;
    QTest::newRow("large_map | 6a42d330a549") << u"large_map"_s << u"6a42d330a549"_s << QStringList() << QStringList{u"f1f00e46c215"_s} << QStringList() << false << false << false << false;
    QTest::newRow("large_map | a9dfbaecde5b") << u"large_map"_s << u"a9dfbaecde5b"_s << QStringList() << QStringList{u"c4448d1eac03"_s} << QStringList() << false << false << false << false;
    QTest::newRow("large_map | f1f00e46c215") << u"large_map"_s << u"f1f00e46c215"_s << QStringList() << QStringList{u"3a7c6088155f"_s} << QStringList() << false << false << false << false;
    QTest::newRow("large_map | 3a7c6088155f") << u"large_map"_s << u"3a7c6088155f"_s << QStringList() << QStringList{u"b2e7eee45145"_s} << QStringList() << false << false << false << false;
    QTest::newRow("large_map | afbe6dbb8cb8") << u"large_map"_s << u"afbe6dbb8cb8"_s << QStringList() << QStringList{u"d644559d7e79"_s} << QStringList() << false << false << false << true;
    QTest::newRow("large_map | 604ada0aea0e") << u"large_map"_s << u"604ada0aea0e"_s << QStringList() << QStringList{u"af1a2e012631"_s} << QStringList() << false << false << false << true;
    QTest::newRow("large_map | b2e7eee45145") << u"large_map"_s << u"b2e7eee45145"_s << QStringList() << QStringList{u"e6558e18a60e"_s} << QStringList{u"a9dfbaecde5b"_s} << false << false << false << false;
    QTest::newRow("large_map | b78eea394aba") << u"large_map"_s << u"b78eea394aba"_s << QStringList() << QStringList{u"c4448d1eac03"_s} << QStringList{u"604ada0aea0e"_s} << false << false << false << false;
    QTest::newRow("large_map | af1a2e012631") << u"large_map"_s << u"af1a2e012631"_s << QStringList() << QStringList{u"535fb9f7f89e"_s} << QStringList() << false << false << false << false;
    QTest::newRow("large_map | 535fb9f7f89e") << u"large_map"_s << u"535fb9f7f89e"_s << QStringList() << QStringList{u"5f4e5c00d3d2"_s} << QStringList() << false << false << false << false;
    QTest::newRow("large_map | d644559d7e79") << u"large_map"_s << u"d644559d7e79"_s << QStringList() << QStringList{u"9e60f6bd8eca"_s} << QStringList() << false << false << false << false;
    QTest::newRow("large_map | 5f4e5c00d3d2") << u"large_map"_s << u"5f4e5c00d3d2"_s << QStringList() << QStringList{u"cad86ceebb95"_s} << QStringList() << false << false << false << false;
    QTest::newRow("large_map | c4448d1eac03") << u"large_map"_s << u"c4448d1eac03"_s << QStringList() << QStringList{u"c8fdc56309d2"_s} << QStringList() << false << true << false << false;
    QTest::newRow("large_map | c8fdc56309d2") << u"large_map"_s << u"c8fdc56309d2"_s << QStringList() << QStringList{u"9e60f6bd8eca"_s} << QStringList() << false << false << false << false;
    QTest::newRow("large_map | 9e60f6bd8eca") << u"large_map"_s << u"9e60f6bd8eca"_s << QStringList() << QStringList{u"05a786cf6aba"_s} << QStringList() << false << true << false << false;
    QTest::newRow("large_map | 603c77a22873") << u"large_map"_s << u"603c77a22873"_s << QStringList() << QStringList{u"7e3b2875a2d0"_s} << QStringList() << false << false << false << true;
    QTest::newRow("large_map | 7e3b2875a2d0") << u"large_map"_s << u"7e3b2875a2d0"_s << QStringList() << QStringList{u"00ae49a7a58c"_s, u"c1e6cca24337"_s} << QStringList() << true << false << false << false;
    QTest::newRow("large_map | 9f6148f8f164") << u"large_map"_s << u"9f6148f8f164"_s << QStringList() << QStringList{u"98dcbea75def"_s} << QStringList() << false << false << false << true;
    QTest::newRow("large_map | e6558e18a60e") << u"large_map"_s << u"e6558e18a60e"_s << QStringList() << QStringList{u"1240cf737131"_s} << QStringList() << false << false << false << false;
    QTest::newRow("large_map | c1e6cca24337") << u"large_map"_s << u"c1e6cca24337"_s << QStringList() << QStringList{u"25c852a69ac0"_s} << QStringList() << false << false << false << false;
    QTest::newRow("large_map | 1240cf737131") << u"large_map"_s << u"1240cf737131"_s << QStringList() << QStringList{u"01f73f108ac5"_s} << QStringList{u"9f6148f8f164"_s} << false << false << false << false;
    QTest::newRow("large_map | 00ae49a7a58c") << u"large_map"_s << u"00ae49a7a58c"_s << QStringList() << QStringList{u"d92a2996b98c"_s} << QStringList() << false << false << false << false;
    QTest::newRow("large_map | 25c852a69ac0") << u"large_map"_s << u"25c852a69ac0"_s << QStringList() << QStringList{u"4c7d4c7497b8"_s} << QStringList() << false << false << false << false;
    QTest::newRow("large_map | 98dcbea75def") << u"large_map"_s << u"98dcbea75def"_s << QStringList() << QStringList{u"69e00a8e9f78"_s} << QStringList() << false << false << false << false;
    QTest::newRow("large_map | cad86ceebb95") << u"large_map"_s << u"cad86ceebb95"_s << QStringList() << QStringList{u"01f73f108ac5"_s} << QStringList() << false << false << false << false;
    QTest::newRow("large_map | 69e00a8e9f78") << u"large_map"_s << u"69e00a8e9f78"_s << QStringList() << QStringList{u"38c983ab0c1e"_s} << QStringList() << false << false << false << false;
    QTest::newRow("large_map | 4c7d4c7497b8") << u"large_map"_s << u"4c7d4c7497b8"_s << QStringList() << QStringList{u"c67931643087"_s} << QStringList() << false << false << false << false;
    QTest::newRow("large_map | d92a2996b98c") << u"large_map"_s << u"d92a2996b98c"_s << QStringList() << QStringList{u"38c983ab0c1e"_s} << QStringList() << false << false << false << false;
    QTest::newRow("large_map | 38c983ab0c1e") << u"large_map"_s << u"38c983ab0c1e"_s << QStringList() << QStringList() << QStringList() << false << true << true << false;
    QTest::newRow("large_map | c67931643087") << u"large_map"_s << u"c67931643087"_s << QStringList() << QStringList{u"f3069e6aca3c"_s} << QStringList() << false << false << false << false;
    QTest::newRow("large_map | 01f73f108ac5") << u"large_map"_s << u"01f73f108ac5"_s << QStringList() << QStringList{u"d39c0dd7b1fe"_s, u"ee8b5810acfc"_s} << QStringList() << true << true << false << false;
    QTest::newRow("large_map | ee8b5810acfc") << u"large_map"_s << u"ee8b5810acfc"_s << QStringList() << QStringList{u"f3069e6aca3c"_s} << QStringList() << false << false << false << false;
    QTest::newRow("large_map | 05a786cf6aba") << u"large_map"_s << u"05a786cf6aba"_s << QStringList() << QStringList{u"b9720045a9a2"_s} << QStringList() << false << false << false << false;
    QTest::newRow("large_map | 070b9c8bea5a") << u"large_map"_s << u"070b9c8bea5a"_s << QStringList() << QStringList{u"ae8311f2d84d"_s} << QStringList() << false << false << false << true;
    QTest::newRow("large_map | d39c0dd7b1fe") << u"large_map"_s << u"d39c0dd7b1fe"_s << QStringList() << QStringList{u"92d0f7d20afa"_s, u"c79a582b6309"_s, u"cc342ef936ae"_s} << QStringList() << true << false << false << false;
    QTest::newRow("large_map | b9720045a9a2") << u"large_map"_s << u"b9720045a9a2"_s << QStringList() << QStringList{u"02bfe3dcc494"_s} << QStringList() << false << false << false << false;
    QTest::newRow("large_map | cc342ef936ae") << u"large_map"_s << u"cc342ef936ae"_s << QStringList() << QStringList{u"d1b78f2d2838"_s} << QStringList{u"604ada0aea0e"_s} << false << false << false << false;
    QTest::newRow("large_map | f3069e6aca3c") << u"large_map"_s << u"f3069e6aca3c"_s << QStringList() << QStringList() << QStringList() << false << true << true << false;
    QTest::newRow("large_map | d1b78f2d2838") << u"large_map"_s << u"d1b78f2d2838"_s << QStringList() << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("large_map | c79a582b6309") << u"large_map"_s << u"c79a582b6309"_s << QStringList() << QStringList() << QStringList{u"1240cf737131"_s} << false << false << true << false;
    QTest::newRow("large_map | 92d0f7d20afa") << u"large_map"_s << u"92d0f7d20afa"_s << QStringList() << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("large_map | 02bfe3dcc494") << u"large_map"_s << u"02bfe3dcc494"_s << QStringList() << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("large_map | ae8311f2d84d") << u"large_map"_s << u"ae8311f2d84d"_s << QStringList() << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("normalized_down | a1") << u"normalized_down"_s << u"a1"_s << QStringList() << QStringList{u"a2"_s} << QStringList() << false << false << false << true;
    QTest::newRow("normalized_down | a2") << u"normalized_down"_s << u"a2"_s << QStringList() << QStringList{u"a3"_s} << QStringList() << false << false << false << false;
    QTest::newRow("normalized_down | a3") << u"normalized_down"_s << u"a3"_s << QStringList() << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("normalized_down | b1") << u"normalized_down"_s << u"b1"_s << QStringList() << QStringList{u"b2"_s} << QStringList() << false << false << false << true;
    QTest::newRow("normalized_down | b2") << u"normalized_down"_s << u"b2"_s << QStringList() << QStringList{u"b3"_s} << QStringList{u"a3"_s} << false << false << false << false;
    QTest::newRow("normalized_down | b3") << u"normalized_down"_s << u"b3"_s << QStringList() << QStringList{u"b4"_s} << QStringList() << false << false << false << false;
    QTest::newRow("normalized_down | b4") << u"normalized_down"_s << u"b4"_s << QStringList() << QStringList{u"b5"_s} << QStringList{u"a3"_s} << false << false << false << false;
    QTest::newRow("normalized_down | b5") << u"normalized_down"_s << u"b5"_s << QStringList() << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("normalized_dupe_dep | a1") << u"normalized_dupe_dep"_s << u"a1"_s << QStringList() << QStringList{u"a2"_s} << QStringList() << false << false << false << true;
    QTest::newRow("normalized_dupe_dep | a2") << u"normalized_dupe_dep"_s << u"a2"_s << QStringList() << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("normalized_dupe_dep | b1") << u"normalized_dupe_dep"_s << u"b1"_s << QStringList() << QStringList{u"b2"_s} << QStringList() << false << false << false << true;
    QTest::newRow("normalized_dupe_dep | b2") << u"normalized_dupe_dep"_s << u"b2"_s << QStringList() << QStringList{u"b3"_s} << QStringList{u"a2"_s} << false << false << false << false;
    QTest::newRow("normalized_dupe_dep | b3") << u"normalized_dupe_dep"_s << u"b3"_s << QStringList() << QStringList() << QStringList{u"a2"_s} << false << false << true << false;
    QTest::newRow("duplicate | a") << u"duplicate"_s << u"a"_s << QStringList() << QStringList{u"b"_s} << QStringList() << false << false << false << true;
    QTest::newRow("duplicate | b") << u"duplicate"_s << u"b"_s << QStringList() << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("duplicate_changed | a") << u"duplicate_changed"_s << u"a"_s << QStringList() << QStringList{u"c"_s} << QStringList() << false << false << false << true;
    QTest::newRow("duplicate_changed | b") << u"duplicate_changed"_s << u"b"_s << QStringList() << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("duplicate_changed | c") << u"duplicate_changed"_s << u"c"_s << QStringList() << QStringList{u"b"_s} << QStringList() << false << false << false << false;
    QTest::newRow("merge_same_parent | a") << u"merge_same_parent"_s << u"a"_s << QStringList() << QStringList{u"b"_s} << QStringList() << false << false << false << true;
    QTest::newRow("merge_same_parent | b") << u"merge_same_parent"_s << u"b"_s << QStringList() << QStringList() << QStringList() << false << true << true << false;
    QTest::newRow("revision_path | 3cf1b0e5e3a9") << u"revision_path"_s << u"3cf1b0e5e3a9"_s << QStringList() << QStringList{u"8b1f4c6a2d07"_s} << QStringList() << false << false << false << true;
    QTest::newRow("revision_path | 8b1f4c6a2d07") << u"revision_path"_s << u"8b1f4c6a2d07"_s << QStringList() << QStringList{u"c3a9d1e07f42"_s} << QStringList() << false << false << false << false;
    QTest::newRow("revision_path | c3a9d1e07f42") << u"revision_path"_s << u"c3a9d1e07f42"_s << QStringList() << QStringList{u"c3a2bb51e0d8"_s} << QStringList() << false << false << false << false;
    QTest::newRow("revision_path | c3a2bb51e0d8") << u"revision_path"_s << u"c3a2bb51e0d8"_s << QStringList() << QStringList{u"5e0d7c2a91f3"_s} << QStringList() << false << false << false << false;
    QTest::newRow("revision_path | 5e0d7c2a91f3") << u"revision_path"_s << u"5e0d7c2a91f3"_s << QStringList() << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("branched_path | a") << u"branched_path"_s << u"a"_s << QStringList() << QStringList{u"b"_s} << QStringList() << false << false << false << true;
    QTest::newRow("branched_path | b") << u"branched_path"_s << u"b"_s << QStringList() << QStringList{u"c1"_s, u"c2"_s} << QStringList() << true << false << false << false;
    QTest::newRow("branched_path | c1") << u"branched_path"_s << u"c1"_s << QStringList{u"c1branch"_s} << QStringList{u"d1"_s} << QStringList() << false << false << false << false;
    QTest::newRow("branched_path | d1") << u"branched_path"_s << u"d1"_s << QStringList{u"c1branch"_s} << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("branched_path | c2") << u"branched_path"_s << u"c2"_s << QStringList{u"c2branch"_s} << QStringList{u"d2"_s} << QStringList() << false << false << false << false;
    QTest::newRow("branched_path | d2") << u"branched_path"_s << u"d2"_s << QStringList{u"c2branch"_s} << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("branch_from_mergepoint | a1") << u"branch_from_mergepoint"_s << u"a1"_s << QStringList() << QStringList{u"b1"_s} << QStringList() << false << false << false << true;
    QTest::newRow("branch_from_mergepoint | b1") << u"branch_from_mergepoint"_s << u"b1"_s << QStringList() << QStringList{u"c1"_s} << QStringList() << false << false << false << false;
    QTest::newRow("branch_from_mergepoint | c1") << u"branch_from_mergepoint"_s << u"c1"_s << QStringList() << QStringList{u"d1"_s} << QStringList() << false << false << false << false;
    QTest::newRow("branch_from_mergepoint | a2") << u"branch_from_mergepoint"_s << u"a2"_s << QStringList() << QStringList{u"b2"_s} << QStringList() << false << false << false << true;
    QTest::newRow("branch_from_mergepoint | b2") << u"branch_from_mergepoint"_s << u"b2"_s << QStringList() << QStringList{u"c2"_s} << QStringList() << false << false << false << false;
    QTest::newRow("branch_from_mergepoint | c2") << u"branch_from_mergepoint"_s << u"c2"_s << QStringList() << QStringList{u"d1"_s, u"d2"_s} << QStringList() << true << false << false << false;
    QTest::newRow("branch_from_mergepoint | d1") << u"branch_from_mergepoint"_s << u"d1"_s << QStringList() << QStringList() << QStringList() << false << true << true << false;
    QTest::newRow("branch_from_mergepoint | d2") << u"branch_from_mergepoint"_s << u"d2"_s << QStringList() << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("branch_from_3way_mergepoint | a1") << u"branch_from_3way_mergepoint"_s << u"a1"_s << QStringList() << QStringList{u"b1"_s} << QStringList() << false << false << false << true;
    QTest::newRow("branch_from_3way_mergepoint | b1") << u"branch_from_3way_mergepoint"_s << u"b1"_s << QStringList() << QStringList{u"c1"_s} << QStringList() << false << false << false << false;
    QTest::newRow("branch_from_3way_mergepoint | c1") << u"branch_from_3way_mergepoint"_s << u"c1"_s << QStringList() << QStringList{u"d1"_s} << QStringList() << false << false << false << false;
    QTest::newRow("branch_from_3way_mergepoint | a2") << u"branch_from_3way_mergepoint"_s << u"a2"_s << QStringList() << QStringList{u"b2"_s} << QStringList() << false << false << false << true;
    QTest::newRow("branch_from_3way_mergepoint | b2") << u"branch_from_3way_mergepoint"_s << u"b2"_s << QStringList() << QStringList{u"c2"_s} << QStringList() << false << false << false << false;
    QTest::newRow("branch_from_3way_mergepoint | c2") << u"branch_from_3way_mergepoint"_s << u"c2"_s << QStringList() << QStringList{u"d1"_s, u"d2"_s} << QStringList() << true << false << false << false;
    QTest::newRow("branch_from_3way_mergepoint | a3") << u"branch_from_3way_mergepoint"_s << u"a3"_s << QStringList() << QStringList{u"b3"_s} << QStringList() << false << false << false << true;
    QTest::newRow("branch_from_3way_mergepoint | b3") << u"branch_from_3way_mergepoint"_s << u"b3"_s << QStringList() << QStringList{u"c3"_s} << QStringList() << false << false << false << false;
    QTest::newRow("branch_from_3way_mergepoint | c3") << u"branch_from_3way_mergepoint"_s << u"c3"_s << QStringList() << QStringList{u"d1"_s, u"d3"_s} << QStringList() << true << false << false << false;
    QTest::newRow("branch_from_3way_mergepoint | d1") << u"branch_from_3way_mergepoint"_s << u"d1"_s << QStringList() << QStringList() << QStringList() << false << true << true << false;
    QTest::newRow("branch_from_3way_mergepoint | d2") << u"branch_from_3way_mergepoint"_s << u"d2"_s << QStringList() << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("branch_from_3way_mergepoint | d3") << u"branch_from_3way_mergepoint"_s << u"d3"_s << QStringList() << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("twin_merge | a") << u"twin_merge"_s << u"a"_s << QStringList() << QStringList{u"b1"_s, u"b2"_s, u"b3"_s} << QStringList() << true << false << false << true;
    QTest::newRow("twin_merge | b1") << u"twin_merge"_s << u"b1"_s << QStringList() << QStringList{u"c1"_s, u"c2"_s} << QStringList() << true << false << false << false;
    QTest::newRow("twin_merge | b2") << u"twin_merge"_s << u"b2"_s << QStringList() << QStringList{u"c1"_s, u"c2"_s} << QStringList() << true << false << false << false;
    QTest::newRow("twin_merge | b3") << u"twin_merge"_s << u"b3"_s << QStringList() << QStringList{u"c1"_s, u"c2"_s} << QStringList() << true << false << false << false;
    QTest::newRow("twin_merge | c1") << u"twin_merge"_s << u"c1"_s << QStringList() << QStringList{u"d1"_s} << QStringList() << false << true << false << false;
    QTest::newRow("twin_merge | c2") << u"twin_merge"_s << u"c2"_s << QStringList() << QStringList{u"d2"_s} << QStringList() << false << true << false << false;
    QTest::newRow("twin_merge | d1") << u"twin_merge"_s << u"d1"_s << QStringList() << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("twin_merge | d2") << u"twin_merge"_s << u"d2"_s << QStringList() << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("depends_on_branch_one | a1") << u"depends_on_branch_one"_s << u"a1"_s << QStringList{u"lib1"_s} << QStringList{u"b1"_s} << QStringList() << false << false << false << true;
    QTest::newRow("depends_on_branch_one | b1") << u"depends_on_branch_one"_s << u"b1"_s << QStringList{u"lib1"_s} << QStringList{u"c1"_s} << QStringList() << false << false << false << false;
    QTest::newRow("depends_on_branch_one | c1") << u"depends_on_branch_one"_s << u"c1"_s << QStringList{u"lib1"_s} << QStringList{u"d1"_s} << QStringList() << false << false << false << false;
    QTest::newRow("depends_on_branch_one | a2") << u"depends_on_branch_one"_s << u"a2"_s << QStringList() << QStringList{u"b2"_s} << QStringList() << false << false << false << true;
    QTest::newRow("depends_on_branch_one | b2") << u"depends_on_branch_one"_s << u"b2"_s << QStringList() << QStringList{u"c2"_s} << QStringList() << false << false << false << false;
    QTest::newRow("depends_on_branch_one | c2") << u"depends_on_branch_one"_s << u"c2"_s << QStringList() << QStringList() << QStringList{u"c1"_s} << false << false << true << false;
    QTest::newRow("depends_on_branch_one | d1") << u"depends_on_branch_one"_s << u"d1"_s << QStringList{u"lib1"_s} << QStringList{u"e1"_s} << QStringList() << false << false << false << false;
    QTest::newRow("depends_on_branch_one | e1") << u"depends_on_branch_one"_s << u"e1"_s << QStringList{u"lib1"_s} << QStringList{u"f1"_s} << QStringList() << false << false << false << false;
    QTest::newRow("depends_on_branch_one | f1") << u"depends_on_branch_one"_s << u"f1"_s << QStringList{u"lib1"_s} << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("depends_on_branch_two | a1") << u"depends_on_branch_two"_s << u"a1"_s << QStringList() << QStringList{u"amerge"_s} << QStringList() << false << false << false << true;
    QTest::newRow("depends_on_branch_two | a2") << u"depends_on_branch_two"_s << u"a2"_s << QStringList() << QStringList{u"amerge"_s} << QStringList() << false << false << false << true;
    QTest::newRow("depends_on_branch_two | a3") << u"depends_on_branch_two"_s << u"a3"_s << QStringList() << QStringList{u"amerge"_s} << QStringList() << false << false << false << true;
    QTest::newRow("depends_on_branch_two | amerge") << u"depends_on_branch_two"_s << u"amerge"_s << QStringList() << QStringList() << QStringList() << false << true << true << false;
    QTest::newRow("depends_on_branch_two | b1") << u"depends_on_branch_two"_s << u"b1"_s << QStringList() << QStringList{u"bmerge"_s} << QStringList() << false << false << false << true;
    QTest::newRow("depends_on_branch_two | b2") << u"depends_on_branch_two"_s << u"b2"_s << QStringList() << QStringList{u"bmerge"_s} << QStringList() << false << false << false << true;
    QTest::newRow("depends_on_branch_two | bmerge") << u"depends_on_branch_two"_s << u"bmerge"_s << QStringList() << QStringList() << QStringList() << false << true << true << false;
    QTest::newRow("depends_on_branch_two | c1") << u"depends_on_branch_two"_s << u"c1"_s << QStringList() << QStringList{u"cmerge"_s} << QStringList() << false << false << false << true;
    QTest::newRow("depends_on_branch_two | c2") << u"depends_on_branch_two"_s << u"c2"_s << QStringList() << QStringList{u"cmerge"_s} << QStringList() << false << false << false << true;
    QTest::newRow("depends_on_branch_two | c3") << u"depends_on_branch_two"_s << u"c3"_s << QStringList() << QStringList{u"cmerge"_s} << QStringList() << false << false << false << true;
    QTest::newRow("depends_on_branch_two | cmerge") << u"depends_on_branch_two"_s << u"cmerge"_s << QStringList() << QStringList() << QStringList() << false << true << true << false;
    QTest::newRow("depends_on_branch_two | d1") << u"depends_on_branch_two"_s << u"d1"_s << QStringList() << QStringList() << QStringList{u"amerge"_s, u"bmerge"_s, u"cmerge"_s} << false << false << true << true;
    QTest::newRow("depends_on_branch_three | a1") << u"depends_on_branch_three"_s << u"a1"_s << QStringList() << QStringList{u"a2"_s} << QStringList() << false << false << false << true;
    QTest::newRow("depends_on_branch_three | a2") << u"depends_on_branch_three"_s << u"a2"_s << QStringList() << QStringList{u"a3"_s} << QStringList() << false << false << false << false;
    QTest::newRow("depends_on_branch_three | b1") << u"depends_on_branch_three"_s << u"b1"_s << QStringList() << QStringList{u"b2"_s} << QStringList() << false << false << false << true;
    QTest::newRow("depends_on_branch_three | b2") << u"depends_on_branch_three"_s << u"b2"_s << QStringList() << QStringList{u"b3"_s} << QStringList{u"a2"_s} << false << false << false << false;
    QTest::newRow("depends_on_branch_three | b3") << u"depends_on_branch_three"_s << u"b3"_s << QStringList() << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("depends_on_branch_three | a3") << u"depends_on_branch_three"_s << u"a3"_s << QStringList() << QStringList() << QStringList{u"b1"_s} << false << false << true << false;
    QTest::newRow("depends_on_label | a1") << u"depends_on_label"_s << u"a1"_s << QStringList{u"lib1"_s} << QStringList{u"b1"_s} << QStringList() << false << false << false << true;
    QTest::newRow("depends_on_label | b1") << u"depends_on_label"_s << u"b1"_s << QStringList{u"lib1"_s} << QStringList{u"c1"_s} << QStringList() << false << false << false << false;
    QTest::newRow("depends_on_label | c1") << u"depends_on_label"_s << u"c1"_s << QStringList{u"lib1"_s} << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("depends_on_label | a2") << u"depends_on_label"_s << u"a2"_s << QStringList() << QStringList{u"b2"_s} << QStringList() << false << false << false << true;
    QTest::newRow("depends_on_label | b2") << u"depends_on_label"_s << u"b2"_s << QStringList() << QStringList{u"c2"_s} << QStringList() << false << false << false << false;
    QTest::newRow("depends_on_label | c2") << u"depends_on_label"_s << u"c2"_s << QStringList() << QStringList() << QStringList{u"a1"_s} << false << false << true << false;
    QTest::newRow("depends_on_own_downrev | a1") << u"depends_on_own_downrev"_s << u"a1"_s << QStringList() << QStringList{u"a2"_s} << QStringList() << false << false << false << true;
    QTest::newRow("depends_on_own_downrev | a2") << u"depends_on_own_downrev"_s << u"a2"_s << QStringList() << QStringList() << QStringList{u"a1"_s} << false << false << true << false;
    QTest::newRow("forest | a1") << u"forest"_s << u"a1"_s << QStringList() << QStringList{u"b1"_s} << QStringList() << false << false << false << true;
    QTest::newRow("forest | b1") << u"forest"_s << u"b1"_s << QStringList() << QStringList() << QStringList() << false << false << true << false;
    QTest::newRow("forest | a2") << u"forest"_s << u"a2"_s << QStringList() << QStringList{u"b2"_s} << QStringList() << false << false << false << true;
    QTest::newRow("forest | b2") << u"forest"_s << u"b2"_s << QStringList() << QStringList() << QStringList() << false << false << true << false;
    // END GENERATED revisions
}

void TestRevisionGraphRevisions::revisions()
{
    QFETCH(QString, scenario);
    QFETCH(QString, revision);
    QFETCH(QStringList, labels);
    QFETCH(QStringList, children);
    QFETCH(QStringList, dependencies);
    QFETCH(bool, branchPoint);
    QFETCH(bool, mergePoint);
    QFETCH(bool, head);
    QFETCH(bool, base);

    const RevisionGraph graph = retort::test::scenario(scenario);
    QVERIFY(graph.contains(revision));
    compareList(graph.branchLabels(revision), labels, "branch labels");
    compareList(sorted(graph.children(revision)), children, "children (nextrev)");
    compareList(graph.dependencies(revision), dependencies, "dependencies");
    QCOMPARE(graph.isBranchPoint(revision), branchPoint);
    QCOMPARE(graph.isMergePoint(revision), mergePoint);
    QCOMPARE(graph.isHead(revision), head);
    QCOMPARE(graph.isBase(revision), base);
    QCOMPARE(graph.parents(revision), graph.revision(revision)->downRevisions);
    QVERIFY(graph.missingParents(revision).isEmpty());
    QVERIFY(!graph.isInCycle(revision));
}

void TestRevisionGraphRevisions::labelOwner()
{
    const RevisionGraph graph = scenario(u"labeled"_s);
    QCOMPARE(graph.labelOwner(u"abranch"_s), u"a"_s);
    QCOMPARE(graph.labelOwner(u"ebranch"_s), u"e"_s);
    QCOMPARE(graph.labelOwner(u"a"_s), QString()); // a revision id, not a label
    QCOMPARE(graph.labelOwner(u"nosuch"_s), QString());
    QCOMPARE(graph.revision(u"e"_s)->branchLabels, QStringList{u"ebranch"_s}); // as declared
}

void TestRevisionGraphRevisions::revisionInFile()
{
    Revision a;
    a.id = u"a"_s;
    a.path = u"/p/versions/a.py"_s;
    Revision b;
    b.id = u"b"_s;
    b.downRevisions = {u"a"_s};
    b.path = u"/p/versions/b.py"_s;
    const RevisionGraph graph = RevisionGraph::build({a, b});
    QCOMPARE(graph.revisionInFile(u"/p/versions/b.py"_s), u"b"_s);
    QCOMPARE(graph.revisionInFile(u"/p/versions/../versions/a.py"_s), u"a"_s); // cleaned first
    QCOMPARE(graph.revisionInFile(u"/p/versions/c.py"_s), QString());
    QCOMPARE(graph.revisionInFile(QString()), QString());
}

void TestRevisionGraphRevisions::dependenciesAndDependents()
{
    const RevisionGraph one = scenario(u"cross_dep_one"_s);
    QCOMPARE(one.dependencies(u"c2"_s), QStringList{u"a3"_s});
    QCOMPARE(sorted(one.dependents(u"a3"_s)), (QStringList{u"b1b"_s, u"c2"_s}));
    QCOMPARE(one.dependents(u"b2"_s), QStringList());
    QCOMPARE(one.children(u"a3"_s), QStringList{u"b3"_s}); // dependents are not children

    // depends_on may name a branch label: it resolves to the revision declaring it.
    const RevisionGraph two = scenario(u"cross_dep_two"_s);
    QCOMPARE(two.dependencies(u"base2"_s), QStringList{u"base1"_s});
    QCOMPARE(two.revision(u"base2"_s)->dependsOn, QStringList{u"b_1"_s});
    const RevisionGraph label = scenario(u"depends_on_label"_s);
    QCOMPARE(label.dependencies(u"c2"_s), QStringList{u"a1"_s});
}

QTEST_GUILESS_MAIN(TestRevisionGraphRevisions)
#include "tst_revisiongraph_revisions.moc"
