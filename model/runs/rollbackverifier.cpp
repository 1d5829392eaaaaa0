#include "rollbackverifier.h"

#include "alembicbridge.h"
#include "runjournal.h"
#include "runlocksession.h"
#include "schemaloader.h"
#include "runtext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QSysInfo>
#include <algorithm>

namespace retort {

namespace {

using Outcome = VerificationResult::Outcome;

/// \a snapshot without alembic_version's rows: the rows say where Alembic is, not what the schema is
/// (the table itself stays, so a downgrade that drops it is seen).
SchemaSnapshot withoutVersionRows(const SchemaSnapshot &snapshot)
{
    SchemaSnapshot::Data data = snapshot.data();
    data.alembicVersions.clear();
    return SchemaSnapshot(std::move(data));
}

QString fingerprintOf(const SchemaSnapshot &snapshot)
{
    return QString::fromLatin1(snapshot.fingerprint());
}

/// Why equal snapshots have different fingerprints: tables whose columns came back in another order.
QStringList orderNotes(const SchemaSnapshot &before, const SchemaSnapshot &after)
{
    const auto names = [](const SchemaSnapshot::Table &table) {
        QStringList list;
        for (const SchemaSnapshot::Column &column : table.columns)
            list.append(column.name);
        return list;
    };
    QStringList notes;
    for (const SchemaSnapshot::Table &table : before.tables()) {
        const SchemaSnapshot::Table *other = after.table(table.schema, table.name);
        if (other && names(table) != names(*other))
            notes.append(QStringLiteral("%1 has its columns in another order after the downgrade (%2; before: %3); "
                                        "the comparison does not count column order")
                             .arg(table.path(), names(*other).join(QStringLiteral(", ")),
                                  names(table).join(QStringLiteral(", "))));
    }
    if (notes.isEmpty())
        notes.append(QStringLiteral("The fingerprints before the upgrade and after the downgrade differ in something "
                                    "the object-by-object comparison leaves out"));
    return notes;
}

QString changeCount(qsizetype count)
{
    return count == 1 ? QStringLiteral("1 difference") : QStringLiteral("%1 differences").arg(count);
}

} // namespace

RollbackVerifier::RollbackVerifier(AlembicBridge *bridge, const RevisionGraph &graph, QObject *parent)
    : QObject(parent)
    , m_bridge(bridge)
    , m_graph(graph)
    , m_runner(new MigrationRunner(bridge, this))
    , m_loader(new SchemaLoader(this))
    , m_lock(new RunLockSession(this))
{
    // The run lock is held from before the first snapshot to the end: no other run comes between.
    connect(m_lock, &RunLockSession::acquired, this, [this](const QString &error) {
        if (m_phase != Phase::Reading)
            return;
        if (m_cancelRequested)
            return finish(Outcome::Cancelled, QStringLiteral("Cancelled before anything ran"));
        if (!error.isEmpty())
            return finish(Outcome::Failed, QStringLiteral("Nothing ran: %1").arg(error));
        emit progress(QStringLiteral("Reading the schema of %1").arg(m_target.database));
        m_loader->load(m_target.url);
    });
    connect(m_loader, &SchemaLoader::loaded, this, &RollbackVerifier::snapshotTaken);
    connect(m_loader, &SchemaLoader::failed, this, &RollbackVerifier::snapshotFailed);
    connect(bridge, &AlembicBridge::finished, this,
            [this](quint64 id, const QJsonObject &) { stampAnswered(id, true, {}); });
    connect(bridge, &AlembicBridge::failed, this,
            [this](quint64 id, const BridgeError &error) { stampAnswered(id, false, error); });

    connect(m_runner, &MigrationRunner::runFinished, this, &RollbackVerifier::runFinished);
    // The runner's events go into the Verify run, at the steps' places there.
    connect(m_runner, &MigrationRunner::stepStarted, this, [this](int index, const RunStepRecord &step) {
        if (recording())
            journalled(
                m_journal->stepStarted(m_result.run.id, journalIndex(index), step.versionsBefore, step.startedAt));
    });
    connect(m_runner, &MigrationRunner::statementStarted, this, [this](int index, const StatementRecord &statement) {
        if (recording())
            journalled(m_journal->statementStarted(m_result.run.id, journalIndex(index), statement));
    });
    connect(m_runner, &MigrationRunner::statementFinished, this, [this](int index, const StatementRecord &statement) {
        if (recording())
            journalled(m_journal->statementFinished(m_result.run.id, journalIndex(index), statement.sequence,
                                                    statement.durationUs, statement.rowsAffected, statement.notices,
                                                    statement.error));
    });
    connect(m_runner, &MigrationRunner::stepOutput, this, [this](int index, const QString &line) {
        if (recording())
            journalled(m_journal->stepOutput(m_result.run.id, journalIndex(index), line + QLatin1Char('\n')));
    });
    connect(m_runner, &MigrationRunner::stepFinished, this, [this](int index, const RunStepRecord &step) {
        if (recording())
            journalled(m_journal->stepFinished(m_result.run.id, journalIndex(index), step.status, step.versionsAfter,
                                               step.durationMs, step.error));
        emit progress(QStringLiteral("%1 %2: %3 in %4 ms")
                          .arg(step.upgrade ? QStringLiteral("upgrade") : QStringLiteral("downgrade"), step.revision,
                               statusName(step.status))
                          .arg(std::max<qint64>(step.durationMs, 0)));
    });
}

RollbackVerifier::~RollbackVerifier() = default;

RollbackVerifier::Range RollbackVerifier::range(const RevisionGraph &graph, const QString &first, const QString &last)
{
    Range range;
    const auto one = [&graph](const QString &identifier, QString &id) -> QString {
        const Resolution found = graph.resolve(identifier);
        if (!found.ok())
            return found.error;
        if (found.revisions.size() != 1)
            return QStringLiteral("%1 names %2 revisions (%3); a verification needs one")
                .arg(identifier)
                .arg(found.revisions.size())
                .arg(listedRevisions(found.revisions));
        id = found.revisions.constFirst();
        return {};
    };
    range.error = one(last, range.last);
    if (range.error.isEmpty())
        range.error = first.isEmpty() ? QString() : one(first, range.first);
    if (!range.ok())
        return range;
    if (first.isEmpty())
        range.first = range.last;
    range.start = RunPlan::versionRows(graph, graph.parents(range.first) + graph.dependencies(range.first));
    range.upgrade = RunPlan::make(graph, range.start, range.last, true);
    if (!range.upgrade.ok()) {
        range.error = range.upgrade.error;
    } else if (std::none_of(range.upgrade.steps.cbegin(), range.upgrade.steps.cend(),
                            [&range](const RunPlanStep &step) { return step.revision == range.first; })) {
        range.error = QStringLiteral("%1 does not stand on %2: upgrading from %2's parents to %1 does not run %2")
                          .arg(range.last, range.first);
    }
    return range;
}

void RollbackVerifier::setPhase(Phase phase)
{
    if (m_phase == phase)
        return;
    m_phase = phase;
    emit phaseChanged(phase);
}

void RollbackVerifier::start(const Request &request, const MigrationRunner::Target &target,
                             const MigrationRunner::Options &options)
{
    if (isBusy())
        return;
    m_request = request;
    m_target = target;
    m_options = options;
    m_options.pauseAfterEachStep = false;
    m_options.fingerprints = false; // the verification takes its own snapshots around each run
    m_options.takeRunLock = false;  // held by m_lock across the runs
    m_range = range(m_graph, request.first, request.last);
    m_upgrade = RunPlan();
    m_current.clear();
    m_read = m_before = m_upgraded = SchemaSnapshot();
    m_changedSinceRead = false;
    m_verifying = false;
    m_offset = 0;
    m_stampRequest = 0;
    m_cancelRequested = false;
    m_journalError.clear();

    m_result = VerificationResult();
    RunRecord &run = m_result.run;
    run.kind = RunRecord::Kind::Verify;
    run.profile = target.profile;
    run.database = target.database;
    run.environment = target.environment;
    run.project = target.project;
    run.user = currentUserName();
    run.host = QSysInfo::machineHostName();
    if (m_range.ok())
        run.target = m_range.first == m_range.last ? m_range.last : m_range.first + QLatin1Char(':') + m_range.last;
    else
        run.target = request.first.isEmpty() ? request.last : request.first + QLatin1Char(':') + request.last;
    run.upgrade = true;
    run.lockTimeoutMs = options.lockTimeoutMs;
    run.statementTimeoutMs = options.statementTimeoutMs;

    setPhase(Phase::Reading);
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (!m_range.ok())
                return finish(Outcome::Failed, m_range.error);
            emit progress(QStringLiteral("Taking the run lock on %1").arg(m_target.database));
            m_lock->acquire(m_target.url, QStringLiteral("Retort run by %1@%2 (pid %3, rollback verification)")
                                              .arg(m_result.run.user, m_result.run.host)
                                              .arg(QCoreApplication::applicationPid()));
        },
        Qt::QueuedConnection);
}

