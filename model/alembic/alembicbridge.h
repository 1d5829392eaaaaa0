#pragma once

#include "bridgeerror.h"
#include "bridgelaunch.h"
#include "bridgeversions.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTimer>

namespace retort {

/// The bridge to real Alembic: one long-lived helper process (resources/python/retort_bridge.py)
/// for one project and interpreter, spoken to with JSON lines. Asynchronous and GUI-thread only:
/// request() returns an id at once, and exactly one of finished() or failed() follows later for it.
///
/// The helper answers in order, so the oldest request in flight is the one it is working on. When
/// that one times out, or the helper crashes or prints something that is not an answer, that request
/// fails with a clear error, the helper is restarted and the requests queued behind it are sent
/// again. A helper that dies before it has said hello (no interpreter, a Python too old to run it)
/// fails every request instead: restarting would fail the same way. The helper is started by the
/// first request (or start()) and stopped by shutdown() or the destructor.
class AlembicBridge : public QObject
{
    Q_OBJECT

public:
    enum class State { Stopped, Starting, Ready };
    Q_ENUM(State)

    static constexpr int kDefaultTimeoutMs = 120'000;

    explicit AlembicBridge(BridgeLaunch launch, QObject *parent = nullptr);
    ~AlembicBridge() override;

    const BridgeLaunch &launch() const { return m_launch; }
    State state() const { return m_state; }
    /// What the helper reported when it started; empty until then.
    BridgeVersions versions() const { return m_versions; }
    /// The helper's process id, or 0 when it is not running.
    qint64 processId() const;
    /// Requests sent or queued that have not been answered yet.
    int pendingCount() const;

    /// Starts the helper now (it says hello) instead of with the first request: its Python start and
    /// Alembic's imports then overlap whatever the caller does before that request.
    void start();
    /// Sends \a method with \a params; \a timeoutMs (0: the default) counts from when the helper
    /// starts working on it, not from when it was queued.
    quint64 request(const QString &method, const QJsonObject &params = {}, int timeoutMs = 0);
    /// Sends a notice: \a method with \a params and no id, which the helper never answers and keeps
    /// until a handler asks for it (a run's "proceed" and "hold"). Dropped when the helper is not
    /// running (nothing there waits for it); false then.
    bool notify(const QString &method, const QJsonObject &params);
    /// Forgets request \a id: no signal will be emitted for it. The helper may still be working on it.
    void cancel(quint64 id);
    void setDefaultTimeout(int timeoutMs) { m_defaultTimeoutMs = timeoutMs; }
    /// Asks the helper to exit, waits up to \a graceMs, then kills it. Pending requests fail with
    /// type "Cancelled".
    void shutdown(int graceMs = 2000);

signals:
    /// The helper answered hello: it runs, and \a versions says whether it has Alembic.
    void started(const retort::BridgeVersions &versions);
    void finished(quint64 id, const QJsonObject &result);
    void failed(quint64 id, const retort::BridgeError &error);
    /// News from the helper about request \a id while it works on it (e.g. "statement_started"
    /// with the statement in \a data, or "output" with one line the project's code printed, {"text"});
    /// always before that request's finished() or failed(). Each event but "output" also restarts the
    /// request's timeout.
    void requestEvent(quint64 id, const QString &name, const QJsonObject &data);
    /// A line of the helper's log: what it wrote on stderr, and what the project's code printed while
    /// a request was worked on (which also comes as that request's "output" event, {"text": ...}).
    void logLine(const QString &line);
    /// A line the helper wrote on stderr itself, tied to no request: its own log, or what reached its
    /// stderr around Python (a subprocess of the project's code, say).
    void stderrLine(const QString &line);
    /// The helper process ended; \a reason says why in words.
    void stopped(const QString &reason);

private:
    struct Pending
    {
        quint64 id = 0;
        QString method;
        QByteArray line;
        int timeoutMs = 0;
        bool internal = false;  ///< the hello handshake
        bool cancelled = false; ///< answer will be dropped
    };

    void startProcess();
    void stopProcess();
    void send(const Pending &pending);
    void readStandardOutput();
    void readStandardError();
    void handleLine(const QByteArray &line);
    /// A line of the log: kept in the tail shown with errors, and emitted as logLine().
    void logged(const QString &line);
    void handleProcessEnd(const QString &reason, const QString &type);
    void handleTimeout();
    void armTimer();
    void settle(const Pending &pending, const QJsonObject &answer);
    void fail(const Pending &pending, const BridgeError &error);
    /// Fails the oldest request with \a error, then restarts the helper for the rest (or fails them
    /// too when the helper never started).
    void recover(const BridgeError &error);
    BridgeError withHint(BridgeError error) const;
    QString stderrTail() const;

    BridgeLaunch m_launch;
    QProcess *m_process = nullptr;
    State m_state = State::Stopped;
    BridgeVersions m_versions;
    QList<Pending> m_inFlight;
    QByteArray m_stdout;
    QByteArray m_stderr;
    QStringList m_stderrTail;
    QTimer m_timer;
    quint64 m_nextId = 1;
    int m_defaultTimeoutMs = kDefaultTimeoutMs;
};

} // namespace retort
