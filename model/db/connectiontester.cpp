#include "connectiontester.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QThread>
#include <pqxx/pqxx>

namespace retort {

// ConnectionTester is no QObject: its plain words are translated with QCoreApplication::translate()
// in the context "retort::ConnectionTester" (lupdate reads each call's literal context).

namespace {

QString target(const ConnectionProfile &profile)
{
    if (!profile.service.isEmpty() && profile.host.isEmpty())
        return QCoreApplication::translate("retort::ConnectionTester", "service “%1”").arg(profile.service);
    const QString host = profile.host.isEmpty() ? QStringLiteral("localhost") : profile.host;
    return QStringLiteral("%1:%2").arg(host).arg(profile.port > 0 ? profile.port : 5432);
}

ConnectionTestResult result(ConnectionTestResult::Outcome outcome, QString message, const QString &detail)
{
    ConnectionTestResult r;
    r.outcome = outcome;
    r.message = std::move(message);
    r.detail = detail;
    return r;
}

} // namespace

ConnectionTestResult ConnectionTester::classify(const QString &error, const ConnectionProfile &profile)
{
    using Outcome = ConnectionTestResult::Outcome;
    const QString detail = error.trimmed();
    const auto has = [&detail](const char *text) { return detail.contains(QLatin1String(text), Qt::CaseInsensitive); };
    const QString user =
        profile.user.isEmpty() ? QCoreApplication::translate("retort::ConnectionTester", "(default)") : profile.user;

    if (has("password authentication failed") || has("authentication failed for user"))
        return result(Outcome::AuthenticationFailed,
                      QCoreApplication::translate("retort::ConnectionTester",
                                                  "the server refused the password for user “%1” (wrong password)")
                          .arg(user),
                      detail);
    if (has("no password supplied"))
        return result(Outcome::AuthenticationFailed,
                      QCoreApplication::translate("retort::ConnectionTester",
                                                  "the server asks for a password for user “%1” and none was given")
                          .arg(user),
                      detail);
    if (has("role \"") && has("\" does not exist"))
        return result(
            Outcome::AuthenticationFailed,
            QCoreApplication::translate("retort::ConnectionTester", "the server has no user (role) “%1”").arg(user),
            detail);
    if (has("database \"") && has("\" does not exist"))
        return result(Outcome::UnknownDatabase,
                      QCoreApplication::translate("retort::ConnectionTester", "the database “%1” does not exist on %2")
                          .arg(profile.database, target(profile)),
                      detail);
    if (has("server does not support SSL"))
        return result(
            Outcome::TlsProblem,
            QCoreApplication::translate("retort::ConnectionTester",
                                        "the server does not accept TLS, but this profile requires it (sslmode=%1)")
                .arg(profile.sslMode.isEmpty() ? QStringLiteral("require") : profile.sslMode),
            detail);
    if (has("root certificate file") || has("certificate verify failed") || has("server certificate") ||
        has("SSL error") || has("SSL SYSCALL") || has("sslmode value") || has("SSL connection"))
        return result(Outcome::TlsProblem,
                      QCoreApplication::translate("retort::ConnectionTester", "a TLS problem with %1: %2")
                          .arg(target(profile), detail.section(QLatin1Char('\n'), 0, 0)),
                      detail);
    if (has("could not translate host name"))
        return result(Outcome::Unreachable,
                      QCoreApplication::translate("retort::ConnectionTester",
                                                  "the host name “%1” is unknown (DNS could not resolve it)")
                          .arg(profile.host),
                      detail);
    if (has("Connection refused"))
        return result(Outcome::Unreachable,
                      QCoreApplication::translate(
                          "retort::ConnectionTester",
                          "nothing accepts connections at %1 (connection refused: is the server running?)")
                          .arg(target(profile)),
                      detail);
    if (has("timeout expired") || has("Connection timed out"))
        return result(
            Outcome::Unreachable,
            QCoreApplication::translate("retort::ConnectionTester",
                                        "%1 did not answer in time (timeout: a firewall, or the wrong address)")
                .arg(target(profile)),
            detail);
    if (has("No route to host") || has("Network is unreachable") || has("No such file or directory") ||
        has("server closed the connection unexpectedly"))
        return result(Outcome::Unreachable,
                      QCoreApplication::translate("retort::ConnectionTester", "%1 cannot be reached: %2")
                          .arg(target(profile), detail.section(QLatin1Char('\n'), 0, 0)),
                      detail);
    if (has("no pg_hba.conf entry"))
        return result(
            Outcome::AuthenticationFailed,
            QCoreApplication::translate("retort::ConnectionTester",
                                        "the server does not allow user “%1” to connect from here (pg_hba.conf)")
                .arg(user),
            detail);
    return result(Outcome::Other,
                  QCoreApplication::translate("retort::ConnectionTester", "the connection failed: %1")
                      .arg(detail.section(QLatin1Char('\n'), 0, 0)),
                  detail);
}

ConnectionTestResult ConnectionTester::test(const ConnectionProfile &profile, const QString &password,
                                            int timeoutSeconds)
{
    using Outcome = ConnectionTestResult::Outcome;
    if (profile.kind == ConnectionProfile::Kind::SqliteFile) {
        const QFileInfo file(profile.sqlitePath);
        if (!file.isFile())
            return result(Outcome::UnknownDatabase,
                          QCoreApplication::translate("retort::ConnectionTester", "the SQLite file %1 does not exist")
                              .arg(profile.sqlitePath),
                          {});
        if (!file.isReadable())
            return result(Outcome::Other,
                          QCoreApplication::translate("retort::ConnectionTester", "the SQLite file %1 cannot be read")
                              .arg(profile.sqlitePath),
                          {});
        ConnectionTestResult ok = result(
            Outcome::Success, QCoreApplication::translate("retort::ConnectionTester", "the SQLite file is there"), {});
        return ok;
    }
    const QString conninfo = profile.toLibpqConnectionString(password) +
                             QStringLiteral(" connect_timeout=%1").arg(std::max(1, timeoutSeconds));
    try {
        pqxx::connection connection(conninfo.trimmed().toStdString());
        pqxx::nontransaction work(connection);
        const QString version = QString::fromStdString(work.exec1("SHOW server_version")[0].as<std::string>());
        ConnectionTestResult ok =
            result(Outcome::Success,
                   QCoreApplication::translate("retort::ConnectionTester", "connected to PostgreSQL %1 at %2")
                       .arg(version, target(profile)),
                   {});
        ok.serverVersion = version;
        return ok;
    } catch (const std::exception &e) {
        return classify(QString::fromUtf8(e.what()), profile);
    }
}

ConnectionTestResult ConnectionTester::waitUntilAccepting(const ConnectionProfile &profile, const QString &password,
                                                          QDeadlineTimer deadline, int intervalMs,
                                                          const std::atomic_bool *cancel)
{
    using Outcome = ConnectionTestResult::Outcome;
    for (;;) {
        const int left = int(std::max<qint64>(1, deadline.remainingTime() / 1000));
        ConnectionTestResult r = test(profile, password, std::min(left, 10));
        // A server that is starting refuses, resets or says "the database system is starting up".
        const bool starting = r.outcome == Outcome::Unreachable || r.detail.contains(QLatin1String("starting up")) ||
                              r.detail.contains(QLatin1String("shutting down"));
        if (!starting || deadline.hasExpired() || (cancel && cancel->load()))
            return r;
        QThread::msleep(std::min<qint64>(intervalMs, std::max<qint64>(0, deadline.remainingTime())));
    }
}

} // namespace retort
