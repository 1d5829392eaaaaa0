#pragma once

#include "bridgeerror.h"
#include "runplan.h"
#include "runjournalqueue.h"
#include "runrecord.h"

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
    /// starts and as it ends. A step's start is in the journal before the step is sent, its end (with
    /// everything else it recorded) before the next step is sent or the run pauses or ends. What
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
    void stepAnswered(quint64 id, bool ok, const QJsonObject &result, const BridgeError &error);
    void stepVerified(const QStringList &versions);
    void handleEvent(quint64 id, const QString &name, const QJsonObject &data);
    void handleLog(const QString &line);
    void finishRun(RunStatus status, const QString &error);
    /// Records the end of the run (with the fingerprint taken, if any) and, when \a announce, says so.
    void recordEnd(bool announce = true);
    void finishStep(RunStatus status);
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
