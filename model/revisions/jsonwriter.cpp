#include "jsonwriter.h"

namespace retort {

void JsonWriter::separate()
{
    if (m_needComma)
        m_out += ',';
    m_needComma = true;
}

void JsonWriter::beginObject()
{
    separate();
    m_out += '{';
    m_needComma = false;
}

void JsonWriter::endObject()
{
    m_out += '}';
    m_needComma = true;
}

void JsonWriter::beginArray()
{
    separate();
    m_out += '[';
    m_needComma = false;
}

void JsonWriter::endArray()
{
    m_out += ']';
    m_needComma = true;
}

void JsonWriter::key(QStringView name)
{
    separate();
    writeString(name);
    m_out += ':';
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
    m_out += QByteArray::number(number);
}

void JsonWriter::value(bool flag)
{
    separate();
    m_out += flag ? "true" : "false";
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
    m_out.reserve(m_out.size() + text.size() + 2);
    m_out += '"';
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c >= 0x20 && c < 0x80 && c != u'"' && c != u'\\') {
            m_out += char(c);
            continue;
        }
        switch (c) {
        case u'"': m_out += "\\\""; continue;
        case u'\\': m_out += "\\\\"; continue;
        case u'\n': m_out += "\\n"; continue;
        case u'\r': m_out += "\\r"; continue;
        case u'\t': m_out += "\\t"; continue;
        case u'\b': m_out += "\\b"; continue;
        case u'\f': m_out += "\\f"; continue;
        default:
            break;
        }
        if (c < 0x20) {
            m_out += "\\u00";
            m_out += hex[(c >> 4) & 0xF];
            m_out += hex[c & 0xF];
            continue;
        }
        // Non-ASCII: UTF-8, pairing surrogates (a lone one becomes U+FFFD, as QString::toUtf8 does).
        char32_t code = c;
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && QChar::isLowSurrogate(text[i + 1].unicode()))
            code = QChar::surrogateToUcs4(c, text[++i].unicode());
        else if (QChar::isSurrogate(c))
            code = 0xFFFD;
        if (code < 0x800) {
            m_out += char(0xC0 | (code >> 6));
        } else if (code < 0x10000) {
            m_out += char(0xE0 | (code >> 12));
            m_out += char(0x80 | ((code >> 6) & 0x3F));
        } else {
            m_out += char(0xF0 | (code >> 18));
            m_out += char(0x80 | ((code >> 12) & 0x3F));
            m_out += char(0x80 | ((code >> 6) & 0x3F));
        }
        m_out += char(0x80 | (code & 0x3F));
    }
    m_out += '"';
}

} // namespace retort
