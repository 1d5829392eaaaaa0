#include "schemapanel.h"

#include "schematreedelegate.h"
#include "schematreemodel.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QProgressBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace retort {

namespace {

/// What each of PgIntrospector's bulk queries reads, in words.
QString queryWords(const QString &query)
{
    if (query == u"meta")
        return SchemaPanel::tr("server and database");
    if (query == u"schemas")
        return SchemaPanel::tr("schemas");
    if (query == u"relations")
        return SchemaPanel::tr("tables and views");
    if (query == u"columns")
        return SchemaPanel::tr("columns");
    if (query == u"constraints")
        return SchemaPanel::tr("constraints");
    if (query == u"indexes")
        return SchemaPanel::tr("indexes");
    if (query == u"enums")
        return SchemaPanel::tr("enums");
    if (query == u"sequences")
        return SchemaPanel::tr("sequences");
    return query;
}

} // namespace

SchemaPanel::SchemaPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new SchemaTreeModel(this))
    , m_view(new QTreeView(this))
    , m_header(new QLabel(this))
    , m_status(new QLabel(this))
    , m_activity(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_composeRow(new QWidget(this))
    , m_startService(new QToolButton(m_composeRow))
    , m_composeFile(new QLabel(m_composeRow))
    , m_refresh(new QToolButton(this))
    , m_cancel(new QToolButton(this))
    , m_sources(new QComboBox(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *choose = new QHBoxLayout;
    m_sources->setObjectName(QStringLiteral("schemaSources"));
    m_sources->setToolTip(tr("The database whose schema is shown; its colour is its environment"));
    m_sources->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    choose->addWidget(m_sources, 1);
    auto *add = new QToolButton(this);
    add->setObjectName(QStringLiteral("schemaAddSource"));
    add->setText(tr("Add…"));
    add->setToolTip(tr("Add a connection to a PostgreSQL server or an SQLite file"));
    choose->addWidget(add);
    auto *discover = new QToolButton(this);
    discover->setObjectName(QStringLiteral("schemaDiscover"));
    discover->setText(tr("Find Containers"));
    discover->setToolTip(tr("Look for PostgreSQL in running Docker or podman containers"));
    choose->addWidget(discover);
    layout->addLayout(choose);
    // The project's compose file, when it has one: a row of its own, so the one above keeps its width.
    m_composeRow->setObjectName(QStringLiteral("schemaComposeRow"));
    auto *compose = new QHBoxLayout(m_composeRow);
    compose->setContentsMargins(0, 0, 0, 0);
    m_startService->setObjectName(QStringLiteral("schemaStartService"));
    m_startService->setText(tr("Start Database Service…"));
    m_startService->setPopupMode(QToolButton::InstantPopup);
    m_startService->setMenu(new QMenu(m_startService));
    compose->addWidget(m_startService);
    m_composeFile->setObjectName(QStringLiteral("schemaComposeFile"));
    m_composeFile->setTextFormat(Qt::PlainText);
    m_composeFile->setEnabled(false); // the palette's quieter text: where the services come from
    compose->addWidget(m_composeFile, 1);
    m_composeRow->hide();
    layout->addWidget(m_composeRow);
    connect(add, &QToolButton::clicked, this, &SchemaPanel::addSourceRequested);
    connect(discover, &QToolButton::clicked, this, &SchemaPanel::discoverRequested);
    connect(m_sources, &QComboBox::activated, this,
            [this](int index) { emit sourceChosen(m_sources->itemData(index).toString()); });

    auto *top = new QHBoxLayout;
    m_header->setObjectName(QStringLiteral("schemaHeader"));
    m_header->setTextFormat(Qt::PlainText);
    top->addWidget(m_header, 1);
    m_busy->setObjectName(QStringLiteral("schemaBusy"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(110);
    m_busy->setFormat(QStringLiteral("%v / %m"));
    m_busy->hide();
    top->addWidget(m_busy);
    m_cancel->setObjectName(QStringLiteral("schemaCancel"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->hide();
    top->addWidget(m_cancel);
    m_refresh->setObjectName(QStringLiteral("schemaRefresh"));
    m_refresh->setText(tr("Refresh"));
    m_refresh->setToolTip(tr("Read the database's schema again"));
    top->addWidget(m_refresh);
    layout->addLayout(top);
    m_activity->setObjectName(QStringLiteral("schemaActivity"));
    m_activity->setTextFormat(Qt::PlainText);
    m_activity->setWordWrap(true);
    m_activity->hide();
    layout->addWidget(m_activity);

    m_view->setObjectName(QStringLiteral("schemaTree"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new SchemaTreeDelegate(m_view));
    m_view->setUniformRowHeights(true);
    m_view->header()->setSectionResizeMode(SchemaTreeModel::NameColumn, QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(true);
    layout->addWidget(m_view, 1);
    m_status->setObjectName(QStringLiteral("schemaStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    connect(m_refresh, &QToolButton::clicked, this, &SchemaPanel::refreshRequested);
    connect(m_cancel, &QToolButton::clicked, this, &SchemaPanel::cancelRequested);
    clear();
}

void SchemaPanel::setSnapshot(const SchemaSnapshot &snapshot, const QString &source)
{
    m_source = source;
    m_error.clear();
    m_model->setSnapshot(snapshot);
    // Schemas open, tables closed: the touched ones open in setTouched().
    for (int row = 0; row < m_model->rowCount(); ++row)
        m_view->expand(m_model->index(row, 0));
    updateStatus();
}

void SchemaPanel::setSources(const QList<Source> &sources)
{
    const QString current = currentSource();
    m_sources->clear();
    for (const Source &source : sources) {
        QPixmap swatch(12, 12);
        swatch.fill(Qt::transparent);
        QPainter painter(&swatch);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setBrush(QColor(source.color));
        painter.setPen(Qt::NoPen);
        painter.drawEllipse(1, 1, 10, 10);
        painter.end();
        m_sources->addItem(QIcon(swatch), source.name, source.id);
    }
    setCurrentSource(current);
}

QString SchemaPanel::currentSource() const
{
    return m_sources->currentData().toString();
}

void SchemaPanel::setCurrentSource(const QString &id)
{
    const int index = m_sources->findData(id);
    if (index >= 0)
        m_sources->setCurrentIndex(index);
}

void SchemaPanel::setTouched(const QList<TouchedObject> &objects)
{
    for (const QModelIndex &index : m_model->touchedObjects())
        m_view->collapse(index);
    m_model->setTouched(objects);
    const QModelIndexList touched = m_model->touchedObjects();
    for (const QModelIndex &index : touched)
        m_view->expand(index);
    if (!touched.isEmpty())
        m_view->scrollTo(touched.constFirst(), QAbstractItemView::PositionAtTop);
    updateStatus();
}

void SchemaPanel::setBusy(bool busy)
{
    if (busy && !m_busy->isVisibleTo(this)) {
        m_busy->setRange(0, 0); // undetermined until the first query starts
        m_busy->setTextVisible(false);
    }
    m_busy->setVisible(busy);
    m_cancel->setVisible(busy);
    m_refresh->setEnabled(!busy);
    if (!busy)
        setActivity(QString());
}

void SchemaPanel::setActivity(const QString &text)
{
    m_activity->setText(text);
    m_activity->setVisible(!text.isEmpty());
}

void SchemaPanel::setProgress(int step, int total, const QString &query)
{
    m_busy->setRange(0, total);
    m_busy->setValue(step);
    m_busy->setTextVisible(true);
    m_busy->setToolTip(tr("Catalog query %1 of %2").arg(step).arg(total));
    setActivity(tr("Reading %1 (query %2 of %3)…").arg(queryWords(query)).arg(step).arg(total));
}

void SchemaPanel::setServices(const QList<Service> &services, const QString &composeFile)
{
    QMenu *menu = m_startService->menu();
    menu->clear();
    for (const Service &service : services) {
        const QString text =
            service.description.isEmpty() ? service.name : tr("%1 — %2").arg(service.name, service.description);
        QAction *action = menu->addAction(text);
        action->setObjectName(QStringLiteral("startService_") + service.name);
        const QString name = service.name;
        connect(action, &QAction::triggered, this, [this, name] { emit startServiceRequested(name); });
    }
    m_startService->setToolTip(tr("docker compose up -d a database service of %1 and show its schema")
                                   .arg(QDir::toNativeSeparators(composeFile)));
    m_composeFile->setText(QFileInfo(composeFile).fileName());
    m_composeFile->setToolTip(QDir::toNativeSeparators(composeFile));
    m_composeRow->setVisible(!services.isEmpty());
}

void SchemaPanel::setError(const QString &message)
{
    m_error = message;
    updateStatus();
}

void SchemaPanel::clear(const QString &message)
{
    m_source.clear();
    m_error = message;
    m_model->setSnapshot(SchemaSnapshot());
    updateStatus();
}

QString SchemaPanel::statusText() const
{
    return m_status->text();
}

void SchemaPanel::updateStatus()
{
    const SchemaSnapshot &snapshot = m_model->snapshot();
    m_header->setText(m_source.isEmpty() ? tr("No database") : m_source);
    if (!m_error.isEmpty()) {
        m_status->setText(m_error);
        return;
    }
    if (m_source.isEmpty()) {
        m_status->clear();
        return;
    }
    QString text = tr("%n table(s)", nullptr, int(snapshot.tables().size()));
    if (!snapshot.serverVersion().isEmpty())
        text += QStringLiteral(" · ") + snapshot.serverVersion();
    const QStringList absent = m_model->touchedButAbsent();
    if (!absent.isEmpty())
        text += QLatin1Char('\n') + tr("Not in this database yet: %1").arg(absent.join(QStringLiteral(", ")));
    m_status->setText(text);
}

} // namespace retort
