#pragma once
// Helpers for the exporter tests: temp directories, running the Poppler and
// LibreOffice command-line tools, and a sample meeting with Vietnamese names.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "export/minutes.h"

namespace chibo::test {

namespace fs = std::filesystem;

// A fresh directory under the system temp dir, removed when the object dies.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "chibo-export-test-XXXXXX").string();
    path = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string file(const std::string& name) const { return (path / name).string(); }
};

inline void writeFile(const std::string& path, const std::string& bytes) {
  std::ofstream f(path, std::ios::binary);
  f.write(bytes.data(), std::streamsize(bytes.size()));
}

inline std::string readFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

// Runs a shell command and returns its standard output (stderr discarded).
inline std::string run(const std::string& cmd, int* status = nullptr) {
  std::string out;
  FILE* p = popen((cmd + " 2>/dev/null").c_str(), "r");
  if (!p) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int st = pclose(p);
  if (status) *status = st;
  return out;
}

inline bool haveTool(const std::string& name) {
  return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

// Collapses every run of white space (including line breaks from pdftotext
// wrapping) to one space, so phrases can be searched across line ends.
inline std::string squash(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// pdftotext of a PDF file, with white space squashed.
inline std::string pdfText(const std::string& pdfPath) {
  return squash(run("pdftotext -enc UTF-8 '" + pdfPath + "' -"));
}

// Converts `input` with headless LibreOffice into `dir`; returns the output
// path or "" on failure. A private profile keeps parallel runs from colliding.
inline std::string sofficeConvert(const std::string& input, const std::string& filter, const std::string& ext,
                                  const std::string& dir) {
  std::string cmd = "cd '" + dir + "' && timeout 180 soffice --headless --norestore -env:UserInstallation=file://" +
                    dir + "/lo-profile --convert-to '" + filter + "' --outdir '" + dir + "' '" + input + "'";
  run(cmd);
  std::string out = (fs::path(dir) / fs::path(input).stem()).string() + "." + ext;
  return fs::exists(out) ? out : "";
}

#define CHIBO_REQUIRE_SOFFICE()                                                              \
  do {                                                                                       \
    if (!::chibo::test::haveTool("soffice"))                                                 \
      GTEST_SKIP() << "LibreOffice (soffice) is not installed; apt-get install "            \
                      "libreoffice-writer-nogui libreoffice-calc-nogui to run this check."; \
  } while (0)

// Tag-balance check for generated XML: every element closed in order, quoted
// attributes, only the five predefined entities or numeric references.
// Returns "" when well-formed, else a description of the first problem.
inline std::string xmlProblem(const std::string& x) {
  std::vector<std::string> stack;
  size_t i = 0;
  while (i < x.size()) {
    if (x[i] == '&') {
      size_t semi = x.find(';', i);
      if (semi == std::string::npos) return "unterminated entity";
      std::string e = x.substr(i + 1, semi - i - 1);
      if (e != "amp" && e != "lt" && e != "gt" && e != "quot" && e != "apos" && (e.empty() || e[0] != '#'))
        return "unknown entity &" + e + ";";
      i = semi + 1;
      continue;
    }
    if (x[i] != '<') {
      ++i;
      continue;
    }
    if (x.compare(i, 2, "<?") == 0) {
      size_t end = x.find("?>", i);
      if (end == std::string::npos) return "unterminated <?";
      i = end + 2;
      continue;
    }
    // Find the closing '>' outside quotes.
    size_t j = i + 1;
    char quote = 0;
    for (; j < x.size(); ++j) {
      if (quote) {
        if (x[j] == quote) quote = 0;
        else if (x[j] == '<') return "'<' inside an attribute";
      } else if (x[j] == '"' || x[j] == '\'') {
        quote = x[j];
      } else if (x[j] == '>') {
        break;
      }
    }
    if (j >= x.size()) return "unterminated tag";
    std::string tag = x.substr(i + 1, j - i - 1);
    if (tag.empty()) return "empty tag";
    if (tag[0] == '/') {
      std::string name = tag.substr(1);
      if (stack.empty() || stack.back() != name) return "mismatched </" + name + ">";
      stack.pop_back();
    } else if (tag.back() != '/') {
      stack.push_back(tag.substr(0, tag.find_first_of(" \t\r\n")));
    }
    i = j + 1;
  }
  return stack.empty() ? "" : "unclosed <" + stack.back() + ">";
}

// A regular meeting of a residential cell, with names that exercise every
// Vietnamese diacritic class (ă â ê ô ơ ư đ and all five tones).
inline MinutesInput sampleMinutes() {
  MinutesInput in;
  in.heading = {"ĐẢNG ỦY PHƯỜNG TÂN ĐỊNH", "CHI BỘ KHU PHỐ 1", "Số 03-BB/CB", "Tân Định", *Date::fromYmd(2026, 3, 5)};
  in.title = "Sinh hoạt chi bộ thường kỳ tháng 3/2026";
  in.start = *DateTime::parseIso("2026-03-05T19:30:00+07:00");
  in.end = *DateTime::parseIso("2026-03-05T21:15:00+07:00");
  in.place = "Nhà văn hóa Khu phố 1";
  in.chair = {"Nguyễn Văn Ánh", "Bí thư Chi bộ"};
  in.secretary = {"Trần Thị Thu Hương", "Chi ủy viên"};
  in.guests = {{"Lê Hoàng Dũng", "Đảng ủy viên, phụ trách Chi bộ"}};
  in.counts = {20, 2, 1, 1, 1, 21, 18};
  in.absent_with_reason = {{"Phạm Quốc Việt", "đi công tác tại Đà Nẵng"}, {"Đặng Thị Ngọc Ẩn", "ốm, nằm viện"}};
  in.absent_without_reason = {"Vũ Đức Thắng"};
  in.dues_status = "đã thu đảng phí tháng 3/2026 của 19/21 đồng chí";
  in.agenda = {
      {"Đánh giá kết quả thực hiện Nghị quyết tháng 02/2026", "Nguyễn Văn Ánh",
       "Chi bộ đã hoàn thành 5/6 chỉ tiêu; vận động quỹ vì người nghèo đạt 120%.",
       {{"Hoàng Minh Tuấn", "Đề nghị đẩy nhanh việc thu gom rác thải tại hẻm 12."},
        {"Bùi Thị Yến", "Cần phân công đảng viên theo dõi hộ nghèo cụ thể hơn."}},
       "Tiếp thu ý kiến, giao Chi ủy bổ sung vào phương hướng tháng 3."},
      {"Phương hướng nhiệm vụ tháng 3/2026", "Trần Thị Thu Hương", "Triển khai 4 nhóm nhiệm vụ trọng tâm.", {}, ""},
  };
  in.conclusion = "Chi bộ thống nhất thông qua dự thảo Nghị quyết tháng 3/2026 với các nội dung đã thảo luận.";
  in.vote = VoteTally{18, 16, 1};
  return in;
}

}  // namespace chibo::test
