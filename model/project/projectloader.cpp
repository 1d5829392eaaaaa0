#include "projectloader.h"

#include "projectloadworker.h"

namespace retort {

ProjectLoader::ProjectLoader(QObject *parent)
    : QObject(parent)
    , m_worker(new ProjectLoadWorker)
{
    qRegisterMetaType<retort::Project>();
    m_thread.setObjectName(QStringLiteral("ProjectLoader"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &ProjectLoader::requested, m_worker, &ProjectLoadWorker::load, Qt::QueuedConnection);
    connect(m_worker, &ProjectLoadWorker::loaded, this, &ProjectLoader::deliver, Qt::QueuedConnection);
    m_thread.start();
}

ProjectLoader::~ProjectLoader()
{
    // A load under way finishes first (scanning has no cancel point); its result is dropped.
    m_thread.requestInterruption();
    m_thread.quit();
    m_thread.wait();
}

quint64 ProjectLoader::load(const QString &path)
{
    ++m_pending;
    emit requested(path, ++m_lastRequest, QPrivateSignal());
    return m_lastRequest;
}

void ProjectLoader::deliver(const QString &path, const Project &project, quint64 request)
{
    --m_pending;
    if (request == m_lastRequest) // an older request's result would undo a newer one
        emit loaded(path, project, request);
}

} // namespace retort
