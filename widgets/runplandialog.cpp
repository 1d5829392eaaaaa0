#include "runplandialog.h"

#include "destructiveoperation.h"
#include "durationtext.h"
#include "runtext.h"
#include "sqlview.h"
#include "stepconcern.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace retort {

RunPlanDialog::RunPlanDialog(const RunPlan &plan, const Destination &destination, QWidget *parent)
    : QDialog(parent)
    , m_plan(plan)
    , m_destination(destination)
{
    setWindowTitle(plan.upgrade ? tr("Upgrade Database") : tr("Downgrade Database"));
    auto *header = new QLabel(this);
    header->setWordWrap(true);
    header->setTextFormat(Qt::RichText);
    header->setText(tr("<p><span style='background:%1;color:white'>&nbsp;%2&nbsp;</span> <b>%3</b></p>"
                       "<p>%4 from <b>%5</b> to <b>%6</b>: %n step(s), one revision each, through the project's env.py. "
                       "Alembic's own plan is compared with this one before the first step.</p>",
                       nullptr, int(plan.steps.size()))
                        .arg(destination.color.isEmpty() ? QStringLiteral("#616161") : destination.color,
                             QCoreApplication::translate("DatabaseWorkbench", destination.environment.toUtf8().constData()).toHtmlEscaped(),
                             destination.label.toHtmlEscaped(),
                             plan.upgrade ? tr("Upgrade") : tr("Downgrade"), listedRevisions(plan.current, QObject::tr("base")).toHtmlEscaped(),
                             plan.target.toHtmlEscaped()));

    m_steps = new QTreeWidget(this);
    m_steps->setRootIsDecorated(false);
    m_steps->setHeaderLabels({tr("#"), tr("Step"), tr("Revision"), tr("Message")});
    for (int column = 0; column < 3; ++column)
        m_steps->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_steps->header()->setSectionResizeMode(3, QHeaderView::Stretch);
    for (qsizetype i = 0; i < plan.steps.size(); ++i) {
        const RunPlanStep &step = plan.steps.at(i);
        auto *item = new QTreeWidgetItem(m_steps, {QString::number(i + 1), step.upgrade ? tr("upgrade") : tr("downgrade"),
                                                   step.revision, step.message});
        item->setToolTip(3, tr("alembic_version after it: %1").arg(listedRevisions(step.versionsAfter, QObject::tr("base"))));
    }
    m_sqlView = new SqlView(this);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_steps);
    splitter->addWidget(m_sqlView);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    m_warnings = new QLabel(this);
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::RichText);

    m_oneStep = new QCheckBox(tr("Pause after each step"), this);
    m_lockTimeout = new QLineEdit(QStringLiteral("5s"), this);
    m_lockTimeout->setPlaceholderText(tr("server default"));
    m_lockTimeout->setToolTip(tr("lock_timeout for the run: a step that waits longer for a lock fails instead of "
                                 "blocking every query queued behind it (500ms, 5s, 1min)"));
    m_statementTimeout = new QLineEdit(this);
    m_statementTimeout->setPlaceholderText(tr("server default"));
    m_statementTimeout->setToolTip(tr("statement_timeout for the run (500ms, 5s, 1min)"));
    auto *form = new QFormLayout;
    form->addRow(m_oneStep);
    form->addRow(tr("Lock timeout:"), m_lockTimeout);
    form->addRow(tr("Statement timeout:"), m_statementTimeout);
    if (destination.environment == QLatin1String("production")) {
        m_confirmation = new QLineEdit(this);
        m_confirmation->setPlaceholderText(destination.databaseName);
        form->addRow(tr("This is a production database. Type its name, %1, to run:").arg(destination.databaseName),
                     m_confirmation);
        connect(m_confirmation, &QLineEdit::textChanged, this, &RunPlanDialog::updateRunButton);
    }
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_buttons->addButton(plan.upgrade ? tr("Run Upgrade") : tr("Run Downgrade"), QDialogButtonBox::AcceptRole);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_lockTimeout, &QLineEdit::textChanged, this, &RunPlanDialog::updateRunButton);
    connect(m_statementTimeout, &QLineEdit::textChanged, this, &RunPlanDialog::updateRunButton);
    connect(m_steps, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *item) { showStep(item ? m_steps->indexOfTopLevelItem(item) : -1); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(header);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_warnings);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    resize(960, 620);
    if (m_steps->topLevelItemCount() > 0)
        m_steps->setCurrentItem(m_steps->topLevelItem(0));
    updateWarnings();
    updateRunButton();
}

