#pragma once

#include <QLineF>
#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

namespace retort {

/// One row of the revision graph as the layout sees it. Rows are given in display order, newest first,
/// so every parent that is present appears in a row below its children.
struct LayoutNode
{
    QString id;
    QStringList parents;      ///< down_revision(s); the first one is the mainline
    QStringList dependencies; ///< depends_on; drawn as secondary (dashed) edges
};

/// What an edge means: a parent link (solid) or a depends_on link (dashed).
enum class EdgeKind : quint8 { Parent, Dependency };

/// Which part of a row a segment occupies. Row-local, so each row can be painted on its own.
enum class SegmentPart : quint8 {
    Upper,   ///< from the top edge of the row at fromLane to the row's centre line at toLane
    Lower,   ///< from the centre line at fromLane to the bottom edge of the row at toLane
    Dangling ///< from the node's centre toward toLane, ending inside the row: the target is not in the input
};

/// One straight line to draw in a row.
struct LaneSegment
{
    int fromLane = 0;
    int toLane = 0;
    EdgeKind kind = EdgeKind::Parent;
    SegmentPart part = SegmentPart::Upper;
    int targetRow = -1; ///< row of the node this line leads to; -1 for a dangling end

    bool operator==(const LaneSegment &) const = default;
};

/// Everything needed to paint one row: the node's lane and the lines through the row.
struct LayoutRow
{
    int lane = 0;                ///< lane of this row's node
    int activeLanes = 0;         ///< lanes this row touches (highest lane used + 1)
    QList<LaneSegment> segments; ///< ordered by part, then fromLane, then toLane

    bool operator==(const LayoutRow &) const = default;
};

/// Lane layout of a whole graph, one LayoutRow per input row.
struct GraphLayout
{
    QList<LayoutRow> rows;
    int laneCount = 0; ///< widest row's activeLanes

    bool operator==(const GraphLayout &) const = default;
};

/// Assigns lanes like `git log --graph`: a node continues the lane of the child that reserved it first
/// (preferring first-parent links), its first parent stays in its lane, further parents and dependencies
/// join a lane already waiting for the same target or take the lowest free lane, and lanes waiting for
/// one node collapse into it. Parents and dependencies that are not in a row below get a dangling end.
/// Deterministic, O(rows x active lanes).
GraphLayout layoutGraph(const QList<LayoutNode> &rowsNewestFirst);

/// Maps lanes and rows to pixels. Lane 0 is leftmost; row 0 is at y = 0.
struct LaneGeometry
{
    qreal laneWidth = 16;
    qreal rowHeight = 24;

    qreal laneX(int lane) const { return (lane + 0.5) * laneWidth; }
    qreal rowTop(int row) const { return row * rowHeight; }
    qreal rowCentreY(int row) const { return (row + 0.5) * rowHeight; }
    QPointF nodeCentre(int row, int lane) const { return {laneX(lane), rowCentreY(row)}; }
    /// Width needed to show \a lanes lanes.
    qreal width(int lanes) const { return lanes * laneWidth; }

    /// Where a Dangling segment ends (and its ghost marker goes): at toLane, a quarter row below the centre.
    QPointF danglingEnd(int row, int toLane) const;
    /// The line to draw for \a segment in \a row; pass row 0 to get coordinates local to the row.
    QLineF segmentLine(int row, const LaneSegment &segment) const;

    /// Lane under x, or -1 left of lane 0.
    int laneAt(qreal x) const;
    /// Row under y, or -1 above row 0.
    int rowAt(qreal y) const;
};

} // namespace retort
