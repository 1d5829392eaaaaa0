#include "mergeheadsdialog.h"

#include "revisiongraph.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace retort {

MergeHeadsDialog::MergeHeadsDialog(const RevisionGraph &graph, const QStringList &preselected, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Merge Heads"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Alembic writes a merge revision whose parents are the checked heads."), this));
    m_heads = new QListWidget(this);
    m_heads->setObjectName(QStringLiteral("headList"));
    const QStringList heads = graph.heads();
    // A selection of two or more heads is the merge the user means; otherwise offer all heads.
    const auto selectedHeads = std::count_if(preselected.cbegin(), preselected.cend(),
                                             [&heads](const QString &id) { return heads.contains(id); });
    const bool anyPreselected = selectedHeads >= 2;
    for (const QString &head : heads) {
        const Revision *revision = graph.revision(head);
        auto *item = new QListWidgetItem(revision && !revision->message.isEmpty()
                                             ? tr("%1  %2").arg(head, revision->message.section(QLatin1Char('\n'), 0, 0))
                                             : head,
                                         m_heads);
        item->setData(Qt::UserRole, head);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(!anyPreselected || preselected.contains(head) ? Qt::Checked : Qt::Unchecked);
    }
    layout->addWidget(m_heads);
    auto *form = new QFormLayout;
    m_message = new QLineEdit(this);
    m_message->setObjectName(QStringLiteral("messageEdit"));
    m_message->setText(tr("merge heads"));
    m_message->selectAll();
    form->addRow(tr("&Message:"), m_message);
    m_label = new QLineEdit(this);
    m_label->setObjectName(QStringLiteral("branchLabelEdit"));
    m_label->setPlaceholderText(tr("optional"));
    form->addRow(tr("&Branch label:"), m_label);
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Merge"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_heads, &QListWidget::itemChanged, this, &MergeHeadsDialog::updateOk);
    connect(m_message, &QLineEdit::textChanged, this, &MergeHeadsDialog::updateOk);
    updateOk();
}

QStringList MergeHeadsDialog::revisions() const
{
    QStringList list;
    for (int i = 0; i < m_heads->count(); ++i) {
        if (m_heads->item(i)->checkState() == Qt::Checked)
            list.append(m_heads->item(i)->data(Qt::UserRole).toString());
    }
    return list;
}

QString MergeHeadsDialog::message() const
{
    return m_message->text().trimmed();
}

QString MergeHeadsDialog::branchLabel() const
{
    return m_label->text().trimmed();
}

void MergeHeadsDialog::updateOk()
{
    const bool enough = revisions().size() >= 2;
    m_ok->setEnabled(enough && !message().isEmpty());
    m_ok->setToolTip(enough ? QString() : tr("Check at least two heads"));
}

} // namespace retort
