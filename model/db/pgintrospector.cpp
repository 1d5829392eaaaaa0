#include "pgintrospector.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <algorithm>
#include <pqxx/pqxx>
#include <vector>

namespace retort {

namespace {

using S = SchemaSnapshot;

QString text(const pqxx::field &field)
{
    return field.is_null() ? QString() : QString::fromUtf8(field.c_str(), qsizetype(field.size()));
}

bool flag(const pqxx::field &field)
{
    return !field.is_null() && field.c_str()[0] == 't';
}

qint64 number(const pqxx::field &field)
{
    return field.is_null() ? 0 : QByteArray::fromRawData(field.c_str(), qsizetype(field.size())).toLongLong();
}

QStringList jsonList(const pqxx::field &field)
{
    QStringList list;
    if (field.is_null())
        return list;
    const QJsonArray array = QJsonDocument::fromJson(QByteArray(field.c_str(), qsizetype(field.size()))).array();
    for (const QJsonValue &value : array)
        list.append(value.toString());
    return list;
}

/// "1 2 0" (int2vector) or "{1,2}" (int2[]) as numbers.
QList<int> numbers(const pqxx::field &field)
{
    QList<int> list;
    if (field.is_null())
        return list;
    QByteArray text(field.c_str(), qsizetype(field.size()));
    text.replace('{', ' ').replace('}', ' ').replace(',', ' ');
    for (const QByteArray &part : text.simplified().split(' '))
        if (!part.isEmpty())
            list.append(part.toInt());
    return list;
}

QString referentialAction(const pqxx::field &field)
{
    switch (field.is_null() ? ' ' : field.c_str()[0]) {
    case 'a':
        return QStringLiteral("no action");
    case 'r':
        return QStringLiteral("restrict");
    case 'c':
        return QStringLiteral("cascade");
    case 'n':
        return QStringLiteral("set null");
    case 'd':
        return QStringLiteral("set default");
    default:
        return {};
    }
}

/// One line: libpq's messages span several ("...failed: Connection refused\n\tIs the server running...").
QString oneLine(const char *message)
{
    return QString::fromUtf8(message).simplified();
}

/// The server refused the login: a password is wrong or missing.
bool isAuthenticationFailure(const QString &message)
{
    const QString lower = message.toLower();
    return lower.contains(QLatin1String("password authentication failed")) ||
           lower.contains(QLatin1String("no password supplied")) ||
           lower.contains(QLatin1String("authentication failed"));
}

/// What failed while connecting, in plain words.
QString describeConnectionError(const QString &message)
{
    const QString lower = message.toLower();
    if (isAuthenticationFailure(message))
        return QStringLiteral("authentication failed (wrong user name or password): %1").arg(message);
    if (lower.contains(QLatin1String("database")) && lower.contains(QLatin1String("does not exist")))
        return QStringLiteral("unknown database: %1").arg(message);
    if (lower.contains(QLatin1String("connection refused")))
        return QStringLiteral("connection refused: no PostgreSQL server is listening there (%1)").arg(message);
    if (lower.contains(QLatin1String("timeout expired")))
        return QStringLiteral("connection timed out: %1").arg(message);
    if (lower.contains(QLatin1String("could not translate host name")))
        return QStringLiteral("unknown host: %1").arg(message);
    if (lower.contains(QLatin1String("ssl")))
        return QStringLiteral("TLS problem: %1").arg(message);
    return QStringLiteral("cannot connect: %1").arg(message);
}

S::TableKind tableKind(char relkind)
{
    switch (relkind) {
    case 'v':
        return S::TableKind::View;
    case 'm':
        return S::TableKind::MaterializedView;
    default:
        return S::TableKind::Table;
    }
}

S::ConstraintKind constraintKind(char contype)
{
    switch (contype) {
    case 'p':
        return S::ConstraintKind::PrimaryKey;
    case 'f':
        return S::ConstraintKind::ForeignKey;
    case 'u':
        return S::ConstraintKind::Unique;
    case 'x':
        return S::ConstraintKind::Exclusion;
    default:
        return S::ConstraintKind::Check;
    }
}

/// Thrown between queries when cancel() was called.
struct Cancelled
{
};

/// Reads the catalog query results into a SchemaSnapshot::Data; tables are found by oid.
class CatalogReader
{
public:
    CatalogReader(pqxx::transaction_base &work, const std::atomic_bool &cancelled,
                  const PgIntrospector::Progress &progress)
        : m_work(work)
        , m_cancelled(cancelled)
        , m_progress(progress)
        , m_total(int(PgIntrospector::queryNames().size()))
    {
    }

