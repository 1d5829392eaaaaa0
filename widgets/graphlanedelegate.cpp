#include "graphlanedelegate.h"

#include "revisionfiltermodel.h"
#include "revisiongraphmodel.h"

#include <QApplication>
#include <QFontDatabase>
#include <QPainter>
#include <QPainterPath>

namespace retort {

namespace {

struct Badge
{
    QString text;
    QColor color;
    bool outlined = false;
};

QList<Badge> badgesFor(const QModelIndex &index)
{
    QList<Badge> badges;
    // Where databases are: first, in each connection profile's colour.
    for (const QString &mark : index.data(RevisionGraphModel::DatabaseMarksRole).toStringList())
        badges.append({QStringLiteral("◉ ") + mark.section(QChar(0x1f), 0, 0), QColor(mark.section(QChar(0x1f), 1, 1))});
    if (index.data(RevisionGraphModel::IsGhostRole).toBool())
        badges.append({GraphLaneDelegate::tr("missing"), QColor(0xc6, 0x28, 0x28)});
    if (index.data(RevisionGraphModel::IsDuplicateRole).toBool())
        badges.append({GraphLaneDelegate::tr("duplicate id"), QColor(0xc6, 0x28, 0x28)});
    if (index.data(RevisionGraphModel::IsHeadRole).toBool())
        badges.append({GraphLaneDelegate::tr("head"), QColor(0x2e, 0x7d, 0x32)});
    if (index.data(RevisionGraphModel::IsMergePointRole).toBool())
        badges.append({GraphLaneDelegate::tr("merge"), QColor(0x6a, 0x1b, 0x9a)});
    if (index.data(RevisionGraphModel::IsBranchPointRole).toBool())
        badges.append({GraphLaneDelegate::tr("branch point"), QColor(0xb3, 0x4d, 0x00)});
    if (index.data(RevisionGraphModel::IsBaseRole).toBool())
        badges.append({GraphLaneDelegate::tr("base"), QColor(0x45, 0x5a, 0x64)});
    const QStringList labels = index.data(RevisionGraphModel::BranchLabelsRole).toStringList();
    for (const QString &label : labels)
        badges.append({label, QColor(0x15, 0x65, 0xc0), true});
    return badges;
}

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

} // namespace

GraphLaneDelegate::GraphLaneDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QColor GraphLaneDelegate::laneColor(int lane)
{
    static const QList<QColor> palette = {QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28), QColor(0x2c, 0xa0, 0x2c),
                                          QColor(0x94, 0x67, 0xbd), QColor(0xff, 0x7f, 0x0e), QColor(0x17, 0xbe, 0xcf),
                                          QColor(0x8c, 0x56, 0x4b), QColor(0xe3, 0x77, 0xc2)};
    return palette[lane % palette.size()];
}

int GraphLaneDelegate::rowHeight(const QFont &font)
{
    return int(QFontMetrics(font).height() * 1.55 + 0.5);
}

qreal GraphLaneDelegate::laneWidth(const QFont &font)
{
    return rowHeight(font) * 0.6;
}

int GraphLaneDelegate::graphWidth(const QFont &font, int lanes)
{
    return int(std::max(1, lanes) * laneWidth(font) + laneWidth(font) * 0.5 + 0.5);
}

QSize GraphLaneDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(rowHeight(option.font));
    if (index.column() == RevisionGraphModel::GraphColumn)
        size.setWidth(graphWidth(option.font, m_laneCount));
    return size;
}

void GraphLaneDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    switch (index.column()) {
    case RevisionGraphModel::GraphColumn:
        paintGraph(painter, option, index);
        return;
    case RevisionGraphModel::MessageColumn:
        paintMessage(painter, option, index);
        return;
    default:
        break;
    }
    // Plain single-line text, drawn directly: the style's item drawing lays text out with
    // QTextLayout for wrapping, which costs more than the whole graph cell.
    paintBackground(painter, option, index);
    QString text = index.data(Qt::DisplayRole).toString();
    if (text.isEmpty())
        return;
    const bool ghost = index.data(RevisionGraphModel::IsGhostRole).toBool();
    const bool run = index.data(RevisionGraphModel::RowKindRole).toInt() == int(RevisionGraphModel::RowKind::CollapsedRun);
    QFont font = option.font;
    if (index.column() == RevisionGraphModel::RevisionColumn) {
        font = fixedFont(option.font);
        font.setItalic(ghost);
        font.setBold(index.data(RevisionGraphModel::IsHighlightedRole).toBool());
    } else if (index.column() == RevisionGraphModel::CreateDateColumn && text.size() > 16 && text.at(10) == u' ') {
        text.truncate(16); // minutes are enough in the list; the details show all of it
    }
    QColor color = option.palette.color(QPalette::Text);
    if (option.state & QStyle::State_Selected)
        color = option.palette.color(QPalette::HighlightedText);
    else if (ghost || run)
        color = option.palette.color(QPalette::PlaceholderText);
    const int margin = std::max(3, option.fontMetrics.height() / 4);
    const QRect area = option.rect.adjusted(margin, 0, -margin, 0);
    const QFontMetrics metrics(font);
    painter->save();
    painter->setFont(font);
    painter->setPen(color);
    if (metrics.horizontalAdvance(text) > area.width())
        text = metrics.elidedText(text, Qt::ElideRight, area.width());
    painter->drawText(area, Qt::AlignVCenter | Qt::AlignLeft | Qt::TextSingleLine, text);
    painter->restore();
}

