#pragma once

#include "httpresponse.h"

#include <QString>

namespace retort {

/// Reads an HTTP/1.1 response from bytes as they arrive: status line, headers, then a body
/// delimited by Content-Length, chunked transfer encoding or the end of the connection.
/// Interim 1xx responses are skipped.
class HttpResponseParser
{
public:
    enum class State { Incomplete, Complete, Error };

    /// Appends \a bytes; the state after them.
    State feed(const QByteArray &bytes);
    /// The peer closed the connection: a body read to the end is complete, anything else short.
    State finish();

    State state() const { return m_state; }
    const HttpResponse &response() const { return m_response; }
    /// Why the response could not be read (State::Error).
    QString error() const { return m_error; }

    /// Parses a whole response (what feed() + finish() give).
    static State parse(const QByteArray &bytes, bool atEnd, HttpResponse *response, QString *error);

private:
    QByteArray m_buffer;
    HttpResponse m_response;
    QString m_error;
    State m_state = State::Incomplete;
};

} // namespace retort
