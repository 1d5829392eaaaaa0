#pragma once

#include <QString>

namespace retort {

/// \a url (postgresql://user:secret@host/db, sqlite:///path, or a libpq key=value string) as it may
/// be shown, logged and written into journals and reports: without its password.
QString databaseLabel(const QString &url);

} // namespace retort
