#include "bot/http_client.hpp"

#include <unistd.h>

#include <exception>
#include <filesystem>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include "tests/support/fake_platform_server.hpp"

namespace whistle::bot {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using whistle::testing::CannedAnswer;
using whistle::testing::FakePlatformServer;
using whistle::testing::RecordedRequest;
using whistle::testing::ServerCertificate;
using Mode = FakePlatformServer::Mode;

// Generous: a deadline only fails a test that would otherwise hang.
constexpr auto kTimeout = std::chrono::seconds(20);

HttpClientResult send(const HttpClient& client, OutboundRequest request) {
  asio::io_context io;
  std::optional<HttpClientResult> result;
  asio::co_spawn(io, client.send(std::move(request), kTimeout),
                 [&result](const std::exception_ptr& error, HttpClientResult answer) {
                   if (error) std::rethrow_exception(error);
                   result = std::move(answer);
                 });
  io.run();
  return *result;
}

OutboundRequest post(const std::string& url, std::string body = R"({"text":"hi"})") {
  OutboundRequest request;
  request.url = url;
  request.headers = {{"Authorization", "Bearer t-123"}};
  request.body = std::move(body);
  return request;
}

HttpClientOptions trusting_test_ca() {
  return HttpClientOptions{.ca_file = FakePlatformServer::ca_file()};
}

// The port of a fake's base_url, to reach it as `localhost`.
std::string port_of(const FakePlatformServer& fake) {
  const std::string url = fake.base_url();
  return url.substr(url.rfind(':') + 1);
}

TEST(HttpClient, HttpsToAServerTheCaFileVouchesForDeliversTheRequestAndReadsTheAnswer) {
  FakePlatformServer fake;
  fake.answer([](const RecordedRequest&) { return CannedAnswer{201, R"({"ok":true})", {}}; });
  const HttpClient client(trusting_test_ca());

  const HttpClientResult result = send(client, post(fake.base_url() + "/open-apis/im/v1/messages?x=1"));

  EXPECT_EQ(result.error, "");
  EXPECT_EQ(result.status, 201);
  EXPECT_EQ(result.body, R"({"ok":true})");
  EXPECT_EQ(result.retry_after, "");
  const std::vector<RecordedRequest> received = fake.requests();
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(received[0].method, "POST");
  EXPECT_EQ(received[0].target, "/open-apis/im/v1/messages?x=1");
  EXPECT_EQ(received[0].body, R"({"text":"hi"})");
  EXPECT_EQ(received[0].headers.at("authorization"), "Bearer t-123");
  EXPECT_EQ(received[0].headers.at("content-type"), "application/json");
  EXPECT_EQ(received[0].headers.at("host"), "127.0.0.1:" + port_of(fake));
}

TEST(HttpClient, WithoutTheCaFileTheTestServerIsRefusedBeforeAnythingIsSent) {
  FakePlatformServer fake;
  const HttpClient client;

  const HttpClientResult result = send(client, post(fake.base_url() + "/send?access_token=s3cret-token"));

  EXPECT_EQ(result.status, 0);
  EXPECT_THAT(result.error, HasSubstr("certificate verification failed"));
  EXPECT_THAT(result.error, Not(HasSubstr("s3cret-token")));
  EXPECT_TRUE(fake.requests().empty());
}

TEST(HttpClient, ACertificateNoCaSignedIsRefused) {
  FakePlatformServer fake(Mode::tls, ServerCertificate::self_signed);
  const HttpClient client(trusting_test_ca());

  const HttpClientResult result = send(client, post(fake.base_url() + "/send"));

  EXPECT_EQ(result.status, 0);
  EXPECT_THAT(result.error, HasSubstr("certificate verification failed"));
  EXPECT_THAT(result.error, HasSubstr("self-signed"));
  EXPECT_TRUE(fake.requests().empty());
}

TEST(HttpClient, ACertificateForAnotherHostNameIsRefused) {
  FakePlatformServer fake(Mode::tls, ServerCertificate::other_host);
  const HttpClient client(trusting_test_ca());

  const HttpClientResult by_name = send(client, post("https://localhost:" + port_of(fake) + "/send"));
  const HttpClientResult by_address = send(client, post(fake.base_url() + "/send"));

  EXPECT_EQ(by_name.status, 0);
  EXPECT_THAT(by_name.error, HasSubstr("hostname mismatch"));
  EXPECT_EQ(by_address.status, 0);
  EXPECT_THAT(by_address.error, HasSubstr("IP address mismatch"));
  EXPECT_TRUE(fake.requests().empty());
}

TEST(HttpClient, AHostNameIsSentAsTheServerNameAndAnAddressIsNot) {
  FakePlatformServer fake;
  const HttpClient client(trusting_test_ca());

  const HttpClientResult by_name = send(client, post("https://localhost:" + port_of(fake) + "/a"));
  const HttpClientResult by_address = send(client, post(fake.base_url() + "/b"));

  EXPECT_EQ(by_name.error, "");
  EXPECT_EQ(by_address.error, "");
  const std::vector<RecordedRequest> received = fake.requests();
  ASSERT_EQ(received.size(), 2u);
  EXPECT_EQ(received[0].sni, "localhost");
  EXPECT_EQ(received[0].headers.at("host"), "localhost:" + port_of(fake));
  EXPECT_EQ(received[1].sni, "");
}

TEST(HttpClient, PlainHttpStillWorks) {
  FakePlatformServer fake(Mode::plain);
  fake.answer([](const RecordedRequest& request) { return CannedAnswer{200, request.body, {}}; });
  const HttpClient client;

  const HttpClientResult result = send(client, post(fake.base_url() + "/deliver", "echo"));

  EXPECT_EQ(result.error, "");
  EXPECT_EQ(result.status, 200);
  EXPECT_EQ(result.body, "echo");
  ASSERT_EQ(fake.requests().size(), 1u);
  EXPECT_EQ(fake.requests()[0].target, "/deliver");
}

TEST(HttpClient, RetryAfterIsReadOverHttpsAndPlainHttp) {
  const auto rate_limited = [](const RecordedRequest&) {
    return CannedAnswer{429, R"({"ok":false})", {{"Retry-After", "30"}}};
  };
  FakePlatformServer secure;
  FakePlatformServer plain(Mode::plain);
  secure.answer(rate_limited);
  plain.answer(rate_limited);
  const HttpClient client(trusting_test_ca());

  const HttpClientResult over_tls = send(client, post(secure.base_url() + "/send"));
  const HttpClientResult over_plain = send(client, post(plain.base_url() + "/send"));

  EXPECT_EQ(over_tls.status, 429);
  EXPECT_EQ(over_tls.retry_after, "30");
  EXPECT_EQ(over_plain.status, 429);
  EXPECT_EQ(over_plain.retry_after, "30");
}

TEST(HttpClient, AServerThatNeverAnswersTheHandshakeEndsInATimeoutNotAHang) {
  // The kernel completes the TCP handshake for a listening socket nobody accepts from, so the
  // client connects and then waits for a ServerHello that never comes.
  asio::io_context io;
  const asio::ip::tcp::acceptor silent(io, {asio::ip::make_address("127.0.0.1"), 0});
  const std::string url = "https://127.0.0.1:" + std::to_string(silent.local_endpoint().port()) + "/send";
  const HttpClient client(trusting_test_ca());

  std::optional<HttpClientResult> result;
  asio::co_spawn(io, client.send(post(url), std::chrono::milliseconds(200)),
                 [&result](const std::exception_ptr& error, HttpClientResult answer) {
                   if (error) std::rethrow_exception(error);
                   result = std::move(answer);
                 });
  io.run();

  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->status, 0);
  EXPECT_EQ(result->error, "handshake: timeout");
}

