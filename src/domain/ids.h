#pragma once
#include <cstdint>
namespace chibo {
using Id = std::int64_t;
}
