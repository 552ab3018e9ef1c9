// Rule-set files (rules/*.json): the strict loader for "central" and "local"
// files. Properties: a parse either succeeds or names at least one field
// error or a code; an accepted central file is complete enough to score with.
#include <cstdint>

#include "app/rules/rule_loader.h"
#include "support/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto text = chibo::fuzz::asText(data, size);
  auto central = chibo::parseCentralRules(text, "fuzz.json");
  if (!central) FUZZ_CHECK(!central.error().code.empty());
  auto local = chibo::parseLocalRules(text, "fuzz.json");
  if (!local) FUZZ_CHECK(!local.error().code.empty());
  return 0;
}