void RollbackVerifier::cancel()
{
    if (!isBusy())
        return;
    m_cancelRequested = true;
    switch (m_phase) {
    case Phase::Preparing:
    case Phase::Upgrading:
    case Phase::Downgrading:
    case Phase::Reupgrading:
        m_runner->cancel();
        break;
    case Phase::Reading:
    case Phase::Before:
    case Phase::Upgraded:
    case Phase::Downgraded:
    case Phase::Reupgraded:
        m_loader->cancel();
        break;
    default:
        break; // a stamp ends on its own; the verification stops after it
    }
}

void RollbackVerifier::journalled(const QString &error)
{
    if (!error.isEmpty() && m_journalError.isEmpty())
        m_journalError = error;
}

bool RollbackVerifier::stoppedAtBoundary()
{
    if (m_cancelRequested) {
        finish(Outcome::Cancelled, QStringLiteral("Cancelled; %1 is at %2").arg(m_target.database, listedRevisions(m_current)));
        return true;
    }
    if (!m_journalError.isEmpty()) {
        finish(Outcome::Failed,
               QStringLiteral("Stopped: the run journal could not be written. %1").arg(m_journalError));
        return true;
    }
    return false;
}

void RollbackVerifier::snapshotFailed(const QString &error)
{
    if (m_cancelRequested)
        return finish(Outcome::Cancelled, QStringLiteral("Cancelled while reading the schema"));
    const QString when = m_phase == Phase::Before       ? QStringLiteral("before the upgrade")
                         : m_phase == Phase::Upgraded   ? QStringLiteral("after the upgrade")
                         : m_phase == Phase::Downgraded ? QStringLiteral("after the downgrade")
                         : m_phase == Phase::Reupgraded ? QStringLiteral("after upgrading again")
                                                        : QStringLiteral("before anything ran");
    finish(Outcome::Failed, QStringLiteral("Cannot read the schema of %1 %2: %3").arg(m_target.database, when, error));
}

