#pragma once

#include "alembicbridge.h"
#include "interpreterlocator.h"
#include "projectconfig.h"
#include "sqlquery.h"

#include <QHash>
#include <QObject>

#include <memory>
#include <optional>

namespace retort {

/// Alembic for the open project, as the window uses it: one AlembicBridge for the project and its
/// interpreter (replaced when either changes), started as soon as a project is set so that the first
/// question is answered quickly, SQL answers cached until the project's files change, and new and
/// merge revisions. Asynchronous; GUI thread only.
class AlembicService : public QObject
{
    Q_OBJECT

public:
    explicit AlembicService(QObject *parent = nullptr);
    ~AlembicService() override;

    /// Uses \a config with \a interpreter; restarts the helper when either differs from before.
    void setProject(const ProjectConfig &config, const InterpreterCandidate &interpreter);
    /// Stops the helper; no project.
    void clear();
    /// The project's files changed: cached SQL is dropped and the helper re-reads the scripts.
    void projectChanged();

    bool hasProject() const { return m_bridge != nullptr; }
    InterpreterCandidate interpreter() const { return m_interpreter; }
    /// Empty until the helper has started.
    BridgeVersions versions() const;
    AlembicBridge *bridge() const { return m_bridge.get(); }
    /// Why Alembic cannot be used with this project and interpreter (no interpreter, no Alembic, the
    /// scripts do not load); empty type when it can.
    BridgeError problem() const { return m_problem; }

    /// Asks for \a query's SQL; the answer (sqlReady or sqlFailed) always arrives later, from the
    /// cache too. Returns 0 when there is no project.
    quint64 requestSql(const SqlQuery &query);
    /// A new revision (`alembic revision`): \a params as the helper's `revision` method takes them.
    quint64 createRevision(const QJsonObject &params);
    /// A merge revision of \a revisions (`alembic merge`).
    quint64 mergeRevisions(const QStringList &revisions, const QString &message, const QString &branchLabel = QString());
    /// Upgrades the database at \a url to \a target (`alembic upgrade`, online) — for Retort's own
    /// sandbox; answered by databaseUpgraded() or databaseUpgradeFailed().
    quint64 upgradeDatabase(const QString &url, const QString &target = QStringLiteral("heads"));
    /// Drops the answer to \a id.
    void cancel(quint64 id);

signals:
    void sqlReady(quint64 id, const retort::SqlQuery &query, const QString &sql);
    void sqlFailed(quint64 id, const retort::SqlQuery &query, const retort::BridgeError &error);
    void revisionCreated(quint64 id, const QString &revision, const QString &path);
    void revisionFailed(quint64 id, const retort::BridgeError &error);
    void databaseUpgraded(quint64 id);
    void databaseUpgradeFailed(quint64 id, const retort::BridgeError &error);
    /// The helper started (versions known) or the interpreter changed.
    void statusChanged();
    /// Alembic's view of the scripts (the helper's `script` answer), after each (re)load.
    void scriptViewReady(const QJsonObject &view);
    void logLine(const QString &line);

private:
    void handleFinished(quint64 id, const QJsonObject &result);
    void handleFailed(quint64 id, const BridgeError &error);
    void requestScriptView();

    enum class Kind { Sql, Revision, ScriptView, Upgrade };
    struct Request
    {
        Kind kind = Kind::Sql;
        SqlQuery query;
    };

    /// Removes and returns the request \a id; nothing when it was cancelled.
    std::optional<Request> takeRequest(quint64 id);

    std::unique_ptr<AlembicBridge> m_bridge;
    ProjectConfig m_config;
    InterpreterCandidate m_interpreter;
    QHash<quint64, Request> m_requests;
    QHash<QString, QString> m_sqlCache;
    BridgeError m_problem;
    quint64 m_nextLocalId = 1ull << 62; ///< ids for answers from the cache, apart from the bridge's
};

} // namespace retort
