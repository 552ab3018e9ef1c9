// Party dues (0017): bases, reliefs, payments and the kept month rows.
#include "store/sqlite/sqlite_dues_repo.h"

namespace chibo::sqlite {
namespace {

DuesRelief reliefRow(Stmt& s) {
  DuesRelief r;
  r.id = s.i64(0);
  r.member_id = s.i64(1);
  r.kind = duesReliefKindFromCode(s.text(2)).value_or(DuesReliefKind::reduction);
  r.percent = s.i32(3);
  r.from_ym = s.i32(4);
  if (!s.isNull(5)) r.to_ym = s.i32(5);
  r.decision = s.text(6);
  return r;
}

DuesPayment paymentRow(Stmt& s) {
  DuesPayment p;
  p.member_id = s.i64(0);
  p.ym = s.i32(1);
  p.cell_id = s.i64(2);
  p.status = duesPaymentStatusFromCode(s.text(3)).value_or(DuesPaymentStatus::paid);
  if (!s.isNull(4)) p.channel = duesChannelFromCode(s.text(4));
  p.amount = s.i64(5);
  p.reference = s.text(6);
  p.note = s.text(7);
  p.recorded_at = s.instant(8);
  return p;
}

DuesMonthStats statsRow(Stmt& s) {
  DuesMonthStats m;
  m.cell_id = s.i64(0);
  m.ym = s.i32(1);
  m.cell_path = s.text(2);
  m.members_due = s.i32(3);
  m.members_paid = s.i32(4);
  m.members_excused = s.i32(5);
  m.amount_due = s.i64(6);
  m.amount_collected = s.i64(7);
  m.amount_cash = s.i64(8);
  return m;
}

#define PAYMENT_COLS "member_id, ym, cell_id, status, channel, amount, reference, note, recorded_at"
#define RELIEF_COLS "id, member_id, kind, percent, from_ym, to_ym, decision"
#define STATS_COLS \
  "cell_id, ym, cell_path, members_due, members_paid, members_excused, amount_due, amount_collected, amount_cash"

}  // namespace

std::vector<DuesBasis> SqliteDuesRepo::bases(Id member_id) {
  auto s = conn_.prepare(
      "SELECT id, member_id, kind, amount, from_ym, note FROM dues_bases WHERE member_id = ? ORDER BY from_ym");
  s.bind(1, member_id);
  std::vector<DuesBasis> out;
  while (s.step()) {
    DuesBasis b;
    b.id = s.i64(0);
    b.member_id = s.i64(1);
    b.kind = duesBasisKindFromCode(s.text(2)).value_or(DuesBasisKind::other);
    b.amount = s.i64(3);
    b.from_ym = s.i32(4);
    b.note = s.text(5);
    out.push_back(std::move(b));
  }
  return out;
}

std::vector<DuesRelief> SqliteDuesRepo::reliefs(Id member_id) {
  auto s = conn_.prepare("SELECT " RELIEF_COLS " FROM dues_reliefs WHERE member_id = ? ORDER BY from_ym, id");
  s.bind(1, member_id);
  std::vector<DuesRelief> out;
  while (s.step()) out.push_back(reliefRow(s));
  return out;
}

std::optional<DuesRelief> SqliteDuesRepo::relief(Id id) {
  auto s = conn_.prepare("SELECT " RELIEF_COLS " FROM dues_reliefs WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return reliefRow(s);
}

std::optional<DuesPayment> SqliteDuesRepo::payment(Id member_id, int ym) {
  auto s = conn_.prepare("SELECT " PAYMENT_COLS " FROM dues_payments WHERE member_id = ? AND ym = ?");
  s.bind(1, member_id).bind(2, ym);
  if (!s.step()) return std::nullopt;
  return paymentRow(s);
}

std::vector<DuesPayment> SqliteDuesRepo::paymentsOfMember(Id member_id, int from_ym, int to_ym) {
  auto s = conn_.prepare(
      "SELECT " PAYMENT_COLS " FROM dues_payments WHERE member_id = ? AND ym BETWEEN ? AND ? ORDER BY ym");
  s.bind(1, member_id).bind(2, from_ym).bind(3, to_ym);
  std::vector<DuesPayment> out;
  while (s.step()) out.push_back(paymentRow(s));
  return out;
}

std::vector<DuesPayment> SqliteDuesRepo::paymentsOfCell(Id cell_id, int from_ym, int to_ym) {
  auto s = conn_.prepare(
      "SELECT " PAYMENT_COLS " FROM dues_payments WHERE cell_id = ? AND ym BETWEEN ? AND ? ORDER BY ym, member_id");
  s.bind(1, cell_id).bind(2, from_ym).bind(3, to_ym);
  std::vector<DuesPayment> out;
  while (s.step()) out.push_back(paymentRow(s));
  return out;
}

std::vector<DuesMonthStats> SqliteDuesRepo::cellMonthStats(Id cell_id, int from_ym, int to_ym) {
  auto s = conn_.prepare("SELECT " STATS_COLS
                         " FROM dues_month_stats WHERE cell_id = ? AND ym BETWEEN ? AND ? ORDER BY ym");
  s.bind(1, cell_id).bind(2, from_ym).bind(3, to_ym);
  std::vector<DuesMonthStats> out;
  while (s.step()) out.push_back(statsRow(s));
  return out;
}

std::vector<DuesMonthStats> SqliteDuesRepo::subtreeMonthTotals(const std::string& path, int from_ym, int to_ym) {
  // Paths are "/1/5/": a prefix range scan on the index instead of LIKE.
  auto s = conn_.prepare(
      "SELECT 0, ym, '', SUM(members_due), SUM(members_paid), SUM(members_excused), SUM(amount_due), "
      "SUM(amount_collected), SUM(amount_cash) FROM dues_month_stats "
      "WHERE cell_path >= ? AND cell_path < ? AND ym BETWEEN ? AND ? GROUP BY ym ORDER BY ym");
  std::string hi = path;
  hi.back() = char(hi.back() + 1);
  s.bind(1, path).bind(2, hi).bind(3, from_ym).bind(4, to_ym);
  std::vector<DuesMonthStats> out;
  while (s.step()) out.push_back(statsRow(s));
  return out;
}

std::optional<int> SqliteDuesRepo::earliestUnkeptPayment() {
  auto s = conn_.prepare(
      "SELECT MIN(p.ym) FROM dues_payments p WHERE NOT EXISTS "
      "(SELECT 1 FROM dues_month_stats m WHERE m.cell_id = p.cell_id AND m.ym = p.ym)");
  if (!s.step() || s.isNull(0)) return std::nullopt;
  return s.i32(0);
}

std::vector<int> SqliteDuesRepo::recordedMonths(Id cell_id, int from_ym, int to_ym) {
  auto s = conn_.prepare("SELECT DISTINCT ym FROM dues_payments WHERE cell_id = ? AND ym BETWEEN ? AND ? ORDER BY ym");
  s.bind(1, cell_id).bind(2, from_ym).bind(3, to_ym);
  std::vector<int> out;
  while (s.step()) out.push_back(s.i32(0));
  return out;
}

Id SqliteDuesRepo::putBasis(const DuesBasis& b) {
  requireWritable();
  auto s = conn_.prepare(
      "INSERT INTO dues_bases(member_id, kind, amount, from_ym, note) VALUES (?, ?, ?, ?, ?) "
      "ON CONFLICT(member_id, from_ym) DO UPDATE SET kind = excluded.kind, amount = excluded.amount, "
      "note = excluded.note RETURNING id");
  s.bind(1, b.member_id).bind(2, toCode(b.kind)).bind(3, b.amount).bind(4, b.from_ym).bind(5, b.note);
  if (!s.step()) conn_.fail("putBasis");
  return s.i64(0);
}

Id SqliteDuesRepo::insertRelief(const DuesRelief& r) {
  requireWritable();
  auto s = conn_.prepare(
      "INSERT INTO dues_reliefs(member_id, kind, percent, from_ym, to_ym, decision) VALUES (?, ?, ?, ?, ?, ?)");
  s.bind(1, r.member_id).bind(2, toCode(r.kind)).bind(3, r.percent).bind(4, r.from_ym).bind(5, r.to_ym).bind(6,
                                                                                                              r.decision);
  s.run();
  return conn_.lastInsertId();
}

void SqliteDuesRepo::deleteRelief(Id id) {
  requireWritable();
  auto s = conn_.prepare("DELETE FROM dues_reliefs WHERE id = ?");
  s.bind(1, id);
  s.run();
}

void SqliteDuesRepo::putPayment(const DuesPayment& p) {
  requireWritable();
  auto s = conn_.prepare("INSERT OR REPLACE INTO dues_payments(" PAYMENT_COLS ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.bind(1, p.member_id).bind(2, p.ym).bind(3, p.cell_id).bind(4, toCode(p.status));
  if (p.channel) s.bind(5, toCode(*p.channel));
  else s.bindNull(5);
  s.bind(6, p.amount).bind(7, p.reference).bind(8, p.note).bind(9, p.recorded_at);
  s.run();
}

void SqliteDuesRepo::deletePayment(Id member_id, int ym) {
  requireWritable();
  auto s = conn_.prepare("DELETE FROM dues_payments WHERE member_id = ? AND ym = ?");
  s.bind(1, member_id).bind(2, ym);
  s.run();
}

void SqliteDuesRepo::putMonthStats(const DuesMonthStats& m) {
  requireWritable();
  auto s = conn_.prepare("INSERT OR REPLACE INTO dues_month_stats(" STATS_COLS ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.bind(1, m.cell_id).bind(2, m.ym).bind(3, m.cell_path).bind(4, m.members_due).bind(5, m.members_paid);
  s.bind(6, m.members_excused).bind(7, m.amount_due).bind(8, m.amount_collected).bind(9, m.amount_cash);
  s.run();
}

}  // namespace chibo::sqlite