void RollbackVerifier::snapshotTaken(const SchemaSnapshot &snapshot)
{
    if (stoppedAtBoundary())
        return;
    switch (m_phase) {
    case Phase::Reading:
        m_read = snapshot;
        m_current = snapshot.alembicVersions();
        emit progress(QStringLiteral("%1 is at %2").arg(m_target.database, listedRevisions(m_current)));
        prepareOrBegin();
        return;
    case Phase::Before:
        m_before = snapshot;
        beginVerification();
        return;
    case Phase::Upgraded: {
        m_upgraded = snapshot;
        m_result.run.verification.fingerprintUpgraded = fingerprintOf(snapshot);
        const RunPlan down = RunPlan::reversed(m_upgrade, listedRevisions(m_upgrade.current));
        emit progress(QStringLiteral("Downgrading back to %1").arg(listedRevisions(m_upgrade.current)));
        startRun(Phase::Downgrading, down, int(m_upgrade.steps.size()));
        return;
    }
    case Phase::Downgraded:
        compareRollback(snapshot);
        return;
    case Phase::Reupgraded:
        compareReupgrade(snapshot);
        return;
    default:
        return;
    }
}

void RollbackVerifier::prepareOrBegin()
{
    if (stoppedAtBoundary())
        return;
    // Below the start: upgrade to each of its rows in turn, in runs of their own.
    for (const QString &row : std::as_const(m_range.start)) {
        const RunPlan plan = RunPlan::make(m_graph, m_current, row, true);
        if (!plan.ok())
            return finish(Outcome::Failed, QStringLiteral("Cannot bring %1 to the range's start (%2): %3")
                                               .arg(m_target.database, listedRevisions(m_range.start), plan.error));
        if (!plan.isEmpty()) {
            emit progress(QStringLiteral("Upgrading %1 from %2 to %3, the start of the range (not verified)")
                              .arg(m_target.database, listedRevisions(m_current), row));
            m_changedSinceRead = true;
            return startRun(Phase::Preparing, plan, 0);
        }
    }
    m_upgrade = RunPlan::make(m_graph, m_current, m_range.last, true);
    if (!m_upgrade.ok())
        return finish(Outcome::Failed, m_upgrade.error);
    // From here the upgrade must run exactly the range: nothing of it applied already.
    const auto revisions = [](const RunPlan &plan) {
        QStringList list;
        for (const RunPlanStep &step : plan.steps)
            list.append(step.revision);
        return list;
    };
    const QStringList wanted = revisions(m_range.upgrade);
    const QStringList planned = revisions(m_upgrade);
    QStringList applied;
    for (const QString &revision : wanted)
        if (!planned.contains(revision))
            applied.append(revision);
    if (!applied.isEmpty())
        return finish(
            Outcome::Failed,
            QStringLiteral("%1 already has %2 applied (alembic_version: %3), so the range cannot be verified "
                           "from it: its start is %4. Downgrade it there first, or use an empty sandbox.")
                .arg(m_target.database, applied.join(QStringLiteral(", ")), listedRevisions(m_current), listedRevisions(m_range.start)));
    QStringList extra;
    for (const QString &revision : planned)
        if (!wanted.contains(revision))
            extra.append(revision);
    if (!extra.isEmpty())
        return finish(Outcome::Failed,
                      QStringLiteral("Upgrading %1 to %2 from %3 would also run %4, which is not in the range")
                          .arg(m_target.database, m_range.last, listedRevisions(m_current), extra.join(QStringLiteral(", "))));
    if (!m_changedSinceRead && !m_read.hasAlembicVersion())
        return stamp();
    if (!m_changedSinceRead) {
        m_before = m_read;
        return beginVerification();
    }
    setPhase(Phase::Before);
    emit progress(QStringLiteral("Reading the schema before the upgrade"));
    m_loader->load(m_target.url);
}

