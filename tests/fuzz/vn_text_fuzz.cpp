// Text normalisation and Vietnamese name ordering on arbitrary bytes. The input
// is two names separated by a NUL byte. Properties promised in vn_text.h:
// every output is valid UTF-8, nfc is idempotent, comparison is a total order
// that NFC/NFD spellings do not change, and the sort key orders like compare.
#include <cstdint>
#include <string>

#include "domain/text/vn_text.h"
#include "support/fuzz_input.h"

namespace {

int sign(int x) { return (x > 0) - (x < 0); }

// NUL bytes in the input come out as U+FFFD, so outputs pass isValidUtf8 too.
bool validUtf8(std::string_view s) { return chibo::isValidUtf8(s); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto [a, b] = chibo::fuzz::splitAtNul(chibo::fuzz::asText(data, size));
  (void)chibo::isValidUtf8(a);
  std::string na = chibo::nfc(a);
  FUZZ_CHECK(validUtf8(na));
  FUZZ_CHECK(chibo::nfc(na) == na);
  FUZZ_CHECK(chibo::utf8Length(na) <= na.size());
  std::string folded = chibo::foldForSearch(a);
  FUZZ_CHECK(validUtf8(folded));
  FUZZ_CHECK(chibo::foldForSearch(folded) == folded);

  int ab = chibo::compareVietnameseNames(a, b);
  FUZZ_CHECK(chibo::compareVietnameseNames(a, a) == 0);
  FUZZ_CHECK(sign(chibo::compareVietnameseNames(b, a)) == -sign(ab));
  FUZZ_CHECK(chibo::compareVietnameseNames(na, a) == 0);
  std::string ka = chibo::vietnameseNameSortKey(a), kb = chibo::vietnameseNameSortKey(b);
  FUZZ_CHECK(sign(ka.compare(kb)) == sign(ab));
  return 0;
}
