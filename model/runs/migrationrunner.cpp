#include "migrationrunner.h"

#include "alembicbridge.h"
#include "rundatabase.h"
#include "runjournal.h"
#include "runtext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QSysInfo>
#include <QThread>

#include <algorithm>
#include <utility>

namespace retort {

namespace {

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonObject versionsToJson(const RunDatabase::Versions &versions)
{
    return {{QStringLiteral("versions"), toArray(versions.revisions)}, {QStringLiteral("error"), versions.error}};
}

} // namespace

MigrationRunner::MigrationRunner(AlembicBridge *bridge, QObject *parent)
    : QObject(parent)
    , m_bridge(bridge)
    , m_database(std::make_shared<RunDatabase>())
{
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("retort-run-database"));
    m_threadContext = new QObject;
    m_threadContext->moveToThread(m_thread);
    m_thread->start();

    m_ahead.setBridge(bridge);
    m_cancelTimer.setSingleShot(true);
    connect(&m_cancelTimer, &QTimer::timeout, this, [this] {
        // The statement did not end on cancel (the helper is stuck outside SQL): stop the helper.
        if ((m_request || !m_ahead.unanswered().isEmpty()) && m_bridge)
            m_bridge->shutdown(0);
    });
    connect(bridge, &AlembicBridge::finished, this,
            [this](quint64 id, const QJsonObject &result) { stepAnswered(id, true, result, {}); });
    connect(bridge, &AlembicBridge::failed, this,
            [this](quint64 id, const BridgeError &error) { stepAnswered(id, false, {}, error); });
    connect(bridge, &AlembicBridge::requestEvent, this, &MigrationRunner::handleEvent);
    connect(bridge, &AlembicBridge::stderrLine, this, &MigrationRunner::handleLog);
    // The helper replaced under a run (another interpreter chosen): a bridge's destructor answers
    // nothing, so the request in flight fails here.
    connect(bridge, &QObject::destroyed, this, [this] {
        const BridgeError gone{QStringLiteral("HelperCrashed"),
                               QStringLiteral("The Alembic helper was stopped while it worked (the project or its "
                                              "interpreter changed)"),
                               {}, {}, {}};
        for (const quint64 id : m_ahead.unanswered())
            stepAnswered(id, false, {}, gone);
        if (m_request)
            stepAnswered(m_request, false, {}, gone);
    });
}

MigrationRunner::~MigrationRunner()
{
    if (m_state == State::Finishing)
        recordEnd(false); // without the fingerprint that was being taken
    m_writes.flush(true); // nothing it was told is lost
    // The session closes (and its lock goes) on its own thread; then the thread ends.
    std::shared_ptr<RunDatabase> database = m_database;
    QThread *thread = m_thread;
    QMetaObject::invokeMethod(m_threadContext, [database, thread] {
        database->close();
        thread->quit();
    });
    m_thread->wait();
    delete m_threadContext;
    delete m_thread;
}

void MigrationRunner::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void MigrationRunner::onDatabase(std::function<QJsonObject(RunDatabase &)> work,
                                 std::function<void(const QJsonObject &)> done)
{
    // `this` outlives the worker's use of it: the destructor joins the thread, and a result queued
    // for a deleted runner is dropped with it.
    std::shared_ptr<RunDatabase> database = m_database;
    if (m_options.databaseWorkInline) { // the result still comes from the event loop, as from the thread
        QMetaObject::invokeMethod(this, [done = std::move(done), result = work(*database)] { done(result); },
                                  Qt::QueuedConnection);
        return;
    }
    QMetaObject::invokeMethod(m_threadContext, [this, database, work = std::move(work), done = std::move(done)] {
        const QJsonObject result = work(*database);
        QMetaObject::invokeMethod(this, [done, result] { done(result); }, Qt::QueuedConnection);
    });
}

