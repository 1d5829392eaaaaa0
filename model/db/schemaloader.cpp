#include "schemaloader.h"

#include "passwordresolver.h"
#include "pgintrospector.h"
#include "secretstore.h"
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
    start([connection] { return connection; }, connection.startsWith(QLatin1String("sqlite:")));
}

void SchemaLoader::load(const ConnectionProfile &profile, const QString &password,
                        std::shared_ptr<SecretStore> keychain)
{
    if (!profile.isPostgres()) {
        load(QStringLiteral("sqlite:///") + profile.sqlitePath);
        return;
    }
    start(
        [profile, password, keychain] {
            // The keychain blocks (D-Bus), and ~/.pgpass is a file: both are read here, off the GUI thread.
            const QString resolved =
                password.isEmpty() ? PasswordResolver(keychain.get()).resolve(profile).password : password;
            return profile.toLibpqConnectionString(resolved);
        },
        false);
}

void SchemaLoader::start(std::function<QString()> connect, bool sqlite)
{
    cancel();
    const quint64 generation = ++m_generation;
    auto introspector = sqlite ? std::shared_ptr<PgIntrospector>() : std::make_shared<PgIntrospector>();
    m_running = introspector;
    QPointer<SchemaLoader> self(this);
    QThread *thread = QThread::create([self, generation, connect, sqlite, introspector] {
        SchemaSnapshot snapshot;
        QString error;
        bool authentication = false;
        const QString connection = connect();
        if (sqlite) {
            const SqliteIntrospector::Result result =
                SqliteIntrospector::introspect(SqliteIntrospector::fileFromUrl(connection));
            snapshot = result.snapshot;
            error = result.error;
        } else {
            // Queued from this thread to the loader's: they arrive in order, before the result.
            const auto progress = [self, generation](int step, int total, const QString &query) {
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, generation, step, total, query] {
                        if (self && generation == self->m_generation)
                            emit self->progress(step, total, query);
                    },
                    Qt::QueuedConnection);
            };
            const PgIntrospector::Result result = introspector->introspect(connection, progress);
            snapshot = result.snapshot;
            error = result.error;
            authentication = result.authenticationFailed;
        }
        QMetaObject::invokeMethod(
            self.data(),
            [self, generation, snapshot, error, authentication] {
                if (!self || generation != self->m_generation)
                    return; // superseded: a newer load() answers
                self->m_finished = generation;
                self->m_running.reset();
                emit self->busyChanged(false);
                if (error.isEmpty())
                    emit self->loaded(snapshot);
                else
                    emit self->failed(error, authentication ? Failure::Authentication : Failure::Other);
            },
            Qt::QueuedConnection);
    });
    thread->setParent(this);
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
    emit busyChanged(true);
}

void SchemaLoader::cancel()
{
    if (m_running)
        m_running->cancel();
}

} // namespace retort
