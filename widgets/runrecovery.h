#pragma once

#include "rundestination.h"
#include "runrecord.h"

#include <QObject>
#include <QPointer>

class QMessageBox;
class QWidget;

namespace retort {

class AlembicService;
class RunJournal;

/// Runs that a crash interrupted (Retort, the helper or the server died while they ran), found in
/// the journal at start: each is shown with its last known state and the database's real
/// alembic_version, and the user chooses what to do — retry (a new plan from where the database
/// really is), stamp alembic_version to a chosen revision after confirmation, or just close the run
/// as interrupted. Nothing happens to the database without a click.
class RunRecovery : public QObject
{
    Q_OBJECT

public:
    RunRecovery(RunJournal &journal, AlembicService *alembic, QWidget *dialogParent, QObject *parent = nullptr);

    /// Reads the journal again; returns the interrupted runs, newest first.
    QList<RunRecord> refresh();
    const QList<RunRecord> &interrupted() const { return m_interrupted; }
    /// Offers recovery of the newest interrupted run on \a destination (which must be the run's database).
    void recover(const RunDestination &destination);
    /// The open recovery question, for tests.
    QMessageBox *question() const { return m_question; }

    /// The text that explains run \a run and where the database is now.
    static QString explain(const RunRecord &run, const QStringList &actual);

signals:
    void interruptedChanged(int count);
    /// The user chose to retry: plan \a target again from where the database is.
    void retryRequested(const retort::RunDestination &destination, const QString &target, bool upgrade);
    void info(const QString &message);
    void error(const QString &message);

private:
    void ask(const RunDestination &destination, const RunRecord &run, const QStringList &actual);
    void stamp(const RunDestination &destination, const RunRecord &run, const QStringList &revisions);
    void close(const RunRecord &run, const QStringList &actual, const QString &reason);

    RunJournal &m_journal;
    AlembicService *m_alembic = nullptr;
    QWidget *m_dialogParent = nullptr;
    QList<RunRecord> m_interrupted;
    QPointer<QMessageBox> m_question;
};

} // namespace retort
