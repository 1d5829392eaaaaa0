#include "runjournal.h"

#include <QStandardPaths>

#include "filesync.h"
#include "runjournalreader.h"
#include "runjournalschema.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <utility>

namespace retort {

namespace {

using S = RunJournalSchema;

QVariant errorText(const BridgeError &error)
{
    if (error.type.isEmpty())
        return {};
    return QString::fromUtf8(QJsonDocument(error.toJson()).toJson(QJsonDocument::Compact));
}

QString kindName(RunRecord::Kind kind)
{
    return kind == RunRecord::Kind::Verify ? QStringLiteral("verify") : QStringLiteral("run");
}

} // namespace

RunJournal::RunJournal()
{
    static QAtomicInteger<quint64> counter;
    m_writer = WriterIdentity::current(QUuid::createUuid().toString(QUuid::WithoutBraces));
    m_connectionName = QStringLiteral("retort-run-journal-%1").arg(counter.fetchAndAddRelaxed(1));
}

RunJournal::~RunJournal()
{
    close();
}

void RunJournal::close()
{
    if (!m_db.isValid())
        return;
    sync(); // an orderly close leaves every write on the disk
    WriterIdentity::setInstanceAlive(m_writer.token, false);
    m_prepared.clear();
    m_writable.clear();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString RunJournal::defaultPath()
{
    const QString chosen = qEnvironmentVariable("RETORT_JOURNAL");
    return chosen.isEmpty() ? standardPath() : QFileInfo(chosen).absoluteFilePath();
}

QString RunJournal::standardPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/retort/runs.sqlite");
}

QString RunJournal::open(const QString &path)
{
    close();
    m_lastError.clear();
    if (path.isEmpty())
        return m_lastError = QStringLiteral("Run journal: no file name given");
    m_path = QFileInfo(path).absoluteFilePath();
    const QFileInfo file(m_path);
    const QFileInfo folder(file.absolutePath());
    QString why;
    // Retort's own folder is made on first use; a folder the user named must exist (a typo is not
    // quietly made into a new folder).
    if (!folder.isDir() && m_path == QFileInfo(standardPath()).absoluteFilePath())
        QDir().mkpath(folder.absoluteFilePath());
    if (!QFileInfo(folder.absoluteFilePath()).isDir())
        why = QStringLiteral("its folder %1 does not exist").arg(folder.filePath());
    else if (file.exists() && !file.isFile())
        why = QStringLiteral("it is not a file");
    else if (file.exists() && !file.isWritable())
        why = QStringLiteral("the file is read-only");
    else if (!folder.isWritable())
        why = QStringLiteral("its folder %1 is not writable (SQLite keeps the write-ahead log beside the file)")
                  .arg(folder.filePath());
    if (!why.isEmpty())
        return m_lastError = QStringLiteral("Run journal %1: cannot open it: %2").arg(m_path, why);

    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_busyTimeoutMs));
    if (!m_db.open())
        why = S::describe(m_db.lastError());
    else
        why = RunJournalSchema::prepare(m_db);
    if (!why.isEmpty()) {
        close();
        return m_lastError = QStringLiteral("Run journal %1: cannot open it: %2").arg(m_path, why);
    }
    WriterIdentity::setInstanceAlive(m_writer.token, true);
    return {};
}

bool RunJournal::isOpen() const
{
    return m_db.isValid() && m_db.isOpen();
}

void RunJournal::setBusyTimeout(int milliseconds)
{
    m_busyTimeoutMs = milliseconds;
    if (isOpen())
        exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(milliseconds), {});
}

QString RunJournal::failure(const QString &what, const QString &cause)
{
    m_lastError = QStringLiteral("Run journal %1: cannot %2: %3").arg(m_path, what, cause);
    if (m_inGroup && m_groupError.isEmpty())
        m_groupError = m_lastError; // a write refused inside a group fails the group
    return m_lastError;
}

QString RunJournal::exec(const QString &sql, const QVariantList &values, const QString &whenNoRow)
{
    // Each statement is prepared once per connection: a run makes the same few writes many times.
    auto prepared = m_prepared.find(sql);
    if (prepared == m_prepared.end()) {
        QSqlQuery query(m_db);
        if (!query.prepare(sql))
            return S::describe(query.lastError());
        prepared = m_prepared.emplace(sql, std::move(query)).first;
    }
    QSqlQuery &query = prepared->second;
    for (qsizetype i = 0; i < values.size(); ++i)
        query.bindValue(int(i), values.at(i));
    const bool done = query.exec();
    const QString error = done ? QString() : S::describe(query.lastError());
    const int rows = done ? query.numRowsAffected() : 0;
    query.finish();
    if (!error.isEmpty())
        return error;
    if (!whenNoRow.isEmpty() && rows < 1)
        return whenNoRow;
    return {};
}