void RollbackVerifier::stamp()
{
    setPhase(Phase::Stamping);
    emit progress(QStringLiteral("%1 has no alembic_version table: creating it empty first (alembic stamp base), as "
                                 "the first upgrade would; no downgrade drops it")
                      .arg(m_target.database));
    QJsonObject params{{QStringLiteral("url"), m_target.url},
                       {QStringLiteral("revisions"), QJsonArray{QStringLiteral("base")}}};
    if (!m_options.urlVariable.isEmpty())
        params.insert(QStringLiteral("url_variable"), m_options.urlVariable);
    m_stampRequest = m_bridge ? m_bridge->request(QStringLiteral("stamp"), params) : 0;
    if (!m_stampRequest)
        finish(Outcome::Failed, QStringLiteral("The Alembic helper is gone"));
}

void RollbackVerifier::stampAnswered(quint64 id, bool ok, const BridgeError &error)
{
    if (id == 0 || id != m_stampRequest)
        return;
    m_stampRequest = 0;
    if (!ok) {
        m_result.failedStep.revision = QStringLiteral("base");
        m_result.failedStep.message = QStringLiteral("alembic stamp base");
        m_result.failedStep.status = RunStatus::Failed;
        m_result.failedStep.error = error;
        return finish(Outcome::StepFailed,
                      QStringLiteral("Creating alembic_version (alembic stamp base) failed: %1: %2")
                          .arg(error.type, error.message));
    }
    m_changedSinceRead = true;
    m_result.notes.append(
        QStringLiteral("alembic_version was created empty (alembic stamp base) before the first snapshot"));
    if (stoppedAtBoundary())
        return;
    setPhase(Phase::Before);
    emit progress(QStringLiteral("Reading the schema before the upgrade"));
    m_loader->load(m_target.url);
}

