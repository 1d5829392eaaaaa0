#pragma once

#include "alembicservice.h"
#include "project.h"

#include <QObject>

class QAction;
class QLabel;
class QMenu;
class QSettings;
class QWidget;

namespace retort {

class SqlPreviewPanel;

/// Everything in the window that goes through Alembic, assembled in one place: the SQL preview of
/// the selected revision, the interpreter in the status bar, and the Alembic menu (new revision,
/// merge heads, interpreter choice). MainWindow places its widgets and forwards the project and the
/// selection; this class turns them into requests to AlembicService and answers into the views.
class AlembicWorkbench : public QObject
{
    Q_OBJECT

public:
    /// \a settings (may be null) keeps each project's interpreter choice; \a window parents dialogs.
    AlembicWorkbench(QSettings *settings, QWidget *window);
    ~AlembicWorkbench() override;

    SqlPreviewPanel *sqlPanel() const { return m_panel; }
    QLabel *statusLabel() const { return m_status; }
    QMenu *menu() const { return m_menu; }
    AlembicService *service() const { return m_service; }
    QAction *newRevisionAction() const { return m_newRevision; }
    QAction *mergeHeadsAction() const { return m_mergeHeads; }

    /// The project was opened or rescanned.
    void setProject(const Project &project);
    void clearProject();
    /// Shows the SQL of \a revisionId (empty: nothing selected).
    void setCurrentRevision(const QString &revisionId);
    /// The graph's selection: two or more selected heads are what Merge Heads offers first, and two
    /// revisions one above the other show the SQL of the range between them (both included).
    void setSelectedRevisions(const QStringList &revisionIds);

    /// The explicit interpreter for the project at \a root (empty: automatic).
    QString interpreterSetting(const QString &root) const;
    void setInterpreterSetting(const QString &root, const QString &interpreter);

    /// Opens the merge dialog for \a heads (preselected) and asks Alembic for the merge revision.
    void mergeHeads(const QStringList &preselected = QStringList());
    void newRevision();
    void chooseInterpreter();

signals:
    void openFileRequested(const QString &path, int line);
    /// Alembic wrote a new revision file (the project should be rescanned and the file opened).
    void revisionFileCreated(const QString &revision, const QString &path);
    /// Where Alembic's own view of the scripts differs from the graph Retort read (warnings naming
    /// the revisions); empty when they agree.
    void crossChecked(const retort::Diagnostics &disagreements);
    /// The project with the values Alembic evaluated where the static scan could not (computed
    /// branch labels, say) filled in; only emitted when there were such values.
    void projectResolved(const retort::Project &project);
    /// The SQL pane shows \a sql (empty: none, or an error) in \a dialect.
    void sqlShown(const QString &sql, const QString &dialect);
    void info(const QString &message);
    void error(const QString &message);

private:
    void showSql();
    void requestSql();
    /// {older, newer} when \a revisionIds are two revisions on one line of history, else empty.
    QStringList rangeOf(const QStringList &revisionIds) const;
    void updateStatus();
    void useInterpreter();

    QSettings *m_settings = nullptr;
    QWidget *m_window = nullptr;
    AlembicService *m_service = nullptr;
    SqlPreviewPanel *m_panel = nullptr;
    QLabel *m_status = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_newRevision = nullptr;
    QAction *m_mergeHeads = nullptr;
    QAction *m_interpreter = nullptr;
    Project m_project;
    QString m_revision;
    QStringList m_selected;
    QStringList m_range; ///< {older, newer} when a range is selected
    quint64 m_sqlRequest = 0;
};

} // namespace retort
