#include "runjournalschema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace retort {

namespace {

// Lists (alembic_version rows, notices) are JSON arrays; times ISO 8601 in UTC with milliseconds;
// a step's error is BridgeError::toJson(). Qt binds a null QString as NULL, so text columns allow
// NULL and read back as empty. Output is kept in chunks so appending stays cheap.
const char *const createStatements[] = {
    R"(CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        profile TEXT,
        database TEXT,
        environment TEXT,
        project TEXT,
        os_user TEXT,
        host TEXT,
        target TEXT,
        upgrade INTEGER NOT NULL,
        status TEXT NOT NULL,
        started_at TEXT,
        finished_at TEXT,
        versions_before TEXT,
        versions_after TEXT,
        fingerprint_before TEXT,
        fingerprint_after TEXT,
        lock_timeout_ms INTEGER NOT NULL,
        statement_timeout_ms INTEGER NOT NULL,
        error TEXT,
        writer_host TEXT,
        writer_boot_id TEXT,
        writer_pid INTEGER NOT NULL,
        writer_start_ticks INTEGER NOT NULL,
        writer_token TEXT))",
    "CREATE INDEX runs_by_profile ON runs (profile, id)",
    "CREATE INDEX runs_by_status ON runs (status)",
    R"(CREATE TABLE steps (
        run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        step_index INTEGER NOT NULL,
        revision TEXT,
        message TEXT,
        upgrade INTEGER NOT NULL,
        status TEXT NOT NULL,
        started_at TEXT,
        duration_ms INTEGER NOT NULL,
        versions_before TEXT,
        versions_expected TEXT,
        versions_after TEXT,
        error TEXT,
        PRIMARY KEY (run_id, step_index)))",
    R"(CREATE TABLE step_output (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id INTEGER NOT NULL,
        step_index INTEGER NOT NULL,
        text TEXT,
        FOREIGN KEY (run_id, step_index) REFERENCES steps (run_id, step_index) ON DELETE CASCADE))",
    "CREATE INDEX step_output_by_step ON step_output (run_id, step_index, id)",
    R"(CREATE TABLE statements (
        run_id INTEGER NOT NULL,
        step_index INTEGER NOT NULL,
        sequence INTEGER NOT NULL,
        sql TEXT,
        started_at TEXT,
        duration_us INTEGER NOT NULL,
        rows_affected INTEGER NOT NULL,
        notices TEXT,
        error TEXT,
        PRIMARY KEY (run_id, step_index, sequence),
        FOREIGN KEY (run_id, step_index) REFERENCES steps (run_id, step_index) ON DELETE CASCADE))",
    R"(CREATE TABLE verifications (
        run_id INTEGER PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
        fingerprint_before TEXT,
        fingerprint_upgraded TEXT,
        fingerprint_downgraded TEXT,
        fingerprint_reupgraded TEXT,
        equal INTEGER NOT NULL,
        difference TEXT))",
};

/// Runs \a sql; on success the first column of the first row (if any) is in \a value.
QString run(QSqlDatabase &db, const QString &sql, QVariant *value = nullptr)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return RunJournalSchema::describe(query.lastError());
    if (value)
        *value = query.next() ? query.value(0) : QVariant();
    return {};
}

QString pragma(QSqlDatabase &db, const QString &sql, QVariant *value = nullptr)
{
    const QString error = run(db, sql, value);
    return error.isEmpty() ? error : QStringLiteral("%1 failed: %2").arg(sql, error);
}

/// Whether \a db is empty (\a empty) or a journal this Retort can use; why not, if not. Reads only.
QString identify(QSqlDatabase &db, bool &empty)
{
    QVariant application;
    QVariant userVersion;
    QVariant objects;
    QString error;
    if (!(error = run(db, QStringLiteral("SELECT count(*) FROM sqlite_master"), &objects)).isEmpty() ||
        !(error = run(db, QStringLiteral("PRAGMA application_id"), &application)).isEmpty() ||
        !(error = run(db, QStringLiteral("PRAGMA user_version"), &userVersion)).isEmpty())
        return error;
    empty = application.toInt() == 0 && userVersion.toInt() == 0 && objects.toInt() == 0;
    if (empty)
        return {};
    if (application.toInt() != RunJournalSchema::applicationId)
        return QStringLiteral("it is an SQLite database, but not a Retort run journal");
    if (userVersion.toInt() > RunJournalSchema::version)
        return QStringLiteral("it was written by a newer Retort (journal schema version %1; this Retort knows "
                              "versions up to %2)")
            .arg(userVersion.toInt())
            .arg(RunJournalSchema::version);
    if (userVersion.toInt() < 1)
        return QStringLiteral("its schema version %1 is not one Retort ever wrote").arg(userVersion.toInt());
    return {};
}

} // namespace