void RollbackVerifier::beginVerification()
{
    if (stoppedAtBoundary())
        return;
    RunRecord &run = m_result.run;
    run.status = RunStatus::Running;
    run.startedAt = QDateTime::currentDateTimeUtc();
    run.versionsBefore = m_current;
    run.versionsAfter = m_current;
    run.fingerprintBefore = fingerprintOf(m_before);
    run.verification.fingerprintBefore = run.fingerprintBefore;
    const RunPlan down = RunPlan::reversed(m_upgrade, listedRevisions(m_upgrade.current));
    QList<const RunPlan *> plans{&m_upgrade, &down};
    if (m_request.reupgrade)
        plans.append(&m_upgrade);
    for (const RunPlan *plan : plans) {
        for (const RunPlanStep &planned : plan->steps) {
            RunStepRecord step;
            step.index = int(run.steps.size());
            step.revision = planned.revision;
            step.message = planned.message;
            step.upgrade = planned.upgrade;
            step.versionsBefore = planned.versionsBefore;
            step.versionsExpected = planned.versionsAfter;
            run.steps.append(step);
        }
    }
    if (m_journal) {
        run.id = m_journal->beginRun(run);
        if (run.id == 0)
            return finish(
                Outcome::Failed,
                QStringLiteral("Nothing ran: the run journal could not be written. %1").arg(m_journal->lastError()));
    }
    m_verifying = true;
    emit progress(QStringLiteral("Upgrading %1: %2").arg(m_target.database, run.target));
    startRun(Phase::Upgrading, m_upgrade, 0);
}

void RollbackVerifier::startRun(Phase phase, const RunPlan &plan, int offset)
{
    setPhase(phase);
    m_offset = offset;
    // Upgrades to the start are runs of their own; the verification's runs are steps of the Verify run.
    m_runner->setJournal(phase == Phase::Preparing ? m_journal : nullptr);
    // Queued: this may be called from the runner's own runFinished().
    QMetaObject::invokeMethod(
        this,
        [this, plan] {
            if (!stoppedAtBoundary())
                m_runner->start(plan, m_target, m_options);
        },
        Qt::QueuedConnection);
}

void RollbackVerifier::runFinished(const RunRecord &record)
{
    const Phase phase = m_phase;
    if (phase == Phase::Preparing) {
        if (record.id > 0)
            m_result.preparationRuns.append(record.id);
        m_current = record.versionsAfter;
    } else if (phase == Phase::Upgrading || phase == Phase::Downgrading || phase == Phase::Reupgrading) {
        for (qsizetype i = 0; i < record.steps.size(); ++i) {
            RunStepRecord step = record.steps.at(i);
            step.index = journalIndex(int(i));
            if (step.index < m_result.run.steps.size())
                m_result.run.steps[step.index] = step;
        }
        m_current = record.versionsAfter;
        m_result.run.versionsAfter = record.versionsAfter;
    } else {
        return;
    }

    if (record.status != RunStatus::Succeeded) {
        const QString what = phase == Phase::Preparing     ? QStringLiteral("Upgrading to the range's start failed")
                             : phase == Phase::Upgrading   ? QStringLiteral("The upgrade failed")
                             : phase == Phase::Downgrading ? QStringLiteral("The downgrade failed")
                                                           : QStringLiteral("Upgrading again failed");
        const QString error = QStringLiteral("%1: %2").arg(what, record.error);
        if (record.status == RunStatus::Cancelled)
            return finish(Outcome::Cancelled, error);
        const auto failed = std::find_if(record.steps.cbegin(), record.steps.cend(), [](const RunStepRecord &step) {
            return step.failed() && step.error.type != QLatin1String("VersionMismatch") &&
                   step.error.type != QLatin1String("VersionUnreadable");
        });
        if (failed == record.steps.cend())
            return finish(Outcome::Failed, error);
        m_result.failedStep = *failed;
        if (phase != Phase::Preparing)
            m_result.failedStep.index = journalIndex(failed->index);
        return finish(Outcome::StepFailed, error);
    }
    if (phase == Phase::Preparing)
        return prepareOrBegin();
    if (stoppedAtBoundary())
        return;
    setPhase(phase == Phase::Upgrading     ? Phase::Upgraded
             : phase == Phase::Downgrading ? Phase::Downgraded
                                           : Phase::Reupgraded);
    emit progress(QStringLiteral("Reading the schema"));
    m_loader->load(m_target.url);
}