TEST(HttpClient, HttpsToAPlainServerIsAnErrorAndNothingIsRecorded) {
  FakePlatformServer fake(Mode::plain);
  const HttpClient client(trusting_test_ca());

  const HttpClientResult result = send(client, post("https://127.0.0.1:" + port_of(fake) + "/send"));

  EXPECT_EQ(result.status, 0);
  EXPECT_THAT(result.error, HasSubstr("handshake"));
  EXPECT_TRUE(fake.requests().empty());
}

TEST(HttpClient, ANonHttpUrlIsAnErrorThatDoesNotRepeatTheUrl) {
  const HttpClient client;

  const HttpClientResult result = send(client, post("ftp://example.com/x?token=s3cret-token"));

  EXPECT_EQ(result.status, 0);
  EXPECT_THAT(result.error, HasSubstr("unsupported URL"));
  EXPECT_THAT(result.error, Not(HasSubstr("s3cret-token")));
}

TEST(HttpClient, AnUnreadableCaFileFailsTheConstructorNamingIt) {
  const std::string missing = "/nonexistent/whistle-ca.pem";
  try {
    const HttpClient client(HttpClientOptions{.ca_file = missing});
    FAIL() << "no exception";
  } catch (const std::runtime_error& error) {
    EXPECT_THAT(error.what(), HasSubstr(missing));
  }
}

