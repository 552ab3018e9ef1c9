#pragma once
// What the document use cases share: the HD 36 heading of an org, the phrases
// that name a meeting, the people and signatures, and reading a held meeting.
// Internal to src/app/documents.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/meetings/meeting_access.h"
#include "app/meetings/meetings.h"
#include "export/document_inputs.h"
#include "export/party_document.h"

namespace chibo::docs {

// 00:00 of `d` in Asia/Ho_Chi_Minh (UTC+7).
DateTime startOfDay(Date d);
bool isHeld(MeetingStatus s);
// "05-03-2026": a date for file names.
std::string dashedDate(Date d);
// Superior body, issuing body, place and date of the HD 36 header of `org`.
DocumentHeading headingOf(ReadTx& tx, const Org& org, Date date);
// "sinh hoạt chi bộ thường kỳ tháng 3/2026", lower case: it follows "dự" in lists.
std::string meetingPhrase(const MeetingRecord& rec);
// ASCII first letter upper-cased.
std::string capitalised(std::string s);
// The non-blank lines of `text`, trimmed.
std::vector<std::string> lines(const std::string& text);
// "Bí thư Chi bộ Khu phố 1" when the member holds a role in the org that day.
std::string positionIn(ReadTx& tx, Id member_id, const Org& org, Date day);
std::string nameOf(const MeetingView& v, std::optional<Id> id);
// "Ốm đau (nằm viện)"; "có lý do" when nothing was written.
std::string absenceReason(const AbsenceLine& a);
// "Đồng chí A, đồng chí B".
std::string assigneeNames(const std::vector<Id>& ids, const std::map<Id, std::string>& names);
// The monthly resolution when there is one, else the first one adopted.
const ResolutionView* mainResolution(const MeetingView& v);
// The holder of the secretary role of the org on `day`, else the chair.
std::string signerName(ReadTx& tx, const MeetingView& v, Date day);
Signature cellSignature(const Org& org, std::string name);
// The meeting as its page shows it, for a held or locked meeting only
// (409 meeting_cancelled, not_held).
Result<MeetingView> heldMeetingView(ReadTx& tx, const Caller& c, Id meeting_id);

}  // namespace chibo::docs
