#include "sqlpreviewpanel.h"

#include "notificationbar.h"
#include "sqlview.h"

#include <QApplication>
#include <QButtonGroup>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QSaveFile>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QToolButton>
#include <QUrl>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace retort {

namespace {

enum DirectionId { Up = 0, Down = 1 };

QString fileLink(const QString &path, int line)
{
    QUrl url = QUrl::fromLocalFile(path);
    if (line > 0)
        url.setQuery(QStringLiteral("line=%1").arg(line));
    return url.toString(QUrl::FullyEncoded);
}

QString escapedLines(const QString &text)
{
    return text.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"));
}

QLabel *centredLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, pal.color(QPalette::PlaceholderText));
    label->setPalette(pal);
    return label;
}

} // namespace

SqlPreviewPanel::SqlPreviewPanel(QWidget *parent)
    : QWidget(parent)
    , m_header(new QLabel(this))
    , m_directionGroup(new QButtonGroup(this))
    , m_upButton(new QToolButton(this))
    , m_downButton(new QToolButton(this))
    , m_modeCombo(new QComboBox(this))
    , m_dialectCombo(new QComboBox(this))
    , m_copyButton(new QToolButton(this))
    , m_saveButton(new QToolButton(this))
    , m_stack(new QStackedWidget(this))
{
    m_header->setObjectName(QStringLiteral("sqlHeader"));
    m_header->setTextFormat(Qt::RichText);
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_upButton->setObjectName(QStringLiteral("upgradeButton"));
    m_upButton->setText(tr("Upgrade"));
    m_upButton->setToolTip(tr("The SQL that upgrades the database to this revision"));
    m_downButton->setObjectName(QStringLiteral("downgradeButton"));
    m_downButton->setText(tr("Downgrade"));
    m_downButton->setToolTip(tr("The SQL that downgrades the database from this revision"));
    for (QToolButton *button : {m_upButton, m_downButton}) {
        button->setCheckable(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    }
    m_directionGroup->setExclusive(true);
    m_directionGroup->addButton(m_upButton, Up);
    m_directionGroup->addButton(m_downButton, Down);
    m_upButton->setChecked(true);
    markCheckedDirection(m_upButton, true);

    m_modeCombo->setObjectName(QStringLiteral("sqlModeCombo"));
    m_modeCombo->addItem(tr("Through env.py"), QStringLiteral("env"));
    m_modeCombo->addItem(tr("Direct"), QStringLiteral("direct"));
    m_modeCombo->setToolTip(tr("Through env.py: the SQL that “alembic upgrade --sql” (or “downgrade --sql”) prints, "
                               "with the project's env.py.\nDirect: the migration's operations rendered "
                               "for the chosen dialect, without env.py."));
    m_dialectCombo->setObjectName(QStringLiteral("sqlDialectCombo"));
    // product names, the same in every language
    m_dialectCombo->addItem(QStringLiteral("PostgreSQL"), QStringLiteral("postgresql"));
    m_dialectCombo->addItem(QStringLiteral("SQLite"), QStringLiteral("sqlite"));
    m_dialectCombo->addItem(QStringLiteral("MySQL"), QStringLiteral("mysql"));

    m_copyButton->setObjectName(QStringLiteral("copySqlButton"));
    m_copyButton->setText(tr("Copy"));
    m_copyButton->setToolTip(tr("Copy all of the SQL to the clipboard"));
    m_saveButton->setObjectName(QStringLiteral("saveSqlButton"));
    m_saveButton->setText(tr("Save…"));
    m_saveButton->setToolTip(tr("Save the SQL to a file"));

    // two rows, so that the pane fits beside the editor: what to ask, then how to ask it
    auto *tools = new QHBoxLayout;
    tools->setSpacing(4);
    auto *directions = new QHBoxLayout;
    directions->setSpacing(0);
    directions->addWidget(m_upButton);
    directions->addWidget(m_downButton);
    tools->addLayout(directions);
    tools->addStretch(1);
    tools->addWidget(m_copyButton);
    tools->addWidget(m_saveButton);
    auto *options = new QHBoxLayout;
    options->setSpacing(4);
    options->addWidget(m_modeCombo);
    options->addWidget(m_dialectCombo);
    options->addStretch(1);

    // pages
    m_emptyLabel = centredLabel(tr("Select a revision to see its SQL"), m_stack);
    m_emptyLabel->setObjectName(QStringLiteral("sqlEmptyLabel"));

    m_busyPage = new QWidget(m_stack);
    m_busyPage->setObjectName(QStringLiteral("sqlBusyPage"));
    auto *busyLayout = new QVBoxLayout(m_busyPage);
    auto *progress = new QProgressBar(m_busyPage);
    progress->setRange(0, 0);
    progress->setTextVisible(false);
    progress->setMaximumWidth(200);
    busyLayout->addStretch(1);
    busyLayout->addWidget(centredLabel(tr("Asking Alembic…"), m_busyPage));
    busyLayout->addWidget(progress, 0, Qt::AlignHCenter);
    busyLayout->addStretch(1);

    m_sqlPage = new QWidget(m_stack);
    m_view = new SqlView(m_sqlPage);
    m_view->setObjectName(QStringLiteral("sqlView"));
    m_notification = new NotificationBar(m_sqlPage);
    m_notification->setObjectName(QStringLiteral("sqlNotification"));
    m_status = new QLabel(m_sqlPage);
    m_status->setObjectName(QStringLiteral("sqlStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setContentsMargins(4, 0, 4, 0);
    auto *sqlLayout = new QVBoxLayout(m_sqlPage);
    sqlLayout->setContentsMargins(0, 0, 0, 0);
    sqlLayout->setSpacing(2);
    sqlLayout->addWidget(m_notification);
    sqlLayout->addWidget(m_view, 1);
    sqlLayout->addWidget(m_status);

    m_errorBrowser = new QTextBrowser(m_stack);
    m_errorBrowser->setObjectName(QStringLiteral("sqlErrorBrowser"));
    m_errorBrowser->setOpenLinks(false);
    m_errorBrowser->setOpenExternalLinks(false);

    m_stack->addWidget(m_emptyLabel);
    m_stack->addWidget(m_busyPage);
    m_stack->addWidget(m_sqlPage);
    m_stack->addWidget(m_errorBrowser);
    m_stack->setObjectName(QStringLiteral("sqlStack"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(m_header);
    layout->addLayout(tools);
    layout->addLayout(options);
    layout->addWidget(m_stack, 1);

    connect(m_directionGroup, &QButtonGroup::idToggled, this, [this](int id, bool checked) {
        markCheckedDirection(m_directionGroup->button(id), checked);
        if (checked && !m_settingControls)
            emit requestChanged();
    });
    connect(m_modeCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateDialectToolTip();
        emit requestChanged();
    });
    connect(m_dialectCombo, &QComboBox::currentIndexChanged, this, &SqlPreviewPanel::requestChanged);
    connect(m_copyButton, &QToolButton::clicked, this, &SqlPreviewPanel::copyToClipboard);
    connect(m_saveButton, &QToolButton::clicked, this, &SqlPreviewPanel::save);
    connect(m_errorBrowser, &QTextBrowser::anchorClicked, this, &SqlPreviewPanel::onAnchorClicked);

    updateDialectToolTip();
    clear();
}

void SqlPreviewPanel::setRevision(const QString &id, const QString &message)
{
    if (id.isEmpty()) {
        clear();
        return;
    }
    m_revision = id;
    const QString mono = QFontDatabase::systemFont(QFontDatabase::FixedFont).family().toHtmlEscaped();
    const QString firstLine = message.section(u'\n', 0, 0).trimmed();
    QString html =
        QStringLiteral("<span style=\"font-family:'%1'; font-weight:bold\">%2</span>").arg(mono, id.toHtmlEscaped());
    if (!firstLine.isEmpty())
        html += QStringLiteral("&nbsp; %1").arg(firstLine.toHtmlEscaped());
    m_header->setText(html);
    // rich text on purpose, so that a message with tags shows them instead of being rendered
    m_header->setToolTip(
        message.trimmed().isEmpty()
            ? QString()
            : QStringLiteral("<p style=\"white-space:pre-wrap\">%1</p>").arg(message.trimmed().toHtmlEscaped()));
    m_header->show();
}

void SqlPreviewPanel::setBusy()
{
    showPage(Page::Busy);
}

void SqlPreviewPanel::setSql(const QString &sql, const QString &dialect)
{
    m_view->setSql(sql, dialect);
    // the dialect of the SQL shown: in env mode it is the project's, whatever the combo says
    const int named = m_dialectCombo->findData(dialect.toLower());
    const QString dialectName = named >= 0 ? m_dialectCombo->itemText(named) : dialect;
    QString status = tr("%n statement(s)", nullptr, m_view->statementCount());
    if (!dialectName.isEmpty())
        status += QStringLiteral(" · ") + dialectName;
    m_status->setText(status);
    m_notification->dismiss();
    showPage(Page::Sql);
}

void SqlPreviewPanel::setError(const BridgeError &error)
{
    // the bridge's own kinds in plain words; anything else is a Python exception, named as such
    QString title;
    if (error.type == QLatin1String("Timeout"))
        title = tr("Alembic took too long to answer.");
    else if (error.type == QLatin1String("HelperCrashed"))
        title = tr("The Alembic helper stopped unexpectedly.");
    else if (error.type == QLatin1String("ProtocolError"))
        title = tr("The Alembic helper gave an answer Retort does not understand.");
    else if (error.type == QLatin1String("InterpreterMissing"))
        title = tr("The Python interpreter for this project was not found.");
    else if (error.type == QLatin1String("AlembicMissing"))
        title = tr("Alembic is not installed for this project's Python interpreter.");
    else if (error.type == QLatin1String("Cancelled"))
        title = tr("The request was cancelled.");
    const bool pythonException = title.isEmpty() && !error.type.isEmpty();
    if (title.isEmpty())
        title = tr("Alembic could not produce the SQL.");

    const QString mono = QFontDatabase::systemFont(QFontDatabase::FixedFont).family().toHtmlEscaped();
    const QString muted = palette().color(QPalette::PlaceholderText).name();
    QString html = QStringLiteral("<p style=\"font-size:large\"><b>%1</b></p>").arg(title.toHtmlEscaped());
    if (!error.message.isEmpty() || pythonException) {
        const QString type =
            pythonException
                ? QStringLiteral("<span style=\"font-family:'%1'\">%2:</span> ").arg(mono, error.type.toHtmlEscaped())
                : QString();
        html += QStringLiteral("<p>%1%2</p>").arg(type, escapedLines(error.message));
    }
    if (!error.hint.isEmpty())
        html += QStringLiteral("<p><i>%1</i></p>").arg(escapedLines(error.hint));
    if (!error.frames.isEmpty()) {
        html += QStringLiteral("<p><b>%1</b></p>").arg(tr("Traceback (most recent call last):").toHtmlEscaped());
        for (const BridgeFrame &frame : error.frames) {
            const QString where =
                frame.line > 0 ? QStringLiteral("%1:%2").arg(QDir::toNativeSeparators(frame.file)).arg(frame.line)
                               : QDir::toNativeSeparators(frame.file);
            // "<frozen importlib._bootstrap>", "<string>": no file to open
            const bool isFile = !frame.file.isEmpty() && !frame.file.startsWith(u'<');
            const QString location =
                isFile ? QStringLiteral("<a href=\"%1\">%2</a>")
                             .arg(fileLink(frame.file, frame.line).toHtmlEscaped(), where.toHtmlEscaped())
                       : where.toHtmlEscaped();
            const QString function =
                frame.function.isEmpty()
                    ? QString()
                    : QStringLiteral("&nbsp; <span style=\"color:%1\">%2</span>")
                          .arg(muted,
                               tr("in %1").arg(QStringLiteral("<code>%1</code>").arg(frame.function.toHtmlEscaped())));
            html += QStringLiteral("<p style=\"margin-top:0; margin-bottom:4px; margin-left:8px\">"
                                   "<span style=\"font-family:'%1'\">%2</span>%3</p>")
                        .arg(mono, location, function);
        }
    }
    m_errorBrowser->setHtml(html);
    showPage(Page::Error);
}

void SqlPreviewPanel::clear()
{
    m_revision.clear();
    m_header->clear();
    m_header->setToolTip(QString());
    m_header->hide();
    m_view->setSql(QString(), QString());
    m_status->clear();
    m_notification->dismiss();
    m_errorBrowser->clear();
    showPage(Page::Empty);
}

QString SqlPreviewPanel::direction() const
{
    return m_directionGroup->checkedId() == Down ? QStringLiteral("down") : QStringLiteral("up");
}

QString SqlPreviewPanel::mode() const
{
    return m_modeCombo->currentData().toString();
}

QString SqlPreviewPanel::dialect() const
{
    return m_dialectCombo->currentData().toString();
}

void SqlPreviewPanel::setDirection(const QString &direction)
{
    QToolButton *button = direction == QLatin1String("up")     ? m_upButton
                          : direction == QLatin1String("down") ? m_downButton
                                                               : nullptr;
    if (!button)
        return;
    m_settingControls = true;
    button->setChecked(true);
    m_settingControls = false;
}

void SqlPreviewPanel::setMode(const QString &mode)
{
    const int index = m_modeCombo->findData(mode);
    if (index < 0)
        return;
    const QSignalBlocker blocker(m_modeCombo);
    m_modeCombo->setCurrentIndex(index);
    updateDialectToolTip();
}

void SqlPreviewPanel::setDialect(const QString &dialect)
{
    const int index = m_dialectCombo->findData(dialect);
    if (index < 0)
        return;
    const QSignalBlocker blocker(m_dialectCombo);
    m_dialectCombo->setCurrentIndex(index);
}

QString SqlPreviewPanel::sql() const
{
    return m_stack->currentWidget() == m_sqlPage ? m_view->sql() : QString();
}

QString SqlPreviewPanel::statusText() const
{
    return m_status->text();
}

QString SqlPreviewPanel::notificationText() const
{
    return m_notification->isHidden() ? QString() : m_notification->message();
}

void SqlPreviewPanel::copyToClipboard()
{
    if (m_stack->currentWidget() == m_sqlPage)
        QApplication::clipboard()->setText(m_view->sql());
}

bool SqlPreviewPanel::save()
{
    if (m_stack->currentWidget() != m_sqlPage)
        return false;
    const QString path = m_saveFileName ? m_saveFileName(suggestedFileName())
                                        : QFileDialog::getSaveFileName(this, tr("Save SQL"), suggestedFileName(),
                                                                       tr("SQL files (*.sql);;All files (*)"));
    if (path.isEmpty())
        return false;
    const QByteArray contents = m_view->sql().toUtf8();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size() || !file.commit()) {
        m_notification->showMessage(
            NotificationBar::Kind::Error,
            tr("Could not save the SQL to “%1”: %2.").arg(QDir::toNativeSeparators(path), file.errorString()));
        file.cancelWriting();
        return false;
    }
    m_notification->showMessage(NotificationBar::Kind::Info,
                                tr("Saved the SQL to “%1”.").arg(QDir::toNativeSeparators(path)));
    return true;
}

void SqlPreviewPanel::showPage(Page page)
{
    QWidget *widget = page == Page::Empty  ? static_cast<QWidget *>(m_emptyLabel)
                      : page == Page::Busy ? m_busyPage
                      : page == Page::Sql  ? m_sqlPage
                                           : static_cast<QWidget *>(m_errorBrowser);
    m_stack->setCurrentWidget(widget);
    m_copyButton->setEnabled(page == Page::Sql);
    m_saveButton->setEnabled(page == Page::Sql);
}

void SqlPreviewPanel::markCheckedDirection(QAbstractButton *button, bool checked)
{
    // Checked tool buttons look only a little sunken in most styles: bold says it plainly.
    QFont font = button->font();
    font.setBold(checked);
    button->setFont(font);
}

void SqlPreviewPanel::updateDialectToolTip()
{
    // Both modes use the dialect: direct renders for it, and through env.py the project's env.py sees
    // `<dialect>://` as its database URL (offline SQL needs nothing more) until a connection profile
    // supplies a real one.
    const bool direct = mode() == QLatin1String("direct");
    m_dialectCombo->setToolTip(direct ? tr("The SQL dialect to render the migration for")
                                      : tr("env.py sees this dialect as its database URL (for example postgresql://); "
                                           "offline SQL needs nothing more."));
}

void SqlPreviewPanel::onAnchorClicked(const QUrl &url)
{
    if (!url.isLocalFile())
        return;
    emit openFileRequested(url.toLocalFile(), QUrlQuery(url).queryItemValue(QStringLiteral("line")).toInt());
}

QString SqlPreviewPanel::suggestedFileName() const
{
    QString name = m_revision.isEmpty() ? QStringLiteral("migration") : m_revision;
    static const QString unsafe = QStringLiteral(":/\\*?\"<>| ");
    for (QChar &c : name) {
        if (unsafe.contains(c))
            c = u'_';
    }
    return QStringLiteral("%1_%2.sql")
        .arg(name, direction() == QLatin1String("down") ? QStringLiteral("downgrade") : QStringLiteral("upgrade"));
}

} // namespace retort
