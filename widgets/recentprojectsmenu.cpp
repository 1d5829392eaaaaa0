#include "recentprojectsmenu.h"

#include <QDir>

namespace retort {

RecentProjectsMenu::RecentProjectsMenu(QWidget *parent)
    : QMenu(tr("Open &Recent"), parent)
{
    setObjectName(QStringLiteral("recentProjectsMenu"));
    setProjects({});
}

void RecentProjectsMenu::setProjects(const QStringList &paths)
{
    clear();
    for (qsizetype i = 0; i < paths.size(); ++i) {
        const QString &path = paths[i];
        // &1 … &9 as accelerators for the first entries; the full path in the text and tooltip.
        const QString text = i < 9 ? QStringLiteral("&%1 %2").arg(i + 1).arg(QDir::toNativeSeparators(path))
                                   : QDir::toNativeSeparators(path);
        QAction *action = addAction(text);
        action->setData(path);
        action->setToolTip(path);
        connect(action, &QAction::triggered, this, [this, path] { emit projectChosen(path); });
    }
    if (!paths.isEmpty())
        addSeparator();
    QAction *clearAction = addAction(tr("&Clear List"));
    clearAction->setEnabled(!paths.isEmpty());
    connect(clearAction, &QAction::triggered, this, &RecentProjectsMenu::clearRequested);
    setEnabled(true);
}

} // namespace retort
