#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace retort {

/// One HTTP/1.1 response as read from a socket: status, headers (in order), body (de-chunked).
struct HttpResponse
{
    int status = 0;
    QByteArray reason;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    /// The first header named \a name (case-insensitive), trimmed; empty when absent.
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

} // namespace retort
