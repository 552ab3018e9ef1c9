// Request bodies of the meeting family: planning, preparation, agenda,
// attendance, task reviews, votes, resolutions, tasks, amendments, thematic
// plans and the slot lists, each reader run over the same parsed object.
// Properties: nested type errors carry their full JSON path; the collected
// errors render as problem+json that parses back.
#include <boost/json.hpp>
#include <cstdint>

#include "http/meeting_body.h"
#include "support/fuzz_input.h"

namespace json = boost::json;
using namespace chibo::http;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  boost::system::error_code ec;
  auto v = json::parse(chibo::fuzz::asText(data, size), ec);
  if (ec || !v.is_object()) return 0;
  const auto& o = v.as_object();
  BodyReader b(o);
  (void)meetingFields(b, o);
  (void)preparationFields(b);
  if (auto items = agendaItems(b, o)) FUZZ_CHECK(items->size() <= o.at("items").as_array().size());
  (void)attendanceItems(b, o);
  (void)reviewItems(b, o);
  (void)voteInput(b);
  (void)resolutionFields(b, o);
  (void)taskFields(b, o);
  (void)amendmentFields(b, o);
  (void)thematicFields(b);
  if (auto ids = readIds(b, o, "slot_ids"))
    for (auto id : *ids) FUZZ_CHECK(id > 0);
  (void)readStrings(b, o, "slots");
  (void)readNumber(b, o, "score");
  for (const auto& fe : b.errors().errors()) FUZZ_CHECK(!fe.field.empty() && !fe.code.empty());
  auto problem = toProblem(chibo::Error::validation(b.errors().errors()));
  json::parse(problem.body, ec);
  FUZZ_CHECK(!ec);
  return 0;
}
