#pragma once

#include "connectionprofile.h"
#include "connectiontestresult.h"
#include "dockercompose.h"

#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QString>
#include <atomic>
#include <memory>

class QTimer;

namespace retort {

/// Starts a database service of a compose file: `docker compose -f FILE up -d SERVICE` as an
/// asynchronous QProcess (its output forwarded line by line), then waits off the GUI thread until
/// the published port accepts PostgreSQL connections (ConnectionTester::waitUntilAccepting). One
/// service at a time; cancel() stops either step. Every failure names the compose file and service.
class ComposeServiceStarter : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Starting, Waiting };
    Q_ENUM(State)

    explicit ComposeServiceStarter(QObject *parent = nullptr);
    ~ComposeServiceStarter() override;

    /// How long `docker compose up` may take (it may pull an image) and how long the server then has
    /// to accept connections.
    void setTimeouts(int upMs, int acceptMs);
    int acceptTimeoutMs() const { return m_acceptMs; }

    /// Starts \a service of \a composeFile; \a profile (DockerCompose::profileFor) and \a password
    /// are what the wait connects with. False (and failed(), queued) when one is already starting.
    bool start(const QString &composeFile, const DockerCompose::Service &service, const ConnectionProfile &profile,
               const QString &password);
    void cancel();
    State state() const { return m_state; }
    bool isBusy() const { return m_state != State::Idle; }
    /// The service being started (empty when idle).
    QString service() const { return m_service.name; }

signals:
    void stateChanged(retort::ComposeServiceStarter::State state);
    /// One line docker printed (stdout and stderr).
    void output(const QString &line);
    /// The server answers at profile's address. \a result is the last attempt: Success, or an answer
    /// that only a password or another database could change (the server is up either way).
    void ready(const retort::ConnectionProfile &profile, const retort::ConnectionTestResult &result);
    void failed(const QString &message);

private:
    void readOutput();
    void processFinished(int exitCode, QProcess::ExitStatus status);
    void processError(QProcess::ProcessError error);
    void startWaiting();
    void finish(const QString &failure);
    void setState(State state);
    /// "the service “db” of /path/compose.yaml"
    QString what() const;

    int m_upMs = 300'000;
    int m_acceptMs = 60'000;
    State m_state = State::Idle;
    QPointer<QProcess> m_process;
    QTimer *m_upTimer = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancelWait;
    QString m_file;
    DockerCompose::Service m_service;
    ConnectionProfile m_profile;
    QString m_password;
    QString m_lastOutput; ///< docker's last lines, for the failure message
    QByteArray m_partialLine;
    quint64 m_generation = 0;
};

} // namespace retort