void MigrationRunner::start(const RunPlan &plan, const Target &target, const Options &options)
{
    if (m_state != State::Idle && m_state != State::Finished)
        return;
    m_plan = plan;
    m_target = target;
    m_options = options;
    m_step = 0;
    m_request = 0;
    m_ahead.clear();
    m_unwrittenStatements.clear();
    m_backendPid = 0;
    m_pauseRequested = false;
    m_cancelRequested = false;
    m_sessionOpen = false;
    m_databaseReadable = false;
    m_preparationError.clear();
    m_writes.clearError();

    m_record = RunRecord();
    m_record.kind = RunRecord::Kind::Run;
    m_record.profile = target.profile;
    m_record.database = target.database;
    m_record.environment = target.environment;
    m_record.project = target.project;
    m_record.user = currentUserName();
    m_record.host = QSysInfo::machineHostName();
    m_record.target = plan.target;
    m_record.upgrade = plan.upgrade;
    m_record.status = RunStatus::Running;
    m_record.startedAt = QDateTime::currentDateTimeUtc();
    m_record.versionsBefore = plan.current;
    m_record.versionsAfter = plan.current;
    m_record.lockTimeoutMs = options.lockTimeoutMs;
    m_record.statementTimeoutMs = options.statementTimeoutMs;
    for (qsizetype i = 0; i < plan.steps.size(); ++i) {
        const RunPlanStep &planned = plan.steps.at(i);
        RunStepRecord step;
        step.index = int(i);
        step.revision = planned.revision;
        step.message = planned.message;
        step.upgrade = planned.upgrade;
        step.versionsBefore = planned.versionsBefore;
        step.versionsExpected = planned.versionsAfter;
        m_record.steps.append(step);
    }
    setState(State::Preparing);
    if (!plan.ok()) {
        finishRun(RunStatus::Failed, plan.error);
        return;
    }
    prepare();
}

void MigrationRunner::prepare()
{
    m_pendingPreparations = m_plan.explicitSteps ? 1 : 2;
    // Alembic's own plan, compared step by step with Retort's (explicit steps name no Alembic target).
    m_request = m_plan.explicitSteps ? 0 : m_bridge ? m_bridge->request(QStringLiteral("plan"),
                                             {{QStringLiteral("current"), toArray(m_plan.current)},
                                              {QStringLiteral("target"), m_plan.target},
                                              {QStringLiteral("direction"), m_plan.upgrade ? QStringLiteral("up")
                                                                                           : QStringLiteral("down")}})
                         : 0;
    if (!m_request && !m_plan.explicitSteps) {
        m_preparationError = QStringLiteral("The Alembic helper is gone");
        --m_pendingPreparations;
    }
    // The run lock, and alembic_version as it is now.
    // The run lock, alembic_version as it is now and (while Alembic's plan comes) the schema's fingerprint.
    const QString url = m_target.url;
    const QString application = QStringLiteral("Retort run by %1@%2 (pid %3)")
                                    .arg(m_record.user, m_record.host)
                                    .arg(QCoreApplication::applicationPid());
    onDatabase(
        [url, application, fingerprint = m_options.fingerprints, lock = m_options.takeRunLock](RunDatabase &database) {
            QString error = database.open(url, application);
            if (error.isEmpty() && lock)
                error = database.lock();
            if (!error.isEmpty())
                return QJsonObject{{QStringLiteral("error"), error}};
            QJsonObject answer = versionsToJson(database.readVersions());
            if (fingerprint && answer.value(QLatin1String("error")).toString().isEmpty())
                answer.insert(QStringLiteral("fingerprint"), database.schemaFingerprint(nullptr));
            return answer;
        },
        [this](const QJsonObject &answer) {
            const QString error = answer.value(QLatin1String("error")).toString();
            const QStringList versions = jsonStrings(answer.value(QLatin1String("versions")));
            m_databaseReadable = error.isEmpty();
            m_record.fingerprintBefore = answer.value(QLatin1String("fingerprint")).toString();
            if (!error.isEmpty()) {
                m_preparationError = error;
            } else if (versions != m_plan.current) {
                m_record.versionsAfter = versions;
                m_preparationError = QStringLiteral("The database's alembic_version holds %1, but the plan was made "
                                                    "for %2. Read the database again and make a new plan.")
                                         .arg(listedRevisions(versions, QStringLiteral("nothing (base)")), listedRevisions(m_plan.current, QStringLiteral("nothing (base)")));
            }
            if (--m_pendingPreparations == 0)
                preparationDone();
        });
}

void MigrationRunner::preparationDone()
{
    m_request = 0;
    if (!m_preparationError.isEmpty()) {
        finishRun(RunStatus::Failed, m_preparationError);
        return;
    }
    if (m_cancelRequested) {
        finishRun(RunStatus::Cancelled, QStringLiteral("Cancelled before the first step"));
        return;
    }
    if (RunJournal *journal = m_writes.journal()) {
        m_record.id = journal->beginRun(m_record);
        if (m_record.id == 0) {
            finishRun(RunStatus::Failed,
                      QStringLiteral("Nothing ran: the run journal could not be written. %1").arg(journal->lastError()));
            return;
        }
    }
    emit runStarted(m_record);
    setState(State::Running);
    runStep();
}

void MigrationRunner::journalLater(RunJournalQueue::Write write)
{
    if (m_record.id)
        m_writes.later(std::move(write));
}

