// Request bodies of the flat route families (log-in, orgs, members, roles,
// quality notes): JSON parsed as the server parses it, read with BodyReader
// under every key those routes read, then cleaned by the shared validators.
// Properties: cleaned text is valid NFC UTF-8 within its length limit; any
// set of field errors renders as problem+json that parses back.
#include <boost/json.hpp>
#include <cstdint>

#include "app/validate.h"
#include "domain/text/vn_text.h"
#include "http/json_io.h"
#include "support/fuzz_input.h"

namespace json = boost::json;

namespace {

constexpr const char* kStringKeys[] = {
    "address", "admission_ceremony_date", "admission_decision_date", "at", "birth_date", "card_no", "cell_type",
    "code", "date", "end", "evaluator", "from", "full_name", "gender", "joined_on", "kind", "level", "name",
    "note", "official_date", "password", "phone", "role", "rule_id", "start", "summary", "to", "token",
    "username", "workplace"};
constexpr const char* kIdKeys[] = {"agenda_item_id", "cell_id", "member_id", "parent_id", "subgroup_id",
                                   "to_cell_id", "to_subgroup_id"};
constexpr const char* kIntKeys[] = {"duration_seconds", "minutes", "version"};
constexpr const char* kBoolKeys[] = {"archived", "attended", "grassroots", "minutes_read_back", "serving"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  boost::system::error_code ec;
  auto v = json::parse(chibo::fuzz::asText(data, size), ec);
  if (ec || !v.is_object()) return 0;
  chibo::http::BodyReader b(v.as_object());
  chibo::Validator& errs = b.errors();
  const auto today = chibo::Date::fromDays(20500);
  for (const char* k : kStringKeys) {
    auto s = b.str(k);
    if (auto clean = chibo::cleanText(errs, k, s, false, 200, "trường")) {
      FUZZ_CHECK(chibo::isValidUtf8(*clean));
      FUZZ_CHECK(chibo::nfc(*clean) == *clean);
      FUZZ_CHECK(chibo::utf8Length(*clean) <= 200);
    }
    (void)chibo::parseDateField(errs, k, s, false, chibo::DateRule::not_future, today, "ngày");
  }
  if (auto phone = chibo::cleanPhone(errs, "phone", b.str("phone")); phone && !phone->empty()) {
    FUZZ_CHECK(phone->size() == 10 && (*phone)[0] == '0');
  }
  for (const char* k : kIdKeys)
    if (auto id = b.id(k)) FUZZ_CHECK(*id > 0);
  for (const char* k : kIntKeys) (void)b.integer(k);
  for (const char* k : kBoolKeys) (void)b.boolean(k);
  auto problem = chibo::http::toProblem(chibo::Error::validation(errs.errors()));
  FUZZ_CHECK(problem.status == 422);
  json::parse(problem.body, ec);
  FUZZ_CHECK(!ec);
  return 0;
}
