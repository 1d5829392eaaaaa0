#pragma once

#include "clicommand.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

namespace retort {
class MigrationRunner;
struct RunStepRecord;
}

namespace retort::cli {

/// What `retort-cli run` prints while a run goes: each step's first line as it starts, its statements
/// and its end. Steps are printed one after the other even when the next one starts before the one
/// before it is checked (MigrationRunner sends steps ahead): the next one's lines wait for that end.
/// A step's first line is written at once; the lines that follow within kOutputDelayMs, one write for
/// what a quick step printed.
class RunProgressPrinter : public QObject
{
    Q_OBJECT

public:
    static constexpr int kOutputDelayMs = 50;

    /// \a stepFailed is called after a failed step's end is printed (to say more about its error).
    RunProgressPrinter(MigrationRunner &runner, int steps, QTextStream &out,
                       std::function<void(const RunStepRecord &)> stepFailed, QObject *parent = nullptr);

    /// Writes what waits (before a question, or at the end).
    void flush();

private:
    /// Prints \a text for step \a index now, or keeps it until the step before it has ended.
    void write(int index, const QString &text, bool urgent);

    QTextStream &m_out;
    int m_steps = 0;
    int m_shown = -1;        ///< the step whose lines are printed as they come
    bool m_shownEnded = true;
    int m_waitingIndex = -1; ///< the step whose lines wait for m_shown's end
    QString m_waiting;
    QTimer m_later;
};

} // namespace retort::cli
