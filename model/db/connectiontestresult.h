#pragma once

#include <QString>

namespace retort {

/// What "Test connection" found, in plain words (message) with libpq's own text beside it (detail).
struct ConnectionTestResult
{
    enum class Outcome { Success, AuthenticationFailed, Unreachable, TlsProblem, UnknownDatabase, Other };

    Outcome outcome = Outcome::Other;
    QString message;       ///< for the user: "the password was refused for user “app”"
    QString detail;        ///< the driver's message, unchanged
    QString serverVersion; ///< on success: "15.18 (Debian 15.18-0+deb12u1)"

    bool ok() const { return outcome == Outcome::Success; }
};

} // namespace retort
