// How the server frames requests and answers on a keep-alive connection, whatever the bytes' pacing:
// a request in pieces, several in one write, answers larger than the socket takes at once.
// A raw client on 127.0.0.1, so the test decides where each write ends.
#include <gtest/gtest.h>

#include <sys/socket.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>

#include "tests/support/fake_deliver_server.hpp"
#include "tests/support/service_harness.hpp"

namespace whistle::bot::testing {
namespace {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;

// A signed POST of `body` to the generic webhook, as raw bytes.
std::string webhook_request(const std::string& body) {
  return "POST /hooks/generic/default HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
         "X-Whistle-Signature: " +
         signature_for(body) + "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

std::string get_request(const std::string& target) {
  return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
}

class FramingClient {
 public:
  explicit FramingClient(std::uint16_t port, int receive_buffer_bytes = 0) : socket_(io_) {
    socket_.open(tcp::v4());
    // Set before connecting, so the window the server sees is small from the first byte.
    if (receive_buffer_bytes > 0)
      socket_.set_option(asio::socket_base::receive_buffer_size(receive_buffer_bytes));
    socket_.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  }

  void send(const std::string& bytes) { asio::write(socket_, asio::buffer(bytes)); }

  // Sends on another thread, so that the caller may read meanwhile: a send that the server's
  // window holds back must not keep the client from reading the answers that would free it.
  std::thread send_in_background(std::string bytes) {
    return std::thread([fd = socket_.native_handle(), bytes = std::move(bytes)] {
      std::size_t sent = 0;
      while (sent < bytes.size()) {
        const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return;  // the reads then fail, and the test with them
        sent += static_cast<std::size_t>(n);
      }
    });
  }

  // Sends the bytes in pieces, each cut at `cuts` (offsets), pausing between them so that each
  // piece reaches the server as a read of its own.
  void send_in_pieces(const std::string& bytes, const std::vector<std::size_t>& cuts) {
    std::size_t from = 0;
    for (const std::size_t cut : cuts) {
      send(bytes.substr(from, cut - from));
      from = cut;
      std::this_thread::sleep_for(std::chrono::milliseconds(30));
    }
    send(bytes.substr(from));
  }

  void close() {
    boost::system::error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_both, ignored);
  }

  http::response<http::string_body> read_answer() {
    http::response<http::string_body> answer;
    http::read(socket_, buffer_, answer);
    return answer;
  }

  // The answer to a HEAD: its header says what the GET's would, and no body follows it.
  http::response<http::string_body> read_head_answer() {
    http::response_parser<http::string_body> parser;
    parser.skip(true);
    http::read(socket_, buffer_, parser);
    return parser.release();
  }

  // Everything the server sends until it closes the connection, the bytes already read included.
  std::string read_to_end() {
    std::string bytes(static_cast<const char*>(buffer_.data().data()), buffer_.size());
    buffer_.consume(buffer_.size());
    char chunk[4096];
    boost::system::error_code ec;
    while (const std::size_t n = socket_.read_some(asio::buffer(chunk), ec))
      bytes.append(chunk, n);
    return bytes;
  }

 private:
  asio::io_context io_;
  tcp::socket socket_;
  boost::beast::flat_buffer buffer_;
};

class RequestFraming : public ::testing::Test {
 protected:
  static config::Config board_config(const std::filesystem::path& db, const std::string& deliver_url) {
    config::Config config = test_config(db, deliver_url);
    config.board.token = "framing-test-board-token-0123";
    return config;
  }

