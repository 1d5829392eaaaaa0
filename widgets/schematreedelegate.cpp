#include "schematreedelegate.h"

#include "schematreemodel.h"

namespace retort {

void SchemaTreeDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (!index.data(SchemaTreeModel::TouchedRole).toBool())
        return;
    option->font.setBold(true);
    option->backgroundBrush = QColor(0xff, 0xf1, 0x76, 0x90); // a highlighter's yellow, see-through
}

} // namespace retort
