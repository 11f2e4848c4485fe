// libFuzzer target: the chat-line parser. Any bytes are a line someone could type; the parser
// promises never to throw and to return a Command whose JSON form (`whistle parse`) can be built.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "handlers/language/command_json.hpp"
#include "handlers/language/parser.hpp"

namespace {

const whistle::language::ParseContext& context() {
  static const whistle::language::ParseContext value = [] {
    whistle::language::ParseContext c;
    c.now = 1'764'000'000;  // 2025-11-24, a Monday morning in Beijing
    c.utc_offset_seconds = 8 * 3600;
    c.place_names = {"锦华家园社区", "第一网格", "第二网格", "1号楼", "3号楼", "3号楼2单元", "b3u2"};
    return c;
  }();
  return value;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const whistle::handlers::Command command = whistle::language::parse_command(text, context());
  // dump() throws on invalid UTF-8 by default: the parser must hand on only text it can print.
  const std::string json = whistle::language::command_to_json(command, context().utc_offset_seconds).dump();
  if (json.empty()) __builtin_trap();
  return 0;
}
