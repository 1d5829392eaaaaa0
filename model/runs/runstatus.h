#pragma once

#include <QString>

namespace retort {

/// Where a run or one of its steps stands. Stored in the journal by name (statusName), so the
/// names never change once written.
enum class RunStatus {
    Planned,     ///< written down, not started
    Running,     ///< started and not yet finished; after a restart this means "interrupted"
    Paused,      ///< stopped between steps on request; can be resumed
    Succeeded,
    Failed,
    Cancelled,
    Interrupted, ///< Retort, the helper or the server died while it ran
};

QString statusName(RunStatus status);
/// The status named \a name; Interrupted for names it does not know.
RunStatus statusFromName(const QString &name);
/// Succeeded, Failed, Cancelled and Interrupted: nothing more will happen to it.
bool isFinal(RunStatus status);

} // namespace retort
