#pragma once
// Choosing the dated rule set in force on a day: the sets of one kind (dues,
// admission, year-end review) each carry effective_from, an optional
// effective_to (inclusive) and a version. The latest start covering the day
// wins; on the same start, the higher version.
#include <vector>

#include "domain/date.h"

namespace chibo {

template <class Set>
const Set* ruleSetInForce(const std::vector<Set>& sets, Date at) {
  const Set* best = nullptr;
  for (const auto& s : sets) {
    if (at < s.effective_from || (s.effective_to && *s.effective_to < at)) continue;
    if (!best || s.effective_from > best->effective_from ||
        (s.effective_from == best->effective_from && s.version > best->version))
      best = &s;
  }
  return best;
}

}  // namespace chibo
