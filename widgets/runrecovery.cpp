#include "runrecovery.h"

#include "alembicbridge.h"
#include "alembicservice.h"
#include "backgroundtask.h"
#include "rundatabase.h"
#include "runjournal.h"
#include "runtext.h"

#include <QInputDialog>
#include <QJsonArray>
#include <QMessageBox>
#include <QPushButton>

namespace retort {

namespace {

const RunStepRecord *lastStarted(const RunRecord &run)
{
    const RunStepRecord *found = nullptr;
    for (const RunStepRecord &step : run.steps)
        if (step.startedAt.isValid())
            found = &step;
    return found;
}

} // namespace

RunRecovery::RunRecovery(RunJournal &journal, AlembicService *alembic, QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_journal(journal)
    , m_alembic(alembic)
    , m_dialogParent(dialogParent)
{
}

QList<RunRecord> RunRecovery::refresh()
{
    m_interrupted = m_journal.isOpen() ? m_journal.interruptedRuns() : QList<RunRecord>();
    emit interruptedChanged(int(m_interrupted.size()));
    return m_interrupted;
}

QString RunRecovery::explain(const RunRecord &run, const QStringList &actual)
{
    const RunStepRecord *step = lastStarted(run);
    QString text = tr("Run %1 (%2 %3 to %4, started %5 by %6@%7) was interrupted.")
                       .arg(run.id)
                       .arg(run.upgrade ? tr("upgrade") : tr("downgrade"), run.database, run.target,
                            run.startedAt.toLocalTime().toString(Qt::ISODate), run.user, run.host);
    text += QLatin1Char(' ');
    if (step)
        text += tr("It stopped in step %1 of %2 (%3 %4).").arg(step->index + 1).arg(run.steps.size())
                    .arg(step->upgrade ? tr("upgrade") : tr("downgrade"), step->revision);
    else
        text += tr("It stopped before its first step.");
    text += QLatin1Char('\n') + tr("Last alembic_version the journal knows: %1").arg(listedRevisions(run.versionsAfter, QObject::tr("base")));
    text += QLatin1Char('\n') + tr("The database's alembic_version now: %1").arg(listedRevisions(actual, QObject::tr("base")));
    if (step && actual == step->versionsExpected)
        text += QLatin1Char('\n') + tr("The interrupted step's change is in the database (it committed).");
    else if (step && actual == step->versionsBefore)
        text += QLatin1Char('\n') + tr("The interrupted step did not commit: the database is as it was before that step.");
    return text;
}

void RunRecovery::recover(const RunDestination &destination)
{
    if (m_interrupted.isEmpty())
        return;
    const RunRecord run = m_interrupted.constFirst();
    if (!run.profile.isEmpty() && run.profile != destination.profile) {
        emit error(tr("Run %1 ran against %2: choose that database in the schema pane to recover it.").arg(run.id).arg(run.profile));
        return;
    }
    const QString url = destination.url;
    runInBackground(
        this,
        [url] { return RunDatabase::readOnce(url, QStringLiteral("Retort (recovering a run)")); },
        [this, destination, run](const RunDatabase::Versions &versions) {
            if (!versions.ok()) {
                emit error(tr("Cannot read %1 to recover run %2: %3").arg(destination.label).arg(run.id).arg(versions.error));
                return;
            }
            ask(destination, run, versions.revisions);
        });
}

void RunRecovery::ask(const RunDestination &destination, const RunRecord &run, const QStringList &actual)
{
    delete m_question;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Interrupted Run"), explain(run, actual), QMessageBox::NoButton,
                                m_dialogParent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *retry = box->addButton(tr("Retry from Here…"), QMessageBox::AcceptRole);
    QPushButton *stampButton = box->addButton(tr("Stamp…"), QMessageBox::ActionRole);
    QPushButton *close = box->addButton(tr("Close Run"), QMessageBox::DestructiveRole);
    box->addButton(QMessageBox::Cancel);
    retry->setToolTip(tr("Close this run as interrupted and plan %1 again from where the database is now").arg(run.target));
    stampButton->setToolTip(tr("Write alembic_version without running any migration (alembic stamp)"));
    close->setToolTip(tr("Close this run as interrupted, with the database's real alembic_version"));
    m_question = box;
    connect(box, &QMessageBox::buttonClicked, this, [=, this](QAbstractButton *clicked) {
        if (clicked == retry) {
            this->close(run, actual, tr("interrupted; retried from %1").arg(listedRevisions(actual, QObject::tr("base"))));
            emit retryRequested(destination, run.target, run.upgrade);
        } else if (clicked == stampButton) {
            const RunStepRecord *step = lastStarted(run);
            QStringList choices;
            for (const QStringList &candidate : {step ? step->versionsBefore : QStringList(),
                                                 step ? step->versionsExpected : QStringList(), run.versionsBefore})
                if (!candidate.isEmpty() && !choices.contains(candidate.join(QLatin1Char(','))))
                    choices.append(candidate.join(QLatin1Char(',')));
            auto *input = new QInputDialog(m_dialogParent);
            input->setAttribute(Qt::WA_DeleteOnClose);
            input->setWindowTitle(tr("Stamp"));
            input->setLabelText(tr("Write these revisions into alembic_version of %1 (comma-separated):").arg(destination.label));
            input->setComboBoxItems(choices);
            input->setComboBoxEditable(true);
            connect(input, &QInputDialog::textValueSelected, this, [this, destination, run](const QString &text) {
                QStringList revisions = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
                for (QString &revision : revisions)
                    revision = revision.trimmed();
                if (!revisions.isEmpty())
                    stamp(destination, run, revisions);
            });
            input->open();
        } else if (clicked == close) {
            this->close(run, actual, tr("interrupted; closed by the user with the database at %1").arg(listedRevisions(actual, QObject::tr("base"))));
        }
    });
    box->open();
}

void RunRecovery::stamp(const RunDestination &destination, const RunRecord &run, const QStringList &revisions)
{
    AlembicBridge *bridge = m_alembic->bridge();
    if (!bridge) {
        emit error(tr("Alembic is not available for this project: nothing was stamped."));
        return;
    }
    const quint64 id = bridge->request(QStringLiteral("stamp"), {{QStringLiteral("url"), destination.url},
                                                                 {QStringLiteral("revisions"), QJsonArray::fromStringList(revisions)}});
    auto connection = std::make_shared<QList<QMetaObject::Connection>>();
    const auto done = [this, connection, run, revisions, destination, id](quint64 answered, const BridgeError *failure) {
        if (answered != id)
            return;
        for (const QMetaObject::Connection &c : *connection)
            disconnect(c);
        if (failure) {
            emit error(tr("Stamping %1 failed: %2").arg(destination.label, failure->message));
            return;
        }
        emit info(tr("Stamped %1 at %2").arg(destination.label, revisions.join(QStringLiteral(", "))));
        close(run, revisions, tr("interrupted; stamped to %1 by the user").arg(revisions.join(QStringLiteral(", "))));
    };
    connection->append(connect(bridge, &AlembicBridge::finished, this,
                               [done](quint64 answered, const QJsonObject &) { done(answered, nullptr); }));
    connection->append(connect(bridge, &AlembicBridge::failed, this,
                               [done](quint64 answered, const BridgeError &failure) { done(answered, &failure); }));
}

void RunRecovery::close(const RunRecord &run, const QStringList &actual, const QString &reason)
{
    if (const QString failure = m_journal.markInterrupted(run.id, actual, reason); !failure.isEmpty()) {
        emit error(failure);
        return;
    }
    emit info(tr("Run %1 closed: %2").arg(run.id).arg(reason));
    refresh();
}

} // namespace retort
