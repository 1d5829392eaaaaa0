#pragma once

#include "connectionprofile.h"
#include "connectiontestresult.h"

#include <QDeadlineTimer>
#include <atomic>

namespace retort {

/// "Test connection": opens a connection for a profile (libpqxx; blocking, so from a worker
/// thread) and says in plain words what happened: success with the server's version, the password
/// refused, the server unreachable, a TLS problem, or no such database.
class ConnectionTester
{
public:
    /// One attempt; \a timeoutSeconds bounds the connect (libpq connect_timeout).
    static ConnectionTestResult test(const ConnectionProfile &profile, const QString &password,
                                     int timeoutSeconds = 10);
    /// Attempts until success, an answer that retrying will not change (authentication, database,
    /// TLS), the \a deadline, or \a cancel; \a intervalMs between attempts. For a server that is
    /// starting (a container just launched by docker compose).
    static ConnectionTestResult waitUntilAccepting(const ConnectionProfile &profile, const QString &password,
                                                   QDeadlineTimer deadline, int intervalMs = 250,
                                                   const std::atomic_bool *cancel = nullptr);
    /// Turns libpq's error text into a result (pure; what test() uses).
    static ConnectionTestResult classify(const QString &error, const ConnectionProfile &profile);
};

} // namespace retort
