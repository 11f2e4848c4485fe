#include "bot/board/html_text.hpp"

#include "bot/adapters/flat_xml.hpp"

namespace whistle::bot::board {

std::string html_escape(std::string_view text) {
  // XML's five entities are HTML5's too (&apos; included), in text and in quoted attributes.
  return xml_escape(text);
}

}  // namespace whistle::bot::board
