#include "stepsahead.h"

#include "alembicbridge.h"

namespace retort {

void StepsAhead::setBridge(AlembicBridge *bridge)
{
    m_bridge = bridge;
}

void StepsAhead::add(int index, const QString &revision, bool upgrade, quint64 request)
{
    Step step;
    step.index = index;
    step.revision = revision;
    step.upgrade = upgrade;
    step.request = request;
    m_steps.append(step);
}

StepsAhead::Step *StepsAhead::find(quint64 request)
{
    for (Step &step : m_steps) {
        if (request != 0 && step.request == request)
            return &step;
    }
    return nullptr;
}

StepsAhead::Step *StepsAhead::started()
{
    return !m_steps.isEmpty() && m_steps.first().started ? &m_steps.first() : nullptr;
}

QList<quint64> StepsAhead::unanswered() const
{
    QList<quint64> requests;
    for (const Step &step : m_steps) {
        if (!step.answered)
            requests.append(step.request);
    }
    return requests;
}

QJsonObject StepsAhead::key(const Step &step) const
{
    // The request's id names the step (ids are never used twice); the revision is for whoever reads.
    return {{QStringLiteral("request"), double(step.request)}, {QStringLiteral("revision"), step.revision}};
}

void StepsAhead::proceed(Step &step, bool ok, const QString &reason)
{
    QJsonObject params = key(step);
    params.insert(QStringLiteral("ok"), ok);
    if (!reason.isEmpty())
        params.insert(QStringLiteral("reason"), reason);
    if (m_bridge)
        m_bridge->notify(QStringLiteral("proceed"), params);
    if (!ok)
        step.withdrawn = true;
}

void StepsAhead::holdQueued()
{
    for (Step &step : m_steps) {
        if (step.started || step.held)
            continue;
        if (m_bridge)
            m_bridge->notify(QStringLiteral("hold"), key(step));
        step.held = true;
    }
}

void StepsAhead::dropFirst()
{
    if (m_bridge)
        m_bridge->cancel(m_steps.first().request);
    m_steps.removeFirst();
}

void StepsAhead::forgetQueued()
{
    holdQueued();
    for (qsizetype i = m_steps.size() - 1; i >= 0; --i) {
        if (m_steps.at(i).started)
            continue;
        if (m_bridge)
            m_bridge->cancel(m_steps.at(i).request);
        m_steps.removeAt(i);
    }
}

} // namespace retort
