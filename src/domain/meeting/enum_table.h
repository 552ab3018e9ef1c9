#pragma once
// Internal helper: one table per enum gives its stable English code and its
// Vietnamese label, so the two can never drift apart from the enumerators.
#include <array>
#include <optional>
#include <string_view>

namespace chibo::detail {

template <typename E>
struct EnumRow {
  E value;
  std::string_view code;   // stable, stored and sent over the API
  std::string_view label;  // Vietnamese, shown to users
};

template <typename E, size_t N>
std::optional<E> enumFromCode(const std::array<EnumRow<E>, N>& t, std::string_view code) {
  for (const auto& r : t)
    if (r.code == code) return r.value;
  return std::nullopt;
}
template <typename E, size_t N>
std::string_view enumCode(const std::array<EnumRow<E>, N>& t, E e) {
  for (const auto& r : t)
    if (r.value == e) return r.code;
  return "";
}
template <typename E, size_t N>
std::string_view enumLabel(const std::array<EnumRow<E>, N>& t, E e) {
  for (const auto& r : t)
    if (r.value == e) return r.label;
  return "";
}

}  // namespace chibo::detail
