#include "runpanel.h"

#include "migrationrunner.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QMenu>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
#include <QUrl>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace retort {

namespace {

/// Colours the status column by the step's status.
class StatusDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.column() != RunStepModel::StatusColumn)
            return;
        switch (RunStatus(index.data(RunStepModel::StatusRole).toInt())) {
        case RunStatus::Succeeded:
            option->palette.setColor(QPalette::Text, QColor(0x2e, 0x7d, 0x32));
            break;
        case RunStatus::Failed:
        case RunStatus::Interrupted:
            option->palette.setColor(QPalette::Text, QColor(0xc6, 0x28, 0x28));
            option->font.setBold(true);
            break;
        case RunStatus::Running:
            option->palette.setColor(QPalette::Text, QColor(0x15, 0x65, 0xc0));
            option->font.setBold(true);
            break;
        default:
            break;
        }
    }
};

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QToolButton *button(const QString &text, const QString &tip, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setText(text);
    b->setToolTip(tip);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return b;
}

} // namespace

RunPanel::RunPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new RunStepModel(this))
{
    m_summary = new QLabel(tr("No run yet. Select a revision in the graph and choose Run ▸ Upgrade Database to Here… or Downgrade Database to Here…."), this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_continue = button(tr("Continue"), tr("Run the remaining steps"), this);
    m_step = button(tr("Next Step"), tr("Run one more step, then pause"), this);
    m_pause = button(tr("Pause After Step"), tr("Pause when the running step ends"), this);
    m_cancel = button(tr("Cancel"), tr("Cancel the running statement on the server and stop the run"), this);

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setItemDelegate(new StatusDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(RunStepModel::MessageColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(RunStepModel::RevisionColumn, QHeaderView::ResizeToContents);
    m_details = new QTextBrowser(this);
    m_details->setOpenLinks(false);
    m_details->setPlaceholderText(tr("Select a step to see its statements"));

    m_history = new QComboBox(this);
    m_history->setToolTip(tr("Runs in the journal, newest first"));
    m_history->setMinimumContentsLength(28);
    m_history->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_scope = new QComboBox(this);
    m_scope->setObjectName(QStringLiteral("historyScope"));
    m_scope->setToolTip(tr("Show the runs on the database chosen in the schema pane, or on all databases"));
    m_scope->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setHistoryProfile(QString());
    m_export = button(tr("Export"), tr("Save the shown run as a Markdown or JSON report"), this);
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(m_export);
    exportMenu->addAction(tr("Markdown Report…"), this, [this] {
        if (m_model->record().id > 0)
            emit exportRequested(m_model->record().id, QStringLiteral("markdown"));
    });
    exportMenu->addAction(tr("JSON…"), this, [this] {
        if (m_model->record().id > 0)
            emit exportRequested(m_model->record().id, QStringLiteral("json"));
    });
    m_export->setMenu(exportMenu);
    m_export->setEnabled(false);
    connect(m_history, &QComboBox::activated, this, [this](int index) {
        const qint64 id = m_history->itemData(index).toLongLong();
        if (id > 0)
            emit historyRunChosen(id);
    });
    connect(m_scope, &QComboBox::activated, this, [this](int index) {
        m_showAll = m_scope->itemData(index).toString().isEmpty();
        emit historyScopeChanged();
    });

    // Two rows: the history and the run's controls, then what the run is doing in words.
    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("History:"), this));
    controls->addWidget(m_scope);
    controls->addWidget(m_history, 1);
    controls->addWidget(m_export);
    controls->addSpacing(12);
    for (QToolButton *b : {m_continue, m_step, m_pause, m_cancel})
        controls->addWidget(b);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(controls);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);

    connect(m_continue, &QToolButton::clicked, this, [this] {
        if (m_runner)
            m_runner->resumeToEnd();
    });
    connect(m_step, &QToolButton::clicked, this, [this] {
        if (m_runner)
            m_runner->resume();
    });
    connect(m_pause, &QToolButton::clicked, this, [this] {
        if (m_runner)
            m_runner->pauseAfterCurrentStep();
    });
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        if (m_runner)
            m_runner->cancel();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showStep(current.row()); });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &from) {
        if (from.row() == m_table->currentIndex().row())
            showStep(from.row());
    });
    connect(m_details, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == QLatin1String("retort-file"))
            emit openFileRequested(url.path(), QUrlQuery(url).queryItemValue(QStringLiteral("line")).toInt());
    });
    updateControls();
}

