#include "handlers/rating_question.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <span>

#include "handlers/language/resident_phrases.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/report_offer.hpp"
#include "handlers/ticket_rate.hpp"

namespace whistle::handlers {

namespace {

// "rate:5:unsolved": the ticket asked about and what its words seemed to say.
constexpr std::string_view kRatingPrefix = "rate:";

struct Asked {
  std::int64_t number = 0;
  RatingAsked what = RatingAsked::unsolved;
};

std::string_view name_of(RatingAsked asked) {
  switch (asked) {
    case RatingAsked::unsolved:
      return "unsolved";
    case RatingAsked::complaint:
      return "complaint";
    case RatingAsked::thanks:
      return "thanks";
  }
  return "unsolved";
}

std::optional<Asked> read_kind(std::string_view kind) {
  if (!kind.starts_with(kRatingPrefix)) return std::nullopt;
  kind.remove_prefix(kRatingPrefix.size());
  Asked asked;
  const auto [end, error] = std::from_chars(kind.data(), kind.data() + kind.size(), asked.number);
  if (error != std::errc() || end == kind.data() + kind.size() || *end != ':') return std::nullopt;
  const std::string_view what(end + 1, kind.data() + kind.size() - (end + 1));
  if (what == "complaint")
    asked.what = RatingAsked::complaint;
  else if (what == "thanks")
    asked.what = RatingAsked::thanks;
  return asked;
}

// A question older than this is no longer what a yes answers (as a report offer's).
bool fresh(const Context& context, const store::ReportOffer& kept) {
  return context.now - kept.at <= kReportOfferSeconds;
}

// A yes answers the question only this soon after it: "好的" a quarter of an hour later, after 积分
// was asked and answered, acknowledged that answer and sent the work back (a review, 2026-12-07).
constexpr std::int64_t kYesAnswersSeconds = 10 * 60;

// The yes that answers "是说…还没办好吗？" and "是对…的办理不满意吗？": a plain 是 or 对, thanks for
// asking at most after it. "好的" and "可以" acknowledge as often.
constexpr auto kPlainYes =
    std::to_array<std::string_view>({"是", "是的", "是滴", "是啊", "是呀", "对", "对的", "对啊", "对呀",
                                     "没错", "嗯", "嗯嗯", "恩", "就是", "是这样"});
// "办得满意吗？" is answered by an acknowledgement too.
constexpr auto kSatisfiedYes = std::to_array<std::string_view>({"好的", "好", "可以", "行", "挺好"});

bool confirms(std::string_view text, RatingAsked asked) {
  // "对的 谢谢你" confirms and thanks for asking: read as then asked again about thanks, its next "好的"
  // closed a lamp still dark as satisfied (a review, 2026-12-07).
  const std::string_view said = language::without_words_at_end(
      text, {" ", ",", "，", ".", "!", "。", "！", "~", "谢谢你们", "谢谢你", "谢谢啊", "谢谢", "多谢"});
  const auto among = [said](std::span<const std::string_view> words) {
    return std::find(words.begin(), words.end(), said) != words.end();
  };
  return among(kPlainYes) || (asked == RatingAsked::thanks && among(kSatisfiedYes));
}

}  // namespace

void keep_rating_question(Context& context, std::int64_t number, RatingAsked asked, std::string_view words) {
  keep_question(context,
                std::string(kRatingPrefix) + std::to_string(number) + ":" + std::string(name_of(asked)),
                std::string(words));
}

bool is_rating_question(const store::ReportOffer& kept) {
  return kept.kind.starts_with(kRatingPrefix);
}

std::optional<std::vector<Reply>> answer_rating_question(Context& context, const Command& command,
                                                         const store::ReportOffer& kept) {
  const std::optional<Asked> asked = read_kind(kept.kind);
  if (!asked || !context.message.is_private) return std::nullopt;
  if (language::answers_no(command.text)) {
    // "不是": the words were about something else; the rating is asked for as before.
    context.tickets.drop_offer(context.message.chat, context.message.sender);
    return std::nullopt;
  }
  if (!confirms(command.text, asked->what) || context.now - kept.at > kYesAnswersSeconds) return std::nullopt;
  Command rating = command;
  rating.intent = Intent::rate;
  rating.ticket = asked->number;
  rating.score = asked->what == RatingAsked::thanks ? 5 : 1;
  rating.reason = kept.words;
  return handle_rate(context, rating);
}

std::optional<std::string> words_asked_about(Context& context, std::int64_t number, int score) {
  const Message& message = context.message;
  const std::optional<store::ReportOffer> kept = context.tickets.offer_to(message.chat, message.sender);
  if (!kept || !is_rating_question(*kept)) return std::nullopt;
  context.tickets.drop_offer(message.chat, message.sender);
  const std::optional<Asked> asked = read_kind(kept->kind);
  if (!asked || asked->number != number || !fresh(context, *kept)) return std::nullopt;
  if ((asked->what == RatingAsked::thanks) != (score >= 4)) return std::nullopt;
  return kept->words;
}

}  // namespace whistle::handlers
