#include "newrevisiondialog.h"

#include "revisiongraph.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>

namespace retort {

NewRevisionDialog::NewRevisionDialog(const RevisionGraph &graph, const QString &selected, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("New Revision"));
    auto *form = new QFormLayout(this);
    m_message = new QLineEdit(this);
    m_message->setObjectName(QStringLiteral("messageEdit"));
    form->addRow(tr("&Message:"), m_message);
    m_parent = new QComboBox(this);
    m_parent->setObjectName(QStringLiteral("parentCombo"));
    const QStringList heads = graph.heads();
    for (const QString &head : heads)
        m_parent->addItem(tr("%1 (head)").arg(head), head);
    if (heads.isEmpty())
        m_parent->addItem(tr("base (first revision)"), QStringLiteral("head"));
    if (!selected.isEmpty() && !heads.contains(selected) && graph.revision(selected))
        m_parent->addItem(tr("%1 (starts a branch)").arg(selected), selected);
    const int current = m_parent->findData(selected);
    m_parent->setCurrentIndex(current >= 0 ? current : 0);
    form->addRow(tr("&Parent:"), m_parent);
    m_splice = new QCheckBox(tr("&Splice: allow a parent that is not a head"), this);
    m_splice->setObjectName(QStringLiteral("spliceCheck"));
    form->addRow(QString(), m_splice);
    m_label = new QLineEdit(this);
    m_label->setObjectName(QStringLiteral("branchLabelEdit"));
    m_label->setPlaceholderText(tr("optional"));
    form->addRow(tr("&Branch label:"), m_label);
    m_autogenerate = new QCheckBox(tr("&Autogenerate from the database (env.py must reach it)"), this);
    m_autogenerate->setObjectName(QStringLiteral("autogenerateCheck"));
    form->addRow(QString(), m_autogenerate);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Create"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_message, &QLineEdit::textChanged, this, &NewRevisionDialog::updateOk);
    connect(m_parent, &QComboBox::currentIndexChanged, this, [this, heads] {
        // A parent that is not a head makes a branch: Alembic insists on --splice for it.
        const bool needsSplice = !heads.contains(m_parent->currentData().toString())
                                 && m_parent->currentData().toString() != u"head";
        m_splice->setChecked(needsSplice);
        updateOk();
    });
    connect(m_splice, &QCheckBox::toggled, this, &NewRevisionDialog::updateOk);
    m_splice->setChecked(!heads.contains(m_parent->currentData().toString()) && m_parent->currentData().toString() != u"head");
    updateOk();
}

QJsonObject NewRevisionDialog::params() const
{
    QJsonObject params{{QStringLiteral("message"), m_message->text().trimmed()},
                       {QStringLiteral("head"), m_parent->currentData().toString()},
                       {QStringLiteral("splice"), m_splice->isChecked()},
                       {QStringLiteral("autogenerate"), m_autogenerate->isChecked()}};
    if (!m_label->text().trimmed().isEmpty())
        params.insert(QStringLiteral("branch_label"), m_label->text().trimmed());
    return params;
}

void NewRevisionDialog::updateOk()
{
    m_ok->setEnabled(!m_message->text().trimmed().isEmpty());
}

} // namespace retort
