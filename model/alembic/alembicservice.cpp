#include "alembicservice.h"

#include <QJsonArray>
#include <QTimer>

namespace retort {

AlembicService::AlembicService(QObject *parent)
    : QObject(parent)
{
}

AlembicService::~AlembicService() = default;

void AlembicService::setProject(const ProjectConfig &config, const InterpreterCandidate &interpreter)
{
    const bool same = m_bridge && m_interpreter == interpreter && m_config.iniPath() == config.iniPath()
                      && m_config.section() == config.section() && m_config.scriptLocation() == config.scriptLocation()
                      && m_config.versionLocations() == config.versionLocations();
    m_config = config;
    if (same) {
        projectChanged();
        return;
    }
    clear();
    m_interpreter = interpreter;
    m_bridge = std::make_unique<AlembicBridge>(BridgeLaunch::forProject(config, interpreter.path));
    connect(m_bridge.get(), &AlembicBridge::finished, this, &AlembicService::handleFinished);
    connect(m_bridge.get(), &AlembicBridge::failed, this, &AlembicService::handleFailed);
    connect(m_bridge.get(), &AlembicBridge::logLine, this, &AlembicService::logLine);
    connect(m_bridge.get(), &AlembicBridge::started, this, &AlembicService::statusChanged);
    emit statusChanged();
    // Start the helper now and let it load the scripts: the first SQL question is then answered at once.
    requestScriptView();
}

void AlembicService::clear()
{
    m_requests.clear();
    m_sqlCache.clear();
    if (m_bridge) {
        // Later, not now: this may run inside one of the bridge's own signals (a nested event loop).
        m_bridge->disconnect(this);
        m_bridge.release()->deleteLater();
    }
    m_interpreter = {};
    m_problem = {};
    emit statusChanged();
}

void AlembicService::projectChanged()
{
    m_sqlCache.clear();
    if (!m_bridge)
        return;
    m_bridge->request(QStringLiteral("reload"));
    requestScriptView();
}

BridgeVersions AlembicService::versions() const
{
    return m_bridge ? m_bridge->versions() : BridgeVersions();
}

void AlembicService::requestScriptView()
{
    const quint64 id = m_bridge->request(QStringLiteral("script"));
    m_requests.insert(id, {Kind::ScriptView, {}});
}

quint64 AlembicService::requestSql(const SqlQuery &query)
{
    if (!m_bridge)
        return 0;
    const auto cached = m_sqlCache.constFind(query.key());
    if (cached != m_sqlCache.cend()) {
        const quint64 id = m_nextLocalId++;
        m_requests.insert(id, {Kind::Sql, query});
        QTimer::singleShot(0, this, [this, id, sql = cached.value()] {
            const auto request = m_requests.constFind(id);
            if (request == m_requests.cend())
                return; // cancelled
            const SqlQuery query = request->query;
            m_requests.erase(request);
            emit sqlReady(id, query, sql);
        });
        return id;
    }
    const quint64 id = m_bridge->request(QStringLiteral("sql"), query.toParams());
    m_requests.insert(id, {Kind::Sql, query});
    return id;
}

quint64 AlembicService::createRevision(const QJsonObject &params)
{
    if (!m_bridge)
        return 0;
    const quint64 id = m_bridge->request(QStringLiteral("revision"), params);
    m_requests.insert(id, {Kind::Revision, {}});
    return id;
}

quint64 AlembicService::mergeRevisions(const QStringList &revisions, const QString &message, const QString &branchLabel)
{
    if (!m_bridge)
        return 0;
    const quint64 id = m_bridge->request(QStringLiteral("merge"), {{QStringLiteral("revisions"), QJsonArray::fromStringList(revisions)},
                                                                   {QStringLiteral("message"), message},
                                                                   {QStringLiteral("branch_label"), branchLabel}});
    m_requests.insert(id, {Kind::Revision, {}});
    return id;
}

quint64 AlembicService::upgradeDatabase(const QString &url, const QString &target)
{
    if (!m_bridge)
        return 0;
    const quint64 id = m_bridge->request(QStringLiteral("upgrade"), {{QStringLiteral("url"), url}, {QStringLiteral("target"), target}});
    m_requests.insert(id, {Kind::Upgrade, {}});
    return id;
}

void AlembicService::cancel(quint64 id)
{
    m_requests.remove(id);
    if (m_bridge)
        m_bridge->cancel(id);
}

std::optional<AlembicService::Request> AlembicService::takeRequest(quint64 id)
{
    const auto found = m_requests.constFind(id);
    if (found == m_requests.cend())
        return std::nullopt; // cancelled, or from a bridge that was replaced
    Request request = found.value();
    m_requests.erase(found);
    return request;
}

void AlembicService::handleFinished(quint64 id, const QJsonObject &result)
{
    const std::optional<Request> taken = takeRequest(id);
    if (!taken)
        return;
    const Request &request = *taken;
    switch (request.kind) {
    case Kind::Sql: {
        const QString sql = result.value(QStringLiteral("sql")).toString();
        m_sqlCache.insert(request.query.key(), sql);
        emit sqlReady(id, request.query, sql);
        break;
    }
    case Kind::Revision:
        m_sqlCache.clear();
        emit revisionCreated(id, result.value(QStringLiteral("revision")).toString(), result.value(QStringLiteral("path")).toString());
        break;
    case Kind::Upgrade:
        emit databaseUpgraded(id);
        break;
    case Kind::ScriptView:
        if (!m_problem.type.isEmpty()) {
            m_problem = {};
            emit statusChanged();
        }
        emit scriptViewReady(result);
        break;
    }
}

void AlembicService::handleFailed(quint64 id, const BridgeError &error)
{
    const std::optional<Request> taken = takeRequest(id);
    if (!taken)
        return;
    const Request &request = *taken;
    switch (request.kind) {
    case Kind::Sql:
        emit sqlFailed(id, request.query, error);
        break;
    case Kind::Revision:
        emit revisionFailed(id, error);
        break;
    case Kind::Upgrade:
        emit databaseUpgradeFailed(id, error);
        break;
    case Kind::ScriptView:
        m_problem = error;
        emit logLine(tr("Alembic could not load the project: %1").arg(error.message));
        emit statusChanged();
        break;
    }
}

} // namespace retort
