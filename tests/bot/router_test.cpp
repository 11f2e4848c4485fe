#include "bot/router.hpp"

#include <gtest/gtest.h>

namespace whistle::bot {
namespace {

TEST(Router, WebhookTakesThePlatformAndTheInstanceFromThePath) {
  const Route route = Router{}.route("POST", "/hooks/generic/default");
  ASSERT_TRUE(route.endpoint);
  EXPECT_EQ(*route.endpoint, Endpoint::webhook);
  EXPECT_EQ(route.platform, "generic");
  EXPECT_EQ(route.instance, "default");
  const Route wecom = Router{}.route("GET", "/hooks/wecom/app-1?msg_signature=x&echostr=y");
  ASSERT_TRUE(wecom.endpoint);
  EXPECT_EQ(wecom.platform, "wecom");
  EXPECT_EQ(wecom.instance, "app-1");
}

TEST(Router, QueryStringDoesNotChangeTheRoute) {
  const Route route = Router{}.route("POST", "/hooks/generic/bridge-2?retry=1");
  ASSERT_TRUE(route.endpoint);
  EXPECT_EQ(route.instance, "bridge-2");
}

TEST(Router, HealthAndMetricsAreGetEndpoints) {
  EXPECT_EQ(Router{}.route("GET", "/healthz").endpoint, Endpoint::healthz);
  EXPECT_EQ(Router{}.route("GET", "/metrics").endpoint, Endpoint::metrics);
}

TEST(Router, UnknownPathIsNotFound) {
  for (const char* target : {"/hooks", "/hooks/generic", "/hooks/generic/", "/hooks/generic/a/b",
                             "/healthz/x", "/hooks//default", "/hooks/telegram/default/"}) {
    const Route route = Router{}.route("POST", target);
    EXPECT_FALSE(route.endpoint) << target;
    EXPECT_EQ(route.error.status, 404) << target;
    EXPECT_TRUE(route.allow.empty()) << target;
  }
}

TEST(Router, TheServersRootAndAPageWithATrailingSlashAreTheBoards) {
  EXPECT_EQ(Router{}.route("GET", "/").endpoint, Endpoint::board_index);
  EXPECT_EQ(endpoint_route(Endpoint::board_index), "/board");
  const Route page = Router{}.route("GET", "/board/c1/");
  EXPECT_EQ(page.endpoint, Endpoint::board_page);
  EXPECT_EQ(page.node, "c1");
  EXPECT_EQ(Router{}.route("HEAD", "/board/").endpoint, Endpoint::board_index);
  EXPECT_EQ(Router{}.route("POST", "/").error.status, 405);
  EXPECT_EQ(Router{}.route("GET", "/board//c1").error.status, 404);
}

TEST(Router, WrongMethodIsNotAllowedAndSaysWhichIs) {
  const Route health = Router{}.route("POST", "/healthz");
  EXPECT_FALSE(health.endpoint);
  EXPECT_EQ(health.error.status, 405);
  EXPECT_EQ(health.allow, "GET, HEAD");
}

// Which methods an instance takes is its adapter's (GET only for a URL check): the endpoint
// answers a wrong one with that instance's own Allow.
TEST(Router, EveryMethodOfAWebhookGoesToItsEndpoint) {
  for (const char* method : {"POST", "GET", "PUT", "HEAD", "OPTIONS"}) {
    EXPECT_EQ(Router{}.route(method, "/hooks/generic/default").endpoint, Endpoint::webhook) << method;
  }
}

TEST(Router, HeadGoesWhereGetGoes) {
  EXPECT_EQ(Router{}.route("HEAD", "/healthz").endpoint, Endpoint::healthz);
  EXPECT_EQ(Router{}.route("HEAD", "/board/assets/board.css").endpoint, Endpoint::board_asset);
}

TEST(Router, RouteLabelsAreTheTemplates) {
  EXPECT_EQ(endpoint_route(Endpoint::webhook), "/hooks/{platform}/{instance}");
  EXPECT_EQ(endpoint_route(Endpoint::healthz), "/healthz");
}

}  // namespace
}  // namespace whistle::bot
