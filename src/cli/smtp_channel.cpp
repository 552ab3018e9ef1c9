#include "cli/smtp_channel.h"

#include <curl/curl.h>
#include <spdlog/spdlog.h>

#include <cstring>
#include <ctime>

namespace chibo::cli {
namespace {

std::string base64(std::string_view in) {
  static const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    uint32_t v = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8) | uint8_t(in[i + 2]);
    out += k[v >> 18];
    out += k[(v >> 12) & 63];
    out += k[(v >> 6) & 63];
    out += k[v & 63];
  }
  if (i + 1 == in.size()) {
    uint32_t v = uint8_t(in[i]) << 16;
    out += k[v >> 18];
    out += k[(v >> 12) & 63];
    out += "==";
  } else if (i + 2 == in.size()) {
    uint32_t v = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8);
    out += k[v >> 18];
    out += k[(v >> 12) & 63];
    out += k[(v >> 6) & 63];
    out += '=';
  }
  return out;
}

// RFC 2047 encoded words of at most 75 characters, split between UTF-8 characters, folded.
std::string encodedHeader(std::string_view text) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = std::min(text.size(), pos + 45);
    while (end < text.size() && (uint8_t(text[end]) & 0xC0) == 0x80) --end;  // not inside a character
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(text.substr(pos, end - pos)) + "?=";
    pos = end;
  }
  return out;
}

std::string rfc5322Date(DateTime t) {
  std::time_t local = std::time_t(t.unix_seconds + 7 * 3600);
  std::tm tm{};
  gmtime_r(&local, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S +0700", &tm);
  return buf;
}

struct Upload {
  const std::string* data;
  size_t pos = 0;
};

size_t readBody(char* ptr, size_t size, size_t nmemb, void* userp) {
  auto* u = static_cast<Upload*>(userp);
  size_t n = std::min(size * nmemb, u->data->size() - u->pos);
  std::memcpy(ptr, u->data->data() + u->pos, n);
  u->pos += n;
  return n;
}

class SmtpChannel final : public Channel {
 public:
  explicit SmtpChannel(SmtpConfig cfg) : cfg_(std::move(cfg)), curl_(curl_easy_init()) {}
  ~SmtpChannel() override {
    if (curl_) curl_easy_cleanup(curl_);
  }
  std::string name() const override { return "email"; }

  Outcome send(const OutboxMessage& m) override {
    if (!curl_) return {false, "libcurl could not start", false};
    std::string text = smtpMessage(m, cfg_.from, DateTime::now());
    Upload up{&text};
    // The same handle each time: libcurl keeps the SMTP connection open between messages.
    curl_easy_reset(curl_);
    curl_easy_setopt(curl_, CURLOPT_URL, cfg_.url.c_str());
    curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl_, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl_, CURLOPT_TIMEOUT, 60L);
    curl_easy_setopt(curl_, CURLOPT_USE_SSL, long(cfg_.starttls ? CURLUSESSL_ALL : CURLUSESSL_NONE));
    if (!cfg_.user.empty()) {
      curl_easy_setopt(curl_, CURLOPT_USERNAME, cfg_.user.c_str());
      curl_easy_setopt(curl_, CURLOPT_PASSWORD, cfg_.password.c_str());
    }
    std::string from = "<" + cfg_.from + ">";
    curl_easy_setopt(curl_, CURLOPT_MAIL_FROM, from.c_str());
    std::string to = "<" + m.address + ">";
    curl_slist* rcpt = curl_slist_append(nullptr, to.c_str());
    curl_easy_setopt(curl_, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(curl_, CURLOPT_READFUNCTION, readBody);
    curl_easy_setopt(curl_, CURLOPT_READDATA, &up);
    curl_easy_setopt(curl_, CURLOPT_UPLOAD, 1L);
    char err[CURL_ERROR_SIZE] = "";
    curl_easy_setopt(curl_, CURLOPT_ERRORBUFFER, err);
    CURLcode rc = curl_easy_perform(curl_);
    long code = 0;
    curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &code);
    curl_slist_free_all(rcpt);
    if (rc == CURLE_OK) return {true, "", false};
    std::string why = std::string(curl_easy_strerror(rc)) + (err[0] ? std::string(": ") + err : "") +
                      (code ? " (SMTP " + std::to_string(code) + ")" : "");
    spdlog::warn("e-mail to {} (outbox {}) not sent: {}", m.address, m.id, why);
    // 550/551/553: the mailbox does not exist or the address is refused; asking again will not help.
    bool permanent = code == 550 || code == 551 || code == 553;
    return {false, why, permanent};
  }

 private:
  SmtpConfig cfg_;
  CURL* curl_;
};

}  // namespace

std::string smtpMessage(const OutboxMessage& m, const std::string& from, DateTime date) {
  std::string host = from.substr(from.find('@') + 1);
  std::string h;
  h += "Date: " + rfc5322Date(date) + "\r\n";
  h += "From: chibo <" + from + ">\r\n";
  h += "To: <" + m.address + ">\r\n";
  h += "Subject: " + encodedHeader(m.subject) + "\r\n";
  h += "Message-ID: <outbox-" + std::to_string(m.id) + "." + std::to_string(m.created_at.unix_seconds) + "@" + host +
       ">\r\n";
  h += "Auto-Submitted: auto-generated\r\n";
  h += "MIME-Version: 1.0\r\n";
  h += "Content-Type: text/plain; charset=utf-8\r\n";
  h += "Content-Transfer-Encoding: base64\r\n\r\n";
  std::string b = base64(m.body);
  for (size_t i = 0; i < b.size(); i += 76) h += b.substr(i, 76) + "\r\n";
  return h;
}

std::unique_ptr<Channel> makeSmtpChannel(const SmtpConfig& cfg) { return std::make_unique<SmtpChannel>(cfg); }

}  // namespace chibo::cli
