#pragma once

#include <QString>

namespace retort {

/// Rich text for the About box: what Retort is, and the versions of Retort, Qt (run time and
/// build time), QScintilla and libpqxx.
QString retortAboutText();

} // namespace retort
