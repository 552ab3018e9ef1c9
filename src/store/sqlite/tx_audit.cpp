// The append-only audit log. Changes are kept as a JSON array text column so
// one row holds a whole write, whatever its shape.
#include <boost/json.hpp>

#include "store/sqlite/sqlite_tx.h"

namespace chibo::sqlite {
namespace json = boost::json;

std::string encodeChanges(const std::vector<FieldChange>& changes) {
  json::array a;
  for (const auto& c : changes) {
    json::object o;
    o["field"] = c.field;
    o["before"] = c.before ? json::value(*c.before) : json::value(nullptr);
    o["after"] = c.after ? json::value(*c.after) : json::value(nullptr);
    a.push_back(std::move(o));
  }
  return json::serialize(a);
}

std::vector<FieldChange> decodeChanges(const std::string& text) {
  std::vector<FieldChange> out;
  boost::system::error_code ec;
  auto v = json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& e : v.as_array()) {
    if (!e.is_object()) continue;
    const auto& o = e.as_object();
    FieldChange c;
    if (auto f = o.if_contains("field"); f && f->is_string()) c.field = std::string(f->as_string());
    if (auto b = o.if_contains("before"); b && b->is_string()) c.before = std::string(b->as_string());
    if (auto a = o.if_contains("after"); a && a->is_string()) c.after = std::string(a->as_string());
    out.push_back(std::move(c));
  }
  return out;
}

Id SqliteTx::appendAudit(const AuditEntry& e) {
  requireWritable();
  auto st = conn_.prepare(
      "INSERT INTO audit_log (at, actor_id, actor_username, action, target_type, target_id, org_id, org_path, "
      "changes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  st.bind(1, e.at.unix_seconds).bind(2, e.actor_id).bind(3, e.actor_username).bind(4, e.action);
  st.bind(5, e.target_type).bind(6, e.target_id).bind(7, e.org_id).bind(8, e.org_path);
  st.bind(9, encodeChanges(e.changes)).run();
  return conn_.lastInsertId();
}

std::vector<AuditEntry> SqliteTx::audit(const AuditQuery& q) {
  auto st = conn_.prepare(
      "SELECT id, at, actor_id, actor_username, action, target_type, target_id, org_id, org_path, changes "
      "FROM audit_log WHERE org_path >= ?1 AND org_path < ?2 AND (?3 IS NULL OR target_type = ?3) "
      "AND (?4 IS NULL OR target_id = ?4) ORDER BY id DESC LIMIT ?5 OFFSET ?6");
  st.bind(1, q.org_path).bind(2, pathUpperBound(q.org_path)).bind(3, q.target_type).bind(4, q.target_id);
  st.bind(5, q.limit).bind(6, q.offset);
  std::vector<AuditEntry> out;
  while (st.step()) {
    AuditEntry e;
    e.id = st.i64(0);
    e.at = DateTime{st.i64(1)};
    e.actor_id = st.optI64(2);
    e.actor_username = st.text(3);
    e.action = st.text(4);
    e.target_type = st.text(5);
    e.target_id = st.i64(6);
    e.org_id = st.optI64(7);
    e.org_path = st.text(8);
    e.changes = decodeChanges(st.text(9));
    out.push_back(std::move(e));
  }
  return out;
}

int64_t SqliteTx::auditCount(const AuditQuery& q) {
  auto st = conn_.prepare(
      "SELECT COUNT(*) FROM audit_log WHERE org_path >= ?1 AND org_path < ?2 AND (?3 IS NULL OR target_type = ?3) "
      "AND (?4 IS NULL OR target_id = ?4)");
  st.bind(1, q.org_path).bind(2, pathUpperBound(q.org_path)).bind(3, q.target_type).bind(4, q.target_id);
  return st.step() ? st.i64(0) : 0;
}

}  // namespace chibo::sqlite
