#include "domain/meeting/preparation.h"

#include "domain/meeting/enum_table.h"

namespace chibo {
namespace {
using detail::EnumRow;
constexpr std::array<EnumRow<PrepItem>, 6> kItems{{
    {PrepItem::chi_uy_meeting, "chi_uy_meeting", "Chi ủy họp chuẩn bị nội dung"},
    {PrepItem::content_preparer, "content_preparer", "Phân công người chuẩn bị nội dung, dự thảo nghị quyết"},
    {PrepItem::draft_resolution, "draft_resolution", "Có dự thảo nghị quyết"},
    {PrepItem::notice_members, "notice_members", "Thông báo cho đảng viên trước khi họp"},
    {PrepItem::notice_monitor, "notice_monitor", "Thông báo cho cấp ủy viên cấp trên phụ trách"},
    {PrepItem::documents_on_time, "documents_on_time", "Đăng tài liệu lên Sổ tay đảng viên đúng hạn"},
}};

PrepItemResult beforeStart(PrepItem item, const std::optional<DateTime>& at, DateTime start) {
  if (!at) return {item, false, "Chưa thực hiện."};
  if (*at < start) return {item, true, "Đã thực hiện lúc " + at->vn() + "."};
  return {item, false, "Thực hiện lúc " + at->vn() + ", sau giờ họp."};
}
}  // namespace

std::string_view toCode(PrepItem i) { return detail::enumCode(kItems, i); }
std::optional<PrepItem> prepItemFromCode(std::string_view c) { return detail::enumFromCode(kItems, c); }
std::string_view label(PrepItem i) { return detail::enumLabel(kItems, i); }

const PrepItemResult* PreparationReport::find(PrepItem item) const {
  for (const auto& r : items)
    if (r.item == item) return &r;
  return nullptr;
}

Date documentsDeadline(DateTime planned_start, int days_before) {
  return planned_start.date().addDays(-days_before);
}

PreparationReport evaluatePreparation(const PreparationChecklist& c, DateTime start, int days_before) {
  PreparationReport r;
  r.items.push_back(beforeStart(PrepItem::chi_uy_meeting, c.chi_uy_meeting_at, start));
  r.items.push_back({PrepItem::content_preparer, c.content_preparer_member_id.has_value(),
                     c.content_preparer_member_id ? "Đã phân công." : "Chưa phân công."});
  r.items.push_back({PrepItem::draft_resolution, c.draft_resolution_attached,
                     c.draft_resolution_attached ? "Đã có dự thảo." : "Chưa có dự thảo."});
  r.items.push_back(beforeStart(PrepItem::notice_members, c.notice_members_at, start));
  r.items.push_back(beforeStart(PrepItem::notice_monitor, c.notice_monitor_at, start));

  PrepItemResult docs{PrepItem::documents_on_time, false, "Chưa đăng tài liệu."};
  if (c.documents_published_at) {
    const DateTime& at = *c.documents_published_at;
    bool on_time = days_before <= 0 ? at < start : at.date() <= documentsDeadline(start, days_before);
    docs.satisfied = on_time;
    docs.detail = "Đăng lúc " + at.vn() + (on_time ? ", đúng hạn." : ", muộn so với hạn ") +
                  (on_time ? "" : documentsDeadline(start, days_before).vn() + ".");
  }
  r.items.push_back(docs);

  for (const auto& i : r.items)
    if (i.satisfied) ++r.satisfied;
  return r;
}

}  // namespace chibo
