#pragma once

#include <QString>

namespace retort {

/// What the helper reported about its interpreter when it started.
struct BridgeVersions
{
    QString executable;
    QString python;
    QString alembic;    ///< empty when the interpreter cannot import Alembic
    QString sqlalchemy;
    QString alembicError; ///< why Alembic could not be imported
    qint64 pid = 0;

    bool hasAlembic() const { return !alembic.isEmpty(); }
};

} // namespace retort
