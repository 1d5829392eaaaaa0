#include "abouttext.h"

#include <QCoreApplication>
#include <Qsci/qsciglobal.h>
#include <pqxx/version>

namespace retort {

QString retortAboutText()
{
    const auto row = [](const QString &component, const QString &version) {
        return QStringLiteral("<tr><td>%1&nbsp;&nbsp;</td><td>%2</td></tr>").arg(component, version.toHtmlEscaped());
    };

    // Qt is a shared library: the one loaded at run time may be newer than the one built against.
    const QString qtRunTime = QString::fromLatin1(qVersion());
    const QString qtBuildTime = QStringLiteral(QT_VERSION_STR);
    const QString qt =
        qtRunTime == qtBuildTime
            ? qtRunTime
            : QCoreApplication::translate("retort::AboutText", "%1 (built with %2)").arg(qtRunTime, qtBuildTime);

    return QStringLiteral("<h3>Retort %1</h3><p>%2</p><table>")
               .arg(QStringLiteral(RETORT_VERSION).toHtmlEscaped(),
                    QCoreApplication::translate("retort::AboutText", "A workbench for Alembic database migrations.")) +
           row(QStringLiteral("Qt"), qt) + row(QStringLiteral("QScintilla"), QStringLiteral(QSCINTILLA_VERSION_STR)) +
           row(QStringLiteral("libpqxx"), QStringLiteral(PQXX_VERSION)) + QStringLiteral("</table>");
}

} // namespace retort
