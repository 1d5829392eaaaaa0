#pragma once

#include <QStyledItemDelegate>

namespace retort {

/// Paints the objects a revision's SQL touches (SchemaTreeModel::TouchedRole) bold on a marked
/// background.
class SchemaTreeDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace retort
