#pragma once

#include "interpreterlocator.h"

#include <QDialog>

class QListWidget;

namespace retort {

/// Chooses the project's Python interpreter: "Automatic" (InterpreterLocator's first candidate),
/// one of the candidates found, or any executable picked with Browse….
class InterpreterDialog : public QDialog
{
    Q_OBJECT

public:
    /// \a setting is the current explicit choice (empty: automatic).
    InterpreterDialog(const QList<InterpreterCandidate> &candidates, const QString &setting, QWidget *parent = nullptr);

    /// The explicit choice, or empty for automatic.
    QString setting() const;

private:
    void browse();

    QListWidget *m_list = nullptr;
};

} // namespace retort
