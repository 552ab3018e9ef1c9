#include "http/content_disposition.h"

#include <cstdio>

#include "app/documents/documents.h"

namespace chibo::http {

std::string attachmentDisposition(const std::string& name) {
  std::string enc;
  for (unsigned char ch : name) {
    bool plain = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' ||
                 ch == '.' || ch == '_' || ch == '~';
    if (plain) {
      enc += char(ch);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", ch);
      enc += buf;
    }
  }
  auto dot = name.rfind('.');
  std::string ext = dot == std::string::npos ? "" : asciiFileStem(name.substr(dot + 1));
  std::string fallback = asciiFileStem(dot == std::string::npos ? name : name.substr(0, dot)) + (ext.empty() ? "" : "." + ext);
  return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + enc;
}

}  // namespace chibo::http
