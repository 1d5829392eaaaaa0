#pragma once

#include <QList>
#include <QProcessEnvironment>
#include <QString>

namespace retort {

/// A Python interpreter Retort could run the Alembic helper with, and why it was considered.
struct InterpreterCandidate
{
    enum class Source { Setting, ProjectVenv, VirtualEnv, Poetry, AlembicShebang, System };

    QString path;
    Source source = Source::System;

    /// Where it came from, in words: "project .venv", "$VIRTUAL_ENV", …
    QString sourceText() const;
    bool operator==(const InterpreterCandidate &) const = default;
};

/// Finds the project's Python, in the order a user would expect: the project's own `.venv` or
/// `venv`, the active `$VIRTUAL_ENV`, poetry's environment for the project (when poetry is
/// installed and the project has a pyproject.toml), the interpreter named in the shebang of the
/// `alembic` script on PATH, and finally `/usr/bin/python3`. Never a bare `python3` from PATH: on
/// many machines that is a different interpreter from the one that has Alembic.
class InterpreterLocator
{
public:
    /// \a systemPython is the last resort (a parameter so tests can replace it).
    explicit InterpreterLocator(QProcessEnvironment environment = QProcessEnvironment::systemEnvironment(),
                                QString systemPython = QStringLiteral("/usr/bin/python3"));

    /// Every candidate that exists and is executable, best first, without duplicates. Asking poetry
    /// runs `poetry env info -p` (at most a few seconds): call this off the GUI thread.
    QList<InterpreterCandidate> candidates(const QString &projectRoot) const;
    /// The first candidate, or \a setting when it is non-empty (the user's explicit choice, even if it
    /// does not exist: the bridge then says so).
    InterpreterCandidate locate(const QString &projectRoot, const QString &setting = QString()) const;

    /// The interpreter of a `#!` line (`#!/usr/bin/python3`, `#!/usr/bin/env python3` resolved on
    /// PATH); empty when \a path is not such a script.
    QString shebangInterpreter(const QString &path) const;

private:
    QString venvPython(const QString &venv) const;
    QString poetryEnvironment(const QString &projectRoot) const;

    QProcessEnvironment m_environment;
    QString m_systemPython;
};

} // namespace retort
