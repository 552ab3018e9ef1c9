#pragma once
// A real SMTP server (tests/support/smtp_sink.py, aiosmtpd) on a free loopback
// port, started and stopped by the test; the messages it accepted are read
// back decoded.
#include <boost/json.hpp>

#include <chrono>
#include <functional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace chibo::testing {

class SmtpSink {
 public:
  SmtpSink();  // picks a free port and a mailbox file; does not start
  ~SmtpSink();
  void start();  // returns once the port accepts connections
  void stop();   // SIGTERM, then wait: the port refuses connections afterwards
  bool running() const { return pid_ > 0; }
  int port() const { return port_; }
  // Every message accepted so far, oldest first: mail_from, rcpt_to, to, subject, message_id, body.
  std::vector<boost::json::object> messages() const;
  // Polls until `pred` holds for the messages or `timeout` passes; returns the messages last read.
  std::vector<boost::json::object> waitFor(const std::function<bool(const std::vector<boost::json::object>&)>& pred,
                                           std::chrono::milliseconds timeout = std::chrono::seconds(20)) const;

 private:
  int port_ = 0;
  pid_t pid_ = -1;
  std::string mailbox_, log_;
};

}  // namespace chibo::testing
