"""A real SMTP server for the delivery tests (aiosmtpd, Debian's python3-aiosmtpd), with what the stock
Mailbox handler cannot do: refuse chosen recipients with 550, and require a login.

    /usr/bin/python3 smtp_test_server.py PORT MAILDIR [--refuse ADDRESS]... [--login USER PASSWORD]

Accepted messages are written to MAILDIR (a Maildir: tmp/, new/, cur/), one file per message, as the stock
handler does. Prints "ready" once it listens on 127.0.0.1:PORT; stops on SIGTERM or when stdin closes.
"""
import mailbox
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Handler:
    def __init__(self, maildir, refused):
        self.box = mailbox.Maildir(maildir, create=True)
        self.refused = {a.lower() for a in refused}

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refused:
            return "550 5.1.1 <%s>: mailbox unavailable" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.box.add(envelope.original_content)
        return "250 Message accepted for delivery"


def authenticator(user, password):
    def check(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login == user.encode() and auth_data.password == password.encode()
        return AuthResult(success=ok, handled=False)
    return check


def main():
    port, maildir, rest = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    refused, login = [], None
    i = 0
    while i < len(rest):
        if rest[i] == "--refuse":
            refused.append(rest[i + 1])
            i += 2
        elif rest[i] == "--login":
            login = (rest[i + 1], rest[i + 2])
            i += 3
        else:
            sys.exit("unknown option " + rest[i])
    options = {}
    if login:
        options = dict(auth_required=True, auth_require_tls=False, authenticator=authenticator(*login))
    controller = Controller(Handler(maildir, refused), hostname="127.0.0.1", port=port, **options)
    controller.start()
    print("ready", flush=True)
    done = threading.Event()
    threading.Thread(target=lambda: (sys.stdin.read(), done.set()), daemon=True).start()
    try:
        done.wait()
    except KeyboardInterrupt:
        pass
    controller.stop()


if __name__ == "__main__":
    main()
