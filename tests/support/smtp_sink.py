#!/usr/bin/env python3
"""A real SMTP server for the API tests (aiosmtpd, Debian python3-aiosmtpd) on a
loopback port. Every message it accepts is decoded (headers per RFC 2047, the
body per its transfer encoding and charset) and appended to OUT as one JSON
line: envelope sender and recipients, To, Subject, Message-ID and body text.

    python3 smtp_sink.py PORT OUT
"""
import email
import json
import signal
import sys
import threading
from email import policy

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, out):
        self.out = out
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        msg = email.message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
        body = msg.get_body(preferencelist=("plain",))
        rec = {
            "mail_from": envelope.mail_from,
            "rcpt_to": list(envelope.rcpt_tos),
            "to": str(msg.get("To", "")),
            "subject": str(msg.get("Subject", "")),
            "message_id": str(msg.get("Message-ID", "")),
            "body": body.get_content() if body is not None else "",
        }
        with self.lock, open(self.out, "a", encoding="utf-8") as f:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        return "250 Message accepted for delivery"


def main():
    port, out = int(sys.argv[1]), sys.argv[2]
    controller = Controller(Sink(out), hostname="127.0.0.1", port=port)
    controller.start()
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    print("listening", port, flush=True)
    done.wait()
    controller.stop()


if __name__ == "__main__":
    main()
