#include "editortabs.h"

#include "findreplacebar.h"
#include "migrationeditor.h"
#include "notificationbar.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMouseEvent>
#include <QPushButton>
#include <QTabBar>
#include <QVBoxLayout>

namespace retort {

namespace {

QString normalized(const QString &path)
{
    return path.isEmpty() ? QString() : QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

QString displayName(const QString &path)
{
    return QFileInfo(path).fileName();
}

} // namespace

EditorTabs::EditorTabs(QWidget *parent)
    : QTabWidget(parent)
{
    setObjectName(QStringLiteral("editorTabs"));
    setDocumentMode(true);
    setTabsClosable(true);
    setMovable(true);
    setUsesScrollButtons(true);
    setElideMode(Qt::ElideMiddle);
    tabBar()->installEventFilter(this);

    m_diskCheckTimer.setSingleShot(true);
    m_diskCheckTimer.setInterval(50); // coalesce the bursts of events of one outside write
    connect(&m_diskCheckTimer, &QTimer::timeout, this, &EditorTabs::checkDisk);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &EditorTabs::scheduleDiskCheck);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this](const QString &directory) {
        for (const Document &doc : std::as_const(m_documents)) {
            if (doc.deletedOnDisk && QFileInfo(doc.path).absolutePath() == directory)
                scheduleDiskCheck(doc.path);
        }
    });

    connect(this, &QTabWidget::tabCloseRequested, this, [this](int index) {
        if (const Document *doc = documentAt(index))
            closeFile(doc->path);
    });
    connect(this, &QTabWidget::currentChanged, this, [this](int index) {
        const Document *doc = documentAt(index);
        emit currentFileChanged(doc ? doc->path : QString());
        if (doc)
            emit cursorLineChanged(doc->path, doc->editor->cursorLine());
    });
}

EditorTabs::~EditorTabs() = default;

MigrationEditor *EditorTabs::openFile(const QString &path, int line)
{
    const QString key = normalized(path);
    if (Document *doc = document(key)) {
        setCurrentWidget(doc->page);
        if (line > 0)
            doc->editor->goToLine(line);
        doc->editor->setFocus();
        return doc->editor;
    }

    auto *page = new QWidget;
    auto *editor = new MigrationEditor(key, page);
    QString error;
    if (key.isEmpty() || !editor->load(&error)) {
        delete page;
        emit errorOccurred(key.isEmpty() ? tr("No file to open.") : error);
        return nullptr;
    }
    editor->setObjectName(QStringLiteral("migrationEditor"));
    auto *bar = new NotificationBar(page);
    auto *find = new FindReplaceBar(page);
    find->setEditor(editor);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(editor, 1);
    layout->addWidget(find);

    m_documents.append({key, page, editor, bar, find, false});
    connect(editor, &MigrationEditor::dirtyChanged, this, [this, key](bool dirty) {
        if (const Document *doc = document(key)) {
            updateTabTitle(*doc);
            emit modificationChanged(key, dirty);
        }
    });
    connect(editor, &QsciScintilla::cursorPositionChanged, this, [this, key, editor](int cursorLine, int) {
        if (currentEditor() == editor)
            emit cursorLineChanged(key, cursorLine + 1);
    });

    const int index = addTab(page, displayName(key));
    setTabToolTip(index, QDir::toNativeSeparators(key));
    m_watcher.addPath(key);
    applyDiagnostics(m_documents.last());
    setCurrentIndex(index);
    if (line > 0)
        editor->goToLine(line);
    editor->setFocus();
    emit fileOpened(key);
    return editor;
}

QString EditorTabs::currentPath() const
{
    const MigrationEditor *editor = currentEditor();
    return editor ? editor->path() : QString();
}

QStringList EditorTabs::openPaths() const
{
    QStringList paths;
    for (int index = 0; index < count(); ++index) { // in tab order
        for (const Document &doc : m_documents) {
            if (doc.page == widget(index))
                paths.append(doc.path);
        }
    }
    return paths;
}

