#include "graphlayout.h"

#include <QElapsedTimer>
#include <QHash>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace retort;

// Like QVERIFY2, but the message (describing rows is not cheap) is built only when the check fails.
#define VERIFY_DESCRIBED(condition, message)                                                                           \
    do {                                                                                                               \
        if (!(condition))                                                                                              \
            QFAIL(qPrintable(QStringLiteral(#condition ": ") + (message)));                                            \
    } while (false)

namespace {

// "M A B ~ D" is node M with parents A and B and a dependency on D.
QList<LayoutNode> parseNodes(const QStringList &specs)
{
    QList<LayoutNode> nodes;
    for (const QString &spec : specs) {
        const QStringList words = spec.split(u' ', Qt::SkipEmptyParts);
        LayoutNode node{words.value(0), {}, {}};
        bool dependencies = false;
        for (qsizetype i = 1; i < words.size(); ++i) {
            if (words.at(i) == u"~")
                dependencies = true;
            else
                (dependencies ? node.dependencies : node.parents).append(words.at(i));
        }
        nodes.append(node);
    }
    return nodes;
}

// "@lane/activeLanes" then segments: U upper, L lower, X dangling; "from>to", "d" for a dependency.
QString describe(const LayoutRow &row)
{
    QString text = u"@%1/%2"_s.arg(row.lane).arg(row.activeLanes);
    for (const LaneSegment &segment : row.segments) {
        const QChar part = segment.part == SegmentPart::Upper ? u'U' : segment.part == SegmentPart::Lower ? u'L' : u'X';
        text += u' ';
        text += part;
        text += QString::number(segment.fromLane) + u'>' + QString::number(segment.toLane);
        if (segment.kind == EdgeKind::Dependency)
            text += u'd';
    }
    return text;
}

QStringList describe(const GraphLayout &layout)
{
    QStringList rows;
    for (const LayoutRow &row : layout.rows)
        rows.append(describe(row));
    return rows;
}

struct ExpectedEdge
{
    int targetRow; // -1: dangling
    EdgeKind kind;
    bool operator<(const ExpectedEdge &other) const
    {
        return std::pair(targetRow, kind) < std::pair(other.targetRow, other.kind);
    }
    bool operator==(const ExpectedEdge &) const = default;
};

// The edges each row should draw, worked out independently of the layout: the target of an edge is the
// nearest row below with that id; parents first, dependencies that repeat a parent dropped.
QList<QList<ExpectedEdge>> expectedEdges(const QList<LayoutNode> &nodes)
{
    QHash<QString, QList<int>> rowsOf;
    for (int row = 0; row < int(nodes.size()); ++row)
        rowsOf[nodes.at(row).id].append(row);
    const auto targetOf = [&](const QString &id, int row) {
        const QList<int> rows = rowsOf.value(id);
        const auto it = std::upper_bound(rows.begin(), rows.end(), row);
        return it == rows.end() ? -1 : *it;
    };
    QList<QList<ExpectedEdge>> result;
    for (int row = 0; row < int(nodes.size()); ++row) {
        const LayoutNode &node = nodes.at(row);
        QList<ExpectedEdge> edges;
        QStringList seen;
        for (const QString &parent : node.parents) {
            if (!seen.contains(parent))
                edges.append({targetOf(parent, row), EdgeKind::Parent});
            seen.append(parent);
        }
        for (const QString &dependency : node.dependencies) {
            if (!seen.contains(dependency))
                edges.append({targetOf(dependency, row), EdgeKind::Dependency});
            seen.append(dependency);
        }
        std::sort(edges.begin(), edges.end());
        result.append(edges);
    }
    return result;
}

// Checks what every layout must satisfy: rows join up, each lane leads to one node, and each node draws
// exactly its own edges. Uses QVERIFY; callers check QTest::currentTestFailed().
void verifyConsistent(const QList<LayoutNode> &nodes, const GraphLayout &layout)
{
    QCOMPARE(layout.rows.size(), nodes.size());
    const QList<QList<ExpectedEdge>> expected = expectedEdges(nodes);
    int widest = 0;
    for (int r = 0; r < int(layout.rows.size()); ++r) {
        const LayoutRow &row = layout.rows.at(r);
        widest = std::max(widest, row.activeLanes);
        QVERIFY(row.lane >= 0 && row.lane < row.activeLanes);
        QList<ExpectedEdge> drawn;
        QHash<int, int> upperTargets; // lane -> target row, as seen at the top of the row
        QHash<int, int> lowerTargets; // lane -> target row, at the bottom of the row
        int usedLanes = row.lane + 1;
        for (const LaneSegment &s : row.segments) {
            usedLanes = std::max({usedLanes, s.fromLane + 1, s.toLane + 1});
            QVERIFY(s.fromLane >= 0 && s.toLane >= 0);
            switch (s.part) {
            case SegmentPart::Upper:
                VERIFY_DESCRIBED(!upperTargets.contains(s.fromLane), describe(row));
                upperTargets.insert(s.fromLane, s.targetRow);
                if (s.targetRow == r)
                    QCOMPARE(s.toLane, row.lane);
                else
                    QVERIFY(s.targetRow > r && s.fromLane == s.toLane && s.fromLane != row.lane);
                break;
            case SegmentPart::Lower:
                QVERIFY(s.targetRow > r);
                VERIFY_DESCRIBED(lowerTargets.value(s.toLane, s.targetRow) == s.targetRow, describe(row));
                lowerTargets.insert(s.toLane, s.targetRow);
                if (s.fromLane == row.lane)
                    drawn.append({s.targetRow, s.kind});
                else
                    QCOMPARE(s.toLane, s.fromLane);
                break;
            case SegmentPart::Dangling:
                QCOMPARE(s.fromLane, row.lane);
                QCOMPARE(s.targetRow, -1);
                drawn.append({-1, s.kind});
                break;
            }
        }
        QCOMPARE(row.activeLanes, usedLanes);
        if (r == 0)
            QVERIFY(upperTargets.isEmpty());
        std::sort(drawn.begin(), drawn.end());
        VERIFY_DESCRIBED(drawn == expected.at(r), u"row %1: %2"_s.arg(r).arg(describe(row)));

        // The bottom of this row meets the top of the next one, lane by lane and kind by kind.
        if (r + 1 == int(layout.rows.size())) {
            QVERIFY(lowerTargets.isEmpty());
            break;
        }
        const LayoutRow &next = layout.rows.at(r + 1);
        QHash<int, int> nextUpper;
        for (const LaneSegment &s : next.segments) {
            if (s.part != SegmentPart::Upper)
                continue;
            nextUpper.insert(s.fromLane, s.targetRow);
            const bool kindArrives = std::any_of(row.segments.begin(), row.segments.end(), [&](const LaneSegment &l) {
                return l.part == SegmentPart::Lower && l.toLane == s.fromLane && l.kind == s.kind;
            });
            VERIFY_DESCRIBED(kindArrives, u"rows %1/%2"_s.arg(describe(row), describe(next)));
        }
        VERIFY_DESCRIBED(nextUpper == lowerTargets, u"rows %1/%2"_s.arg(describe(row), describe(next)));
    }
    QCOMPARE(layout.laneCount, widest);
}

// A long history, oldest first while generating: branches forked from recent commits, extended at
// random, merged pairwise (sometimes three ways), a few new bases, dependencies and missing parents.
QList<LayoutNode> generateHistory(int count, quint32 seed)
{
    QRandomGenerator random(seed);
    QList<LayoutNode> oldestFirst;
    QStringList tips;
    for (int i = 0; i < count; ++i) {
        LayoutNode node{u"r%1"_s.arg(i), {}, {}};
        const int roll = int(random.bounded(100));
        const int tipCount = int(tips.size());
        if (tips.isEmpty() || (roll < 1 && tipCount < 40)) {
            tips.append(node.id); // a new base
        } else if (roll < 9 && tipCount < 40) {
            const int back = int(random.bounded(std::min(i, 200)));
            node.parents.append(oldestFirst.at(i - 1 - back).id);
            tips.append(node.id);
        } else if (roll < 15 && tipCount >= 2) {
            const int into = int(random.bounded(tipCount));
            int from = int(random.bounded(tipCount - 1));
            from += from >= into ? 1 : 0;
            node.parents = {tips.at(into), tips.at(from)};
            if (roll == 14 && tipCount >= 3) {
                const QString third = tips.at((std::max(into, from) + 1) % tipCount);
                if (!node.parents.contains(third)) {
                    node.parents.append(third);
                    tips.removeOne(third);
                }
            }
            tips.removeOne(node.parents.at(1));
            tips[tips.indexOf(node.parents.at(0))] = node.id;
        } else {
            const int tip = int(random.bounded(tipCount));
            node.parents.append(tips.at(tip));
            tips[tip] = node.id;
            if (roll >= 97)
                node.dependencies.append(oldestFirst.at(i - 1 - int(random.bounded(std::min(i, 300)))).id);
            if (roll == 96)
                node.parents.append(u"ghost%1"_s.arg(i));
        }
        oldestFirst.append(node);
    }
    std::reverse(oldestFirst.begin(), oldestFirst.end());
    return oldestFirst;
}

} // namespace

class TestGraphLayout : public QObject
{
    Q_OBJECT

private slots:
    void layout_data();
    void layout();
    void deterministic();
    void largeHistory();
    void geometry_data();
    void geometry();
    void geometryJoinsRows();
    void hitTesting();
};

void TestGraphLayout::layout_data()
{
    QTest::addColumn<QStringList>("nodes");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<int>("laneCount");

    QTest::newRow("empty") << QStringList{} << QStringList{} << 0;
    QTest::newRow("single base") << QStringList{u"A"_s} << QStringList{u"@0/1"_s} << 1;
    QTest::newRow("linear") << QStringList{u"C B"_s, u"B A"_s, u"A"_s}
                            << QStringList{u"@0/1 L0>0"_s, u"@0/1 U0>0 L0>0"_s, u"@0/1 U0>0"_s} << 1;
    QTest::newRow("branch point with two children")
        << QStringList{u"B A"_s, u"C A"_s, u"A"_s}
        << QStringList{u"@0/1 L0>0"_s, u"@1/2 U0>0 L0>0 L1>1"_s, u"@0/2 U0>0 U1>0"_s} << 2;
    QTest::newRow("merge of 2 parents") << QStringList{u"M B C"_s, u"B A"_s, u"C A"_s, u"A"_s}
                                        << QStringList{u"@0/2 L0>0 L0>1"_s, u"@0/2 U0>0 U1>1 L0>0 L1>1"_s,
                                                       u"@1/2 U0>0 U1>1 L0>0 L1>1"_s, u"@0/2 U0>0 U1>0"_s}
                                        << 2;
    QTest::newRow("merge of 3 parents") << QStringList{u"M B C D"_s, u"B A"_s, u"C A"_s, u"D A"_s, u"A"_s}
                                        << QStringList{u"@0/3 L0>0 L0>1 L0>2"_s,
                                                       u"@0/3 U0>0 U1>1 U2>2 L0>0 L1>1 L2>2"_s,
                                                       u"@1/3 U0>0 U1>1 U2>2 L0>0 L1>1 L2>2"_s,
                                                       u"@2/3 U0>0 U1>1 U2>2 L0>0 L1>1 L2>2"_s,
                                                       u"@0/3 U0>0 U1>0 U2>0"_s}
                                        << 3;
    QTest::newRow("merge parent joins a waiting lane")
        << QStringList{u"X P"_s, u"M Q P"_s, u"Q P"_s, u"P"_s}
        << QStringList{u"@0/1 L0>0"_s, u"@1/2 U0>0 L0>0 L1>0 L1>1"_s, u"@1/2 U0>0 U1>1 L0>0 L1>1"_s,
                       u"@0/2 U0>0 U1>0"_s}
        << 2;
    QTest::newRow("mainline keeps its lane at a collapse")
        << QStringList{u"M A P"_s, u"A P"_s, u"P"_s}
        << QStringList{u"@0/2 L0>0 L0>1"_s, u"@0/2 U0>0 U1>1 L0>0 L1>1"_s, u"@0/2 U0>0 U1>0"_s} << 2;
    QTest::newRow("two independent bases")
        << QStringList{u"Y A2"_s, u"X A1"_s, u"A1"_s, u"A2"_s}
        << QStringList{u"@0/1 L0>0"_s, u"@1/2 U0>0 L0>0 L1>1"_s, u"@1/2 U0>0 U1>1 L0>0"_s, u"@0/1 U0>0"_s} << 2;
    QTest::newRow("criss-cross") << QStringList{u"E C B"_s, u"D B C"_s, u"C A"_s, u"B A"_s, u"A"_s}
                                 << QStringList{u"@0/2 L0>0 L0>1"_s, u"@2/3 U0>0 U1>1 L0>0 L1>1 L2>0 L2>2"_s,
                                                u"@0/3 U0>0 U1>1 U2>2 L0>0 L1>1 L2>2"_s,
                                                u"@2/3 U0>0 U1>2 U2>2 L0>0 L2>2"_s, u"@0/3 U0>0 U2>0"_s}
                                 << 3;
    QTest::newRow("missing parent") << QStringList{u"M A GHOST"_s, u"A MISSING"_s}
                                    << QStringList{u"@0/2 L0>0 X0>1"_s, u"@0/1 U0>0 X0>0"_s} << 2;
    QTest::newRow("missing first parent")
        << QStringList{u"N GHOST A"_s, u"A"_s} << QStringList{u"@0/2 L0>1 X0>0"_s, u"@1/2 U1>1"_s} << 2;
    QTest::newRow("parent above is missing")
        << QStringList{u"A B"_s, u"B A"_s} << QStringList{u"@0/1 L0>0"_s, u"@0/1 U0>0 X0>0"_s} << 1;
    QTest::newRow("duplicate ids and self parent")
        << QStringList{u"A A"_s, u"A B"_s, u"B"_s} << QStringList{u"@0/1 L0>0"_s, u"@0/1 U0>0 L0>0"_s, u"@0/1 U0>0"_s}
        << 1;
    QTest::newRow("duplicate parents") << QStringList{u"M A A"_s, u"A"_s} << QStringList{u"@0/1 L0>0"_s, u"@0/1 U0>0"_s}
                                       << 1;
    QTest::newRow("dependency edge") << QStringList{u"Y X ~ A"_s, u"X A"_s, u"A"_s}
                                     << QStringList{u"@0/2 L0>0 L0>1d"_s, u"@0/2 U0>0 U1>1d L0>0 L1>1d"_s,
                                                    u"@0/2 U0>0 U1>0d"_s}
                                     << 2;
    QTest::newRow("dependency lane turns solid when a parent joins")
        << QStringList{u"C ~ T"_s, u"M P T"_s, u"P T"_s, u"T"_s}
        << QStringList{u"@0/1 L0>0d"_s, u"@1/2 U0>0d L0>0d L1>0 L1>1"_s, u"@1/2 U0>0 U1>1 L0>0 L1>1"_s,
                       u"@1/2 U0>1 U1>1"_s}
        << 2;
    QTest::newRow("dependency joins a parent lane")
        << QStringList{u"X T"_s, u"Y ~ T"_s, u"T"_s}
        << QStringList{u"@0/1 L0>0"_s, u"@1/2 U0>0 L0>0 L1>0d"_s, u"@0/1 U0>0"_s} << 2;
    QTest::newRow("dependency on a parent or missing")
        << QStringList{u"B A ~ A NOPE"_s, u"A"_s, u"E ~ NOPE"_s}
        << QStringList{u"@0/2 L0>0 X0>1d"_s, u"@0/1 U0>0"_s, u"@0/1 X0>0d"_s} << 2;
    QTest::newRow("lane reuse after a branch ends")
        << QStringList{u"M C F2"_s, u"F2 F1"_s, u"C B"_s, u"F1 B"_s, u"B A"_s, u"G A"_s, u"A"_s}
        << QStringList{u"@0/2 L0>0 L0>1"_s,
                       u"@1/2 U0>0 U1>1 L0>0 L1>1"_s,
                       u"@0/2 U0>0 U1>1 L0>0 L1>1"_s,
                       u"@1/2 U0>0 U1>1 L0>0 L1>1"_s,
                       u"@0/2 U0>0 U1>0 L0>0"_s,
                       u"@1/2 U0>0 L0>0 L1>1"_s,
                       u"@0/2 U0>0 U1>0"_s}
        << 2;
    QTest::newRow("lane freed by a collapse is reused in the same row")
        << QStringList{u"X B"_s, u"Y B"_s, u"B C D"_s, u"C"_s, u"D"_s}
        << QStringList{u"@0/1 L0>0"_s, u"@1/2 U0>0 L0>0 L1>1"_s, u"@0/2 U0>0 U1>0 L0>0 L0>1"_s,
                       u"@0/2 U0>0 U1>1 L1>1"_s, u"@1/2 U1>1"_s}
        << 2;
}

void TestGraphLayout::layout()
{
    QFETCH(QStringList, nodes);
    QFETCH(QStringList, expected);
    QFETCH(int, laneCount);

    const QList<LayoutNode> input = parseNodes(nodes);
    const GraphLayout result = layoutGraph(input);
    QCOMPARE(describe(result), expected);
    QCOMPARE(result.laneCount, laneCount);
    verifyConsistent(input, result);
}

void TestGraphLayout::deterministic()
{
    const QList<LayoutNode> input = generateHistory(2000, 7);
    const GraphLayout first = layoutGraph(input);
    QCOMPARE(layoutGraph(input), first);
    QVERIFY(first.laneCount > 1);
}

void TestGraphLayout::largeHistory()
{
    const int count = 10000;
    const QList<LayoutNode> input = generateHistory(count, 20240611);

    // Edges crossing each row boundary, counted from the input alone, bound the width from both sides:
    // distinct targets need distinct lanes, and lanes are reused so no row needs more than it carries.
    QHash<QString, int> rowOf;
    for (int row = count - 1; row >= 0; --row)
        rowOf.insert(input.at(row).id, row);
    QList<int> starts(count + 1, 0);
    int branches = 0;
    for (int row = 0; row < count; ++row) {
        const LayoutNode &node = input.at(row);
        for (const QStringList &targets : {node.parents, node.dependencies}) {
            for (const QString &target : targets) {
                const int to = rowOf.value(target, -1);
                if (to > row) {
                    ++starts[row + 1];
                    --starts[to];
                }
            }
        }
        branches += node.parents.isEmpty() ? 1 : 0;
    }
    int crossing = 0;
    int maxCrossing = 0;
    for (int boundary = 1; boundary < count; ++boundary) {
        crossing += starts.at(boundary);
        maxCrossing = std::max(maxCrossing, crossing);
    }

    QElapsedTimer timer;
    timer.start();
    const GraphLayout result = layoutGraph(input);
    const qint64 elapsed = timer.elapsed();
    qInfo("10000 rows, %d bases, at most %d edges across a row: %d lanes in %lld ms", branches, maxCrossing,
          result.laneCount, elapsed);

    QCOMPARE(int(result.rows.size()), count);
    QVERIFY2(result.laneCount <= 2 * maxCrossing + 2, qPrintable(QString::number(result.laneCount)));
    QVERIFY(result.laneCount >= 4);
    QVERIFY(result.laneCount < 100);
    QVERIFY2(elapsed < 5000, "layout is meant to take milliseconds");
    verifyConsistent(input, result);
}

void TestGraphLayout::geometry_data()
{
    QTest::addColumn<int>("part");
    QTest::addColumn<int>("fromLane");
    QTest::addColumn<int>("toLane");
    QTest::addColumn<int>("row");
    QTest::addColumn<QLineF>("line");

    QTest::newRow("upper straight") << int(SegmentPart::Upper) << 1 << 1 << 2 << QLineF(24, 48, 24, 60);
    QTest::newRow("upper bend") << int(SegmentPart::Upper) << 0 << 1 << 2 << QLineF(8, 48, 24, 60);
    QTest::newRow("lower bend") << int(SegmentPart::Lower) << 1 << 3 << 2 << QLineF(24, 60, 56, 72);
    QTest::newRow("lower, row-local") << int(SegmentPart::Lower) << 2 << 0 << 0 << QLineF(40, 12, 8, 24);
    QTest::newRow("dangling") << int(SegmentPart::Dangling) << 0 << 2 << 0 << QLineF(8, 12, 40, 18);
}

void TestGraphLayout::geometry()
{
    QFETCH(int, part);
    QFETCH(int, fromLane);
    QFETCH(int, toLane);
    QFETCH(int, row);
    QFETCH(QLineF, line);

    const LaneGeometry geometry; // 16 x 24
    const LaneSegment segment{fromLane, toLane, EdgeKind::Parent, SegmentPart(part), -1};
    QCOMPARE(geometry.segmentLine(row, segment), line);
    QCOMPARE(geometry.nodeCentre(2, 1), QPointF(24, 60));
    QCOMPARE(geometry.width(3), 48.0);
}

void TestGraphLayout::geometryJoinsRows()
{
    const QList<LayoutNode> input = parseNodes({u"E C B"_s, u"D B C ~ A"_s, u"C A"_s, u"B A GHOST"_s, u"A"_s});
    const GraphLayout result = layoutGraph(input);
    const LaneGeometry geometry{10, 30};
    for (int r = 0; r + 1 < int(result.rows.size()); ++r) {
        for (const LaneSegment &lower : result.rows.at(r).segments) {
            if (lower.part != SegmentPart::Lower)
                continue;
            const QPointF end = geometry.segmentLine(r, lower).p2();
            const auto &next = result.rows.at(r + 1).segments;
            const bool met = std::any_of(next.begin(), next.end(), [&](const LaneSegment &upper) {
                return upper.part == SegmentPart::Upper && geometry.segmentLine(r + 1, upper).p1() == end;
            });
            VERIFY_DESCRIBED(met, u"row %1 lane %2"_s.arg(r).arg(lower.toLane));
        }
        for (const LaneSegment &segment : result.rows.at(r).segments) {
            if (segment.part != SegmentPart::Upper) {
                const QPointF start = geometry.segmentLine(r, segment).p1();
                QCOMPARE(start.y(), geometry.rowCentreY(r));
            }
        }
    }
}

void TestGraphLayout::hitTesting()
{
    const LaneGeometry geometry;
    QCOMPARE(geometry.laneAt(0), 0);
    QCOMPARE(geometry.laneAt(15.9), 0);
    QCOMPARE(geometry.laneAt(16), 1);
    QCOMPARE(geometry.laneAt(-0.5), -1);
    QCOMPARE(geometry.rowAt(23.9), 0);
    QCOMPARE(geometry.rowAt(24), 1);
    QCOMPARE(geometry.rowAt(-1), -1);
    QCOMPARE(geometry.laneAt(geometry.laneX(7)), 7);
    QCOMPARE(geometry.rowAt(geometry.rowCentreY(1234)), 1234);
}

QTEST_GUILESS_MAIN(TestGraphLayout)
#include "tst_graphlayout.moc"
