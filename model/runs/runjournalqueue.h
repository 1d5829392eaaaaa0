#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>
#include <functional>

namespace retort {

class RunJournal;

/// A run's writes to its journal, queued and written together: a write waits at most kDelayMs for
/// the ones that follow it (one transaction for all), flush() writes at once (before a step is sent,
/// as a run pauses or ends). Written means committed; on the disk within RunJournal::kSyncIntervalMs,
/// or at once with flush(true). The first failure is kept (error()): the run stops at its next step
/// boundary. GUI-thread only, like the runner that owns it.
class RunJournalQueue : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDelayMs = 50;
    using Write = std::function<QString(RunJournal &)>;

    explicit RunJournalQueue(QObject *parent = nullptr);

    /// \a journal may be null (nothing is written); not owned.
    void setJournal(RunJournal *journal) { m_journal = journal; }
    RunJournal *journal() const { return m_journal; }

    /// Queues \a write (a RunJournal call returning its error) for the next flush.
    void later(Write write);
    /// Writes what is queued in one transaction, on the disk at once when \a onDisk.
    void flush(bool onDisk = false);

    /// Remembers \a error if it is the first one since clearError().
    void note(const QString &error);
    QString error() const { return m_error; }
    void clearError() { m_error.clear(); }

private:
    /// Puts the journal's committed writes on the disk once that is due.
    void syncWhenDue();

    RunJournal *m_journal = nullptr;
    QList<Write> m_queue;
    QString m_error;
    QTimer m_flushTimer;
    QTimer m_syncTimer;
};

} // namespace retort