QFont GraphLaneDelegate::fixedFont(const QFont &base)
{
    // The system's fixed font is looked up once; its size follows the view's (zoomed) font.
    static const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    QFont font = fixed;
    if (base.pointSizeF() > 0)
        font.setPointSizeF(base.pointSizeF());
    else if (base.pixelSize() > 0)
        font.setPixelSize(base.pixelSize());
    return font;
}

void GraphLaneDelegate::paintBackground(QPainter *painter, const QStyleOptionViewItem &option,
                                        const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, QModelIndex());
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
    if (option.state & QStyle::State_Selected)
        return;
    QColor tint;
    if (index.data(RevisionGraphModel::IsHighlightedRole).toBool()) {
        tint = option.palette.color(QPalette::Highlight);
        tint.setAlpha(60);
    } else if (index.data(RevisionFilterModel::SearchMatchRole).toBool()) {
        tint = QColor(0xff, 0xc1, 0x07, 70);
    }
    if (tint.isValid())
        painter->fillRect(option.rect, tint);
}

void GraphLaneDelegate::paintGraph(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    paintBackground(painter, option, index);
    const auto row = index.data(RevisionGraphModel::LayoutRowRole).value<LayoutRow>();
    const auto kind = RevisionGraphModel::RowKind(index.data(RevisionGraphModel::RowKindRole).toInt());
    const bool newestOnTop = index.data(RevisionGraphModel::NewestOnTopRole).toBool();
    const QColor base = option.palette.color(QPalette::Base);
    const QColor problemColor(0xd3, 0x2f, 0x2f);

    painter->save();
    painter->setClipRect(option.rect);
    painter->setRenderHint(QPainter::Antialiasing);
    LaneGeometry geometry;
    geometry.rowHeight = option.rect.height();
    geometry.laneWidth = laneWidth(option.font);
    const qreal lineWidth = std::max<qreal>(1.5, geometry.rowHeight / 12);
    painter->translate(option.rect.topLeft() + QPointF(geometry.laneWidth * 0.25, 0));

    if (index.data(RevisionGraphModel::IsHighlightedRole).toBool()) {
        // An accent bar at the row's left edge: "the file you are editing".
        painter->fillRect(QRectF(-geometry.laneWidth * 0.25, 0, 3, geometry.rowHeight),
                          option.palette.color(QPalette::Highlight));
    }

    for (const LaneSegment &segment : row.segments) {
        QLineF line = geometry.segmentLine(0, segment);
        QColor color = laneColor(segment.part == SegmentPart::Upper ? segment.fromLane : segment.toLane);
        QPen pen(color, lineWidth, Qt::SolidLine, Qt::RoundCap);
        if (segment.kind == EdgeKind::Dependency) {
            // depends_on: thinner, dashed and a little faded, so it never reads as a parent link.
            pen.setColor(mix(color, base, 0.25));
            pen.setWidthF(lineWidth * 0.8);
            pen.setStyle(Qt::DashLine);
            pen.setCapStyle(Qt::FlatCap);
        }
        if (segment.part == SegmentPart::Dangling) {
            if (!newestOnTop) // the layout's dangling ends point down the history: mirror them
                line.setP2(QPointF(line.p2().x(), 2 * line.p1().y() - line.p2().y()));
            pen.setColor(problemColor);
            pen.setStyle(Qt::DotLine);
            painter->setPen(pen);
            painter->drawLine(line);
            painter->setBrush(Qt::NoBrush);
            painter->drawEllipse(line.p2(), geometry.rowHeight * 0.1, geometry.rowHeight * 0.1);
            continue;
        }
        painter->setPen(pen);
        painter->drawLine(line);
    }

    const QPointF centre = geometry.nodeCentre(0, row.lane);
    const qreal r = geometry.rowHeight * 0.2;
    const QColor lane = laneColor(row.lane);
    switch (kind) {
    case RevisionGraphModel::RowKind::CollapsedRun: {
        // A run stands in for many nodes: a pill with three dots.
        const QRectF pill(centre.x() - r * 0.9, centre.y() - r * 1.9, r * 1.8, r * 3.8);
        painter->setPen(QPen(lane, lineWidth * 0.8));
        painter->setBrush(base);
        painter->drawRoundedRect(pill, r * 0.9, r * 0.9);
        painter->setPen(Qt::NoPen);
        painter->setBrush(lane);
        for (int k = -1; k <= 1; ++k)
            painter->drawEllipse(QPointF(centre.x(), centre.y() + k * r * 1.05), r * 0.28, r * 0.28);
        break;
    }
    case RevisionGraphModel::RowKind::Ghost: {
        QPen pen(problemColor, lineWidth * 0.8, Qt::DashLine);
        painter->setPen(pen);
        painter->setBrush(base);
        painter->drawEllipse(centre, r * 1.15, r * 1.15);
        QFont f = option.font;
        f.setBold(true);
        f.setPixelSize(std::max(6, int(r * 1.6)));
        painter->setFont(f);
        painter->setPen(problemColor);
        painter->drawText(QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r), Qt::AlignCenter, QStringLiteral("?"));
        break;
    }
    case RevisionGraphModel::RowKind::Revision: {
        const bool head = index.data(RevisionGraphModel::IsHeadRole).toBool();
        const bool merge = index.data(RevisionGraphModel::IsMergePointRole).toBool();
        const bool problem = index.data(RevisionGraphModel::HasProblemRole).toBool();
        painter->setPen(QPen(problem ? problemColor : lane, lineWidth));
        painter->setBrush(head ? lane : base);
        if (merge) {
            painter->drawEllipse(centre, r * 1.15, r * 1.15);
            painter->setPen(Qt::NoPen);
            painter->setBrush(problem ? problemColor : lane);
            painter->drawEllipse(centre, r * 0.45, r * 0.45);
        } else {
            painter->drawEllipse(centre, r, r);
        }
        if (problem && !head) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(problemColor);
            painter->drawEllipse(centre, r * 0.4, r * 0.4);
        }
        break;
    }
    }
    painter->restore();
}

