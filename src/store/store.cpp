// Roles as text, and choosing the backend from the URL.
#include "store/store.hpp"

#include "store/sql_store.hpp"

namespace peermap::store {

std::string_view role_text(AccountRole role) {
  switch (role) {
    case AccountRole::practitioner:
      return "practitioner";
    case AccountRole::manager:
      return "manager";
    case AccountRole::admin:
      return "admin";
  }
  return "practitioner";  // unreachable: every AccountRole is named above
}

std::optional<AccountRole> parse_role(std::string_view text) {
  for (AccountRole role : {AccountRole::practitioner, AccountRole::manager, AccountRole::admin}) {
    if (text == role_text(role)) return role;
  }
  return std::nullopt;
}

std::string_view display_name_or_username(const User& user) {
  if (user.display_name.empty()) return user.username;
  return user.display_name;
}

Result<std::unique_ptr<Store>> open_store(std::string_view url) {
  constexpr std::string_view kSqlite = "sqlite:";
  if (url.starts_with(kSqlite)) return sql::open_sqlite(url.substr(kSqlite.size()));
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return sql::open_postgres(url);
  }
  // The URL is not echoed: it might hold a secret.
  return Error{ErrorKind::Invalid,
               "unknown database URL scheme: use sqlite:PATH or postgresql://HOST/DATABASE"};
}

Result<std::unique_ptr<Store>> open_existing_store(std::string_view url) {
  constexpr std::string_view kSqlite = "sqlite:";
  if (url.starts_with(kSqlite)) return sql::open_sqlite(url.substr(kSqlite.size()), true);
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return sql::open_postgres(url, true);
  }
  return open_store(url);  // the same refusal
}

}  // namespace peermap::store