  TempDir dir;
  FakeDeliverServer deliver;
  RunningService service{board_config(dir.path() / "whistle.db", deliver.url())};
};

TEST_F(RequestFraming, ARequestArrivingInPiecesIsReadAsOneAndAnswered) {
  const std::string request =
      webhook_request(message_body("piece-1", "b3u2", "u-chen", "吹哨 清理楼道杂物 5人 明天上午9点 2小时"));
  const std::size_t head_end = request.find("\r\n\r\n") + 4;
  FramingClient client(service.port());
  // Mid request line, mid header, at the head's end, mid body.
  client.send_in_pieces(request, {10, head_end - 20, head_end, head_end + 15});
  const auto answer = client.read_answer();
  EXPECT_EQ(answer.result_int(), 200) << answer.body();
  EXPECT_FALSE(reply_texts(HttpResult{200, answer.body(), {}, {}}).empty()) << answer.body();

  // The same connection goes on to the next request.
  client.send(get_request("/healthz"));
  EXPECT_EQ(client.read_answer().result_int(), 200);
}

TEST_F(RequestFraming, RequestsSentInOneWriteAreAnsweredEachInOrder) {
  FramingClient client(service.port());
  client.send(get_request("/healthz") + get_request("/nowhere") +
              webhook_request(
                  message_body("one-write-1", "b3u2", "u-chen", "吹哨 清理楼道杂物 5人 明天上午9点 2小时")) +
              get_request("/healthz"));
  EXPECT_EQ(client.read_answer().result_int(), 200);
  EXPECT_EQ(client.read_answer().result_int(), 404);
  const auto whistle = client.read_answer();
  EXPECT_EQ(whistle.result_int(), 200);
  EXPECT_FALSE(reply_texts(HttpResult{200, whistle.body(), {}, {}}).empty()) << whistle.body();
  EXPECT_EQ(client.read_answer().result_int(), 200);
}

TEST_F(RequestFraming, AMalformedOrOversizedRequestInOneReadIsRefusedWithItsStatus) {
  FramingClient malformed(service.port());
  malformed.send("POST /hooks/generic/default HTTP/1.1\r\nHost 127.0.0.1\r\nContent-Length: 2\r\n\r\n{}");
  EXPECT_EQ(malformed.read_answer().result_int(), 400);

  FramingClient oversized(service.port());
  oversized.send(
      "POST /hooks/generic/default HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 900000\r\n\r\n{}");
  EXPECT_EQ(oversized.read_answer().result_int(), 413);
}

// A HEAD's answer with a body would be read as the start of the next answer on the connection.
TEST_F(RequestFraming, AHeadIsAnsweredAsAGetWithoutTheBodyAndTheConnectionGoesOn) {
  FramingClient client(service.port());
  client.send("HEAD /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" + get_request("/healthz"));
  const auto head = client.read_head_answer();
  EXPECT_EQ(head.result_int(), 200);
  const auto get = client.read_answer();
  EXPECT_EQ(get.result_int(), 200);
  EXPECT_FALSE(get.body().empty());
  EXPECT_EQ(head[http::field::content_length], std::to_string(get.body().size()));
}

TEST_F(RequestFraming, AWebhookSaysWhichMethodsItsInstanceTakes) {
  FramingClient client(service.port());
  for (const char* method : {"OPTIONS", "PUT", "GET"}) {
    client.send(std::string(method) + " /hooks/generic/default HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    const auto answer = client.read_answer();
    EXPECT_EQ(answer.result_int(), 405) << method;
    EXPECT_EQ(answer[http::field::allow], "POST") << method << ": the generic webhook takes no GET";
  }
}

// A Transfer-Encoding not ending in chunked leaves the body's length unknown: read as empty, its
// bytes would be a second request that a proxy in front never saw.
TEST_F(RequestFraming, ABodyOfUnknownLengthIsRefusedAndNothingInItIsTaken) {
  const std::string hidden_body = message_body("hidden-1", "b3u2", "u-chen", "积分");
  const std::string hidden = webhook_request(hidden_body);
  for (const char* codings : {"gzip", "chunked, identity"}) {
    FramingClient client(service.port());
    client.send("POST /hooks/generic/default HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: " +
                std::string(codings) + "\r\n\r\n" + hidden);
    const std::string bytes = client.read_to_end();
    EXPECT_TRUE(bytes.starts_with("HTTP/1.1 400")) << codings << ": " << bytes;
    EXPECT_EQ(bytes.find("HTTP/1.1", 1), std::string::npos) << codings << ": one answer, then the close";
  }
  // Sent openly, the hidden request is new to the server.
  const HttpResult open = post_webhook(service.port(), hidden_body);
  EXPECT_EQ(open.status, 200) << open.body;
  EXPECT_EQ(service.service().metrics().events_duplicate(), 0u);
}

TEST_F(RequestFraming, AnHttp11RequestWithoutOneValidHostIsRefused) {
  for (const std::string& head : {std::string("GET /healthz HTTP/1.1\r\n\r\n"),
                                  std::string("GET /healthz HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"),
                                  std::string("GET /healthz HTTP/1.1\r\nHost: a b/c\r\n\r\n")}) {
    FramingClient client(service.port());
    client.send(head);
    EXPECT_EQ(client.read_answer().result_int(), 400) << head;
  }
  FramingClient old(service.port());
  old.send("GET /healthz HTTP/1.0\r\n\r\n");
  EXPECT_EQ(old.read_answer().result_int(), 200) << "HTTP/1.0 needs no Host";
}

// As a forward proxy sends it: the URL whole.
TEST_F(RequestFraming, AnAbsoluteTargetReachesItsRoute) {
  const std::string body =
      message_body("absolute-1", "b3u2", "u-chen", "吹哨 清理楼道杂物 5人 明天上午9点 2小时");
  std::string request = webhook_request(body);
  request.replace(request.find("/hooks"), 0, "http://127.0.0.1:" + std::to_string(service.port()));
  FramingClient client(service.port());
  client.send(request);
  const auto answer = client.read_answer();
  EXPECT_EQ(answer.result_int(), 200) << answer.body();
  EXPECT_FALSE(reply_texts(HttpResult{200, answer.body(), {}, {}}).empty()) << answer.body();
}

TEST_F(RequestFraming, OnlyAnHttp11ClientIsToldToContinueWhateverTheLetterCase) {
  const std::string request = webhook_request(message_body("continue-1", "b3u2", "u-chen", "积分"));
  const std::size_t head_end = request.find("\r\n\r\n") + 2;
  FramingClient client(service.port());
  client.send(request.substr(0, head_end) + "Expect: 100-Continue\r\n\r\n");
  EXPECT_EQ(client.read_answer().result_int(), 100);
  client.send(request.substr(head_end + 2));
  EXPECT_EQ(client.read_answer().result_int(), 200);

  // An HTTP/1.0 client sends its body at once here: its first answer is the final one.
  std::string old = webhook_request(message_body("continue-2", "b3u2", "u-chen", "积分"));
  old.replace(old.find("HTTP/1.1"), 8, "HTTP/1.0");
  old.insert(old.find("\r\n\r\n") + 2, "Expect: 100-continue\r\n");
  FramingClient old_client(service.port());
  old_client.send(old);
  EXPECT_EQ(old_client.read_answer().result_int(), 200);
}

TEST_F(RequestFraming, AnswersLargerThanTheSocketTakesAtOnceArriveWholeAndInOrder) {
  const HttpResult alone = http_request(service.port(), "GET", "/board/assets/board.css", "");
  ASSERT_EQ(alone.status, 200);
  ASSERT_GT(alone.body.size(), 1000u);
  // A client with a small window that reads nothing for a while: the answers (~7 MB) are more
  // than the server's socket can hold (4 MB at most on Linux), so some are written in parts, the
  // rest after the client reads. The requests go from another thread, so however the kernel sizes
  // the buffers the client reads as soon as its pause is over.
  constexpr int kRequests = 2000;
  FramingClient client(service.port(), 4096);
  std::string requests;
  for (int i = 0; i < kRequests; ++i)
    requests += get_request("/board/assets/board.css");
  requests += get_request("/healthz");
  std::thread sender = client.send_in_background(std::move(requests));
  // Time for the server to fill its socket; the answers must come whole however long this is.
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  try {
    bool whole = true;
    for (int i = 0; i < kRequests && whole; ++i) {
      const auto answer = client.read_answer();
      EXPECT_EQ(answer.result_int(), 200) << "answer " << i;
      EXPECT_EQ(answer.body(), alone.body) << "answer " << i;
      whole = answer.result_int() == 200 && answer.body() == alone.body;
    }
    if (whole) {
      EXPECT_EQ(client.read_answer().result_int(), 200);
    }
  } catch (const std::exception& error) {
    ADD_FAILURE() << "the answers stopped: " << error.what();
  }
  client.close();  // a sender still held back by the window fails now rather than waiting
  sender.join();
}

}  // namespace
}  // namespace whistle::bot::testing
