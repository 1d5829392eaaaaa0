#include "runjournalreader.h"

#include "runjournalschema.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QVariant>

namespace retort {

namespace {

using S = RunJournalSchema;

const QString headerColumns = QStringLiteral(
    "id, kind, profile, database, environment, project, os_user, host, target, upgrade, status, started_at, "
    "finished_at, versions_before, versions_after, fingerprint_before, fingerprint_after, lock_timeout_ms, "
    "statement_timeout_ms, error");

const QString writerColumns =
    QStringLiteral("writer_host, writer_boot_id, writer_pid, writer_start_ticks, writer_token");

RunRecord headerFrom(const QSqlQuery &query)
{
    RunRecord run;
    run.id = query.value(0).toLongLong();
    run.kind = query.value(1).toString() == QLatin1String("verify") ? RunRecord::Kind::Verify : RunRecord::Kind::Run;
    run.profile = query.value(2).toString();
    run.database = query.value(3).toString();
    run.environment = query.value(4).toString();
    run.project = query.value(5).toString();
    run.user = query.value(6).toString();
    run.host = query.value(7).toString();
    run.target = query.value(8).toString();
    run.upgrade = query.value(9).toBool();
    run.status = statusFromName(query.value(10).toString());
    run.startedAt = S::textTime(query.value(11));
    run.finishedAt = S::textTime(query.value(12));
    run.versionsBefore = S::textList(query.value(13));
    run.versionsAfter = S::textList(query.value(14));
    run.fingerprintBefore = query.value(15).toString();
    run.fingerprintAfter = query.value(16).toString();
    run.lockTimeoutMs = query.value(17).toInt();
    run.statementTimeoutMs = query.value(18).toInt();
    run.error = query.value(19).toString();
    return run;
}

/// The writer in columns \a first .. first + 4 (writerColumns).
WriterIdentity writerFrom(const QSqlQuery &query, int first)
{
    return {query.value(first).toString(), query.value(first + 1).toString(), query.value(first + 2).toLongLong(),
            query.value(first + 3).toLongLong(), query.value(first + 4).toString()};
}

} // namespace

RunJournalReader::RunJournalReader(const QSqlDatabase &db)
    : m_db(db)
{
}

QString RunJournalReader::select(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    query = QSqlQuery(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return S::describe(query.lastError());
    for (const QVariant &value : values)
        query.addBindValue(value);
    return query.exec() ? QString() : S::describe(query.lastError());
}

QString RunJournalReader::headers(const QString &profile, int limit, QList<RunRecord> &runs)
{
    QVariantList values;
    if (!profile.isEmpty())
        values.append(profile);
    values.append(limit < 0 ? -1 : limit);
    QSqlQuery query;
    const QString error =
        select(query,
               QStringLiteral("SELECT %1 FROM runs %2 ORDER BY id DESC LIMIT ?")
                   .arg(headerColumns, profile.isEmpty() ? QString() : QStringLiteral("WHERE profile = ?")),
               values);
    while (error.isEmpty() && query.next())
        runs.append(headerFrom(query));
    return error;
}

QString RunJournalReader::run(qint64 runId, RunRecord &run)
{
    QSqlQuery query;
    QString error = select(query, QStringLiteral("SELECT %1 FROM runs WHERE id = ?").arg(headerColumns), {runId});
    if (!error.isEmpty())
        return error;
    if (!query.next())
        return QStringLiteral("it has no run %1").arg(runId);
    run = headerFrom(query);
    if (!(error = readSteps(run)).isEmpty())
        return error;

    error = select(query,
                   QStringLiteral("SELECT fingerprint_before, fingerprint_upgraded, fingerprint_downgraded, "
                                  "fingerprint_reupgraded, equal, difference FROM verifications WHERE run_id = ?"),
                   {runId});
    if (error.isEmpty() && query.next())
        run.verification = {query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                            query.value(3).toString(), query.value(4).toBool(),   query.value(5).toString()};
    return error;
}

QString RunJournalReader::readSteps(RunRecord &run)
{
    QSqlQuery query;
    QString error = select(query,
                           QStringLiteral("SELECT step_index, revision, message, upgrade, status, started_at, "
                                          "duration_ms, versions_before, versions_expected, versions_after, error "
                                          "FROM steps WHERE run_id = ? ORDER BY step_index"),
                           {run.id});
    while (error.isEmpty() && query.next()) {
        RunStepRecord step;
        step.index = query.value(0).toInt();
        step.revision = query.value(1).toString();
        step.message = query.value(2).toString();
        step.upgrade = query.value(3).toBool();
        step.status = statusFromName(query.value(4).toString());
        step.startedAt = S::textTime(query.value(5));
        step.durationMs = query.value(6).toLongLong();
        step.versionsBefore = S::textList(query.value(7));
        step.versionsExpected = S::textList(query.value(8));
        step.versionsAfter = S::textList(query.value(9));
        if (!query.value(10).isNull())
            step.error = BridgeError::fromJson(QJsonDocument::fromJson(query.value(10).toString().toUtf8()).object());
        run.steps.append(std::move(step));
    }
    if (!error.isEmpty())
        return error;
    auto stepAt = [&run](int index) -> RunStepRecord * {
        for (RunStepRecord &step : run.steps)
            if (step.index == index)
                return &step;
        return nullptr;
    };

    error = select(query,
                   QStringLiteral("SELECT step_index, sequence, sql, started_at, duration_us, rows_affected, notices, "
                                  "error FROM statements WHERE run_id = ? ORDER BY step_index, sequence"),
                   {run.id});
    while (error.isEmpty() && query.next()) {
        if (RunStepRecord *step = stepAt(query.value(0).toInt()))
            step->statements.append({query.value(1).toInt(), query.value(2).toString(), S::textTime(query.value(3)),
                                     query.value(4).toLongLong(), query.value(5).toLongLong(),
                                     S::textList(query.value(6)), query.value(7).toString()});
    }
    if (!error.isEmpty())
        return error;

    error = select(query, QStringLiteral("SELECT step_index, text FROM step_output WHERE run_id = ? ORDER BY id"),
                   {run.id});
    while (error.isEmpty() && query.next()) {
        if (RunStepRecord *step = stepAt(query.value(0).toInt()))
            step->output += query.value(1).toString();
    }
    return error;
}

QString RunJournalReader::unfinished(QList<std::pair<qint64, WriterIdentity>> &runs)
{
    QSqlQuery query;
    const QString error = select(
        query, QStringLiteral("SELECT id, %1 FROM runs WHERE status IN (?, ?) ORDER BY id DESC").arg(writerColumns),
        {statusName(RunStatus::Running), statusName(RunStatus::Paused)});
    while (error.isEmpty() && query.next())
        runs.append({query.value(0).toLongLong(), writerFrom(query, 1)});
    return error;
}

QString RunJournalReader::writer(qint64 runId, RunStatus &status, WriterIdentity &writer)
{
    QSqlQuery query;
    const QString error =
        select(query, QStringLiteral("SELECT status, %1 FROM runs WHERE id = ?").arg(writerColumns), {runId});
    if (!error.isEmpty())
        return error;
    if (!query.next())
        return QStringLiteral("it has no run %1").arg(runId);
    status = statusFromName(query.value(0).toString());
    writer = writerFrom(query, 1);
    return {};
}

QString RunJournalReader::hasStep(qint64 runId, int stepIndex)
{
    QSqlQuery query;
    const QString error =
        select(query, QStringLiteral("SELECT 1 FROM steps WHERE run_id = ? AND step_index = ?"), {runId, stepIndex});
    if (!error.isEmpty())
        return error;
    return query.next() ? QString() : QStringLiteral("run %1 has no step %2").arg(runId).arg(stepIndex);
}

} // namespace retort