void RunPanel::setRunner(MigrationRunner *runner)
{
    if (m_runner)
        m_runner->disconnect(this);
    m_runner = runner;
    if (!runner) {
        updateControls();
        return;
    }
    m_model->setRecord(runner->record());
    connect(runner, &MigrationRunner::runStarted, this, [this](const RunRecord &record) {
        m_model->setRecord(record);
        updateSummary();
    });
    connect(runner, &MigrationRunner::stepStarted, this, [this](int index, const RunStepRecord &step) {
        m_model->updateStep(step);
        m_table->selectRow(index); // the log follows the running step
        m_table->scrollTo(m_model->index(index, 0));
    });
    connect(runner, &MigrationRunner::statementStarted, m_model, &RunStepModel::updateStatement);
    connect(runner, &MigrationRunner::statementFinished, m_model, &RunStepModel::updateStatement);
    connect(runner, &MigrationRunner::stepFinished, this, [this](int, const RunStepRecord &step) {
        m_model->updateStep(step);
        updateSummary();
    });
    connect(runner, &MigrationRunner::runFinished, this, [this](const RunRecord &record) {
        m_model->setRecord(record);
        const int failed = int(std::find_if(record.steps.cbegin(), record.steps.cend(),
                                            [](const RunStepRecord &s) { return s.failed(); })
                               - record.steps.cbegin());
        if (failed < record.steps.size())
            m_table->selectRow(failed);
        updateSummary();
        updateControls();
    });
    connect(runner, &MigrationRunner::stateChanged, this, [this] {
        updateControls();
        updateSummary();
    });
    updateControls();
    updateSummary();
}

void RunPanel::showRecord(const RunRecord &record)
{
    setRunner(nullptr);
    m_model->setRecord(record);
    m_history->setCurrentIndex(m_history->findData(record.id));
    updateSummary();
    updateControls();
}

void RunPanel::setHistory(const QList<RunRecord> &runs)
{
    const QSignalBlocker blocker(m_history);
    const QString filter = historyFilter();
    m_history->clear();
    for (const RunRecord &run : runs) {
        const QString what = run.kind == RunRecord::Kind::Verify ? tr("verify %1").arg(run.target)
                             : run.upgrade                       ? tr("upgrade to %1").arg(run.target)
                                                                 : tr("downgrade to %1").arg(run.target);
        QString text = tr("#%1 %2 · %3 · %4")
                           .arg(run.id)
                           .arg(run.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), what,
                                RunStepModel::statusText(run.status));
        if (filter.isEmpty())
            text = tr("%1 · %2").arg(text, run.profile);
        m_history->addItem(text, run.id);
        m_history->setItemData(m_history->count() - 1, tr("%1 on %2").arg(run.database, run.profile), Qt::ToolTipRole);
    }
    // Shown while no entry is current: none at all, or the shown run is not in the list.
    if (runs.isEmpty())
        m_history->setPlaceholderText(filter.isEmpty() ? tr("No runs yet") : tr("No runs on %1 yet").arg(filter));
    else
        m_history->setPlaceholderText(filter.isEmpty() ? tr("Runs on all databases (%1)").arg(runs.size())
                                                       : tr("Runs on %1 (%2)").arg(filter).arg(runs.size()));
    const int shown = m_history->findData(m_model->record().id);
    m_history->setCurrentIndex(shown);
}

void RunPanel::setHistoryProfile(const QString &profile)
{
    const QSignalBlocker blocker(m_scope);
    m_scope->clear();
    if (!profile.isEmpty()) {
        m_scope->addItem(profile, profile);
        m_scope->setItemData(0, tr("Runs on %1, the database chosen in the schema pane").arg(profile), Qt::ToolTipRole);
    }
    m_scope->addItem(tr("All databases"), QString());
    m_scope->setItemData(m_scope->count() - 1, tr("Runs on every database, each named"), Qt::ToolTipRole);
    m_scope->setCurrentIndex(m_showAll ? m_scope->count() - 1 : 0);
}

QString RunPanel::historyFilter() const
{
    return m_scope->currentData().toString();
}

void RunPanel::updateControls()
{
    m_export->setEnabled(m_model->record().id > 0);
    const MigrationRunner::State state = m_runner ? m_runner->state() : MigrationRunner::State::Idle;
    const bool paused = state == MigrationRunner::State::Paused;
    m_continue->setEnabled(paused);
    m_step->setEnabled(paused);
    m_pause->setEnabled(state == MigrationRunner::State::Running);
    m_cancel->setEnabled(state == MigrationRunner::State::Running || state == MigrationRunner::State::Pausing
                         || state == MigrationRunner::State::Paused || state == MigrationRunner::State::Preparing);
}

