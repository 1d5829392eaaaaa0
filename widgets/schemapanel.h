#pragma once

#include "schemasnapshot.h"
#include "sqltouchedobjects.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QProgressBar;
class QToolButton;
class QTreeView;

namespace retort {

class SchemaTreeModel;

/// The live schema beside the SQL preview: a database's schemas, tables, columns, constraints and
/// indexes as a tree, the objects the selected revision's SQL touches expanded and marked. Values in
/// (snapshot, touched objects), signals out (refresh, cancel).
class SchemaPanel : public QWidget
{
    Q_OBJECT

public:
    explicit SchemaPanel(QWidget *parent = nullptr);

    SchemaTreeModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }

    /// One database the pane can show: an id, the name shown and its environment colour ("#rrggbb").
    struct Source
    {
        QString id;
        QString name;
        QString color;
    };
    /// A database service of the project's compose file that "Start Database Service" can start.
    struct Service
    {
        QString name;
        QString description; ///< e.g. "postgres:16 · port 5433"
    };
    /// The databases to choose from (the sandbox first); keeps the current one when it is still there.
    void setSources(const QList<Source> &sources);
    QString currentSource() const;
    void setCurrentSource(const QString &id);

    /// \a source names the database (e.g. "sandbox · demo").
    void setSnapshot(const SchemaSnapshot &snapshot, const QString &source);
    void setTouched(const QList<TouchedObject> &objects);
    /// Busy: the progress bar (undetermined until setProgress()) and Cancel show, Refresh waits.
    void setBusy(bool busy);
    /// What the busy pane is doing, shown under the header ("Waiting for db…"); empty hides it.
    void setActivity(const QString &text);
    /// Introspection query \a step of \a total started, reading \a query (PgIntrospector's names).
    void setProgress(int step, int total, const QString &query);
    /// The compose file's database services; none hides "Start Database Service".
    void setServices(const QList<Service> &services, const QString &composeFile);
    void setError(const QString &message);
    void clear(const QString &message = QString());
    QString statusText() const;

signals:
    void refreshRequested();
    void cancelRequested();
    /// The user chose another database in the list.
    void sourceChosen(const QString &id);
    /// "Add…": a new connection profile.
    void addSourceRequested();
    /// "Find containers": look for PostgreSQL in Docker (or podman) containers.
    void discoverRequested();
    /// "Start Database Service": `docker compose up -d` the service \a name.
    void startServiceRequested(const QString &name);

private:
    void updateStatus();

    SchemaTreeModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_header = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_activity = nullptr;
    QProgressBar *m_busy = nullptr;
    QWidget *m_composeRow = nullptr;
    QToolButton *m_startService = nullptr;
    QLabel *m_composeFile = nullptr;
    QToolButton *m_refresh = nullptr;
    QToolButton *m_cancel = nullptr;
    QComboBox *m_sources = nullptr;
    QString m_source;
    QString m_error;
};

} // namespace retort
