#include "bot/adapters/adapter_set.hpp"

#include <gtest/gtest.h>

namespace whistle::bot {
namespace {

// A sender that can reach only the chats it was told about, and relays for one platform.
class StubAdapter final : public Adapter {
 public:
  StubAdapter(std::string platform, std::string instance, std::string relays = "", bool can = true)
      : platform_(std::move(platform)),
        instance_(std::move(instance)),
        relays_(std::move(relays)),
        can_(can) {}
  std::string_view platform() const override { return platform_; }
  std::string_view instance() const override { return instance_; }
  std::optional<HttpError> verify(const InboundRequest&) const override { return std::nullopt; }
  Decoded decode(const InboundRequest&, std::string_view) const override {
    return std::vector<InboundEvent>{};
  }
  bool replies_inline() const override { return false; }
  HttpAnswer acknowledge(std::span<const EventOutcome>) const override { return {}; }
  bool can_send(const store::OutboxMessage&, std::int64_t) const override { return can_; }
  bool relays_for(std::string_view platform) const override {
    return !relays_.empty() && platform == relays_;
  }

 private:
  std::string platform_, instance_, relays_;
  bool can_;
};

store::OutboxMessage to(std::string chat) {
  store::OutboxMessage message;
  message.chat = std::move(chat);
  return message;
}

TEST(AdapterSet, AReplyLeavesThroughTheInstanceItsChatNames) {
  AdapterSet set;
  set.add(std::make_unique<StubAdapter>("feishu", "default"));
  set.add(std::make_unique<StubAdapter>("feishu", "east"));
  ASSERT_NE(set.sender_for(to("feishu:oc_1"), 0), nullptr);
  EXPECT_EQ(set.sender_for(to("feishu:oc_1"), 0)->instance(), "default");
  EXPECT_EQ(set.sender_for(to("feishu.east:oc_1"), 0)->instance(), "east");
  // An instance nobody configured: no sender, rather than another bot's.
  EXPECT_EQ(set.sender_for(to("feishu.west:oc_1"), 0), nullptr);
  EXPECT_EQ(set.sender_for(to("telegram:-100"), 0), nullptr);
}

TEST(AdapterSet, WhenTheChatsOwnInstanceCannotSendARelayForItsPlatformDoes) {
  AdapterSet set;
  set.add(std::make_unique<StubAdapter>("wecom_bot", "default", "", /*can=*/false));
  set.add(std::make_unique<StubAdapter>("wecom_robot", "default", "wecom_bot"));
  const Adapter* sender = set.sender_for(to("wecom_bot:wrABC"), 0);
  ASSERT_NE(sender, nullptr);
  EXPECT_EQ(sender->platform(), "wecom_robot");
  // The relay is for the AI bot's chats only.
  EXPECT_EQ(set.sender_for(to("feishu:oc_1"), 0), nullptr);
}

}  // namespace
}  // namespace whistle::bot
