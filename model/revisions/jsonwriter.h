#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace retort {

/// A minimal streaming JSON writer (compact, UTF-8) for large outputs where building a
/// QJsonObject tree first would dominate the run time. The caller writes well-formed structure;
/// commas are inserted automatically.
class JsonWriter
{
public:
    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    void key(QStringView name);
    void value(QStringView text);
    void value(qint64 number);
    void value(bool flag);
    void value(const QStringList &strings);

    QByteArray take() { return std::move(m_out); }

private:
    void separate();
    void writeString(QStringView text);

    QByteArray m_out;
    bool m_needComma = false;
};

} // namespace retort
