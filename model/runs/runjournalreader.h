#pragma once

#include "runrecord.h"
#include "writeridentity.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <utility>

namespace retort {

/// Reads runs from a run journal's open connection. Each call returns an empty string on success,
/// else SQLite's reason; RunJournal wraps the calls in a read transaction and names the file.
class RunJournalReader
{
public:
    explicit RunJournalReader(const QSqlDatabase &db);

    /// Run headers (no steps), newest first; all profiles when \a profile is empty; all when limit < 0.
    QString headers(const QString &profile, int limit, QList<RunRecord> &runs);
    /// The whole run: header, steps with their statements and output, verification.
    QString run(qint64 runId, RunRecord &run);
    /// The runs still running or paused, newest first, with their writers.
    QString unfinished(QList<std::pair<qint64, WriterIdentity>> &runs);
    /// A run's status and writer.
    QString writer(qint64 runId, RunStatus &status, WriterIdentity &writer);
    /// Empty when run \a runId has a step \a stepIndex.
    QString hasStep(qint64 runId, int stepIndex);

private:
    QString select(QSqlQuery &query, const QString &sql, const QVariantList &values);
    QString readSteps(RunRecord &run);

    QSqlDatabase m_db;
};

} // namespace retort
