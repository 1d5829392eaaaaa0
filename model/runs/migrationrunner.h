#pragma once

#include "bridgeerror.h"
#include "runplan.h"
#include "runjournalqueue.h"
#include "runrecord.h"
#include "stepsahead.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>

class QThread;

namespace retort {

class AlembicBridge;
class RunDatabase;
class RunJournal;

/// Drives a RunPlan against a database, one revision per step, through real Alembic (the helper's
/// "step" method, in the project's env.py with the URL injected). Asynchronous and GUI-thread
/// only: the helper works in its own process and the runner's own database session (run lock,
/// alembic_version read back after every step, cancel) on a worker thread, so nothing here blocks.
///
/// Before the first step, Alembic's own plan is fetched and compared with Retort's (unless the plan's
/// steps are explicit, RunPlan::reversed()), the run lock is taken and alembic_version is read: any
/// difference stops the run before anything changed.
/// After every step alembic_version is read again, independently of Alembic, and compared with
/// what the plan expects; a mismatch stops the run.
///
/// In a run to a target the next step does not wait for that read: where the helper says its steps
/// run in transactions that can wait (transactional DDL, one env.py session), the steps are sent
/// ahead (StepsAhead), "gated". The next one runs while Retort reads alembic_version back and records
/// the previous step, but waits for Retort's "proceed" before it touches alembic_version or commits
/// anything; a failed check, a cancel or a journal that cannot be written withdraws it, and its
/// transaction rolls back. So no step is committed before the one before it was checked, and the
/// read never sees the next step's work. The one after that waits, "queued", in the helper's input,
/// so that the helper goes on as soon as it has committed; it starts only if it is there by then and
/// no pause or stop asked to hold it. A step's start is recorded once the helper has started it, and
/// always before it can commit.
class MigrationRunner : public QObject
{
    Q_OBJECT

public:
    /// Finishing: the run has ended; the schema's fingerprint is being taken before it is recorded.
    enum class State { Idle, Preparing, Running, Pausing, Paused, Cancelling, Finishing, Finished };
    Q_ENUM(State)


    struct Options
    {
        int lockTimeoutMs = 0;          ///< 0: the server's default
        int statementTimeoutMs = 0;     ///< 0: the server's default
        QString urlVariable;            ///< environment variable env.py reads; empty: RETORT_DATABASE_URL
        bool pauseAfterEachStep = false; ///< step mode: run one step, then pause
        /// How long a step may run before the helper is given up on (the statement timeout is the
        /// usual guard; this one catches a helper that hangs outside SQL).
        int stepTimeoutMs = 24 * 60 * 60 * 1000;
        /// After cancel(): how long to wait for the cancelled statement to end before the helper is killed.
        int cancelGraceMs = 10'000;
        /// Records the schema's fingerprint (RunRecord::fingerprintBefore/After) before the first step
        /// and when the run ends, under the run lock. The "before" is taken while Alembic's plan is
        /// fetched; the "after" delays runFinished() by one schema read.
        bool fingerprints = true;
        /// Takes Retort's run lock for the run. Off only when the caller holds it already for this
        /// database (RunLockSession) across several runs.
        bool takeRunLock = true;
        /// Does the run's database work (connecting, reading alembic_version back after each step,
        /// the fingerprints) on the calling thread, which waits for it, instead of the runner's own:
        /// for a caller without a window to keep alive (retort-cli), it saves two thread hops a step.
        bool databaseWorkInline = false;
    };

    /// Where the run goes. \a url carries the password (never stored); \a database is the same
    /// without it, for the record.
    struct Target
    {
        QString url;
        QString database;
        QString profile;
        QString environment;
        QString project;
    };

    explicit MigrationRunner(AlembicBridge *bridge, QObject *parent = nullptr);
    ~MigrationRunner() override;

    State state() const { return m_state; }
    /// The run so far (or as it ended).
    const RunRecord &record() const { return m_record; }
    const RunPlan &plan() const { return m_plan; }
    /// Index of the step that runs (or runs next when paused).
    int currentStep() const { return m_step; }
    /// Records the runs that start from now on in \a journal (may be null; not owned; must outlive the
    /// runner): the run before its first step, every step before and after it, every statement as it
    /// starts and as it ends. A step's start is in the journal before it can commit: before it is sent,
    /// or, for a step sent ahead, with the end of the step before it (and everything else that one
    /// recorded) before it is let go on; the last step's end before the run pauses or ends. What
    /// arrives while a step runs (statements, output) is written about RunJournalQueue::kDelayMs after it
    /// arrived, what arrived in that time in one transaction: a statement that runs longer is on record
    /// as running. Written means safe from a crash of Retort, the helper or the server at once, and on
    /// the disk (safe from a power loss) within RunJournal::kSyncIntervalMs; the run's start, its
    /// pauses and its end are on the disk at once. A run whose journal cannot be written stops (before
    /// the first step, or after the running one) with the journal's message.
    void setJournal(RunJournal *journal) { m_writes.setJournal(journal); }