void MigrationRunner::runStep()
{
    if (m_step >= m_record.steps.size()) {
        finishRun(RunStatus::Succeeded, {});
        return;
    }
    if (!m_writes.error().isEmpty()) {
        finishRun(RunStatus::Failed, QStringLiteral("Stopped before %1: the run journal could not be written. %2")
                                         .arg(step().revision, m_writes.error()));
        return;
    }
    m_backendPid = 0;
    // Recorded (with whatever is still pending, the previous step's end say) before it is sent.
    if (!markStarted(m_step, m_record.versionsAfter, true)) {
        RunStepRecord &current = step();
        current.status = RunStatus::Planned;
        current.startedAt = {};
        finishRun(RunStatus::Failed, QStringLiteral("Stopped before %1: the run journal could not be written. %2")
                                         .arg(current.revision, m_writes.error()));
        return;
    }
    emit stepStarted(m_step, step());
    m_request = sendStep(m_step, false, false);
    if (!m_request) {
        step().error = {QStringLiteral("HelperCrashed"), QStringLiteral("The Alembic helper is gone"), {}, {}, {}};
        finishStep(RunStatus::Failed);
        finishRun(RunStatus::Failed, step().error.message);
    }
}

bool MigrationRunner::markStarted(int index, const QStringList &versionsBefore, bool writeNow)
{
    RunStepRecord &started = m_record.steps[index];
    started.status = RunStatus::Running;
    started.startedAt = QDateTime::currentDateTimeUtc();
    started.versionsBefore = versionsBefore;
    if (!m_writes.journal() || !m_record.id)
        return true;
    journalLater([id = m_record.id, index, before = started.versionsBefore,
                  at = started.startedAt](RunJournal &journal) { return journal.stepStarted(id, index, before, at); });
    if (writeNow)
        m_writes.flush();
    return m_writes.error().isEmpty();
}

quint64 MigrationRunner::sendStep(int index, bool gated, bool queued)
{
    const RunStepRecord &sent = m_record.steps.at(index);
    QJsonObject params{{QStringLiteral("url"), m_target.url},
                       {QStringLiteral("revision"), sent.revision},
                       {QStringLiteral("direction"), sent.upgrade ? QStringLiteral("up") : QStringLiteral("down")},
                       {QStringLiteral("expect"), toArray(m_plan.steps.at(index).versionsBefore)}};
    if (!m_options.urlVariable.isEmpty())
        params.insert(QStringLiteral("url_variable"), m_options.urlVariable);
    if (m_options.lockTimeoutMs > 0)
        params.insert(QStringLiteral("lock_timeout_ms"), m_options.lockTimeoutMs);
    if (m_options.statementTimeoutMs > 0)
        params.insert(QStringLiteral("statement_timeout_ms"), m_options.statementTimeoutMs);
    if (gated)
        params.insert(QStringLiteral("gated"), true);
    if (queued)
        params.insert(QStringLiteral("queued"), true);
    // The next step follows at once unless something stops the run: the helper may then keep env.py
    // (and its connection) open for it, until the next step or release().
    const bool more = !stopping() && index + 1 < m_record.steps.size();
    params.insert(QStringLiteral("more"), more);
    m_sessionOpen = more;
    return m_bridge ? m_bridge->request(QStringLiteral("step"), params, m_options.stepTimeoutMs) : 0;
}

bool MigrationRunner::stopping() const
{
    return m_options.pauseAfterEachStep || m_pauseRequested || m_cancelRequested || !m_writes.error().isEmpty();
}

