#pragma once

#include "migrationrunner.h"
#include "runplan.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QTreeWidget;

namespace retort {

class SqlView;

/// What a run will do, shown before anything runs: each step with its direction, revision, message
/// and offline SQL, the destructive operations it contains, the run's options (one step at a time,
/// lock and statement timeouts), and for a production database the typed database name that
/// unlocks Run. The SQL arrives later (setStepSql) and the warnings follow it.
class RunPlanDialog : public QDialog
{
    Q_OBJECT

public:
    /// Where the run goes, as the dialog shows it.
    struct Destination
    {
        QString label;       ///< the database without its password
        QString databaseName; ///< what a production run asks to type
        QString environment; ///< local, dev, staging, production
        QString color;       ///< the environment's colour
    };

    RunPlanDialog(const RunPlan &plan, const Destination &destination, QWidget *parent = nullptr);

    /// The offline SQL of step \a index (or why there is none).
    void setStepSql(int index, const QString &sql, const QString &error = QString());
    /// The options the user chose.
    MigrationRunner::Options options() const;
    /// Every destructive operation found so far, in words, step by step.
    QStringList warnings() const;
    /// The steps whose SQL Alembic could not write, and downgrades that undo nothing (StepConcern).
    QStringList concerns() const;

    QTreeWidget *stepList() const { return m_steps; }
    QLineEdit *confirmation() const { return m_confirmation; }
    QPushButton *runButton() const;
    QCheckBox *oneStepAtATime() const { return m_oneStep; }
    QLineEdit *lockTimeout() const { return m_lockTimeout; }
    QLineEdit *statementTimeout() const { return m_statementTimeout; }

private:
    void showStep(int index);
    void updateWarnings();
    void updateRunButton();

    RunPlan m_plan;
    Destination m_destination;
    QHash<int, QString> m_sql;
    QHash<int, QString> m_sqlErrors;
    QTreeWidget *m_steps = nullptr;
    SqlView *m_sqlView = nullptr;
    QLabel *m_warnings = nullptr;
    QCheckBox *m_oneStep = nullptr;
    QLineEdit *m_lockTimeout = nullptr;
    QLineEdit *m_statementTimeout = nullptr;
    QLineEdit *m_confirmation = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace retort
