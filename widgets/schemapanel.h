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
    /// The databases to choose from (the sandbox first); keeps the current one when it is still there.
    void setSources(const QList<Source> &sources);
    QString currentSource() const;
    void setCurrentSource(const QString &id);

    /// \a source names the database (e.g. "sandbox · demo").
    void setSnapshot(const SchemaSnapshot &snapshot, const QString &source);
    void setTouched(const QList<TouchedObject> &objects);
    void setBusy(bool busy);
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

private:
    void updateStatus();

    SchemaTreeModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_header = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_busy = nullptr;
    QToolButton *m_refresh = nullptr;
    QToolButton *m_cancel = nullptr;
    QComboBox *m_sources = nullptr;
    QString m_source;
    QString m_error;
};

} // namespace retort
