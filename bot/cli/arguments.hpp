#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace whistle::bot {

/// A command line the user got wrong; the message says how to get it right.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The options and positional words after the subcommand: `--config FILE --db FILE TEXT...`.
struct Arguments {
  std::map<std::string, std::string> options;  ///< "--config" → "whistle.toml"
  std::vector<std::string> positional;

  /// The value of an option, if given.
  std::optional<std::string> get(const std::string& name) const;
};

/// Splits argv after the subcommand; every option takes a value. Throws UsageError for an option
/// not in `allowed`, or one given without its value.
Arguments parse_arguments(int argc, char** argv, int first, const std::vector<std::string>& allowed);

}  // namespace whistle::bot
