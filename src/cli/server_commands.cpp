// The server's commands: serve, user add|list|disable|reset-password, map import. Secrets are
// never taken from argv: passwords come from stdin, a database password from PGPASSFILE or
// PGPASSWORD (the store refuses a URL carrying one).
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <thread>

#include "auth/auth.hpp"
#include "base/text_safety.hpp"
#include "cli/commands.hpp"
#include "model/full_name.hpp"
#include "server/api.hpp"
#include "server/map_history.hpp"
#include "server/server.hpp"
#include "store/store.hpp"

namespace peermap::cli {
namespace {

std::int64_t now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::unique_ptr<store::Store> open_or_report(const std::string& url, std::ostream& err) {
  auto opened = store::open_store(url);
  if (!opened) {
    err << "--db: error: " << opened.error().message << "\n";
    return nullptr;
  }
  return std::move(opened.value());
}

//! One line from stdin, without echo when stdin is a terminal.
std::optional<std::string> read_password(std::istream& in, std::ostream& err, bool prompt) {
  const bool terminal = prompt && ::isatty(STDIN_FILENO) != 0;
  termios saved{};
  if (terminal) {
    err << "password: " << std::flush;
    ::tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  const bool got = static_cast<bool>(std::getline(in, line));
  if (terminal) {
    ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    err << "\n";
  }
  if (!got) return std::nullopt;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

std::optional<std::string> new_password_hash(std::istream& in, std::ostream& err,
                                             const std::string& username) {
  auto password = read_password(in, err, true);
  if (!password) {
    err << "stdin: error: no password given (write it to stdin, one line)\n";
    return std::nullopt;
  }
  if (auto policy = auth::check_password_policy(*password, username); !policy) {
    err << "stdin: error: " << policy.error().message << "\n";
    return std::nullopt;
  }
  auto hash = auth::hash_password(*password);
  if (!hash) {
    err << "error: " << hash.error().message << "\n";
    return std::nullopt;
  }
  return hash.value();
}

//! Conflict when `username` (normalised) has the skeleton of an existing account's name ("p1"
//! and Cyrillic "р1"), or is one.
Status confusable_with_existing(store::Store& store, const std::string& username) {
  const auto skeleton = auth::username_skeleton(username);
  if (!skeleton) return skeleton.error();
  auto users = store.list_users();
  if (!users) return users.error();
  for (const auto& user : users.value()) {
    const auto theirs = auth::username_skeleton(user.username);
    if (theirs && theirs.value() == skeleton.value()) {
      return Error{ErrorKind::Conflict, "taken, or too like an existing username to tell apart"};
    }
  }
  return ok_status();
}

//! A username as it is stored (normalised, as at `user add`), so "Alice " finds alice; a name
//! that cannot be normalised is looked up as typed, and finds nobody.
std::string stored_name(const std::string& typed) {
  if (auto normal = auth::normalise_username(typed)) return std::move(normal.value());
  return typed;
}

//! True when `text` is well-formed UTF-8 (no overlong forms, surrogates or bytes past U+10FFFF).
bool well_formed_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char b = byte(i);
    std::size_t more = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (b < 0x80) {
      more = 0;
    } else if (b >= 0xC2 && b <= 0xDF) {
      more = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      more = 2;
      if (b == 0xE0) low = 0xA0;
      if (b == 0xED) high = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      more = 3;
      if (b == 0xF0) low = 0x90;
      if (b == 0xF4) high = 0x8F;
    } else {
      return false;
    }
    if (i + more >= text.size() && more > 0) return false;
    for (std::size_t k = 1; k <= more; ++k) {
      const unsigned char c = byte(i + k);
      if (c < (k == 1 ? low : 0x80) || c > (k == 1 ? high : 0xBF)) return false;
    }
    i += more + 1;
  }
  return true;
}

//! Why `name` cannot be an account's display name, or "" when it can: a full name (the
//! full-name rule, docs/format.md) of at most 200 characters, UTF-8, no control characters.
std::string display_name_fault(const std::string& name) {
  if (!well_formed_utf8(name)) return "not UTF-8 text";
  for (const char c : name) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return "contains a control character";
  }
  if (text::code_points(name) > model::kMaxNameLength) return "at most 200 characters";
  if (auto fault = model::full_name_fault(name)) return *fault + "; give the person's full name";
  return "";
}

}  // namespace

