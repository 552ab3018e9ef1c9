// The review's papers: a member's form and a round's result list (contract in review.h).
#include "app/documents/document_common.h"
#include "app/review/review_internal.h"

namespace chibo {
using namespace review;

namespace {

std::string levelAndPoints(const std::optional<ReviewLevel>& l, const std::optional<int>& p) {
  if (!l) return "";
  return std::string(levelName(*l)) + (p ? " (" + std::to_string(*p) + " điểm)" : "");
}
std::string shortLevel(const std::optional<ReviewLevel>& l) { return l ? std::string(levelShort(*l)) : ""; }

}  // namespace

Result<ReviewPapers> reviewFormPapers(Store& store, const RuleCatalog& cat, const Caller& c, Id review_id) {
  auto tx = store.read();
  auto ctx = loadReview(*tx, c, review_id);
  if (!ctx) return ctx.error();
  auto v = memberView(*tx, cat, c, *ctx);
  const auto& r = v.review;
  const auto& e = v.evidence;
  ReviewFormInput in;
  in.heading = docs::headingOf(*tx, ctx->cell, c.today());
  in.year = ctx->round.year;
  in.member_name = v.member_name;
  in.cell_name = ctx->cell.name;
  in.results = {
      {"Dự sinh hoạt chi bộ", std::to_string(e.meetings_attended) + "/" + std::to_string(e.meetings_expected) + " buổi"},
      {"Vắng có lý do", std::to_string(e.absent_excused)},
      {"Vắng không có lý do", std::to_string(e.absent_unexcused)},
      {"Phát biểu trong sinh hoạt", std::to_string(e.speeches) + " lần"},
      {"Nhiệm vụ hoàn thành đúng hạn", std::to_string(e.tasks_on_time)},
      {"Nhiệm vụ hoàn thành chậm", std::to_string(e.tasks_done_late)},
      {"Nhiệm vụ quá hạn chưa hoàn thành", std::to_string(e.tasks_overdue)},
      {"Nhiệm vụ đang thực hiện", std::to_string(e.tasks_open)},
      {"Đóng đảng phí", std::to_string(e.dues_months_paid) + "/" + std::to_string(e.dues_months_due) + " tháng"},
      {"Cảnh báo trong năm", std::to_string(e.warnings)},
  };
  in.self_text = r.self_text;
  in.self_level = levelAndPoints(r.self_level, r.self_points);
  if (r.cell_level)
    in.cell_opinion = levelAndPoints(r.cell_level, r.cell_points) + "; biểu quyết: tán thành " +
                      std::to_string(r.vote_for) + "/" + std::to_string(r.vote_eligible) + ", không tán thành " +
                      std::to_string(r.vote_against) + ", ý kiến khác " + std::to_string(r.vote_abstain) + ".";
  in.decision = levelAndPoints(r.decided_level, r.decided_points);
  if (!r.decision_note.empty()) in.decision += ". " + r.decision_note;
  for (const auto& s : v.steps)
    if (s.step == ReviewStep::decide || s.step == ReviewStep::appeal)
      in.history.push_back(std::string(stepName(s.step)) + " ngày " + s.at.date().vn() + ": " +
                           levelAndPoints(s.level, s.points) + (s.note.empty() ? "" : " – " + s.note));
  if (in.history.size() < 2) in.history.clear();  // only worth listing once an appeal changed it
  auto doc = buildReviewForm(in);
  if (!doc) return doc.error();
  return ReviewPapers{std::move(*doc), {}, "Bản kiểm điểm năm " + std::to_string(in.year) + " " + v.member_name};
}

Result<ReviewPapers> reviewResultPapers(Store& store, const RuleCatalog& cat, const Caller& c, Id round_id,
                                        std::optional<Id> cell_id) {
  auto tx = store.read();
  auto round = tx->review().round(round_id);
  if (!round) return Error::notFound();
  auto view = roundView(*tx, cat, c, *round);
  if (!view) return view.error();
  std::optional<Org> cell;
  if (cell_id) {
    for (const auto& l : view->cells)
      if (l.cell.id == *cell_id) cell = l.cell;
    if (!cell) return Error::notFound();
  }
  auto org = tx->org(round->org_id);
  if (!org) return Error::notFound();
  ReviewResultInput in;
  in.heading = docs::headingOf(*tx, cell ? *cell : *org, c.today());
  in.year = round->year;
  in.scope_name = cell ? cell->name : org->name;
  int by_level[4] = {0, 0, 0, 0};
  for (const auto& l : view->reviews) {
    if (cell && l.review.cell_id != cell->id) continue;
    const auto& r = l.review;
    in.rows.push_back({l.member_name, l.cell_name, shortLevel(r.self_level), shortLevel(r.cell_level),
                       shortLevel(r.decided_level), r.decided_points});
    if (r.decided_level) ++by_level[size_t(*r.decided_level)];
    else ++in.not_decided;
  }
  for (auto l : {ReviewLevel::excellent, ReviewLevel::good, ReviewLevel::done, ReviewLevel::not_done})
    in.totals.push_back({std::string(levelName(l)), by_level[size_t(l)]});
  if (!cell)
    for (const auto& l : view->cells)
      in.cells.push_back({l.cell.name, l.classification ? std::string(levelName(l.classification->level)) +
                                                             " (" + std::to_string(l.classification->points) + " điểm)"
                                                       : "Chưa xếp loại"});
  in.signatures = {docs::cellSignature(cell ? *cell : *org, "")};
  auto doc = buildReviewResults(in);
  if (!doc) return doc.error();
  auto book = reviewResultsBook(in);
  return ReviewPapers{std::move(*doc), std::move(book),
                      "Kết quả xếp loại năm " + std::to_string(in.year) + " " + in.scope_name};
}

}  // namespace chibo
