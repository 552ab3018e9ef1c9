// Rule attachments, meeting evaluations and warning acknowledgements (0003).
// Evaluation points are a JSON object text column: they are always read and
// written whole, and their keys are the rubric's criterion codes.
#include <boost/json.hpp>

#include "store/sqlite/sqlite_tx.h"

namespace chibo::sqlite {
namespace {
namespace json = boost::json;

std::string encodePoints(const std::map<std::string, double>& points) {
  json::object o;
  for (const auto& [code, p] : points) o[code] = p;
  return json::serialize(o);
}

std::map<std::string, double> decodePoints(const std::string& text) {
  std::map<std::string, double> out;
  boost::system::error_code ec;
  auto v = json::parse(text, ec);
  if (ec || !v.is_object()) return out;
  for (const auto& [k, val] : v.as_object()) {
    if (val.is_double()) out[std::string(k)] = val.as_double();
    else if (val.is_int64()) out[std::string(k)] = double(val.as_int64());
    else if (val.is_uint64()) out[std::string(k)] = double(val.as_uint64());
  }
  return out;
}

WarningAck readAck(const Stmt& s) {
  WarningAck a;
  a.key = s.text(0);
  a.org_id = s.i64(1);
  a.code = s.text(2);
  a.note = s.text(3);
  a.by_user_id = s.optI64(4);
  a.by_username = s.text(5);
  a.at = s.instant(6);
  return a;
}
}  // namespace

std::vector<RuleAttachment> SqliteTx::ruleAttachments() {
  auto st = conn_.prepare(
      "SELECT a.id, a.org_id, o.path, a.rule_id, a.from_day, a.to_day, a.by_user_id, a.by_username, a.at "
      "FROM rule_attachments a JOIN orgs o ON o.id = a.org_id ORDER BY a.org_id, a.rule_id");
  std::vector<RuleAttachment> out;
  while (st.step()) {
    RuleAttachment a;
    a.id = st.i64(0);
    a.org_id = st.i64(1);
    a.org_path = st.text(2);
    a.rule_id = st.text(3);
    a.from = st.date(4);
    a.to = st.optDate(5);
    a.by_user_id = st.optI64(6);
    a.by_username = st.text(7);
    a.at = st.instant(8);
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<MeetingEvaluation> SqliteTx::meetingEvaluations(Id meeting_id) {
  auto st = conn_.prepare(
      "SELECT meeting_id, evaluator, points, note, rule_set_id, by_user_id, by_username, at "
      "FROM meeting_evaluations WHERE meeting_id = ?1 ORDER BY evaluator");
  st.bind(1, meeting_id);
  std::vector<MeetingEvaluation> out;
  while (st.step()) {
    MeetingEvaluation e;
    e.meeting_id = st.i64(0);
    e.evaluator = st.text(1);
    e.points = decodePoints(st.text(2));
    e.note = st.text(3);
    e.rule_set_id = st.text(4);
    e.by_user_id = st.optI64(5);
    e.by_username = st.text(6);
    e.at = st.instant(7);
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<WarningAck> SqliteTx::warningAcks(const std::string& org_path) {
  auto st = conn_.prepare(
      "SELECT w.key, w.org_id, w.code, w.note, w.by_user_id, w.by_username, w.at "
      "FROM warning_acks w JOIN orgs o ON o.id = w.org_id WHERE o.path >= ?1 AND o.path < ?2 ORDER BY w.key");
  st.bind(1, org_path).bind(2, pathUpperBound(org_path));
  std::vector<WarningAck> out;
  while (st.step()) out.push_back(readAck(st));
  return out;
}

std::optional<WarningAck> SqliteTx::warningAck(std::string_view key) {
  auto st = conn_.prepare(
      "SELECT key, org_id, code, note, by_user_id, by_username, at FROM warning_acks WHERE key = ?1");
  st.bind(1, key);
  if (!st.step()) return std::nullopt;
  return readAck(st);
}

Id SqliteTx::upsertRuleAttachment(const RuleAttachment& a) {
  requireWritable();
  auto st = conn_.prepare(
      "INSERT INTO rule_attachments (org_id, rule_id, from_day, to_day, by_user_id, by_username, at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (org_id, rule_id) DO UPDATE SET "
      "from_day = excluded.from_day, to_day = excluded.to_day, by_user_id = excluded.by_user_id, "
      "by_username = excluded.by_username, at = excluded.at");
  st.bind(1, a.org_id).bind(2, a.rule_id).bind(3, a.from).bind(4, a.to).bind(5, a.by_user_id);
  st.bind(6, a.by_username).bind(7, a.at).run();
  auto q = conn_.prepare("SELECT id FROM rule_attachments WHERE org_id = ?1 AND rule_id = ?2");
  q.bind(1, a.org_id).bind(2, a.rule_id);
  if (!q.step()) conn_.fail("rule attachment vanished after upsert");
  return q.i64(0);
}

void SqliteTx::upsertMeetingEvaluation(const MeetingEvaluation& e) {
  requireWritable();
  auto st = conn_.prepare(
      "INSERT OR REPLACE INTO meeting_evaluations (meeting_id, evaluator, points, note, rule_set_id, by_user_id, "
      "by_username, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  st.bind(1, e.meeting_id).bind(2, e.evaluator).bind(3, encodePoints(e.points)).bind(4, e.note);
  st.bind(5, e.rule_set_id).bind(6, e.by_user_id).bind(7, e.by_username).bind(8, e.at).run();
}

void SqliteTx::insertWarningAck(const WarningAck& a) {
  requireWritable();
  auto st = conn_.prepare(
      "INSERT INTO warning_acks (key, org_id, code, note, by_user_id, by_username, at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  st.bind(1, a.key).bind(2, a.org_id).bind(3, a.code).bind(4, a.note).bind(5, a.by_user_id);
  st.bind(6, a.by_username).bind(7, a.at).run();
}

}  // namespace chibo::sqlite
