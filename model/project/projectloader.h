#pragma once

#include "project.h"

#include <QObject>
#include <QThread>

namespace retort {

class ProjectLoadWorker;

/// Loads projects off the GUI thread. A worker object lives on its own QThread; requests go to it
/// by queued signal and each result comes back as a Project value. A newer request supersedes
/// older ones: only the result of the latest request is delivered.
class ProjectLoader : public QObject
{
    Q_OBJECT

public:
    explicit ProjectLoader(QObject *parent = nullptr);
    ~ProjectLoader() override;

    /// Starts loading `path` (alembic.ini, its folder, a script directory or a versions folder).
    /// Returns the request's number; loaded() carries it.
    quint64 load(const QString &path);
    /// Is a request still under way?
    bool isLoading() const { return m_pending != 0; }

signals:
    void loaded(const QString &path, const retort::Project &project, quint64 request);

    // Internal: to the worker.
    void requested(const QString &path, quint64 request, QPrivateSignal);

private:
    void deliver(const QString &path, const retort::Project &project, quint64 request);

    QThread m_thread;
    ProjectLoadWorker *m_worker = nullptr;
    quint64 m_lastRequest = 0;
    quint64 m_pending = 0; ///< requests sent and not yet answered
};

} // namespace retort
