#include "app/documents/document_common.h"

#include <algorithm>

#include "app/meetings/meeting_access.h"
#include "domain/meeting/vn_format.h"
#include "domain/text/vn_text.h"
#include "export/text.h"

namespace chibo::docs {

DateTime startOfDay(Date d) { return DateTime{int64_t(d.days()) * 86400 - 7 * 3600}; }  // 00:00 UTC+7
bool isHeld(MeetingStatus s) { return s == MeetingStatus::held || s == MeetingStatus::finalized; }

std::string dashedDate(Date d) {
  std::string vn = d.vn();  // 05/03/2026
  std::replace(vn.begin(), vn.end(), '/', '-');
  return vn;
}

namespace {
// The administrative place of the HD 36 place-date line: the name after
// "phường", "xã", "thị trấn" or "đặc khu" in the nearest committee that has one.
std::string placeOf(ReadTx& tx, const Org& org) {
  auto ids = pathIds(org.path);
  for (auto it = ids.rbegin(); it != ids.rend(); ++it) {
    auto o = *it == org.id ? std::optional<Org>(org) : tx.org(*it);
    if (!o) continue;
    for (const char* word : {"phường ", "Phường ", "xã ", "Xã ", "thị trấn ", "Thị trấn ", "đặc khu ", "Đặc khu "}) {
      auto at = o->name.find(word);
      if (at != std::string::npos) return o->name.substr(at + std::string(word).size());
    }
  }
  return "";
}

// "THÀNH ỦY THÀNH PHỐ HỒ CHÍ MINH" with the name after the last body or
// place word ("HỒ CHÍ MINH") joined by no-break spaces, so a header line that
// wraps never splits a proper name (HD 36-HD/VPTW: the body's name is written
// in full; a name cut in two reads as two places). Names of one or two words
// are left as they are: they fit the half-page header column.
std::string keepNameTogether(const std::string& upper) {
  static const char* kWords[] = {"ĐẢNG", "ỦY", "BỘ", "CHI", "TỔ", "THÀNH", "PHỐ", "TỈNH", "QUẬN", "HUYỆN",
                                 "THỊ", "XÃ", "TRẤN", "PHƯỜNG", "ĐẶC", "KHU"};
  std::vector<std::string> words;
  for (size_t start = 0; start < upper.size();) {
    size_t sp = upper.find(' ', start);
    std::string w = upper.substr(start, sp == std::string::npos ? std::string::npos : sp - start);
    if (!w.empty()) words.push_back(w);
    if (sp == std::string::npos) break;
    start = sp + 1;
  }
  size_t name = 0;
  for (size_t i = 0; i < words.size(); ++i)
    for (const char* k : kWords)
      if (words[i] == k) name = i + 1;
  if (words.size() - name < 3) return upper;
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i) out += i > name ? "\u00a0" : " ";
    out += words[i];
  }
  return out;
}

}  // namespace

DocumentHeading headingOf(ReadTx& tx, const Org& org, Date date) {
  DocumentHeading h;
  if (org.parent_id)
    if (auto parent = tx.org(*org.parent_id)) h.superior_body = keepNameTogether(upperVn(parent->name));
  h.issuing_body = keepNameTogether(upperVn(org.name));
  h.place = placeOf(tx, org);
  h.date = date;
  return h;
}

// "sinh hoạt chi bộ thường kỳ tháng 3/2026", lower case: it follows "dự" in lists.
std::string meetingPhrase(const MeetingRecord& rec) {
  const Meeting& m = rec.meeting;
  std::string period = "tháng " + std::to_string(m.period_month) + "/" + std::to_string(m.period_year);
  switch (m.kind) {
    case MeetingKind::regular: return "sinh hoạt chi bộ thường kỳ " + period;
    case MeetingKind::combined:
      return "sinh hoạt chi bộ thường kỳ kết hợp chuyên đề " + period + (m.topic.empty() ? "" : ": " + m.topic);
    case MeetingKind::thematic: return "sinh hoạt chuyên đề " + period + (m.topic.empty() ? "" : ": " + m.topic);
    case MeetingKind::extraordinary: return "sinh hoạt chi bộ bất thường ngày " + meetingDate(rec).vn();
    case MeetingKind::subgroup: return "sinh hoạt tổ đảng " + period;
    case MeetingKind::committee_meeting: return "họp ngày " + meetingDate(rec).vn();
  }
  return "";
}

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = char(s[0] - 'a' + 'A');
  return s;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    std::string l = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    auto t = trimAscii(l);
    if (!t.empty()) out.emplace_back(t);
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

// "Bí thư Chi bộ Khu phố 1" when the member holds a role in the org that day.
std::string positionIn(ReadTx& tx, Id member_id, const Org& org, Date day) {
  for (const auto& r : tx.rolesOfMember(member_id))
    if (r.org_id == org.id && covers(r, day)) return std::string(label(r.role)) + " " + org.name;
  return "";
}

std::string nameOf(const MeetingView& v, std::optional<Id> id) {
  if (!id) return "";
  auto it = v.names.find(*id);
  return it == v.names.end() ? "" : it->second;
}

std::string absenceReason(const AbsenceLine& a) {
  std::string r = a.reason ? std::string(label(*a.reason)) : "";
  if (!a.reason_text.empty()) r += r.empty() ? a.reason_text : " (" + a.reason_text + ")";
  return r.empty() ? "có lý do" : r;
}

std::string assigneeNames(const std::vector<Id>& ids, const std::map<Id, std::string>& names) {
  std::string s;
  for (Id id : ids) {
    auto it = names.find(id);
    if (it == names.end() || it->second.empty()) continue;
    s += (s.empty() ? "Đồng chí " : ", đồng chí ") + it->second;
  }
  return s;
}

// The document the minutes and the resolution speak of: the monthly resolution
// when there is one, else the first one adopted.
const ResolutionView* mainResolution(const MeetingView& v) {
  for (const auto& rv : v.resolutions)
    if (rv.resolution.doc_type == DocType::resolution) return &rv;
  return v.resolutions.empty() ? nullptr : &v.resolutions.front();
}

// The holder of the secretary role of the org on `day`, else the chair.
std::string signerName(ReadTx& tx, const MeetingView& v, Date day) {
  for (const auto& r : tx.rolesInOrg(v.org.id))
    if (r.role == MemberRole::secretary && covers(r, day))
      if (auto m = tx.member(r.member_id)) return m->full_name;
  return nameOf(v, v.record.meeting.chair_member_id);
}

Signature cellSignature(const Org& org, std::string name) {
  return org.kind == OrgKind::committee ? Signature{"T/M ĐẢNG ỦY", "BÍ THƯ", std::move(name)}
                                        : Signature{"T/M CHI ỦY", "BÍ THƯ", std::move(name)};
}

Result<MeetingView> heldMeetingView(ReadTx& tx, const Caller& c, Id meeting_id) {
  auto ctx = loadMeeting(tx, c, meeting_id);
  if (!ctx) return ctx.error();
  if (ctx->rec.meeting.status == MeetingStatus::cancelled)
    return Error::conflict("meeting_cancelled", "Cuộc họp đã hủy, không có văn bản.");
  if (!isHeld(ctx->rec.meeting.status))
    return Error::conflict("not_held", "Cuộc họp chưa diễn ra nên chưa có văn bản.");
  return buildMeetingView(tx, c, *ctx);
}


}  // namespace chibo::docs
