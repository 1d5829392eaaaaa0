#include "pgpassfile.h"

#include <QFile>
#include <QStringList>
#include <sys/stat.h>

namespace retort {

namespace {

/// Splits one line at unescaped colons, removing the escapes; the password is everything after
/// the fourth separator up to the next unescaped colon (libpq ignores anything after it).
std::optional<PgpassFile::Entry> parseLine(const QString &line)
{
    QStringList fields{QString()};
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (c == QLatin1Char('\\') && i + 1 < line.size()) {
            fields.last() += line.at(++i);
        } else if (c == QLatin1Char(':')) {
            if (fields.size() == 5)
                break;
            fields << QString();
        } else {
            fields.last() += c;
        }
    }
    if (fields.size() < 5)
        return std::nullopt;
    return PgpassFile::Entry{fields[0], fields[1], fields[2], fields[3], fields[4]};
}

bool matches(const QString &pattern, const QString &value)
{
    return pattern == QLatin1String("*") || pattern == value;
}

} // namespace

QString PgpassFile::defaultPath()
{
    const QString configured = qEnvironmentVariable("PGPASSFILE");
    if (!configured.isEmpty())
        return configured;
    return qEnvironmentVariable("HOME") + QStringLiteral("/.pgpass");
}

QList<PgpassFile::Entry> PgpassFile::parse(const QByteArray &contents)
{
    QList<Entry> entries;
    const QStringList lines = QString::fromUtf8(contents).split(QLatin1Char('\n'));
    for (QString line : lines) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (const auto entry = parseLine(line))
            entries << *entry;
    }
    return entries;
}

QList<PgpassFile::Entry> PgpassFile::read(const QString &path, QString *warning)
{
    struct stat status
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return {};
    if (!S_ISREG(status.st_mode)) {
        if (warning)
            *warning = QStringLiteral("the password file %1 is not a plain file; it is ignored").arg(path);
        return {};
    }
    if (status.st_mode & (S_IRWXG | S_IRWXO)) {
        if (warning)
            *warning = QStringLiteral("the password file %1 can be read by others (permissions should be 0600 or "
                                      "less); it is ignored, as libpq ignores it")
                           .arg(path);
        return {};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (warning)
            *warning = QStringLiteral("the password file %1 cannot be read: %2").arg(path, file.errorString());
        return {};
    }
    return parse(file.readAll());
}

std::optional<QString> PgpassFile::lookup(const QList<Entry> &entries, QString host, int port, QString database,
                                          const QString &user)
{
    if (host.isEmpty() || host.startsWith(QLatin1Char('/')))
        host = QStringLiteral("localhost");
    const QString portText = QString::number(port > 0 ? port : 5432);
    if (database.isEmpty())
        database = user;
    for (const Entry &entry : entries) {
        if (matches(entry.host, host) && matches(entry.port, portText) && matches(entry.database, database) &&
            matches(entry.user, user))
            return entry.password;
    }
    return std::nullopt;
}

} // namespace retort
