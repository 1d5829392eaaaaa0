#include "problemsview.h"

#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QStyle>

namespace retort {

namespace {

enum Role { PathRole = Qt::UserRole, LineRole };

QStyle::StandardPixmap iconFor(Diagnostic::Severity severity)
{
    switch (severity) {
    case Diagnostic::Severity::Error:
        return QStyle::SP_MessageBoxCritical;
    case Diagnostic::Severity::Warning:
        return QStyle::SP_MessageBoxWarning;
    case Diagnostic::Severity::Info:
        break;
    }
    return QStyle::SP_MessageBoxInformation;
}

} // namespace

ProblemsView::ProblemsView(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("problemsView"));
    setHeaderLabels({tr("Severity"), tr("Location"), tr("Message")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    header()->setStretchLastSection(true);
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) { activate(item); });
}

QString ProblemsView::severityText(Diagnostic::Severity severity)
{
    switch (severity) {
    case Diagnostic::Severity::Error:
        return tr("Error");
    case Diagnostic::Severity::Warning:
        return tr("Warning");
    case Diagnostic::Severity::Info:
        break;
    }
    return tr("Info");
}

void ProblemsView::setDiagnostics(const Diagnostics &diagnostics)
{
    clear();
    m_errors = 0;
    m_warnings = 0;
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    setIconSize(QSize(iconSize, iconSize));
    QList<QTreeWidgetItem *> items;
    items.reserve(diagnostics.size());
    for (const Diagnostic &d : diagnostics) {
        m_errors += d.severity == Diagnostic::Severity::Error;
        m_warnings += d.severity == Diagnostic::Severity::Warning;
        // The file name is what a reader scans for; the full path is in the tooltip.
        const QString name = d.path.isEmpty() ? QString() : QFileInfo(d.path).fileName();
        const QString location = d.line > 0 ? tr("%1:%2").arg(name).arg(d.line) : name;
        auto *item = new QTreeWidgetItem({severityText(d.severity), location, d.message});
        item->setIcon(SeverityColumn, style()->standardIcon(iconFor(d.severity), nullptr, this));
        item->setToolTip(LocationColumn, QDir::toNativeSeparators(d.path));
        item->setToolTip(MessageColumn, d.message);
        item->setData(0, PathRole, d.path);
        item->setData(0, LineRole, d.line);
        items.append(item);
    }
    addTopLevelItems(items);
    resizeColumnToContents(SeverityColumn);
    resizeColumnToContents(LocationColumn);
}

void ProblemsView::activate(QTreeWidgetItem *item)
{
    if (!item)
        return;
    const QString path = item->data(0, PathRole).toString();
    if (path.isEmpty() || !QFileInfo(path).isFile())
        return; // a folder or a project-wide problem: nothing to open
    emit openFileRequested(path, item->data(0, LineRole).toInt());
}

} // namespace retort