void MigrationRunner::stepAnswered(quint64 id, bool ok, const QJsonObject &result, const BridgeError &error)
{
    if (StepsAhead::Step *ahead = m_ahead.find(id)) {
        // A step sent ahead answered before it was let go on: it failed (or was withdrawn) and is
        // rolled back. Kept until the step before it has been checked.
        ahead->answered = true;
        ahead->failedOnItsOwn = !ok && !ahead->withdrawn && !m_cancelRequested;
        ahead->ok = ok;
        ahead->result = result;
        ahead->error = error;
        if (ahead->ending)
            aheadWithdrawn();
        return;
    }
    if (id == 0 || id != m_request)
        return;
    m_request = 0;
    if (m_state == State::Preparing) {
        if (!ok) {
            m_preparationError = QStringLiteral("Alembic could not make a plan: %1").arg(error.message);
        } else {
            const QString difference = m_plan.differenceFrom(result.value(QLatin1String("steps")).toArray());
            if (!difference.isEmpty())
                m_preparationError = QStringLiteral("Alembic's plan and Retort's differ, so nothing ran. %1").arg(difference);
        }
        if (--m_pendingPreparations == 0)
            preparationDone();
        return;
    }
    m_cancelTimer.stop();
    RunStepRecord &current = step();
    current.durationMs = current.startedAt.msecsTo(QDateTime::currentDateTimeUtc());
    if (!ok)
        current.error = error;
    // The steps ahead go first (they wait for the read-back before they commit), then, whatever the
    // helper says, alembic_version is read back on Retort's own connection.
    if (ok)
        advanceAfter(result);
    onDatabase([](RunDatabase &database) { return versionsToJson(database.readVersions()); },
               [this, ok](const QJsonObject &answer) {
                   const QString readError = answer.value(QLatin1String("error")).toString();
                   const QStringList versions = jsonStrings(answer.value(QLatin1String("versions")));
                   m_databaseReadable = readError.isEmpty();
                   if (!readError.isEmpty()) {
                       step().error = ok ? BridgeError{QStringLiteral("VersionUnreadable"),
                                                       QStringLiteral("The step ran, but alembic_version could "
                                                                      "not be read back: %1").arg(readError),
                                                       {}, {}, {}}
                                         : step().error;
                       finishStep(m_cancelRequested ? RunStatus::Cancelled : RunStatus::Failed);
                       finishRun(m_cancelRequested ? RunStatus::Cancelled : RunStatus::Failed,
                                 QStringLiteral("%1 The database's alembic_version could not be read: %2")
                                     .arg(step().error.message, readError));
                       return;
                   }
                   m_record.versionsAfter = versions;
                   step().versionsAfter = versions;
                   stepVerified(versions);
               });
    // While alembic_version is read back: the step's statements and output go into the journal, so
    // that only the step's end and the next one's start are left for when the read-back is in. With a
    // step ahead started, all of it goes in one write as that one is let go on (promoteAhead()).
    if (!m_ahead.started())
        m_writes.flush();
}

void MigrationRunner::stepVerified(const QStringList &versions)
{
    RunStepRecord &current = step();
    if (current.failed()) {
        const RunStatus status = m_cancelRequested ? RunStatus::Cancelled : RunStatus::Failed;
        finishStep(status);
        finishRun(status, QStringLiteral("%1 %2 failed: %3 The database's alembic_version holds %4.")
                              .arg(m_cancelRequested ? QStringLiteral("Cancelled.") : QString(),
                                   current.revision, current.error.message, listedRevisions(versions, QStringLiteral("nothing (base)")))
                              .trimmed());
        return;
    }
    if (versions != current.versionsExpected) {
        current.error = {QStringLiteral("VersionMismatch"),
                         QStringLiteral("After %1, alembic_version holds %2; the plan expects %3")
                             .arg(current.revision, listedRevisions(versions, QStringLiteral("nothing (base)")), listedRevisions(current.versionsExpected, QStringLiteral("nothing (base)"))),
                         {}, {}, {}};
        finishStep(RunStatus::Failed);
        finishRun(RunStatus::Failed, current.error.message);
        return;
    }
    finishStep(RunStatus::Succeeded);
    ++m_step;
    if (m_ahead.started() && !m_ahead.first().withdrawn && m_writes.error().isEmpty() && !m_cancelRequested) {
        promoteAhead(); // a pause asked for meanwhile comes after it
    } else if (!m_writes.error().isEmpty()) {
        finishRun(RunStatus::Failed, QStringLiteral("Stopped after %1: the run journal could not be written. %2")
                                         .arg(current.revision, m_writes.error()));
    } else if (m_cancelRequested) {
        finishRun(RunStatus::Cancelled, QStringLiteral("Cancelled after %1").arg(current.revision));
    } else if (m_step >= m_record.steps.size()) {
        finishRun(RunStatus::Succeeded, {});
    } else if (m_pauseRequested || m_options.pauseAfterEachStep) {
        m_pauseRequested = false;
        releaseSession();
        m_record.status = RunStatus::Paused;
        journalLater([id = m_record.id](RunJournal &journal) { return journal.setStatus(id, RunStatus::Paused); });
        m_writes.flush(true);
        setState(State::Paused);
        emit paused(m_step);
    } else {
        runStep();
    }
}

void MigrationRunner::finishStep(int index, RunStatus status)
{
    RunStepRecord &current = m_record.steps[index];
    current.status = status;
    if (current.durationMs < 0 && current.startedAt.isValid())
        current.durationMs = current.startedAt.msecsTo(QDateTime::currentDateTimeUtc());
    // Written with the next step's start, or as the run pauses or ends.
    journalLater([id = m_record.id, index, status, after = current.versionsAfter, duration = current.durationMs,
                  error = current.error](RunJournal &journal) {
        return journal.stepFinished(id, index, status, after, duration, error);
    });
    emit stepFinished(index, current);
}