QString RunJournal::transaction(const QString &begin, const QString &what, const std::function<QString()> &body)
{
    if (m_inGroup) {
        // Inside group(): the group's transaction is this one's; a failure undoes the whole group.
        if (!m_groupError.isEmpty())
            return m_lastError = m_groupError;
        m_lastError.clear();
        if (const QString error = body(); !error.isEmpty())
            return failure(what, error);
        return {};
    }
    m_lastError.clear();
    if (!isOpen())
        return m_lastError = QStringLiteral("Run journal %1: cannot %2: it is not open")
                                 .arg(m_path.isEmpty() ? QStringLiteral("(none)") : m_path, what);
    QString error = exec(begin, {});
    if (error.isEmpty())
        error = body();
    const bool reads = begin == QLatin1String("BEGIN"); // writers begin IMMEDIATE
    if (error.isEmpty() && !reads)
        return commit(what, Durability::Synced);
    if (error.isEmpty())
        error = exec(QStringLiteral("COMMIT"), {});
    if (error.isEmpty())
        return {};
    exec(QStringLiteral("ROLLBACK"), {});
    return failure(what, error);
}

QString RunJournal::commit(const QString &what, Durability durability)
{
    if (const QString error = exec(QStringLiteral("COMMIT"), {}); !error.isEmpty()) {
        exec(QStringLiteral("ROLLBACK"), {});
        return failure(what, error);
    }
    // Committed: in the write-ahead log, which outlives any process. Now, or soon, on the disk too.
    if (!m_unsyncedSince.isValid())
        m_unsyncedSince.start();
    if (durability == Durability::Deferred && m_unsyncedSince.elapsed() < kSyncIntervalMs)
        return {};
    if (const QString error = sync(); !error.isEmpty())
        return failure(what, QStringLiteral("it was written, but %1").arg(error));
    return {};
}

qint64 RunJournal::unsyncedForMs() const
{
    return m_unsyncedSince.isValid() ? m_unsyncedSince.elapsed() : -1;
}

QString RunJournal::sync()
{
    if (!m_unsyncedSince.isValid())
        return {};
    // synchronous=NORMAL commits without syncing the log; syncing it makes every commit so far
    // durable, as synchronous=FULL would have at each commit.
    if (const QString error = syncFileToDisk(m_path + QStringLiteral("-wal")); !error.isEmpty())
        return m_lastError = QStringLiteral("Run journal %1: %2").arg(m_path, error);
    m_unsyncedSince.invalidate();
    return {};
}

QString RunJournal::group(const std::function<void()> &writes, Durability durability)
{
    if (m_inGroup) {
        writes();
        return m_groupError;
    }
    const QString what = QStringLiteral("record a group of writes");
    m_lastError.clear();
    if (!isOpen())
        return m_lastError = QStringLiteral("Run journal %1: cannot %2: it is not open")
                                 .arg(m_path.isEmpty() ? QStringLiteral("(none)") : m_path, what);
    if (const QString error = exec(QStringLiteral("BEGIN IMMEDIATE"), {}); !error.isEmpty())
        return failure(what, error);
    m_inGroup = true;
    m_groupError.clear();
    writes();
    m_inGroup = false;
    m_groupSteps.clear();
    const QString error = std::exchange(m_groupError, QString());
    if (error.isEmpty())
        return m_lastError = commit(what, durability);
    exec(QStringLiteral("ROLLBACK"), {});
    return m_lastError = error;
}

QString RunJournal::write(const QString &what, qint64 runId, const std::function<QString()> &body)
{
    return transaction(QStringLiteral("BEGIN IMMEDIATE"), what, [&] {
        // Once checked, a run of ours stays writable until we end it (endRun): no other instance
        // ends a run whose writer is alive (markInterrupted refuses).
        if (!m_writable.contains(runId)) {
            if (const QString error = checkWritable(runId); !error.isEmpty())
                return error;
            m_writable.insert(runId);
        }
        return body();
    });
}

