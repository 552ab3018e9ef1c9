#include "export/party_document.h"

#include <cstdio>

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
