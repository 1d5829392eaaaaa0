#pragma once

#include "graphlayout.h"
#include "revisiongraph.h"

#include <QAbstractTableModel>
#include <QMap>
#include <QHash>
#include <QSet>

#include <functional>
#include <vector>

namespace retort {

/// Table model over an immutable RevisionGraph, one row per revision in history order (newest
/// first unless flipped), with the lane layout for the graph column. Down revisions that name no
/// revision appear as ghost rows below their last child; long linear runs can be collapsed into
/// one expandable row. Swapped whole with setGraph(); option changes reset the model too.
class RevisionGraphModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { GraphColumn, RevisionColumn, MessageColumn, LabelsColumn, CreateDateColumn, ColumnCount };
    enum Role {
        LayoutRowRole = Qt::UserRole + 1, ///< LayoutRow for the row (graph column)
        RevisionIdRole,    ///< the revision's (or ghost's) id; empty for a collapsed run
        IsHeadRole,
        HasProblemRole,    ///< the revision has an error or warning diagnostic (a ghost always has)
        IsBaseRole,
        IsBranchPointRole,
        IsMergePointRole,
        BranchLabelsRole,  ///< QStringList: labels after propagation (a run: union of its members')
        IsDuplicateRole,   ///< the id is defined by more than one file
        IsGhostRole,       ///< a down revision that names no revision
        DiagnosticRole,    ///< QString: the most severe diagnostic of the row (a ghost: why it is missing)
        IsHighlightedRole, ///< the revision set with setHighlightedRevision()
        RowKindRole,       ///< RowKind as int
        RunLengthRole,     ///< int: revisions in the row (1, or the collapsed run's length)
        RevisionsRole,     ///< QStringList: ids the row stands for (one, or a run's members newest first)
        MessagesRole,      ///< QStringList: full messages of RevisionsRole (search)
        NewestOnTopRole,   ///< bool: the model's orientation (painting dangling ends)
        DatabaseMarksRole, ///< QStringList of "name\x1f#rrggbb": databases whose alembic_version holds the revision
    };
    enum class RowKind { Revision, Ghost, CollapsedRun };
    Q_ENUM(RowKind)

    explicit RevisionGraphModel(QObject *parent = nullptr);

    void setGraph(const RevisionGraph &graph);
    const RevisionGraph &graph() const { return m_graph; }
    int laneCount() const { return m_layout.laneCount; }
    /// Row showing a revision or ghost (the row of its collapsed run when it is inside one), or -1.
    int rowOf(const QString &revisionId) const;
    /// Revision or ghost id of a row; empty for a collapsed run or an invalid row.
    QString revisionAt(int row) const;
    RowKind rowKind(int row) const;

    /// Newest revision on the top row (the default), or oldest when false.
    void setNewestOnTop(bool newestOnTop);
    bool newestOnTop() const { return m_newestOnTop; }
    /// Linear runs of more than \a revisions revisions (one parent, one child, no badge, label,
    /// dependency or problem) collapse into one row; 0 (the default) shows every revision.
    void setCollapseThreshold(int revisions);
    int collapseThreshold() const { return m_collapseThreshold; }
    /// Expands the collapsed run on \a row; false if the row is not one.
    bool expandRun(int row);
    /// Collapses every run again that expandRun() or revealRevision() opened.
    void collapseAllRuns();
    /// Expands the run hiding \a revisionId, if any; returns whether the revision has a row of its own.
    bool revealRevision(const QString &revisionId);

    /// Marks one revision (e.g. the one whose file is being edited); empty clears the mark.
    void setHighlightedRevision(const QString &revisionId);
    QString highlightedRevision() const { return m_highlighted; }

    /// Marks the revisions a database (a connection profile) is at, with its colour ("#rrggbb");
    /// replaces that database's earlier marks; empty \a revisions removes them.
    void setDatabaseRevisions(const QString &database, const QString &color, const QStringList &revisions);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    enum Flag : quint16 {
        Head = 0x1,
        Base = 0x2,
        BranchPoint = 0x4,
        MergePoint = 0x8,
        Duplicate = 0x10,
        Problem = 0x20,
        Ghost = 0x40,
        Linear = 0x80,
    };
    /// One revision or ghost in newest-first order.
    struct Entry
    {
        QString id;
        const Revision *revision = nullptr; ///< points into m_graph; null for a ghost
        quint16 flags = 0;
        QStringList labels;
        QStringList layoutParents; ///< present and missing down revisions
        QStringList dependencies;
        QString diagnostic;
    };
    /// One displayed row: a single entry or a collapsed run of entries [first, first + count).
    struct Row
    {
        int first = 0;
        int count = 1;
    };

    void buildEntries();
    void buildRows();
    void changeOptions(const std::function<void()> &change);
    QVariant entryData(const Entry &entry, int column, int role) const;
    QVariant runData(const Row &row, int column, int role) const;

    RevisionGraph m_graph;
    std::vector<Entry> m_entries;
    QHash<QString, int> m_entryIndex;
    std::vector<Row> m_rows;
    std::vector<int> m_entryRow;
    GraphLayout m_layout;
    QSet<QString> m_expandedRuns; ///< first (newest) id of runs the user expanded
    QStringList databaseMarks(const QStringList &revisions) const;

    QString m_highlighted;
    struct DatabaseMark
    {
        QString color;
        QStringList revisions;
    };
    QMap<QString, DatabaseMark> m_databases; ///< by database name (sorted: a stable badge order)
    bool m_newestOnTop = true;
    int m_collapseThreshold = 0;
};

} // namespace retort

Q_DECLARE_METATYPE(retort::LayoutRow)
