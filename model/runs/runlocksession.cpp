#include "runlocksession.h"

#include "backgroundtask.h"
#include "rundatabase.h"

#include <mutex>
#include <utility>

namespace retort {

/// The lock's connection. Its threads take turns (mutex): a release that comes while the lock is
/// being taken closes the connection once that is done, and one that comes first keeps it from opening.
struct RunLockSession::Session
{
    std::mutex mutex;
    RunDatabase database;
    bool released = false;
};

RunLockSession::RunLockSession(QObject *parent)
    : QObject(parent)
{
}

RunLockSession::~RunLockSession()
{
    release();
}

void RunLockSession::acquire(const QString &url, const QString &applicationName)
{
    release();
    const quint64 generation = ++m_generation;
    auto session = std::make_shared<Session>();
    m_session = session;
    runInBackground(
        this,
        [session, url, applicationName] {
            const std::lock_guard<std::mutex> guard(session->mutex);
            if (session->released)
                return QStringLiteral("released before the lock was taken");
            QString error = session->database.open(url, applicationName);
            if (error.isEmpty())
                error = session->database.lock();
            return error;
        },
        [this, generation](const QString &error) {
            if (generation != m_generation)
                return; // released or asked again meanwhile
            m_held = error.isEmpty();
            if (!m_held)
                release();
            emit acquired(error);
        });
}

void RunLockSession::release()
{
    ++m_generation;
    m_held = false;
    if (!m_session)
        return;
    // The connection closes (and the lock goes with it) on a thread of its own: nothing here waits.
    runInBackground(
        this,
        [session = std::exchange(m_session, {})] {
            const std::lock_guard<std::mutex> guard(session->mutex);
            session->released = true;
            session->database.close();
            return true;
        },
        [](bool) {});
}

} // namespace retort
