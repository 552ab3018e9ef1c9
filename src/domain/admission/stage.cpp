#include "domain/admission/stage.h"

#include <array>

namespace chibo {
namespace {

struct Row {
  AdmissionStage stage;
  std::string_view code;
  std::string_view label;
};

constexpr std::array<Row, 9> kStages{{
    {AdmissionStage::listed, "listed", "Quần chúng ưu tú"},
    {AdmissionStage::course_completed, "course_completed", "Đã học lớp bồi dưỡng nhận thức về Đảng"},
    {AdmissionStage::introduced, "introduced", "Đã có đơn và người giới thiệu"},
    {AdmissionStage::cell_voted, "cell_voted", "Chi bộ đã biểu quyết đề nghị kết nạp"},
    {AdmissionStage::decided, "decided", "Đã có quyết định kết nạp"},
    {AdmissionStage::admitted, "admitted", "Đã kết nạp, đảng viên dự bị"},
    {AdmissionStage::official_voted, "official_voted", "Chi bộ đã đề nghị công nhận chính thức"},
    {AdmissionStage::official, "official", "Đảng viên chính thức"},
    {AdmissionStage::refused, "refused", "Không kết nạp / không công nhận"},
}};

}  // namespace

std::string_view toCode(AdmissionStage s) {
  for (const auto& r : kStages)
    if (r.stage == s) return r.code;
  return "listed";
}

std::optional<AdmissionStage> admissionStageFromCode(std::string_view code) {
  for (const auto& r : kStages)
    if (r.code == code) return r.stage;
  return std::nullopt;
}

std::string_view label(AdmissionStage s) {
  for (const auto& r : kStages)
    if (r.stage == s) return r.label;
  return "";
}

std::optional<AdmissionStage> nextStage(AdmissionStage s) {
  if (isFinal(s)) return std::nullopt;
  return static_cast<AdmissionStage>(static_cast<int>(s) + 1);
}

bool isFinal(AdmissionStage s) { return s == AdmissionStage::official || s == AdmissionStage::refused; }

bool mayFollow(AdmissionStage from, AdmissionStage to) {
  if (isFinal(from)) return false;
  return to == AdmissionStage::refused || nextStage(from) == to;
}

bool isProbation(AdmissionStage s) { return s == AdmissionStage::admitted || s == AdmissionStage::official_voted; }

}  // namespace chibo
