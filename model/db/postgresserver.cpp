#include "postgresserver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QVersionNumber>

#include <pqxx/pqxx>

#include <arpa/inet.h>
#include <grp.h>
#include <netinet/in.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/socket.h>
#include <unistd.h>

namespace retort {

namespace {

constexpr int kStartTimeoutSeconds = 60;

/// A TCP port on 127.0.0.1 that nothing listens on right now.
int freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof(address);
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

QString randomPassword()
{
    static const char alphabet[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString password;
    for (int i = 0; i < 24; ++i)
        password += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof(alphabet) - 1))]);
    return password;
}


} // namespace

PostgresServer::PostgresServer(QString folder)
    : m_folder(QDir::cleanPath(std::move(folder)))
    , m_binDir(findBinDir())
    , m_asPostgres(::geteuid() == 0)
{
}

PostgresServer::~PostgresServer()
{
    stop();
}

QString PostgresServer::findBinDir()
{
    const QString configured = qEnvironmentVariable("RETORT_PG_BINDIR");
    if (!configured.isEmpty())
        return QFileInfo::exists(configured + QStringLiteral("/pg_ctl")) ? configured : QString();
    QString best;
    QVersionNumber bestVersion;
    const QDir root(QStringLiteral("/usr/lib/postgresql"));
    for (const QString &name : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString bin = root.filePath(name + QStringLiteral("/bin"));
        const QVersionNumber version = QVersionNumber::fromString(name);
        if (QFileInfo::exists(bin + QStringLiteral("/initdb")) && QFileInfo::exists(bin + QStringLiteral("/pg_ctl"))
            && version > bestVersion) {
            best = bin;
            bestVersion = version;
        }
    }
    return best;
}

QString PostgresServer::defaultFolder()
{
    if (::geteuid() == 0)
        return QStringLiteral("/var/tmp/retort-sandbox-root");
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/sandbox");
}