void RollbackVerifier::compareRollback(const SchemaSnapshot &downgraded)
{
    VerificationRecord &check = m_result.run.verification;
    check.fingerprintDowngraded = fingerprintOf(downgraded);
    m_result.run.fingerprintAfter = check.fingerprintDowngraded;
    const SchemaDiff diff = SchemaDiff::compare(withoutVersionRows(m_before), withoutVersionRows(downgraded));
    m_result.differences = diff.changes();
    check.equal = diff.isEmpty();
    check.difference = diff.toText();
    if (!check.equal)
        return finish(Outcome::Differs, QStringLiteral("The downgrade did not restore the schema (%1):\n%2")
                                            .arg(changeCount(diff.changes().size()), check.difference.trimmed()));
    if (check.fingerprintDowngraded != check.fingerprintBefore)
        m_result.notes += orderNotes(m_before, downgraded);
    emit progress(QStringLiteral("The downgrade restored the schema"));
    if (!m_request.reupgrade)
        return finish(Outcome::Restored, {});
    emit progress(QStringLiteral("Upgrading again"));
    startRun(Phase::Reupgrading, RunPlan::make(m_graph, m_current, m_range.last, true),
             int(2 * m_upgrade.steps.size()));
}

void RollbackVerifier::compareReupgrade(const SchemaSnapshot &reupgraded)
{
    VerificationRecord &check = m_result.run.verification;
    check.fingerprintReupgraded = fingerprintOf(reupgraded);
    m_result.run.fingerprintAfter = check.fingerprintReupgraded;
    const SchemaDiff diff = SchemaDiff::compare(withoutVersionRows(m_upgraded), withoutVersionRows(reupgraded));
    m_result.reupgradeDifferences = diff.changes();
    if (!diff.isEmpty())
        return finish(Outcome::Differs,
                      QStringLiteral("Upgrading again gave another schema than the first upgrade (%1):\n%2")
                          .arg(changeCount(diff.changes().size()), diff.toText().trimmed()));
    emit progress(QStringLiteral("Upgrading again gave the first upgrade's schema"));
    finish(Outcome::Restored, {});
}

void RollbackVerifier::finish(Outcome outcome, const QString &error)
{
    m_result.outcome = outcome;
    m_result.error = error;
    RunRecord &run = m_result.run;
    run.status = outcome == Outcome::Restored    ? RunStatus::Succeeded
                 : outcome == Outcome::Cancelled ? RunStatus::Cancelled
                                                 : RunStatus::Failed;
    run.error = error;
    run.finishedAt = QDateTime::currentDateTimeUtc();
    if (recording()) {
        QString failure = m_journal->recordVerification(run.id, run.verification);
        const QString ended = m_journal->finishRun(run.id, run.status, run.versionsAfter, run.fingerprintAfter, error);
        if (failure.isEmpty())
            failure = ended;
        if (!failure.isEmpty())
            run.error +=
                (run.error.isEmpty() ? QString() : QStringLiteral(" ")) +
                QStringLiteral("The run journal could not record the end of the verification: %1").arg(failure);
    }
    m_verifying = false;
    m_lock->release();
    setPhase(Phase::Finished);
    emit progress(outcome == Outcome::Restored ? QStringLiteral("Verified: the downgrade restores the schema") : error);
    emit finished(m_result);
}

} // namespace retort
