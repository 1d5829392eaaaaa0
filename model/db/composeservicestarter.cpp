#include "composeservicestarter.h"

#include "connectiontester.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

namespace retort {

ComposeServiceStarter::ComposeServiceStarter(QObject *parent)
    : QObject(parent)
    , m_upTimer(new QTimer(this))
{
    m_upTimer->setSingleShot(true);
    connect(m_upTimer, &QTimer::timeout, this, [this] {
        finish(tr("docker compose up -d %1 (%2) did not finish within %3 s")
                   .arg(m_service.name, m_file)
                   .arg(m_upMs / 1000));
    });
}

ComposeServiceStarter::~ComposeServiceStarter()
{
    if (m_cancelWait)
        m_cancelWait->store(true);
    // The running docker, and one killed by finish() that has not stopped yet.
    const QList<QProcess *> processes = findChildren<QProcess *>();
    for (QProcess *process : processes) {
        process->disconnect(this);
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(5000);
        }
    }
    const QList<QThread *> threads = findChildren<QThread *>();
    for (QThread *thread : threads)
        thread->wait();
}

void ComposeServiceStarter::setTimeouts(int upMs, int acceptMs)
{
    m_upMs = upMs;
    m_acceptMs = acceptMs;
}

QString ComposeServiceStarter::what() const
{
    return tr("the service “%1” of %2").arg(m_service.name, m_file);
}

bool ComposeServiceStarter::start(const QString &composeFile, const DockerCompose::Service &service,
                                  const ConnectionProfile &profile, const QString &password)
{
    if (isBusy()) {
        const QString message = tr("%1 is still starting; cancel it first").arg(m_service.name);
        QMetaObject::invokeMethod(
            this, [this, message] { emit failed(message); }, Qt::QueuedConnection);
        return false;
    }
    ++m_generation;
    m_file = composeFile;
    m_service = service;
    m_profile = profile;
    m_password = password;
    m_lastOutput.clear();
    m_partialLine.clear();
    setState(State::Starting);

    const QString docker = QStandardPaths::findExecutable(QStringLiteral("docker"));
    if (docker.isEmpty()) {
        // Queued, like every other answer: callers connect after start() returns.
        const QString message = tr("The docker command was not found (PATH), so %1 cannot be started").arg(what());
        QMetaObject::invokeMethod(
            this, [this, message] { finish(message); }, Qt::QueuedConnection);
        return true;
    }
    auto *process = new QProcess(this);
    m_process = process;
    process->setWorkingDirectory(QFileInfo(composeFile).absolutePath());
    process->setProcessChannelMode(QProcess::MergedChannels);
    connect(process, &QProcess::readyRead, this, &ComposeServiceStarter::readOutput);
    connect(process, &QProcess::finished, this, &ComposeServiceStarter::processFinished);
    connect(process, &QProcess::errorOccurred, this, &ComposeServiceStarter::processError);
    emit output(QStringLiteral("$ docker ") + DockerCompose::upArguments(composeFile, service.name).join(u' '));
    process->start(docker, DockerCompose::upArguments(composeFile, service.name));
    m_upTimer->start(m_upMs);
    return true;
}

void ComposeServiceStarter::readOutput()
{
    if (!m_process)
        return;
    m_partialLine += m_process->readAll();
    qsizetype end;
    while ((end = m_partialLine.indexOf('\n')) >= 0) {
        const QString line = QString::fromLocal8Bit(m_partialLine.left(end)).trimmed();
        m_partialLine.remove(0, end + 1);
        if (line.isEmpty())
            continue;
        m_lastOutput = line;
        emit output(line);
    }
}

void ComposeServiceStarter::processFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_state != State::Starting)
        return;
    readOutput();
    if (!m_partialLine.trimmed().isEmpty()) {
        m_lastOutput = QString::fromLocal8Bit(m_partialLine).trimmed();
        emit output(m_lastOutput);
        m_partialLine.clear();
    }
    m_upTimer->stop();
    std::exchange(m_process, nullptr)->deleteLater();
    if (status != QProcess::NormalExit || exitCode != 0) {
        const QString why = status != QProcess::NormalExit ? tr("docker crashed") : tr("exit code %1").arg(exitCode);
        finish(tr("docker compose up -d %1 (%2) failed: %3%4")
                   .arg(m_service.name, m_file, why,
                        m_lastOutput.isEmpty() ? QString() : QStringLiteral(": ") + m_lastOutput));
        return;
    }
    startWaiting();
}

void ComposeServiceStarter::processError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart || m_state != State::Starting)
        return; // a crash or a non-zero exit arrives as finished()
    m_upTimer->stop();
    const QString reason = m_process ? m_process->errorString() : QString();
    if (m_process)
        std::exchange(m_process, nullptr)->deleteLater(); // no finished() follows a failed start
    finish(tr("docker could not be started for %1: %2").arg(what(), reason));
}

void ComposeServiceStarter::startWaiting()
{
    setState(State::Waiting);
    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_cancelWait = cancel;
    QPointer<ComposeServiceStarter> self(this);
    const quint64 generation = m_generation;
    const ConnectionProfile profile = m_profile;
    const QString password = m_password;
    const int acceptMs = m_acceptMs;
    QThread *thread = QThread::create([self, generation, profile, password, acceptMs, cancel] {
        const ConnectionTestResult result =
            ConnectionTester::waitUntilAccepting(profile, password, QDeadlineTimer(acceptMs), 250, cancel.get());
        QMetaObject::invokeMethod(
            self.data(),
            [self, generation, result, cancel] {
                if (!self || generation != self->m_generation || cancel->load() || self->m_state != State::Waiting)
                    return;
                if (result.outcome == ConnectionTestResult::Outcome::Unreachable ||
                    result.outcome == ConnectionTestResult::Outcome::Other) {
                    self->finish(tr("%1 did not accept PostgreSQL connections at %2:%3 within %4 s: %5")
                                     .arg(self->what(), self->m_profile.host)
                                     .arg(self->m_profile.port)
                                     .arg(self->m_acceptMs / 1000)
                                     .arg(result.message));
                    return;
                }
                const ConnectionProfile ready = self->m_profile;
                self->m_cancelWait.reset();
                self->m_password.clear();
                self->setState(State::Idle);
                emit self->ready(ready, result);
            },
            Qt::QueuedConnection);
    });
    thread->setParent(this);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void ComposeServiceStarter::cancel()
{
    if (!isBusy())
        return;
    finish(tr("Starting %1 was cancelled").arg(what()));
}

void ComposeServiceStarter::finish(const QString &failure)
{
    if (m_state == State::Idle)
        return;
    ++m_generation; // answers of this attempt still on their way are dropped
    m_upTimer->stop();
    if (m_cancelWait) {
        m_cancelWait->store(true);
        m_cancelWait.reset();
    }
    if (m_process) {
        QProcess *process = std::exchange(m_process, nullptr);
        process->disconnect(this);
        if (process->state() == QProcess::NotRunning) {
            process->deleteLater();
        } else {
            connect(process, &QProcess::finished, process, &QObject::deleteLater);
            process->kill();
        }
    }
    m_password.clear();
    setState(State::Idle);
    emit failed(failure);
}

void ComposeServiceStarter::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

} // namespace retort
