#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/org.hpp"

namespace whistle::store {

class Database;

/// Who the responders are (物业, 驻区单位) and who speaks for them. The org sync writes them
/// (OrgRepository::upsert_responder); this reads them for the ticket loop.
class ResponderRepository {
 public:
  explicit ResponderRepository(Database& db);
  ~ResponderRepository();

  std::optional<ResponderRow> find(const std::string& id);
  /// The responder a group chat belongs to; empty when the chat is not a responder's.
  std::optional<ResponderRow> of_chat(const std::string& chat);
  /// The community's responders in the order they were configured; the first is the community's
  /// default, where a ticket climbs after the community's own level.
  std::vector<ResponderRow> of_community(const std::string& community);
  /// The responders a person is a member of.
  std::vector<ResponderRow> of_member(const std::string& person);
  bool is_member(const std::string& responder, const std::string& person);

 private:
  struct Statements;
  std::unique_ptr<Statements> statements_;
  ResponderRow complete(ResponderRow row);
};

}  // namespace whistle::store
