#pragma once

#include <QString>

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
};

} // namespace retort
