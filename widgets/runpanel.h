#pragma once

#include "runstepmodel.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;
class QTextBrowser;
class QToolButton;

namespace retort {

class MigrationRunner;

/// The step log of a run: one row per step that updates live (status, start, duration, statements),
/// the selected step's statements, output and error beside it (a traceback's frames are links into
/// the editor), and the run's controls: go on, one more step, pause after this step, cancel.
/// Paints and forwards: the MigrationRunner does the work.
class RunPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RunPanel(QWidget *parent = nullptr);

    /// Follows \a runner (may be null): its steps, statements and state.
    void setRunner(MigrationRunner *runner);
    /// Shows a run that is not live (from the journal).
    void showRecord(const RunRecord &record);
    /// The journal's runs (headers, newest first) for the History list: those of historyFilter()'s
    /// profile, or of every profile (each entry then names its profile).
    void setHistory(const QList<RunRecord> &runs);
    /// The profile of the database chosen in the schema pane (empty: none): the History list offers
    /// its runs, or those of all databases.
    void setHistoryProfile(const QString &profile);
    /// The profile whose runs the History list is to show; empty for all profiles.
    QString historyFilter() const;
    QComboBox *history() const { return m_history; }
    /// Whose runs the History list shows: the chosen database's or all databases'.
    QComboBox *historyScope() const { return m_scope; }
    QToolButton *exportButton() const { return m_export; }
    RunStepModel *model() const { return m_model; }
    QTableView *stepTable() const { return m_table; }
    QTextBrowser *details() const { return m_details; }
    QLabel *summary() const { return m_summary; }
    QToolButton *continueButton() const { return m_continue; }
    QToolButton *stepButton() const { return m_step; }
    QToolButton *pauseButton() const { return m_pause; }
    QToolButton *cancelButton() const { return m_cancel; }

    /// The details of step \a row as HTML (statements with durations, notices, output, the error).
    static QString stepDetailsHtml(const RunStepRecord &step);

signals:
    /// A frame of a failed step's traceback was clicked.
    void openFileRequested(const QString &path, int line);
    /// A run was picked in the History list.
    void historyRunChosen(qint64 runId);
    /// The user switched the History list between the chosen database and all databases.
    void historyScopeChanged();
    /// Export the shown run as "markdown" or "json".
    void exportRequested(qint64 runId, const QString &format);

private:
    void updateControls();
    void updateSummary();
    void showStep(int row);

    RunStepModel *m_model = nullptr;
    QPointer<MigrationRunner> m_runner;
    QLabel *m_summary = nullptr;
    QTableView *m_table = nullptr;
    QTextBrowser *m_details = nullptr;
    QToolButton *m_continue = nullptr;
    QToolButton *m_step = nullptr;
    QToolButton *m_pause = nullptr;
    QToolButton *m_cancel = nullptr;
    QComboBox *m_history = nullptr;
    QComboBox *m_scope = nullptr;
    bool m_showAll = false; ///< the user chose "All databases"
    QToolButton *m_export = nullptr;
};

} // namespace retort
