#include "jsonwriter.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace retort {

char *JsonWriter::reserveTail(qsizetype bytes)
{
    if (m_size + bytes > m_out.size())
        m_out.resize(std::max<qsizetype>({m_size + bytes, m_out.size() * 2, 4096}));
    return m_out.data() + m_size;
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

void JsonWriter::value(QStringView text)
{
    separate();
    writeString(text);
}

void JsonWriter::value(qint64 number)
{
    separate();
    char digits[24];
    const int length = std::snprintf(digits, sizeof digits, "%lld", static_cast<long long>(number));
    put(QByteArrayView(digits, length));
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
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
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
                                   && !(QChar::isHighSurrogate(c) && i + 1 < text.size()
                                        && QChar::isLowSurrogate(text[i + 1].unicode()));
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
            code = QChar::surrogateToUcs4(c, text[++i].unicode());
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
