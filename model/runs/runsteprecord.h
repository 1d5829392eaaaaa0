#pragma once

#include "bridgeerror.h"
#include "runstatus.h"
#include "statementrecord.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace retort {

/// One revision applied or removed in a run.
struct RunStepRecord
{
    int index = 0;                 ///< 0-based position in the plan
    QString revision;
    QString message;               ///< the revision's message, for people reading the log
    bool upgrade = true;
    RunStatus status = RunStatus::Planned;
    QDateTime startedAt;           ///< UTC; invalid until it starts
    qint64 durationMs = -1;
    QStringList versionsBefore;    ///< alembic_version rows read back before the step
    QStringList versionsExpected;  ///< what the plan says alembic_version holds after it
    QStringList versionsAfter;     ///< alembic_version rows read back after it (independently)
    QString output;                ///< what the project's code printed during the step
    BridgeError error;             ///< type empty when it did not fail
    QList<StatementRecord> statements;

    bool failed() const { return !error.type.isEmpty(); }
    bool operator==(const RunStepRecord &) const = default;
};

} // namespace retort
