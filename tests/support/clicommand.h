#pragma once

// Shared by the retort-cli tests that check its answers against real Alembic (tst_cligraph, tst_cliplan,
// tst_clisql, tst_clirevision, tst_cliusage): retort-cli and the projects it is run on, the check that
// both it and Alembic are there, and its JSON read back.

#include "alembiccommand.h"
#include "processrun.h"

#include <QByteArray>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonValue>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTest>

namespace retort::test {

inline const QString kCli = QStringLiteral(RETORT_CLI_PATH);
inline const QString kDemo = QStringLiteral(RETORT_EXAMPLES_DIR "/demo");
inline const QString kBroken = QStringLiteral(RETORT_FIXTURES_DIR "/cli/broken");     ///< tests/fixtures/cli/README.md
inline const QString kBranches = QStringLiteral(RETORT_FIXTURES_DIR "/cli/branches"); ///< tests/fixtures/cli/README.md

inline ProcessRun<QByteArray> run(const QString &program, const QStringList &arguments,
                                  const QString &workingDirectory = QString(),
                                  const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    return runProcess(program, arguments, {.workingDirectory = workingDirectory, .environment = environment});
}

inline ProcessRun<QByteArray> cli(const QStringList &arguments, const QString &workingDirectory = QString())
{
    return run(kCli, arguments, workingDirectory);
}

/// For initTestCase(): fails unless retort-cli is built, real Alembic is installed and the demo is there.
inline void verifyCliAndAlembicAreThere()
{
    QVERIFY2(QFileInfo(kCli).isExecutable(),
             qPrintable(kCli + QStringLiteral(" is not built (build the retort-cli target)")));
    QVERIFY2(QFileInfo(kAlembic).isExecutable(),
             "/usr/bin/alembic is missing: install Debian's alembic package; this test needs real Alembic");
    const ProcessRun<QByteArray> version =
        run(kPython, {QStringLiteral("-c"), QStringLiteral("import alembic; print(alembic.__version__)")});
    QVERIFY2(version.started && version.exitCode == 0,
             qPrintable(QStringLiteral("/usr/bin/python3 cannot import alembic (python3-alembic): ")
                        + version.describe()));
    QVERIFY2(QFileInfo::exists(kDemo + QStringLiteral("/alembic.ini")), qPrintable(kDemo));
}

/// A JSON array of strings, such as "heads" or "down_revisions" in `retort-cli graph --format json`.
inline QStringList toStringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &v : value.toArray())
        list.append(v.toString());
    return list;
}

} // namespace retort::test
