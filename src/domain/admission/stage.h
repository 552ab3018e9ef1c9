#pragma once
// The stages of admitting a new member (phát triển đảng viên,
// Điều lệ Điều 4–5, QĐ 24-QĐ/TW mục 3–5), from an outstanding non-member on
// the cell's list to an official member, and the one order they go in.
//
// Design notes:
// - The pipeline is linear: each stage may only be followed by the next one,
//   so a dated history reads like the dossier (hồ sơ) it mirrors. A refusal
//   (the chi bộ or the committee says no, or the probationary member is not
//   recognised) may end it at any stage before `official`, with a reason.
// - `admitted` is the ceremony (lễ kết nạp): from that day the person is a
//   probationary member of the cell (Điều lệ Điều 5: probation runs from the
//   ceremony).
#include <optional>
#include <string_view>

namespace chibo {

enum class AdmissionStage {
  listed,            // quần chúng ưu tú on the cell's list, a member assigned to help
  course_completed,  // giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng
  introduced,        // application, lý lịch and the introducers (2 members, or Đoàn + 1)
  cell_voted,        // nghị quyết chi bộ đề nghị kết nạp (the consideration date)
  decided,           // quyết định kết nạp of the competent committee
  admitted,          // lễ kết nạp: probationary member from this day
  official_voted,    // nghị quyết chi bộ đề nghị công nhận chính thức
  official,          // quyết định công nhận đảng viên chính thức
  refused,           // not admitted / not recognised, with the reason
};

std::string_view toCode(AdmissionStage);
std::optional<AdmissionStage> admissionStageFromCode(std::string_view);
std::string_view label(AdmissionStage);  // Vietnamese, "Đã học lớp bồi dưỡng"

// The stage that may follow `s` (none after official or refused).
std::optional<AdmissionStage> nextStage(AdmissionStage s);
// True for official and refused: nothing may be recorded after them.
bool isFinal(AdmissionStage s);
// True when `to` may be recorded after `from`: the next stage, or a refusal of an unfinished pipeline.
bool mayFollow(AdmissionStage from, AdmissionStage to);
// True from the ceremony until the official decision (the person is a probationary member).
bool isProbation(AdmissionStage s);

}  // namespace chibo
