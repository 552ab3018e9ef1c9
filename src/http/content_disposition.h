#pragma once
// The Content-Disposition of a file answer (RFC 6266): an ASCII fallback name
// for clients that ignore RFC 5987, then the Vietnamese name as UTF-8
// percent-encoded in filename*.
#include <string>

namespace chibo::http {

// `file_name` with its extension: "Biên bản Chi bộ Khu phố 1.pdf".
std::string attachmentDisposition(const std::string& file_name);

}  // namespace chibo::http
