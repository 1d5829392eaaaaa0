#pragma once

#include <QSortFilterProxyModel>

namespace retort {

/// Search and filter over RevisionGraphModel: a row matches when one of its revisions' ids starts
/// with the search text, its message contains it, or one of its branch labels contains it (case
/// insensitive). Matching rows report SearchMatchRole; with filtering on, other rows are hidden and
/// the graph column shows nodes without lines (the lanes of hidden rows would mislead).
class RevisionFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum Field { IdField = 0x1, MessageField = 0x2, LabelField = 0x4, AllFields = 0x7 };
    Q_DECLARE_FLAGS(Fields, Field)
    Q_FLAG(Fields)

    /// Past RevisionGraphModel's roles.
    enum Role { SearchMatchRole = Qt::UserRole + 64 };

    explicit RevisionFilterModel(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    QString searchText() const { return m_text; }
    void setSearchFields(Fields fields);
    Fields searchFields() const { return m_fields; }
    /// Hide rows that do not match (only while the search text is not empty).
    void setHideNonMatching(bool hide);
    bool hideNonMatching() const { return m_hide; }
    bool isFiltering() const { return m_hide && !m_text.isEmpty(); }

    /// Whether the source row matches the search text (false for an empty text).
    bool sourceRowMatches(int sourceRow) const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

signals:
    void searchChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void refresh();

    QString m_text;
    Fields m_fields = AllFields;
    bool m_hide = false;
};

} // namespace retort

Q_DECLARE_OPERATORS_FOR_FLAGS(retort::RevisionFilterModel::Fields)
