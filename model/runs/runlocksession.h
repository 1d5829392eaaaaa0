#pragma once

#include <QObject>
#include <QString>
#include <memory>

namespace retort {


/// Retort's run lock (RunDatabase::lock()) held on a connection of its own for as long as a piece of
/// work needs it across several runs (a rollback verification's upgrade, downgrade and upgrade again),
/// so that no other run interleaves between them. Connecting, locking and letting go happen off the
/// GUI thread. The runs made meanwhile must not take the lock themselves
/// (MigrationRunner::Options::takeRunLock): the lock is per session, so they would wait for this one.
class RunLockSession : public QObject
{
    Q_OBJECT

public:
    explicit RunLockSession(QObject *parent = nullptr);
    /// Lets the lock go (off the GUI thread; nothing waits for it).
    ~RunLockSession() override;

    /// Connects to \a url as \a applicationName (what others see as the lock's holder) and takes the
    /// lock; acquired() follows. Lets go of a lock held before.
    void acquire(const QString &url, const QString &applicationName);
    /// Lets the lock go, if held or being taken.
    void release();
    bool isHeld() const { return m_held; }

signals:
    /// \a error is empty when the lock is held; else why not (who holds it, or the connection failure).
    void acquired(const QString &error);

private:
    struct Session;
    std::shared_ptr<Session> m_session;
    bool m_held = false;
    quint64 m_generation = 0; ///< of the newest acquire(): older answers are dropped
};

} // namespace retort
