#pragma once

#include "bridgeerror.h"
#include "runrecord.h"
#include "verificationrecord.h"
#include "writeridentity.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <functional>
#include <unordered_map>
#include <utility>

namespace retort {

/// The run journal: an SQLite file (WAL) that records every run before and after each step and
/// each statement, each write its own short transaction (or writes made together one transaction,
/// see group()), so whatever dies (Retort, the helper, the server, the machine) the file holds a
/// consistent last known state.
///
/// Durability: every write is committed to the write-ahead log before the call returns, so a crash
/// of Retort, of the helper or of the database server loses nothing. Every write is also on the
/// disk (fdatasync of the log) before the call returns, except in a group() asked to be Deferred:
/// such writes reach the disk with the next synced write, when sync() is called, or at the latest
/// with the first write that comes kSyncIntervalMs after the oldest unsynced one; a power loss may
/// lose them, never the consistency of the file.
///
/// Interrupted runs: each run carries its writer's identity (host, boot, pid and start time, the
/// RunJournal instance). A run still running or paused whose writer is gone — its process died,
/// or its RunJournal was destroyed without finishing it — is interrupted; no heartbeat needed.
///
/// Every call reports failure as a message naming the file and what failed (read-only, full,
/// locked, damaged, not a journal); nothing throws. Use an instance from one thread only.
/// Several instances, in one process or several, may share one file.
class RunJournal
{
public:
    /// Synced: on the disk when the call returns. Deferred: committed (safe from any process's
    /// crash), on the disk within kSyncIntervalMs if the caller calls sync() when that is due.
    enum class Durability { Synced, Deferred };
    static constexpr int kSyncIntervalMs = 50;

    RunJournal();
    ~RunJournal();
    RunJournal(const RunJournal &) = delete;
    RunJournal &operator=(const RunJournal &) = delete;

    /// Where Retort and retort-cli keep their journal unless told otherwise: $RETORT_JOURNAL when set,
    /// else standardPath().
    static QString defaultPath();
    /// <generic data folder>/retort/runs.sqlite (~/.local/share/retort/runs.sqlite): the one folder
    /// open() makes when it is missing.
    static QString standardPath();
    /// Opens the journal at \a path, creating it when missing. Empty on success, else why not.
    QString open(const QString &path);
    bool isOpen() const;
    QString path() const { return m_path; }
    /// The message of the last call that failed; empty after one that succeeded.
    QString lastError() const { return m_lastError; }
    /// How long a write waits for another writer's lock before it fails (default 5000 ms).
    void setBusyTimeout(int milliseconds);
    /// The Qt Sql connection's name, for diagnostics and tests.
    QString connectionName() const { return m_connectionName; }
    /// Who writes the runs this instance begins.
    WriterIdentity writer() const { return m_writer; }

    /// Writes \a header (its id and status ignored) and its steps as planned (their statements and
    /// the verification are written later); the run is running from here until finishRun() or
    /// markInterrupted(). Only this instance writes to it. The run's id, or 0 (see lastError()).
    qint64 beginRun(const RunRecord &header);
    QString stepStarted(qint64 runId, int index, const QStringList &versionsBefore, const QDateTime &startedAt);
    /// Before a statement goes to the server: \a statement's sequence, sql and start time; what else it
    /// holds too (a statement that has ended by the time it is written: one write instead of two).
    QString statementStarted(qint64 runId, int stepIndex, const StatementRecord &statement);
    QString statementFinished(qint64 runId, int stepIndex, int sequence, qint64 durationUs, qint64 rowsAffected,
                              const QStringList &notices, const QString &error = {});
    /// Appends what the project's code printed during the step.
    QString stepOutput(qint64 runId, int stepIndex, const QString &text);
    QString stepFinished(qint64 runId, int index, RunStatus status, const QStringList &versionsAfter, qint64 durationMs,
                         const BridgeError &error = {});
    /// Paused between steps, or Running again.
    QString setStatus(qint64 runId, RunStatus status);
    /// Ends the run with a final \a status; a step still running ends with the same status.
    QString finishRun(qint64 runId, RunStatus status, const QStringList &versionsAfter, const QString &fingerprintAfter,
                      const QString &error = {});
    /// The outcome of a rollback verification, for a run of Kind::Verify, before finishRun().
    QString recordVerification(qint64 runId, const VerificationRecord &verification);

    /// Makes the writes that \a writes does through this journal one transaction, synced to disk once
    /// (or, Deferred, later: see the class comment): all of them are recorded, or, when one fails,
    /// none (that write and every later one in the group return the failure). Returns the first
    /// failure; empty when all were recorded.
    QString group(const std::function<void()> &writes, Durability durability = Durability::Synced);
    /// How long the oldest write not yet on the disk has waited (ms), or -1 when every write is there.
    qint64 unsyncedForMs() const;
    /// Puts every committed write on the disk. Empty on success, else why not.
    QString sync();

    /// Run headers (no steps), newest first; all profiles when \a profile is empty.
    QList<RunRecord> runs(const QString &profile = {}, int limit = -1);
    /// The whole run with steps and statements; id 0 when there is none (see lastError()).
    RunRecord run(qint64 runId);
    /// Whole runs still running or paused whose writer is gone, newest first.
    QList<RunRecord> interruptedRuns();
    /// Ends an interrupted run: the database's \a actualVersions and \a reason are kept, a step that
    /// was running is marked interrupted. Refused while the run's writer is alive (unless it is us).
    QString markInterrupted(qint64 runId, const QStringList &actualVersions, const QString &reason);

private:
    QString transaction(const QString &begin, const QString &what, const std::function<QString()> &body);
    QString write(const QString &what, qint64 runId, const std::function<QString()> &body);
    QString exec(const QString &sql, const QVariantList &values, const QString &whenNoRow = {});
    QString failure(const QString &what, const QString &cause);
    QString commit(const QString &what, Durability durability);
    QString checkWritable(qint64 runId);
    QString hasStep(qint64 runId, int stepIndex);
    QString endRun(qint64 runId, RunStatus status, const QStringList &versionsAfter, const QString &error,
                   const QString *fingerprintAfter);
    void close();

    QString m_connectionName;
    QSqlDatabase m_db;
    QString m_path;
    QString m_lastError;
    int m_busyTimeoutMs = 5000;
    WriterIdentity m_writer;
    bool m_inGroup = false;
    QString m_groupError;        ///< the first write of the open group that failed
    QSet<qint64> m_writable;      ///< our runs found writable (until we end them)
    QSet<std::pair<qint64, int>> m_groupSteps; ///< (run, step) the open group has found
    QSet<std::pair<qint64, int>> m_knownSteps; ///< (run, step) of the runs this instance began
    std::unordered_map<QString, QSqlQuery> m_prepared; ///< exec()'s statements, by their SQL
    QElapsedTimer m_unsyncedSince; ///< started by the oldest committed write not yet on the disk
};

} // namespace retort