QString RunJournalSchema::prepare(QSqlDatabase &db)
{
    // Look before touching anything: another program's database is left exactly as it was. The
    // first read is also where SQLite notices a file that is not a database at all.
    bool empty = false;
    QString error = identify(db, empty);
    if (!error.isEmpty())
        return error;
    QVariant mode;
    if (!(error = pragma(db, QStringLiteral("PRAGMA foreign_keys = ON"))).isEmpty() ||
        !(error = pragma(db, QStringLiteral("PRAGMA journal_mode = WAL"), &mode)).isEmpty())
        return error;
    if (mode.toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return QStringLiteral("SQLite would not switch it to write-ahead logging (journal mode stays %1)")
            .arg(mode.toString());
    // RunJournal syncs the log itself, after each commit that must be on the disk (see RunJournal).
    if (!(error = pragma(db, QStringLiteral("PRAGMA synchronous = NORMAL"))).isEmpty())
        return error;
    if (!empty)
        return {};

    // Create under a write lock, and look again: another instance may have created it meanwhile.
    if (!(error = run(db, QStringLiteral("BEGIN IMMEDIATE"))).isEmpty())
        return QStringLiteral("cannot lock it to create its tables: %1").arg(error);
    error = identify(db, empty);
    for (const char *statement : createStatements) {
        if (!error.isEmpty() || !empty)
            break;
        if (!(error = run(db, QString::fromLatin1(statement))).isEmpty())
            error = QStringLiteral("cannot create its tables: %1").arg(error);
    }
    if (error.isEmpty() && empty) {
        if (!(error = run(db, QStringLiteral("PRAGMA application_id = %1").arg(applicationId))).isEmpty() ||
            !(error = run(db, QStringLiteral("PRAGMA user_version = %1").arg(version))).isEmpty())
            error = QStringLiteral("cannot set its schema version: %1").arg(error);
    }
    if (error.isEmpty() && !(error = run(db, QStringLiteral("COMMIT"))).isEmpty())
        error = QStringLiteral("cannot commit its tables: %1").arg(error);
    if (!error.isEmpty())
        run(db, QStringLiteral("ROLLBACK"));
    return error;
}

QString RunJournalSchema::listText(const QStringList &list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList RunJournalSchema::textList(const QVariant &text)
{
    QStringList list;
    const QJsonArray array = QJsonDocument::fromJson(text.toString().toUtf8()).array();
    for (const QJsonValue &value : array)
        list.append(value.toString());
    return list;
}

QVariant RunJournalSchema::timeText(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toUTC().toString(Qt::ISODateWithMs)) : QVariant();
}

QDateTime RunJournalSchema::textTime(const QVariant &text)
{
    const QDateTime time = QDateTime::fromString(text.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

QString RunJournalSchema::describe(const QSqlError &error)
{
    // Qt Sql passes SQLite's result code as the native error code.
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    QString words;
    switch (error.nativeErrorCode().toInt() & 0xff) {
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        words = QStringLiteral("another writer holds its lock");
        break;
    case 8: // SQLITE_READONLY
        words = QStringLiteral("it is read-only");
        break;
    case 10: // SQLITE_IOERR
        words = QStringLiteral("reading or writing the file failed");
        break;
    case 11: // SQLITE_CORRUPT
    case 26: // SQLITE_NOTADB
        words = QStringLiteral("it is damaged or not an SQLite database");
        break;
    case 13: // SQLITE_FULL
        words = QStringLiteral("the disk is full");
        break;
    case 14: // SQLITE_CANTOPEN
        words = QStringLiteral("the file cannot be opened");
        break;
    default:
        break;
    }
    return words.isEmpty() ? text : QStringLiteral("%1 (%2)").arg(words, text);
}

} // namespace retort
