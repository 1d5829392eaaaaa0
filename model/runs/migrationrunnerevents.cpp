// MigrationRunner's handling of what the helper reports while a step runs: its backend, each
// statement as it starts and ends (recorded in the journal, a quick statement in one write), and
// the project's output. The rest of the runner is in migrationrunner.cpp.
#include "migrationrunner.h"

#include "runjournal.h"
#include "runtext.h"

#include <QDateTime>

#include <memory>

namespace retort {

void MigrationRunner::handleEvent(quint64 id, const QString &name, const QJsonObject &data)
{
    const StepsAhead::Step *ahead = m_ahead.find(id);
    const int index = id == 0 ? -1 : id == m_request ? m_step : ahead && ahead->started ? ahead->index : -1;
    if (index < 0 || m_state == State::Preparing || index >= m_record.steps.size())
        return;
    RunStepRecord &current = m_record.steps[index];
    if (name == QLatin1String("output")) { // one line
        appendOutput(index, data.value(QLatin1String("text")).toString().trimmed());
        return;
    }
    if (name == QLatin1String("backend")) {
        m_backendPid = data.value(QLatin1String("pid")).toInt();
        if (m_cancelRequested && m_backendPid > 0) // cancelled before the helper said where it runs
            cancel();
        return;
    }
    const int sequence = data.value(QLatin1String("sequence")).toInt();
    if (name == QLatin1String("statement_started")) {
        StatementRecord statement;
        statement.sequence = sequence;
        statement.sql = data.value(QLatin1String("sql")).toString().trimmed();
        const double at = data.value(QLatin1String("at")).toDouble();
        statement.startedAt = at > 0 ? QDateTime::fromMSecsSinceEpoch(qint64(at * 1000), Qt::UTC)
                                     : QDateTime::currentDateTimeUtc();
        current.statements.append(statement);
        // Written with the next journal write; a statement that has ended by then in one INSERT.
        auto unwritten = std::make_shared<StatementRecord>(statement);
        m_unwrittenStatements.insert({index, sequence}, unwritten);
        journalLater([this, id = m_record.id, index, unwritten](RunJournal &journal) {
            m_unwrittenStatements.remove({index, unwritten->sequence});
            return journal.statementStarted(id, index, *unwritten);
        });
        emit statementStarted(index, statement);
        return;
    }
    for (StatementRecord &statement : current.statements) {
        if (statement.sequence != sequence)
            continue;
        statement.durationUs = data.value(QLatin1String("duration_us")).toInteger(-1);
        statement.rowsAffected = data.value(QLatin1String("rows")).toInteger(-1);
        statement.notices = jsonStrings(data.value(QLatin1String("notices")));
        statement.error = data.value(QLatin1String("error")).toString();
        if (const std::shared_ptr<StatementRecord> unwritten = m_unwrittenStatements.value({index, sequence}))
            *unwritten = statement; // its start is not written yet: written as it ended
        else
            journalLater([id = m_record.id, index, statement](RunJournal &journal) {
                return journal.statementFinished(id, index, statement.sequence, statement.durationUs,
                                                 statement.rowsAffected, statement.notices, statement.error);
            });
        emit statementFinished(index, statement);
        return;
    }
}

void MigrationRunner::handleLog(const QString &line)
{
    // Output that reached the helper's stderr around Python (a subprocess's) is no request's: it
    // belongs to the step the helper works on. (What Python code prints comes as "output" events.)
    const int index = m_ahead.started() ? m_ahead.first().index : m_request ? m_step : -1;
    if (index < 0 || m_state == State::Preparing || index >= m_record.steps.size())
        return;
    appendOutput(index, line);
}

void MigrationRunner::appendOutput(int index, const QString &line)
{
    if (line.isEmpty())
        return;
    RunStepRecord &current = m_record.steps[index];
    if (!current.output.isEmpty())
        current.output += QLatin1Char('\n');
    current.output += line;
    journalLater([id = m_record.id, index, text = line + QLatin1Char('\n')](RunJournal &journal) {
        return journal.stepOutput(id, index, text);
    });
    emit stepOutput(index, line);
}

} // namespace retort
