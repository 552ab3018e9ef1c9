#include "domain/meeting/vn_format.h"

#include <cmath>
#include <cstdio>

namespace chibo {

std::string vnNumber(double v) {
  // Work in tenths so that 89.95 shows as "90" and never as "90,0".
  long long tenths = std::llround(v * 10.0);
  bool neg = tenths < 0;
  if (neg) tenths = -tenths;
  char buf[48];
  if (tenths % 10 == 0)
    std::snprintf(buf, sizeof buf, "%s%lld", neg ? "-" : "", tenths / 10);
  else
    std::snprintf(buf, sizeof buf, "%s%lld,%lld", neg ? "-" : "", tenths / 10, tenths % 10);
  return buf;
}

std::string vnPercent(double v) { return vnNumber(v) + "%"; }

}  // namespace chibo
