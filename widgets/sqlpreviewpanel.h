#pragma once

#include "bridgeerror.h"

#include <QWidget>
#include <functional>

class QAbstractButton;
class QButtonGroup;
class QComboBox;
class QLabel;
class QStackedWidget;
class QTextBrowser;
class QToolButton;
class QUrl;

namespace retort {

class NotificationBar;
class SqlView;

/// The SQL preview beside the editor: what Alembic's offline mode would run for the selected
/// revision (or range), upgrade or downgrade, through env.py or rendered directly for a dialect.
/// Values in, signals out: the owner asks the bridge when requestChanged() fires and hands the
/// answer to setSql() or setError(). Copy and Save… act on the SQL shown.
class SqlPreviewPanel : public QWidget
{
    Q_OBJECT

public:
    /// Asked for the file to save to, with a suggested file name; an empty answer cancels.
    using SaveFileNameProvider = std::function<QString(const QString &suggestedName)>;

    explicit SqlPreviewPanel(QWidget *parent = nullptr);

    /// Shows \a id ("abc123", or a range such as "abc123:def456") and \a message in the header;
    /// the page below stays until setBusy(), setSql() or setError(). An empty id is clear().
    void setRevision(const QString &id, const QString &message);
    QString revision() const { return m_revision; }
    /// Shows the busy page ("Asking Alembic…"); Copy and Save… are off until SQL arrives.
    void setBusy();
    /// Shows \a sql with its statements numbered as \a dialect splits them.
    void setSql(const QString &sql, const QString &dialect);
    /// Shows what went wrong, in plain words, with each traceback frame as a file:line link.
    void setError(const retort::BridgeError &error);
    /// Back to the empty page ("Select a revision…"), without a revision.
    void clear();

    /// "up" or "down".
    QString direction() const;
    /// "env" (through the project's env.py) or "direct" (rendered for dialect()).
    QString mode() const;
    /// "postgresql", "sqlite" or "mysql"; used in direct mode only.
    QString dialect() const;
    /// The setters change the controls without emitting requestChanged(); unknown values are ignored.
    void setDirection(const QString &direction);
    void setMode(const QString &mode);
    void setDialect(const QString &dialect);

    /// The SQL shown (empty unless the SQL page is showing).
    QString sql() const;
    SqlView *sqlView() const { return m_view; }
    /// The status line under the SQL ("3 statements").
    QString statusText() const;
    /// The message of the strip above the SQL (a failed or done save), empty when it is hidden.
    QString notificationText() const;

    /// Replaces the Save… dialog (tests, or a caller that remembers folders).
    void setSaveFileNameProvider(SaveFileNameProvider provider) { m_saveFileName = std::move(provider); }

public slots:
    /// Copies the SQL shown to the clipboard.
    void copyToClipboard();
    /// Asks for a file name and writes the SQL there atomically; a failure is reported in the
    /// panel and the SQL stays. Returns true when the file was written.
    bool save();

signals:
    /// The user changed the direction, mode or dialect: the SQL shown is stale. Once per change.
    void requestChanged();
    /// A traceback frame was clicked; \a line is 1-based, 0 when unknown.
    void openFileRequested(const QString &path, int line);

private:
    enum class Page { Empty, Busy, Sql, Error };
    void showPage(Page page);
    void updateDialectToolTip();
    static void markCheckedDirection(QAbstractButton *button, bool checked);
    void onAnchorClicked(const QUrl &url);
    QString suggestedFileName() const;

    QLabel *m_header;
    QButtonGroup *m_directionGroup;
    QToolButton *m_upButton;
    QToolButton *m_downButton;
    QComboBox *m_modeCombo;
    QComboBox *m_dialectCombo;
    QToolButton *m_copyButton;
    QToolButton *m_saveButton;
    QStackedWidget *m_stack;
    QLabel *m_emptyLabel;
    QWidget *m_busyPage;
    QWidget *m_sqlPage;
    SqlView *m_view;
    NotificationBar *m_notification;
    QLabel *m_status;
    QTextBrowser *m_errorBrowser;
    QString m_revision;
    SaveFileNameProvider m_saveFileName;
    bool m_settingControls = false;
};

} // namespace retort
