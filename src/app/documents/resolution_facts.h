#pragma once
// The facts of a resolution as the record gives them, in a shape free of store
// types: resolution_document.cpp reads the store into ResolutionFacts, and
// resolution_build.cpp (which sees only the export side) turns them into the
// document, so the exporter never depends on the store's records.
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/result.h"
#include "export/document_inputs.h"
#include "export/party_document.h"

namespace chibo {

struct ResolutionFacts {
  DocumentHeading heading;
  std::string doc_type;  // "NGHỊ QUYẾT" or "KẾT LUẬN"
  std::string title;     // as adopted: "Lãnh đạo thực hiện nhiệm vụ tháng 4 năm 2026"
  std::string period;            // the meeting's month, "tháng 3/2026": the opening paragraph
  std::string direction_period;  // what the resolution leads, "tháng 4 năm 2026": section II's heading
  DateTime start;
  std::optional<DateTime> end;
  std::string place;
  int expected = 0;
  int present = 0;
  std::string chair, secretary;

  std::string previous_resolution;  // "Nghị quyết Số 02-NQ/CB ngày 05/02/2026"
  struct PreviousTask {
    std::string task, result, status;
  };
  std::vector<PreviousTask> previous_tasks;
  std::vector<std::string> assessment;  // paragraphs of section I
  std::vector<std::string> targets;     // section II, the targets set, one line each
  std::vector<std::string> directions;  // section II, one line each
  struct Assigned {
    std::string task, assignee;
    std::optional<Date> due;
  };
  std::vector<Assigned> assignments;    // section III table
  std::vector<std::string> assignment_notes;  // section III text
  std::string self_assessment;          // section IV
  std::optional<VoteTally> vote;        // none: not voted yet
  std::string vote_rule;                // "Quá một nửa số đảng viên có mặt có quyền biểu quyết"
  std::optional<bool> vote_passed;      // the outcome under vote_rule
  Signature signer;
};

// The resolution laid out by buildResolution (export/resolution.h), with the
// record's own title, type, section texts and vote (or "not voted yet").
Result<PartyDocument> buildResolutionDocument(const ResolutionFacts& f);

}  // namespace chibo
