#pragma once

#include "connectionprofile.h"
#include "schemasnapshot.h"

#include <QObject>
#include <QString>
#include <functional>
#include <memory>

namespace retort {

class PgIntrospector;
class SecretStore;

/// Reads a database's schema off the GUI thread: PostgreSQL through PgIntrospector, SQLite
/// (`sqlite:///path`) through SqliteIntrospector. A newer load() cancels the one running; cancel()
/// stops it (libpq cancel request). Results and progress arrive as values on the owner's thread.
class SchemaLoader : public QObject
{
    Q_OBJECT

public:
    /// Why a load failed: Authentication when the server refused the login (a password may help).
    enum class Failure { Other, Authentication };
    Q_ENUM(Failure)

    explicit SchemaLoader(QObject *parent = nullptr);
    ~SchemaLoader() override;

    /// \a connection: a libpq connection string, a postgresql:// URL or sqlite:///path.
    void load(const QString &connection);
    /// Loads \a profile's database. Without \a password the worker thread looks for one
    /// (PasswordResolver: \a keychain, which may be null, then $PGPASSWORD and ~/.pgpass).
    void load(const ConnectionProfile &profile, const QString &password, std::shared_ptr<SecretStore> keychain);
    void cancel();
    bool isBusy() const { return m_generation != m_finished; }

signals:
    void loaded(const retort::SchemaSnapshot &snapshot);
    void failed(const QString &error, retort::SchemaLoader::Failure failure);
    void busyChanged(bool busy);
    /// PostgreSQL: bulk catalog query \a step of \a total (1-based) started; \a query names what it
    /// reads (PgIntrospector::queryNames()). In order, from the newest load() only.
    void progress(int step, int total, const QString &query);

private:
    /// \a connect runs on the worker thread and returns the connection text.
    void start(std::function<QString()> connect, bool sqlite);

    quint64 m_generation = 0; ///< of the newest load()
    quint64 m_finished = 0;   ///< of the newest answered load()
    std::shared_ptr<PgIntrospector> m_running;
};

} // namespace retort
