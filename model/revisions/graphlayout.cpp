#include "graphlayout.h"

#include <QVarLengthArray>
#include <algorithm>
#include <cmath>
#include <string_view>
#include <utility>
#include <unordered_map>

namespace retort {

namespace {

// Preference when several lanes wait for the same node: a lane that carries a first-parent link keeps
// the mainline straight; then any parent link; dependency-only lanes last.
enum class Rank : quint8 { FirstParent, OtherParent, DependencyOnly };

// A lane between two rows: which row it leads to (-1: free) and how it got there.
struct Lane
{
    int target = -1;
    EdgeKind kind = EdgeKind::Parent;
    Rank rank = Rank::FirstParent;
    int reservedAt = 0; // row that reserved the lane first
};

// Ids are looked up a few times per row; std::hash over the UTF-16 data is markedly faster here than QHash.
struct IdHash
{
    size_t operator()(QStringView id) const noexcept
    {
        return std::hash<std::u16string_view>{}(std::u16string_view(id.utf16(), size_t(id.size())));
    }
};

bool waitsLonger(const Lane &a, const Lane &b)
{
    if (a.rank != b.rank)
        return a.rank < b.rank;
    return a.reservedAt < b.reservedAt;
}

class LaneRouter
{
public:
    explicit LaneRouter(const QList<LayoutNode> &rows)
        : m_rows(rows)
    {
        // m_nextSame[row]: next row with the same id (duplicates are tolerated); m_pending[id]: the
        // first row with that id not processed yet, which is where an edge to that id leads.
        const int rowCount = int(rows.size());
        m_nextSame.resize(rowCount, -1);
        m_pending.reserve(rowCount);
        for (int row = rowCount - 1; row >= 0; --row) {
            const auto [it, inserted] = m_pending.try_emplace(rows.at(row).id, row);
            if (!inserted) {
                m_nextSame[row] = it->second;
                it->second = row;
            }
        }
    }

    GraphLayout run()
    {
        GraphLayout layout;
        layout.rows.resize(m_rows.size());
        for (int row = 0; row < int(m_rows.size()); ++row) {
            LayoutRow &out = layout.rows[row];
            layoutRow(row, out);
            layout.laneCount = std::max(layout.laneCount, out.activeLanes);
        }
        return layout;
    }

private:
    void layoutRow(int row, LayoutRow &out)
    {
        const LayoutNode &node = m_rows.at(row);
        m_pending[node.id] = m_nextSame.at(row);

        out.lane = nodeLane(row);
        m_segments.clear();
        int highest = out.lane;

        // Upper half: lanes waiting for this node bend into it, all others pass straight through.
        m_through.assign(m_lanes.size(), -1);
        for (int lane = 0; lane < int(m_lanes.size()); ++lane) {
            Lane &l = m_lanes[lane];
            if (l.target < 0)
                continue;
            highest = std::max(highest, lane);
            if (l.target == row) {
                m_segments.push_back({lane, out.lane, l.kind, SegmentPart::Upper, row});
                l = Lane{};
            } else {
                m_segments.push_back({lane, lane, l.kind, SegmentPart::Upper, l.target});
                m_through[lane] = int(l.kind);
            }
        }

        // Lower half: this node's own edges.
        m_nodeEdges.clear();
        m_stubLanes.clear();
        for (qsizetype i = 0; i < node.parents.size(); ++i) {
            const QString &parent = node.parents.at(i);
            if (node.parents.indexOf(parent) < i)
                continue;
            route(row, out.lane, parent, EdgeKind::Parent, i == 0 ? Rank::FirstParent : Rank::OtherParent);
        }
        for (qsizetype i = 0; i < node.dependencies.size(); ++i) {
            const QString &dependency = node.dependencies.at(i);
            if (node.parents.contains(dependency) || node.dependencies.indexOf(dependency) < i)
                continue;
            route(row, out.lane, dependency, EdgeKind::Dependency, Rank::DependencyOnly);
        }
        std::sort(m_nodeEdges.begin(), m_nodeEdges.end(), [](const LaneSegment &a, const LaneSegment &b) {
            return std::pair(a.part, a.toLane) < std::pair(b.part, b.toLane);
        });

        const int span = std::max(int(m_through.size()), out.lane + 1);
        for (int lane = 0; lane < span; ++lane) {
            if (lane == out.lane) {
                for (const LaneSegment &edge : std::as_const(m_nodeEdges)) {
                    if (edge.part == SegmentPart::Lower)
                        m_segments.push_back(edge);
                }
            } else if (lane < int(m_through.size()) && m_through.at(lane) >= 0) {
                m_segments.push_back(
                    {lane, lane, EdgeKind(m_through.at(lane)), SegmentPart::Lower, m_lanes.at(lane).target});
            }
        }
        for (const LaneSegment &edge : std::as_const(m_nodeEdges)) {
            highest = std::max(highest, edge.toLane);
            if (edge.part == SegmentPart::Dangling)
                m_segments.push_back(edge);
        }

        while (!m_lanes.empty() && m_lanes.back().target < 0)
            m_lanes.pop_back();
        out.activeLanes = highest + 1;
        out.segments = QList<LaneSegment>(m_segments.cbegin(), m_segments.cend());
    }

