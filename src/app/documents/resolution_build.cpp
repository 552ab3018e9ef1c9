// ResolutionFacts -> PartyDocument. Includes the export side only (see
// resolution_facts.h for why this file must not include the store).
#include <algorithm>

#include "app/documents/resolution_facts.h"
#include "export/resolution.h"
#include "export/text.h"

namespace chibo {
namespace {

// Index of the first heading starting with `prefix`, else the end.
size_t headingAt(const PartyDocument& d, const std::string& prefix) {
  for (size_t i = 0; i < d.body.size(); ++i)
    if (const auto* h = std::get_if<Heading>(&d.body[i]); h && h->level == 1 && h->text.rfind(prefix, 0) == 0) return i;
  return d.body.size();
}

void insertParagraphs(PartyDocument& d, size_t at, const std::vector<std::string>& lines) {
  std::vector<Block> blocks;
  for (const auto& l : lines) blocks.push_back(plainParagraph(l));
  d.body.insert(d.body.begin() + long(std::min(at, d.body.size())), blocks.begin(), blocks.end());
}

}  // namespace

Result<PartyDocument> buildResolutionDocument(const ResolutionFacts& f) {
  ResolutionInput in;
  in.heading = f.heading;
  in.period = f.period;
  in.start = f.start;
  in.end = f.end;
  in.place = f.place;
  in.expected = f.expected;
  in.present = f.present;
  in.chair = f.chair;
  in.secretary = f.secretary;
  in.previous_resolution = f.previous_resolution;
  for (const auto& t : f.previous_tasks) in.previous_tasks.push_back({t.task, t.result, t.status});
  in.directions = f.directions;
  for (const auto& a : f.assignments) in.assignments.push_back({a.task, a.assignee, a.due});
  in.vote = f.vote.value_or(VoteTally{});
  in.signer = f.signer;
  auto built = buildResolution(in);
  if (!built) return built.error();
  PartyDocument d = std::move(*built);
  d.doc_type = f.doc_type;
  d.title = f.title;
  // The opening speaks of the meeting's month; section II of the month the resolution leads.
  if (size_t ii = headingAt(d, "II."); ii < d.body.size() && !f.direction_period.empty())
    std::get<Heading>(d.body[ii]).text = "II. PHƯƠNG HƯỚNG NHIỆM VỤ " + upperVn(f.direction_period);
  // The record keeps section texts rather than lists of strengths and
  // weaknesses: they go in as paragraphs at the end of their section.
  insertParagraphs(d, headingAt(d, "II."), f.assessment);
  insertParagraphs(d, headingAt(d, "IV."), f.assignment_notes);
  if (!f.targets.empty()) {
    // The targets lead section II, before the directions.
    size_t at = std::min(headingAt(d, "II.") + 1, d.body.size());
    BulletList list;
    for (const auto& t : f.targets) list.items.push_back({{t, false, false}});
    d.body.insert(d.body.begin() + long(at), {Block{labelledParagraph("Chỉ tiêu: ", "")}, Block{list}});
  }
  size_t iv = headingAt(d, "IV.");
  if (iv + 1 < d.body.size() && !f.self_assessment.empty()) d.body[iv + 1] = plainParagraph(f.self_assessment);
  if (f.doc_type != "NGHỊ QUYẾT")
    for (auto it = d.body.rbegin(); it != d.body.rend(); ++it)
      if (auto* p = std::get_if<Paragraph>(&*it); p && !p->runs.empty() && p->runs.front().italic) {
        std::string& t = p->runs.front().text;
        const std::string nq = "Nghị quyết";
        if (t.rfind(nq, 0) == 0) t = "Kết luận" + t.substr(nq.size());
        break;
      }
  if (f.vote && (!f.vote_rule.empty() || f.vote_passed)) {
    std::string line = f.vote_rule.empty() ? "" : "Quy tắc biểu quyết: " + f.vote_rule;
    if (f.vote_passed)
      line += std::string(line.empty() ? "Kết quả: " : "; kết quả: ") + (*f.vote_passed ? "thông qua" : "không thông qua");
    for (auto it = d.body.rbegin(); it != d.body.rend(); ++it)
      if (auto* p = std::get_if<Paragraph>(&*it); p && !p->runs.empty() && p->runs.front().italic) {
        Paragraph rule = plainParagraph(line + ".");
        rule.runs.front().italic = true;
        d.body.insert(it.base(), rule);
        break;
      }
  }
  if (!f.vote) {
    // The last body block is the vote line; without a vote it says so.
    for (auto it = d.body.rbegin(); it != d.body.rend(); ++it)
      if (auto* p = std::get_if<Paragraph>(&*it); p && !p->runs.empty() && p->runs.front().italic) {
        p->runs.front().text = f.doc_type == "NGHỊ QUYẾT" ? "Nghị quyết chưa được biểu quyết." : "Kết luận chưa được biểu quyết.";
        break;
      }
  }
  return d;
}

}  // namespace chibo
