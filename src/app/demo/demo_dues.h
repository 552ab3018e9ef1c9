#pragma once
// A year of party dues for the demo ward (QĐ 01-QĐ/TW; the rates come from the
// dues rule files passed in, never from here): each member's basis (serving
// members their social-insurance salary, members past working age a pension,
// the others a small fixed amount), one exemption and one reduction, and the
// payments of the last twelve months and the month in progress. Every past
// month is paid (cash at the meeting or the national portal, with a reference)
// or excused with a reason, so the demo raises no dues removal warning; the
// month in progress is about two thirds collected, at least two members of each
// cell still to pay.
//
// Deterministic: its own demo::Rng stream ("dues"), so the rest of the demo is
// unchanged. Written around the use cases: the server's start computes the kept
// month figures (ensureDuesAggregates). Returns the payment rows written.
#include <vector>

#include "domain/dues/dues_rules.h"
#include "store/store.h"

namespace chibo {

int loadDemoDues(WriteTx& tx, uint64_t seed, Date today, const std::vector<DuesRules>& rules);

}  // namespace chibo
