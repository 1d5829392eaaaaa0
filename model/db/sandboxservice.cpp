#include "sandboxservice.h"

#include "postgresserver.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QThread>

namespace retort {

SandboxService::SandboxService(QString folder, QObject *parent)
    : QObject(parent)
    , m_folder(folder.isEmpty() ? PostgresServer::defaultFolder() : std::move(folder))
    , m_server(std::make_unique<PostgresServer>(m_folder))
{
}

SandboxService::~SandboxService()
{
    // A start still running on its thread owns nothing of ours but the server: wait for it.
    const QList<QThread *> threads = findChildren<QThread *>();
    for (QThread *thread : threads)
        thread->wait();
    m_server->stop();
}

QString SandboxService::databaseNameFor(const QString &projectRoot)
{
    QString name;
    for (const QChar c : QFileInfo(projectRoot).fileName().toLower())
        name += (c.isLetterOrNumber() && c.unicode() < 128) ? c : QLatin1Char('_');
    if (name.isEmpty() || name.front().isDigit())
        name.prepend(QStringLiteral("project_"));
    // Two projects named alike (~/a/app and ~/b/app) must not share a database.
    const QByteArray hash = QCryptographicHash::hash(QDir::cleanPath(QFileInfo(projectRoot).absoluteFilePath()).toUtf8(),
                                                     QCryptographicHash::Sha1);
    return name.left(50) + QLatin1Char('_') + QString::fromLatin1(hash.toHex().left(8));
}

void SandboxService::ensureDatabase(const QString &database)
{
    if (m_state == State::Running && m_ready.contains(database)) {
        QMetaObject::invokeMethod(this, [this, database] { emit ready(database); }, Qt::QueuedConnection);
        return;
    }
    if (!m_pending.contains(database))
        m_pending.append(database);
    if (!m_busy)
        startWork();
}

void SandboxService::startWork()
{
    m_busy = true;
    if (m_state != State::Running)
        m_state = State::Starting;
    // initdb and pg_ctl take a second or more: never on the GUI thread. The thread only touches
    // the server and hands results back by a queued call.
    PostgresServer *server = m_server.get();
    const QStringList databases = m_pending;
    QPointer<SandboxService> self(this);
    QThread *thread = QThread::create([server, databases, self] {
        QString error;
        const bool started = server->start(&error);
        QStringList made;
        for (const QString &name : databases) {
            if (started && server->createDatabase(name, &error))
                made.append(name);
        }
        QMetaObject::invokeMethod(
            self.data(), [self, started, made, databases, error] {
                if (self)
                    self->finishWork(started, databases, made, error);
            },
            Qt::QueuedConnection);
    });
    thread->setParent(this);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void SandboxService::finishWork(bool started, const QStringList &databases, const QStringList &made, const QString &error)
{
    m_busy = false;
    m_state = started ? State::Running : State::Failed;
    m_error = error;
    m_ready += made;
    for (const QString &name : databases) {
        m_pending.removeAll(name);
        if (made.contains(name))
            emit ready(name);
        else
            emit failed(name, error);
    }
    // Asked for while this round was under way.
    if (!m_pending.isEmpty())
        startWork();
}

QString SandboxService::sqlalchemyUrl(const QString &database) const
{
    return m_state == State::Running ? m_server->sqlalchemyUrl(database) : QString();
}

QString SandboxService::connectionString(const QString &database) const
{
    return m_state == State::Running ? m_server->connectionString(database) : QString();
}

QString SandboxService::sqliteFallback(const QString &database) const
{
    return QDir(m_folder).filePath(database + QStringLiteral(".sqlite"));
}

} // namespace retort
