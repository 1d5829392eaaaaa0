#include "revisionfilelist.h"

#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QMap>

#include <algorithm>

namespace retort {

namespace {

enum Role { PathRole = Qt::UserRole, LineRole };

} // namespace

RevisionFileList::RevisionFileList(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("revisionFileList"));
    setHeaderLabels({tr("File"), tr("Revision"), tr("Message")});
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    header()->setStretchLastSection(true);
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString path = item ? item->data(0, PathRole).toString() : QString();
        if (!path.isEmpty())
            emit openFileRequested(path, item->data(0, LineRole).toInt());
    });
}

void RevisionFileList::setGraph(const RevisionGraph &graph)
{
    m_graph = graph;
    m_stale = true;
    if (m_active)
        rebuild();
}

void RevisionFileList::setActive(bool active)
{
    m_active = active;
    if (m_active && m_stale)
        rebuild();
}

void RevisionFileList::rebuild()
{
    m_stale = false;
    clear();
    QList<Revision> revisions = m_graph.revisions();
    std::sort(revisions.begin(), revisions.end(),
              [](const Revision &a, const Revision &b) { return a.path < b.path; });
    QMap<QString, QList<const Revision *>> byFolder;
    for (const Revision &revision : std::as_const(revisions))
        byFolder[QFileInfo(revision.path).absolutePath()].append(&revision);

    const bool grouped = byFolder.size() > 1;
    setRootIsDecorated(grouped);
    QList<QTreeWidgetItem *> top;
    for (auto it = byFolder.cbegin(); it != byFolder.cend(); ++it) {
        QTreeWidgetItem *folder = nullptr;
        if (grouped) {
            folder = new QTreeWidgetItem({QDir::toNativeSeparators(it.key())});
            folder->setFirstColumnSpanned(true);
            folder->setFlags(Qt::ItemIsEnabled);
            top.append(folder);
        }
        for (const Revision *revision : it.value()) {
            auto *item = new QTreeWidgetItem({QFileInfo(revision->path).fileName(), revision->id, revision->message});
            item->setData(0, PathRole, revision->path);
            item->setData(0, LineRole, revision->line);
            item->setToolTip(FileColumn, QDir::toNativeSeparators(revision->path));
            item->setToolTip(MessageColumn, revision->message);
            if (folder)
                folder->addChild(item);
            else
                top.append(item);
        }
    }
    addTopLevelItems(top);
    for (QTreeWidgetItem *item : std::as_const(top))
        item->setExpanded(true);
    resizeColumnToContents(FileColumn);
    resizeColumnToContents(RevisionColumn);
    setCurrentPath(m_currentPath);
}

void RevisionFileList::setCurrentPath(const QString &path)
{
    if (path.isEmpty())
        return;
    const QString clean = QDir::cleanPath(path);
    m_currentPath = clean;
    if (m_stale)
        return; // applied by rebuild()
    for (QTreeWidgetItemIterator it(this); *it; ++it) {
        if ((*it)->data(0, PathRole).toString() == clean) {
            setCurrentItem(*it);
            scrollToItem(*it);
            return;
        }
    }
}

QStringList RevisionFileList::paths()
{
    if (m_stale)
        rebuild();
    QStringList list;
    for (int i = 0; i < topLevelItemCount(); ++i) {
        const QTreeWidgetItem *top = topLevelItem(i);
        if (top->childCount() == 0)
            list.append(top->data(0, PathRole).toString());
        for (int j = 0; j < top->childCount(); ++j)
            list.append(top->child(j)->data(0, PathRole).toString());
    }
    return list;
}

} // namespace retort
