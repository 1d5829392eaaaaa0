#pragma once

#include <QFrame>

class QHBoxLayout;
class QLabel;
class QPushButton;
class QToolButton;

namespace retort {

/// A non-modal message strip shown inside a page (above an editor), with optional action buttons
/// and a close button. Showing a new message replaces the previous one and its buttons.
class NotificationBar : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { Info, Warning, Error };

    explicit NotificationBar(QWidget *parent = nullptr);

    /// Shows \a message with the look of \a kind; removes the buttons of the previous message.
    void showMessage(Kind kind, const QString &message);
    /// Adds an action button to the current message; it hides the bar when clicked.
    /// \a objectName lets tests and style sheets find it.
    QPushButton *addButton(const QString &text, const QString &objectName = {});
    /// Hides the bar and removes its buttons.
    void dismiss();

    Kind kind() const { return m_kind; }
    QString message() const;

signals:
    /// The user closed the bar with its close button.
    void dismissed();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void clearButtons();

    Kind m_kind = Kind::Info;
    QLabel *m_icon = nullptr;
    QLabel *m_label = nullptr;
    QHBoxLayout *m_buttons = nullptr;
    QToolButton *m_close = nullptr;
};

} // namespace retort