    /// Starts \a plan (which must be ok()) against \a target. Ignored unless Idle or Finished.
    void start(const RunPlan &plan, const Target &target, const Options &options);
    /// Goes on after a pause; in step mode runs exactly one more step.
    void resume();
    /// Runs to the end after a pause, leaving step mode.
    void resumeToEnd();
    /// Pauses when the running step ends.
    void pauseAfterCurrentStep();
    /// Stops the run: the running statement is cancelled on the server (pg_cancel_backend on the
    /// helper's backend), the step fails as Cancelled and its transaction rolls back. When paused,
    /// the run ends as Cancelled at once.
    void cancel();

signals:
    void stateChanged(retort::MigrationRunner::State state);
    /// Alembic's plan matched, the lock is held and alembic_version is as planned: steps follow.
    void runStarted(const retort::RunRecord &record);
    void stepStarted(int index, const retort::RunStepRecord &step);
    void statementStarted(int index, const retort::StatementRecord &statement);
    void statementFinished(int index, const retort::StatementRecord &statement);
    /// What the project's code printed during step \a index.
    void stepOutput(int index, const QString &line);
    void stepFinished(int index, const retort::RunStepRecord &step);
    /// Stopped between steps; \a nextIndex runs on resume().
    void paused(int nextIndex);
    void runFinished(const retort::RunRecord &record);

private:
    struct DatabaseAnswer;
    void setState(State state);
    void prepare();
    void preparationDone();
    void runStep();
    /// Sends step \a index to the helper (\a gated: it waits for "proceed" before it commits; \a queued:
    /// sent while the step before it runs); 0 when the helper is gone.
    quint64 sendStep(int index, bool gated, bool queued);
    /// Marks step \a index running from \a versionsBefore and records that in the journal (at once with
    /// \a writeNow, else with the next write); false when the journal could not be written.
    bool markStarted(int index, const QStringList &versionsBefore, bool writeNow);
    /// Whether the run stops (or pauses) after the step that runs.
    bool stopping() const;
    /// After a step's good answer: what the helper took on (the queued step), and what to send ahead.
    void advanceAfter(const QJsonObject &answer);
    bool sendAhead(int index, bool queued);
    void startAhead(StepsAhead::Step &ahead);
    /// The step before the started one was checked: it may commit now.
    void promoteAhead();
    /// Ends the run once the started step sent ahead has been withdrawn and has answered.
    void withdrawAhead(RunStatus status, const QString &error);
    void aheadWithdrawn();
    /// pg_cancel_backend on the helper's backend, and the helper stopped if that does not end it within
    /// Options::cancelGraceMs (within \a unknownBackendGraceMs when no backend is known).
    void cancelRunningStatement(int unknownBackendGraceMs = 0);
    void stepAnswered(quint64 id, bool ok, const QJsonObject &result, const BridgeError &error);
    void stepVerified(const QStringList &versions);
    void handleEvent(quint64 id, const QString &name, const QJsonObject &data);
    void handleLog(const QString &line);
    void appendOutput(int index, const QString &line);
    void finishRun(RunStatus status, const QString &error);
    /// Records the end of the run (with the fingerprint taken, if any) and, when \a announce, says so.
    void recordEnd(bool announce = true);
    void finishStep(RunStatus status) { finishStep(m_step, status); }
    void finishStep(int index, RunStatus status);
    /// Tells the helper that no next step follows the last one asked for with "more".
    void releaseSession();
    /// Runs \a work with the runner's database session on its thread; \a done gets its result back here.
    void onDatabase(std::function<QJsonObject(RunDatabase &)> work, std::function<void(const QJsonObject &)> done);
    RunStepRecord &step() { return m_record.steps[m_step]; }
    /// Queues a write to the journal for the run that is recorded (RunJournalQueue::later()).
    void journalLater(RunJournalQueue::Write write);

    QPointer<AlembicBridge> m_bridge;
    RunPlan m_plan;
    Target m_target;
    Options m_options;
    RunRecord m_record;
    State m_state = State::Idle;
    int m_step = 0;
    quint64 m_request = 0;
    StepsAhead m_ahead; ///< steps sent beyond m_step (see the class comment)
    /// Statements whose start waits in the journal queue, by (step, sequence): an end that comes
    /// before it is written goes into the same write.
    QHash<QPair<int, int>, std::shared_ptr<StatementRecord>> m_unwrittenStatements;
    RunStatus m_endStatus = RunStatus::Failed; ///< how the run ends once the step ahead is withdrawn
    QString m_endError;
    int m_backendPid = 0;
    bool m_pauseRequested = false;
    bool m_cancelRequested = false;
    bool m_sessionOpen = false; ///< the last step was asked for with "more": env.py may still be open
    bool m_databaseReadable = false; ///< the last read of alembic_version on the run's session worked
    int m_pendingPreparations = 0;
    QString m_preparationError;
    QTimer m_cancelTimer;
    RunJournalQueue m_writes;

    QThread *m_thread = nullptr;
    QObject *m_threadContext = nullptr; ///< lives on m_thread; database work runs in its slots
    std::shared_ptr<RunDatabase> m_database;
};

} // namespace retort
