#include "graphlanedelegate.h"

#include "revisiongraphmodel.h"

#include <QPainter>
#include <QPainterPath>

namespace retort {

GraphLaneDelegate::GraphLaneDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
    m_geometry.laneWidth = 14;
    m_geometry.rowHeight = 22;
}

QColor GraphLaneDelegate::laneColor(int lane)
{
    static const QList<QColor> palette = {QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28), QColor(0x2c, 0xa0, 0x2c),
                                          QColor(0x94, 0x67, 0xbd), QColor(0xff, 0x7f, 0x0e), QColor(0x17, 0xbe, 0xcf),
                                          QColor(0x8c, 0x56, 0x4b), QColor(0xe3, 0x77, 0xc2)};
    return palette[lane % palette.size()];
}

QSize GraphLaneDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(int(m_geometry.width(m_laneCount)) + 8);
    size.setHeight(std::max(size.height(), int(m_geometry.rowHeight)));
    return size;
}

void GraphLaneDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, QModelIndex()); // background and selection only
    const auto row = index.data(RevisionGraphModel::LayoutRowRole).value<LayoutRow>();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    LaneGeometry geometry = m_geometry;
    geometry.rowHeight = option.rect.height();
    painter->translate(option.rect.topLeft() + QPointF(4, 0));
    for (const LaneSegment &segment : row.segments) {
        QPen pen(laneColor(segment.part == SegmentPart::Upper ? segment.fromLane : segment.toLane), 2);
        if (segment.kind == EdgeKind::Dependency)
            pen.setStyle(Qt::DashLine);
        if (segment.part == SegmentPart::Dangling)
            pen.setColor(Qt::red);
        painter->setPen(pen);
        painter->drawLine(geometry.segmentLine(0, segment));
    }
    const QPointF centre = geometry.nodeCentre(0, row.lane);
    const bool head = index.data(RevisionGraphModel::IsHeadRole).toBool();
    const bool problem = index.data(RevisionGraphModel::HasProblemRole).toBool();
    painter->setPen(QPen(problem ? Qt::red : laneColor(row.lane).darker(130), 2));
    painter->setBrush(head ? laneColor(row.lane) : QColor(Qt::white));
    painter->drawEllipse(centre, 4.5, 4.5);
    painter->restore();
}

} // namespace retort
