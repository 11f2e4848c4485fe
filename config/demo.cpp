#include "config/config.hpp"
#include "config/embedded.hpp"

namespace whistle::config {

Config demo_config() {
  // The demo's data lives in config/demo.toml (compiled in), read by the same loader as any
  // file, so the demo is validated like one and doubles as a complete example.
  Config config = parse_config(embedded::kDemoToml, "config/demo.toml (built in)");
  config.source.clear();
  return config;
}

}  // namespace whistle::config