    // The lane for the node in \a row: the best lane waiting for it, else the lowest free lane.
    int nodeLane(int row)
    {
        int best = -1;
        for (int lane = 0; lane < int(m_lanes.size()); ++lane) {
            if (m_lanes.at(lane).target == row && (best < 0 || waitsLonger(m_lanes.at(lane), m_lanes.at(best))))
                best = lane;
        }
        if (best >= 0)
            return best;
        for (int lane = 0; lane < int(m_lanes.size()); ++lane) {
            if (m_lanes.at(lane).target < 0)
                return lane;
        }
        m_lanes.emplace_back();
        return int(m_lanes.size()) - 1;
    }

    bool isFreeBelow(int lane) const { return m_lanes.at(lane).target < 0 && !m_stubLanes.contains(lane); }

    // A lane free in the lower half of the current row, \a preferred if possible.
    int freeLane(int preferred)
    {
        if (isFreeBelow(preferred))
            return preferred;
        for (int lane = 0; lane < int(m_lanes.size()); ++lane) {
            if (isFreeBelow(lane))
                return lane;
        }
        m_lanes.emplace_back();
        return int(m_lanes.size()) - 1;
    }

    void route(int row, int nodeLane, const QString &targetId, EdgeKind kind, Rank rank)
    {
        const auto it = m_pending.find(targetId);
        const int target = it == m_pending.end() ? -1 : it->second;
        if (target < 0) {
            const int lane = freeLane(nodeLane);
            m_stubLanes.append(lane);
            m_nodeEdges.append({nodeLane, lane, kind, SegmentPart::Dangling, -1});
            return;
        }
        if (rank != Rank::FirstParent) {
            for (int lane = 0; lane < int(m_lanes.size()); ++lane) {
                Lane &l = m_lanes[lane];
                if (l.target != target)
                    continue;
                if (kind == EdgeKind::Parent)
                    l.kind = EdgeKind::Parent;
                l.rank = std::min(l.rank, rank);
                m_nodeEdges.append({nodeLane, lane, kind, SegmentPart::Lower, target});
                return;
            }
        }
        const int lane = freeLane(nodeLane);
        m_lanes[lane] = Lane{target, kind, rank, row};
        m_nodeEdges.append({nodeLane, lane, kind, SegmentPart::Lower, target});
    }

    const QList<LayoutNode> &m_rows;
    std::vector<int> m_nextSame;
    std::unordered_map<QStringView, int, IdHash> m_pending; // views into m_rows
    std::vector<Lane> m_lanes;
    std::vector<int> m_through;          // per lane: EdgeKind of a lane passing this row, -1 when none
    std::vector<LaneSegment> m_segments; // the row being built
    QVarLengthArray<LaneSegment, 8> m_nodeEdges;
    QVarLengthArray<int, 4> m_stubLanes;
};

} // namespace

GraphLayout layoutGraph(const QList<LayoutNode> &rowsNewestFirst)
{
    return LaneRouter(rowsNewestFirst).run();
}

QPointF LaneGeometry::danglingEnd(int row, int toLane) const
{
    return {laneX(toLane), rowCentreY(row) + rowHeight / 4};
}

QLineF LaneGeometry::segmentLine(int row, const LaneSegment &segment) const
{
    switch (segment.part) {
    case SegmentPart::Upper:
        return {laneX(segment.fromLane), rowTop(row), laneX(segment.toLane), rowCentreY(row)};
    case SegmentPart::Lower:
        return {laneX(segment.fromLane), rowCentreY(row), laneX(segment.toLane), rowTop(row + 1)};
    case SegmentPart::Dangling:
        return {nodeCentre(row, segment.fromLane), danglingEnd(row, segment.toLane)};
    }
    return {};
}

int LaneGeometry::laneAt(qreal x) const
{
    return x < 0 || laneWidth <= 0 ? -1 : int(std::floor(x / laneWidth));
}

int LaneGeometry::rowAt(qreal y) const
{
    return y < 0 || rowHeight <= 0 ? -1 : int(std::floor(y / rowHeight));
}

} // namespace retort
