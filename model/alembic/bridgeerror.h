#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace retort {

/// One frame of a Python traceback, innermost last.
struct BridgeFrame
{
    QString file;
    int line = 0;
    QString function;

    bool operator==(const BridgeFrame &) const = default;
};

/// What went wrong in a request to the Alembic helper, as the helper (or the bridge, when the
/// helper itself failed) reports it. \c type is the Python exception class (e.g. "CommandError")
/// or one of the bridge's own kinds: "Timeout", "HelperCrashed", "ProtocolError",
/// "InterpreterMissing", "AlembicMissing", "Cancelled".
struct BridgeError
{
    QString type;
    QString message;
    /// A plain-words explanation and what to do (e.g. "this revision queries the database, which
    /// offline SQL cannot do"); may be empty.
    QString hint;
    QList<BridgeFrame> frames;
    /// The formatted traceback or the helper's last stderr lines, for the log.
    QString details;

    /// The innermost frame inside \a projectRoot (the user's own code), else the innermost frame;
    /// an empty frame when there are none.
    BridgeFrame userFrame(const QString &projectRoot = QString()) const;

    static BridgeError fromJson(const QJsonObject &object);
    QJsonObject toJson() const;

    bool operator==(const BridgeError &) const = default;
};

} // namespace retort
