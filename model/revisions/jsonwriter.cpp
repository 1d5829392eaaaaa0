#include "jsonwriter.h"

#include <algorithm>
#include <charconv>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace retort {

char *JsonWriter::makeRoom(qsizetype bytes)
{
    // Everything before m_size is complete text, so this is a place to hand a full chunk over.
    if (m_sink && m_size + bytes > kChunkSize && m_size > 0)
        flush();
    if (m_size + bytes > m_out.size())
        m_out.resize(std::max<qsizetype>({m_size + bytes, m_out.size() * 2, 4096}));
    m_data = m_out.data();
    m_room = m_sink ? std::max(std::min(m_out.size(), kChunkSize), m_size + bytes) : m_out.size();
    return m_data + m_size;
}

void JsonWriter::put(QByteArrayView bytes)
{
    std::memcpy(reserveTail(bytes.size()), bytes.data(), size_t(bytes.size()));
    m_size += bytes.size();
}

void JsonWriter::separate()
{
    if (m_needComma)
        put(',');
    m_needComma = true;
}

void JsonWriter::beginObject()
{
    separate();
    put('{');
    m_needComma = false;
}

void JsonWriter::endObject()
{
    put('}');
    m_needComma = true;
}

void JsonWriter::beginArray()
{
    separate();
    put('[');
    m_needComma = false;
}

void JsonWriter::endArray()
{
    put(']');
    m_needComma = true;
}

void JsonWriter::key(QStringView name)
{
    separate();
    writeString(name);
    put(':');
    m_needComma = false;
}

void JsonWriter::key(QLatin1StringView name)
{
    const bool plain = std::all_of(name.begin(), name.end(), [](char c) {
        return uchar(c) >= 0x20 && uchar(c) < 0x80 && c != '"' && c != '\\';
    });
    if (!plain) {
        key(QStringView(QString(name)));
        return;
    }
    separate();
    char *out = reserveTail(name.size() + 3);
    *out++ = '"';
    std::memcpy(out, name.data(), size_t(name.size()));
    out += name.size();
    *out++ = '"';
    *out = ':';
    m_size += name.size() + 3;
    m_needComma = false;
}

void JsonWriter::key(Key name)
{
    separate();
    char *out = reserveTail(name.size + 3);
    *out++ = '"';
    std::memcpy(out, name.text, size_t(name.size));
    out += name.size;
    *out++ = '"';
    *out = ':';
    m_size += name.size + 3;
    m_needComma = false;
}

void JsonWriter::append(const JsonWriter &fragment)
{
    if (fragment.m_size == 0)
        return;
    separate();
    const QByteArrayView text(fragment.m_out.constData(), fragment.m_size);
    if (m_sink) { // straight through, not copied into this writer's buffer first
        flush();
        m_sink(text);
        return;
    }
    put(text);
}

void JsonWriter::flush()
{
    if (!m_sink || m_size == 0)
        return;
    m_sink(QByteArrayView(m_out.constData(), m_size));
    m_size = 0;
}

void JsonWriter::value(QStringView text)
{
    separate();
    writeString(text);
}

void JsonWriter::value(qint64 number)
{
    separate();
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
    put(QByteArrayView(digits, end - digits));
}

void JsonWriter::value(bool flag)
{
    separate();
    put(flag ? QByteArrayView("true") : QByteArrayView("false"));
}

void JsonWriter::value(const QStringList &strings)
{
    beginArray();
    for (const QString &s : strings)
        value(QStringView(s));
    endArray();
}

void JsonWriter::writeString(QStringView text)
{
    static const char hex[] = "0123456789abcdef";
    // Worst case 6 bytes per UTF-16 unit (\u00XX); written through a raw pointer, trimmed after.
    char *const start = reserveTail(text.size() * 6 + 2);
    char *out = start;
    *out++ = '"';
    const char16_t *const units = text.utf16();
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
#if defined(__SSE2__)
        // Ids, paths and most messages are plain ASCII: eight UTF-16 units at a time are checked
        // (0x20 <= unit < 0x80, not '"' or '\\'; as signed 16-bit numbers, so units from 0x8000
        // fail the first test) and narrowed to bytes. Anything else takes the loop below.
        while (size - i >= 8) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(units + i));
            const __m128i plain = _mm_andnot_si128(
                _mm_or_si128(_mm_cmpeq_epi16(v, _mm_set1_epi16('"')), _mm_cmpeq_epi16(v, _mm_set1_epi16('\\'))),
                _mm_and_si128(_mm_cmpgt_epi16(v, _mm_set1_epi16(0x1F)), _mm_cmplt_epi16(v, _mm_set1_epi16(0x80))));
            if (_mm_movemask_epi8(plain) != 0xFFFF)
                break;
            _mm_storel_epi64(reinterpret_cast<__m128i *>(out), _mm_packus_epi16(v, v));
            out += 8;
            i += 8;
        }
        if (i == size)
            break;
#endif
        const char16_t c = units[i];
        if (c >= 0x20 && c < 0x80 && c != u'"' && c != u'\\') {
            *out++ = char(c);
            continue;
        }
        const auto escape = [&out](char e) {
            *out++ = '\\';
            *out++ = e;
        };
        switch (c) {
        case u'"': escape('"'); continue;
        case u'\\': escape('\\'); continue;
        case u'\n': escape('n'); continue;
        case u'\r': escape('r'); continue;
        case u'\t': escape('t'); continue;
        case u'\b': escape('b'); continue;
        case u'\f': escape('f'); continue;
        default:
            break;
        }
        const bool loneSurrogate = QChar::isSurrogate(c)
                                   && !(QChar::isHighSurrogate(c) && i + 1 < size && QChar::isLowSurrogate(units[i + 1]));
        if (c < 0x20 || loneSurrogate) { // as QJsonDocument writes them
            escape('u');
            if (loneSurrogate) {
                *out++ = hex[(c >> 12) & 0xF];
                *out++ = hex[(c >> 8) & 0xF];
                *out++ = hex[(c >> 4) & 0xF];
                *out++ = hex[c & 0xF];
                continue;
            }
            *out++ = '0';
            *out++ = '0';
            *out++ = hex[(c >> 4) & 0xF];
            *out++ = hex[c & 0xF];
            continue;
        }
        // Non-ASCII: UTF-8, a surrogate pair as one code point.
        char32_t code = c;
        if (QChar::isHighSurrogate(c))
            code = QChar::surrogateToUcs4(c, units[++i]);
        if (code < 0x800) {
            *out++ = char(0xC0 | (code >> 6));
        } else if (code < 0x10000) {
            *out++ = char(0xE0 | (code >> 12));
            *out++ = char(0x80 | ((code >> 6) & 0x3F));
        } else {
            *out++ = char(0xF0 | (code >> 18));
            *out++ = char(0x80 | ((code >> 12) & 0x3F));
            *out++ = char(0x80 | ((code >> 6) & 0x3F));
        }
        *out++ = char(0x80 | (code & 0x3F));
    }
    *out++ = '"';
    m_size += out - start;
}

} // namespace retort
