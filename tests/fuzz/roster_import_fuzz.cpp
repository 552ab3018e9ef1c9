// libFuzzer target over the roster file readers: any bytes (as .xlsx, .xls or
// CSV, chosen by content like the real route) must give a table or an error,
// never a crash, a hang or an unbounded allocation. Smaller limits than the
// server's keep each run fast; the code paths are the same.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "import/cell_values.h"
#include "import/roster_table.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  chibo::import::ReadLimits limits;
  limits.max_file_bytes = 1u << 20;
  limits.max_rows = 2000;
  limits.max_uncompressed_bytes = 8u << 20;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto t = chibo::import::readRosterTable(bytes, limits);
  if (t) {
    for (const auto& r : t->rows)
      for (const auto& c : r.cells) {
        (void)chibo::import::cellDate(c);
        (void)chibo::import::cellGender(c);
        (void)chibo::import::cellDigits(c, 12);
      }
  }
  return 0;
}
