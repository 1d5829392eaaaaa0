#pragma once

#include "codeeditor.h"

class QsciLexerPython;

namespace retort {

/// The editor of one Alembic revision file: a CodeEditor with the Python lexer that knows its
/// file, reads it and writes it back atomically. Line endings and encoding (UTF-8) round-trip.
class MigrationEditor : public CodeEditor
{
    Q_OBJECT

public:
    explicit MigrationEditor(const QString &path = {}, QWidget *parent = nullptr);

    QString path() const { return m_path; }
    void setPath(const QString &path) { m_path = path; }

    /// Replaces the text with the file's contents, empties the undo history and marks the
    /// buffer unmodified. On failure the buffer is left alone and \a errorMessage says why.
    bool load(QString *errorMessage = nullptr);
    /// Like load(), but as one undoable change that keeps the cursor and scroll position
    /// (used when the file changed on disk).
    bool reload(QString *errorMessage = nullptr);
    /// Writes the buffer atomically (QSaveFile) and marks it unmodified. On failure the buffer
    /// stays as it is, still modified, and \a errorMessage names the file and the system's reason.
    bool save(QString *errorMessage = nullptr);

    /// True when the buffer differs from the file: edited since the last load or save, or
    /// diverged from it (the file was deleted, or changed on disk and the user kept this version).
    bool isDirty() const { return isModified() || m_diverged; }
    /// Marks the buffer as different from the file even without edits; load, reload and save clear it.
    void setDivergedFromDisk(bool diverged);

    /// The bytes last read from or written to the file: what the file holds if nobody else
    /// touched it. Lets the owner tell its own saves from outside changes.
    QByteArray diskContents() const { return m_diskContents; }
    /// Records \a contents as what is on disk (used when the user keeps their version).
    void setDiskContents(const QByteArray &contents) { m_diskContents = contents; }

signals:
    /// isDirty() changed.
    void dirtyChanged(bool dirty);

private:
    void updateDirty();
    void markInSync(const QByteArray &contents);
    bool readFile(QByteArray *contents, QString *errorMessage) const;

    QString m_path;
    QByteArray m_diskContents;
    QsciLexerPython *m_lexer = nullptr;
    bool m_diverged = false;
    bool m_dirty = false;
};

} // namespace retort
