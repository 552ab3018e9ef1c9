#pragma once
// The legacy Vietnamese encoding tables (src/import/tables/*.tsv), embedded at
// build time. Each line: legacy code points in hex, a tab, the Unicode letter.
#include <string_view>

namespace chibo::import {

// The text of tables/<name>.tsv ("tcvn3", "vni"); empty when there is none.
std::string_view legacyTable(std::string_view name);

}  // namespace chibo::import
