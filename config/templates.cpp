#include "config/templates.hpp"

#include <array>
#include <stdexcept>

#include "config/embedded.hpp"
#include "config/toml_reader.hpp"

namespace whistle::config {

namespace {

struct BuiltinLanguage {
  std::string_view name;
  const std::string_view* text;
};

// One line per file embedded by config/CMakeLists.txt.
const std::array<BuiltinLanguage, 1> kBuiltinLanguages = {{{"zh-CN", &embedded::kZhCnTemplates}}};

// Tables are flattened so a file may group its keys ([task] created = "…" is "task.created").
void flatten(const toml::table& table, const std::string& prefix, const std::string& source,
             Templates::Texts& texts) {
  for (auto&& [name, value] : table) {
    const std::string key = prefix.empty() ? std::string(name.str()) : prefix + "." + std::string(name.str());
    if (const toml::table* sub = value.as_table()) {
      flatten(*sub, key, source, texts);
    } else if (const toml::value<std::string>* text = value.as_string()) {
      texts.emplace(key, text->get());
    } else {
      fail(Where{source, key, value.source().begin.line, value.source().begin.column},
           "a template must be a string, found " + std::string(toml_type_name(value.type())));
    }
  }
}

}  // namespace

std::optional<std::string_view> builtin_template_text(std::string_view language) {
  for (const BuiltinLanguage& builtin : kBuiltinLanguages) {
    if (builtin.name == language) return *builtin.text;
  }
  return std::nullopt;
}

std::string builtin_languages() {
  std::string result;
  for (const BuiltinLanguage& builtin : kBuiltinLanguages) {
    if (!result.empty()) result += ", ";
    result += builtin.name;
  }
  return result;
}

Templates Templates::parse(std::string_view toml_text, std::string_view source_name) {
  const std::string source(source_name);
  Templates templates;
  flatten(parse_toml(toml_text, source), "", source, templates.texts_);
  return templates;
}

Templates Templates::builtin(std::string_view language) {
  std::optional<std::string_view> text = builtin_template_text(language);
  if (!text) {
    throw Error("no built-in reply templates for \"" + std::string(language) +
                "\" (available: " + builtin_languages() + ")");
  }
  return parse(*text, "config/templates/" + std::string(language) + ".toml (built in)");
}

std::string Templates::render(std::string_view key,
                              const std::vector<std::pair<std::string_view, std::string>>& values) const {
  auto found = texts_.find(key);
  if (found == texts_.end()) throw std::out_of_range("no reply template named \"" + std::string(key) + "\"");
  const std::string& text = found->second;

  std::string result;
  result.reserve(text.size() + 32);
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto open = text.find('{', pos);
    const auto close = open == std::string::npos ? std::string::npos : text.find('}', open + 1);
    if (close == std::string::npos) {
      result.append(text, pos, std::string::npos);
      break;
    }
    const std::string_view name(text.data() + open + 1, close - open - 1);
    const std::string* value = nullptr;
    for (const auto& [value_name, value_text] : values) {
      if (value_name == name) {
        value = &value_text;
        break;
      }
    }
    if (value == nullptr) {
      // Not ours to fill: keep the brace and look again after it, so "{{task}" still fills {task}.
      result.append(text, pos, open + 1 - pos);
      pos = open + 1;
      continue;
    }
    // Values are inserted as they are, never scanned again: a user's text may hold braces.
    result.append(text, pos, open - pos);
    result += *value;
    pos = close + 1;
  }
  return result;
}

bool Templates::has(std::string_view key) const {
  return texts_.find(key) != texts_.end();
}

}  // namespace whistle::config
