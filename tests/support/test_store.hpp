// A fresh store for one test, on either backend: a SQLite file in a new temporary directory,
// or a new database on the test PostgreSQL server (PEERMAP_TEST_PG_URL, started by
// scripts/test-postgres.sh as the ctest fixture `postgres`). Without that server the
// PostgreSQL cases fail; they are never skipped.
#pragma once

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "store/store.hpp"

namespace peermap::test {

//! The database behind one test; dropped (or deleted) when the test ends.
class TestDatabase {
 public:
  explicit TestDatabase(const std::string& backend) {
    std::random_device device;
    const std::string suffix =
        std::to_string(::getpid()) + "_" + std::to_string(device() % 1000000);
    if (backend == "sqlite") {
      directory_ = std::filesystem::temp_directory_path() / ("peermap-test-" + suffix);
      std::filesystem::create_directories(directory_);
      url_ = "sqlite:" + (directory_ / "peermap.db").string();
      return;
    }
    const char* admin = std::getenv("PEERMAP_TEST_PG_URL");
    if (admin == nullptr) {
      error_ =
          "PEERMAP_TEST_PG_URL is not set: run the tests through ctest (fixture `postgres`) "
          "or eval \"$(scripts/test-postgres.sh start)\"";
      return;
    }
    admin_url_ = admin;
    name_ = "peermap_t_" + suffix + "_" + std::to_string(counter()++);
    if (!execute("CREATE DATABASE " + name_)) return;
    url_ = admin_url_.substr(0, admin_url_.rfind('/') + 1) + name_;
  }
  ~TestDatabase() {
    if (!directory_.empty()) {
      std::error_code ec;
      std::filesystem::remove_all(directory_, ec);
    }
    if (!name_.empty() && !url_.empty())
      execute("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  }
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  [[nodiscard]] const std::string& url() const { return url_; }
  [[nodiscard]] const std::string& error() const { return error_; }
  [[nodiscard]] const std::filesystem::path& directory() const { return directory_; }

 private:
  static std::atomic<int>& counter() {
    static std::atomic<int> n{0};
    return n;
  }
  bool execute(const std::string& sql) {
    PGconn* connection = PQconnectdb(admin_url_.c_str());
    const bool connected = PQstatus(connection) == CONNECTION_OK;
    bool done = false;
    if (connected) {
      PGresult* result = PQexec(connection, sql.c_str());
      done = PQresultStatus(result) == PGRES_COMMAND_OK;
      if (!done) error_ = PQresultErrorMessage(result);
      PQclear(result);
    } else {
      error_ = PQerrorMessage(connection);
    }
    PQfinish(connection);
    return done;
  }

  std::filesystem::path directory_;
  std::string admin_url_;
  std::string name_;
  std::string url_;
  std::string error_;
};

}  // namespace peermap::test
