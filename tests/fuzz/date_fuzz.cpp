// Dates and instants as clients send them: Date::parseIso ("2026-03-05") and
// DateTime::parseIso ("2026-03-05T19:30[:00][Z|+07:00]"), offsets included.
// Properties: whatever parses prints back in a form that parses to the same
// value, and the Vietnamese renderings never throw.
#include <cstdint>

#include "domain/date.h"
#include "support/fuzz_input.h"

using chibo::Date;
using chibo::DateTime;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto text = chibo::fuzz::asText(data, size);
  if (auto d = Date::parseIso(text)) {
    // Exactly "YYYY-MM-DD" is accepted, so printing it gives the input back.
    FUZZ_CHECK(d->iso() == text);
    FUZZ_CHECK(Date::fromYmd(d->year(), d->month(), d->day()) == *d);
    (void)d->vn();
    FUZZ_CHECK(d->addMonths(1) >= *d);
    FUZZ_CHECK(d->addDays(1) > *d);
  }
  if (auto t = DateTime::parseIso(text)) {
    auto again = DateTime::parseIso(t->iso());
    FUZZ_CHECK(again.has_value());
    FUZZ_CHECK(again->unix_seconds == t->unix_seconds);
    (void)t->vn();
    auto local = t->date();
    FUZZ_CHECK(Date::parseIso(local.iso()).has_value());
  }
  return 0;
}
