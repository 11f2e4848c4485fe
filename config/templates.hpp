#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace whistle::config {

/// The bot's reply wording, one template per key, loaded from a language file
/// (`config/templates/zh-CN.toml`, compiled into the binary) so that wording changes touch no code.
/// A template names its values in braces: "【吹哨#{task}】已报到 {count}/{places}".
class Templates {
 public:
  /// Hashes a key as a view, so render() looks a key up without making a string of it.
  struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
  };
  /// The texts by key ("task.created"). Hashed: an event renders three or four, and the ordered
  /// map's ten string comparisons over 724 keys cost more than the filling in.
  using Texts = std::unordered_map<std::string, std::string, KeyHash, std::equal_to<>>;

  /// Parses a template file's TOML text; throws config::Error naming the key on a bad entry.
  static Templates parse(std::string_view toml_text, std::string_view source_name);

  /// The built-in templates of a language ("zh-CN"); throws config::Error for an unknown language.
  static Templates builtin(std::string_view language);

  /// Fills in `key`'s template; throws std::out_of_range for an unknown key (a bug, caught by tests).
  /// A placeholder with no value is left as written, so a missing value shows instead of vanishing.
  std::string render(std::string_view key,
                     const std::vector<std::pair<std::string_view, std::string>>& values = {}) const;

  /// Whether a template with this key exists.
  bool has(std::string_view key) const;

 private:
  Texts texts_;
};

}  // namespace whistle::config
