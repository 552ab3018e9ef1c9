#pragma once
// The SHA-256 of a stored file's bytes, as lowercase hex: kept with every
// attachment (meetings' and candidates' dossiers) so a copy can be checked.
#include <string>
#include <string_view>

namespace chibo {

std::string sha256Hex(std::string_view bytes);

}  // namespace chibo
