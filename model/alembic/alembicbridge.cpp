#include "alembicbridge.h"

#include "bridgescript.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>

namespace retort {

namespace {

constexpr int kStderrTailLines = 12;
constexpr int kGarbageShown = 200;

QString methodOf(const QString &method)
{
    return QStringLiteral("“%1”").arg(method);
}

} // namespace

AlembicBridge::AlembicBridge(BridgeLaunch launch, QObject *parent)
    : QObject(parent)
    , m_launch(std::move(launch))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &AlembicBridge::handleTimeout);
}

AlembicBridge::~AlembicBridge()
{
    if (m_process) {
        // A helper still working would not read "shutdown" in time: do not wait for it.
        const bool busy = !m_inFlight.isEmpty();
        m_inFlight.clear(); // no signals from a destructor
        shutdown(busy ? 0 : 1000);
    }
}

qint64 AlembicBridge::processId() const
{
    return m_process ? m_process->processId() : 0;
}

int AlembicBridge::pendingCount() const
{
    int count = 0;
    for (const Pending &pending : m_inFlight)
        count += (!pending.internal && !pending.cancelled) ? 1 : 0;
    return count;
}

quint64 AlembicBridge::request(const QString &method, const QJsonObject &params, int timeoutMs)
{
    Pending pending;
    pending.id = m_nextId++;
    pending.method = method;
    pending.timeoutMs = timeoutMs > 0 ? timeoutMs : m_defaultTimeoutMs;
    pending.line = QJsonDocument(QJsonObject{{QLatin1String("id"), double(pending.id)},
                                             {QLatin1String("method"), method},
                                             {QLatin1String("params"), params}})
                       .toJson(QJsonDocument::Compact);
    m_inFlight.append(pending);
    if (!m_process) {
        startProcess(); // sends everything queued, hello first
    } else {
        send(pending);
        if (m_inFlight.size() == 1)
            armTimer();
    }
    return pending.id;
}

bool AlembicBridge::notify(const QString &method, const QJsonObject &params)
{
    if (!m_process || m_state == State::Stopped)
        return false;
    m_process->write(QJsonDocument(QJsonObject{{QLatin1String("method"), method}, {QLatin1String("params"), params}})
                         .toJson(QJsonDocument::Compact)
                     + '\n');
    return true;
}

void AlembicBridge::start()
{
    if (!m_process)
        startProcess(); // a helper that cannot start says so to the first request
}

void AlembicBridge::cancel(quint64 id)
{
    for (Pending &pending : m_inFlight) {
        if (pending.id == id)
            pending.cancelled = true;
    }
}

void AlembicBridge::shutdown(int graceMs)
{
    if (!m_process)
        return;
    QProcess *process = m_process;
    process->disconnect(this);
    m_process = nullptr;
    m_timer.stop();
    if (process->state() == QProcess::Starting)
        process->waitForStarted(1000); // asked to stop as it starts (a command that ends early)
    if (process->state() == QProcess::Running) {
        process->write(QByteArrayLiteral("{\"id\": 0, \"method\": \"shutdown\"}\n"));
        process->closeWriteChannel();
        if (graceMs <= 0 || !process->waitForFinished(graceMs)) {
            process->kill();
            process->waitForFinished(1000);
        }
    }
    // Later: shutdown() may be called from inside one of the process's own signals.
    process->deleteLater();
    m_state = State::Stopped;
    const QList<Pending> pending = std::exchange(m_inFlight, {});
    for (const Pending &p : pending)
        fail(p, {QStringLiteral("Cancelled"), tr("The Alembic helper was shut down before it answered %1.").arg(methodOf(p.method)), {}, {}, {}});
}

void AlembicBridge::startProcess()
{
    QString error;
    const QString script = m_launch.scriptPath.isEmpty() ? BridgeScript::install(&error) : m_launch.scriptPath;
    if (script.isEmpty()) {
        // Answered from the event loop: request() never answers from within itself.
        QMetaObject::invokeMethod(
            this,
            [this, error] {
                const QList<Pending> pending = std::exchange(m_inFlight, {});
                for (const Pending &p : pending)
                    fail(p, {QStringLiteral("HelperMissing"), tr("Retort cannot write its Alembic helper: %1").arg(error), {}, {}, {}});
            },
            Qt::QueuedConnection);
        return;
    }

    m_process = new QProcess(this);
    m_process->setProgram(m_launch.interpreter);
    // -u: unbuffered; -B: no .pyc files beside the user's revision files.
    m_process->setArguments(QStringList{QStringLiteral("-u"), QStringLiteral("-B"), script} + m_launch.projectArguments);
    m_process->setWorkingDirectory(m_launch.workingDirectory);
    m_process->setProcessEnvironment(m_launch.environment);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &AlembicBridge::readStandardOutput);
    connect(m_process, &QProcess::readyReadStandardError, this, &AlembicBridge::readStandardError);
    connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        readStandardOutput();
        readStandardError();
        handleProcessEnd(status == QProcess::CrashExit ? tr("it crashed or was killed")
                                                       : tr("it exited with code %1").arg(code),
                         QStringLiteral("HelperCrashed"));
    });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError processError) {
        if (processError != QProcess::FailedToStart)
            return; // crashes arrive through finished()
        const QString reason = m_process->errorString();
        // Handled from the event loop: request() must never answer from within itself.
        QMetaObject::invokeMethod(
            this,
            [this, process = m_process, reason] {
                if (m_process == process)
                    handleProcessEnd(reason, QStringLiteral("InterpreterMissing"));
            },
            Qt::QueuedConnection);
    });

    m_state = State::Starting;
    m_versions = {};
    m_stdout.clear();
    m_stderr.clear();
    m_stderrTail.clear();
    Pending hello;
    hello.id = 0;
    hello.method = QStringLiteral("hello");
    hello.internal = true;
    hello.timeoutMs = m_defaultTimeoutMs;
    hello.line = QByteArrayLiteral("{\"id\": 0, \"method\": \"hello\"}");
    m_inFlight.prepend(hello);
    m_process->start();
    for (const Pending &pending : std::as_const(m_inFlight))
        send(pending);
    armTimer();
}

