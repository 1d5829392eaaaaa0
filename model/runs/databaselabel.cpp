#include "databaselabel.h"

#include <QRegularExpression>
#include <QUrl>

namespace retort {

QString databaseLabel(const QString &url)
{
    const QString text = url.trimmed();
    if (text.contains(QLatin1String("://"))) {
        QUrl parsed(text, QUrl::TolerantMode);
        if (parsed.isValid()) {
            parsed.setPassword(QString());
            QString shown = parsed.toString(QUrl::RemovePassword);
            // A password may also hide in the query (?password=...).
            static const QRegularExpression queryPassword(QStringLiteral("([?&]password=)[^&]*"),
                                                          QRegularExpression::CaseInsensitiveOption);
            shown.replace(queryPassword, QStringLiteral("\\1***"));
            return shown;
        }
        static const QRegularExpression userInfo(QStringLiteral("^([a-z0-9+.-]+://[^:/@]*):[^@]*@"),
                                                 QRegularExpression::CaseInsensitiveOption);
        QString shown = text;
        return shown.replace(userInfo, QStringLiteral("\\1@"));
    }
    // key=value: password='quoted value' or password=word
    static const QRegularExpression keyValue(QStringLiteral("(\\bpassword\\s*=\\s*)('(?:[^'\\\\]|\\\\.)*'|\\S+)"),
                                             QRegularExpression::CaseInsensitiveOption);
    QString shown = text;
    return shown.replace(keyValue, QStringLiteral("\\1***"));
}

} // namespace retort
