#include "schemapanel.h"

#include "schematreedelegate.h"
#include "schematreemodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QPainter>
#include <QPixmap>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace retort {

SchemaPanel::SchemaPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new SchemaTreeModel(this))
    , m_view(new QTreeView(this))
    , m_header(new QLabel(this))
    , m_status(new QLabel(this))
    , m_busy(new QProgressBar(this))
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
    connect(add, &QToolButton::clicked, this, &SchemaPanel::addSourceRequested);
    connect(discover, &QToolButton::clicked, this, &SchemaPanel::discoverRequested);
    connect(m_sources, &QComboBox::activated, this, [this](int index) { emit sourceChosen(m_sources->itemData(index).toString()); });

    auto *top = new QHBoxLayout;
    m_header->setObjectName(QStringLiteral("schemaHeader"));
    m_header->setTextFormat(Qt::PlainText);
    top->addWidget(m_header, 1);
    m_busy->setObjectName(QStringLiteral("schemaBusy"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(80);
    m_busy->setTextVisible(false);
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
    m_busy->setVisible(busy);
    m_cancel->setVisible(busy);
    m_refresh->setEnabled(!busy);
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
