#pragma once

// Shared by the tests that run a program to its end and look at what it printed: retort-cli in
// tst_cligraph, tst_cliplan, tst_clisql, tst_clirevision, tst_cliusage, tst_clischema, tst_clirun and
// tst_cliverify, and Alembic beside it (alembiccommand.h, tst_clischema).

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <type_traits>

namespace retort::test {

/// How a program ran: whether it started, its exit code (-1 when it did not start, crashed or was
/// killed) and what it wrote, as bytes (QByteArray) or as UTF-8 text (QString).
template <typename Text = QByteArray>
struct ProcessRun
{
    static_assert(std::is_same_v<Text, QByteArray> || std::is_same_v<Text, QString>);

    bool started = false;
    int exitCode = -1;
    Text out;
    Text err;

    /// The exit code and the start of both outputs, for a failed check's message.
    QString describe() const
    {
        return QStringLiteral("exit %1\n--- stdout\n%2\n--- stderr\n%3")
            .arg(exitCode)
            .arg(asText(out).left(6000), asText(err).left(4000));
    }

private:
    static QString asText(const QString &text) { return text; }
    static QString asText(const QByteArray &bytes) { return QString::fromUtf8(bytes); }
};

/// Where and how runProcess() runs a program.
struct ProcessOptions
{
    QString workingDirectory = {}; ///< empty: this process's own
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QByteArray input = {};         ///< written to its stdin, which is then closed
    int timeoutMs = 120'000;       ///< how long it may take before it is killed
};

/// Runs \a program with \a arguments to its end (30 s to start, then options.timeoutMs).
template <typename Text = QByteArray>
ProcessRun<Text> runProcess(const QString &program, const QStringList &arguments, const ProcessOptions &options = {})
{
    QProcess process;
    process.setProcessEnvironment(options.environment);
    if (!options.workingDirectory.isEmpty())
        process.setWorkingDirectory(options.workingDirectory);
    process.start(program, arguments);
    ProcessRun<Text> result;
    result.started = process.waitForStarted(30'000);
    if (!result.started)
        return result;
    if (!options.input.isEmpty())
        process.write(options.input);
    process.closeWriteChannel();
    if (!process.waitForFinished(options.timeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    if constexpr (std::is_same_v<Text, QString>) {
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
    } else {
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
    }
    return result;
}

/// The non-empty lines of what a program printed.
inline QStringList lines(const QByteArray &text)
{
    return QString::fromUtf8(text).split(u'\n', Qt::SkipEmptyParts);
}

/// This process's environment without DATABASE_URL and RETORT_DATABASE_URL, so that a program
/// reaches only the database a test names.
inline QProcessEnvironment environmentWithoutDatabaseUrl()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DATABASE_URL"));
    env.remove(QStringLiteral("RETORT_DATABASE_URL"));
    return env;
}

/// `retort-cli COMMAND ARGUMENTS` as the run tests call it (tst_clirun, tst_cliverify): no database URL
/// in its environment, its journal at \a journal unless the arguments name one, Debian's python3 for
/// the commands that run Alembic (run, verify), \a input on stdin, and up to 4 minutes.
inline ProcessRun<QString> runJournalledCli(const QString &command, QStringList arguments, const QString &journal,
                                            const QByteArray &input = {})
{
    if (!arguments.contains(QStringLiteral("--journal")))
        arguments += QStringList{QStringLiteral("--journal"), journal};
    if (command == QStringLiteral("run") || command == QStringLiteral("verify"))
        arguments += QStringList{QStringLiteral("--python"), QStringLiteral("/usr/bin/python3")};
    ProcessOptions options;
    options.environment = environmentWithoutDatabaseUrl();
    options.input = input;
    options.timeoutMs = 240'000;
    return runProcess<QString>(QStringLiteral(RETORT_CLI_PATH), QStringList{command} + arguments, options);
}

} // namespace retort::test
