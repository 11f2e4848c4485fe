#include "handlers/rating_question.hpp"

#include <charconv>

#include "handlers/language/resident_phrases.hpp"
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
  if (!language::answers_yes(command.text)) return std::nullopt;
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
