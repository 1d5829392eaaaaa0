#include "writeridentity.h"

#include <QCoreApplication>
#include <QFile>
#include <QMutex>
#include <QSet>
#include <QSysInfo>
#include <cerrno>
#include <signal.h>

namespace retort {

namespace {

QMutex liveMutex;
QSet<QString> liveTokens;

QString readBootId()
{
    QFile file(QStringLiteral("/proc/sys/kernel/random/boot_id"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(file.readAll().trimmed());
}

/// Field 22 (starttime) of /proc/<pid>/stat; 0 when it cannot be read. The command name (field 2)
/// is in parentheses and may hold spaces, so counting starts after the last ')'.
qint64 readStartTicks(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = file.readAll();
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return 0;
    const QList<QByteArray> fields = stat.mid(close + 1).simplified().split(' ');
    constexpr int startTimeField = 22 - 3; // fields after ')' begin with field 3 (state)
    return fields.size() > startTimeField ? fields.at(startTimeField).toLongLong() : 0;
}

} // namespace

WriterIdentity WriterIdentity::current(const QString &token)
{
    const qint64 pid = QCoreApplication::applicationPid();
    return {QSysInfo::machineHostName(), readBootId(), pid, readStartTicks(pid), token};
}

void WriterIdentity::setInstanceAlive(const QString &token, bool alive)
{
    const QMutexLocker lock(&liveMutex);
    if (alive)
        liveTokens.insert(token);
    else
        liveTokens.remove(token);
}

bool WriterIdentity::isAlive() const
{
    const WriterIdentity self = current(QString());
    // WAL needs shared memory, so every writer of one journal runs on one machine: a run written
    // elsewhere (a journal copied here) is not being written now.
    if (host != self.host || (!bootId.isEmpty() && bootId != self.bootId))
        return false;
    if (pid == self.pid) {
        const QMutexLocker lock(&liveMutex);
        return startTicks == self.startTicks && liveTokens.contains(token);
    }
    if (pid <= 0)
        return false;
    const qint64 ticks = readStartTicks(pid);
    if (ticks != 0 || startTicks != 0)
        return ticks == startTicks;
    // No /proc: ask the kernel whether the pid exists at all.
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

QString WriterIdentity::describe() const
{
    return QStringLiteral("pid %1 on %2").arg(pid).arg(host);
}

} // namespace retort