bool EditorTabs::isModified(const QString &path) const
{
    const Document *doc = document(path);
    return doc && doc->editor->isDirty();
}

bool EditorTabs::hasModifiedFiles() const
{
    return std::any_of(m_documents.cbegin(), m_documents.cend(),
                       [](const Document &doc) { return doc.editor->isDirty(); });
}

MigrationEditor *EditorTabs::editorFor(const QString &path) const
{
    const Document *doc = document(path);
    return doc ? doc->editor : nullptr;
}

MigrationEditor *EditorTabs::currentEditor() const
{
    for (const Document &doc : m_documents) {
        if (doc.page == currentWidget())
            return doc.editor;
    }
    return nullptr;
}

NotificationBar *EditorTabs::notificationBar(const QString &path) const
{
    const Document *doc = document(path);
    return doc ? doc->bar : nullptr;
}

FindReplaceBar *EditorTabs::findBar(const QString &path) const
{
    const Document *doc = document(path);
    return doc ? doc->find : nullptr;
}

void EditorTabs::setSavePrompt(SavePrompt prompt)
{
    m_savePrompt = std::move(prompt);
}

void EditorTabs::setDiagnostics(const Diagnostics &all)
{
    m_diagnostics = all;
    for (Document &doc : m_documents)
        applyDiagnostics(doc);
}

void EditorTabs::applyDiagnostics(Document &doc)
{
    Diagnostics mine;
    for (const Diagnostic &diagnostic : std::as_const(m_diagnostics)) {
        if (normalized(diagnostic.path) == doc.path)
            mine.append(diagnostic);
    }
    doc.editor->setDiagnostics(mine);
}

bool EditorTabs::save(const QString &path)
{
    Document *doc = document(path);
    if (!doc)
        return false;
    const QString key = doc->path;
    // Our own write must not look like an outside change: stop watching while writing. QSaveFile
    // replaces the file (new inode), so the path has to be watched again afterwards anyway.
    m_watcher.removePath(key);
    QString error;
    const bool saved = doc->editor->save(&error);
    if (QFileInfo::exists(key))
        m_watcher.addPath(key);
    if (!saved) {
        doc->bar->showMessage(NotificationBar::Kind::Error, error);
        emit errorOccurred(error);
        return false;
    }
    doc->deletedOnDisk = false;
    doc->bar->dismiss();
    m_pendingChecks.remove(key);
    updateDirectoryWatches();
    emit fileSaved(key);
    return true;
}

bool EditorTabs::saveCurrent()
{
    return save(currentPath());
}

bool EditorTabs::saveAll()
{
    bool allSaved = true;
    for (const QString &path : openPaths()) {
        if (isModified(path) && !save(path))
            allSaved = false;
    }
    return allSaved;
}

