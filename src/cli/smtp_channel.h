#pragma once
// The e-mail channel of the outbox: SMTP through libcurl, with STARTTLS
// required unless the settings say the relay is on this machine.
#include <memory>
#include <string>

#include "app/notices/outbox_worker.h"

namespace chibo::cli {

struct SmtpConfig {
  std::string url;       // smtp://host:587 or smtps://host:465
  std::string user, password;
  std::string from;
  bool starttls = true;  // refuse to send over a connection that could not be encrypted
};

std::unique_ptr<Channel> makeSmtpChannel(const SmtpConfig& cfg);

// The message as it goes on the wire (headers and a base64 UTF-8 body, CRLF lines); the
// Message-ID is the outbox row's, so a message sent twice can be recognised.
std::string smtpMessage(const OutboxMessage& m, const std::string& from, DateTime date);

}  // namespace chibo::cli
