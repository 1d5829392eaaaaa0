#include "runworkbench.h"

#include "alembicservice.h"
#include "backgroundtask.h"
#include "migrationrunner.h"
#include "rundatabase.h"
#include "runpanel.h"
#include "runplandialog.h"
#include "runrecovery.h"
#include "runreport.h"
#include "rollbackverifier.h"

#include <QAction>
#include <QCoreApplication>
#include <QMenu>
#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>

namespace retort {

namespace {

/// A message that does not block: the window stays live, tests go on.
void tell(QWidget *parent, QMessageBox::Icon icon, const QString &text)
{
    auto *box = new QMessageBox(icon, QObject::tr("Run"), text, QMessageBox::Ok, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace

RunWorkbench::RunWorkbench(AlembicService *alembic, const QString &journalPath, QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_alembic(alembic)
    , m_dialogParent(dialogParent)
    , m_panel(new RunPanel)
{
    m_journalError = m_journal.open(journalPath.isEmpty() ? RunJournal::defaultPath() : journalPath);
    connect(m_panel, &RunPanel::openFileRequested, this, &RunWorkbench::openFileRequested);
    m_menu = new QMenu(tr("&Run"));
    m_upgradeHere = m_menu->addAction(tr("&Upgrade Database to Here…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U), this,
                                      [this] { runFromMenu(m_currentRevision ? m_currentRevision() : QString(), true); });
    m_downgradeHere = m_menu->addAction(tr("&Downgrade Database to Here…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
                                        this, [this] { runFromMenu(m_currentRevision ? m_currentRevision() : QString(), false); });
    m_downgradeOne = m_menu->addAction(tr("Downgrade Database One &Step…"), this,
                                       [this] { runFromMenu(QStringLiteral("-1"), false); });
    m_upgradeHeads = m_menu->addAction(tr("Upgrade Database to &Heads…"), this,
                                       [this] { runFromMenu(QStringLiteral("heads"), true); });
    m_menu->addSeparator();
    m_verify = m_menu->addAction(tr("&Verify Downgrade of This Revision…"), this, [this] {
        const QString revision = m_currentRevision ? m_currentRevision() : QString();
        QString why;
        const std::optional<RunDestination> destination = m_destination ? m_destination(&why) : std::nullopt;
        if (revision.isEmpty() || !destination) {
            emit error(revision.isEmpty() ? tr("Select a revision in the graph first.") : why);
            return;
        }
        verifyRevision(*destination, revision);
    });
    m_verify->setToolTip(tr("Upgrade, downgrade and compare the schema before and after on the sandbox (or another "
                            "local database), to prove the downgrade undoes the upgrade"));
    m_recover = m_menu->addAction(tr("&Recover Interrupted Run…"), this, [this] {
        QString why;
        const std::optional<RunDestination> destination = m_destination ? m_destination(&why) : std::nullopt;
        if (destination)
            withPassword(*destination, [this](const RunDestination &resolved) { m_recovery->recover(resolved); });
        else
            emit error(why);
    });
    m_recovery = new RunRecovery(m_journal, alembic, dialogParent, this);
    connect(m_recovery, &RunRecovery::info, this, &RunWorkbench::info);
    connect(m_recovery, &RunRecovery::error, this, &RunWorkbench::error);
    connect(m_recovery, &RunRecovery::retryRequested, this,
            [this](const RunDestination &destination, const QString &target, bool upgrade) { planRun(destination, target, upgrade); });
    connect(m_recovery, &RunRecovery::interruptedChanged, this, [this](int count) { m_recover->setEnabled(count > 0); });
    connect(m_panel, &RunPanel::historyRunChosen, this, [this](qint64 id) {
        if (isRunning()) {
            emit info(tr("A run is in progress: its step log stays in view until it ends."));
            refreshHistory();
            return;
        }
        const RunRecord run = m_journal.run(id);
        if (run.id == 0)
            emit error(m_journal.lastError());
        else
            m_panel->showRecord(run);
    });
    connect(m_panel, &RunPanel::exportRequested, this, [this](qint64 id, const QString &format) {
        const bool json = format == QLatin1String("json");
        auto *dialog = new QFileDialog(m_dialogParent, tr("Export Run %1").arg(id), QString(),
                                       json ? tr("JSON (*.json)") : tr("Markdown (*.md)"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        dialog->setDefaultSuffix(json ? QStringLiteral("json") : QStringLiteral("md"));
        dialog->selectFile(QStringLiteral("retort-run-%1.%2").arg(id).arg(json ? QStringLiteral("json") : QStringLiteral("md")));
        connect(dialog, &QFileDialog::fileSelected, this, [this, id, format](const QString &path) {
            if (const QString failure = exportRun(id, path, format); !failure.isEmpty()) {
                emit error(failure);
                tell(m_dialogParent, QMessageBox::Warning, failure);
            } else {
                emit info(tr("Run %1 written to %2").arg(id).arg(path));
            }
        });
        dialog->open();
    });
    connect(m_panel, &RunPanel::historyScopeChanged, this, &RunWorkbench::refreshHistory);
    connect(this, &RunWorkbench::runFinished, this, &RunWorkbench::refreshHistory);
    refreshHistory();
    // A run that a crash interrupted is shown at once, with its last known state.
    if (m_journalError.isEmpty() && !m_recovery->refresh().isEmpty()) {
        const RunRecord &run = m_recovery->interrupted().constFirst();
        m_panel->showRecord(run);
        QMetaObject::invokeMethod(this, [this, id = run.id, database = run.database] {
            emit error(tr("Run %1 on %2 was interrupted. Choose that database and use Run ▸ Recover Interrupted Run… to see "
                          "where it really is and retry, stamp or close the run.").arg(id).arg(database));
        }, Qt::QueuedConnection);
    } else {
        m_recover->setEnabled(false);
    }
    m_upgradeHere->setToolTip(tr("Upgrade the database shown in the schema pane to the selected revision, one revision per step"));
    m_downgradeHere->setToolTip(tr("Downgrade the database shown in the schema pane to the selected revision"));
    connect(alembic, &AlembicService::sqlReady, this,
            [this](quint64 id, const SqlQuery &, const QString &sql) { sqlAnswered(id, sql, {}); });
    connect(alembic, &AlembicService::sqlFailed, this,
            [this](quint64 id, const SqlQuery &, const BridgeError &failure) { sqlAnswered(id, {}, failure.message); });
}

RunWorkbench::~RunWorkbench()
{
    delete m_menu;
    if (m_panel && !m_panel->parent())
        delete m_panel;
}

QList<QAction *> RunWorkbench::graphActions() const
{
    return {m_upgradeHere, m_downgradeHere, m_verify};
}

void RunWorkbench::verifyRevision(const RunDestination &destination, const QString &revision)
{
    if (isRunning() || (m_verifier && m_verifier->phase() != RollbackVerifier::Phase::Idle
                        && m_verifier->phase() != RollbackVerifier::Phase::Finished)) {
        emit error(tr("A run is in progress: let it finish or cancel it first."));
        return;
    }
    if (destination.environment != QLatin1String("local")) {
        const QString text = tr("Verification upgrades and downgrades the database. %1 is tagged %2: verify on the "
                                "sandbox or another local database.")
                                 .arg(destination.label,
                                      QCoreApplication::translate("DatabaseWorkbench", destination.environment.toUtf8().constData()));
        emit error(text);
        tell(m_dialogParent, QMessageBox::Information, text);
        return;
    }
    if (!m_journalError.isEmpty()) {
        emit error(tr("Cannot verify: the run journal is unavailable: %1").arg(m_journalError));
        return;
    }
    if (destination.keychainUrl) {
        withPassword(destination,
                     [this, revision](const RunDestination &resolved) { verifyRevision(resolved, revision); });
        return;
    }
    m_verifier = std::make_unique<RollbackVerifier>(m_alembic->bridge(), m_project.graph());
    m_verifier->setJournal(&m_journal);
    connect(m_verifier.get(), &RollbackVerifier::progress, this, &RunWorkbench::info);
    connect(m_verifier.get(), &RollbackVerifier::finished, this, [this, revision, destination](const VerificationResult &result) {
        m_panel->showRecord(result.run);
        QString text;
        if (result.restored()) {
            text = tr("The downgrade of %1 restores the schema on %2.").arg(revision, destination.label);
            emit info(text);
        } else {
            text = tr("Verification of %1 on %2: %3").arg(revision, destination.label, result.error);
            for (const SchemaChange &change : result.differences)
                text += QStringLiteral("\n  ") + change.toText();
            emit error(text);
        }
        for (const QString &note : result.notes)
            emit info(note);
        tell(m_dialogParent, result.restored() ? QMessageBox::Information : QMessageBox::Warning, text);
        emit verified(result);
        emit runFinished(result.run);
    });
    RollbackVerifier::Request request;
    request.last = revision;
    m_verifier->start(request, {destination.url, destination.label, destination.profile, destination.environment,
                                m_project.config().iniPath()});
}

void RunWorkbench::setSources(std::function<QString()> currentRevision,
                              std::function<std::optional<RunDestination>(QString *)> destination)
{
    m_currentRevision = std::move(currentRevision);
    m_destination = std::move(destination);
}

void RunWorkbench::runFromMenu(const QString &target, bool upgrade)
{
    if (target.isEmpty()) {
        emit error(tr("Select a revision in the graph first."));
        return;
    }
    QString why;
    const std::optional<RunDestination> destination = m_destination ? m_destination(&why) : std::nullopt;
    if (!destination) {
        emit error(why.isEmpty() ? tr("There is no database to run on.") : why);
        tell(m_dialogParent, QMessageBox::Information, why.isEmpty() ? tr("There is no database to run on.") : why);
        return;
    }
    planRun(*destination, target, upgrade);
}

void RunWorkbench::setHistoryProfile(const QString &profile)
{
    m_panel->setHistoryProfile(profile);
    refreshHistory();
}

void RunWorkbench::refreshHistory()
{
    if (m_journal.isOpen())
        m_panel->setHistory(m_journal.runs(m_panel->historyFilter(), 200));
}

void RunWorkbench::withPassword(const RunDestination &destination, std::function<void(const RunDestination &)> then)
{
    if (!destination.keychainUrl) {
        then(destination);
        return;
    }
    emit info(tr("Looking for the password of %1 in the keychain…").arg(destination.label));
    runInBackground(
        this,
        [lookup = destination.keychainUrl] {
            QString problem;
            QString url = lookup(&problem);
            return std::pair<QString, QString>(std::move(url), std::move(problem));
        },
        [this, destination, then = std::move(then)](const std::pair<QString, QString> &found) {
            RunDestination resolved = destination;
            resolved.keychainUrl = nullptr; // looked for once
            if (!found.first.isEmpty())
                resolved.url = found.first;
            else if (!found.second.isEmpty())
                emit info(tr("The keychain gave no password for %1 (%2): libpq's PGPASSWORD and ~/.pgpass apply")
                              .arg(destination.label, found.second));
            then(resolved);
        });
}

QString RunWorkbench::exportRun(qint64 runId, const QString &path, const QString &format)
{
    const RunRecord run = m_journal.run(runId);
    if (run.id == 0)
        return tr("Run %1 is not in the journal: %2").arg(runId).arg(m_journal.lastError());
    const QByteArray content = format == QLatin1String("json") ? RunReport::toJson(run) : RunReport::toMarkdown(run).toUtf8();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit())
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

bool RunWorkbench::isRunning() const
{
    return m_runner && m_runner->state() != MigrationRunner::State::Idle
        && m_runner->state() != MigrationRunner::State::Finished;
}

void RunWorkbench::setProject(const Project &project)
{
    m_project = project;
}

void RunWorkbench::planRun(const RunDestination &destination, const QString &target, bool upgrade)
{
    if (isRunning()) {
        emit error(tr("A run is in progress: let it finish or cancel it first."));
        return;
    }
    if (!m_journalError.isEmpty()) {
        emit error(tr("Cannot run: the run journal is unavailable: %1").arg(m_journalError));
        tell(m_dialogParent, QMessageBox::Warning, tr("Retort records every run in its journal, and the journal cannot be "
                                                           "written:\n%1\n\nNothing was run.").arg(m_journalError));
        return;
    }
    if (destination.keychainUrl) {
        withPassword(destination,
                     [this, target, upgrade](const RunDestination &resolved) { planRun(resolved, target, upgrade); });
        return;
    }
    emit info(tr("Reading the current revision of %1…").arg(destination.label));
    const QString url = destination.url;
    runInBackground(
        this,
        [url] { return RunDatabase::readOnce(url, QStringLiteral("Retort (planning a run)")); },
        [this, destination, target, upgrade](const RunDatabase::Versions &versions) {
            if (!versions.ok()) {
                emit error(tr("Cannot read %1: %2").arg(destination.label, versions.error));
                tell(m_dialogParent, QMessageBox::Warning, tr("Cannot read %1:\n%2").arg(destination.label, versions.error));
                return;
            }
            const RunPlan plan = RunPlan::make(m_project.graph(), versions.revisions, target, upgrade);
            if (!plan.ok()) {
                emit error(tr("Cannot plan a run to %1: %2").arg(target, plan.error));
                if (plan.parentChoices.isEmpty()) {
                    tell(m_dialogParent, QMessageBox::Warning, plan.error);
                    return;
                }
                // Alembic's -1 is ambiguous at a merge point: the user picks the parent to step down to.
                auto *box = new QMessageBox(QMessageBox::Question, tr("Run"),
                                            tr("%1 is at a merge point, where one step down is ambiguous (%2). Which parent "
                                               "should it step down to?").arg(destination.label, plan.error),
                                            QMessageBox::Cancel, m_dialogParent);
                box->setAttribute(Qt::WA_DeleteOnClose);
                for (const QString &parent : plan.parentChoices) {
                    QPushButton *choice = box->addButton(tr("Down to %1").arg(parent), QMessageBox::AcceptRole);
                    connect(choice, &QPushButton::clicked, this, [this, destination, parent] { planRun(destination, parent, false); });
                }
                m_parentChoice = box;
                box->open();
                return;
            }
            if (plan.isEmpty()) {
                emit info(tr("%1 is already at %2: nothing to run.").arg(destination.label, target));
                tell(m_dialogParent, QMessageBox::Information, tr("%1 is already at %2.").arg(destination.label, target));
                return;
            }
            showPlan(destination, plan);
        });
}

void RunWorkbench::showPlan(const RunDestination &destination, const RunPlan &plan)
{
    delete m_dialog;
    m_sqlRequests.clear();
    auto *dialog = new RunPlanDialog(plan, {destination.label, destination.databaseName, destination.environment, destination.color},
                                     m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    for (qsizetype i = 0; i < plan.steps.size(); ++i) {
        SqlQuery query;
        query.revision = plan.steps.at(i).revision;
        query.direction = plan.steps.at(i).upgrade ? QStringLiteral("up") : QStringLiteral("down");
        const quint64 id = m_alembic->requestSql(query);
        if (id)
            m_sqlRequests.insert(id, int(i));
        else
            dialog->setStepSql(int(i), {}, tr("Alembic is not available for this project"));
    }
    connect(dialog, &QDialog::accepted, this, [this, destination, plan, dialog] {
        const MigrationRunner::Options options = dialog->options();
        m_sqlRequests.clear();
        m_runner.reset(new MigrationRunner(m_alembic->bridge()));
        m_runner->setJournal(&m_journal);
        m_panel->setRunner(m_runner.get());
        connect(m_runner.get(), &MigrationRunner::runFinished, this, [this](const RunRecord &record) {
            if (record.status == RunStatus::Succeeded)
                emit info(tr("Run %1 succeeded: %2 is at %3").arg(record.id).arg(record.database,
                                                                               record.versionsAfter.join(QStringLiteral(", "))));
            else
                emit error(tr("Run %1 %2: %3").arg(record.id).arg(RunStepModel::statusText(record.status), record.error));
            emit runFinished(record);
        });
        m_runner->start(plan, {destination.url, destination.label, destination.profile, destination.environment,
                               m_project.config().iniPath()},
                        options);
    });
    dialog->open();
}

void RunWorkbench::sqlAnswered(quint64 id, const QString &sql, const QString &failure)
{
    const auto it = m_sqlRequests.constFind(id);
    if (it == m_sqlRequests.cend())
        return;
    const int step = it.value();
    m_sqlRequests.erase(it);
    if (m_dialog)
        m_dialog->setStepSql(step, sql, failure);
}

} // namespace retort
