#pragma once

// Builds WeCom callback requests the way WeCom does: a plaintext sealed with the instance's
// crypto, signed over (token, timestamp, nonce, ciphertext), put in the query and the envelope.
#include <exception>
#include <optional>
#include <string>
#include <string_view>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include "bot/adapters/adapter.hpp"
#include "bot/adapters/query_string.hpp"
#include "bot/adapters/wecom_crypto.hpp"

namespace whistle::bot::wecom_test {

/// Runs one awaitable to its end on a fresh io_context and returns its value; rethrows.
template <typename T>
T run_sync(asio::awaitable<T> task) {
  asio::io_context io;
  std::optional<T> result;
  std::exception_ptr failure;
  asio::co_spawn(io, std::move(task), [&result, &failure](std::exception_ptr error, T value) {
    failure = error;
    if (!error) result = std::move(value);
  });
  io.run();
  if (failure) std::rethrow_exception(failure);
  return std::move(*result);
}

class NoHeaders final : public RequestHeaders {
 public:
  std::string_view get(std::string_view /*name*/) const override { return {}; }
};

/// One callback request's parts; `request(received_at)` views them.
struct Callback {
  std::string method = "POST";
  std::string target;
  std::string body;
  NoHeaders headers;

  InboundRequest request(std::int64_t received_at) const {
    return InboundRequest{method, target, body, headers, received_at};
  }
};

inline std::string query(std::string_view signature, std::string_view timestamp, std::string_view nonce) {
  return "?msg_signature=" + percent_encode(signature) + "&timestamp=" + percent_encode(timestamp) +
         "&nonce=" + percent_encode(nonce);
}

/// A POST with an already sealed `encrypted` text, signed by `crypto`, in the app's XML envelope.
inline Callback app_post_sealed(const WecomCrypto& crypto, std::string_view path, std::string_view encrypted,
                                std::string_view timestamp, std::string_view nonce = "1597212914") {
  Callback callback;
  callback.target =
      std::string(path) + query(crypto.signature(timestamp, nonce, encrypted), timestamp, nonce);
  callback.body = "<xml><ToUserName><![CDATA[" + crypto.receive_id() + "]]></ToUserName><Encrypt><![CDATA[" +
                  std::string(encrypted) + "]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>";
  return callback;
}

/// A POST of `plaintext` sealed and signed by `crypto`, in the app's XML envelope.
inline Callback app_post(const WecomCrypto& crypto, std::string_view path, std::string_view plaintext,
                         std::string_view timestamp, std::string_view nonce = "1597212914") {
  return app_post_sealed(crypto, path, crypto.encrypt(plaintext), timestamp, nonce);
}

/// A POST of `plaintext` sealed and signed by `crypto`, in the AI bot's JSON envelope.
inline Callback bot_post(const WecomCrypto& crypto, std::string_view path, std::string_view plaintext,
                         std::string_view timestamp, std::string_view nonce = "nonce123") {
  const std::string encrypted = crypto.encrypt(plaintext);
  Callback callback;
  callback.target =
      std::string(path) + query(crypto.signature(timestamp, nonce, encrypted), timestamp, nonce);
  callback.body = R"({"encrypt":")" + encrypted + R"("})";
  return callback;
}

/// The GET URL check for an `echo` sealed and signed by `crypto`, echostr percent-encoded.
inline Callback url_check(const WecomCrypto& crypto, std::string_view path, std::string_view echo,
                          std::string_view timestamp, std::string_view nonce = "47744683") {
  const std::string encrypted = crypto.encrypt(echo);
  Callback callback;
  callback.method = "GET";
  callback.target = std::string(path) +
                    query(crypto.signature(timestamp, nonce, encrypted), timestamp, nonce) +
                    "&echostr=" + percent_encode(encrypted);
  return callback;
}

}  // namespace whistle::bot::wecom_test
