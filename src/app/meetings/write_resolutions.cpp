// Adopting a resolution, numbering it, recording its vote.
#include "app/audit_write.h"
#include "app/meetings/meeting_access.h"
#include "app/meetings/resolutions.h"
#include "app/oversight/aggregates.h"
#include "app/validate.h"

namespace chibo {
namespace {

// Voters on the roll of the meeting day, and those of them marked present.
struct VoterCounts : Voters {
  Date day;
};

VoterCounts countVoters(ReadTx& tx, const MeetingCtx& ctx) {
  VoterCounts vc;
  vc.day = meetingDate(ctx.rec);
  std::vector<AttendanceMark> marks;
  for (const auto& a : tx.attendance(ctx.rec.meeting.id)) marks.push_back(a.mark);
  static_cast<Voters&>(vc) = chibo::countVoters(meetingRoll(tx, ctx.org, vc.day), marks,
                                                probationaryVotesRule() && probationaryVotesRule()(tx, ctx.org, vc.day));
  return vc;
}

// `eligible` is what the roll says (R-RES-2): taken when absent, refused when different.
std::optional<Vote> buildVote(Validator& v, const VoteInput& in, const VoterCounts& vc) {
  Vote vote;
  vote.votes_for = in.votes_for.value_or(0);
  vote.against = in.against.value_or(0);
  vote.abstain = in.abstain.value_or(0);
  if (in.rule) {
    if (auto r = voteRuleFromCode(*in.rule)) vote.rule = *r;
    else v.add("vote.rule", "invalid_choice", "Nguyên tắc biểu quyết không hợp lệ.");
  }
  vote.eligible = eligibleFor(vote.rule, vc.on_roll, vc.present);
  if (vote.rule == VoteRule::majority_present && !vc.roll_taken) {
    // No roll call yet: who was present is not on record, only that it cannot
    // exceed the voters on the roll.
    vote.eligible = in.eligible.value_or(vc.on_roll);
    if (vote.eligible > vc.on_roll) {
      v.add("vote.eligible", "exceeds_roll",
            "Số đảng viên có quyền biểu quyết (" + std::to_string(vote.eligible) + ") vượt số có quyền biểu quyết " +
                "trong danh sách ngày " + vc.day.vn() + " (" + std::to_string(vc.on_roll) + ").");
      return std::nullopt;
    }
  } else if (in.eligible && *in.eligible != vote.eligible) {
    std::string who = vote.rule == VoteRule::majority_present
                          ? "đảng viên có quyền biểu quyết có mặt (theo điểm danh)"
                          : "đảng viên có quyền biểu quyết trong danh sách ngày " + vc.day.vn();
    v.add("vote.eligible", "eligible_mismatch",
          "Số " + who + " là " + std::to_string(vote.eligible) + ", không phải " + std::to_string(*in.eligible) +
              ". Bỏ trống để hệ thống tự tính.");
    return std::nullopt;
  }
  if (auto st = validateVote(vote); !st.ok()) {
    for (const auto& fe : st.error().field_errors) v.add("vote." + fe.field, fe.code, fe.message);
    return std::nullopt;
  }
  return vote;
}

void applyFields(Validator& v, ReadTx& tx, const MeetingCtx& ctx, const Caller& c, const ResolutionFields& in,
                 Resolution& r) {
  if (auto s = cleanText(v, "title", in.title, false, 500, "tiêu đề")) r.title = *s;
  if (auto s = cleanText(v, "assessment", in.assessment, false, 20000, "phần đánh giá")) r.sections.assessment = *s;
  if (auto s = cleanText(v, "direction", in.direction, false, 20000, "phần phương hướng")) r.sections.direction = *s;
  if (auto s = cleanText(v, "assignments", in.assignments, false, 20000, "phần phân công")) r.sections.assignments = *s;
  if (auto s = cleanText(v, "self_assessment", in.self_assessment, false, 20000, "phần tự đánh giá"))
    r.sections.self_assessment = *s;
  if (auto d = parseDateField(v, "issued_on", in.issued_on, false, DateRule::any, c.today(), "ngày ban hành"))
    r.issued_on = *d;
  if (in.targets) {
    r.targets.clear();
    for (size_t i = 0; i < in.targets->size(); ++i) {
      const auto& t = (*in.targets)[i];
      std::string p = "targets[" + std::to_string(i) + "].";
      Target out;
      out.description = cleanText(v, p + "description", t.description, true, 1000, "nội dung chỉ tiêu").value_or("");
      out.unit = cleanText(v, p + "unit", t.unit, false, 50, "đơn vị").value_or("");
      out.note = cleanText(v, p + "note", t.note, false, 1000, "ghi chú").value_or("");
      out.target_value = t.target_value;
      out.actual_value = t.actual_value;
      out.achieved = t.achieved;
      r.targets.push_back(std::move(out));
    }
  }
  if (in.vote) r.vote = buildVote(v, *in.vote, countVoters(tx, ctx));
}

std::vector<FieldChange> diff(const Resolution& a, const Resolution& b) {
  auto num = [](const Resolution& r) { return r.number ? std::optional<std::string>(std::to_string(*r.number)) : std::nullopt; };
  auto vote = [](const Resolution& r) {
    return r.vote ? std::optional<std::string>(decideVote(*r.vote).detail + " / " + std::to_string(r.vote->eligible) +
                                               " (" + std::string(toCode(r.vote->rule)) + ")")
                  : std::nullopt;
  };
  auto targets = [](const Resolution& r) {
    std::string s;
    for (const auto& t : r.targets) s += t.description + "; ";
    return s;
  };
  std::vector<FieldChange> ch;
  diffField(ch, "doc_type", std::string(toCode(a.doc_type)), std::string(toCode(b.doc_type)));
  diffField(ch, "number", num(a), num(b));
  diffField(ch, "title", a.title, b.title);
  diffField(ch, "assessment", a.sections.assessment, b.sections.assessment);
  diffField(ch, "direction", a.sections.direction, b.sections.direction);
  diffField(ch, "assignments", a.sections.assignments, b.sections.assignments);
  diffField(ch, "self_assessment", a.sections.self_assessment, b.sections.self_assessment);
  diffField(ch, "issued_on", auditValue(a.issued_on), auditValue(b.issued_on));
  diffField(ch, "targets", targets(a), targets(b));
  diffField(ch, "vote", vote(a), vote(b));
  return ch;
}

struct Loaded {
  Resolution resolution;
  MeetingCtx ctx;
};
Result<Loaded> loadWritable(WriteTx& tx, const Caller& c, Id id) {
  auto r = tx.resolution(id);
  if (!r) return Error::notFound();
  auto ctx = loadWritableMeeting(tx, c, r->meeting_id);
  if (!ctx) return ctx.error();
  if (auto st = requireOpen(tx, c, *ctx, "sửa nghị quyết hoặc biểu quyết"); !st.ok()) return st.error();
  return Loaded{std::move(*r), std::move(*ctx)};
}

Result<ResolutionView> save(std::unique_ptr<WriteTx> tx, const Caller& c, const Loaded& cur, const Resolution& r,
                            const char* action) {
  auto changes = diff(cur.resolution, r);
  if (!changes.empty()) {
    Resolution next = r;
    next.version = cur.resolution.version + 1;
    tx->updateResolution(next);
    writeAudit(*tx, c, action, "resolution", r.id, cur.ctx.org, std::move(changes));
    aggregatesOnMeetingWrite(*tx, r.meeting_id, c.now);  // issue 5: the figures land with the write
    tx->commit();
    return resolutionView(next);
  }
  return resolutionView(cur.resolution);
}

}  // namespace

Result<ResolutionView> createResolution(Store& store, const Caller& c, Id meeting_id, const ResolutionFields& in) {
  auto tx = store.write();
  auto ctx = loadWritableMeeting(*tx, c, meeting_id);
  if (!ctx) return ctx.error();
  if (auto st = requireOpen(*tx, c, *ctx, "thêm nghị quyết"); !st.ok()) return st.error();
  Validator v;
  Resolution r;
  r.meeting_id = meeting_id;
  r.org_id = ctx->org.id;
  if (in.doc_type) {
    auto t = docTypeFromCode(*in.doc_type);
    if (t) r.doc_type = *t;
    else v.add("doc_type", "invalid_choice", "Chỉ nhận nghị quyết hoặc kết luận.");
  }
  applyFields(v, *tx, *ctx, c, in, r);
  if (!in.title) v.add("title", "required", "Chưa có tiêu đề nghị quyết.");
  if (!v.ok()) return v.error();
  if (auto st = validateResolution(r); !st.ok()) return st.error();
  // R-DOC-1: read the sequence and insert in the same writer transaction.
  auto term = ctx->rec.term_id;
  auto issued = tx->resolutionNumbers(r.org_id, r.doc_type, term);
  if (in.number) {
    if (auto st = validateNumber(issued, *in.number); !st.ok()) return st.error();
    r.number = *in.number;
  } else {
    r.number = nextNumber(issued);
  }
  r.symbol = std::string(docSymbol(r.doc_type)) + "/" + issuerSymbol(ctx->org);
  r.id = tx->insertResolution(r, term);
  Resolution blank;
  blank.doc_type = r.doc_type;
  writeAudit(*tx, c, "resolution.create", "resolution", r.id, ctx->org, diff(blank, r));
  aggregatesOnMeetingWrite(*tx, meeting_id, c.now);  // issue 5: the figures land with the write
  tx->commit();
  return resolutionView(r);
}

Result<ResolutionView> updateResolution(Store& store, const Caller& c, Id id, const ResolutionFields& in) {
  auto tx = store.write();
  auto cur = loadWritable(*tx, c, id);
  if (!cur) return cur.error();
  Validator v;
  Resolution r = cur->resolution;
  if (in.doc_type && docTypeFromCode(*in.doc_type) != r.doc_type)
    v.add("doc_type", "immutable", "Không đổi được loại văn bản đã cấp số.");
  if (in.number && *in.number != r.number.value_or(0))
    v.add("number", "immutable", "Không đổi được số văn bản đã cấp.");
  applyFields(v, *tx, cur->ctx, c, in, r);
  if (!v.ok()) return v.error();
  if (auto st = validateResolution(r); !st.ok()) return st.error();
  return save(std::move(tx), c, *cur, r, "resolution.update");
}

Result<ResolutionView> recordVote(Store& store, const Caller& c, Id id, const VoteInput& in) {
  auto tx = store.write();
  auto cur = loadWritable(*tx, c, id);
  if (!cur) return cur.error();
  Validator v;
  Resolution r = cur->resolution;
  r.vote = buildVote(v, in, countVoters(*tx, cur->ctx));
  if (!v.ok()) return v.error();
  return save(std::move(tx), c, *cur, r, "resolution.vote");
}

}  // namespace chibo
