#include "http/security_log.h"

#include <fmt/chrono.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <chrono>

namespace chibo::http {

static spdlog::logger& securityLogger() {
  // Its own logger with the bare message as pattern, so each line is one JSON object a log
  // shipper can parse without stripping spdlog's prefix.
  static auto logger = [] {
    auto l = std::make_shared<spdlog::logger>("security", std::make_shared<spdlog::sinks::stderr_sink_mt>());
    l->set_pattern("%v");
    l->flush_on(spdlog::level::trace);
    return l;
  }();
  return *logger;
}

static std::string clean(std::string_view v) {
  size_t cut = std::min<size_t>(v.size(), 200);
  while (cut < v.size() && cut > 0 && (static_cast<unsigned char>(v[cut]) & 0xC0) == 0x80) --cut;  // whole characters
  std::string out(v.substr(0, cut));
  for (auto& ch : out)
    if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f) ch = '?';
  return out;
}

void securityEvent(std::string_view event, std::initializer_list<SecurityField> fields) {
  boost::json::object o;
  auto now = std::chrono::system_clock::now();
  o["time"] = fmt::format("{:%Y-%m-%dT%H:%M:%S}Z", fmt::gmtime(std::chrono::system_clock::to_time_t(now)));
  o["log"] = "security";
  o["event"] = clean(event);
  for (const auto& [k, v] : fields) o[clean(k)] = clean(v);
  securityLogger().warn(boost::json::serialize(o));
}

}  // namespace chibo::http
