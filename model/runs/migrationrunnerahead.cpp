// MigrationRunner's steps sent ahead (see the class comment and StepsAhead): which step the helper
// took on after the one that answered, what is sent ahead, letting a step ahead commit, and taking it
// back when the run ends first. The rest of the runner is in migrationrunner.cpp.
#include "migrationrunner.h"

#include "alembicbridge.h"
#include "runtext.h"

#include <QDateTime>
#include <QJsonArray>

namespace retort {

void MigrationRunner::advanceAfter(const QJsonObject &answer)
{
    // The step queued behind the one that answered: the helper took it as it committed that one, or
    // it never starts (the helper answers it NotStarted, unheard).
    if (!m_ahead.isEmpty() && !m_ahead.first().started) {
        if (answer.value(QLatin1String("continues")).toString() == m_ahead.first().revision)
            startAhead(m_ahead.first());
        else
            m_ahead.dropFirst();
    }
    if (!answer.value(QLatin1String("gate")).toBool() || !m_sessionOpen || stopping())
        return;
    // The helper is free: the next step goes now, and starts at once (perhaps in a new env.py run, on
    // a backend of its own: the one known is forgotten until it says).
    if (m_ahead.isEmpty() && m_step + 1 < m_record.steps.size()) {
        if (!sendAhead(m_step + 1, false))
            return; // the helper is gone; the step that answered is checked as usual
        m_backendPid = 0;
        startAhead(m_ahead.first());
    }
    // The one after it waits in the helper's input, for when that one is committed.
    if (m_ahead.size() == 1 && m_ahead.first().started && !m_ahead.first().withdrawn
        && m_ahead.first().index + 1 < m_record.steps.size())
        sendAhead(m_ahead.first().index + 1, true);
}

bool MigrationRunner::sendAhead(int index, bool queued)
{
    const quint64 id = sendStep(index, true, queued);
    if (id)
        m_ahead.add(index, m_record.steps.at(index).revision, m_record.steps.at(index).upgrade, id);
    return id != 0;
}

void MigrationRunner::startAhead(StepsAhead::Step &ahead)
{
    ahead.started = true;
    // Written with the next journal write (while the step before it is read back), in any case
    // before promoteAhead() lets it commit.
    markStarted(ahead.index, m_record.steps.at(ahead.index - 1).versionsExpected, false);
    emit stepStarted(ahead.index, m_record.steps.at(ahead.index));
}

void MigrationRunner::promoteAhead()
{
    StepsAhead::Step ahead = m_ahead.takeFirst();
    m_request = ahead.request;
    if (!ahead.answered) {
        // Before it may commit, the journal holds its start and the end of the step before it.
        m_writes.flush();
        m_ahead.proceed(ahead, m_writes.error().isEmpty(), QStringLiteral("the run journal could not be written"));
        return;
    }
    // It failed before it asked (its transaction is rolled back): handled as any step's answer.
    stepAnswered(ahead.request, ahead.ok, ahead.result, ahead.error);
}

void MigrationRunner::withdrawAhead(RunStatus status, const QString &error)
{
    StepsAhead::Step &ahead = *m_ahead.started();
    ahead.ending = true;
    m_endStatus = status;
    m_endError = error;
    if (ahead.answered) {
        aheadWithdrawn();
        return;
    }
    if (!ahead.withdrawn) {
        m_ahead.proceed(ahead, false, error.isEmpty() ? QStringLiteral("the run stopped") : error);
        // It may be in a long statement of its own before it asks: that one is cancelled too. (Idle at
        // its gate it rolls back on the notice: the helper is given the grace time in any case.)
        cancelRunningStatement(m_options.cancelGraceMs);
    }
    // Its answer (the helper rolled it back) ends the run, see stepAnswered().
}

void MigrationRunner::aheadWithdrawn()
{
    const StepsAhead::Step ahead = m_ahead.takeFirst();
    RunStepRecord &sent = m_record.steps[ahead.index];
    RunStatus status = RunStatus::Cancelled;
    if (ahead.ok) {
        // The helper holds a gated step's commit until it is told; this one did not wait.
        sent.versionsAfter = jsonStrings(ahead.result.value(QLatin1String("heads_after")));
        m_record.versionsAfter = sent.versionsAfter;
        sent.error = {QStringLiteral("NotChecked"),
                      QStringLiteral("%1 was committed although Retort had withdrawn it; alembic_version was not read "
                                     "back after it").arg(sent.revision),
                      {}, {}, {}};
        status = RunStatus::Failed;
    } else {
        sent.error = ahead.error;
        // Rolled back: the database is as the check before it found it.
        sent.versionsAfter = m_record.versionsAfter;
        if (ahead.failedOnItsOwn)
            status = RunStatus::Failed; // before it was withdrawn or the run cancelled
    }
    if (sent.durationMs < 0)
        sent.durationMs = sent.startedAt.msecsTo(QDateTime::currentDateTimeUtc());
    finishStep(ahead.index, status);
    finishRun(m_endStatus, m_endError);
}

} // namespace retort