QPushButton *RunPlanDialog::runButton() const
{
    const QList<QAbstractButton *> buttons = m_buttons->buttons();
    for (QAbstractButton *button : buttons)
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
            return qobject_cast<QPushButton *>(button);
    return nullptr;
}

void RunPlanDialog::setStepSql(int index, const QString &sql, const QString &error)
{
    m_sql.insert(index, sql);
    if (!error.isEmpty())
        m_sqlErrors.insert(index, error);
    if (QTreeWidgetItem *item = m_steps->topLevelItem(index)) {
        const bool destructive = error.isEmpty() && !DestructiveOperation::find(sql).isEmpty();
        if (destructive || !error.isEmpty())
            item->setForeground(1, QColor(0xc6, 0x28, 0x28));
    }
    if (m_steps->currentItem() && m_steps->indexOfTopLevelItem(m_steps->currentItem()) == index)
        showStep(index);
    updateWarnings();
}

void RunPlanDialog::showStep(int index)
{
    if (!m_sql.contains(index)) {
        m_sqlView->setSql(tr("-- Alembic is writing this step's SQL…"), QStringLiteral("postgresql"));
        return;
    }
    const QString error = m_sqlErrors.value(index);
    m_sqlView->setSql(error.isEmpty() ? m_sql.value(index) : tr("-- No offline SQL for this step: %1").arg(error),
                      QStringLiteral("postgresql"));
}

QStringList RunPlanDialog::warnings() const
{
    QStringList found;
    for (qsizetype i = 0; i < m_plan.steps.size(); ++i) {
        if (!m_sql.contains(int(i)) || m_sqlErrors.contains(int(i)))
            continue;
        for (const DestructiveOperation &operation : DestructiveOperation::find(m_sql.value(int(i))))
            found.append(tr("Step %1 (%2) %3").arg(i + 1).arg(m_plan.steps.at(i).revision, operation.describe()));
    }
    return found;
}

QStringList RunPlanDialog::concerns() const
{
    QStringList found;
    for (qsizetype i = 0; i < m_plan.steps.size(); ++i) {
        if (!m_sql.contains(int(i)))
            continue;
        if (const std::optional<StepConcern> concern =
                StepConcern::of(m_plan.steps.at(i), m_sql.value(int(i)), m_sqlErrors.value(int(i))))
            found.append(tr("Step %1 (%2) %3").arg(i + 1).arg(m_plan.steps.at(i).revision, concern->describe()));
    }
    return found;
}

void RunPlanDialog::updateWarnings()
{
    const QStringList found = warnings();
    QString text;
    if (!found.isEmpty()) {
        text = tr("<p style='color:#c62828'><b>Destructive operations</b> (data is lost or tables are rewritten "
                  "under an exclusive lock):</p><ul>");
        for (const QString &warning : found)
            text += QStringLiteral("<li>%1</li>").arg(warning.toHtmlEscaped());
        text += QStringLiteral("</ul>");
    }
    if (const QStringList steps = concerns(); !steps.isEmpty()) {
        text += tr("<p style='color:#b26a00'><b>Steps to look at</b>:</p><ul>");
        for (const QString &concern : steps)
            text += QStringLiteral("<li>%1</li>").arg(concern.toHtmlEscaped());
        text += QStringLiteral("</ul>");
    }
    const qsizetype missing = m_plan.steps.size() - m_sql.size();
    if (missing > 0)
        text += tr("<p>Checking the SQL of %n step(s)…</p>", nullptr, int(missing));
    m_warnings->setText(text);
    m_warnings->setVisible(!text.isEmpty());
}

void RunPlanDialog::updateRunButton()
{
    bool ok = !m_plan.steps.isEmpty();
    for (QLineEdit *edit : {m_lockTimeout, m_statementTimeout}) {
        const bool valid = edit->text().trimmed().isEmpty() || parseDurationMs(edit->text()).has_value();
        edit->setStyleSheet(valid ? QString() : QStringLiteral("QLineEdit { border: 1px solid #c62828; }"));
        ok = ok && valid;
    }
    if (m_confirmation)
        ok = ok && m_confirmation->text() == m_destination.databaseName;
    if (QPushButton *run = runButton())
        run->setEnabled(ok);
}

MigrationRunner::Options RunPlanDialog::options() const
{
    MigrationRunner::Options options;
    options.pauseAfterEachStep = m_oneStep->isChecked();
    options.lockTimeoutMs = parseDurationMs(m_lockTimeout->text()).value_or(0);
    options.statementTimeoutMs = parseDurationMs(m_statementTimeout->text()).value_or(0);
    return options;
}

} // namespace retort