bool PostgresServer::run(const QStringList &command, QString *output, int timeoutMs) const
{
    QStringList arguments = command;
    QString program = m_binDir + QLatin1Char('/') + arguments.takeFirst();
    if (m_asPostgres) {
        arguments.prepend(program);
        arguments = QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--")} + arguments;
        program = QStringLiteral("/usr/sbin/runuser");
    }
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setWorkingDirectory(m_folder);
    process.start(program, arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        if (output)
            *output = QStringLiteral("%1 did not finish within %2 s").arg(command.first()).arg(timeoutMs / 1000);
        return false;
    }
    if (output)
        *output = QString::fromLocal8Bit(process.readAll()).trimmed();
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

bool PostgresServer::prepareFolder(QString *error) const
{
    // The folder may sit in a world-writable place (/var/tmp for root): make it ourselves, private,
    // and refuse one that someone else made or that is a symbolic link.
    const QByteArray path = QFile::encodeName(m_folder);
    QDir().mkpath(QFileInfo(m_folder).absolutePath());
    if (::mkdir(path.constData(), 0700) != 0 && errno != EEXIST) {
        if (error)
            *error = QStringLiteral("cannot create the sandbox folder %1: %2").arg(m_folder, QString::fromLocal8Bit(::strerror(errno)));
        return false;
    }
    struct stat info{};
    const passwd *postgres = ::getpwnam("postgres");
    const uid_t serverUid = m_asPostgres && postgres ? postgres->pw_uid : ::geteuid();
    if (::lstat(path.constData(), &info) != 0 || !S_ISDIR(info.st_mode)
        || (info.st_uid != ::geteuid() && info.st_uid != serverUid)) {
        if (error)
            *error = QStringLiteral("the sandbox folder %1 is not a folder of this user (or is a link): not using it").arg(m_folder);
        return false;
    }
    if (m_asPostgres && (!postgres || ::lchown(path.constData(), postgres->pw_uid, postgres->pw_gid) != 0)) {
        if (error)
            *error = QStringLiteral("cannot hand %1 to the postgres user (PostgreSQL refuses to run as root)").arg(m_folder);
        return false;
    }
    ::chmod(path.constData(), 0700);
    return true;
}

bool PostgresServer::writeSecret(const QString &path, bool forServer, QString *error) const
{
    const QByteArray name = QFile::encodeName(path);
    ::unlink(name.constData()); // a leftover (never followed: unlink removes a link, not its target)
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    const QByteArray secret = m_password.toUtf8();
    bool ok = fd >= 0 && ::write(fd, secret.constData(), size_t(secret.size())) == secret.size();
    if (ok && forServer && m_asPostgres) {
        const passwd *postgres = ::getpwnam("postgres");
        ok = postgres && ::fchown(fd, postgres->pw_uid, postgres->pw_gid) == 0;
    }
    if (fd >= 0)
        ::close(fd);
    if (!ok && error)
        *error = QStringLiteral("cannot write %1").arg(path);
    return ok;
}

bool PostgresServer::initialise(QString *error)
{
    if (!prepareFolder(error))
        return false;
    const QString data = m_folder + QStringLiteral("/data");
    const QString passwordPath = m_folder + QStringLiteral("/retort-password");
    if (QFileInfo::exists(data + QStringLiteral("/PG_VERSION"))) {
        QFile file(passwordPath);
        if (!file.open(QIODevice::ReadOnly)) {
            if (error)
                *error = QStringLiteral("the sandbox's password file %1 cannot be read: %2").arg(passwordPath, file.errorString());
            return false;
        }
        m_password = QString::fromUtf8(file.readAll()).trimmed();
        return true;
    }
    m_password = randomPassword();
    // The password goes to initdb through a file the server user can read, removed right after.
    const QString pwfile = m_folder + QStringLiteral("/initdb-password");
    if (!writeSecret(passwordPath, false, error) || !writeSecret(pwfile, true, error))
        return false;
    QString output;
    const bool ok = run({QStringLiteral("initdb"), QStringLiteral("-D"), data, QStringLiteral("-U"), user(),
                         QStringLiteral("--pwfile=") + pwfile, QStringLiteral("--auth=scram-sha-256"), QStringLiteral("-E"),
                         QStringLiteral("UTF8"), QStringLiteral("--locale=C.UTF-8")},
                        &output, 120'000);
    QFile::remove(pwfile);
    if (!ok && error)
        *error = QStringLiteral("initdb failed: %1").arg(output.section(QLatin1Char('\n'), -3));
    return ok;
}

int PostgresServer::runningPort() const
{
    // A server of this cluster left running (Retort was killed, or another Retort runs it): its
    // postmaster.pid names the port on line 4 and says "ready" on line 8.
    QFile pidFile(m_folder + QStringLiteral("/data/postmaster.pid"));
    if (!pidFile.open(QIODevice::ReadOnly))
        return 0;
    const QStringList lines = QString::fromUtf8(pidFile.readAll()).split(QLatin1Char('\n'));
    const qint64 pid = lines.value(0).trimmed().toLongLong();
    if (pid <= 0 || ::kill(pid_t(pid), 0) != 0 || lines.value(7).trimmed() != QLatin1String("ready"))
        return 0;
    return lines.value(3).trimmed().toInt();
}

bool PostgresServer::start(QString *error)
{
    if (m_running)
        return true;
    if (m_binDir.isEmpty()) {
        if (error)
            *error = QStringLiteral("PostgreSQL's server programs (initdb, pg_ctl) are not installed; on Debian: "
                                    "apt install postgresql");
        return false;
    }
    if (!initialise(error))
        return false;
    if (const int port = runningPort(); port > 0) {
        m_port = port; // adopted: stopped by us on exit like one we started
        m_running = true;
        return true;
    }
    const QString data = m_folder + QStringLiteral("/data");
    // A port can be taken between the check and the start: try a few.
    QString output;
    for (int attempt = 0; attempt < 3; ++attempt) {
        m_port = freeLoopbackPort();
        // TCP on loopback only, with a password; no Unix socket at all (it would need a private
        // folder, and its path length is limited).
        const QString options = QStringLiteral("-p %1 -c listen_addresses=127.0.0.1 -c unix_socket_directories=").arg(m_port);
        if (run({QStringLiteral("pg_ctl"), QStringLiteral("-D"), data, QStringLiteral("-l"), m_folder + QStringLiteral("/server.log"),
                 QStringLiteral("-w"), QStringLiteral("-t"), QString::number(kStartTimeoutSeconds), QStringLiteral("-o"), options,
                 QStringLiteral("start")},
                &output, (kStartTimeoutSeconds + 10) * 1000)) {
            m_running = true;
            return true;
        }
    }
    if (error)
        *error = QStringLiteral("the PostgreSQL sandbox did not start: %1").arg(readLogTail().isEmpty() ? output : readLogTail());
    m_port = 0;
    return false;
}

void PostgresServer::stop()
{
    if (!m_running)
        return;
    run({QStringLiteral("pg_ctl"), QStringLiteral("-D"), m_folder + QStringLiteral("/data"), QStringLiteral("-m"),
         QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("stop")},
        nullptr, 60'000);
    m_running = false;
}

QString PostgresServer::readLogTail() const
{
    QFile log(m_folder + QStringLiteral("/server.log"));
    if (!log.open(QIODevice::ReadOnly))
        return {};
    const QStringList lines = QString::fromLocal8Bit(log.readAll()).trimmed().split(QLatin1Char('\n'));
    return lines.mid(std::max<qsizetype>(0, lines.size() - 3)).join(QLatin1Char('\n'));
}

QString PostgresServer::connectionString(const QString &database) const
{
    return QStringLiteral("host=%1 port=%2 user=%3 password=%4 dbname=%5 connect_timeout=10")
        .arg(host())
        .arg(m_port)
        .arg(user(), m_password, database);
}

QString PostgresServer::sqlalchemyUrl(const QString &database) const
{
    return QStringLiteral("postgresql://%1:%2@%3:%4/%5").arg(user(), m_password, host()).arg(m_port).arg(database);
}

bool PostgresServer::createDatabase(const QString &database, QString *error) const
{
    try {
        pqxx::connection connection(connectionString().toStdString());
        pqxx::nontransaction work(connection);
        const pqxx::result exists = work.exec_params("SELECT 1 FROM pg_database WHERE datname = $1", database.toStdString());
        if (exists.empty())
            work.exec("CREATE DATABASE " + work.quote_name(database.toStdString()));
        return true;
    } catch (const std::exception &e) {
        if (error)
            *error = QString::fromUtf8(e.what()).trimmed();
        return false;
    }
}

} // namespace retort
