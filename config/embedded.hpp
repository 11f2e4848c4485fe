#pragma once

#include <optional>
#include <string>
#include <string_view>

// Internal to whistle_config: data files compiled into the library by config/embed_text.cmake
// (see config/CMakeLists.txt), so the binary runs from any directory.
namespace whistle::config {

namespace embedded {

/// The text of config/templates/zh-CN.toml.
extern const std::string_view kZhCnTemplates;

/// The text of config/demo.toml, the built-in demo community.
extern const std::string_view kDemoToml;

}  // namespace embedded

/// The compiled-in template file of `language`; empty for a language without one.
std::optional<std::string_view> builtin_template_text(std::string_view language);

/// The languages with compiled-in templates, comma-separated, for messages.
std::string builtin_languages();

}  // namespace whistle::config
