#pragma once

#include "schemasnapshot.h"

#include <QString>
#include <QStringList>
#include <atomic>
#include <functional>
#include <mutex>

namespace pqxx {
class connection_base;
}

namespace retort {

/// Reads a PostgreSQL database into a SchemaSnapshot with a handful of bulk catalog queries
/// (resources/sql/*.sql, one per kind of object, never one per table) in a READ ONLY transaction
/// with a statement timeout. No QObject: call introspect() on a worker thread and cancel() from any
/// other. Errors come back as a plain message naming what failed; no exception escapes.
class PgIntrospector
{
public:
    struct Options
    {
        int statementTimeoutMs = 30'000;
    };

    struct Result
    {
        SchemaSnapshot snapshot;
        QString error; ///< empty on success
        /// The server refused the login (wrong or missing password): asking for one may help.
        bool authenticationFailed = false;
        bool ok() const { return error.isEmpty(); }
    };

    /// Called on the introspecting thread as each bulk query starts: \a step of \a total (1-based),
    /// \a query its name ("columns", "indexes", ...; see queryNames()).
    using Progress = std::function<void(int step, int total, const QString &query)>;

    PgIntrospector() = default;
    explicit PgIntrospector(Options options);
    PgIntrospector(const PgIntrospector &) = delete;
    PgIntrospector &operator=(const PgIntrospector &) = delete;

    /// \a connection: a libpq connection string (key=value) or URL (postgresql://...; a SQLAlchemy
    /// driver suffix such as postgresql+psycopg2:// is accepted).
    Result introspect(const QString &connection, const Progress &progress = {});
    /// The same on an open \a connection of the caller's, which must have no transaction open (a
    /// session that holds locks keeps them; catalog caches it has warmed make the read quicker).
    Result introspectOn(pqxx::connection_base &connection, const Progress &progress = {});
    /// Stops introspect() as soon as possible (thread-safe): the flag is checked between queries and
    /// the running query is cancelled through libpq. The introspector stays cancelled.
    void cancel();
    bool isCancelled() const { return m_cancelled; }

    /// \a connection with a SQLAlchemy "+driver" suffix removed from its URL scheme.
    static QString libpqConnectionString(const QString &connection);
    /// The text of an embedded catalog query (:/sql/NAME.sql); empty when there is none.
    static QByteArray query(const QString &name);
    /// The bulk catalog queries in the order introspect() runs them.
    static QStringList queryNames();

private:
    Options m_options;
    std::atomic_bool m_cancelled = false;
    std::mutex m_mutex; // guards m_connection against cancel() from another thread
    pqxx::connection_base *m_connection = nullptr;
};

} // namespace retort
