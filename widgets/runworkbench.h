#pragma once

#include "project.h"
#include "rundestination.h"
#include "runplandialog.h"
#include "runjournal.h"
#include "runplan.h"
#include "runrecord.h"

#include <QHash>
#include <QObject>
#include <QMessageBox>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QMenu;

class QWidget;

namespace retort {

class AlembicService;
class MigrationRunner;
class RunPanel;
class RunRecovery;
class RollbackVerifier;
struct VerificationResult;

struct BridgeError;
struct SqlQuery;

/// Upgrades and downgrades from the window: reads where the database is (off the GUI thread),
/// makes the plan, shows it with each step's SQL and warnings (RunPlanDialog), then drives the run
/// with a MigrationRunner that writes the run journal, and shows it in the step log (RunPanel).
class RunWorkbench : public QObject
{
    Q_OBJECT

public:
    /// \a journalPath: empty for RunJournal::defaultPath().
    RunWorkbench(AlembicService *alembic, const QString &journalPath, QWidget *dialogParent, QObject *parent = nullptr);
    ~RunWorkbench() override;

    /// The step log; placed by the window (a dock).
    RunPanel *panel() const { return m_panel; }
    RunJournal &journal() { return m_journal; }
    /// The runner of the latest run (null before the first).
    MigrationRunner *runner() const { return m_runner.get(); }
    /// Interrupted runs found in the journal and their recovery.
    RunRecovery *recovery() const { return m_recovery; }
    /// The question which parent to step down to, while it is open.
    QMessageBox *parentChoice() const { return m_parentChoice; }
    /// The plan dialog while it is open.
    RunPlanDialog *planDialog() const { return m_dialog; }
    bool isRunning() const;

    void setProject(const Project &project);
    /// Plans a run of \a destination to \a target and shows the plan; the run starts when the user accepts.
    void planRun(const RunDestination &destination, const QString &target, bool upgrade);

    /// Proves that \a revision's downgrade undoes its upgrade on \a destination (a local database:
    /// verification changes it): snapshot, upgrade, snapshot, downgrade, snapshot, compare.
    void verifyRevision(const RunDestination &destination, const QString &revision);
    RollbackVerifier *verifier() const { return m_verifier.get(); }
    /// Writes run \a runId from the journal to \a path as "markdown" or "json"; empty on success,
    /// else why not (the file is written whole or not at all).
    QString exportRun(qint64 runId, const QString &path, const QString &format);

    /// The Run menu: Upgrade/Downgrade Database to Here (the graph's current revision), Upgrade
    /// Database to Heads, each on the database \a destination names (or why there is none).
    QMenu *menu() const { return m_menu; }
    /// The actions the graph's context menu offers.
    QList<QAction *> graphActions() const;
    void setSources(std::function<QString()> currentRevision,
                    std::function<std::optional<RunDestination>(QString *why)> destination);
    /// The profile of the database chosen in the schema pane: the History list shows its runs
    /// (or, when the user asks, every profile's). Empty: no database chosen, all runs.
    void setHistoryProfile(const QString &profile);

signals:
    void info(const QString &message);
    void error(const QString &message);
    void runFinished(const retort::RunRecord &record);
    void verified(const retort::VerificationResult &result);
    void openFileRequested(const QString &path, int line);

private:
    void showPlan(const RunDestination &destination, const RunPlan &plan);
    void sqlAnswered(quint64 id, const QString &sql, const QString &error);
    void runFromMenu(const QString &target, bool upgrade);
    void refreshHistory();
    /// Calls \a then with \a destination, its URL completed with the keychain's password when it
    /// has none and the keychain may hold one (read on a worker thread: the GUI thread never waits).
    void withPassword(const RunDestination &destination, std::function<void(const RunDestination &)> then);

    AlembicService *m_alembic = nullptr;
    QWidget *m_dialogParent = nullptr;
    QPointer<RunPanel> m_panel; ///< the Runs dock takes it over (and may delete it first)
    RunJournal m_journal;
    QString m_journalError;
    Project m_project;
    std::unique_ptr<MigrationRunner> m_runner;
    QPointer<RunPlanDialog> m_dialog;
    QHash<quint64, int> m_sqlRequests; ///< offline SQL request -> step of the open dialog
    QMenu *m_menu = nullptr;
    QAction *m_upgradeHere = nullptr;
    QAction *m_downgradeHere = nullptr;
    QAction *m_upgradeHeads = nullptr;
    QAction *m_downgradeOne = nullptr;
    QPointer<QMessageBox> m_parentChoice;
    QAction *m_recover = nullptr;
    QAction *m_verify = nullptr;
    std::unique_ptr<RollbackVerifier> m_verifier;
    RunRecovery *m_recovery = nullptr;
    std::function<QString()> m_currentRevision;
    std::function<std::optional<RunDestination>(QString *)> m_destination;
};

} // namespace retort
