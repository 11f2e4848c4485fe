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
    if (auto eq = word.find('='); eq != std::string::npos) {
      value = word.substr(eq + 1);
      word.resize(eq);
    } else if (i + 1 < argc) {
      value = argv[++i];
    } else {
      throw UsageError("option " + word + " needs a value");
    }
    if (std::find(allowed.begin(), allowed.end(), word) == allowed.end()) {
      throw UsageError("unknown option " + word);
    }
    arguments.options[word] = value;
  }
  return arguments;
}

}  // namespace whistle::bot