    QString stage; ///< the query running now, for error messages

    S::Data read()
    {
        const pqxx::result meta = run("meta");
        m_data.databaseName = text(meta[0][0]);
        m_data.serverVersion = text(meta[0][1]);
        const QString currentSchema = text(meta[0][2]);
        for (const auto &row : run("schemas"))
            m_data.schemas.append({text(row[0]), text(row[1])});
        readRelations();
        readColumns();
        readConstraints();
        readIndexes();
        for (const auto &row : run("enums"))
            m_data.enums.append({text(row[0]), text(row[1]), jsonList(row[2]), text(row[3])});
        readSequences();
        readAlembicVersion(currentSchema);
        return std::move(m_data);
    }

private:
    pqxx::result run(const char *name)
    {
        if (m_cancelled)
            throw Cancelled();
        stage = QString::fromLatin1(name);
        if (m_progress)
            m_progress(++m_step, m_total, stage);
        const QByteArray sql = PgIntrospector::query(stage);
        return m_work.exec(std::string(sql.constData(), size_t(sql.size())), name);
    }

    qsizetype tableIndex(const pqxx::field &oid) const { return m_tableByOid.value(number(oid), -1); }

    S::Table *tableFor(const pqxx::field &oid)
    {
        const qsizetype index = tableIndex(oid);
        return index < 0 ? nullptr : &m_data.tables[index];
    }

    void readRelations()
    {
        const pqxx::result rows = run("relations");
        m_data.tables.reserve(qsizetype(rows.size()));
        for (const auto &row : rows) {
            S::Table table;
            table.schema = text(row[1]);
            table.name = text(row[2]);
            table.kind = tableKind(row[3].c_str()[0]);
            table.comment = text(row[4]);
            table.viewDefinition = text(row[5]).trimmed();
            table.rowEstimate = table.kind == S::TableKind::View ? -1 : number(row[6]);
            table.totalBytes = number(row[7]);
            m_tableByOid.insert(number(row[0]), m_data.tables.size());
            m_data.tables.append(std::move(table));
        }
    }