QString RunJournal::hasStep(qint64 runId, int stepIndex)
{
    // Steps are never deleted: the steps of a run this instance began are there for good, and a step
    // found is there for the rest of the group.
    if (m_knownSteps.contains({runId, stepIndex}) || (m_inGroup && m_groupSteps.contains({runId, stepIndex})))
        return {};
    const QString error = RunJournalReader(m_db).hasStep(runId, stepIndex);
    if (error.isEmpty() && m_inGroup)
        m_groupSteps.insert({runId, stepIndex});
    return error;
}

QString RunJournal::checkWritable(qint64 runId)
{
    RunStatus status = RunStatus::Planned;
    WriterIdentity writer;
    if (const QString error = RunJournalReader(m_db).writer(runId, status, writer); !error.isEmpty())
        return error;
    if (isFinal(status))
        return QStringLiteral("run %1 has already ended (%2)").arg(runId).arg(statusName(status));
    if (writer.token != m_writer.token)
        return QStringLiteral("run %1 is written by another RunJournal (%2)").arg(runId).arg(writer.describe());
    return {};
}

qint64 RunJournal::beginRun(const RunRecord &header)
{
    qint64 id = 0;
    const QString what = QStringLiteral("begin a run of %1 on %2").arg(header.project, header.profile);
    const QString error = transaction(QStringLiteral("BEGIN IMMEDIATE"), what, [&] {
        const QDateTime started = header.startedAt.isValid() ? header.startedAt : QDateTime::currentDateTimeUtc();
        QString error = exec(
            QStringLiteral("INSERT INTO runs (kind, profile, database, environment, project, os_user, host, target, "
                           "upgrade, status, started_at, finished_at, versions_before, versions_after, "
                           "fingerprint_before, fingerprint_after, lock_timeout_ms, statement_timeout_ms, error, "
                           "writer_host, writer_boot_id, writer_pid, writer_start_ticks, writer_token) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, NULL, ?, ?, NULL, ?, ?, ?, ?, ?)"),
            {kindName(header.kind),
             header.profile,
             header.database,
             header.environment,
             header.project,
             header.user,
             header.host,
             header.target,
             header.upgrade,
             statusName(RunStatus::Running),
             S::timeText(started),
             S::listText(header.versionsBefore),
             S::listText(header.versionsBefore),
             header.fingerprintBefore,
             header.lockTimeoutMs,
             header.statementTimeoutMs,
             m_writer.host,
             m_writer.bootId,
             m_writer.pid,
             m_writer.startTicks,
             m_writer.token});
        if (!error.isEmpty())
            return error;
        QSqlQuery last(m_db);
        if (!last.exec(QStringLiteral("SELECT last_insert_rowid()")) || !last.next())
            return S::describe(last.lastError());
        id = last.value(0).toLongLong();
        for (const RunStepRecord &step : header.steps) {
            error = exec(QStringLiteral("INSERT INTO steps (run_id, step_index, revision, message, upgrade, status, "
                                        "started_at, duration_ms, versions_before, versions_expected, "
                                        "versions_after, error) VALUES (?, ?, ?, ?, ?, ?, NULL, -1, ?, ?, ?, NULL)"),
                         {id, step.index, step.revision, step.message, step.upgrade, statusName(RunStatus::Planned),
                          S::listText({}), S::listText(step.versionsExpected), S::listText({})});
            if (!error.isEmpty())
                return QStringLiteral("step %1 (%2): %3").arg(step.index).arg(step.revision, error);
        }
        return QString();
    });
    if (!error.isEmpty())
        return 0;
    if (!m_inGroup) // in a group they are there only if the group is committed
        for (const RunStepRecord &step : header.steps)
            m_knownSteps.insert({id, step.index}); // steps are never deleted
    return id;
}

QString RunJournal::stepStarted(qint64 runId, int index, const QStringList &versionsBefore, const QDateTime &startedAt)
{
    return write(QStringLiteral("record the start of step %1 of run %2").arg(index).arg(runId), runId, [&] {
        const QString error =
            exec(QStringLiteral("UPDATE steps SET status = ?, started_at = ?, versions_before = ? "
                                "WHERE run_id = ? AND step_index = ?"),
                 {statusName(RunStatus::Running), S::timeText(startedAt), S::listText(versionsBefore), runId, index},
                 QStringLiteral("run %1 has no step %2").arg(runId).arg(index));
        if (!error.isEmpty())
            return error;
        if (const QString failed = exec(QStringLiteral("UPDATE runs SET versions_after = ? WHERE id = ?"),
                                        {S::listText(versionsBefore), runId});
            !failed.isEmpty())
            return failed;
        // Running already but after a pause: writing the same status again would still rewrite its index.
        return exec(QStringLiteral("UPDATE runs SET status = ? WHERE id = ? AND status <> ?"),
                    {statusName(RunStatus::Running), runId, statusName(RunStatus::Running)});
    });
}

