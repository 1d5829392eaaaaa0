#include "runprogressprinter.h"

#include "migrationrunner.h"
#include "runstatus.h"
#include "runtext.h"

#include <QTextStream>

#include <algorithm>

namespace retort::cli {

namespace {

QString firstLine(const QString &sql)
{
    const QString line = sql.section(QLatin1Char('\n'), 0, 0, QString::SectionSkipEmpty).simplified();
    return line.size() > 100 ? line.left(99) + QStringLiteral("…") : line;
}

QString milliseconds(qint64 us)
{
    return QString::number(double(us) / 1000.0, 'f', 1) + QStringLiteral(" ms");
}

} // namespace

RunProgressPrinter::RunProgressPrinter(MigrationRunner &runner, int steps, QTextStream &out,
                                       std::function<void(const RunStepRecord &)> stepFailed, QObject *parent)
    : QObject(parent)
    , m_out(out)
    , m_steps(steps)
{
    m_later.setSingleShot(true);
    m_later.setInterval(kOutputDelayMs);
    connect(&m_later, &QTimer::timeout, this, [this] { m_out.flush(); });
    connect(&runner, &MigrationRunner::stepStarted, this, [this](int index, const RunStepRecord &step) {
        write(index,
              QStringLiteral("[%1/%2] %3 %4  %5\n")
                  .arg(index + 1)
                  .arg(m_steps)
                  .arg(step.upgrade ? QStringLiteral("upgrade") : QStringLiteral("downgrade"), step.revision, step.message),
              true);
    });
    connect(&runner, &MigrationRunner::statementFinished, this, [this](int index, const StatementRecord &statement) {
        QString text = QStringLiteral("    ") + milliseconds(std::max<qint64>(statement.durationUs, 0)).rightJustified(11)
                       + QStringLiteral("  ") + firstLine(statement.sql);
        if (statement.rowsAffected >= 0)
            text += QStringLiteral("  (%1 %2)").arg(statement.rowsAffected).arg(statement.rowsAffected == 1 ? QStringLiteral("row")
                                                                                                            : QStringLiteral("rows"));
        text += QLatin1Char('\n');
        for (const QString &notice : statement.notices)
            text += QStringLiteral("               ") + notice + QLatin1Char('\n');
        if (!statement.error.isEmpty())
            text += QStringLiteral("               error: ") + statement.error.simplified() + QLatin1Char('\n');
        write(index, text, false);
    });
    connect(&runner, &MigrationRunner::stepFinished, this, [this, stepFailed](int index, const RunStepRecord &step) {
        write(index,
              QStringLiteral("    %1 in %2 ms; alembic_version: %3\n")
                  .arg(statusName(step.status))
                  .arg(step.durationMs)
                  .arg(listedRevisions(step.versionsAfter)),
              step.failed());
        if (step.failed()) {
            m_out.flush(); // before what goes to stderr, and before the next step's lines
            if (stepFailed)
                stepFailed(step);
        }
        if (index == m_shown) {
            m_shownEnded = true;
            if (m_waitingIndex >= 0) { // the next step's lines, held until now
                m_shown = std::exchange(m_waitingIndex, -1);
                m_shownEnded = false;
                m_out << std::exchange(m_waiting, QString());
                m_later.start();
            }
        }
    });
}

void RunProgressPrinter::write(int index, const QString &text, bool urgent)
{
    if (index != m_shown && m_shownEnded) { // the next step, and nothing printed waits for an end
        m_shown = index;
        m_shownEnded = false;
    }
    if (index != m_shown) {
        m_waitingIndex = index;
        m_waiting += text;
        return;
    }
    m_out << text;
    if (urgent) {
        m_out.flush();
        m_later.stop();
    } else if (!m_later.isActive()) {
        m_later.start();
    }
}

void RunProgressPrinter::flush()
{
    if (!m_waiting.isEmpty())
        m_out << std::exchange(m_waiting, QString());
    m_waitingIndex = -1;
    m_out.flush();
}

} // namespace retort::cli
