#pragma once

#include "connectionprofile.h"

#include <QString>

namespace retort {

/// A PostgreSQL found in a running container: a profile to offer, and the password from the
/// container's POSTGRES_PASSWORD kept apart (profiles never carry one).
struct DiscoveredDatabase
{
    ConnectionProfile profile;
    QString password;
    QString image;
    /// False when 5432 is not published on the host: the profile then points at the container's
    /// own address, reachable only where the container network is.
    bool published = false;
};

} // namespace retort