void RunPanel::updateSummary()
{
    const RunRecord &record = m_model->record();
    if (record.steps.isEmpty() && record.error.isEmpty() && !m_runner)
        return;
    int done = 0;
    for (const RunStepRecord &step : record.steps)
        done += step.status == RunStatus::Succeeded ? 1 : 0;
    QString state;
    switch (m_runner ? m_runner->state() : MigrationRunner::State::Finished) {
    case MigrationRunner::State::Preparing:
        state = tr("checking the plan with Alembic and taking the run lock…");
        break;
    case MigrationRunner::State::Running:
        state = tr("running");
        break;
    case MigrationRunner::State::Pausing:
        state = tr("pausing after this step");
        break;
    case MigrationRunner::State::Paused:
        state = tr("paused");
        break;
    case MigrationRunner::State::Cancelling:
        state = tr("cancelling…");
        break;
    case MigrationRunner::State::Finishing:
        state = tr("reading the schema once more for its fingerprint…");
        break;
    default:
        state = record.status == RunStatus::Succeeded ? tr("finished") : RunStepModel::statusText(record.status);
        break;
    }
    QString text = tr("<b>%1</b> → %2 (%3): %4 of %5 steps done, %6")
                       .arg(escaped(record.database), escaped(record.target),
                            record.upgrade ? tr("upgrade") : tr("downgrade"))
                       .arg(done)
                       .arg(record.steps.size())
                       .arg(state);
    if (record.versionsAfter != record.versionsBefore || isFinal(record.status))
        text += tr("; alembic_version: %1")
                    .arg(record.versionsAfter.isEmpty() ? tr("base") : escaped(record.versionsAfter.join(QStringLiteral(", "))));
    if (!record.error.isEmpty() && isFinal(record.status) && record.status != RunStatus::Succeeded)
        text += QStringLiteral("<br><span style='color:#c62828'>%1</span>").arg(escaped(record.error));
    m_summary->setText(text);
}

void RunPanel::showStep(int row)
{
    const RunStepRecord *step = m_model->stepAt(row);
    m_details->setHtml(step ? stepDetailsHtml(*step) : QString());
}

QString RunPanel::stepDetailsHtml(const RunStepRecord &step)
{
    QString html = QStringLiteral("<p><b>%1 %2</b> — %3<br>%4</p>")
                       .arg(step.upgrade ? tr("Upgrade") : tr("Downgrade"), escaped(step.revision),
                            escaped(step.message), RunStepModel::statusText(step.status));
    if (step.failed()) {
        html += QStringLiteral("<p style='color:#c62828'><b>%1</b>: %2</p>").arg(escaped(step.error.type), escaped(step.error.message));
        if (!step.error.hint.isEmpty())
            html += QStringLiteral("<p>%1</p>").arg(escaped(step.error.hint));
        if (!step.error.frames.isEmpty()) {
            html += QStringLiteral("<p>");
            for (auto frame = step.error.frames.crbegin(); frame != step.error.frames.crend(); ++frame) {
                QUrl link;
                link.setScheme(QStringLiteral("retort-file"));
                link.setPath(frame->file);
                link.setQuery(QStringLiteral("line=%1").arg(frame->line));
                html += QStringLiteral("<a href='%1'>%2:%3</a> in %4<br>")
                            .arg(link.toString(QUrl::FullyEncoded), escaped(frame->file))
                            .arg(frame->line)
                            .arg(escaped(frame->function));
            }
            html += QStringLiteral("</p>");
        }
    }
    if (!step.versionsAfter.isEmpty() || isFinal(step.status))
        html += QStringLiteral("<p>%1</p>").arg(tr("alembic_version after the step: %1")
                                                   .arg(step.versionsAfter.isEmpty() ? tr("base")
                                                                                    : escaped(step.versionsAfter.join(QStringLiteral(", ")))));
    for (const StatementRecord &statement : step.statements) {
        QString meta = statement.durationUs >= 0 ? tr("%1 ms").arg(QLocale().toString(double(statement.durationUs) / 1000.0, 'f', 1))
                                                 : tr("running…");
        if (statement.rowsAffected >= 0)
            meta += tr(", %n row(s)", nullptr, int(statement.rowsAffected));
        html += QStringLiteral("<p style='margin-bottom:0'><span style='color:#757575'>%1. %2</span></p><pre style='margin-top:0'>%3</pre>")
                    .arg(statement.sequence)
                    .arg(meta, escaped(statement.sql));
        for (const QString &notice : statement.notices)
            html += QStringLiteral("<p style='color:#8d6e00; white-space:pre-wrap'>%1</p>").arg(escaped(notice));
        if (!statement.error.isEmpty())
            html += QStringLiteral("<p style='color:#c62828'>%1</p>").arg(escaped(statement.error));
    }
    if (!step.output.isEmpty())
        html += QStringLiteral("<p><b>%1</b></p><pre>%2</pre>").arg(tr("Output"), escaped(step.output));
    return html;
}

} // namespace retort
