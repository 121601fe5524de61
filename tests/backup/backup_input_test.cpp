// Bad input to `peermap backup`, `restore` and `verify`: a missing file, a file that is not a
// peermap database, a wrong manifest, an existing target, a revision that does not replay to a
// valid document. Each gets an error naming the file or field, and changes nothing.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/test_store.hpp"

namespace peermap {
namespace {

namespace fs = std::filesystem;

struct Outcome {
  int code = -1;
  std::string output;
};

std::string quoted(const std::string& text) { return "'" + text + "'"; }

Outcome peermap(const std::string& args) {
  Outcome out;
  FILE* pipe = ::popen((quoted(PEERMAP_BINARY) + " " + args + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return out;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    out.output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  out.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

//! Runs SQL on a SQLite file through the C API, around the store.
void raw_sql(const fs::path& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* message = nullptr;
  const int code = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
  EXPECT_EQ(code, SQLITE_OK) << (message != nullptr ? message : "");
  sqlite3_free(message);
  sqlite3_close(db);
}

bool says(const Outcome& outcome, const std::string& words) {
  return outcome.output.find(words) != std::string::npos;
}

//! A peermap database with one map of one revision, backed up to `backup` beside it.
class BackupInput : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(database_.error(), "");
    dir_ = database_.directory();
    {
      auto opened = store::open_store(database_.url());
      ASSERT_TRUE(opened) << opened.error().message;
      auto user = opened.value()->add_user({"alice", "north", {}, "x", 1});
      ASSERT_TRUE(user);
      store::MapRecord record{"m1", "north", user->id, 1, 1, {}};
      store::Revision first;
      first.info.author_id = user->id;
      first.title = "Peer group";
      first.document = read_text(fs::path(PEERMAP_SOURCE_DIR) / "examples" / "peer-group.json");
      ASSERT_TRUE(opened.value()->create_map(record, first));
    }
    backup_ = dir_ / "peermap.backup";
    const Outcome made = peermap("backup --db " + quoted(database_.url()) + " " + quoted(backup_));
    ASSERT_EQ(made.code, 0) << made.output;
  }

  [[nodiscard]] fs::path db_file() const { return dir_ / "peermap.db"; }
  [[nodiscard]] fs::path manifest() const { return backup_.string() + ".manifest.json"; }

  test::TestDatabase database_{"sqlite"};
  fs::path dir_;
  fs::path backup_;
};

TEST_F(BackupInput, AMissingDatabaseIsNamedAndNotCreated) {
  const fs::path missing = dir_ / "none.db";
  const Outcome verified = peermap("verify --db " + quoted("sqlite:" + missing.string()));
  EXPECT_EQ(verified.code, 2) << verified.output;
  EXPECT_TRUE(says(verified, missing.string() + ": no such file")) << verified.output;
  const Outcome backed_up = peermap("backup --db " + quoted("sqlite:" + missing.string()) + " " +
                                    quoted(dir_ / "x.backup"));
  EXPECT_EQ(backed_up.code, 2) << backed_up.output;
  const Outcome restored = peermap("restore " + quoted(missing) + " --db " +
                                   quoted("sqlite:" + (dir_ / "y.db").string()));
  EXPECT_EQ(restored.code, 2) << restored.output;
  EXPECT_TRUE(says(restored, missing.string())) << restored.output;
  for (const char* name : {"none.db", "x.backup", "y.db"}) EXPECT_FALSE(fs::exists(dir_ / name));
}

TEST_F(BackupInput, AFileThatIsNotPeermapsIsRefusedUnchanged) {
  const fs::path other = dir_ / "other.db";
  raw_sql(other, "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x');");
  const std::string bytes = read_text(other);
  const Outcome verified = peermap("verify --db " + quoted("sqlite:" + other.string()));
  EXPECT_EQ(verified.code, 1) << verified.output;
  EXPECT_TRUE(says(verified, other.string() + ": not a peermap database")) << verified.output;
  const Outcome restored =
      peermap("restore " + quoted(other) + " --db " + quoted("sqlite:" + (dir_ / "y.db").string()));
  EXPECT_EQ(restored.code, 1) << restored.output;
  EXPECT_EQ(read_text(other), bytes);
  EXPECT_FALSE(fs::exists(dir_ / "y.db"));

  const fs::path text = dir_ / "notes.txt";
  write_text(text, "not a database at all\n");
  const Outcome plain = peermap("verify --db " + quoted("sqlite:" + text.string()));
  EXPECT_EQ(plain.code, 1) << plain.output;
  EXPECT_TRUE(says(plain, text.string() + ": not a SQLite database")) << plain.output;
  EXPECT_EQ(read_text(text), "not a database at all\n");
}

TEST_F(BackupInput, AWrongManifestNamesItsFieldAndAMismatchNamesTheTable) {
  const std::string url = quoted(database_.url());
  const Outcome missing = peermap("verify --db " + url + " --manifest " + quoted(dir_ / "no.json"));
  EXPECT_EQ(missing.code, 2) << missing.output;
  EXPECT_TRUE(says(missing, (dir_ / "no.json").string())) << missing.output;

  std::string text = read_text(manifest());
  const fs::path bad = dir_ / "bad.json";
  std::string broken = text;
  broken.replace(broken.find("\"rows\": "), 8, "\"rows\": \"many\", \"was\": ");
  write_text(bad, broken);
  const Outcome field = peermap("verify --db " + url + " --manifest " + quoted(bad));
  EXPECT_EQ(field.code, 1) << field.output;
  EXPECT_TRUE(says(field, bad.string() + ": /tables/audit/rows: expected a count")) << field.output;

  // One hash changed: the table and the revision are named.
  const std::size_t at = text.find("\"sha256\": \"", text.find("\"revisions\": [")) + 11;
  text[at] = text[at] == '0' ? '1' : '0';
  const fs::path wrong = dir_ / "wrong.json";
  write_text(wrong, text);
  const Outcome differs = peermap("verify --db " + url + " --manifest " + quoted(wrong));
  EXPECT_EQ(differs.code, 1) << differs.output;
  EXPECT_TRUE(says(differs, "revision 1 of map m1: sha256 differs")) << differs.output;

  const Outcome good = peermap("verify --db " + url + " --manifest " + quoted(manifest()));
  EXPECT_EQ(good.code, 0) << good.output;
}

TEST_F(BackupInput, ABackupNeverOverwritesAndARestoreNeedsForceOverAnExistingDatabase) {
  const std::string before = read_text(backup_);
  const Outcome again = peermap("backup --db " + quoted(database_.url()) + " " + quoted(backup_));
  EXPECT_EQ(again.code, 2) << again.output;
  EXPECT_TRUE(says(again, "exists; a backup never overwrites a file")) << again.output;
  EXPECT_EQ(read_text(backup_), before);

  const fs::path target = dir_ / "target.db";
  write_text(target, "precious");
  const std::string url = quoted("sqlite:" + target.string());
  const Outcome refused = peermap("restore " + quoted(backup_) + " --db " + url);
  EXPECT_EQ(refused.code, 1) << refused.output;
  EXPECT_TRUE(says(refused, target.string() + ": exists; give --force")) << refused.output;
  EXPECT_EQ(read_text(target), "precious");
  const Outcome forced = peermap("restore " + quoted(backup_) + " --db " + url + " --force");
  EXPECT_EQ(forced.code, 0) << forced.output;
  const Outcome verified = peermap("verify --db " + url + " --manifest " + quoted(manifest()));
  EXPECT_EQ(verified.code, 0) << verified.output;
  // Nothing but the target is left in the directory (no temporary file).
  for (const auto& entry : fs::directory_iterator(dir_)) {
    EXPECT_NE(entry.path().filename().string().front(), '.') << entry.path();
  }
}

TEST_F(BackupInput, ARevisionThatDoesNotReplayToAValidDocumentIsNamed) {
  // Around the store: a patch that removes the format line, and the head moved to it.
  raw_sql(db_file(),
          "INSERT INTO revisions (map_id, number, author_id, author, created_at, summary, title, "
          "document, body) VALUES ('m1', 2, 1, 'alice', 2, '', 'x', "
          "'[{\"op\":\"remove\",\"path\":\"/format\"}]', 'patch'); "
          "UPDATE maps SET head = 2 WHERE id = 'm1';");
  const Outcome verified = peermap("verify --db " + quoted(database_.url()));
  EXPECT_EQ(verified.code, 1) << verified.output;
  EXPECT_TRUE(says(verified, "map m1 revision 2: not a valid document: /format"))
      << verified.output;
  EXPECT_FALSE(says(verified, "revision 1:")) << verified.output;
}

}  // namespace
}  // namespace peermap
