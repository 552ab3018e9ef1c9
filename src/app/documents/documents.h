#pragma once
// The papers a cell keeps and the report a ward files, made from the records:
// the minutes (biên bản) and the resolution (nghị quyết) of a meeting, its
// attendance list, the year's task list of an org, and the
// monthly briefing report (báo cáo giao ban) of a committee.
//
// Each use case checks scope, reads the record in one read transaction, maps
// it onto the input struct of an export builder (src/export) and returns the
// PartyDocument (or the workbook); the HTTP layer renders PDF or DOCX.
//
// Scope: a meeting's documents and an org's task list need the access that
// shows the meeting (a member reads their own cell's papers); the briefing
// needs read access to the committee.
#include <optional>
#include <string>

#include "app/context.h"
#include "app/rules/rule_loader.h"
#include "export/party_document.h"
#include "export/xlsx_builder.h"

namespace chibo {

struct DocumentOut {
  PartyDocument doc;
  std::string file_stem;  // Vietnamese, no extension: "Biên bản Chi bộ Khu phố 1 ngày 05-03-2026"
};

// The minutes of a meeting (planned meetings: 409 not_held). A record the
// minutes builder cannot lay out (no chair or no secretary yet) is a 422 with
// the builder's field errors. Members not yet marked are listed as absent
// "(chưa điểm danh)" so a draft still adds up. Every agenda step carries what
// the record holds under it (notes, earlier tasks and their outcome, speeches
// in spoken order, tasks assigned, the vote with its rule and result, the
// roll-call figures, the read-back); with a rule catalog (`rules`, may be
// null) the cell's quality self-evaluation too. One file per document:
// minutes_document.cpp, resolution_document.cpp, attendance_document.cpp,
// task_list_document.cpp, briefing_document.cpp.
Result<DocumentOut> minutesDocument(Store& store, const Caller& c, Id meeting_id, const RuleCatalog* rules = nullptr);

// The meeting's monthly resolution (the first of type resolution, else the
// first document adopted), numbered as issued: "Số 03-NQ/CB". 404 with code
// no_resolution when the meeting adopted none.
Result<DocumentOut> resolutionDocument(Store& store, const Caller& c, Id meeting_id);

// The sign-in list of a meeting: every member expected that day, with their
// mark and absence reason.
Result<DocumentOut> attendanceDocument(Store& store, const Caller& c, Id meeting_id);

// Every task assigned at the org's meetings held for `year`, with assignees,
// deadline, the resolution that set it and what became of it. 422 year out_of_range.
Result<DocumentOut> taskListDocument(Store& store, const Caller& c, Id org_id, int year);

struct BriefingOut {
  XlsxBook book;
  PartyDocument doc;
  std::string file_stem;
};

// The monthly briefing of a committee for (year, month): the figures of every
// cell below it, the totals (equal to GET /orgs/{id}/rollup for that month),
// the best and weakest cells, a twelve-month trend, and the open warnings when
// the server has a rule catalog (`rules` may be null). Needs read access.
// 422 month invalid / not a committee (not_a_committee).
Result<BriefingOut> briefing(Store& store, const Caller& c, Id org_id, int year, unsigned month,
                             const RuleCatalog* rules);

// "Biên bản Chi bộ Khu phố 1 ngày 05-03-2026" -> "bien-ban-chi-bo-khu-pho-1-ngay-05-03-2026": an
// ASCII file name for clients that ignore RFC 5987's filename*.
std::string asciiFileStem(const std::string& stem);

}  // namespace chibo
