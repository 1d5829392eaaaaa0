#pragma once

#include "schemasnapshot.h"

#include <QString>
#include <atomic>
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
        bool ok() const { return error.isEmpty(); }
    };

    PgIntrospector() = default;
    explicit PgIntrospector(Options options);
    PgIntrospector(const PgIntrospector &) = delete;
    PgIntrospector &operator=(const PgIntrospector &) = delete;

    /// \a connection: a libpq connection string (key=value) or URL (postgresql://...; a SQLAlchemy
    /// driver suffix such as postgresql+psycopg2:// is accepted).
    Result introspect(const QString &connection);
    /// Stops introspect() as soon as possible (thread-safe): the flag is checked between queries and
    /// the running query is cancelled through libpq. The introspector stays cancelled.
    void cancel();
    bool isCancelled() const { return m_cancelled; }

    /// \a connection with a SQLAlchemy "+driver" suffix removed from its URL scheme.
    static QString libpqConnectionString(const QString &connection);
    /// The text of an embedded catalog query (:/sql/NAME.sql); empty when there is none.
    static QByteArray query(const QString &name);

private:
    Options m_options;
    std::atomic_bool m_cancelled = false;
    std::mutex m_mutex; // guards m_connection against cancel() from another thread
    pqxx::connection_base *m_connection = nullptr;
};

} // namespace retort
