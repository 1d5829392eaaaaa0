#pragma once

#include "bridgeerror.h"

#include <QJsonObject>
#include <QString>

namespace retort {

class AlembicBridge;

/// The answer to one request, for callers that wait for it.
struct BridgeOutcome
{
    bool ok = false;
    QJsonObject result;
    BridgeError error;
};

/// Sends one request and runs a local event loop until it is answered. For retort-cli and tests
/// only: the GUI never waits (it connects to AlembicBridge's signals).
BridgeOutcome callAndWait(AlembicBridge &bridge, const QString &method, const QJsonObject &params = {},
                          int timeoutMs = 0);

} // namespace retort
