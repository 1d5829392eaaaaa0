#include "runjournalqueue.h"

#include "runjournal.h"

#include <algorithm>
#include <utility>

namespace retort {

RunJournalQueue::RunJournalQueue(QObject *parent)
    : QObject(parent)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kDelayMs);
    connect(&m_flushTimer, &QTimer::timeout, this, [this] { flush(); });
    m_syncTimer.setSingleShot(true);
    connect(&m_syncTimer, &QTimer::timeout, this, [this] {
        if (m_journal)
            note(m_journal->sync());
    });
}

void RunJournalQueue::note(const QString &error)
{
    if (!error.isEmpty() && m_error.isEmpty())
        m_error = error;
}

void RunJournalQueue::later(Write write)
{
    if (!m_journal)
        return;
    m_queue.append(std::move(write));
    // What else arrives in the meantime goes into the same transaction.
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void RunJournalQueue::flush(bool onDisk)
{
    m_flushTimer.stop();
    if (!m_journal)
        return;
    if (m_queue.isEmpty()) {
        if (onDisk)
            note(m_journal->sync());
        syncWhenDue();
        return;
    }
    const QList<Write> writes = std::exchange(m_queue, {});
    RunJournal &journal = *m_journal;
    QString error = journal.group(
        [&] {
            for (const Write &write : writes)
                write(journal);
        },
        onDisk ? RunJournal::Durability::Synced : RunJournal::Durability::Deferred);
    if (!error.isEmpty()) {
        // Nothing of the group was written: write what can be, each on its own, as ungrouped writes.
        error.clear();
        for (const Write &write : writes) {
            const QString failed = write(journal);
            if (error.isEmpty())
                error = failed;
        }
        if (error.isEmpty())
            error = journal.sync();
    }
    note(error);
    syncWhenDue();
}

void RunJournalQueue::syncWhenDue()
{
    const qint64 waited = m_journal ? m_journal->unsyncedForMs() : -1;
    if (waited < 0)
        m_syncTimer.stop();
    else if (!m_syncTimer.isActive())
        m_syncTimer.start(int(std::max<qint64>(0, RunJournal::kSyncIntervalMs - waited)));
}

} // namespace retort