void MigrationRunner::releaseSession()
{
    // Its answer is not waited for: whatever the helper does next starts with ending the session.
    if (m_sessionOpen && m_bridge)
        m_bridge->request(QStringLiteral("release"), {});
    m_sessionOpen = false;
}

void MigrationRunner::finishRun(RunStatus status, const QString &error)
{
    m_ahead.forgetQueued();
    if (m_ahead.started()) {
        withdrawAhead(status, error); // the run ends once it has answered
        return;
    }
    m_cancelTimer.stop();
    m_request = 0;
    releaseSession();
    m_record.status = status;
    m_record.error = error;
    m_record.finishedAt = QDateTime::currentDateTimeUtc();
    m_writes.flush();
    const bool anyStepStarted = std::any_of(m_record.steps.cbegin(), m_record.steps.cend(),
                                            [](const RunStepRecord &step) { return step.startedAt.isValid(); });
    if (!anyStepStarted)
        m_record.fingerprintAfter = m_record.fingerprintBefore; // nothing ran
    // After a step the schema is read again, still under the run lock; not from a server that just
    // failed to answer (its connection attempt could take long, and say nothing new).
    const bool readAfter = m_options.fingerprints && anyStepStarted && m_databaseReadable;
    setState(State::Finishing);
    onDatabase(
        [readAfter](RunDatabase &database) {
            QJsonObject answer;
            if (readAfter) {
                QString error;
                answer.insert(QStringLiteral("fingerprint"), database.schemaFingerprint(&error));
                answer.insert(QStringLiteral("error"), error);
            }
            database.close();
            return answer;
        },
        [this, readAfter](const QJsonObject &answer) {
            if (readAfter)
                m_record.fingerprintAfter = answer.value(QLatin1String("fingerprint")).toString();
            recordEnd();
        });
}

void MigrationRunner::recordEnd(bool announce)
{
    if (m_writes.journal() && m_record.id) {
        const QString journalError = m_writes.journal()->finishRun(m_record.id, m_record.status, m_record.versionsAfter,
                                                          m_record.fingerprintAfter, m_record.error);
        if (!journalError.isEmpty())
            m_record.error += (m_record.error.isEmpty() ? QString() : QStringLiteral(" ")) +
                              QStringLiteral("The run journal could not record the end of the run: %1").arg(journalError);
    }
    if (!announce) {
        m_state = State::Finished;
        return;
    }
    setState(State::Finished);
    emit runFinished(m_record);
}

void MigrationRunner::resume()
{
    if (m_state != State::Paused)
        return;
    m_record.status = RunStatus::Running;
    journalLater([id = m_record.id](RunJournal &journal) { return journal.setStatus(id, RunStatus::Running); });
    setState(State::Running);
    runStep();
}

void MigrationRunner::resumeToEnd()
{
    m_options.pauseAfterEachStep = false;
    resume();
}

void MigrationRunner::pauseAfterCurrentStep()
{
    if (m_state == State::Running) {
        m_pauseRequested = true;
        m_ahead.holdQueued();
        setState(State::Pausing);
    }
}

void MigrationRunner::cancel()
{
    switch (m_state) {
    case State::Paused:
        finishRun(RunStatus::Cancelled, QStringLiteral("Cancelled between steps, before %1").arg(step().revision));
        return;
    case State::Preparing:
        m_cancelRequested = true;
        return;
    case State::Running:
    case State::Pausing: {
        m_cancelRequested = true;
        m_ahead.holdQueued();
        setState(State::Cancelling);
        cancelRunningStatement();
        return;
    }
    default:
        return;
    }
}

void MigrationRunner::cancelRunningStatement(int unknownBackendGraceMs)
{
    const QString url = m_target.url;
    const int pid = m_backendPid;
    if (pid > 0)
        onDatabase([url, pid](RunDatabase &) { return QJsonObject{{QStringLiteral("error"), RunDatabase::cancelBackend(url, pid)}}; },
                   [this](const QJsonObject &answer) {
                       const QString error = answer.value(QLatin1String("error")).toString();
                       if (!error.isEmpty() && m_request)
                           emit stepOutput(m_step, QStringLiteral("Cancel: %1").arg(error));
                   });
    m_cancelTimer.start(pid > 0 ? m_options.cancelGraceMs : unknownBackendGraceMs);
}

} // namespace retort
