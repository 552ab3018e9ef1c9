#pragma once
// Biên bản sinh hoạt chi bộ: the minutes the secretary keeps, with the fields
// of the local templates in domain.md §2.6 and HD 16-HD/VPTW's minutes model.
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/result.h"
#include "export/document_inputs.h"
#include "export/party_document.h"

namespace chibo {

struct Absence {
  std::string name;
  std::string reason;  // "đi công tác", "ốm"
};

// One member's contribution to the discussion, as the secretary summed it up.
struct SpeakerNote {
  std::string name;
  std::string summary;
};

struct MinutesAgendaItem {
  std::string title;        // "Đánh giá kết quả thực hiện Nghị quyết tháng 02/2026"
  std::string presenter;    // who presented it; optional
  std::string content;      // summary of what was presented; optional
  std::vector<SpeakerNote> discussion;
  std::string conclusion;   // the chair's conclusion on this item; optional
  // What the record holds under this step besides notes and speeches, one
  // line each, in order: earlier tasks and their outcome, tasks assigned, the
  // vote, the quality self-evaluation, the roll-call figures.
  std::vector<std::string> records;
};

// The cell's numbers on the meeting day, as the roster computed them.
struct MinutesCounts {
  int official = 0;      // chính thức
  int probationary = 0;  // dự bị
  int temp_in = 0;       // sinh hoạt tạm thời đến
  int exempt = 0;        // miễn công tác và sinh hoạt đảng
  int temp_out = 0;      // đi sinh hoạt tạm thời nơi khác
  int expected = 0;      // phải dự: the attendance denominator
  int present = 0;
};

struct MinutesInput {
  DocumentHeading heading;  // number like "Số 03-BB/CB"; date = meeting day
  std::string title;        // "Sinh hoạt chi bộ thường kỳ tháng 3/2026"
  DateTime start;
  std::optional<DateTime> end;
  std::string place;        // "Nhà văn hóa Khu phố 1"
  PersonRef chair;
  PersonRef secretary;
  std::vector<PersonRef> guests;  // upper-level committee members and other invitees
  MinutesCounts counts;
  std::vector<Absence> absent_with_reason;
  std::vector<std::string> absent_without_reason;  // names
  std::string dues_status;  // optional, e.g. "đã thu đảng phí tháng 3/2026 của 19/20 đồng chí"
  std::vector<MinutesAgendaItem> agenda;
  std::string conclusion;   // the chair's overall conclusion
  std::optional<VoteTally> vote;
  std::string vote_subject = "thông qua Nghị quyết";
  std::string vote_rule;    // "Quá một nửa số đảng viên có mặt có quyền biểu quyết"; optional
  std::optional<bool> vote_passed;  // the outcome under vote_rule; none = not decided
  bool read_back = true;    // the minutes were read to the cell before closing (HD 12/2018)
};

// The minutes as a PartyDocument: time, place and people; the cell's numbers
// with each absentee named (and their reason); the agenda; the course of the
// meeting step by step (what was presented, the records under the step, every
// speaker in the order they spoke, the step's conclusion; a step with nothing
// recorded says so in one line); the chair's conclusion; the vote line with its
// rule and result; the closing time and read-back; signatures of THƯ KÝ (left)
// and CHỦ TRÌ (right).
// Validation errors: chair/secretary name missing, negative counts, present
// above expected, present + absentees ≠ expected ("counts.present",
// "attendance_mismatch"), an absence with reason lacking a name or a reason,
// end before start, impossible vote numbers.
Result<PartyDocument> buildMinutes(const MinutesInput& in);

}  // namespace chibo