TEST(HttpClient, ACaFileWithoutCertificatesFailsTheConstructorNamingIt) {
  const std::string path =
      (std::filesystem::temp_directory_path() / ("whistle-not-a-ca-" + std::to_string(::getpid()) + ".pem"))
          .string();
  std::ofstream(path) << "not a certificate\n";
  try {
    const HttpClient client(HttpClientOptions{.ca_file = path});
    ADD_FAILURE() << "no exception";
  } catch (const std::runtime_error& error) {
    EXPECT_THAT(error.what(), HasSubstr(path));
  }
  std::filesystem::remove(path);
}

// A pool's connections belong to one io_context, which must outlive them: both live here, the
// io_context first, and every request of a test runs on it.
class PooledClient {
 public:
  explicit PooledClient(HttpClientOptions options = {},
                        std::chrono::steady_clock::duration max_idle_age = std::chrono::seconds(30))
      : client_(options), pool_(16, max_idle_age) {}

  HttpClientResult send(OutboundRequest request) {
    std::optional<HttpClientResult> result;
    asio::co_spawn(io_, client_.send(std::move(request), kTimeout, &pool_),
                   [&result](const std::exception_ptr& error, HttpClientResult answer) {
                     if (error) std::rethrow_exception(error);
                     result = std::move(answer);
                   });
    io_.restart();
    io_.run();
    return *result;
  }
  std::size_t idle() const { return pool_.idle(); }

 private:
  asio::io_context io_;
  HttpClient client_;
  HttpConnectionPool pool_;
};

std::vector<std::string> bodies_of(const FakePlatformServer& fake) {
  std::vector<std::string> bodies;
  for (const RecordedRequest& request : fake.requests())
    bodies.push_back(request.body);
  return bodies;
}

TEST(HttpClientPool, OneKeptConnectionCarriesEveryRequestToTheSameServerOverHttpsAndPlainHttp) {
  FakePlatformServer secure;
  FakePlatformServer plain(Mode::plain);
  const auto echo = [](const RecordedRequest& request) { return CannedAnswer{200, request.body, {}}; };
  secure.answer(echo);
  plain.answer(echo);
  PooledClient client(trusting_test_ca());

  for (const std::string body : {"one", "two", "three"}) {
    EXPECT_EQ(client.send(post(secure.base_url() + "/send", body)).body, body);
    EXPECT_EQ(client.send(post(plain.base_url() + "/send", body)).body, body);
  }

  EXPECT_EQ(secure.connections(), 1u);
  EXPECT_EQ(plain.connections(), 1u);
  EXPECT_EQ(bodies_of(secure), (std::vector<std::string>{"one", "two", "three"}));
  EXPECT_EQ(client.idle(), 2u);  // one per server
  // Without a pool, each request has its own connection, as before.
  const HttpClient unpooled(trusting_test_ca());
  send(unpooled, post(secure.base_url() + "/send"));
  send(unpooled, post(secure.base_url() + "/send"));
  EXPECT_EQ(secure.connections(), 3u);
}

TEST(HttpClientPool, AKeptConnectionTheServerClosedMeanwhileIsReplacedAndTheRequestArrivesOnce) {
  for (const Mode mode : {Mode::tls, Mode::plain}) {
    FakePlatformServer fake(mode);
    fake.answer([](const RecordedRequest& request) { return CannedAnswer{200, request.body, {}}; });
    fake.hang_up_after_each_answer(true);
    PooledClient client(trusting_test_ca());

    const HttpClientResult first = client.send(post(fake.base_url() + "/send", "first"));
    const HttpClientResult second = client.send(post(fake.base_url() + "/send", "second"));

    EXPECT_EQ(first.error, "");
    EXPECT_EQ(second.error, "");
    EXPECT_EQ(second.status, 200);
    EXPECT_EQ(second.body, "second");
    EXPECT_EQ(bodies_of(fake), (std::vector<std::string>{"first", "second"}));
    EXPECT_EQ(fake.connections(), 2u);
  }
}

TEST(HttpClientPool, AServerThatSaysCloseOrAConnectionTooOldIsNotUsedAgain) {
  FakePlatformServer closing(Mode::plain);
  closing.answer([](const RecordedRequest&) { return CannedAnswer{200, "{}", {{"Connection", "close"}}}; });
  PooledClient client;
  client.send(post(closing.base_url() + "/send"));
  EXPECT_EQ(client.idle(), 0u);
  client.send(post(closing.base_url() + "/send"));
  EXPECT_EQ(closing.connections(), 2u);

  FakePlatformServer open(Mode::plain);
  PooledClient impatient({}, std::chrono::seconds(0));
  impatient.send(post(open.base_url() + "/send"));
  EXPECT_EQ(impatient.idle(), 1u);  // kept, but already too old when the next request looks
  impatient.send(post(open.base_url() + "/send"));
  EXPECT_EQ(open.connections(), 2u);
  EXPECT_EQ(open.requests().size(), 2u);
}

}  // namespace
}  // namespace whistle::bot
