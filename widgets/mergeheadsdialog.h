#pragma once

#include <QDialog>
#include <QStringList>

class QLineEdit;
class QListWidget;
class QPushButton;

namespace retort {

class RevisionGraph;

/// Asks which heads to merge (two or more: the preselected ones when they are at least two heads,
/// else all of them), the merge
/// revision's message and an optional branch label.
class MergeHeadsDialog : public QDialog
{
    Q_OBJECT

public:
    MergeHeadsDialog(const RevisionGraph &graph, const QStringList &preselected, QWidget *parent = nullptr);

    QStringList revisions() const;
    QString message() const;
    QString branchLabel() const;

private:
    void updateOk();

    QListWidget *m_heads = nullptr;
    QLineEdit *m_message = nullptr;
    QLineEdit *m_label = nullptr;
    QPushButton *m_ok = nullptr;
};

} // namespace retort
