#include "runreport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <algorithm>

namespace retort {

namespace {

// ---- redaction ----

QStringList redactedList(const QStringList &list)
{
    QStringList result;
    for (const QString &text : list)
        result.append(RunReport::redacted(text));
    return result;
}

BridgeError redactedError(BridgeError error)
{
    error.type = RunReport::redacted(error.type);
    error.message = RunReport::redacted(error.message);
    error.hint = RunReport::redacted(error.hint);
    error.details = RunReport::redacted(error.details);
    for (BridgeFrame &frame : error.frames) {
        frame.file = RunReport::redacted(frame.file);
        frame.function = RunReport::redacted(frame.function);
    }
    return error;
}

/// Every text of \a run, redacted: reports are built from this copy only.
RunRecord redactedRecord(RunRecord run)
{
    for (QString *text :
         {&run.profile, &run.database, &run.environment, &run.project, &run.user, &run.host, &run.target,
          &run.fingerprintBefore, &run.fingerprintAfter, &run.error, &run.verification.difference})
        *text = RunReport::redacted(*text);
    run.versionsBefore = redactedList(run.versionsBefore);
    run.versionsAfter = redactedList(run.versionsAfter);
    for (RunStepRecord &step : run.steps) {
        for (QString *text : {&step.revision, &step.message, &step.output})
            *text = RunReport::redacted(*text);
        step.versionsBefore = redactedList(step.versionsBefore);
        step.versionsExpected = redactedList(step.versionsExpected);
        step.versionsAfter = redactedList(step.versionsAfter);
        step.error = redactedError(step.error);
        for (StatementRecord &statement : step.statements) {
            statement.sql = RunReport::redacted(statement.sql);
            statement.error = RunReport::redacted(statement.error);
            statement.notices = redactedList(statement.notices);
        }
    }
    return run;
}

QJsonValue redactedJson(const QJsonValue &value)
{
    if (value.isString())
        return RunReport::redacted(value.toString());
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue &item : value.toArray())
            array.append(redactedJson(item));
        return array;
    }
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = redactedJson(it.value());
        return object;
    }
    return value;
}

// ---- words ----

QString kindName(RunRecord::Kind kind)
{
    return kind == RunRecord::Kind::Verify ? QStringLiteral("verify") : QStringLiteral("run");
}

QString direction(bool upgrade)
{
    return upgrade ? QStringLiteral("upgrade") : QStringLiteral("downgrade");
}

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QString readableTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) + QStringLiteral(" UTC")
                          : QStringLiteral("—");
}

QString milliseconds(qint64 ms)
{
    if (ms < 0)
        return QStringLiteral("—");
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(ms);
    if (ms < 60'000)
        return QStringLiteral("%1 s").arg(QString::number(double(ms) / 1000.0, 'f', 3));
    return QStringLiteral("%1 min %2 s").arg(ms / 60'000).arg(QString::number(double(ms % 60'000) / 1000.0, 'f', 3));
}

QString microseconds(qint64 us)
{
    if (us < 1000)
        return QStringLiteral("%1 µs").arg(us);
    if (us < 1'000'000)
        return QStringLiteral("%1 ms").arg(QString::number(double(us) / 1000.0, 'f', 1));
    return milliseconds(us / 1000);
}

