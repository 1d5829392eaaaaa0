#pragma once

#include <QString>
#include <QStringList>

namespace retort {

/// The helper scripts (retort_bridge.py and the modules it imports from beside it), embedded as
/// resources under :/python/ and written to the user's cache folder so that an interpreter can run
/// them.
class BridgeScript
{
public:
    /// The main script's resource path.
    static QString resourcePath();
    /// The file names of every helper module, the main script first.
    static QStringList fileNames();
    /// Writes the scripts (atomically, into a folder named after a hash of their content, once) and
    /// returns the main script's path; on failure returns an empty string and sets \a error.
    static QString install(QString *error = nullptr);
};

} // namespace retort
