// The year's task list of an org: every task its held meetings assigned.
#include "app/documents/documents.h"

#include <map>

#include "app/documents/document_common.h"
#include "domain/meeting/vn_format.h"
#include "export/task_list.h"

namespace chibo {
using namespace docs;

Result<DocumentOut> taskListDocument(Store& store, const Caller& c, Id org_id, int year) {
  auto tx = store.read();
  auto org = tx->org(org_id);
  if (!org) return Error::notFound();
  if (orgAccess(c.principal, org->path) == Access::none) return Error::notFound();
  if (year < 1930 || year > 9999) return Error::validation({{"year", "out_of_range", "Năm không hợp lệ."}});
  TaskListInput in;
  in.heading = headingOf(*tx, *org, c.today());
  in.year = year;
  std::map<Id, std::string> names;
  std::map<Id, std::string> sources;
  auto first = *Date::fromYmd(year, 1, 1);
  for (const auto& rec : tx->meetingsOfOrg(org->id, startOfDay(first.addMonths(-1)), startOfDay(first.addMonths(13)))) {
    if (!isHeld(rec.meeting.status) || rec.meeting.period_year != year) continue;
    for (const auto& t : tx->tasksOfMeeting(rec.meeting.id)) {
      for (Id a : t.assignee_member_ids)
        if (!names.count(a))
          if (auto mm = tx->member(a)) names[a] = mm->full_name;
      std::string source;
      if (t.resolution_id) {
        auto it = sources.find(*t.resolution_id);
        if (it == sources.end()) {
          std::string s;
          if (auto r = tx->resolution(*t.resolution_id)) {
            s = resolutionView(*r).number_text;
            if (s.rfind("Số ", 0) == 0) s = std::string(docSymbol(r->doc_type)) + " " + s.substr(std::string("Số ").size());
          }
          it = sources.emplace(*t.resolution_id, s).first;
        }
        source = it->second;
      }
      in.tasks.push_back({t.description, assigneeNames(t.assignee_member_ids, names), t.deadline, source,
                          std::string(label(t.status))});
    }
  }
  std::string signer;
  for (const auto& r : tx->rolesInOrg(org->id))
    if (r.role == MemberRole::secretary && covers(r, c.today()))
      if (auto mm = tx->member(r.member_id)) signer = mm->full_name;
  in.signatures = {cellSignature(*org, signer)};
  auto doc = buildTaskList(in);
  if (!doc) return doc.error();
  return DocumentOut{std::move(*doc), "Nhiệm vụ năm " + std::to_string(year) + " " + org->name};
}

}  // namespace chibo