void AlembicBridge::stopProcess()
{
    if (!m_process)
        return;
    m_process->disconnect(this);
    m_process->kill();
    m_process->waitForFinished(1000);
    m_process->deleteLater();
    m_process = nullptr;
    m_timer.stop();
    m_state = State::Stopped;
}

void AlembicBridge::send(const Pending &pending)
{
    m_process->write(pending.line + '\n');
}

void AlembicBridge::armTimer()
{
    if (m_inFlight.isEmpty())
        m_timer.stop();
    else
        m_timer.start(m_inFlight.constFirst().timeoutMs);
}

void AlembicBridge::readStandardOutput()
{
    if (!m_process)
        return;
    m_stdout += m_process->readAllStandardOutput();
    qsizetype newline;
    while (m_process && (newline = m_stdout.indexOf('\n')) >= 0) {
        const QByteArray line = m_stdout.left(newline);
        m_stdout.remove(0, newline + 1);
        if (!line.trimmed().isEmpty())
            handleLine(line);
    }
}

void AlembicBridge::readStandardError()
{
    if (!m_process)
        return;
    m_stderr += m_process->readAllStandardError();
    qsizetype newline;
    while ((newline = m_stderr.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_stderr.left(newline)).trimmed();
        m_stderr.remove(0, newline + 1);
        if (line.isEmpty())
            continue;
        logged(line);
        emit stderrLine(line);
    }
}

void AlembicBridge::logged(const QString &line)
{
    m_stderrTail.append(line);
    if (m_stderrTail.size() > kStderrTailLines)
        m_stderrTail.removeFirst();
    emit logLine(line);
}

void AlembicBridge::handleLine(const QByteArray &line)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    const QJsonObject answer = document.object();
    const QJsonValue id = answer.value(QLatin1String("id"));
    const bool isAnswer = parseError.error == QJsonParseError::NoError && document.isObject() && id.isDouble();
    if (!isAnswer && m_state == State::Starting) {
        // Before the helper has taken over stdout, the interpreter's start-up (a sitecustomize, a
        // .pth file, a wrapper script) may print: that is log, not protocol.
        emit logLine(QString::fromUtf8(line).trimmed());
        return;
    }
    if (!isAnswer || m_inFlight.isEmpty()) {
        QString shown = QString::fromUtf8(line.left(kGarbageShown));
        if (line.size() > kGarbageShown)
            shown += QStringLiteral("…");
        recover({QStringLiteral("ProtocolError"),
                 tr("The Alembic helper printed something that is not an answer: “%1”").arg(shown),
                 tr("Something in the project's code wrote to the helper's protocol stream. Retort restarted the helper."),
                 {}, stderrTail()});
        return;
    }
    const auto answered = quint64(id.toDouble());
    const QJsonValue eventName = answer.value(QLatin1String("event"));
    if (eventName == QLatin1String("output")) { // one line; the log shows it, whichever request it came with
        const QString text = answer.value(QLatin1String("data")).toObject().value(QLatin1String("text")).toString().trimmed();
        if (!text.isEmpty())
            logged(text);
    }
    if (eventName.isString()) {
        // News about the request being worked on (a statement started): a sign of life, not an answer.
        if (m_inFlight.isEmpty() || m_inFlight.constFirst().id != answered)
            return;
        if (eventName != QLatin1String("output")) // a request that only prints is not making progress
            armTimer();
        if (!m_inFlight.constFirst().cancelled && !m_inFlight.constFirst().internal)
            emit requestEvent(answered, eventName.toString(), answer.value(QLatin1String("data")).toObject());
        return;
    }
    // Answers come in order; anything before the answered one was lost (cannot happen with a sane
    // helper, but must not wedge the queue).
    const bool known = std::any_of(m_inFlight.cbegin(), m_inFlight.cend(),
                                   [answered](const Pending &pending) { return pending.id == answered; });
    if (!known) {
        recover({QStringLiteral("ProtocolError"), tr("The Alembic helper answered a request Retort did not send (%1).").arg(answered),
                 {}, {}, stderrTail()});
        return;
    }
    while (!m_inFlight.isEmpty()) {
        const Pending pending = m_inFlight.takeFirst();
        if (pending.id == answered) {
            armTimer();
            settle(pending, answer);
            return;
        }
        fail(pending, {QStringLiteral("ProtocolError"), tr("The Alembic helper skipped request %1.").arg(methodOf(pending.method)), {}, {}, {}});
    }
    armTimer();
}