int user_add(const UserOptions& options, std::istream& in, std::ostream& out, std::ostream& err) {
  const auto role = store::parse_role(options.role);
  if (!role) {
    err << "--role: error: \"" << text::escape_controls_for_terminal(options.role)
        << "\" is not a role (practitioner, manager, admin)\n";
    return kExitUsage;
  }
  // One spelling for each name, and none a reader could take for another's.
  const auto username = auth::normalise_username(options.username);
  if (!username) {
    err << "--username: error: " << username.error().message << "\n";
    return kExitUsage;
  }
  if (options.team.empty() || options.team.size() > 200) {
    err << "--team: error: from 1 to 200 characters\n";
    return kExitUsage;
  }
  if (!options.display_name.empty()) {
    if (const auto fault = display_name_fault(options.display_name); !fault.empty()) {
      err << "--display-name: error: " << text::escape_controls_for_terminal(fault) << "\n";
      return kExitUsage;
    }
  }
  if (!auth::initialise()) return kExitUsage;
  auto store = open_or_report(options.db, err);
  if (!store) return kExitUsage;
  if (auto confusable = confusable_with_existing(*store, username.value()); !confusable) {
    err << "--username: error: " << confusable.error().message << "\n";
    return kExitInvalid;
  }
  const auto hash = new_password_hash(in, err, username.value());
  if (!hash) return kExitInvalid;
  store::NewUser user{username.value(), options.team,        *role, *hash,
                      now_seconds(),    options.display_name};
  auto added = store->add_user(user);
  if (!added) {
    err << "--username: error: " << text::escape_controls_for_terminal(added.error().message)
        << "\n";
    return added.error().kind == ErrorKind::Conflict ? kExitInvalid : kExitUsage;
  }
  out << "added " << added->username << " (" << store::role_text(added->role) << ", team "
      << added->team << ")\n";
  return kExitOk;
}

int user_list(const UserOptions& options, std::ostream& out, std::ostream& err) {
  auto store = open_or_report(options.db, err);
  if (!store) return kExitUsage;
  auto users = store->list_users();
  if (!users) {
    err << "error: " << users.error().message << "\n";
    return kExitUsage;
  }
  out << std::left << std::setw(24) << "USERNAME" << std::setw(14) << "ROLE" << std::setw(24)
      << "TEAM" << std::setw(10) << "STATE"
      << "NAME\n";
  for (const auto& u : users.value()) {
    out << std::setw(24) << text::escape_controls_for_terminal(u.username) << std::setw(14)
        << store::role_text(u.role) << std::setw(24) << text::escape_controls_for_terminal(u.team)
        << std::setw(10) << (u.disabled ? "disabled" : "active")
        << text::escape_controls_for_terminal(u.display_name) << "\n";
  }
  return kExitOk;
}

int user_disable(const UserOptions& options, std::ostream& out, std::ostream& err) {
  auto store = open_or_report(options.db, err);
  if (!store) return kExitUsage;
  auto user = store->user_by_name(stored_name(options.username));
  if (!user) {
    err << "--username: error: no such user\n";
    return kExitInvalid;
  }
  if (!store->set_disabled(user->username, true) || !store->delete_sessions_of(user->id)) {
    err << "error: the user cannot be disabled\n";
    return kExitUsage;
  }
  out << "disabled " << text::escape_controls_for_terminal(user->username)
      << "; their sessions are ended\n";
  return kExitOk;
}

int user_set_name(const UserOptions& options, std::ostream& out, std::ostream& err) {
  if (const auto fault = display_name_fault(options.display_name); !fault.empty()) {
    err << "--display-name: error: " << text::escape_controls_for_terminal(fault) << "\n";
    return kExitUsage;
  }
  auto store = open_or_report(options.db, err);
  if (!store) return kExitUsage;
  auto user = store->user_by_name(stored_name(options.username));
  if (!user) {
    err << "--username: error: no such user\n";
    return kExitInvalid;
  }
  if (!store->set_display_name(user->username, options.display_name)) {
    err << "error: the display name cannot be changed\n";
    return kExitUsage;
  }
  out << "display name of " << text::escape_controls_for_terminal(user->username) << " set to "
      << text::escape_controls_for_terminal(options.display_name) << "\n";
  return kExitOk;
}

