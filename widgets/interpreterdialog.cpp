#include "interpreterdialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace retort {

InterpreterDialog::InterpreterDialog(const QList<InterpreterCandidate> &candidates, const QString &setting, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Python Interpreter"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Retort runs Alembic in this interpreter to show SQL and to create revisions. "
                                "It needs Alembic installed there."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("interpreterList"));
    auto *automatic = new QListWidgetItem(
        candidates.isEmpty() ? tr("Automatic") : tr("Automatic (now %1)").arg(candidates.constFirst().path), m_list);
    automatic->setData(Qt::UserRole, QString());
    for (const InterpreterCandidate &candidate : candidates) {
        auto *item = new QListWidgetItem(tr("%1 — %2").arg(candidate.path, candidate.sourceText()), m_list);
        item->setData(Qt::UserRole, candidate.path);
    }
    const bool listed = setting.isEmpty() || std::any_of(candidates.cbegin(), candidates.cend(), [&setting](const InterpreterCandidate &c) {
        return c.path == setting;
    });
    if (!listed) {
        auto *item = new QListWidgetItem(setting, m_list);
        item->setData(Qt::UserRole, setting);
    }
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(Qt::UserRole).toString() == setting)
            m_list->setCurrentRow(i);
    }
    layout->addWidget(m_list);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *browse = buttons->addButton(tr("&Browse…"), QDialogButtonBox::ActionRole);
    layout->addWidget(buttons);
    connect(browse, &QPushButton::clicked, this, &InterpreterDialog::browse);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &QDialog::accept);
    resize(560, 300);
}

QString InterpreterDialog::setting() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void InterpreterDialog::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a Python interpreter"), QStringLiteral("/usr/bin"));
    if (path.isEmpty())
        return;
    auto *item = new QListWidgetItem(path, m_list);
    item->setData(Qt::UserRole, path);
    m_list->setCurrentItem(item);
}

} // namespace retort
