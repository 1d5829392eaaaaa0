#pragma once

#include <QStringList>
#include <QTextStream>

class QCommandLineParser;

namespace retort::cli {

/// Exit codes of retort-cli; CI jobs act on them, so they are part of the contract.
enum ExitCode {
    ExitOk = 0,
    ExitErrors = 1,         ///< the project has error diagnostics, or could not be loaded, or the database not read
    ExitRejectedTarget = 2, ///< Alembic would reject the requested target
    ExitAlembicFailed = 3,  ///< Alembic raised (a revision module, env.py, a command error) or its helper failed
    ExitStopped = 4,        ///< a run stopped before its target: cancelled, or declined at a step
    /// A rollback verification found that a downgrade does not restore the schema its upgrade started
    /// from (or that upgrading again gives another schema); the difference is printed object by object
    ExitNotReversible = 5,
    ExitUsage = 64,         ///< bad command line
    ExitUnavailable = 69,   ///< no usable Python interpreter with Alembic (EX_UNAVAILABLE)
    ExitIoError = 74,       ///< output could not be written (EX_IOERR)
};

/// Streams the commands write to; tests can capture them.
struct CliStreams
{
    QTextStream &out;
    QTextStream &err;
};

/// Parses \a arguments. False when the command is done already: a usage error (said on err, *\a code
/// ExitUsage) or --help (printed on out, *\a code ExitOk).
bool parseOrHelp(QCommandLineParser &parser, const QStringList &arguments, CliStreams streams, const char *command,
                 int *code);

int runGraphCommand(const QStringList &arguments, CliStreams streams);
int runPlanCommand(const QStringList &arguments, CliStreams streams);
int runSqlCommand(const QStringList &arguments, CliStreams streams);
int runRevisionCommand(const QStringList &arguments, CliStreams streams);
int runMergeCommand(const QStringList &arguments, CliStreams streams);
int runSchemaCommand(const QStringList &arguments, CliStreams streams);
int runCurrentCommand(const QStringList &arguments, CliStreams streams);
int runRunCommand(const QStringList &arguments, CliStreams streams);
int runRunsCommand(const QStringList &arguments, CliStreams streams);
int runVerifyCommand(const QStringList &arguments, CliStreams streams);

} // namespace retort::cli