    void readColumns()
    {
        std::vector<std::vector<std::pair<int, S::Column>>> pending(size_t(m_data.tables.size()));
        for (const auto &row : run("columns")) {
            const qsizetype table = tableIndex(row[0]);
            if (table < 0)
                continue;
            S::Column column;
            column.name = text(row[2]);
            column.type = text(row[3]);
            column.nullable = flag(row[4]);
            const QString identity = text(row[6]);
            column.identity = identity == u"a"   ? S::Identity::Always
                              : identity == u"d" ? S::Identity::ByDefault
                                                 : S::Identity::None;
            (text(row[7]).isEmpty() ? column.defaultValue : column.generated) = text(row[5]);
            column.collation = text(row[8]);
            column.comment = text(row[9]);
            pending[size_t(table)].emplace_back(int(number(row[1])), std::move(column));
        }
        m_columnNames.resize(pending.size());
        for (size_t t = 0; t < pending.size(); ++t) {
            auto &columns = pending[t];
            std::sort(columns.begin(), columns.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
            QList<S::Column> &target = m_data.tables[qsizetype(t)].columns;
            target.reserve(qsizetype(columns.size()));
            for (auto &[position, column] : columns) {
                m_columnNames[t].insert(position, column.name);
                target.append(std::move(column));
            }
        }
    }

    /// Column names for column numbers of the table with \a oid (unknown numbers left out).
    QStringList columnNames(qint64 oid, const QList<int> &positions) const
    {
        QStringList names;
        const auto it = m_tableByOid.constFind(oid);
        if (it == m_tableByOid.cend())
            return names;
        const QHash<int, QString> &byPosition = m_columnNames[size_t(*it)];
        for (int position : positions) {
            const auto name = byPosition.constFind(position);
            if (name != byPosition.cend())
                names.append(*name);
        }
        return names;
    }

    void readConstraints()
    {
        for (const auto &row : run("constraints")) {
            S::Table *table = tableFor(row[0]);
            if (!table)
                continue;
            S::Constraint constraint;
            constraint.name = text(row[1]);
            constraint.kind = constraintKind(row[2].c_str()[0]);
            constraint.columns = columnNames(number(row[0]), numbers(row[3]));
            if (constraint.kind == S::ConstraintKind::ForeignKey) {
                const auto referenced = m_tableByOid.constFind(number(row[4]));
                if (referenced != m_tableByOid.cend())
                    constraint.referencedTable = m_data.tables[*referenced].path();
                constraint.referencedColumns = columnNames(number(row[4]), numbers(row[5]));
                constraint.onDelete = referentialAction(row[6]);
                constraint.onUpdate = referentialAction(row[7]);
            }
            constraint.definition = text(row[8]);
            table->constraints.append(std::move(constraint));
        }
    }

    void readIndexes()
    {
        for (const auto &row : run("indexes")) {
            S::Table *table = tableFor(row[0]);
            if (!table)
                continue;
            S::Index index;
            index.name = text(row[1]);
            index.unique = flag(row[2]);
            index.primary = flag(row[3]);
            index.valid = flag(row[4]);
            index.method = text(row[5]);
            index.predicate = text(row[6]);
            const QList<int> keys = numbers(row[8]).mid(0, number(row[7]));
            const QStringList expressions = jsonList(row[9]); // only for indexes with expression keys
            for (qsizetype k = 0; k < keys.size(); ++k) {
                if (keys.at(k) != 0)
                    index.columns.append(columnNames(number(row[0]), {keys.at(k)}).value(0));
                else
                    index.columns.append(expressions.value(k));
            }
            table->indexes.append(std::move(index));
        }
    }

    void readSequences()
    {
        for (const auto &row : run("sequences")) {
            S::Sequence sequence;
            sequence.schema = text(row[0]);
            sequence.name = text(row[1]);
            sequence.type = text(row[2]);
            sequence.start = number(row[3]);
            sequence.increment = number(row[4]);
            sequence.minimum = number(row[5]);
            sequence.maximum = number(row[6]);
            sequence.cycle = flag(row[7]);
            sequence.ownedBy = text(row[8]);
            m_data.sequences.append(std::move(sequence));
        }
    }

    /// alembic_version in the current schema if there is one there, else the first by schema name.
    void readAlembicVersion(const QString &currentSchema)
    {
        QString schema;
        for (const S::Table &table : std::as_const(m_data.tables)) {
            if (table.name != u"alembic_version" || table.kind != S::TableKind::Table ||
                !table.column(QStringLiteral("version_num")))
                continue;
            if (schema.isEmpty() || table.schema == currentSchema || (schema != currentSchema && table.schema < schema))
                schema = table.schema;
        }
        if (schema.isEmpty())
            return;
        if (m_cancelled)
            throw Cancelled();
        stage = QStringLiteral("alembic_version");
        const std::string sql =
            "SELECT version_num FROM " + m_work.quote_name(schema.toStdString()) + ".alembic_version";
        for (const auto &row : m_work.exec(sql, "alembic_version"))
            m_data.alembicVersions.append(text(row[0]));
        m_data.alembicVersionSchema = schema;
    }

    pqxx::transaction_base &m_work;
    const std::atomic_bool &m_cancelled;
    const PgIntrospector::Progress &m_progress;
    const int m_total;
    int m_step = 0;
    S::Data m_data;
    QHash<qint64, qsizetype> m_tableByOid;
    std::vector<QHash<int, QString>> m_columnNames; ///< by table index: column number -> name
};

} // namespace

PgIntrospector::PgIntrospector(Options options)
    : m_options(options)
{
}

QString PgIntrospector::libpqConnectionString(const QString &connection)
{
    static const QRegularExpression driver(QStringLiteral("^(postgres(?:ql)?)\\+[A-Za-z0-9_]+://"));
    QString result = connection.trimmed();
    result.replace(driver, QStringLiteral("\\1://"));
    return result;
}

QStringList PgIntrospector::queryNames()
{
    // The order CatalogReader::read() runs them in.
    return {QStringLiteral("meta"),    QStringLiteral("schemas"),     QStringLiteral("relations"),
            QStringLiteral("columns"), QStringLiteral("constraints"), QStringLiteral("indexes"),
            QStringLiteral("enums"),   QStringLiteral("sequences")};
}

QByteArray PgIntrospector::query(const QString &name)
{
    static const QHash<QString, QByteArray> queries = [] {
        QHash<QString, QByteArray> loaded;
        for (const QString &n : queryNames()) {
            QFile file(QStringLiteral(":/sql/%1.sql").arg(n));
            if (file.open(QIODevice::ReadOnly))
                loaded.insert(n, file.readAll());
        }
        return loaded;
    }();
    return queries.value(name);
}

void PgIntrospector::cancel()
{
    m_cancelled = true;
    std::lock_guard lock(m_mutex);
    if (!m_connection)
        return;
    try {
        m_connection->cancel_query();
    } catch (const std::exception &) {
        // Nothing running, or the server is gone: the flag stops the next query.
    }
}

PgIntrospector::Result PgIntrospector::introspect(const QString &connectionText, const Progress &progress)
{
    Result result;
    if (m_cancelled) {
        result.error = QStringLiteral("cancelled");
        return result;
    }
    std::unique_ptr<pqxx::connection> connection;
    try {
        connection = std::make_unique<pqxx::connection>(libpqConnectionString(connectionText).toStdString());
    } catch (const std::exception &e) {
        const QString message = oneLine(e.what());
        result.error = describeConnectionError(message);
        result.authenticationFailed = isAuthenticationFailure(message);
        return result;
    }
    return introspectOn(*connection, progress);
}

PgIntrospector::Result PgIntrospector::introspectOn(pqxx::connection_base &connection, const Progress &progress)
{
    Result result;
    if (m_cancelled) {
        result.error = QStringLiteral("cancelled");
        return result;
    }
    {
        std::lock_guard lock(m_mutex);
        m_connection = &connection;
    }
    QString stage = QStringLiteral("the transaction");
    try {
        pqxx::read_transaction work(connection, "introspection");
        work.exec("SET LOCAL statement_timeout = " + std::to_string(std::max(0, m_options.statementTimeoutMs)));
        CatalogReader reader(work, m_cancelled, progress);
        try {
            result.snapshot = SchemaSnapshot(reader.read());
        } catch (...) {
            stage = reader.stage;
            throw;
        }
    } catch (const Cancelled &) {
        result.error = QStringLiteral("cancelled");
    } catch (const pqxx::sql_error &e) {
        if (m_cancelled)
            result.error = QStringLiteral("cancelled");
        else if (e.sqlstate() == "57014") // query_canceled: here, the statement timeout
            result.error = QStringLiteral("statement timeout: the catalog query '%1' took longer than %2 ms (%3)")
                               .arg(stage)
                               .arg(m_options.statementTimeoutMs)
                               .arg(oneLine(e.what()));
        else
            result.error = QStringLiteral("the catalog query '%1' failed: %2").arg(stage, oneLine(e.what()));
    } catch (const pqxx::broken_connection &e) {
        result.error =
            QStringLiteral("the connection was lost during the catalog query '%1': %2").arg(stage, oneLine(e.what()));
    } catch (const std::exception &e) {
        result.error = m_cancelled ? QStringLiteral("cancelled")
                                   : QStringLiteral("the catalog query '%1' failed: %2").arg(stage, oneLine(e.what()));
    }
    {
        std::lock_guard lock(m_mutex);
        m_connection = nullptr;
    }
    if (!result.ok())
        result.snapshot = SchemaSnapshot();
    return result;
}

} // namespace retort
