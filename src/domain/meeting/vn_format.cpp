#include "domain/meeting/vn_format.h"

#include <algorithm>
#include <cmath>

namespace chibo {

std::string vnNumber(double v, int decimals) {
  decimals = std::clamp(decimals, 0, 4);
  long long scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  // Work in integers so that 89.95 shows as "90" and never as "90,0".
  long long n = std::llround(v * static_cast<double>(scale));
  bool neg = n < 0;
  if (neg) n = -n;
  std::string out = std::to_string(n / scale);
  std::string frac = decimals > 0 ? std::to_string(n % scale) : "";
  if (decimals > 0) {
    frac.insert(0, static_cast<size_t>(decimals) - frac.size(), '0');
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
  }
  if (!frac.empty()) out += "," + frac;
  return neg && (n != 0) ? "-" + out : out;
}

std::string vnPercent(double v) { return vnNumber(v) + "%"; }

}  // namespace chibo