int user_reset_password(const UserOptions& options, std::istream& in, std::ostream& out,
                        std::ostream& err) {
  if (!auth::initialise()) return kExitUsage;
  auto store = open_or_report(options.db, err);
  if (!store) return kExitUsage;
  auto user = store->user_by_name(stored_name(options.username));
  if (!user) {
    err << "--username: error: no such user\n";
    return kExitInvalid;
  }
  const auto hash = new_password_hash(in, err, user->username);
  if (!hash) return kExitInvalid;
  if (!store->set_password_hash(user->username, *hash) || !store->delete_sessions_of(user->id)) {
    err << "error: the password cannot be changed\n";
    return kExitUsage;
  }
  out << "new password set for " << text::escape_controls_for_terminal(user->username)
      << "; their sessions are ended\n";
  return kExitOk;
}

int map_import(const std::string& db, const std::string& as_user,
               const std::vector<std::string>& files, std::ostream& out, std::ostream& err) {
  if (!auth::initialise()) return kExitUsage;
  auto store = open_or_report(db, err);
  if (!store) return kExitUsage;
  auto user = store->user_by_name(stored_name(as_user));
  if (!user || user->disabled) {
    err << "--as: error: no such active user\n";
    return kExitInvalid;
  }
  server::MapHistory history(*store, {});
  int code = kExitOk;
  for (const auto& file : files) {
    auto text = read_file(file);
    if (!text) {
      err << file << ": error: " << text.error().message << "\n";
      code = kExitUsage;
      continue;
    }
    const auto created = history.create_map(user.value(), text.value(), "cli");
    if (!created.id) {
      // An invalid document: its first problem with its pointer (or line:column).
      const bool invalid =
          created.id.error().kind == ErrorKind::Invalid && !created.problems.empty();
      const std::string why =
          invalid ? created.problems.front().where + ": " + created.problems.front().message
                  : created.id.error().message;
      err << file << ": error: " << text::escape_controls_for_terminal(why) << "\n";
      code = kExitInvalid;
      continue;
    }
    out << file << ": imported as /api/maps/" << created.id.value() << "\n";
  }
  return code;
}

int serve(const ServeOptions& options, std::ostream& err) {
  server::ListenOptions listen;
  if (auto parsed = server::parse_listen(options.listen, listen); !parsed) {
    err << parsed.error().message << "\n";
    return kExitUsage;
  }
  listen.tls_certificate = options.tls_certificate;
  listen.tls_private_key = options.tls_private_key;
  if (listen.tls_certificate.empty() != listen.tls_private_key.empty()) {
    err << "--tls-cert, --tls-key: error: give both or neither\n";
    return kExitUsage;
  }
  if (auto ready = auth::initialise(); !ready) {
    err << "error: " << ready.error().message << "\n";
    return kExitUsage;
  }
  // Signals are taken by one thread that stops the server, never inside a handler.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  if (std::signal(SIGPIPE, SIG_IGN) == SIG_ERR) {
    err << "warning: cannot ignore SIGPIPE; a client that goes away may stop the server\n";
  }

  auto store = open_or_report(options.db, err);
  if (!store) return kExitUsage;
  server::ApiOptions api_options;
  api_options.secure_cookies = !listen.tls_certificate.empty() || options.behind_tls_proxy;
  listen.trust_forwarded_for = options.behind_tls_proxy;
  api_options.council_name = options.council_name;
  api_options.working_copy_bytes = options.working_copies_mib << 20u;
  api_options.render.concurrent = options.render_slots;
  api_options.render.queue = options.render_queue;
  api_options.render.queue_wait_ms = options.render_wait_seconds * 1000;
  api_options.render.budget_ms = options.render_budget_seconds * 1000;
  api_options.render.max_items = options.render_max_items;
  server::Api api(*store, api_options);
  server::HttpServer http(api, listen, options.quiet ? nullptr : &err);
  auto port = http.bind();
  if (!port) {
    err << "--listen: error: " << port.error().message << "\n";
    return kExitUsage;
  }
  err << "peermap: serving " << (listen.tls_certificate.empty() ? "http" : "https") << "://"
      << (listen.host.find(':') != std::string::npos ? "[" + listen.host + "]" : listen.host) << ":"
      << port.value() << "/ on " << store->backend() << std::endl;
  std::thread waiter([&] {
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    http.stop();
  });
  const auto ran = http.run();
  if (waiter.joinable()) {
    // run() ended by itself (not a signal): wake the waiter (SIGINT is one it waits for).
    pthread_kill(waiter.native_handle(), SIGINT);
    waiter.join();
  }
  err << "peermap: stopped\n";
  return ran ? kExitOk : kExitUsage;
}

}  // namespace peermap::cli
