#include "schemaloader.h"

#include "pgintrospector.h"
#include "sqliteintrospector.h"

#include <QPointer>
#include <QThread>

namespace retort {

SchemaLoader::SchemaLoader(QObject *parent)
    : QObject(parent)
{
}

SchemaLoader::~SchemaLoader()
{
    cancel();
    const QList<QThread *> threads = findChildren<QThread *>();
    for (QThread *thread : threads)
        thread->wait();
}

void SchemaLoader::load(const QString &connection)
{
    cancel();
    const quint64 generation = ++m_generation;
    const bool sqlite = connection.startsWith(QLatin1String("sqlite:"));
    auto introspector = sqlite ? std::shared_ptr<PgIntrospector>() : std::make_shared<PgIntrospector>();
    m_running = introspector;
    QPointer<SchemaLoader> self(this);
    QThread *thread = QThread::create([self, generation, connection, sqlite, introspector] {
        SchemaSnapshot snapshot;
        QString error;
        if (sqlite) {
            const SqliteIntrospector::Result result = SqliteIntrospector::introspect(SqliteIntrospector::fileFromUrl(connection));
            snapshot = result.snapshot;
            error = result.error;
        } else {
            const PgIntrospector::Result result = introspector->introspect(connection);
            snapshot = result.snapshot;
            error = result.error;
        }
        QMetaObject::invokeMethod(
            self.data(),
            [self, generation, snapshot, error] {
                if (!self || generation != self->m_generation)
                    return; // superseded: a newer load() answers
                self->m_finished = generation;
                self->m_running.reset();
                emit self->busyChanged(false);
                if (error.isEmpty())
                    emit self->loaded(snapshot);
                else
                    emit self->failed(error);
            },
            Qt::QueuedConnection);
    });
    thread->setParent(this);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
    emit busyChanged(true);
}

void SchemaLoader::cancel()
{
    if (m_running)
        m_running->cancel();
}

} // namespace retort
