#include "alembicworkbench.h"

#include "alembiccrosscheck.h"
#include "interpreterdialog.h"
#include "mergeheadsdialog.h"
#include "newrevisiondialog.h"
#include "sqlpreviewpanel.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>

namespace retort {

namespace {

const QString kInterpretersKey = QStringLiteral("python/interpreters");

} // namespace

AlembicWorkbench::AlembicWorkbench(QSettings *settings, QWidget *window)
    : QObject(window)
    , m_settings(settings)
    , m_window(window)
    , m_service(new AlembicService(this))
    , m_panel(new SqlPreviewPanel(window))
    , m_status(new QLabel(window))
    , m_menu(new QMenu(tr("&Alembic"), window))
{
    m_panel->setObjectName(QStringLiteral("sqlPreview"));
    m_status->setObjectName(QStringLiteral("interpreterStatus"));
    m_status->setTextFormat(Qt::PlainText);

    m_newRevision = m_menu->addAction(tr("&New Revision…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), this,
                                      &AlembicWorkbench::newRevision);
    m_mergeHeads = m_menu->addAction(tr("&Merge Heads…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M), this,
                                     [this] { mergeHeads(m_selected); });
    m_menu->addSeparator();
    m_interpreter = m_menu->addAction(tr("&Python Interpreter…"), this, &AlembicWorkbench::chooseInterpreter);

    connect(m_panel, &SqlPreviewPanel::requestChanged, this, &AlembicWorkbench::requestSql);
    connect(m_panel, &SqlPreviewPanel::openFileRequested, this, &AlembicWorkbench::openFileRequested);
    connect(m_service, &AlembicService::statusChanged, this, &AlembicWorkbench::updateStatus);
    connect(m_service, &AlembicService::logLine, this, &AlembicWorkbench::info);
    connect(m_service, &AlembicService::sqlReady, this, [this](quint64 id, const SqlQuery &query, const QString &sql) {
        if (id != m_sqlRequest)
            return;
        m_panel->setSql(sql, query.dialect);
        emit sqlShown(sql, query.dialect);
    });
    connect(m_service, &AlembicService::sqlFailed, this, [this](quint64 id, const SqlQuery &, const BridgeError &failure) {
        if (id != m_sqlRequest)
            return;
        m_panel->setError(failure);
        emit sqlShown(QString(), QString());
    });
    connect(m_service, &AlembicService::revisionCreated, this, [this](quint64, const QString &revision, const QString &path) {
        emit info(tr("Alembic wrote %1").arg(QDir::toNativeSeparators(path)));
        emit revisionFileCreated(revision, path);
    });
    connect(m_service, &AlembicService::revisionFailed, this, [this](quint64, const BridgeError &failure) {
        emit error(tr("Alembic could not create the revision: %1").arg(failure.message));
        // Not exec(): a nested event loop inside the bridge's signal could delete the bridge under it.
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Alembic"), tr("Alembic could not create the revision."),
                                    QMessageBox::Ok, m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setObjectName(QStringLiteral("revisionFailedBox"));
        box->setInformativeText(failure.hint.isEmpty() ? failure.message : failure.message + QStringLiteral("\n\n") + failure.hint);
        box->setDetailedText(failure.details);
        box->open();
    });
    connect(m_service, &AlembicService::scriptViewReady, this, [this](const QJsonObject &view) {
        const AlembicCrossCheck check = AlembicCrossCheck::compare(m_project.graph(), view);
        for (const CrossCheckResolved &value : check.resolved()) {
            QStringList parts;
            if (value.downRevisions)
                parts << tr("down_revision = %1").arg(value.downRevisions->join(QStringLiteral(", ")));
            if (value.branchLabels)
                parts << tr("branch_labels = %1").arg(value.branchLabels->join(QStringLiteral(", ")));
            if (value.dependsOn)
                parts << tr("depends_on = %1").arg(value.dependsOn->join(QStringLiteral(", ")));
            emit info(tr("Alembic evaluated what Retort could not read in %1: %2").arg(value.revision, parts.join(QStringLiteral("; "))));
        }
        emit crossChecked(check.toDiagnostics());
        if (!check.resolved().isEmpty()) {
            m_project = m_project.withRevisions(check.filledIn(m_project.graph()));
            emit projectResolved(m_project);
        }
    });
    updateStatus();
}

AlembicWorkbench::~AlembicWorkbench() = default;

QString AlembicWorkbench::interpreterSetting(const QString &root) const
{
    return m_settings ? m_settings->value(kInterpretersKey).toMap().value(root).toString() : QString();
}

void AlembicWorkbench::setInterpreterSetting(const QString &root, const QString &interpreter)
{
    if (!m_settings)
        return;
    QVariantMap map = m_settings->value(kInterpretersKey).toMap();
    if (interpreter.isEmpty())
        map.remove(root);
    else
        map.insert(root, interpreter);
    m_settings->setValue(kInterpretersKey, map);
}

void AlembicWorkbench::setProject(const Project &project)
{
    const bool sameProject = m_project.config().projectRoot() == project.config().projectRoot() && m_service->hasProject();
    m_project = project;
    if (sameProject) {
        m_service->setProject(project.config(), m_service->interpreter()); // same bridge: rereads the scripts
    } else {
        useInterpreter();
    }
    const RevisionGraph &graph = m_project.graph();
    m_mergeHeads->setEnabled(graph.heads().size() >= 2);
    m_newRevision->setEnabled(true);
    if (!rangeOf(m_range).isEmpty() || !m_revision.isEmpty()) {
        m_range = rangeOf(m_range);
        m_revision = graph.revision(m_revision) ? m_revision : QString();
        showSql();
    }
}

void AlembicWorkbench::useInterpreter()
{
    const QString root = m_project.config().projectRoot();
    const InterpreterCandidate interpreter = InterpreterLocator().locate(root, interpreterSetting(root));
    emit info(tr("Python for %1: %2 (%3)").arg(QDir::toNativeSeparators(root), interpreter.path, interpreter.sourceText()));
    m_service->setProject(m_project.config(), interpreter);
}

void AlembicWorkbench::clearProject()
{
    m_project = Project();
    m_service->clear();
    m_revision.clear();
    m_range.clear();
    m_panel->clear();
    m_newRevision->setEnabled(false);
    m_mergeHeads->setEnabled(false);
}

void AlembicWorkbench::setCurrentRevision(const QString &revisionId)
{
    m_revision = m_project.graph().revision(revisionId) ? revisionId : QString();
    showSql();
}

void AlembicWorkbench::showSql()
{
    if (m_sqlRequest)
        m_service->cancel(m_sqlRequest);
    m_sqlRequest = 0;
    const RevisionGraph &graph = m_project.graph();
    if (m_range.size() == 2) {
        const Revision *older = graph.revision(m_range.constFirst());
        const Revision *newer = graph.revision(m_range.constLast());
        const int count = int(graph.upgradePlan(graph.parents(older->id), newer->id).steps.size());
        m_panel->setRevision(tr("%1 … %2").arg(older->id, newer->id), tr("%n revision(s), both included", nullptr, count));
        requestSql();
        return;
    }
    const Revision *revision = graph.revision(m_revision);
    if (!revision) {
        m_panel->clear();
        return;
    }
    m_panel->setRevision(revision->id, revision->message.section(QLatin1Char('\n'), 0, 0));
    requestSql();
}

QStringList AlembicWorkbench::rangeOf(const QStringList &revisionIds) const
{
    // Two revisions, one above the other: the SQL from the older (included) up to the newer.
    if (revisionIds.size() != 2)
        return {};
    const RevisionGraph &graph = m_project.graph();
    for (const auto &[older, newer] : {std::pair{revisionIds.at(0), revisionIds.at(1)}, std::pair{revisionIds.at(1), revisionIds.at(0)}}) {
        const Plan plan = graph.upgradePlan(graph.parents(older), newer);
        if (plan.ok() && std::any_of(plan.steps.cbegin(), plan.steps.cend(), [&target = older](const PlanStep &step) { return step.revision == target; }))
            return {older, newer};
    }
    return {};
}

void AlembicWorkbench::setSelectedRevisions(const QStringList &revisionIds)
{
    m_selected = revisionIds;
    const QStringList heads = m_project.graph().heads();
    const auto selectedHeads = std::count_if(revisionIds.cbegin(), revisionIds.cend(),
                                             [&heads](const QString &id) { return heads.contains(id); });
    m_mergeHeads->setText(selectedHeads >= 2 ? tr("&Merge Selected Heads…") : tr("&Merge Heads…"));
    const QStringList range = rangeOf(revisionIds);
    if (range != m_range) {
        m_range = range;
        showSql();
    }
}

void AlembicWorkbench::requestSql()
{
    if ((m_revision.isEmpty() && m_range.isEmpty()) || !m_service->hasProject())
        return;
    if (m_sqlRequest)
        m_service->cancel(m_sqlRequest);
    SqlQuery query;
    query.direction = m_panel->direction();
    query.mode = m_panel->mode();
    query.dialect = m_panel->dialect();
    if (m_range.size() == 2) {
        // Both ends included: up from the older one's parents, down to its first parent.
        const QStringList parents = m_project.graph().parents(m_range.constFirst());
        if (query.direction == u"up") {
            query.from = parents;
            query.to = m_range.constLast();
        } else {
            query.from = {m_range.constLast()};
            query.to = parents.isEmpty() ? QStringLiteral("base") : parents.constFirst();
        }
    } else {
        query.revision = m_revision;
    }
    m_panel->setBusy();
    m_sqlRequest = m_service->requestSql(query);
}

void AlembicWorkbench::updateStatus()
{
    if (!m_service->hasProject()) {
        m_status->setText(QString());
        m_status->setToolTip(QString());
        return;
    }
    const InterpreterCandidate interpreter = m_service->interpreter();
    const BridgeVersions versions = m_service->versions();
    const BridgeError problem = m_service->problem();
    QString tip = tr("Python: %1 (%2)").arg(interpreter.path, interpreter.sourceText());
    if (!problem.type.isEmpty() && versions.executable.isEmpty()) {
        m_status->setText(tr("⚠ No usable Python: %1").arg(interpreter.path));
        tip += QLatin1Char('\n') + problem.message + QLatin1Char('\n') + problem.hint;
    } else if (versions.executable.isEmpty()) {
        m_status->setText(tr("Starting Alembic in %1…").arg(interpreter.path));
    } else if (!versions.hasAlembic()) {
        m_status->setText(tr("⚠ No Alembic in %1").arg(interpreter.path));
        tip += QLatin1Char('\n') + versions.alembicError + QLatin1Char('\n')
               + tr("Install Alembic there, or choose another interpreter in Alembic ▸ Python Interpreter.");
    } else {
        m_status->setText(tr("Python %1 · Alembic %2 · SQLAlchemy %3").arg(versions.python, versions.alembic, versions.sqlalchemy));
        if (!problem.type.isEmpty())
            tip += QLatin1Char('\n') + tr("Alembic could not load the project: %1").arg(problem.message);
    }
    m_status->setToolTip(tip);
}

void AlembicWorkbench::newRevision()
{
    if (!m_service->hasProject())
        return;
    NewRevisionDialog dialog(m_project.graph(), m_revision, m_window);
    if (dialog.exec() == QDialog::Accepted)
        m_service->createRevision(dialog.params());
}

void AlembicWorkbench::mergeHeads(const QStringList &preselected)
{
    if (!m_service->hasProject())
        return;
    MergeHeadsDialog dialog(m_project.graph(), preselected, m_window);
    if (dialog.exec() == QDialog::Accepted)
        m_service->mergeRevisions(dialog.revisions(), dialog.message(), dialog.branchLabel());
}

void AlembicWorkbench::chooseInterpreter()
{
    const QString root = m_project.config().projectRoot();
    InterpreterDialog dialog(InterpreterLocator().candidates(root), interpreterSetting(root), m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    setInterpreterSetting(root, dialog.setting());
    if (m_service->hasProject()) {
        useInterpreter();
        requestSql();
    }
}

} // namespace retort
