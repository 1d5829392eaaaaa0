#pragma once

#include "runrecord.h"
#include "schemadiff.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace retort {

/// How a rollback verification (RollbackVerifier) ended: the Verify run as the journal keeps it
/// (its VerificationRecord holds the fingerprints and the verdict) and the differences object by object.
struct VerificationResult
{
    enum class Outcome {
        Restored, ///< the downgrade gave back the schema from before the upgrade (and upgrading again the upgraded one)
        Differs,  ///< it did not: see differences (or reupgradeDifferences)
        StepFailed, ///< an upgrade or downgrade raised: see failedStep
        Failed,     ///< the database, the journal or the start state stopped it before a verdict
        Cancelled,
    };

    Outcome outcome = Outcome::Failed;
    RunRecord run;                   ///< Kind::Verify; id 0 when no journal was set (or it was not begun)
    QList<SchemaChange> differences; ///< before the upgrade -> after the downgrade, alembic_version's rows left out
    QList<SchemaChange> reupgradeDifferences; ///< after the upgrade -> after upgrading again
    RunStepRecord failedStep;                 ///< the step that failed (StepFailed), with its error
    QString error;                            ///< in words, when the outcome is not Restored
    QStringList notes;             ///< what was done besides the verification, and what the comparison left out
    QList<qint64> preparationRuns; ///< journal ids of the runs that brought the database to the start

    bool restored() const { return outcome == Outcome::Restored; }
};

} // namespace retort
