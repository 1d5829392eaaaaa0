#include "profilestore.h"

#include <QSettings>
#include <QUuid>
#include <algorithm>

namespace retort {

namespace {

// Settings keys; a profile's id is its subgroup.
const auto kName = QStringLiteral("name");
const auto kKind = QStringLiteral("kind");
const auto kEnvironment = QStringLiteral("environment");
const auto kHost = QStringLiteral("host");
const auto kPort = QStringLiteral("port");
const auto kDatabase = QStringLiteral("database");
const auto kUser = QStringLiteral("user");
const auto kSslMode = QStringLiteral("sslmode");
const auto kSslRootCert = QStringLiteral("sslrootcert");
const auto kService = QStringLiteral("service");
const auto kSqlitePath = QStringLiteral("sqlitePath");
const auto kContainerId = QStringLiteral("containerId");
const auto kContainerName = QStringLiteral("containerName");

ConnectionProfile readProfile(const QSettings &settings, const QString &id)
{
    ConnectionProfile profile;
    profile.id = id;
    profile.name = settings.value(kName).toString();
    profile.kind = ConnectionProfile::kindFromName(settings.value(kKind).toString())
                       .value_or(ConnectionProfile::Kind::RemotePostgres);
    profile.environment = ConnectionProfile::environmentFromName(settings.value(kEnvironment).toString())
                              .value_or(ConnectionProfile::Environment::Local);
    profile.host = settings.value(kHost).toString();
    profile.port = settings.value(kPort).toInt();
    profile.database = settings.value(kDatabase).toString();
    profile.user = settings.value(kUser).toString();
    profile.sslMode = settings.value(kSslMode).toString();
    profile.sslRootCert = settings.value(kSslRootCert).toString();
    profile.service = settings.value(kService).toString();
    profile.sqlitePath = settings.value(kSqlitePath).toString();
    profile.containerId = settings.value(kContainerId).toString();
    profile.containerName = settings.value(kContainerName).toString();
    return profile;
}

void writeValue(QSettings &settings, const QString &key, const QString &value)
{
    if (value.isEmpty())
        settings.remove(key);
    else
        settings.setValue(key, value);
}

} // namespace

ProfileStore::ProfileStore(QSettings &settings, QString group)
    : m_settings(settings)
    , m_group(std::move(group))
{
}

QList<ConnectionProfile> ProfileStore::profiles() const
{
    QList<ConnectionProfile> result;
    m_settings.beginGroup(m_group);
    const QStringList ids = m_settings.childGroups();
    for (const QString &id : ids) {
        m_settings.beginGroup(id);
        result << readProfile(m_settings, id);
        m_settings.endGroup();
    }
    m_settings.endGroup();
    std::sort(result.begin(), result.end(), [](const ConnectionProfile &a, const ConnectionProfile &b) {
        const int byName = a.name.compare(b.name, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a.id < b.id;
    });
    return result;
}

std::optional<ConnectionProfile> ProfileStore::profile(const QString &id) const
{
    if (id.isEmpty())
        return std::nullopt;
    m_settings.beginGroup(m_group);
    const bool exists = m_settings.childGroups().contains(id);
    std::optional<ConnectionProfile> result;
    if (exists) {
        m_settings.beginGroup(id);
        result = readProfile(m_settings, id);
        m_settings.endGroup();
    }
    m_settings.endGroup();
    return result;
}

QString ProfileStore::save(ConnectionProfile profile)
{
    if (profile.id.isEmpty())
        profile.id = newId();
    m_settings.beginGroup(m_group);
    m_settings.beginGroup(profile.id);
    m_settings.remove(QStringLiteral("password")); // whatever wrote it, it does not stay
    m_settings.setValue(kName, profile.name);
    m_settings.setValue(kKind, ConnectionProfile::kindName(profile.kind));
    m_settings.setValue(kEnvironment, ConnectionProfile::environmentName(profile.environment));
    writeValue(m_settings, kHost, profile.host);
    if (profile.port > 0)
        m_settings.setValue(kPort, profile.port);
    else
        m_settings.remove(kPort);
    writeValue(m_settings, kDatabase, profile.database);
    writeValue(m_settings, kUser, profile.user);
    writeValue(m_settings, kSslMode, profile.sslMode);
    writeValue(m_settings, kSslRootCert, profile.sslRootCert);
    writeValue(m_settings, kService, profile.service);
    writeValue(m_settings, kSqlitePath, profile.sqlitePath);
    writeValue(m_settings, kContainerId, profile.containerId);
    writeValue(m_settings, kContainerName, profile.containerName);
    m_settings.endGroup();
    m_settings.endGroup();
    return profile.id;
}

bool ProfileStore::remove(const QString &id)
{
    if (!profile(id))
        return false;
    m_settings.beginGroup(m_group);
    m_settings.remove(id);
    m_settings.endGroup();
    return true;
}

QString ProfileStore::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace retort
