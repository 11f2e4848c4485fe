#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace whistle::store {

class Database;

/// Where a redemption stands. Only a pending one can change, and only once.
enum class RedemptionStatus { pending, picked_up, cancelled, expired };

const char* redemption_status_text(RedemptionStatus status);

/// A redemption to record: points and stock are already held by the caller.
struct NewRedemption {
  std::string community;
  std::string person;
  std::string reward_id;
  std::string item_name;  ///< the item's name when redeemed: what the claim ticket says
  int quantity = 1;
  std::int64_t points = 0;          ///< the total held, positive
  std::string code;                 ///< the pickup code, unique in the community
  std::optional<std::string> node;  ///< the node the held points counted for
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;
};

struct Redemption : NewRedemption {
  std::int64_t id = 0;
  RedemptionStatus status = RedemptionStatus::pending;
  std::optional<std::int64_t> closed_at;
  std::optional<std::string> closed_by;  ///< the staff who handed it out, or who cancelled
};

/// Redemptions at the service center and their pickup codes.
class RedemptionRepository {
 public:
  explicit RedemptionRepository(Database& db);
  ~RedemptionRepository();

  /// Records a pending redemption; returns its id. Throws SQLite::Exception if the code is taken.
  std::int64_t create(const NewRedemption& redemption);

  std::optional<Redemption> by_id(std::int64_t id);

  /// The redemption with this pickup code in a community (any status).
  std::optional<Redemption> by_code(const std::string& community, const std::string& code);

  /// Whether a code was ever used in the community (codes are never reused, even after pickup).
  bool code_taken(const std::string& community, const std::string& code);

  /// A person's pending redemptions in a community, oldest first.
  std::vector<Redemption> pending_of(const std::string& community, const std::string& person);

  /// Moves a pending redemption to `status`; returns false (and changes nothing) when it is not
  /// pending any more. This is what makes pickup, cancelling and expiry happen once only.
  bool close(std::int64_t id, RedemptionStatus status, std::int64_t at, const std::optional<std::string>& by);

  /// Makes a picked-up redemption pending again (a pickup recorded by mistake); returns false (and
  /// changes nothing) when it is not picked up. Its points and stock stay held, as while pending.
  bool reopen_pickup(std::int64_t id);

 private:
  struct Statements;
  std::unique_ptr<Statements> statements_;
};

}  // namespace whistle::store