QMessageBox::StandardButton EditorTabs::askToSave(const QString &path)
{
    if (m_savePrompt)
        return m_savePrompt(path);
    QMessageBox box(QMessageBox::Warning, tr("Unsaved Changes"),
                    tr("“%1” has unsaved changes. Save them?").arg(displayName(path)),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setInformativeText(QDir::toNativeSeparators(path));
    box.setDefaultButton(QMessageBox::Save);
    return QMessageBox::StandardButton(box.exec());
}

bool EditorTabs::closeFile(const QString &path)
{
    Document *doc = document(path);
    if (!doc)
        return true;
    const QString key = doc->path;
    if (doc->editor->isDirty()) {
        setCurrentWidget(doc->page);
        const QMessageBox::StandardButton answer = askToSave(key);
        if (answer == QMessageBox::Save) {
            if (!save(key))
                return false;
        } else if (answer != QMessageBox::Discard) {
            return false;
        }
    }
    removeDocument(key);
    return true;
}

bool EditorTabs::closeCurrent()
{
    return closeFile(currentPath());
}

bool EditorTabs::maybeSaveAll()
{
    for (const QString &path : openPaths()) {
        if (!isModified(path))
            continue;
        setCurrentWidget(document(path)->page);
        const QMessageBox::StandardButton answer = askToSave(path);
        if (answer == QMessageBox::Save) {
            if (!save(path))
                return false;
        } else if (answer != QMessageBox::Discard) {
            return false;
        }
    }
    return true;
}

bool EditorTabs::closeAll()
{
    if (!maybeSaveAll())
        return false;
    for (const QString &path : openPaths())
        removeDocument(path);
    return true;
}

void EditorTabs::removeDocument(const QString &path)
{
    Document *doc = document(path);
    if (!doc)
        return;
    const QString key = doc->path;
    QWidget *page = doc->page;
    m_watcher.removePath(key);
    m_pendingChecks.remove(key);
    m_documents.removeIf([&key](const Document &d) { return d.path == key; });
    removeTab(indexOf(page));
    page->hide();
    page->deleteLater(); // we may be inside a signal of one of its children
    updateDirectoryWatches();
    emit fileClosed(key);
}

void EditorTabs::showFind()
{
    if (Document *doc = document(currentPath()))
        doc->find->showFind();
}

void EditorTabs::showReplace()
{
    if (Document *doc = document(currentPath()))
        doc->find->showReplace();
}

void EditorTabs::findNext()
{
    if (Document *doc = document(currentPath())) {
        if (doc->find->findText().isEmpty())
            doc->find->showFind();
        else
            doc->find->findNext();
    }
}

void EditorTabs::findPrevious()
{
    if (Document *doc = document(currentPath())) {
        if (doc->find->findText().isEmpty())
            doc->find->showFind();
        else
            doc->find->findPrevious();
    }
}

void EditorTabs::showGoToLine()
{
    if (MigrationEditor *editor = currentEditor())
        editor->showGoToLineDialog();
}

void EditorTabs::undo()
{
    if (MigrationEditor *editor = currentEditor())
        editor->undo();
}

void EditorTabs::redo()
{
    if (MigrationEditor *editor = currentEditor())
        editor->redo();
}

bool EditorTabs::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == tabBar() && event->type() == QEvent::MouseButtonRelease) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::MiddleButton) {
            const int index = tabBar()->tabAt(mouse->position().toPoint());
            if (const Document *doc = documentAt(index)) {
                closeFile(doc->path);
                return true;
            }
        }
    }
    return QTabWidget::eventFilter(watched, event);
}

EditorTabs::Document *EditorTabs::document(const QString &path)
{
    const QString key = normalized(path);
    for (Document &doc : m_documents) {
        if (doc.path == key)
            return &doc;
    }
    return nullptr;
}

const EditorTabs::Document *EditorTabs::document(const QString &path) const
{
    return const_cast<EditorTabs *>(this)->document(path);
}

EditorTabs::Document *EditorTabs::documentAt(int index)
{
    QWidget *page = widget(index);
    for (Document &doc : m_documents) {
        if (page && doc.page == page)
            return &doc;
    }
    return nullptr;
}

void EditorTabs::updateTabTitle(const Document &doc)
{
    const int index = indexOf(doc.page);
    if (index < 0)
        return;
    // U+2022 BULLET after the name marks unsaved changes
    setTabText(index, doc.editor->isDirty() ? displayName(doc.path) + QStringLiteral(" \u2022") : displayName(doc.path));
}

void EditorTabs::scheduleDiskCheck(const QString &path)
{
    m_pendingChecks.insert(normalized(path));
    m_diskCheckTimer.start();
}

void EditorTabs::checkDisk()
{
    const QSet<QString> pending = std::exchange(m_pendingChecks, {});
    for (const QString &path : pending) {
        if (Document *doc = document(path))
            checkDocument(*doc);
    }
    updateDirectoryWatches();
}

