#pragma once

#include "bridgeerror.h"

#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QString>

namespace retort {

class AlembicBridge;

/// The steps of a run sent to the Alembic helper beyond the one MigrationRunner is checking, in
/// order: at most one started (the helper works on it; it cannot commit before its "proceed"
/// notice) and one queued behind it (the helper starts it without asking only if it is waiting
/// when the step before it commits and no "hold" notice came for it). Keeps their answers until the
/// runner is ready for them, and sends the notices that concern them.
class StepsAhead
{
public:
    struct Step
    {
        int index = -1;
        QString revision;
        bool upgrade = true;
        quint64 request = 0;
        bool started = false;   ///< the helper works on it (or did)
        bool held = false;      ///< asked not to start ("hold")
        bool withdrawn = false; ///< told not to commit ("proceed" without ok)
        bool ending = false;    ///< the run ends once it has answered
        bool answered = false;
        bool failedOnItsOwn = false; ///< answered with an error before it was withdrawn or the run cancelled
        bool ok = false;
        QJsonObject result;
        BridgeError error;
    };

    void setBridge(AlembicBridge *bridge);
    void clear() { m_steps.clear(); }
    bool isEmpty() const { return m_steps.isEmpty(); }
    qsizetype size() const { return m_steps.size(); }
    Step &first() { return m_steps.first(); }
    void add(int index, const QString &revision, bool upgrade, quint64 request);
    Step takeFirst() { return m_steps.takeFirst(); }
    /// The step sent as \a request, or null.
    Step *find(quint64 request);
    /// The step the helper works on, or null.
    Step *started();
    /// Requests not answered yet.
    QList<quint64> unanswered() const;

    /// Lets \a step commit (\a ok), or has it rolled back with \a reason.
    void proceed(Step &step, bool ok, const QString &reason = {});
    /// Asks that the steps not started yet stay so.
    void holdQueued();
    /// Forgets the first step, which never started: the helper answers it "NotStarted", unheard.
    void dropFirst();
    /// Holds and forgets every step not started.
    void forgetQueued();

private:
    QJsonObject key(const Step &step) const;

    QPointer<AlembicBridge> m_bridge;
    QList<Step> m_steps;
};

} // namespace retort
