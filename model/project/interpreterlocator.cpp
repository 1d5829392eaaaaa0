#include "interpreterlocator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

namespace retort {

namespace {

constexpr int kPoetryTimeoutMs = 5000;

bool isExecutableFile(const QString &path)
{
    const QFileInfo info(path);
    return !path.isEmpty() && info.isFile() && info.isExecutable();
}

} // namespace

QString InterpreterCandidate::sourceText() const
{
    switch (source) {
    case Source::Setting:
        return QCoreApplication::translate("retort::InterpreterLocator", "chosen explicitly");
    case Source::ProjectVenv:
        return QCoreApplication::translate("retort::InterpreterLocator", "the project's virtual environment");
    case Source::VirtualEnv:
        return QCoreApplication::translate("retort::InterpreterLocator", "$VIRTUAL_ENV");
    case Source::Poetry:
        return QCoreApplication::translate("retort::InterpreterLocator", "poetry's environment");
    case Source::AlembicShebang:
        return QCoreApplication::translate("retort::InterpreterLocator", "the alembic command's interpreter");
    case Source::System:
        return QCoreApplication::translate("retort::InterpreterLocator", "the system interpreter");
    }
    return {};
}

InterpreterLocator::InterpreterLocator(QProcessEnvironment environment, QString systemPython)
    : m_environment(std::move(environment))
    , m_systemPython(std::move(systemPython))
{
}

QString InterpreterLocator::venvPython(const QString &venv) const
{
    for (const QString &name : {QStringLiteral("bin/python"), QStringLiteral("bin/python3")}) {
        const QString path = QDir(venv).filePath(name);
        if (isExecutableFile(path))
            return QDir::cleanPath(path);
    }
    return {};
}

QString InterpreterLocator::poetryEnvironment(const QString &projectRoot) const
{
    if (!QFileInfo::exists(QDir(projectRoot).filePath(QStringLiteral("pyproject.toml"))))
        return {};
    const QStringList path = m_environment.value(QStringLiteral("PATH")).split(QLatin1Char(':'), Qt::SkipEmptyParts);
    const QString poetry = QStandardPaths::findExecutable(QStringLiteral("poetry"), path);
    if (poetry.isEmpty())
        return {};
    QProcess process;
    process.setProcessEnvironment(m_environment);
    process.setWorkingDirectory(projectRoot);
    process.start(poetry, {QStringLiteral("env"), QStringLiteral("info"), QStringLiteral("-p")});
    if (!process.waitForFinished(kPoetryTimeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        return {};
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return {};
    return venvPython(QString::fromUtf8(process.readAllStandardOutput()).trimmed());
}

QString InterpreterLocator::shebangInterpreter(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray first = file.readLine(4096).trimmed();
    if (!first.startsWith("#!"))
        return {};
    QStringList words = QString::fromUtf8(first.mid(2)).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return {};
    if (QFileInfo(words.first()).fileName() == QLatin1String("env")) {
        words.removeFirst();
        while (!words.isEmpty() && words.first().startsWith(QLatin1Char('-')))
            words.removeFirst(); // env -S …
        if (words.isEmpty())
            return {};
        const QStringList path = m_environment.value(QStringLiteral("PATH")).split(QLatin1Char(':'), Qt::SkipEmptyParts);
        return QStandardPaths::findExecutable(words.first(), path);
    }
    return words.first();
}

QList<InterpreterCandidate> InterpreterLocator::candidates(const QString &projectRoot) const
{
    QList<InterpreterCandidate> list;
    const auto add = [&list](const QString &path, InterpreterCandidate::Source source) {
        if (!isExecutableFile(path))
            return;
        for (const InterpreterCandidate &existing : std::as_const(list)) {
            if (existing.path == path)
                return;
        }
        list.append({path, source});
    };
    if (!projectRoot.isEmpty()) {
        for (const QString &name : {QStringLiteral(".venv"), QStringLiteral("venv")})
            add(venvPython(QDir(projectRoot).filePath(name)), InterpreterCandidate::Source::ProjectVenv);
    }
    const QString virtualEnv = m_environment.value(QStringLiteral("VIRTUAL_ENV"));
    if (!virtualEnv.isEmpty())
        add(venvPython(virtualEnv), InterpreterCandidate::Source::VirtualEnv);
    if (!projectRoot.isEmpty())
        add(poetryEnvironment(projectRoot), InterpreterCandidate::Source::Poetry);
    const QStringList path = m_environment.value(QStringLiteral("PATH")).split(QLatin1Char(':'), Qt::SkipEmptyParts);
    const QString alembic = QStandardPaths::findExecutable(QStringLiteral("alembic"), path);
    if (!alembic.isEmpty())
        add(shebangInterpreter(alembic), InterpreterCandidate::Source::AlembicShebang);
    add(m_systemPython, InterpreterCandidate::Source::System);
    return list;
}

InterpreterCandidate InterpreterLocator::locate(const QString &projectRoot, const QString &setting) const
{
    if (!setting.isEmpty())
        return {setting, InterpreterCandidate::Source::Setting};
    const QList<InterpreterCandidate> list = candidates(projectRoot);
    if (!list.isEmpty())
        return list.constFirst();
    return {m_systemPython, InterpreterCandidate::Source::System};
}

} // namespace retort
