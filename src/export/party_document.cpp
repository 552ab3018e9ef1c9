#include "export/party_document.h"

#include <cstdio>

#include "export/text.h"

namespace chibo {

std::string placeDateLine(const std::string& place, Date date) {
  char buf[64];
  unsigned m = date.month();
  std::snprintf(buf, sizeof buf, "ngày %02u tháng %s%u năm %d", date.day(), m <= 2 ? "0" : "", m, date.year());
  return place.empty() ? std::string(buf) : place + ", " + buf;
}

std::string documentCaption(const PartyDocument& doc) {
  if (doc.title.empty()) return doc.doc_type;
  if (doc.doc_type.empty()) return doc.title;
  return doc.doc_type + " " + doc.title;
}

namespace {
std::string joinRuns(const std::vector<TextRun>& runs) {
  std::string s;
  for (const auto& r : runs) s += r.text;
  return s;
}
}  // namespace

std::string documentPlainText(const PartyDocument& doc) {
  std::string out;
  auto line = [&out](const std::string& s) {
    if (!s.empty()) out += s + "\n";
  };
  line(doc.superior_body);
  line(doc.issuing_body);
  line("ĐẢNG CỘNG SẢN VIỆT NAM");
  line(doc.number);
  line(placeDateLine(doc.place, doc.date));
  line(doc.doc_type);
  line(doc.title);
  for (const auto& b : doc.body) {
    if (const auto* h = std::get_if<Heading>(&b)) line(h->text);
    else if (const auto* p = std::get_if<Paragraph>(&b)) line(joinRuns(p->runs));
    else if (const auto* l = std::get_if<BulletList>(&b))
      for (const auto& item : l->items) line((l->marker.empty() ? "" : l->marker + " ") + joinRuns(item));
    else if (const auto* t = std::get_if<Table>(&b)) {
      auto row = [&line](const std::vector<std::string>& cells) {
        std::string s;
        for (size_t i = 0; i < cells.size(); ++i) s += (i ? " | " : "") + cells[i];
        line(s);
      };
      if (!t->header.empty()) row(t->header);
      for (const auto& r : t->rows) row(r);
    }
  }
  for (const auto& s : doc.signatures) {
    line(s.authority);
    line(s.position);
    line(s.name);
  }
  if (!doc.recipients.empty()) line("Nơi nhận:");
  for (const auto& r : doc.recipients) line("- " + r);
  return nfc(out);
}

Paragraph plainParagraph(std::string text, Align align) {
  Paragraph p;
  p.runs.push_back({std::move(text), false, false});
  p.align = align;
  return p;
}

Paragraph labelledParagraph(std::string label, std::string value) {
  Paragraph p;
  p.runs.push_back({std::move(label), true, false});
  p.runs.push_back({std::move(value), false, false});
  return p;
}

}  // namespace chibo
