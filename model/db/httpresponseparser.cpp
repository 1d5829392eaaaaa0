#include "httpresponseparser.h"

namespace retort {

namespace {

using State = HttpResponseParser::State;

State fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return State::Error;
}

/// Decodes a chunked body starting at \a pos; Incomplete until the last chunk and trailers are in.
State dechunk(const QByteArray &bytes, qsizetype pos, QByteArray *body, QString *error)
{
    body->clear();
    for (;;) {
        const qsizetype lineEnd = bytes.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return State::Incomplete;
        QByteArray sizeText = bytes.mid(pos, lineEnd - pos);
        if (const qsizetype semicolon = sizeText.indexOf(';'); semicolon >= 0)
            sizeText.truncate(semicolon); // chunk extensions
        bool ok = false;
        const qlonglong size = sizeText.trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0)
            return fail(error, QStringLiteral("bad chunk size “%1”").arg(QString::fromLatin1(sizeText.left(40))));
        pos = lineEnd + 2;
        if (size == 0) {
            // Optional trailers, then an empty line.
            if (bytes.mid(pos, 2) == "\r\n")
                return State::Complete;
            if (bytes.size() - pos < 2)
                return State::Incomplete;
            return bytes.indexOf("\r\n\r\n", pos) >= 0 ? State::Complete : State::Incomplete;
        }
        if (bytes.size() - pos < size + 2)
            return State::Incomplete;
        if (bytes.mid(pos + size, 2) != "\r\n")
            return fail(error, QStringLiteral("a chunk does not end where its size says"));
        body->append(bytes.constData() + pos, size);
        pos += size + 2;
    }
}

} // namespace

HttpResponseParser::State HttpResponseParser::parse(const QByteArray &bytes, bool atEnd, HttpResponse *response,
                                                    QString *error)
{
    qsizetype start = 0;
    for (;;) {
        const qsizetype headerEnd = bytes.indexOf("\r\n\r\n", start);
        if (headerEnd < 0) {
            if (atEnd)
                return fail(error, bytes.size() == start ? QStringLiteral("the connection closed without an answer")
                                                         : QStringLiteral("the connection closed inside the headers"));
            return State::Incomplete;
        }
        const QList<QByteArray> lines = bytes.mid(start, headerEnd - start).split('\n');
        const QByteArray statusLine = lines.first().trimmed();
        // HTTP/1.1 200 OK
        const QList<QByteArray> parts = statusLine.split(' ');
        bool ok = false;
        const int status = parts.size() >= 2 ? parts[1].toInt(&ok) : 0;
        if (!statusLine.startsWith("HTTP/1.") || !ok || status < 100 || status > 999)
            return fail(error,
                        QStringLiteral("not an HTTP response: “%1”").arg(QString::fromLatin1(statusLine.left(80))));
        HttpResponse r;
        r.status = status;
        const qsizetype secondSpace = statusLine.indexOf(' ', statusLine.indexOf(' ') + 1);
        r.reason = secondSpace < 0 ? QByteArray() : statusLine.mid(secondSpace + 1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                return fail(error,
                            QStringLiteral("a malformed header line: “%1”").arg(QString::fromLatin1(line.left(80))));
            r.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
        }
        const qsizetype bodyStart = headerEnd + 4;
        if (status >= 100 && status < 200) { // 100 Continue and friends: the real answer follows
            start = bodyStart;
            continue;
        }
        State state = State::Complete;
        if (r.header("Transfer-Encoding").toLower().contains("chunked")) {
            state = dechunk(bytes, bodyStart, &r.body, error);
        } else if (const QByteArray length = r.header("Content-Length"); !length.isEmpty()) {
            const qlonglong size = length.toLongLong(&ok);
            if (!ok || size < 0)
                return fail(error, QStringLiteral("a bad Content-Length: “%1”").arg(QString::fromLatin1(length)));
            if (bytes.size() - bodyStart < size)
                state = State::Incomplete;
            else
                r.body = bytes.mid(bodyStart, size);
        } else if (status == 204 || status == 304) {
            // no body
        } else {
            r.body = bytes.mid(bodyStart); // until the connection closes
            state = atEnd ? State::Complete : State::Incomplete;
        }
        if (state == State::Incomplete && atEnd)
            return fail(error, QStringLiteral("the connection closed before the whole answer arrived"));
        if (state == State::Complete && response)
            *response = std::move(r);
        return state;
    }
}

HttpResponseParser::State HttpResponseParser::feed(const QByteArray &bytes)
{
    if (m_state != State::Incomplete)
        return m_state;
    m_buffer += bytes;
    m_state = parse(m_buffer, false, &m_response, &m_error);
    return m_state;
}

HttpResponseParser::State HttpResponseParser::finish()
{
    if (m_state != State::Incomplete)
        return m_state;
    m_state = parse(m_buffer, true, &m_response, &m_error);
    return m_state;
}

} // namespace retort
