#pragma once
// Made-up but plausible people for the demo: Vietnamese names (NFC) drawn from
// common family, middle and given names, birth dates, phone numbers and party
// card numbers. Names, phones and card numbers are unique across the data set
// so that a search in a test or a demonstration finds exactly one person.
#include <set>
#include <string>

#include "app/demo/demo_rng.h"
#include "domain/member.h"

namespace chibo::demo {

class PersonFactory {
 public:
  PersonFactory(Rng& rng, Date today) : rng_(rng), today_(today) {}

  // A member with name, gender, birth date (exactly `age` on `today`), phone
  // (none for some of the very old) and card number. Admission dates are left
  // to the caller, who knows the member's story.
  Member make(Gender gender, int age);

  // Draws "male" or "female" with the given share of women.
  Gender gender(int percent_female) { return rng_.chance(percent_female) ? Gender::female : Gender::male; }

 private:
  std::string name(Gender g, int age);
  std::string phone();
  std::string cardNo();

  Rng& rng_;
  Date today_;
  std::set<std::string> names_, phones_, cards_;
};

}  // namespace chibo::demo
