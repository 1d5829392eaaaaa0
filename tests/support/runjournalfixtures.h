#pragma once

// What the RunJournal tests (tst_runjournal, tst_runjournalfailures) share: a two-step run to record
// and a writer stopped in the middle of its second step.

#include "runjournal.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace retort::test {

inline QDateTime at(int hour, int minute, int second, int ms)
{
    return QDateTime(QDate(2026, 12, 3), QTime(hour, minute, second, ms), Qt::UTC);
}

/// Two steps, bf20 then c330, on the staging profile.
inline RunRecord plan()
{
    RunRecord run;
    run.profile = QStringLiteral("staging");
    run.database = QStringLiteral("postgresql://deploy@db.staging:5432/shop");
    run.environment = QStringLiteral("staging");
    run.project = QStringLiteral("/home/alice/shop");
    run.user = QStringLiteral("alice");
    run.host = QStringLiteral("build-01");
    run.target = QStringLiteral("head");
    run.startedAt = at(15, 0, 4, 123);
    run.versionsBefore = {QStringLiteral("ae10")};
    run.fingerprintBefore = QStringLiteral("0f1e2d");
    run.lockTimeoutMs = 5000;
    run.statementTimeoutMs = 60000;
    RunStepRecord first;
    first.index = 0;
    first.revision = QStringLiteral("bf20");
    first.message = QStringLiteral("create users");
    first.versionsExpected = {QStringLiteral("bf20")};
    RunStepRecord second;
    second.index = 1;
    second.revision = QStringLiteral("c330");
    second.message = QStringLiteral("add email");
    second.versionsExpected = {QStringLiteral("c330")};
    run.steps = {first, second};
    return run;
}

inline StatementRecord statement(int sequence, const QString &sql, const QDateTime &startedAt)
{
    StatementRecord record;
    record.sequence = sequence;
    record.sql = sql;
    record.startedAt = startedAt;
    return record;
}

/// Writes the first step of plan() completely and the second up to its first statement's start.
/// Empty on success, else the first error.
inline QString writeUntilMidStep(RunJournal &journal, qint64 &id)
{
    id = journal.beginRun(plan());
    if (id == 0)
        return journal.lastError();
    for (const QString &error :
         {journal.stepStarted(id, 0, {QStringLiteral("ae10")}, at(15, 0, 4, 200)),
          journal.statementStarted(id, 0, statement(1, QStringLiteral("CREATE TABLE users (id integer)"), at(15, 0, 4, 210))),
          journal.statementFinished(id, 0, 1, 3200, 0, {}),
          journal.stepFinished(id, 0, RunStatus::Succeeded, {QStringLiteral("bf20")}, 120),
          journal.stepStarted(id, 1, {QStringLiteral("bf20")}, at(15, 0, 4, 400)),
          journal.statementStarted(id, 1, statement(1, QStringLiteral("ALTER TABLE users ADD email text"), at(15, 0, 4, 410)))}) {
        if (!error.isEmpty())
            return error;
    }
    return {};
}

inline QVariant pragma(const RunJournal &journal, const QString &name)
{
    QSqlQuery query(QSqlDatabase::database(journal.connectionName(), false));
    return query.exec(QStringLiteral("PRAGMA ") + name) && query.next() ? query.value(0) : QVariant();
}

} // namespace retort::test
