#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace whistle::bot {

/// The text values of a small XML document such as WeCom's callbacks,
/// `<xml><ToUserName><![CDATA[ww1]]></ToUserName><MsgId>1</MsgId><Info><Count>2</Count></Info></xml>`:
/// one entry per element holding text, named by its path below the root ("ToUserName", "Info/Count").
class XmlFields {
 public:
  /// The value of the element at `path` when it occurs exactly once; empty when it is absent or
  /// repeated (a repeated field is an attempt to make two readers see two values).
  std::optional<std::string_view> get(std::string_view path) const;

  /// Whether `path` occurs more than once.
  bool repeated(std::string_view path) const;

  /// Every (path, value) in document order.
  const std::vector<std::pair<std::string, std::string>>& all() const { return fields_; }

  /// Adds one value; used by the reader.
  void add(std::string path, std::string value) { fields_.emplace_back(std::move(path), std::move(value)); }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

/// Reads a document of elements, text, CDATA sections and the five predefined entities (plus
/// numeric character references), with an optional `<?xml ...?>` declaration. Refused, with a
/// short public reason: text that is not UTF-8, DOCTYPE and entity declarations (no entity can expand into
/// anything), comments and processing instructions, attributes, text mixed with child elements, elements
/// nested deeper than 8 or more than 1,000 of them, and anything after the root element. Never
/// throws except std::bad_alloc.
std::variant<XmlFields, std::string> parse_flat_xml(std::string_view text);

/// `text` escaped for XML character data (&, <, >, ", ').
std::string xml_escape(std::string_view text);

}  // namespace whistle::bot
