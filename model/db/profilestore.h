#pragma once

#include "connectionprofile.h"

#include <QList>
#include <QString>
#include <optional>

class QSettings;

namespace retort {

/// Reads and writes connection profiles in a QSettings (the project's or the global one), under
/// a group (default "profiles"), one subgroup per profile id. Never writes a password: profiles
/// carry none, and a `password` key left by anything else is removed when the profile is saved.
class ProfileStore
{
public:
    explicit ProfileStore(QSettings &settings, QString group = QStringLiteral("profiles"));

    /// Every profile in the group, sorted by name (ignoring case) then id.
    QList<ConnectionProfile> profiles() const;
    std::optional<ConnectionProfile> profile(const QString &id) const;
    /// Inserts or replaces the profile with \a profile's id (a new id is made when it is empty);
    /// returns the id.
    QString save(ConnectionProfile profile);
    /// False when there was no such profile.
    bool remove(const QString &id);

    /// A fresh profile id (a UUID without braces).
    static QString newId();

private:
    QSettings &m_settings;
    QString m_group;
};

} // namespace retort
