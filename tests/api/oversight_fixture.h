#pragma once
// Helpers for the oversight and document tests: the figure keys of a roll-up,
// independent readers for the files the server makes (pdftotext, LibreOffice
// headless, the sqlite3 shell on the server's database), and raw requests
// that keep the response headers.
#include <unistd.h>

#include <array>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "api/meeting_fixture.h"
#include "domain/date.h"

namespace chibo::testing {

class OversightTest : public MeetingApiTest {
 protected:
  // Additive figures of a roll-up: a node's value is the sum over its children.
  static const std::vector<std::string>& countKeys() {
    static const std::vector<std::string> k{
        "cells", "meetings_due", "meetings_held", "meetings_on_time", "meetings_total", "thematic_held", "expected",
        "present", "excused_absences", "unexcused_absences", "speakers", "young_present", "young_speakers",
        "new_member_present", "new_member_speakers", "resolutions", "tasks_assigned", "tasks_on_time", "tasks_late",
        "tasks_open", "tasks_dropped", "previous_tasks", "previous_tasks_reviewed", "monitor_attended"};
    return k;
  }
  static int64_t num(const json::object& o, const std::string& k) { return o.at(k).as_int64(); }

  // Runs a shell command, returning its standard output; `rc` gets the exit status.
  static std::string run(const std::string& cmd, int* rc = nullptr) {
    std::string out;
    FILE* p = ::popen(cmd.c_str(), "r");
    if (!p) return out;
    std::array<char, 4096> buf;
    size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
    int st = ::pclose(p);
    if (rc) *rc = st;
    return out;
  }
  static bool have(const std::string& tool) {
    int rc = 0;
    run("command -v " + tool + " >/dev/null 2>&1", &rc);
    return rc == 0;
  }
  static std::string tempDir() {
    char tmpl[] = "/tmp/chibo-oversight-XXXXXX";
    return ::mkdtemp(tmpl);
  }
  static void writeFile(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
  }
  // Runs of white space (line breaks in wrapped paragraphs, justified gaps) become one space.
  static std::string collapse(const std::string& s) {
    std::string out;
    bool space = false;
    for (char ch : s) {
      if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f') {
        space = true;
        continue;
      }
      if (space && !out.empty()) out += ' ';
      space = false;
      out += ch;
    }
    return out;
  }
  // The text of a PDF through poppler's pdftotext, white space collapsed.
  static std::string pdfText(const std::string& pdf) {
    auto dir = tempDir();
    writeFile(dir + "/doc.pdf", pdf);
    auto text = run("pdftotext -enc UTF-8 '" + dir + "/doc.pdf' - 2>/dev/null");
    std::filesystem::remove_all(dir);
    return collapse(text);
  }
  // The first sheet of an XLSX as CSV rows, through LibreOffice headless (UTF-8,
  // comma-separated); empty when the conversion fails.
  static std::vector<std::vector<std::string>> xlsxRows(const std::string& xlsx) {
    auto dir = tempDir();
    writeFile(dir + "/book.xlsx", xlsx);
    run("cd '" + dir + "' && HOME='" + dir + "' timeout 120 soffice --headless --norestore -env:UserInstallation=file://" +
        dir + "/profile --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir '" + dir +
        "' book.xlsx >/dev/null 2>&1");
    std::ifstream in(dir + "/book.csv");
    std::vector<std::vector<std::string>> rows;
    std::string line;
    while (std::getline(in, line)) {
      std::vector<std::string> cells;
      std::string cur;
      bool quoted = false;
      for (size_t i = 0; i < line.size(); ++i) {
        char ch = line[i];
        if (quoted) {
          if (ch == '"' && i + 1 < line.size() && line[i + 1] == '"') cur += '"', ++i;
          else if (ch == '"') quoted = false;
          else cur += ch;
        } else if (ch == '"') {
          quoted = true;
        } else if (ch == ',') {
          cells.push_back(cur);
          cur.clear();
        } else if (ch != '\r') {
          cur += ch;
        }
      }
      cells.push_back(cur);
      rows.push_back(std::move(cells));
    }
    std::filesystem::remove_all(dir);
    return rows;
  }
  // Rows of a query run by the sqlite3 shell, read-only, on the server's database.
  static json::array sql(const std::string& query) {
    auto dir = tempDir();
    writeFile(dir + "/q.sql", query);
    auto out = run("sqlite3 -readonly -json '" + server_->dbPath() + "' < '" + dir + "/q.sql' 2>&1");
    std::filesystem::remove_all(dir);
    boost::system::error_code ec;
    auto v = json::parse(out.empty() ? std::string("[]") : out, ec);
    if (ec || !v.is_array()) {
      ADD_FAILURE() << "sqlite3: " << out;
      return {};
    }
    return v.as_array();
  }

  // %XX sequences decoded (RFC 3986); the HTTP client may already have done it for header values.
  static std::string percentDecoded(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '%' && i + 2 < s.size() && std::isxdigit((unsigned char)s[i + 1]) && std::isxdigit((unsigned char)s[i + 2])) {
        out += char(std::stoi(s.substr(i + 1, 2), nullptr, 16));
        i += 2;
      } else {
        out += s[i];
      }
    }
    return out;
  }

  // A GET keeping the raw bytes and the headers.
  struct RawResp {
    int status = 0;
    std::string body;
    httplib::Headers headers;
    std::string header(const std::string& k) const {
      auto it = headers.find(k);
      return it == headers.end() ? "" : it->second;
    }
  };
  static RawResp rawGet(const Client* c, const std::string& path) {
    httplib::Client h("127.0.0.1", server_->port());
    h.set_read_timeout(120, 0);
    httplib::Headers hs;
    if (c && !c->cookie.empty()) hs.emplace("Cookie", c->cookie);
    auto r = h.Get(path.c_str(), hs);
    RawResp out;
    if (!r) return out;
    out.status = r->status;
    out.body = r->body;
    out.headers = r->headers;
    return out;
  }

  // The last complete month before today, as (first day, last day).
  static std::pair<Date, Date> lastMonth() {
    Date t = Date::today();
    Date first = Date::fromYmd(t.year(), t.month(), 1)->addMonths(-1);
    return {first, first.addMonths(1).addDays(-1)};
  }
  static std::string rollupPath(int64_t org, Date from, Date to) {
    return "/api/v1/orgs/" + std::to_string(org) + "/rollup?from=" + from.iso() + "&to=" + to.iso();
  }
};

}  // namespace chibo::testing