QString RunJournal::statementStarted(qint64 runId, int stepIndex, const StatementRecord &statement)
{
    const QString what =
        QStringLiteral("record statement %1 of step %2 of run %3").arg(statement.sequence).arg(stepIndex).arg(runId);
    return write(what, runId, [&] {
        if (const QString error = hasStep(runId, stepIndex); !error.isEmpty())
            return error;
        return exec(
            QStringLiteral("INSERT INTO statements (run_id, step_index, sequence, sql, started_at, "
                           "duration_us, rows_affected, notices, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {runId, stepIndex, statement.sequence, statement.sql, S::timeText(statement.startedAt),
             statement.durationUs, statement.rowsAffected, S::listText(statement.notices),
             statement.error.isEmpty() ? QVariant() : QVariant(statement.error)});
    });
}

QString RunJournal::statementFinished(qint64 runId, int stepIndex, int sequence, qint64 durationUs, qint64 rowsAffected,
                                      const QStringList &notices, const QString &error)
{
    const QString what =
        QStringLiteral("record the end of statement %1 of step %2 of run %3").arg(sequence).arg(stepIndex).arg(runId);
    return write(what, runId, [&] {
        return exec(QStringLiteral("UPDATE statements SET duration_us = ?, rows_affected = ?, notices = ?, error = ? "
                                   "WHERE run_id = ? AND step_index = ? AND sequence = ?"),
                    {durationUs, rowsAffected, S::listText(notices), error, runId, stepIndex, sequence},
                    QStringLiteral("step %1 of run %2 has no statement %3").arg(stepIndex).arg(runId).arg(sequence));
    });
}

QString RunJournal::stepOutput(qint64 runId, int stepIndex, const QString &text)
{
    if (text.isEmpty())
        return m_lastError = QString();
    return write(QStringLiteral("record the output of step %1 of run %2").arg(stepIndex).arg(runId), runId, [&] {
        if (const QString error = hasStep(runId, stepIndex); !error.isEmpty())
            return error;
        return exec(QStringLiteral("INSERT INTO step_output (run_id, step_index, text) VALUES (?, ?, ?)"),
                    {runId, stepIndex, text});
    });
}

QString RunJournal::stepFinished(qint64 runId, int index, RunStatus status, const QStringList &versionsAfter,
                                 qint64 durationMs, const BridgeError &error)
{
    const QString what = QStringLiteral("record the end of step %1 of run %2").arg(index).arg(runId);
    if (!isFinal(status))
        return failure(
            what,
            QStringLiteral("a step ends succeeded, failed, cancelled or interrupted, not %1").arg(statusName(status)));
    return write(what, runId, [&] {
        const QString failed =
            exec(QStringLiteral("UPDATE steps SET status = ?, versions_after = ?, duration_ms = ?, error = ? "
                                "WHERE run_id = ? AND step_index = ?"),
                 {statusName(status), S::listText(versionsAfter), durationMs, errorText(error), runId, index},
                 QStringLiteral("run %1 has no step %2").arg(runId).arg(index));
        if (!failed.isEmpty())
            return failed;
        return exec(QStringLiteral("UPDATE runs SET versions_after = ? WHERE id = ?"),
                    {S::listText(versionsAfter), runId});
    });
}

QString RunJournal::setStatus(qint64 runId, RunStatus status)
{
    const QString what = QStringLiteral("mark run %1 %2").arg(runId).arg(statusName(status));
    if (status != RunStatus::Paused && status != RunStatus::Running)
        return failure(what, QStringLiteral("only paused and running are set this way; a run ends with finishRun"));
    return write(what, runId, [&] {
        return exec(QStringLiteral("UPDATE runs SET status = ? WHERE id = ?"), {statusName(status), runId});
    });
}

