#pragma once
// The agenda (chương trình) of a meeting and the standard steps per kind.
//
// Design notes:
// - Templates are data in code: they follow HD 12-HD/BTCTW (06/7/2018) Phần II
//   mục 1.2 for the opening, and the HD 42-HD/BTCTW (28/10/2025) summaries
//   (domain.md §2.4, §2.5) for the rest. A cell may add, drop or reword items,
//   so a template is returned as a plain vector the caller owns and edits.
// - Each step has a stable `step_code`; R-AGENDA checks look at codes, never at
//   titles, so a reworded item still counts.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/ids.h"
#include "domain/meeting/meeting.h"

namespace chibo {

enum class AgendaPhase { opening, conduct, closing };  // mở đầu, tiến hành, kết thúc

struct AgendaItem {
  Id id = 0;
  int position = 0;        // 1-based order in the meeting
  std::string step_code;   // e.g. "roll_call"; empty for items the cell added itself
  AgendaPhase phase = AgendaPhase::conduct;
  std::string title;       // Vietnamese, editable
  bool required = false;   // R-AGENDA: the step must be logged as done
  std::string notes;
  bool done = false;
  std::optional<DateTime> done_at;
};

std::string_view toCode(AgendaPhase);
std::optional<AgendaPhase> agendaPhaseFromCode(std::string_view);
std::string_view label(AgendaPhase);  // "Mở đầu", "Tiến hành", "Kết thúc"

// The standard steps for a kind of meeting, numbered from 1, all not done.
std::vector<AgendaItem> agendaTemplate(MeetingKind);

// The citation for the template of a kind (shown next to it in the UI).
std::string_view agendaTemplateSource(MeetingKind);

// Required items not marked done, in agenda order (R-AGENDA).
std::vector<AgendaItem> missingRequiredSteps(const std::vector<AgendaItem>& agenda);

}  // namespace chibo
