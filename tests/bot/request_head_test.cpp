#include "bot/request_head.hpp"

#include <gtest/gtest.h>

namespace whistle::bot {
namespace {

RequestHead with_host(std::string_view host = "127.0.0.1:8080") {
  RequestHead head;
  head.host_lines = 1;
  head.host = host;
  return head;
}

std::optional<int> refusal_status(const RequestHead& head) {
  const std::optional<HttpError> refusal = head_refusal(head);
  return refusal ? std::optional<int>(refusal->status) : std::nullopt;
}

TEST(RequestHead, AnOrdinaryHeadIsTaken) {
  EXPECT_FALSE(head_refusal(with_host()));
  EXPECT_FALSE(head_refusal(with_host("whistle.example.cn")));
  EXPECT_FALSE(head_refusal(with_host("[::1]:8080")));
  EXPECT_FALSE(head_refusal(with_host(""))) << "an empty Host is allowed";
  RequestHead chunked = with_host();
  for (const char* codings : {"chunked", "CHUNKED", " chunked ", "chunked;ext=1", ",chunked"}) {
    chunked.transfer_encoding = codings;
    EXPECT_FALSE(head_refusal(chunked)) << codings;
  }
  RequestHead old;  // HTTP/1.0 needs no Host
  old.version = 10;
  EXPECT_FALSE(head_refusal(old));
}

// A body whose length is unknown would be read as empty and its bytes taken for the next
// request: a request a proxy in front never saw (request smuggling).
TEST(RequestHead, ATransferEncodingThatDoesNotEndInChunkedIsRefused) {
  RequestHead head = with_host();
  for (const char* codings : {"gzip", "chunked, identity", "xchunked", "chunked, chunked", "identity"}) {
    head.transfer_encoding = codings;
    EXPECT_EQ(refusal_status(head), 400) << codings;
  }
  for (const char* codings : {"gzip, chunked", "deflate,chunked"}) {
    head.transfer_encoding = codings;
    EXPECT_EQ(refusal_status(head), 501) << codings << ": a coding we do not decode";
  }
}

TEST(RequestHead, HostMustBeOneAndAHost) {
  RequestHead missing;
  EXPECT_EQ(refusal_status(missing), 400);
  RequestHead twice = with_host();
  twice.host_lines = 2;
  EXPECT_EQ(refusal_status(twice), 400);
  for (const char* host : {"a b/c", "host/path", "user@host", "host:80x", "[::1", "[::1]x", "主机"}) {
    EXPECT_EQ(refusal_status(with_host(host)), 400) << host;
  }
}

TEST(RequestHead, OnlyAnHttp11ClientIsToldToContinueInAnyLetterCase) {
  EXPECT_TRUE(expects_continue(11, "100-continue"));
  EXPECT_TRUE(expects_continue(11, "100-Continue"));
  EXPECT_TRUE(expects_continue(11, " 100-CONTINUE"));
  EXPECT_FALSE(expects_continue(10, "100-continue")) << "never a 1xx to HTTP/1.0";
  EXPECT_FALSE(expects_continue(11, ""));
  EXPECT_FALSE(expects_continue(11, "200-ok"));
}

TEST(RequestHead, AnAbsoluteTargetIsReadInOriginForm) {
  std::string storage;
  EXPECT_EQ(origin_form("/hooks/generic/default?x=1", storage), "/hooks/generic/default?x=1");
  EXPECT_EQ(origin_form("http://127.0.0.1:8080/hooks/generic/default", storage), "/hooks/generic/default");
  EXPECT_EQ(origin_form("HTTPS://whistle.example.cn/hooks/wecom/a?echostr=1", storage),
            "/hooks/wecom/a?echostr=1");
  EXPECT_EQ(origin_form("http://whistle.example.cn", storage), "/");
  EXPECT_EQ(origin_form("http://whistle.example.cn?x=1", storage), "/?x=1");
  EXPECT_EQ(origin_form("ftp://host/healthz", storage), "ftp://host/healthz") << "not ours: not found";
  EXPECT_EQ(origin_form("*", storage), "*");
}

}  // namespace
}  // namespace whistle::bot
