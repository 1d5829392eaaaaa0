#include "bridgecall.h"

#include "alembicbridge.h"

#include <QEventLoop>

namespace retort {

BridgeOutcome callAndWait(AlembicBridge &bridge, const QString &method, const QJsonObject &params, int timeoutMs)
{
    BridgeOutcome outcome;
    bool answered = false;
    quint64 id = 0;
    QEventLoop loop;
    const QMetaObject::Connection done =
        QObject::connect(&bridge, &AlembicBridge::finished, &loop, [&](quint64 answeredId, const QJsonObject &result) {
            if (answeredId != id)
                return;
            outcome.ok = true;
            outcome.result = result;
            answered = true;
            loop.quit();
        });
    const QMetaObject::Connection failed =
        QObject::connect(&bridge, &AlembicBridge::failed, &loop, [&](quint64 answeredId, const BridgeError &error) {
            if (answeredId != id)
                return;
            outcome.error = error;
            answered = true;
            loop.quit();
        });
    id = bridge.request(method, params, timeoutMs);
    // The bridge always answers (its own timeout included), so this loop ends.
    if (!answered)
        loop.exec();
    QObject::disconnect(done);
    QObject::disconnect(failed);
    return outcome;
}

} // namespace retort
