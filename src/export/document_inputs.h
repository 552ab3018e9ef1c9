#pragma once
// Pieces shared by the document builders' input structs (minutes, resolution,
// lists) and the phrases they all write the same way.
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/result.h"
#include "export/party_document.h"

namespace chibo {

// The HD 36 header fields of one document.
struct DocumentHeading {
  std::string superior_body;  // "ĐẢNG ỦY PHƯỜNG TÂN ĐỊNH"
  std::string issuing_body;   // "CHI BỘ KHU PHỐ 1"
  std::string number;         // "Số 03-BB/CB"; empty while the document is a draft
  std::string place;          // "Tân Định"
  Date date;                  // date of issue
};

// Someone named in a document, with the position written after the name.
struct PersonRef {
  std::string name;      // "Nguyễn Văn An"
  std::string position;  // "Bí thư Chi bộ"; optional
};

// A show-of-hands result. Those present and entitled to vote who neither
// approve nor object are "không biểu quyết"; probationary members have no
// vote (Điều lệ Đảng), so `eligible` counts official members present.
struct VoteTally {
  int eligible = 0;
  int in_favour = 0;
  int against = 0;
  int notVoting() const { return eligible - in_favour - against; }
};

// "18/20 đồng chí tán thành (90%), 0 không tán thành, 2 không biểu quyết".
std::string voteSummary(const VoteTally& v);

// Adds field errors under `field` (e.g. "vote") when counts are negative or
// in_favour + against exceeds eligible.
void checkVote(Validator& v, const std::string& field, const VoteTally& t);

// `s` closed by a full stop, unless it already ends with one (or "!", "?",
// "…"): a recorded text that ends its own sentence does not get a second one.
std::string endSentence(std::string s);

// "19 giờ 30 phút" in Asia/Ho_Chi_Minh.
std::string clockPhrase(DateTime t);

// "đồng chí Nguyễn Văn An, Bí thư Chi bộ" (no position: just the name).
std::string comrade(const PersonRef& p);

// An empty PartyDocument carrying the heading, type and title.
PartyDocument startDocument(const DocumentHeading& h, std::string doc_type, std::string title);

}  // namespace chibo
