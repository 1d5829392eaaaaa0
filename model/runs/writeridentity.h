#pragma once

#include <QString>

namespace retort {

/// Who writes a run into a journal: the machine, its boot, the process (pid and start time, so a
/// reused pid is not mistaken for it) and one RunJournal instance within that process.
/// A run whose writer is no longer alive, but whose status is still running or paused, was
/// interrupted.
struct WriterIdentity
{
    QString host;
    QString bootId; ///< Linux's boot_id; empty where there is none
    qint64 pid = 0;
    qint64 startTicks = 0; ///< the process's start time as /proc/<pid>/stat has it; 0 when unknown
    QString token;         ///< the RunJournal instance

    /// This process, with \a token for the instance.
    static WriterIdentity current(const QString &token);
    /// Marks the instance \a token of this process as alive (open) or gone (closed).
    static void setInstanceAlive(const QString &token, bool alive);

    /// Whether this writer can still be writing: the same machine and boot, a live process with
    /// the same start time and, in this process, an instance that is still open.
    bool isAlive() const;
    /// "pid 4711 on build-01", for messages.
    QString describe() const;

    bool operator==(const WriterIdentity &) const = default;
};

} // namespace retort
