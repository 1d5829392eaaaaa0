// HttpResponseParser: canned HTTP/1.1 responses as the Docker engine sends them, fed whole and
// byte by byte: Content-Length, chunked (with extensions and trailers), read-to-close, 1xx, errors.
#include "httpresponseparser.h"

#include <QTest>

using namespace retort;

using State = HttpResponseParser::State;

namespace {

/// Feeds \a bytes one at a time; the state after the last (and after finish() when \a close).
State feedBytewise(HttpResponseParser &parser, const QByteArray &bytes, bool close)
{
    State state = State::Incomplete;
    for (const char c : bytes)
        state = parser.feed(QByteArray(1, c));
    return close ? parser.finish() : state;
}

} // namespace

class TestHttpResponseParser : public QObject
{
    Q_OBJECT

private slots:
    void responses_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<bool>("close"); // the peer closes after the bytes
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("content-length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                                      "Content-Length: 7\r\n\r\n[1,2,3]")
                                        << false << 200 << QByteArray("[1,2,3]");
        QTest::newRow("chunked") << QByteArray(
                                        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                        "4\r\n[{\"a\r\n"
                                        "A;ext=1\r\n\":\"\\r\\n\"}]\r\n" // hex size, an extension, CRLF inside data
                                        "0\r\n\r\n")
                                 << false << 200 << QByteArray("[{\"a\":\"\\r\\n\"}]");
        QTest::newRow("chunked with trailer") << QByteArray("HTTP/1.1 200 OK\r\ntransfer-encoding: Chunked\r\n\r\n"
                                                            "3\r\nabc\r\n0\r\nX-Trailer: 1\r\n\r\n")
                                              << false << 200 << QByteArray("abc");
        QTest::newRow("until close") << QByteArray("HTTP/1.0 200 OK\r\nServer: x\r\n\r\nall of it") << true << 200
                                     << QByteArray("all of it");
        QTest::newRow("no content") << QByteArray("HTTP/1.1 204 No Content\r\nServer: x\r\n\r\n") << false << 204
                                    << QByteArray();
        QTest::newRow("continue first") << QByteArray("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\n"
                                                      "Content-Length: 2\r\n\r\n{}")
                                        << false << 201 << QByteArray("{}");
        QTest::newRow("engine error") << QByteArray("HTTP/1.1 404 Not Found\r\nContent-Length: 32\r\n\r\n"
                                                    "{\"message\":\"no such container\"}\n")
                                      << false << 404 << QByteArray("{\"message\":\"no such container\"}\n");
    }
    void responses()
    {
        QFETCH(QByteArray, raw);
        QFETCH(bool, close);
        QFETCH(int, status);
        QFETCH(QByteArray, body);

        HttpResponse whole;
        QString error;
        QCOMPARE(HttpResponseParser::parse(raw, close, &whole, &error), State::Complete);
        QCOMPARE(whole.status, status);
        QCOMPARE(whole.body, body);

        HttpResponseParser parser;
        QCOMPARE(feedBytewise(parser, raw, close), State::Complete);
        QCOMPARE(parser.response().status, status);
        QCOMPARE(parser.response().body, body);

        // One byte short is never complete (unless the body runs to the close).
        if (!close) {
            HttpResponse partial;
            QCOMPARE(HttpResponseParser::parse(raw.chopped(1), false, &partial, &error), State::Incomplete);
            QCOMPARE(HttpResponseParser::parse(raw.chopped(1), true, &partial, &error), State::Error);
        }
    }

    void headers()
    {
        HttpResponse response;
        QCOMPARE(HttpResponseParser::parse("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Length: 0\r\n\r\n", false,
                                           &response, nullptr),
                 State::Complete);
        QCOMPARE(response.reason, QByteArray("OK"));
        QCOMPARE(response.header("api-version"), QByteArray("1.41"));
        QCOMPARE(response.header("Missing"), QByteArray());
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("words");
        QTest::newRow("not http") << QByteArray("SSH-2.0-OpenSSH\r\n\r\n") << "not an HTTP response";
        QTest::newRow("bad chunk size") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                                        << "bad chunk size";
        QTest::newRow("chunk overrun")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n")
            << "does not end where its size says";
        QTest::newRow("bad header") << QByteArray("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n") << "malformed header";
        QTest::newRow("bad length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: many\r\n\r\n")
                                    << "Content-Length";
    }
    void errors()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, words);
        QString error;
        QCOMPARE(HttpResponseParser::parse(raw, false, nullptr, &error), State::Error);
        QVERIFY2(error.contains(words), qPrintable(error));
    }

    void closedWithoutAnswer()
    {
        HttpResponseParser parser;
        QCOMPARE(parser.finish(), State::Error);
        QVERIFY2(parser.error().contains(QLatin1String("without an answer")), qPrintable(parser.error()));
    }
};

QTEST_GUILESS_MAIN(TestHttpResponseParser)
#include "tst_httpresponseparser.moc"