void EditorTabs::checkDocument(Document &doc)
{
    const QString key = doc.path;
    if (!QFileInfo(key).isFile()) {
        if (doc.deletedOnDisk)
            return;
        doc.deletedOnDisk = true;
        doc.editor->setDivergedFromDisk(true);
        doc.bar->showMessage(NotificationBar::Kind::Warning,
                             tr("“%1” was deleted or moved by another program. Your text is kept here; "
                                "save to write the file again.")
                                 .arg(displayName(key)));
        emit fileChangedOnDisk(key);
        return;
    }
    if (!m_watcher.files().contains(key))
        m_watcher.addPath(key); // the other program replaced the file: watch the new one

    QFile file(key);
    if (!file.open(QIODevice::ReadOnly))
        return; // unreadable for now; a later change event will tell us more
    const QByteArray onDisk = file.readAll();
    if (onDisk == doc.editor->diskContents()) {
        if (doc.deletedOnDisk) { // back with the very same contents
            doc.deletedOnDisk = false;
            doc.bar->dismiss();
            if (!doc.editor->isModified())
                doc.editor->setDivergedFromDisk(false);
        }
        return;
    }
    doc.deletedOnDisk = false;
    emit fileChangedOnDisk(key);
    if (m_autoReloadUnmodified && !doc.editor->isDirty()) {
        reloadDocument(doc);
        if (Document *reloaded = document(key); reloaded && reloaded->bar->isHidden()) {
            reloaded->bar->showMessage(NotificationBar::Kind::Info,
                                       tr("“%1” was changed by another program and has been reloaded. "
                                          "Undo brings back the previous text.")
                                           .arg(displayName(key)));
        }
        return;
    }
    offerReload(doc, onDisk);
}

void EditorTabs::offerReload(Document &doc, const QByteArray &onDisk)
{
    const QString key = doc.path;
    doc.bar->showMessage(NotificationBar::Kind::Warning,
                         doc.editor->isDirty()
                             ? tr("“%1” was changed by another program, and you have unsaved changes.").arg(displayName(key))
                             : tr("“%1” was changed by another program.").arg(displayName(key)));
    QPushButton *reload = doc.bar->addButton(tr("&Reload"), QStringLiteral("reloadButton"));
    reload->setToolTip(tr("Replace the text here with the file on disk (Undo brings it back)"));
    connect(reload, &QPushButton::clicked, this, [this, key] {
        if (Document *d = document(key))
            reloadDocument(*d);
    });
    QPushButton *keep = doc.bar->addButton(tr("&Keep My Version"), QStringLiteral("keepButton"));
    keep->setToolTip(tr("Keep this text; saving will overwrite the file on disk"));
    connect(keep, &QPushButton::clicked, this, [this, key, onDisk] {
        if (Document *d = document(key)) {
            d->editor->setDiskContents(onDisk); // the same outside version will not be offered again
            d->editor->setDivergedFromDisk(true);
        }
    });
}

void EditorTabs::reloadDocument(Document &doc)
{
    const QString key = doc.path;
    QString error;
    if (!doc.editor->reload(&error)) {
        doc.bar->showMessage(NotificationBar::Kind::Error, error);
        emit errorOccurred(error);
        return;
    }
    doc.bar->dismiss();
    applyDiagnostics(doc);
    emit fileReloaded(key);
}

void EditorTabs::updateDirectoryWatches()
{
    // Watch the folder of every file that is gone, to notice when it comes back.
    QSet<QString> wanted;
    for (const Document &doc : std::as_const(m_documents)) {
        if (doc.deletedOnDisk && QFileInfo(QFileInfo(doc.path).absolutePath()).isDir())
            wanted.insert(QFileInfo(doc.path).absolutePath());
    }
    const QStringList watched = m_watcher.directories();
    for (const QString &directory : watched) {
        if (!wanted.contains(directory))
            m_watcher.removePath(directory);
    }
    for (const QString &directory : std::as_const(wanted)) {
        if (!watched.contains(directory))
            m_watcher.addPath(directory);
    }
}

} // namespace retort
