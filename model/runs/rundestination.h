#pragma once

#include <QString>

#include <functional>

namespace retort {

/// Where a run goes, as the window knows it: the URL with its password (never stored or shown) and
/// how to show it.
struct RunDestination
{
    QString url;
    QString label;        ///< the database without its password
    QString databaseName; ///< what a production run asks the user to type
    QString profile;
    QString environment;  ///< local, dev, staging, production
    QString color;        ///< the environment's colour, "#rrggbb"
    /// When the URL carries no password and the OS keychain may hold one: reads it and returns the
    /// URL with it, or empty when the keychain has none (\a problem says why when it failed). It
    /// blocks (D-Bus): call it on a worker thread only. Null when there is nothing to look for.
    std::function<QString(QString *problem)> keychainUrl = {};
};

} // namespace retort
