#include "migrationeditor.h"

#include <Qsci/qscilexerpython.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace retort {

MigrationEditor::MigrationEditor(const QString &path, QWidget *parent)
    : CodeEditor(parent)
    , m_path(path)
    , m_lexer(new QsciLexerPython(this))
{
    m_lexer->setFoldComments(true);
    m_lexer->setFoldQuotes(true);
    m_lexer->setIndentationWarning(QsciLexerPython::Inconsistent);
    setLexer(m_lexer);
    connect(this, &QsciScintilla::modificationChanged, this, &MigrationEditor::updateDirty);
}

void MigrationEditor::setDivergedFromDisk(bool diverged)
{
    m_diverged = diverged;
    updateDirty();
}

void MigrationEditor::updateDirty()
{
    if (isDirty() == m_dirty)
        return;
    m_dirty = isDirty();
    emit dirtyChanged(m_dirty);
}

void MigrationEditor::markInSync(const QByteArray &contents)
{
    m_diskContents = contents;
    m_diverged = false;
    setModified(false);
    updateDirty();
}

bool MigrationEditor::readFile(QByteArray *contents, QString *errorMessage) const
{
    QFile file(m_path);
    if (QFileInfo(m_path).isDir() || !file.open(QIODevice::ReadOnly)) {
        if (errorMessage) {
            const QString reason = QFileInfo(m_path).isDir() ? tr("it is a folder") : file.errorString();
            *errorMessage = tr("Could not open “%1”: %2.").arg(QDir::toNativeSeparators(m_path), reason);
        }
        return false;
    }
    *contents = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        if (errorMessage)
            *errorMessage = tr("Could not read “%1”: %2.").arg(QDir::toNativeSeparators(m_path), file.errorString());
        return false;
    }
    return true;
}

bool MigrationEditor::load(QString *errorMessage)
{
    QByteArray contents;
    if (!readFile(&contents, errorMessage))
        return false;
    setEolMode(contents.contains("\r\n") ? EolWindows : EolUnix);
    setText(QString::fromUtf8(contents));
    SendScintilla(SCI_EMPTYUNDOBUFFER);
    markInSync(contents);
    return true;
}

bool MigrationEditor::reload(QString *errorMessage)
{
    QByteArray contents;
    if (!readFile(&contents, errorMessage))
        return false;
    int line = 0;
    int index = 0;
    getCursorPosition(&line, &index);
    const int firstVisible = firstVisibleLine();
    beginUndoAction();
    selectAll();
    replaceSelectedText(QString::fromUtf8(contents));
    endUndoAction();
    setCursorPosition(std::min(line, lines() - 1), index);
    setFirstVisibleLine(firstVisible);
    markInSync(contents);
    return true;
}

bool MigrationEditor::save(QString *errorMessage)
{
    const QByteArray contents = text().toUtf8();
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size() || !file.commit()) {
        if (errorMessage) {
            *errorMessage = tr("Could not save “%1”: %2. Your changes are still here in the editor.")
                                .arg(QDir::toNativeSeparators(m_path), file.errorString());
        }
        file.cancelWriting();
        return false;
    }
    markInSync(contents);
    return true;
}

} // namespace retort
