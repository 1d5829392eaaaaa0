#pragma once

// Shared by the retort-cli tests that check its answers against real Alembic (tst_cligraph, tst_cliplan,
// tst_clisql, tst_clirevision, tst_cliusage): Debian's Alembic 1.8.1, run as a program.
//
// Alembic is part of those tests, not an optional extra: when /usr/bin/alembic or Debian's
// python3-alembic is missing they FAIL (Retort's answers mean nothing unchecked).
//
// Alembic 1.8.1 loads revision files in os.listdir() order, which depends on the file system;
// Retort (like Alembic >= 1.10) sorts them by name, and that order breaks ties in `history` and
// in plans. Where order matters, Alembic is therefore run through a two-line wrapper that sorts
// the listing (kSortedAlembic, alembic()); `alembic heads` itself is also run as the plain
// /usr/bin/alembic.

#include "processrun.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace retort::test {

inline const QString kAlembic = QStringLiteral("/usr/bin/alembic");
inline const QString kPython = QStringLiteral("/usr/bin/python3"); ///< Debian's, which has python3-alembic

/// `alembic ARGS...` with the versions listing sorted (see the comment at the top).
inline const QString kSortedAlembic = QStringLiteral(R"(import sys
sys.dont_write_bytecode = True
from alembic.script import base
_list = base.Script._list_py_dir.__func__
base.Script._list_py_dir = classmethod(lambda cls, sd, path: sorted(_list(cls, sd, path)))
from alembic.config import main
main(argv=sys.argv[1:], prog="alembic")
)");

/// Environment for Alembic: never write bytecode into the source tree, SQLite database in `db`.
inline QProcessEnvironment alembicEnvironment(const QString &databaseFile = QString())
{
    QProcessEnvironment env = environmentWithoutDatabaseUrl();
    env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    if (!databaseFile.isEmpty())
        env.insert(QStringLiteral("RETORT_DATABASE_URL"), QStringLiteral("sqlite:///") + databaseFile);
    return env;
}

/// Real Alembic (sorted file listing) in `project`, a folder holding alembic.ini.
inline ProcessRun<QByteArray> alembic(const QString &project, const QStringList &arguments,
                                      const QString &databaseFile = QString())
{
    return runProcess(kPython, QStringList{QStringLiteral("-c"), kSortedAlembic} + arguments,
                      {.workingDirectory = project, .environment = alembicEnvironment(databaseFile)});
}

/// Revision ids from `alembic heads` lines ("09360dc33310 (head)", "audit_0002 (audit) (head)").
inline QStringList headIds(const QByteArray &output)
{
    QStringList ids;
    for (const QString &line : lines(output))
        ids.append(line.section(u' ', 0, 0));
    return ids;
}

} // namespace retort::test
