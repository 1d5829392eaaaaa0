#include "notificationbar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace retort {

namespace {

QColor mixed(const QColor &a, const QColor &b, qreal ratio)
{
    return QColor::fromRgbF(float(a.redF() * (1 - ratio) + b.redF() * ratio),
                            float(a.greenF() * (1 - ratio) + b.greenF() * ratio),
                            float(a.blueF() * (1 - ratio) + b.blueF() * ratio));
}

} // namespace

NotificationBar::NotificationBar(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("notificationBar"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    m_icon = new QLabel(this);
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("notificationMessage"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_buttons = new QHBoxLayout;
    m_close = new QToolButton(this);
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Close this message"));
    connect(m_close, &QToolButton::clicked, this, [this] {
        dismiss();
        emit dismissed();
    });
    layout->addWidget(m_icon);
    layout->addWidget(m_label, 1);
    layout->addLayout(m_buttons);
    layout->addWidget(m_close);
    hide();
}

void NotificationBar::showMessage(Kind kind, const QString &message)
{
    clearButtons();
    m_kind = kind;
    m_label->setText(message);
    const QStyle::StandardPixmap icon = kind == Kind::Error     ? QStyle::SP_MessageBoxCritical
                                        : kind == Kind::Warning ? QStyle::SP_MessageBoxWarning
                                                                : QStyle::SP_MessageBoxInformation;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(size, size));
    update();
    show();
}

QPushButton *NotificationBar::addButton(const QString &text, const QString &objectName)
{
    auto *button = new QPushButton(text, this);
    if (!objectName.isEmpty())
        button->setObjectName(objectName);
    m_buttons->addWidget(button);
    connect(button, &QPushButton::clicked, this, &NotificationBar::hide);
    return button;
}

void NotificationBar::dismiss()
{
    clearButtons();
    hide();
}

QString NotificationBar::message() const
{
    return m_label->text();
}

void NotificationBar::clearButtons()
{
    // deleteLater: this may run inside the clicked() of one of these buttons
    while (QLayoutItem *item = m_buttons->takeAt(0)) {
        item->widget()->hide();
        item->widget()->deleteLater();
        delete item;
    }
}

void NotificationBar::paintEvent(QPaintEvent *)
{
    // A tint of the window colour, so the bar reads well on light and dark palettes alike.
    const QColor tint = m_kind == Kind::Error     ? QColor(0xd0, 0x30, 0x30)
                        : m_kind == Kind::Warning ? QColor(0xe0, 0xa0, 0x20)
                                                  : QColor(0x30, 0x80, 0xd0);
    QPainter painter(this);
    painter.fillRect(rect(), mixed(palette().color(QPalette::Window), tint, 0.16));
    painter.setPen(mixed(palette().color(QPalette::Window), tint, 0.6));
    painter.drawLine(rect().bottomLeft(), rect().bottomRight());
}

} // namespace retort