QString RunJournal::endRun(qint64 runId, RunStatus status, const QStringList &versionsAfter, const QString &error,
                           const QString *fingerprintAfter)
{
    m_writable.remove(runId);
    QVariantList values{statusName(status), S::timeText(QDateTime::currentDateTimeUtc()), S::listText(versionsAfter),
                        error};
    if (fingerprintAfter)
        values.append(*fingerprintAfter);
    values.append(runId);
    const QString failed =
        exec(QStringLiteral("UPDATE runs SET status = ?, finished_at = ?, versions_after = ?, error = ?%1 "
                            "WHERE id = ?")
                 .arg(fingerprintAfter ? QStringLiteral(", fingerprint_after = ?") : QString()),
             values);
    if (!failed.isEmpty())
        return failed;
    return exec(QStringLiteral("UPDATE steps SET status = ? WHERE run_id = ? AND status = ?"),
                {statusName(status), runId, statusName(RunStatus::Running)});
}

QString RunJournal::finishRun(qint64 runId, RunStatus status, const QStringList &versionsAfter,
                              const QString &fingerprintAfter, const QString &error)
{
    const QString what = QStringLiteral("record the end of run %1").arg(runId);
    if (!isFinal(status))
        return failure(
            what,
            QStringLiteral("a run ends succeeded, failed, cancelled or interrupted, not %1").arg(statusName(status)));
    return write(what, runId, [&] { return endRun(runId, status, versionsAfter, error, &fingerprintAfter); });
}

QString RunJournal::recordVerification(qint64 runId, const VerificationRecord &verification)
{
    return write(QStringLiteral("record the verification of run %1").arg(runId), runId, [&] {
        return exec(QStringLiteral("INSERT OR REPLACE INTO verifications (run_id, fingerprint_before, "
                                   "fingerprint_upgraded, fingerprint_downgraded, fingerprint_reupgraded, equal, "
                                   "difference) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                    {runId, verification.fingerprintBefore, verification.fingerprintUpgraded,
                     verification.fingerprintDowngraded, verification.fingerprintReupgraded, verification.equal,
                     verification.difference});
    });
}

QString RunJournal::markInterrupted(qint64 runId, const QStringList &actualVersions, const QString &reason)
{
    return transaction(QStringLiteral("BEGIN IMMEDIATE"), QStringLiteral("mark run %1 interrupted").arg(runId), [&] {
        RunStatus status = RunStatus::Planned;
        WriterIdentity writer;
        if (const QString error = RunJournalReader(m_db).writer(runId, status, writer); !error.isEmpty())
            return error;
        if (isFinal(status))
            return QStringLiteral("run %1 has already ended (%2)").arg(runId).arg(statusName(status));
        if (writer.token != m_writer.token && writer.isAlive())
            return QStringLiteral("run %1 is still being written (%2)").arg(runId).arg(writer.describe());
        return endRun(runId, RunStatus::Interrupted, actualVersions, reason, nullptr);
    });
}

QList<RunRecord> RunJournal::runs(const QString &profile, int limit)
{
    QList<RunRecord> runs;
    const QString what = profile.isEmpty() ? QStringLiteral("list its runs")
                                           : QStringLiteral("list the runs of profile %1").arg(profile);
    if (!transaction(QStringLiteral("BEGIN"), what, [&] {
             return RunJournalReader(m_db).headers(profile, limit, runs);
         }).isEmpty())
        runs.clear();
    return runs;
}

RunRecord RunJournal::run(qint64 runId)
{
    RunRecord run;
    if (!transaction(QStringLiteral("BEGIN"), QStringLiteral("read run %1").arg(runId), [&] {
             return RunJournalReader(m_db).run(runId, run);
         }).isEmpty())
        run = RunRecord();
    return run;
}

QList<RunRecord> RunJournal::interruptedRuns()
{
    QList<RunRecord> runs;
    const QString error = transaction(QStringLiteral("BEGIN"), QStringLiteral("look for interrupted runs"), [&] {
        RunJournalReader reader(m_db);
        QList<std::pair<qint64, WriterIdentity>> unfinished;
        QString error = reader.unfinished(unfinished);
        for (const auto &[id, writer] : std::as_const(unfinished)) {
            if (!error.isEmpty())
                break;
            if (writer.isAlive())
                continue;
            RunRecord run;
            error = reader.run(id, run);
            runs.append(std::move(run));
        }
        return error;
    });
    if (!error.isEmpty())
        runs.clear();
    return runs;
}

} // namespace retort
