#pragma once

#include <QDialog>
#include <QJsonObject>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPushButton;

namespace retort {

class RevisionGraph;

/// Asks for a new revision's message and where it goes: on a head (or, with splice, on any
/// revision, starting a branch), an optional branch label, and whether Alembic should autogenerate
/// it from the database (env.py must reach one).
class NewRevisionDialog : public QDialog
{
    Q_OBJECT

public:
    NewRevisionDialog(const RevisionGraph &graph, const QString &selected, QWidget *parent = nullptr);

    /// The helper's `revision` parameters.
    QJsonObject params() const;

private:
    void updateOk();

    QLineEdit *m_message = nullptr;
    QComboBox *m_parent = nullptr;
    QCheckBox *m_splice = nullptr;
    QLineEdit *m_label = nullptr;
    QCheckBox *m_autogenerate = nullptr;
    QPushButton *m_ok = nullptr;
};

} // namespace retort
