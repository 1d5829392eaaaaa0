#pragma once

#include <QString>

namespace retort {

/// The helper script retort_bridge.py, embedded as the resource :/python/retort_bridge.py and
/// written to the user's cache folder so that an interpreter can run it.
class BridgeScript
{
public:
    static QString resourcePath();
    /// Writes the script (atomically, once per content: the file name carries a hash of it) and
    /// returns its path; on failure returns an empty string and sets \a error.
    static QString install(QString *error = nullptr);
};

} // namespace retort
