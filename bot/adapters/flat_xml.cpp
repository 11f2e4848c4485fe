#include "bot/adapters/flat_xml.hpp"

#include <cstdint>

#include "handlers/language/utf8.hpp"

namespace whistle::bot {

namespace {

constexpr std::size_t kMaxDepth = 8;
constexpr std::size_t kMaxElements = 1000;

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool is_name_start(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

bool is_name_char(char c) {
  return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

// Whether `text` is valid UTF-8 (a U+FFFD written as such is valid; one made of a bad byte is not).
bool valid_utf8(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    const language::CodePoint cp = language::decode_utf8(text, pos);
    if (cp.value == language::kReplacementCharacter &&
        text.substr(pos, 3) != language::kReplacementCharacterUtf8)
      return false;
    pos += cp.length;
  }
  return true;
}

bool only_spaces(std::string_view text) {
  for (const char c : text) {
    if (!is_space(c)) return false;
  }
  return true;
}

void append_utf8(std::string& out, std::uint32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// "&amp;", "&#20320;", "&#x4F60;" at the start of `text` (which begins with '&'): appends what it
// stands for and returns its length, or 0 when it is no entity XML predefines.
std::size_t read_entity(std::string_view text, std::string& out) {
  const auto semicolon = text.find(';');
  if (semicolon == std::string_view::npos || semicolon > 12) return 0;
  const std::string_view name = text.substr(1, semicolon - 1);
  if (name == "lt") {
    out += '<';
  } else if (name == "gt") {
    out += '>';
  } else if (name == "amp") {
    out += '&';
  } else if (name == "quot") {
    out += '"';
  } else if (name == "apos") {
    out += '\'';
  } else if (name.size() >= 2 && name[0] == '#') {
    const bool hex = name[1] == 'x';
    const std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    std::uint32_t code = 0;
    for (const char c : digits) {
      int digit = -1;
      if (c >= '0' && c <= '9') digit = c - '0';
      if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
      if (hex && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
      if (digit < 0) return 0;
      code = code * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
      if (code > 0x10FFFF) return 0;
    }
    // NUL and the surrogates are no characters.
    if (code == 0 || (code >= 0xD800 && code <= 0xDFFF)) return 0;
    append_utf8(out, code);
  } else {
    return 0;
  }
  return semicolon + 1;
}

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  std::variant<XmlFields, std::string> run() {
    // Every value becomes chat text or an id: one check here covers them all.
    if (!valid_utf8(text_)) return std::string("the XML is not UTF-8");
    skip_spaces();
    if (starts_with("<?xml")) {
      const auto end = text_.find("?>", pos_);
      if (end == std::string_view::npos) return std::string("unterminated XML declaration");
      pos_ = end + 2;
      skip_spaces();
    }
    if (starts_with("<!")) return std::string("DOCTYPE, entities and comments are not accepted");
    if (!starts_with("<")) return std::string("the body is not XML");
    std::string root;
    if (auto error = open_tag(root)) return *error;
    if (!self_closed_) {
      if (auto error = content(root, "", 0)) return *error;
    }
    skip_spaces();
    if (pos_ != text_.size()) return std::string("something follows the XML root element");
    return std::move(fields_);
  }

 private:
  bool starts_with(std::string_view prefix) const { return text_.substr(pos_).starts_with(prefix); }

  void skip_spaces() {
    while (pos_ < text_.size() && is_space(text_[pos_]))
      ++pos_;
  }

  // `<Name>` or `<Name/>` at pos_; sets self_closed_.
  std::optional<std::string> open_tag(std::string& name) {
    ++pos_;  // '<'
    if (pos_ >= text_.size() || !is_name_start(text_[pos_])) return std::string("malformed XML tag");
    const std::size_t start = pos_;
    while (pos_ < text_.size() && is_name_char(text_[pos_]))
      ++pos_;
    name = std::string(text_.substr(start, pos_ - start));
    skip_spaces();
    self_closed_ = starts_with("/>");
    if (self_closed_) {
      pos_ += 2;
    } else if (starts_with(">")) {
      ++pos_;
    } else {
      return std::string("XML attributes are not accepted");
    }
    if (++elements_ > kMaxElements) return std::string("too many XML elements");
    return std::nullopt;
  }

  // The content of element `name` (at `path`) up to and including its end tag. Recursion is
  // bounded by kMaxDepth.
  std::optional<std::string> content(const std::string& name, const std::string& path, std::size_t depth) {
    std::string value;
    bool has_children = false;
    bool has_text = false;
    while (true) {
      if (pos_ >= text_.size()) return std::string("unterminated XML element");
      const char c = text_[pos_];
      if (c == '&') {
        const std::size_t length = read_entity(text_.substr(pos_), value);
        if (length == 0) return std::string("unknown XML entity");
        pos_ += length;
        has_text = true;
      } else if (c != '<') {
        if (!is_space(c)) has_text = true;
        value += c;
        ++pos_;
      } else if (starts_with("<![CDATA[")) {
        const auto end = text_.find("]]>", pos_ + 9);
        if (end == std::string_view::npos) return std::string("unterminated CDATA section");
        value.append(text_.substr(pos_ + 9, end - pos_ - 9));
        pos_ = end + 3;
        has_text = true;
      } else if (starts_with("</")) {
        pos_ += 2;
        const std::size_t start = pos_;
        while (pos_ < text_.size() && is_name_char(text_[pos_]))
          ++pos_;
        if (text_.substr(start, pos_ - start) != name) return std::string("mismatched XML end tag");
        skip_spaces();
        if (!starts_with(">")) return std::string("malformed XML end tag");
        ++pos_;
        break;
      } else if (starts_with("<!") || starts_with("<?")) {
        return std::string("DOCTYPE, entities, comments and processing instructions are not accepted");
      } else {
        // A child element.
        if (depth + 1 >= kMaxDepth) return std::string("XML nested too deeply");
        has_children = true;
        std::string child;
        if (auto error = open_tag(child)) return *error;
        const std::string child_path = path.empty() ? child : path + "/" + child;
        if (self_closed_) {
          fields_.add(child_path, "");
        } else if (auto error = content(child, child_path, depth + 1)) {
          return error;
        }
      }
    }
    if (has_children) {
      if (has_text && !only_spaces(value)) return std::string("XML text mixed with elements");
    } else if (!path.empty()) {
      fields_.add(path, std::move(value));
    }
    return std::nullopt;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t elements_ = 0;
  bool self_closed_ = false;
  XmlFields fields_;
};

}  // namespace

std::optional<std::string_view> XmlFields::get(std::string_view path) const {
  std::optional<std::string_view> found;
  for (const auto& [name, value] : fields_) {
    if (name != path) continue;
    if (found) return std::nullopt;
    found = value;
  }
  return found;
}

bool XmlFields::repeated(std::string_view path) const {
  int count = 0;
  for (const auto& field : fields_) {
    if (field.first == path && ++count > 1) return true;
  }
  return false;
}

std::variant<XmlFields, std::string> parse_flat_xml(std::string_view text) {
  return Reader(text).run();
}

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace whistle::bot
