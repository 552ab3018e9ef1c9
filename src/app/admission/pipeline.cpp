// The pipeline of a committee (the ward) across its cells: how many people at
// each stage, each person's stage, and which deadlines have passed.
#include <algorithm>
#include <map>
#include <tuple>

#include "app/admission/admission_internal.h"

namespace chibo {
using namespace admission;

Result<PipelineView> admissionPipeline(Store& store, const RuleCatalog& cat, const Caller& c, Id org_id) {
  auto tx = store.read();
  auto org = tx->org(org_id);
  if (!org || orgAccess(c.principal, org->path) < Access::read) return Error::notFound();
  PipelineView out;
  out.org_id = org->id;
  out.org_name = org->name;
  std::map<Id, std::optional<Org>> cells;
  std::map<AdmissionStage, int> counts;
  for (auto& rec : tx->admission().candidatesUnder(org->path)) {
    auto& cell = cells[rec.cell_id];
    if (!cell) cell = tx->org(rec.cell_id);
    if (!cell || orgAccess(c.principal, cell->path) < Access::read) continue;
    ++counts[rec.stage];
    auto v = view(*tx, cat, c, Loaded{rec, *cell, orgAccess(c.principal, cell->path)}, false);
    if (v.deadline && v.deadline->overdue) ++out.overdue;
    out.items.push_back(std::move(v));
  }
  for (int s = 0; s <= int(AdmissionStage::refused); ++s) {
    auto st = AdmissionStage(s);
    out.counts.push_back({st, counts.count(st) ? counts[st] : 0});
  }
  std::stable_sort(out.items.begin(), out.items.end(), [](const CandidateView& a, const CandidateView& b) {
    auto key = [](const CandidateView& v) {
      bool over = v.deadline && v.deadline->overdue;
      return std::make_tuple(isFinal(v.candidate.stage) ? 2 : (over ? 0 : 1), -int(v.candidate.stage));
    };
    return key(a) < key(b);
  });
  return out;
}

}  // namespace chibo
