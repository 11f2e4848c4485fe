#include "bot/cli/arguments.hpp"

#include <algorithm>

namespace whistle::bot {

std::optional<std::string> Arguments::get(const std::string& name) const {
  auto it = options.find(name);
  if (it == options.end()) return std::nullopt;
  return it->second;
}

Arguments parse_arguments(int argc, char** argv, int first, const std::vector<std::string>& allowed) {
  Arguments arguments;
  for (int i = first; i < argc; ++i) {
    std::string word = argv[i];
    // "--" ends the options, so a text that starts with "--" can still be parsed.
    if (word == "--") {
      for (++i; i < argc; ++i)
        arguments.positional.emplace_back(argv[i]);
      break;
    }
    if (word.rfind("--", 0) != 0 || word.size() == 2) {
      arguments.positional.push_back(word);
      continue;
    }
    std::string value;
    const auto eq = word.find('=');
    const std::string name = eq == std::string::npos ? word : word.substr(0, eq);
    // An unknown option is named as such, before anything is said about its value.
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      std::string known;
      for (const std::string& option : allowed)
        known += (known.empty() ? "" : ", ") + option;
      throw UsageError("unknown option " + name +
                       (known.empty() ? "" : " (this command takes " + known + ")"));
    }
    if (eq != std::string::npos) {
      value = word.substr(eq + 1);
      word = name;
    } else if (i + 1 < argc) {
      value = argv[++i];
    } else {
      throw UsageError("option " + word + " needs a value");
    }
    arguments.options[word] = value;
  }
  return arguments;
}

}  // namespace whistle::bot