void GraphLaneDelegate::paintMessage(QPainter *painter, const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    paintBackground(painter, option, index);
    const bool selected = option.state & QStyle::State_Selected;
    const auto kind = RevisionGraphModel::RowKind(index.data(RevisionGraphModel::RowKindRole).toInt());
    const QColor textColor = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor dimColor = selected ? textColor : option.palette.color(QPalette::PlaceholderText);

    painter->save();
    painter->setClipRect(option.rect);
    painter->setRenderHint(QPainter::Antialiasing);
    const int margin = std::max(3, option.fontMetrics.height() / 4);
    QRectF area = QRectF(option.rect).adjusted(margin, 0, -margin, 0);

    QFont badgeFont = option.font;
    badgeFont.setPointSizeF(std::max(6.0, option.font.pointSizeF() * 0.85));
    badgeFont.setBold(true);
    const QFontMetricsF bfm(badgeFont);
    const qreal badgeHeight = std::min<qreal>(bfm.height() + 2, option.rect.height() - 4);
    const qreal padding = bfm.height() * 0.4;
    painter->setFont(badgeFont);
    for (const Badge &badge : badgesFor(index)) {
        const qreal width = bfm.horizontalAdvance(badge.text) + 2 * padding;
        if (area.left() + width > area.right())
            break;
        const QRectF pill(area.left(), area.center().y() - badgeHeight / 2, width, badgeHeight);
        if (badge.outlined) {
            // Branch labels: outlined, so the eye tells them from the state badges.
            painter->setPen(QPen(selected ? textColor : badge.color, 1.2));
            QColor fill = badge.color;
            fill.setAlpha(selected ? 60 : 28);
            painter->setBrush(fill);
            painter->drawRoundedRect(pill.adjusted(0.6, 0.6, -0.6, -0.6), badgeHeight / 2, badgeHeight / 2);
            painter->setPen(selected ? textColor : badge.color);
        } else {
            painter->setPen(Qt::NoPen);
            painter->setBrush(badge.color);
            painter->drawRoundedRect(pill, 3, 3);
            painter->setPen(Qt::white);
        }
        painter->drawText(pill, Qt::AlignCenter, badge.text);
        area.setLeft(pill.right() + padding * 0.8);
    }

    QFont font = option.font;
    const bool dim = kind != RevisionGraphModel::RowKind::Revision;
    font.setItalic(dim);
    painter->setFont(font);
    painter->setPen(dim ? dimColor : textColor);
    const QString text = index.data(Qt::DisplayRole).toString();
    const QFontMetrics metrics(font);
    const QString shown = metrics.horizontalAdvance(text) > area.width()
                              ? metrics.elidedText(text, Qt::ElideRight, int(area.width()))
                              : text;
    painter->drawText(area, Qt::AlignVCenter | Qt::AlignLeft | Qt::TextSingleLine, shown);
    painter->restore();
}

} // namespace retort
