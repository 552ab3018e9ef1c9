// Uploaded attachments: the file-type sniffing from the first bytes and the
// cleaning of the client's file name. Input: a file name, a NUL, the bytes.
// Properties: a cleaned name is valid UTF-8 with no path separator, control
// character or bidirectional override; a detected type always matches the
// name's extension.
#include <cstdint>
#include <string>

#include "app/attachments/attachments.h"
#include "domain/text/vn_text.h"
#include "support/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto [name, bytes] = chibo::fuzz::splitAtNul(chibo::fuzz::asText(data, size));
  if (auto t = chibo::detectAttachmentType(bytes, name)) {
    FUZZ_CHECK(!t->ext.empty());
    auto dot = name.rfind('.');
    FUZZ_CHECK(dot != std::string_view::npos);
  }
  if (auto clean = chibo::sanitiseFileName(name)) {
    FUZZ_CHECK(chibo::isValidUtf8(*clean));
    FUZZ_CHECK(clean->find('/') == std::string::npos);
    FUZZ_CHECK(clean->find('\\') == std::string::npos);
    for (unsigned char ch : *clean) FUZZ_CHECK(ch >= 0x20 && ch != 0x7F);
    FUZZ_CHECK(clean->find("\u202E") == std::string::npos);
    FUZZ_CHECK(clean->find("\u202A") == std::string::npos);
    FUZZ_CHECK(clean->find("\u2066") == std::string::npos);
  }
  return 0;
}