void AlembicBridge::settle(const Pending &pending, const QJsonObject &answer)
{
    if (pending.internal) {
        const QJsonObject result = answer.value(QLatin1String("result")).toObject();
        m_versions.executable = result.value(QLatin1String("executable")).toString();
        m_versions.python = result.value(QLatin1String("python")).toString();
        m_versions.alembic = result.value(QLatin1String("alembic")).toString();
        m_versions.sqlalchemy = result.value(QLatin1String("sqlalchemy")).toString();
        m_versions.alembicError = result.value(QLatin1String("alembic_error")).toString();
        m_versions.pid = qint64(result.value(QLatin1String("pid")).toDouble());
        m_state = State::Ready;
        emit started(m_versions);
        return;
    }
    if (pending.cancelled)
        return;
    if (answer.contains(QLatin1String("error")))
        emit failed(pending.id, withHint(BridgeError::fromJson(answer.value(QLatin1String("error")).toObject())));
    else
        emit finished(pending.id, answer.value(QLatin1String("result")).toObject());
}

void AlembicBridge::fail(const Pending &pending, const BridgeError &error)
{
    if (!pending.internal && !pending.cancelled)
        emit failed(pending.id, withHint(error));
}

void AlembicBridge::handleTimeout()
{
    if (m_inFlight.isEmpty())
        return;
    const Pending &oldest = m_inFlight.constFirst();
    recover({QStringLiteral("Timeout"),
             tr("Alembic did not answer %1 within %2 s; Retort restarted its helper.")
                 .arg(methodOf(oldest.method))
                 .arg(oldest.timeoutMs / 1000.0, 0, 'f', oldest.timeoutMs % 1000 ? 1 : 0),
             tr("Something in the project (env.py or a revision module) may wait for a database or for input."),
             {}, stderrTail()});
}

void AlembicBridge::handleProcessEnd(const QString &reason, const QString &type)
{
    if (!m_process)
        return;
    emit stopped(reason);
    if (m_inFlight.isEmpty()) {
        stopProcess();
        return;
    }
    BridgeError error;
    error.type = type;
    error.details = stderrTail();
    if (type == QLatin1String("InterpreterMissing")) {
        error.message = tr("Cannot start the Python interpreter %1: %2").arg(m_launch.interpreter, reason);
    } else if (m_state == State::Starting) {
        error.message = tr("The Python interpreter %1 could not run Retort's Alembic helper (%2).").arg(m_launch.interpreter, reason);
        if (!m_stderrTail.isEmpty())
            error.message += QLatin1Char(' ') + m_stderrTail.constLast();
        error.hint = tr("Retort needs Python 3.6 or newer with Alembic installed. Choose another interpreter in Alembic ▸ Python Interpreter.");
    } else {
        error.message = tr("The Alembic helper stopped while answering %1: %2.").arg(methodOf(m_inFlight.constFirst().method), reason);
        error.hint = tr("Retort restarted the helper; try again.");
    }
    recover(error);
}

void AlembicBridge::recover(const BridgeError &error)
{
    const bool neverStarted = m_state != State::Ready;
    stopProcess();
    if (neverStarted || error.type == QLatin1String("InterpreterMissing")) {
        const QList<Pending> pending = std::exchange(m_inFlight, {});
        for (const Pending &p : pending)
            fail(p, error);
        return;
    }
    if (!m_inFlight.isEmpty())
        fail(m_inFlight.takeFirst(), error);
    // Requests that were queued behind the failed one go to a fresh helper.
    QList<Pending> rest;
    for (const Pending &p : std::as_const(m_inFlight))
        if (!p.internal && !p.cancelled)
            rest.append(p);
    m_inFlight = rest;
    if (!m_inFlight.isEmpty())
        startProcess();
}

BridgeError AlembicBridge::withHint(BridgeError error) const
{
    if (error.type == QLatin1String("AlembicMissing") && error.hint.isEmpty()) {
        error.hint = tr("Install Alembic for this interpreter (in a virtual environment: `%1 -m pip install alembic`; "
                        "for Debian's /usr/bin/python3: `apt install python3-alembic`), or choose another interpreter "
                        "in Alembic ▸ Python Interpreter.")
                         .arg(m_launch.interpreter);
    }
    return error;
}

QString AlembicBridge::stderrTail() const
{
    return m_stderrTail.join(QLatin1Char('\n'));
}

} // namespace retort
