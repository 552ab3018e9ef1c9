#include "export/document_inputs.h"

#include <cstdio>

#include "export/text.h"

namespace chibo {

std::string voteSummary(const VoteTally& v) {
  return std::to_string(v.in_favour) + "/" + std::to_string(v.eligible) + " đồng chí tán thành (" +
         percentOf(v.in_favour, v.eligible) + "), " + std::to_string(v.against) + " không tán thành, " +
         std::to_string(v.notVoting()) + " không biểu quyết";
}

void checkVote(Validator& v, const std::string& field, const VoteTally& t) {
  if (t.eligible < 0 || t.in_favour < 0 || t.against < 0)
    v.add(field, "negative", "Số liệu biểu quyết không được âm.");
  else if (t.in_favour + t.against > t.eligible)
    v.add(field, "vote_exceeds_eligible", "Số tán thành và không tán thành vượt quá số đảng viên biểu quyết.");
}

std::string clockPhrase(DateTime t) {
  // DateTime::vn() is "HH:MM dd/mm/yyyy"; documents spell the time out.
  std::string vn = t.vn();
  int h = std::stoi(vn.substr(0, 2)), m = std::stoi(vn.substr(3, 2));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%d giờ %02d phút", h, m);
  return buf;
}

std::string comrade(const PersonRef& p) {
  std::string s = "đồng chí " + std::string(trimAscii(p.name));
  if (!trimAscii(p.position).empty()) s += ", " + std::string(trimAscii(p.position));
  return s;
}

PartyDocument startDocument(const DocumentHeading& h, std::string doc_type, std::string title) {
  PartyDocument d;
  d.superior_body = h.superior_body;
  d.issuing_body = h.issuing_body;
  d.number = h.number;
  d.place = h.place;
  d.date = h.date;
  d.doc_type = std::move(doc_type);
  d.title = std::move(title);
  return d;
}

std::string endSentence(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.pop_back();
  if (s.empty()) return s;
  const char last = s.back();
  const bool ellipsis = s.size() >= 3 && s.compare(s.size() - 3, 3, "…") == 0;
  if (last == '.' || last == '!' || last == '?' || ellipsis) return s;
  return s + ".";
}

}  // namespace chibo
