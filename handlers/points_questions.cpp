#include "handlers/points_questions.hpp"

#include <algorithm>

#include "handlers/help.hpp"
#include "handlers/language/points_questions.hpp"
#include "handlers/message.hpp"
#include "handlers/people_names.hpp"
#include "handlers/points.hpp"
#include "handlers/redemption_rules.hpp"
#include "handlers/task_lookup.hpp"

namespace whistle::handlers {

namespace {

// The person's tasks still open where they checked in and no leader has settled the stay:
// "「扫雪」(#1)、…", empty when none.
std::string stays_awaiting_confirmation(Context& context, const std::string& community,
                                        const std::string& person) {
  std::vector<std::string> tasks;
  for (const store::Signup& signup : context.signups.open_of_person(community, person)) {
    const std::optional<store::Attendance> stay = context.attendance.find(signup.task_id, person);
    if (!stay || !stay->checked_in_at || stay->outcome) continue;
    const std::optional<store::Task> task = context.tasks.by_id(signup.task_id);
    if (!task) continue;
    tasks.push_back(context.text("points_own_awaiting_task",
                                 {{"title", task->title}, {"task", std::to_string(task->number)}}));
  }
  return join_list(context, tasks);
}

// The entries with each task's hours: what a school's form asks for; for a certificate, where it is
// stamped after them.
std::vector<Reply> records_of_service(Context& context, bool certificate) {
  Command records;
  records.intent = Intent::points;
  records.text = "积分明细";
  records.addressed = true;
  std::vector<Reply> replies = handle_points(context, records);
  if (!certificate || !context.community) return replies;
  // The figures go to the asker in private wherever they asked: the note goes with them.
  const std::string own_chat = private_chat_of(context.message.sender);
  const auto figures = std::find_if(replies.begin(), replies.end(), [&](const Reply& reply) {
    return context.message.is_private || reply.chat == own_chat;
  });
  if (figures != replies.end())
    figures->text +=
        context.text("points_certificate_note", {{"center", service_center(context, *context.community)}});
  return replies;
}

}  // namespace

std::optional<std::vector<Reply>> answer_points_question(Context& context, const Command& command) {
  switch (language::points_question(command.text)) {
    case language::PointsQuestion::own: {
      Command own;
      own.intent = Intent::points;
      own.text = command.text;
      own.addressed = true;
      std::vector<Reply> replies = handle_points(context, own);
      // A stay done and not yet paid waits for the leader's 验收 (the answer said 本月获得0分 and
      // nothing more). Only here: a bare 积分, which the storm sends, reads no more than it did.
      if (!replies.empty() && context.community) {
        const std::string awaiting =
            stays_awaiting_confirmation(context, *context.community, context.message.sender);
        if (!awaiting.empty())
          replies.front().text += context.text("points_own_awaiting", {{"tasks", awaiting}});
      }
      return replies;
    }
    case language::PointsQuestion::rules:
      return std::vector<Reply>{points_rules(context)};
    case language::PointsQuestion::records:
      return records_of_service(context, false);
    case language::PointsQuestion::certificate:
      return records_of_service(context, true);
    case language::PointsQuestion::transfer:
      return std::vector<Reply>{reply_to_sender(
          context, context.text("points_not_transferable", {{"mention", sender_mention(context)}}))};
    case language::PointsQuestion::none:
      break;
  }
  return std::nullopt;
}

}  // namespace whistle::handlers
