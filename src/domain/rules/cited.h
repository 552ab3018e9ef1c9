#pragma once
// A rule value together with where it comes from. Every threshold the system
// applies is shown to users with its source, because many are local or
// UNCONFIRMED (domain.md, rule of thumb) and people must be able to check them.
#include <string>

namespace chibo {

template <typename T>
struct Cited {
  T value{};
  std::string source;  // the document and article, e.g. "HD 42-HD/BTCTW ngày 28/10/2025"
  std::string origin;  // id of the rule set that supplied the value, e.g. "local-an-phu-2025"
};

}  // namespace chibo
