#pragma once

#include "diagnostic.h"

#include <QTreeWidget>

namespace retort {

/// The Problems dock: the project's diagnostics (configuration, scanner, graph) with severity,
/// location and message. Activating one (double-click, Enter) with a file opens it at its line.
class ProblemsView : public QTreeWidget
{
    Q_OBJECT

public:
    enum Column { SeverityColumn, LocationColumn, MessageColumn };

    explicit ProblemsView(QWidget *parent = nullptr);

    void setDiagnostics(const Diagnostics &diagnostics);
    /// Counts by severity, for the dock title and the status bar.
    int errorCount() const { return m_errors; }
    int warningCount() const { return m_warnings; }

    /// The severity as shown to the user (translated).
    static QString severityText(Diagnostic::Severity severity);

signals:
    /// \a line is 1-based, 0 when the problem has no line.
    void openFileRequested(const QString &path, int line);

private:
    void activate(QTreeWidgetItem *item);

    int m_errors = 0;
    int m_warnings = 0;
};

} // namespace retort
