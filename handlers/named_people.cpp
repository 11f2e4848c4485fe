#include "handlers/named_people.hpp"

#include <algorithm>

#include "handlers/people_names.hpp"

namespace whistle::handlers {

namespace {

bool is_bot(const Services& services, const std::string& id) {
  const std::vector<std::string>& bots = services.config.bot.ids;
  return std::find(bots.begin(), bots.end(), id) != bots.end();
}

// Whether `id` is who "@typed" means: by display name, or by the platform's own id typed out.
bool answers_to(Context& context, const std::string& id, const std::string& typed) {
  return name_as_given(context.people, id) == typed || local_part(id) == typed;
}

// The one of `preferred` (a task's signups) who answers to the name typed, if exactly one does.
std::optional<std::string> among_preferred(Context& context, const std::string& typed,
                                           const std::vector<std::string>& preferred) {
  std::vector<std::string> fits;
  for (const std::string& id : preferred) {
    if (answers_to(context, id, typed) && std::find(fits.begin(), fits.end(), id) == fits.end())
      fits.push_back(id);
  }
  if (fits.size() == 1) return fits.front();
  return std::nullopt;
}

// The one person beyond `preferred` the name typed means: the id itself on the sender's platform,
// else by display name in the community, else anywhere.
std::optional<std::string> by_name(Context& context, const std::string& typed) {
  // "@wangwu" on a platform that sends neither mentions nor names (WeCom's AI bot): the id the
  // bot itself shows for them, on the sender's own platform.
  const std::string& sender = context.message.sender;
  if (const std::size_t colon = sender.find(':'); colon != std::string::npos) {
    const std::string same_platform = sender.substr(0, colon + 1) + typed;
    if (same_platform != sender && context.people.find(same_platform)) return same_platform;
  }
  if (!context.community) return std::nullopt;
  const std::vector<store::Person> people = context.people.find_by_name(*context.community, typed);
  if (people.size() == 1) return people.front().id;
  if (!people.empty()) return std::nullopt;
  // Nobody with a role here has the name: a resident who has only spoken to the bot may, if they
  // are the only one so called.
  const std::vector<store::Person> anyone = context.people.find_by_name_anywhere(typed, 2);
  if (anyone.size() == 1) return anyone.front().id;
  return std::nullopt;
}

// The name before a nickname's bracketed part ("张三(3-201)" → "张三", "李姐【3栋】" → "李姐").
std::string without_bracketed_part(const std::string& typed) {
  const std::size_t bracket = std::min({typed.find('('), typed.find('['), typed.find("【")});
  return bracket == std::string::npos || bracket == 0 ? typed : typed.substr(0, bracket);
}

}  // namespace

std::vector<NamedPerson> named_people(Context& context, const Command& command,
                                      const std::vector<std::string>& preferred) {
  std::vector<std::string> sent;  // the platform's ids not yet matched to a typed name
  for (const std::string& id : context.message.mentions) {
    if (!is_bot(context, id) && std::find(sent.begin(), sent.end(), id) == sent.end()) sent.push_back(id);
  }

  std::vector<NamedPerson> named;
  for (const std::string& typed : command.mentions) {
    NamedPerson person{typed, std::nullopt};
    const auto match = std::find_if(sent.begin(), sent.end(),
                                    [&](const std::string& id) { return answers_to(context, id, typed); });
    if (match != sent.end()) {
      person.id = *match;
      sent.erase(match);
    }
    named.push_back(std::move(person));
  }
  // A name the task's signups answer to is theirs (a leader types 张三 by hand beside a platform
  // mention of 老何).
  for (NamedPerson& person : named) {
    if (!person.id) person.id = among_preferred(context, person.typed, preferred);
  }
  // The platform said whom the @ meant, though it named them otherwise or not at all (a group
  // nickname, a person who never wrote to the bot): its ids fill the names left open, in order,
  // before any name is looked up beyond the signups, so a namesake elsewhere is never paid
  // instead or as well.
  for (NamedPerson& person : named) {
    if (!person.id && !sent.empty()) {
      person.id = sent.front();
      sent.erase(sent.begin());
    }
  }
  for (NamedPerson& person : named) {
    if (person.id) continue;
    person.id = by_name(context, person.typed);
    // "@张三(3-201)" typed by hand, or from a platform that sends no ids: 张三 is who the bot knows.
    if (const std::string base = without_bracketed_part(person.typed); !person.id && base != person.typed) {
      person.id = among_preferred(context, base, preferred);
      if (!person.id) person.id = by_name(context, base);
      if (!person.id) person.typed = base;
    }
    if (!person.id && context.community)
      person.namesakes = context.people.find_by_name(*context.community, person.typed).size();
    // Two residents so called who have only spoken to the bot are namesakes too: "派单 T1 @李强" was
    // told nobody is called so (an exploratory run of people changing, 2026-12-07).
    if (!person.id && person.namesakes == 0) {
      const std::size_t anyone = context.people.find_by_name_anywhere(person.typed, 10).size();
      if (anyone > 1) person.namesakes = anyone;
    }
  }
  for (std::string& id : sent)
    named.push_back(NamedPerson{local_part(id), std::move(id)});

  // A person the platform named may never have written to the bot: they exist from now on, so an
  // entry about them (加分 to a resident) has someone to belong to.
  for (const NamedPerson& person : named) {
    if (!person.id) continue;
    const auto sent_name = context.message.mention_names.find(*person.id);
    std::string name = sent_name == context.message.mention_names.end() ? "" : sent_name->second;
    // Without a name from the platform, what the leader typed after the @ names someone the bot
    // knows no name for (an exploratory run, 2026-12-06: 加分 @马大姐 put "u-ma" on the 公示). Never
    // over a name they are known by (a nickname typed in one group would rename them everywhere),
    // nor a name someone else has: a stranger called 张三 made the real one unreachable by name (a
    // review, 2026-12-06).
    if (name.empty() && !person.typed.empty() && person.typed != local_part(*person.id)) {
      const std::optional<store::Person> known = context.people.find(*person.id);
      if ((!known || known->name.empty()) && context.people.find_by_name_anywhere(person.typed, 1).empty())
        name = person.typed;
    }
    context.people.touch(*person.id, name, context.now);
  }

  // Each person once, even when named twice.
  std::vector<NamedPerson> unique;
  for (NamedPerson& person : named) {
    const bool seen = person.id && std::any_of(unique.begin(), unique.end(), [&](const NamedPerson& other) {
                        return other.id == person.id;
                      });
    if (!seen) unique.push_back(std::move(person));
  }
  return unique;
}

}  // namespace whistle::handlers
