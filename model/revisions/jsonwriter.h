#pragma once

#include <QByteArray>
#include <QLatin1StringView>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <functional>

namespace retort {

/// A minimal streaming JSON writer (compact, UTF-8) for large outputs where building a
/// QJsonObject tree first would dominate the run time. The caller writes well-formed structure;
/// commas are inserted automatically.
///
/// The text is collected for take(), or, given a sink, handed to it in pieces of about
/// kChunkSize bytes as it is written (and the rest by flush()): then a large document never
/// exists as a whole, and its few hundred kilobytes of buffer stay in the cache.
class JsonWriter
{
public:
    using Sink = std::function<void(QByteArrayView)>;
    static constexpr qsizetype kChunkSize = 128 * 1024;

    JsonWriter() = default;
    explicit JsonWriter(Sink sink)
        : m_sink(std::move(sink))
    {
    }

    /// A key written in the source as a string literal: `json.key("name")`. Checked when compiling
    /// to need no escaping (printable ASCII, no quote or backslash), so writing it is one copy.
    struct Key
    {
        template<std::size_t N>
        consteval Key(const char (&literal)[N])
            : text(literal)
            , size(qsizetype(N) - 1)
        {
            for (std::size_t i = 0; i + 1 < N; ++i)
                if (literal[i] < 0x20 || literal[i] >= 0x7F || literal[i] == '"' || literal[i] == '\\')
                    throw "a JsonWriter::Key literal must be printable ASCII without quotes or backslashes";
        }
        const char *text;
        qsizetype size;
    };

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    void key(QStringView name);
    /// A key given as Latin-1 text, such as a literal: `json.key("name"_L1)`. Plain ASCII (the
    /// usual case) is copied without going through the escaping.
    void key(QLatin1StringView name);
    void key(Key name);
    void value(QStringView text);
    void value(qint64 number);
    void value(bool flag);
    void value(const QStringList &strings);
    /// What `fragment` (a writer without a sink) wrote, as the next elements of the array (or
    /// members of the object) being written here; lets parts of a long array be written
    /// separately, on other threads.
    void append(const JsonWriter &fragment);
    /// With a sink: hands it what is written and not yet handed over.
    void flush();

    QByteArray take()
    {
        m_out.truncate(m_size);
        m_size = 0;
        m_data = nullptr;
        m_room = 0;
        return std::move(m_out);
    }

private:
    void separate();
    void writeString(QStringView text);
    /// Room for `bytes` more at the end; returns where they go. Grows the buffer geometrically,
    /// so a writer of many small pieces does not resize it for each.
    char *reserveTail(qsizetype bytes)
    {
        // Inline: called for every piece written. Only a full chunk or buffer goes out of line.
        if (m_size + bytes <= m_room) [[likely]]
            return m_data + m_size;
        return makeRoom(bytes);
    }
    char *makeRoom(qsizetype bytes);
    void put(char c) { *reserveTail(1) = c, ++m_size; }
    void put(QByteArrayView bytes);

    Sink m_sink;
    QByteArray m_out; ///< [0, m_size) is written; the rest is spare room
    char *m_data = nullptr; ///< m_out's bytes (QByteArray::data() checks for sharing on every call)
    qsizetype m_size = 0;
    qsizetype m_room = 0; ///< reserveTail() may hand out bytes up to here without a flush or growth
    bool m_needComma = false;
};

} // namespace retort
