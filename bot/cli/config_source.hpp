#pragma once

#include <optional>
#include <string>

#include "config/config.hpp"

namespace whistle::bot {

/// The configuration a subcommand runs with: the file given with --config; else
/// `config/whistle.toml` when it exists in the working directory; else the built-in demo community.
/// Throws config::Error for a file that cannot be used.
config::Config choose_config(const std::optional<std::string>& config_file);

/// A short phrase saying where the configuration came from, for start-up messages.
std::string describe_config_source(const config::Config& config);

}  // namespace whistle::bot
