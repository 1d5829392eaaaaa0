#include "logview.h"

#include <QDateTime>

namespace retort {

LogView::LogView(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("logView"));
    setReadOnly(true);
    setMaximumBlockCount(5000); // a long session must not grow without bound
    setLineWrapMode(QPlainTextEdit::NoWrap);
}

void LogView::append(Level level, const QString &message)
{
    const QString time = QTime::currentTime().toString(QStringLiteral("HH:mm:ss"));
    QString prefix;
    switch (level) {
    case Level::Info:
        break;
    case Level::Warning:
        prefix = tr("warning: ");
        break;
    case Level::Error:
        prefix = tr("error: ");
        break;
    }
    appendPlainText(QStringLiteral("%1  %2%3").arg(time, prefix, message));
}

} // namespace retort
