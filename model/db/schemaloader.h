#pragma once

#include "schemasnapshot.h"

#include <QObject>
#include <QString>

#include <memory>

namespace retort {

class PgIntrospector;

/// Reads a database's schema off the GUI thread: PostgreSQL through PgIntrospector, SQLite
/// (`sqlite:///path`) through SqliteIntrospector. A newer load() cancels the one running; cancel()
/// stops it (libpq cancel request). Results arrive as values on the owner's thread.
class SchemaLoader : public QObject
{
    Q_OBJECT

public:
    explicit SchemaLoader(QObject *parent = nullptr);
    ~SchemaLoader() override;

    /// \a connection: a libpq connection string, a postgresql:// URL or sqlite:///path.
    void load(const QString &connection);
    void cancel();
    bool isBusy() const { return m_generation != m_finished; }

signals:
    void loaded(const retort::SchemaSnapshot &snapshot);
    void failed(const QString &error);
    void busyChanged(bool busy);

private:
    quint64 m_generation = 0; ///< of the newest load()
    quint64 m_finished = 0;   ///< of the newest answered load()
    std::shared_ptr<PgIntrospector> m_running;
};

} // namespace retort
