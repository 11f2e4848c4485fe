#pragma once

// Schema version 12: the bot's open question to a resident about a report. When the bot offers
// to take a line as a report ("要反映这个问题吗？") or asks what happened ("我想报个修" → "请说说遇到
// 了什么事"), an elderly resident answers "是的" or says the trouble on the next line. The answer
// only means something beside the question, so the question is kept here, one per chat and
// person (a newer one replaces it), until it is answered, the person opens a report anywhere (the
// key leads with the person for that), or it goes stale: a row a week old is deleted whenever a
// new question is kept, so a resident's words do not stay behind.
// `kind` is "offer:<kind>" (the ticket's kind — report, order, wish — and the words offered in
// `words`) or "ask:<kind>" (in `words` a place already told, else empty).

namespace whistle::store {

inline constexpr const char* kSchemaV12 = R"sql(
CREATE TABLE report_offers (
  chat      TEXT NOT NULL,
  person_id TEXT NOT NULL,
  kind      TEXT NOT NULL,
  words     TEXT NOT NULL,
  photos    TEXT NOT NULL DEFAULT '',
  at        INTEGER NOT NULL,
  PRIMARY KEY (person_id, chat)
) WITHOUT ROWID;
-- The week-old rows are deleted by their time whenever a question is kept.
CREATE INDEX report_offers_by_at ON report_offers(at);
)sql";

}  // namespace whistle::store
