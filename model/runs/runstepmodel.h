#pragma once

#include "runrecord.h"

#include <QAbstractTableModel>

namespace retort {

/// The steps of one run as a table (the step log): status, revision, message, direction, start time,
/// duration, statements. Holds a RunRecord value; the runner's signals update single rows, so the
/// log follows a run live without resetting.
class RunStepModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { StatusColumn, RevisionColumn, MessageColumn, DirectionColumn, StartedColumn, DurationColumn,
                  StatementsColumn, ColumnCount };
    enum Role {
        StatusRole = Qt::UserRole + 1, ///< RunStatus as int
        FailedRole,                    ///< bool: the step has an error
    };

    explicit RunStepModel(QObject *parent = nullptr);

    const RunRecord &record() const { return m_record; }
    /// Shows \a record (a new run, or one from the journal).
    void setRecord(const RunRecord &record);
    void clear();
    /// Replaces step \a step.index (as the runner reports it).
    void updateStep(const RunStepRecord &step);
    /// Adds or replaces one statement of step \a index.
    void updateStatement(int index, const StatementRecord &statement);
    const RunStepRecord *stepAt(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// A status in words for people ("running", "failed").
    static QString statusText(RunStatus status);
    /// "1.2 s", "340 ms", "2 min 5 s"; empty for a negative duration.
    static QString durationText(qint64 ms);

private:
    void rowChanged(int row);

    RunRecord m_record;
};

} // namespace retort
