#pragma once
// Reading the checked-in roster fixtures (tests/fixtures/roster), made with LibreOffice.
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

inline std::string fixtureBytes(const std::string& name) {
  const char* src = std::getenv("CHIBO_SOURCE_DIR");
#ifdef CHIBO_SOURCE_DIR
  if (!src) src = CHIBO_SOURCE_DIR;
#endif
  std::string path = std::string(src ? src : ".") + "/tests/fixtures/roster/" + name;
  std::ifstream f(path, std::ios::binary);
  if (!f) throw std::runtime_error("missing fixture " + path);
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}
