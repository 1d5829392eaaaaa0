#pragma once

#include "migrationrunner.h"
#include "revisiongraph.h"
#include "runplan.h"
#include "schemasnapshot.h"
#include "verificationresult.h"

#include <QObject>
#include <QPointer>
#include <QSet>

namespace retort {

class AlembicBridge;
class RunJournal;
class RunLockSession;
class SchemaLoader;

/// Proves that a downgrade undoes its upgrade, on a real database (a sandbox: it is changed):
/// snapshot -> upgrade -> snapshot -> downgrade -> snapshot, the first and the last compared object by
/// object with SchemaDiff (alembic_version's rows left out, the table itself compared), then, when
/// asked, upgrade again -> snapshot, compared with the first upgrade's. The upgrades and the downgrade
/// are MigrationRunner runs (one revision per step, alembic_version read back after every step); the
/// downgrade is the upgrade's steps undone in reverse order (RunPlan::reversed()).
///
/// The start: the range's first revision's parents and dependencies applied, none of the range's
/// revisions applied (revisions of other branches may be). A database below the start is first
/// upgraded to it, in runs of their own (recorded in the journal as ordinary runs, not verified).
/// A database without alembic_version gets the empty table first (`alembic stamp base`), as the
/// first upgrade would create it and no downgrade drops it. A database above the start is refused.
///
/// Asynchronous and GUI-thread only, like MigrationRunner: snapshots are read on a worker thread.
class RollbackVerifier : public QObject
{
    Q_OBJECT

public:
    enum class Phase {
        Idle,
        Reading,   ///< the schema and alembic_version as they are
        Preparing, ///< upgrading to the range's start (not verified)
        Stamping,  ///< creating the empty alembic_version table
        Before,    ///< snapshot before the upgrade
        Upgrading,
        Upgraded, ///< snapshot after the upgrade
        Downgrading,
        Downgraded, ///< snapshot after the downgrade
        Reupgrading,
        Reupgraded, ///< snapshot after upgrading again
        Finished,
    };
    Q_ENUM(Phase)

    /// What to verify: the revisions from \a first's parents up to \a last, in plan order.
    struct Request
    {
        QString first; ///< empty: \a last alone
        QString last;
        bool reupgrade = false; ///< upgrade again after a faithful downgrade, and compare
    };

    /// A range resolved in a graph: where it starts and what its upgrade runs.
    struct Range
    {
        QString first;
        QString last;
        QStringList start; ///< alembic_version's rows at the start, sorted
        RunPlan upgrade;   ///< from start to last
        QString error;     ///< empty when the range is good
        bool ok() const { return error.isEmpty(); }
    };

    RollbackVerifier(AlembicBridge *bridge, const RevisionGraph &graph, QObject *parent = nullptr);
    ~RollbackVerifier() override;

    /// Records each verification as a run of Kind::Verify in \a journal (not owned; may be null), with
    /// its steps, statements and VerificationRecord; upgrades to the start are recorded as ordinary runs.
    void setJournal(RunJournal *journal) { m_journal = journal; }
    Phase phase() const { return m_phase; }
    bool isBusy() const { return m_phase != Phase::Idle && m_phase != Phase::Finished; }
    /// The last verification's result (as far as it got).
    const VerificationResult &result() const { return m_result; }

    /// Starts verifying \a request on \a target. finished() always follows, after start() returned.
    /// Ignored while busy.
    void start(const Request &request, const MigrationRunner::Target &target,
               const MigrationRunner::Options &options = {});
    /// Stops at the next boundary; a running step is cancelled (its transaction rolls back).
    void cancel();

    /// \a first and \a last (any identifiers naming one revision each) resolved in \a graph.
    static Range range(const RevisionGraph &graph, const QString &first, const QString &last);

signals:
    void phaseChanged(retort::RollbackVerifier::Phase phase);
    /// What happens now, in words.
    void progress(const QString &text);
    void finished(const retort::VerificationResult &result);

private:
    void setPhase(Phase phase);
    void snapshotTaken(const SchemaSnapshot &snapshot);
    void snapshotFailed(const QString &error);
    void prepareOrBegin();
    void stamp();
    void stampAnswered(quint64 id, bool ok, const BridgeError &error);
    void beginVerification();
    void startRun(Phase phase, const RunPlan &plan, int offset);
    void runFinished(const RunRecord &run);
    void compareRollback(const SchemaSnapshot &downgraded);
    void compareReupgrade(const SchemaSnapshot &reupgraded);
    void finish(VerificationResult::Outcome outcome, const QString &error);
    bool stoppedAtBoundary();
    void journalled(const QString &error);
    int journalIndex(int runnerIndex) const { return m_offset + runnerIndex; }
    bool recording() const { return m_journal && m_result.run.id > 0 && m_verifying; }

    QPointer<AlembicBridge> m_bridge;
    RevisionGraph m_graph;
    RunJournal *m_journal = nullptr;
    MigrationRunner *m_runner = nullptr;
    SchemaLoader *m_loader = nullptr;
    RunLockSession *m_lock = nullptr;

    Phase m_phase = Phase::Idle;
    Request m_request;
    MigrationRunner::Target m_target;
    MigrationRunner::Options m_options;
    Range m_range;
    RunPlan m_upgrade;     ///< from the database's rows at the start (other branches included)
    QStringList m_current; ///< alembic_version as last read
    SchemaSnapshot m_read; ///< the first read, the "before" snapshot unless the database changed since
    SchemaSnapshot m_before;
    SchemaSnapshot m_upgraded;
    bool m_changedSinceRead = false;
    bool m_verifying = false; ///< the Verify run has begun: runner events belong to it
    int m_offset = 0;         ///< index of the running runner's first step in the Verify run
    quint64 m_stampRequest = 0;
    bool m_cancelRequested = false;
    QString m_journalError;
    VerificationResult m_result;
};

} // namespace retort
