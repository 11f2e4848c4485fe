#include "handlers/language/argument_words.hpp"

#include <algorithm>

#include "handlers/language/intent_table.hpp"
#include "handlers/language/mentions.hpp"
#include "handlers/language/text_util.hpp"

namespace whistle::language {

// The words as free text, unless they are filler ("了", "！") rather than something said.
std::optional<std::string> free_text(std::string_view text) {
  if (is_filler(text)) return std::nullopt;
  std::string cleaned = clean_free_text(text);
  if (cleaned.empty()) return std::nullopt;
  return cleaned;
}

void set_title(Command& command, std::string_view text) {
  if (auto title = free_text(text)) command.title = std::move(title);
}

void set_reason(Command& command, std::string_view text) {
  if (auto reason = free_text(text)) command.reason = std::move(reason);
}

// Appends the people named in `text` (cutting them out) to those already found before the
// command ("给@老赵 加3分").
void add_mentions(Command& command, std::string& text, const ParseContext& context) {
  for (std::string& name : take_mentions(text, context.bot_names)) {
    if (std::find(command.mentions.begin(), command.mentions.end(), name) == command.mentions.end())
      command.mentions.push_back(std::move(name));
  }
}

// "签到一下 12": words that soften a command without changing it.
std::string_view skip_softeners(std::string_view rest) {
  for (const std::string_view word : vocabulary().softeners) {
    if (starts_with_at(rest, 0, word)) return rest.substr(word.size());
  }
  return rest;
}

// The words without trailing punctuation and spaces.
std::string_view without_end_punctuation(std::string_view text) {
  text = trim_spaces(text);
  while (!text.empty() &&
         (text.back() == '?' || text.back() == '!' || text.back() == '.' || text.back() == ' '))
    text.remove_suffix(1);
  return text;
}

// Whether the words end in 吗/吧/呢…: asked or suggested to the others.
bool ends_as_a_question_or_suggestion(std::string_view words) {
  const std::string_view text = without_end_punctuation(words);
  for (const std::string_view ending : vocabulary().asking_endings) {
    if (text.ends_with(ending)) return true;
  }
  return false;
}

bool asks_whether_done(std::string_view remark) {
  if (remark.find('?') != std::string_view::npos) return true;
  const std::string_view text = without_end_punctuation(trim_spaces(remark));
  // "T1 处理好了吗 谢谢", "T1 修好了没 师傅": the question, then thanks or a name (a leader's own
  // question resolved the ticket it asked after).
  // "T1 办结了吗 谢谢": the 了 before the particle too.
  const std::string_view asked = text.starts_with("了") ? text.substr(std::string_view("了").size()) : text;
  for (const std::string_view particle : {"吗", "么", "嘛", "没有", "没"}) {
    if (asked.starts_with(particle) && (asked.size() == particle.size() || asked[particle.size()] == ' ' ||
                                        asked[particle.size()] == ',' || asked[particle.size()] == '.'))
      return true;
  }
  return ends_as_a_question_or_suggestion(text) || text.ends_with("没") || text.ends_with("没有");
}

// "吗", "吧?": nothing but such an ending.
bool is_question_particle(std::string_view words) {
  const std::string_view text = without_end_punctuation(words);
  for (const std::string_view ending : vocabulary().asking_endings) {
    if (text == ending) return true;
  }
  return false;
}

}  // namespace whistle::language
