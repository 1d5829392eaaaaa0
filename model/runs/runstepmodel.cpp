#include "runstepmodel.h"

#include <QCoreApplication>
#include <QLocale>

namespace retort {

RunStepModel::RunStepModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void RunStepModel::setRecord(const RunRecord &record)
{
    beginResetModel();
    m_record = record;
    endResetModel();
}

void RunStepModel::clear()
{
    setRecord({});
}

void RunStepModel::updateStep(const RunStepRecord &step)
{
    if (step.index < 0 || step.index >= m_record.steps.size())
        return;
    m_record.steps[step.index] = step;
    rowChanged(step.index);
}

void RunStepModel::updateStatement(int index, const StatementRecord &statement)
{
    if (index < 0 || index >= m_record.steps.size())
        return;
    QList<StatementRecord> &statements = m_record.steps[index].statements;
    for (StatementRecord &existing : statements) {
        if (existing.sequence == statement.sequence) {
            existing = statement;
            rowChanged(index);
            return;
        }
    }
    statements.append(statement);
    rowChanged(index);
}

const RunStepRecord *RunStepModel::stepAt(int row) const
{
    return row >= 0 && row < m_record.steps.size() ? &m_record.steps.at(row) : nullptr;
}

void RunStepModel::rowChanged(int row)
{
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int RunStepModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_record.steps.size());
}

int RunStepModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RunStepModel::statusText(RunStatus status)
{
    switch (status) {
    case RunStatus::Planned:
        return QCoreApplication::translate("RunStepModel", "planned");
    case RunStatus::Running:
        return QCoreApplication::translate("RunStepModel", "running");
    case RunStatus::Paused:
        return QCoreApplication::translate("RunStepModel", "paused");
    case RunStatus::Succeeded:
        return QCoreApplication::translate("RunStepModel", "done");
    case RunStatus::Failed:
        return QCoreApplication::translate("RunStepModel", "failed");
    case RunStatus::Cancelled:
        return QCoreApplication::translate("RunStepModel", "cancelled");
    case RunStatus::Interrupted:
        return QCoreApplication::translate("RunStepModel", "interrupted");
    }
    return {};
}

QString RunStepModel::durationText(qint64 ms)
{
    if (ms < 0)
        return {};
    if (ms < 1000)
        return QCoreApplication::translate("RunStepModel", "%1 ms").arg(ms);
    if (ms < 60'000)
        return QCoreApplication::translate("RunStepModel", "%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
    return QCoreApplication::translate("RunStepModel", "%1 min %2 s").arg(ms / 60'000).arg((ms % 60'000) / 1000);
}

QVariant RunStepModel::data(const QModelIndex &index, int role) const
{
    const RunStepRecord *step = index.isValid() ? stepAt(index.row()) : nullptr;
    if (!step)
        return {};
    if (role == StatusRole)
        return int(step->status);
    if (role == FailedRole)
        return step->failed();
    if (role == Qt::ToolTipRole && step->failed())
        return step->error.message;
    if (role == Qt::TextAlignmentRole && (index.column() == DurationColumn || index.column() == StatementsColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case StatusColumn:
        return statusText(step->status);
    case RevisionColumn:
        return step->revision;
    case MessageColumn:
        return step->message;
    case DirectionColumn:
        return step->upgrade ? QCoreApplication::translate("RunStepModel", "upgrade")
                             : QCoreApplication::translate("RunStepModel", "downgrade");
    case StartedColumn:
        return step->startedAt.isValid() ? step->startedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")) : QString();
    case DurationColumn:
        return durationText(step->durationMs);
    case StatementsColumn:
        return step->statements.isEmpty() ? QString() : QString::number(step->statements.size());
    default:
        return {};
    }
}

QVariant RunStepModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical && role == Qt::DisplayRole)
        return section + 1;
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StatusColumn:
        return QCoreApplication::translate("RunStepModel", "Status");
    case RevisionColumn:
        return QCoreApplication::translate("RunStepModel", "Revision");
    case MessageColumn:
        return QCoreApplication::translate("RunStepModel", "Message");
    case DirectionColumn:
        return QCoreApplication::translate("RunStepModel", "Direction");
    case StartedColumn:
        return QCoreApplication::translate("RunStepModel", "Started");
    case DurationColumn:
        return QCoreApplication::translate("RunStepModel", "Duration");
    case StatementsColumn:
        return QCoreApplication::translate("RunStepModel", "Statements");
    default:
        return {};
    }
}

} // namespace retort