/// An inline code span that survives backticks inside \a text.
QString code(const QString &text)
{
    qsizetype longest = 0;
    qsizetype run = 0;
    for (const QChar c : text) {
        run = c == QLatin1Char('`') ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    const QString ticks(longest + 1, QLatin1Char('`'));
    const bool pad = text.startsWith(QLatin1Char('`')) || text.endsWith(QLatin1Char('`'));
    const QString space = pad ? QStringLiteral(" ") : QString();
    return ticks + space + text + space + ticks;
}

/// A fenced block whose fence is longer than any run of backticks in \a text.
QString fenced(const QString &text, const QString &language = {})
{
    qsizetype longest = 0;
    qsizetype run = 0;
    for (const QChar c : text) {
        run = c == QLatin1Char('`') ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    const QString fence(std::max<qsizetype>(3, longest + 1), QLatin1Char('`'));
    QString body = text;
    if (!body.endsWith(QLatin1Char('\n')))
        body += QLatin1Char('\n');
    return fence + language + QLatin1Char('\n') + body + fence + QLatin1Char('\n');
}

/// Text for one table cell: no line breaks, no column separators.
QString cell(QString text)
{
    text.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text;
}

QString versions(const QStringList &list)
{
    if (list.isEmpty())
        return QStringLiteral("none (base)");
    QStringList codes;
    for (const QString &version : list)
        codes.append(code(version));
    return codes.join(QStringLiteral(", "));
}

QString fingerprint(const QString &hex)
{
    return hex.isEmpty() ? QStringLiteral("not taken") : code(hex);
}

QString row(const QString &name, const QString &value)
{
    return QStringLiteral("| %1 | %2 |\n").arg(name, cell(value));
}

QString errorMarkdown(const BridgeError &error)
{
    QString out = QStringLiteral("**Error:** %1: %2\n").arg(code(error.type), error.message);
    if (!error.hint.isEmpty())
        out += QStringLiteral("\n%1\n").arg(error.hint);
    if (!error.frames.isEmpty()) {
        out += QStringLiteral("\nTraceback, innermost last:\n\n");
        for (const BridgeFrame &frame : error.frames)
            out += QStringLiteral("- %1 in %2\n")
                       .arg(code(QStringLiteral("%1:%2").arg(frame.file, QString::number(frame.line))),
                            code(frame.function));
    }
    if (!error.details.isEmpty())
        out += QLatin1Char('\n') + fenced(error.details, QStringLiteral("text"));
    return out;
}

QString stepMarkdown(const RunStepRecord &step)
{
    QString out =
        QStringLiteral("\n### Step %1: %2 %3").arg(step.index + 1).arg(direction(step.upgrade), code(step.revision));
    if (!step.message.isEmpty())
        out += QStringLiteral(" — ") + step.message;
    out += QStringLiteral("\n\n| | |\n|---|---|\n");
    out += row(QStringLiteral("Status"), statusName(step.status));
    out += row(QStringLiteral("Started"), readableTime(step.startedAt));
    out += row(QStringLiteral("Duration"), milliseconds(step.durationMs));
    out += row(QStringLiteral("Revisions before"), versions(step.versionsBefore));
    out += row(QStringLiteral("Revisions expected after"), versions(step.versionsExpected));
    if (step.status != RunStatus::Planned && step.status != RunStatus::Running)
        out += row(QStringLiteral("Revisions after"), versions(step.versionsAfter));

    for (const StatementRecord &statement : step.statements) {
        QString facts;
        if (statement.finished()) {
            facts = statement.durationUs >= 0 ? microseconds(statement.durationUs) : QStringLiteral("no duration");
            facts += statement.rowsAffected >= 0 ? QStringLiteral(", %1 rows").arg(statement.rowsAffected)
                                                 : QStringLiteral(", rows not reported");
        } else {
            facts = QStringLiteral("did not finish");
        }
        out += QStringLiteral("\n#### Statement %1 (%2)\n\n").arg(statement.sequence).arg(facts);
        out += fenced(statement.sql, QStringLiteral("sql"));
        for (const QString &notice : statement.notices)
            out += QStringLiteral("\n> %1\n").arg(QString(notice).replace(QLatin1Char('\n'), QStringLiteral("\n> ")));
        if (!statement.error.isEmpty())
            out += QStringLiteral("\n**Statement error:** %1\n").arg(statement.error);
    }
    if (!step.output.isEmpty())
        out += QStringLiteral("\nOutput:\n\n") + fenced(step.output, QStringLiteral("text"));
    if (step.failed())
        out += QLatin1Char('\n') + errorMarkdown(step.error);
    return out;
}

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonValue orNull(qint64 value)
{
    return value < 0 ? QJsonValue() : QJsonValue(value);
}

} // namespace

QString RunReport::redacted(const QString &text)
{
    // scheme://user:password@host — the password runs to the last '@' before white space.
    static const QRegularExpression url(QStringLiteral("([A-Za-z][A-Za-z0-9+.\\-]*://[^\\s/@:]*):\\S*@"));
    // password=..., PGPASSWORD='...', "password": "...", password: ..., SQL's PASSWORD '...'
    static const QRegularExpression keyword(
        QStringLiteral("\\b(password|passwd|pgpassword)([\"']?[ \\t]*[=:][ \\t]*|[ \\t]+(?='))"
                       "('[^']*'|\"[^\"]*\"|[^\\s&;,'\"]+)"),
        QRegularExpression::CaseInsensitiveOption);
    QString result = text;
    result.replace(url, QStringLiteral("\\1:***@"));
    result.replace(keyword, QStringLiteral("\\1\\2***"));
    return result;
}

QString RunReport::toMarkdown(const RunRecord &record)
{
    const RunRecord run = redactedRecord(record);
    const bool verify = run.kind == RunRecord::Kind::Verify;
    QString out =
        verify ? QStringLiteral("# Rollback verification %1: %2\n\n").arg(run.id).arg(code(run.target))
               : QStringLiteral("# Run %1: %2 to %3\n\n").arg(run.id).arg(direction(run.upgrade), code(run.target));
    out += QStringLiteral("| | |\n|---|---|\n");
    out += row(QStringLiteral("Status"), statusName(run.status));
    out += row(QStringLiteral("Profile"), run.profile);
    out += row(QStringLiteral("Database"), run.database);
    out += row(QStringLiteral("Environment"), run.environment);
    out += row(QStringLiteral("Project"), run.project);
    out += row(QStringLiteral("Started by"),
               run.host.isEmpty() ? run.user : QStringLiteral("%1 on %2").arg(run.user, run.host));
    out += row(QStringLiteral("Started"), readableTime(run.startedAt));
    out += row(QStringLiteral("Finished"), readableTime(run.finishedAt));
    if (run.startedAt.isValid() && run.finishedAt.isValid())
        out += row(QStringLiteral("Duration"), milliseconds(run.startedAt.msecsTo(run.finishedAt)));
    out += row(QStringLiteral("Revisions before"), versions(run.versionsBefore));
    out += row(QStringLiteral("Revisions after"), versions(run.versionsAfter));
    out += row(QStringLiteral("Schema fingerprint before"), fingerprint(run.fingerprintBefore));
    out += row(QStringLiteral("Schema fingerprint after"), fingerprint(run.fingerprintAfter));
    out += row(QStringLiteral("Lock timeout"),
               run.lockTimeoutMs > 0 ? milliseconds(run.lockTimeoutMs) : QStringLiteral("none"));
    out += row(QStringLiteral("Statement timeout"),
               run.statementTimeoutMs > 0 ? milliseconds(run.statementTimeoutMs) : QStringLiteral("none"));
    if (!run.error.isEmpty())
        out += QStringLiteral("\n**Error:** %1\n").arg(run.error);

    if (verify) {
        const VerificationRecord &check = run.verification;
        out += QStringLiteral("\n## Rollback verification\n\n");
        if (check.equal)
            out += QStringLiteral("The downgrade restored the schema: the snapshots before the upgrade and after the "
                                  "downgrade are equal.\n\n");
        else if (check.fingerprintDowngraded.isEmpty())
            out += QStringLiteral("**No verdict:** the verification stopped before the snapshot after the downgrade.\n\n");
        else
            out += QStringLiteral("**The downgrade did not restore the schema.**\n\n");
        out += QStringLiteral("| Snapshot | Fingerprint |\n|---|---|\n");
        out += row(QStringLiteral("Before the upgrade"), fingerprint(check.fingerprintBefore));
        out += row(QStringLiteral("After the upgrade"), fingerprint(check.fingerprintUpgraded));
        out += row(QStringLiteral("After the downgrade"), fingerprint(check.fingerprintDowngraded));
        if (!check.fingerprintReupgraded.isEmpty())
            out += row(QStringLiteral("After upgrading again"), fingerprint(check.fingerprintReupgraded));
        if (check.equal && check.fingerprintBefore != check.fingerprintDowngraded && !check.fingerprintDowngraded.isEmpty())
            out += QStringLiteral("\nThe fingerprints before the upgrade and after the downgrade differ only in what the "
                                  "object-by-object comparison leaves out, such as the order of a table's columns.\n");
        if (!check.fingerprintReupgraded.isEmpty())
            out += check.fingerprintReupgraded == check.fingerprintUpgraded
                       ? QStringLiteral("\nUpgrading again gave the schema of the first upgrade.\n")
                       : QStringLiteral("\n**Upgrading again gave a different schema than the first upgrade.**\n");
        if (!check.difference.isEmpty())
            out += QStringLiteral("\nDifference, before the upgrade → after the downgrade:\n\n") +
                   fenced(check.difference, QStringLiteral("diff"));
    }

    if (!run.steps.isEmpty()) {
        out += QStringLiteral("\n## Steps\n\n| # | Revision | Direction | Status | Started | Duration | Statements |\n"
                              "|---|---|---|---|---|---|---|\n");
        for (const RunStepRecord &step : run.steps)
            out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 |\n")
                       .arg(QString::number(step.index + 1),
                            cell(code(step.revision) +
                                 (step.message.isEmpty() ? QString() : QLatin1Char(' ') + step.message)),
                            direction(step.upgrade), statusName(step.status), readableTime(step.startedAt),
                            milliseconds(step.durationMs), QString::number(step.statements.size()));
        for (const RunStepRecord &step : run.steps)
            out += stepMarkdown(step);
    }
    return redacted(out);
}

QJsonObject RunReport::toJsonObject(const RunRecord &record)
{
    const RunRecord run = redactedRecord(record);
    QJsonArray steps;
    for (const RunStepRecord &step : run.steps) {
        QJsonArray statements;
        for (const StatementRecord &statement : step.statements)
            statements.append(QJsonObject{
                {QStringLiteral("sequence"), statement.sequence},
                {QStringLiteral("sql"), statement.sql},
                {QStringLiteral("startedAt"), orNull(isoTime(statement.startedAt))},
                {QStringLiteral("durationUs"), orNull(statement.durationUs)},
                {QStringLiteral("rowsAffected"), orNull(statement.rowsAffected)},
                {QStringLiteral("notices"), QJsonArray::fromStringList(statement.notices)},
                {QStringLiteral("error"), orNull(statement.error)},
            });
        steps.append(QJsonObject{
            {QStringLiteral("index"), step.index},
            {QStringLiteral("revision"), step.revision},
            {QStringLiteral("message"), step.message},
            {QStringLiteral("direction"), direction(step.upgrade)},
            {QStringLiteral("status"), statusName(step.status)},
            {QStringLiteral("startedAt"), orNull(isoTime(step.startedAt))},
            {QStringLiteral("durationMs"), orNull(step.durationMs)},
            {QStringLiteral("versionsBefore"), QJsonArray::fromStringList(step.versionsBefore)},
            {QStringLiteral("versionsExpected"), QJsonArray::fromStringList(step.versionsExpected)},
            {QStringLiteral("versionsAfter"), QJsonArray::fromStringList(step.versionsAfter)},
            {QStringLiteral("output"), step.output},
            {QStringLiteral("error"), step.failed() ? QJsonValue(step.error.toJson()) : QJsonValue()},
            {QStringLiteral("statements"), statements},
        });
    }
    QJsonObject object{
        {QStringLiteral("format"), QStringLiteral("retort-run")},
        {QStringLiteral("formatVersion"), 1},
        {QStringLiteral("id"), run.id},
        {QStringLiteral("kind"), kindName(run.kind)},
        {QStringLiteral("profile"), run.profile},
        {QStringLiteral("database"), run.database},
        {QStringLiteral("environment"), run.environment},
        {QStringLiteral("project"), run.project},
        {QStringLiteral("user"), run.user},
        {QStringLiteral("host"), run.host},
        {QStringLiteral("target"), run.target},
        {QStringLiteral("direction"), direction(run.upgrade)},
        {QStringLiteral("status"), statusName(run.status)},
        {QStringLiteral("startedAt"), orNull(isoTime(run.startedAt))},
        {QStringLiteral("finishedAt"), orNull(isoTime(run.finishedAt))},
        {QStringLiteral("versionsBefore"), QJsonArray::fromStringList(run.versionsBefore)},
        {QStringLiteral("versionsAfter"), QJsonArray::fromStringList(run.versionsAfter)},
        {QStringLiteral("fingerprintBefore"), orNull(run.fingerprintBefore)},
        {QStringLiteral("fingerprintAfter"), orNull(run.fingerprintAfter)},
        {QStringLiteral("lockTimeoutMs"), run.lockTimeoutMs},
        {QStringLiteral("statementTimeoutMs"), run.statementTimeoutMs},
        {QStringLiteral("error"), orNull(run.error)},
        {QStringLiteral("steps"), steps},
    };
    if (run.kind == RunRecord::Kind::Verify) {
        const VerificationRecord &check = run.verification;
        object.insert(QStringLiteral("verification"),
                      QJsonObject{
                          {QStringLiteral("equal"), check.equal},
                          {QStringLiteral("fingerprintBefore"), orNull(check.fingerprintBefore)},
                          {QStringLiteral("fingerprintUpgraded"), orNull(check.fingerprintUpgraded)},
                          {QStringLiteral("fingerprintDowngraded"), orNull(check.fingerprintDowngraded)},
                          {QStringLiteral("fingerprintReupgraded"), orNull(check.fingerprintReupgraded)},
                          {QStringLiteral("difference"), check.difference},
                      });
    }
    return redactedJson(object).toObject();
}

QByteArray RunReport::toJson(const RunRecord &run)
{
    return QJsonDocument(toJsonObject(run)).toJson(QJsonDocument::Indented);
}

} // namespace retort
