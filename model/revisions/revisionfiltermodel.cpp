#include "revisionfiltermodel.h"

#include "revisiongraphmodel.h"

namespace retort {

RevisionFilterModel::RevisionFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

void RevisionFilterModel::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    refresh();
}

void RevisionFilterModel::setSearchFields(Fields fields)
{
    if (fields == m_fields)
        return;
    m_fields = fields;
    refresh();
}

void RevisionFilterModel::setHideNonMatching(bool hide)
{
    if (hide == m_hide)
        return;
    m_hide = hide;
    refresh();
}

void RevisionFilterModel::refresh()
{
    invalidateRowsFilter();
    // Rows that stay visible change their match mark and, with filtering toggled, their lines.
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
                         {SearchMatchRole, RevisionGraphModel::LayoutRowRole});
    emit searchChanged();
}

bool RevisionFilterModel::sourceRowMatches(int sourceRow) const
{
    if (m_text.isEmpty() || !sourceModel())
        return false;
    const QModelIndex index = sourceModel()->index(sourceRow, 0);
    if (m_fields & IdField) {
        const QStringList ids = index.data(RevisionGraphModel::RevisionsRole).toStringList();
        for (const QString &id : ids)
            if (id.startsWith(m_text, Qt::CaseInsensitive))
                return true;
    }
    if (m_fields & MessageField) {
        const QStringList messages = index.data(RevisionGraphModel::MessagesRole).toStringList();
        for (const QString &message : messages)
            if (message.contains(m_text, Qt::CaseInsensitive))
                return true;
        // A ghost has no message; its diagnostic stands in for it.
        if (index.data(RevisionGraphModel::IsGhostRole).toBool()
            && index.data(RevisionGraphModel::DiagnosticRole).toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    if (m_fields & LabelField) {
        const QStringList labels = index.data(RevisionGraphModel::BranchLabelsRole).toStringList();
        for (const QString &label : labels)
            if (label.contains(m_text, Qt::CaseInsensitive))
                return true;
    }
    return false;
}

bool RevisionFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    return !isFiltering() || sourceRowMatches(sourceRow);
}

QVariant RevisionFilterModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == SearchMatchRole)
        return sourceRowMatches(mapToSource(index).row());
    QVariant value = QSortFilterProxyModel::data(index, role);
    if (role == RevisionGraphModel::LayoutRowRole && isFiltering()) {
        auto row = value.value<LayoutRow>();
        row.segments.clear();
        return QVariant::fromValue(row);
    }
    return value;
}

} // namespace retort
