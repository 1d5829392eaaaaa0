#pragma once

#include "diagnostic.h"

#include <QFileSystemWatcher>
#include <QMessageBox>
#include <QSet>
#include <QTabWidget>
#include <QTimer>

#include <functional>

namespace retort {

class CodeEditor;
class FindReplaceBar;
class MigrationEditor;
class NotificationBar;

/// The open revision files, one tab each: opening, saving (atomic), dirty markers, close prompts,
/// and watching the files for changes by other programs. Problems (unreadable file, failed save,
/// file deleted or changed on disk) show as a bar inside the tab; the buffer is never dropped.
/// Paths are absolute and cleaned (QDir::cleanPath) in every signal and return value.
class EditorTabs : public QTabWidget
{
    Q_OBJECT

public:
    /// Asked before a modified file is closed: Save, Discard or Cancel.
    using SavePrompt = std::function<QMessageBox::StandardButton(const QString &path)>;

    explicit EditorTabs(QWidget *parent = nullptr);
    ~EditorTabs() override;

    /// Opens \a path in a tab, or focuses its tab when it is already open, and puts the cursor on
    /// 1-based \a line (0 leaves it). When the file cannot be read, returns nullptr and emits
    /// errorOccurred with a message that names the file and the reason.
    MigrationEditor *openFile(const QString &path, int line = 0);

    QString currentPath() const;
    QStringList openPaths() const;
    /// True when the buffer of \a path has unsaved changes (or the file on disk is gone).
    bool isModified(const QString &path) const;
    bool hasModifiedFiles() const;
    MigrationEditor *editorFor(const QString &path) const;
    MigrationEditor *currentEditor() const;
    /// The message bar and the find bar of the tab of \a path (nullptr when not open).
    NotificationBar *notificationBar(const QString &path) const;
    FindReplaceBar *findBar(const QString &path) const;

    /// Replaces the Save / Discard / Cancel question (a QMessageBox by default); for tests.
    void setSavePrompt(SavePrompt prompt);
    /// When on (the default), a file that changed on disk and has no unsaved edits is reloaded
    /// at once, with a note in its tab; otherwise the tab offers Reload / Keep my version.
    void setAutoReloadUnmodified(bool on) { m_autoReloadUnmodified = on; }
    bool autoReloadUnmodified() const { return m_autoReloadUnmodified; }

    /// Shows the diagnostics of every open file (by path); kept for files opened later.
    void setDiagnostics(const retort::Diagnostics &all);

    /// Asks about every modified file (Save / Discard / Cancel) without closing anything.
    /// False when the user cancelled or a save failed: use it before quitting.
    bool maybeSaveAll();

public slots:
    /// Writes the file atomically. On failure the tab shows why, the buffer stays modified,
    /// errorOccurred is emitted and false returned.
    bool save(const QString &path);
    bool saveCurrent();
    /// Saves every modified file; false when any of them failed (the others are still saved).
    bool saveAll();
    /// Closes the tab, asking first when it is modified; false when the user cancelled or the
    /// save failed (the tab stays).
    bool closeFile(const QString &path);
    bool closeCurrent();
    /// Asks about every modified file first; closes all tabs unless cancelled.
    bool closeAll();

    void showFind();
    void showReplace();
    void findNext();
    void findPrevious();
    /// Go to Line on the current editor, through a small dialog.
    void showGoToLine();
    void undo();
    void redo();

signals:
    void fileOpened(const QString &path);
    void fileClosed(const QString &path);
    void fileSaved(const QString &path);
    /// The file was reloaded after it changed on disk (automatically or by the user's choice).
    void fileReloaded(const QString &path);
    /// Another program changed or deleted an open file (emitted before any reload).
    void fileChangedOnDisk(const QString &path);
    /// The current tab changed; empty when no tab is left.
    void currentFileChanged(const QString &path);
    /// 1-based cursor line in the current editor.
    void cursorLineChanged(const QString &path, int line);
    void modificationChanged(const QString &path, bool modified);
    /// A failure the user should see, already shown in the tab when it concerns an open file.
    void errorOccurred(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Document
    {
        QString path;
        QWidget *page = nullptr;
        MigrationEditor *editor = nullptr;
        NotificationBar *bar = nullptr;
        FindReplaceBar *find = nullptr;
        bool deletedOnDisk = false;
    };

    Document *document(const QString &path);
    const Document *document(const QString &path) const;
    Document *documentAt(int index);
    QMessageBox::StandardButton askToSave(const QString &path);
    void removeDocument(const QString &path);
    void updateTabTitle(const Document &document);
    void scheduleDiskCheck(const QString &path);
    void checkDisk();
    void checkDocument(Document &document);
    void offerReload(Document &document, const QByteArray &onDisk);
    void reloadDocument(Document &document);
    void updateDirectoryWatches();
    void applyDiagnostics(Document &document);

    QList<Document> m_documents;
    QFileSystemWatcher m_watcher;
    QTimer m_diskCheckTimer;
    QSet<QString> m_pendingChecks;
    SavePrompt m_savePrompt;
    bool m_autoReloadUnmodified = true;
    retort::Diagnostics m_diagnostics;
};

} // namespace retort
