// `peermap backup`, `restore` and `verify`, as an operator runs them: the real binary against a
// database that store writers in threads keep changing. Every write acknowledged before the
// backup began must come back after a restore, and the restored database's hashes must match
// the manifest. On PostgreSQL the copy is pg_dump + pg_restore (docs/store.md, "Backups").
//
//   writers ──append──▶ live db ──backup / pg_dump──▶ copy ──restore / pg_restore──▶ restored
//      │ acknowledged before the backup began ⊆ restored;  manifest(restored) == manifest(copy)
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "backup/manifest.hpp"
#include "support/test_store.hpp"

namespace peermap {
namespace {

namespace fs = std::filesystem;
using store::Revision;
using store::RevisionBody;

constexpr int kWriters = 4;

struct Outcome {
  int code = -1;
  std::string output;  // stdout and stderr together
};

std::string quoted(const std::string& text) { return "'" + text + "'"; }

//! Runs a shell command; its exit code and everything it printed.
Outcome run(const std::string& command) {
  Outcome out;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return out;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    out.output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  out.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

Outcome peermap(const std::string& args) { return run(quoted(PEERMAP_BINARY) + " " + args); }

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

unsigned mode_of(const fs::path& path) {
  struct stat info {};
  ::stat(path.c_str(), &info);
  return info.st_mode & 0777U;
}

std::string example_document() {
  return read_text(fs::path(PEERMAP_SOURCE_DIR) / "examples" / "peer-group.json");
}

Revision revision_of(std::int64_t author, std::string text, RevisionBody body) {
  Revision r;
  r.info.author_id = author;
  r.info.created_at = 1'790'000'000'000;
  r.info.summary = "test save";
  r.title = "Peer group";
  r.document = std::move(text);
  r.body = body;
  return r;
}

std::string retitle(int n) {
  return R"([{"op":"replace","path":"/map/title","value":"Save )" + std::to_string(n) + R"("}])";
}

//! The maps of one test, made on `store` by a new user; their ids.
std::vector<std::string> make_maps(store::Store& store, std::int64_t& author) {
  auto user = store.add_user({"writer", "north", store::AccountRole::practitioner, "x", 1});
  EXPECT_TRUE(user) << user.error().message;
  author = user ? user->id : 0;
  std::vector<std::string> ids;
  for (int i = 0; i < kWriters; ++i) {
    store::MapRecord record;
    record.id = "map" + std::to_string(i);
    record.team = "north";
    record.created_by = author;
    auto created =
        store.create_map(record, revision_of(author, example_document(), RevisionBody::document));
    EXPECT_TRUE(created) << created.error().message;
    ids.push_back(record.id);
  }
  return ids;
}

//! One thread a map, each saving revision after revision (a patch, every tenth a whole
//! document) with an audit row, and noting each save once the store acknowledged it.
class Writers {
 public:
  Writers(store::Store& store, const std::vector<std::string>& maps, std::int64_t author) {
    for (const auto& id : maps) {
      threads_.emplace_back([this, &store, id, author] {
        const std::string document = example_document();
        for (std::int64_t head = 1; !stop_; ++head) {
          const bool whole = (head + 1) % 10 == 0;
          Revision next =
              whole ? revision_of(author, document, RevisionBody::document)
                    : revision_of(author, retitle(static_cast<int>(head)), RevisionBody::patch);
          store::AuditEntry audit{0, 1, author, "writer", "map.edit", id, 0, "ok", 200, "test"};
          auto saved = store.append_revision_audited(id, head, next, audit);
          if (!saved) {
            failure_ = saved.error().message;
            return;
          }
          const std::lock_guard lock(mutex_);
          acknowledged_.emplace_back(id, saved->number);
        }
      });
    }
  }
  ~Writers() { stop(); }
  Writers(const Writers&) = delete;
  Writers& operator=(const Writers&) = delete;

  void stop() {
    stop_ = true;
    for (auto& t : threads_) {
      if (t.joinable()) t.join();
    }
  }
  [[nodiscard]] std::vector<std::pair<std::string, std::int64_t>> acknowledged() {
    const std::lock_guard lock(mutex_);
    return acknowledged_;
  }
  //! Waits until at least `n` saves were acknowledged (at most 60 s).
  void wait_for(std::size_t n) {
    for (int i = 0; i < 6000 && acknowledged().size() < n && failure_.empty(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  [[nodiscard]] const std::string& failure() const { return failure_; }

 private:
  std::atomic<bool> stop_{false};
  std::mutex mutex_;
  std::vector<std::pair<std::string, std::int64_t>> acknowledged_;
  std::string failure_;
  std::vector<std::thread> threads_;
};

void expect_present(store::Store& restored,
                    const std::vector<std::pair<std::string, std::int64_t>>& saves) {
  for (const auto& [id, number] : saves) {
    auto found = restored.revision(id, number);
    EXPECT_TRUE(found) << "revision " << number << " of " << id << " is missing";
  }
}

backup::Manifest manifest_of(store::Store& store) {
  auto manifest = backup::compute_manifest(store);
  EXPECT_TRUE(manifest) << manifest.error().message;
  return manifest ? manifest.value() : backup::Manifest{};
}

TEST(BackupUnderLoad, SqliteBackupRestoresEveryAcknowledgedWriteAndMatchesItsManifest) {
  test::TestDatabase live("sqlite");
  const fs::path dir = live.directory();
  auto opened = store::open_store(live.url());
  ASSERT_TRUE(opened) << opened.error().message;
  store::Store& store = *opened.value();
  std::int64_t author = 0;
  const auto maps = make_maps(store, author);
  Writers writers(store, maps, author);
  writers.wait_for(40);

  const auto before = writers.acknowledged();
  const fs::path out = dir / "peermap.backup";
  const Outcome backed_up = peermap("backup --db " + quoted(live.url()) + " " + quoted(out));
  ASSERT_EQ(backed_up.code, 0) << backed_up.output;
  writers.wait_for(before.size() + 40);  // writes went on during and after the copy
  const auto after = writers.acknowledged().size();
  writers.stop();
  ASSERT_EQ(writers.failure(), "");
  ASSERT_GT(after, before.size());

  // Created 0600, as is its manifest.
  EXPECT_EQ(mode_of(out), 0600U);
  const fs::path manifest_file = out.string() + ".manifest.json";
  EXPECT_EQ(mode_of(manifest_file), 0600U);

  // While this process holds the live database open, restoring over it is refused.
  const Outcome over_live =
      peermap("restore " + quoted(out) + " --db " + quoted(live.url()) + " --force");
  EXPECT_EQ(over_live.code, 1) << over_live.output;
  EXPECT_NE(over_live.output.find("open in another process"), std::string::npos)
      << over_live.output;
  expect_present(store, writers.acknowledged());

  const std::string restored_url = "sqlite:" + (dir / "restored" / "peermap.db").string();
  fs::create_directories(dir / "restored");
  const Outcome restored = peermap("restore " + quoted(out) + " --db " + quoted(restored_url));
  ASSERT_EQ(restored.code, 0) << restored.output;
  EXPECT_EQ(mode_of(dir / "restored" / "peermap.db"), 0600U);

  const Outcome verified =
      peermap("verify --db " + quoted(restored_url) + " --manifest " + quoted(manifest_file));
  EXPECT_EQ(verified.code, 0) << verified.output;
  EXPECT_NE(verified.output.find("the manifest matches"), std::string::npos) << verified.output;

  {
    auto back = store::open_store(restored_url);
    ASSERT_TRUE(back) << back.error().message;
    expect_present(*back.value(), before);
    auto expected = backup::parse_manifest(read_text(manifest_file), manifest_file.string());
    ASSERT_TRUE(expected) << expected.error().message;
    EXPECT_EQ(backup::manifest_differences(expected.value(), manifest_of(*back.value())),
              std::vector<std::string>{});
    EXPECT_GE(expected->revisions.size(), before.size() + maps.size());
  }

  // Negative control: the live database moved on, so its hashes do not match the backup's.
  const Outcome live_check =
      peermap("verify --db " + quoted(live.url()) + " --manifest " + quoted(manifest_file));
  EXPECT_EQ(live_check.code, 1) << live_check.output;
  EXPECT_NE(live_check.output.find("table revisions"), std::string::npos) << live_check.output;
}

TEST(BackupUnderLoad, PostgresqlDumpAndRestoreKeepEveryAcknowledgedWriteAndTheManifest) {
  test::TestDatabase live("postgresql");
  ASSERT_EQ(live.error(), "");
  test::TestDatabase under_load("postgresql");
  test::TestDatabase quiet("postgresql");
  ASSERT_EQ(under_load.error(), "");
  ASSERT_EQ(quiet.error(), "");
  const fs::path dir = fs::temp_directory_path() / ("peermap-backup-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string bin = PEERMAP_PG_BIN;

  auto opened = store::open_store(live.url());
  ASSERT_TRUE(opened) << opened.error().message;
  store::Store& store = *opened.value();
  std::int64_t author = 0;
  const auto maps = make_maps(store, author);
  Writers writers(store, maps, author);
  writers.wait_for(40);

  // pg_dump under load: its snapshot holds every write acknowledged before it began.
  const auto before = writers.acknowledged();
  const Outcome dumped =
      run(bin + "/pg_dump -Fc -f " + quoted(dir / "load.dump") + " " + quoted(live.url()));
  ASSERT_EQ(dumped.code, 0) << dumped.output;
  writers.wait_for(before.size() + 40);
  writers.stop();
  ASSERT_EQ(writers.failure(), "");
  const Outcome restored = run(bin + "/pg_restore --no-owner -d " + quoted(under_load.url()) + " " +
                               quoted(dir / "load.dump"));
  ASSERT_EQ(restored.code, 0) << restored.output;
  {
    auto back = store::open_existing_store(under_load.url());
    ASSERT_TRUE(back) << back.error().message;
    expect_present(*back.value(), before);
  }
  const Outcome replayed = peermap("verify --db " + quoted(under_load.url()));
  EXPECT_EQ(replayed.code, 0) << replayed.output;

  // An empty database is not peermap's: verify says so and creates nothing in it (else the
  // restore below would find its tables taken).
  const Outcome empty = peermap("verify --db " + quoted(quiet.url()));
  EXPECT_EQ(empty.code, 1) << empty.output;
  EXPECT_NE(empty.output.find("not a peermap database"), std::string::npos) << empty.output;

  // The manifest of the live database (writers stopped) matches its dump once restored.
  const fs::path manifest_file = dir / "live.manifest.json";
  write_text(manifest_file, backup::manifest_text(manifest_of(store)));
  ASSERT_EQ(
      run(bin + "/pg_dump -Fc -f " + quoted(dir / "quiet.dump") + " " + quoted(live.url())).code,
      0);
  ASSERT_EQ(run(bin + "/pg_restore --no-owner -d " + quoted(quiet.url()) + " " +
                quoted(dir / "quiet.dump"))
                .code,
            0);
  const Outcome matched =
      peermap("verify --db " + quoted(quiet.url()) + " --manifest " + quoted(manifest_file));
  EXPECT_EQ(matched.code, 0) << matched.output;
  EXPECT_NE(matched.output.find("the manifest matches"), std::string::npos) << matched.output;
  // Negative control: the dump taken under load is older than the manifest.
  const Outcome older =
      peermap("verify --db " + quoted(under_load.url()) + " --manifest " + quoted(manifest_file));
  EXPECT_EQ(older.code, 1) << older.output;
  EXPECT_NE(older.output.find("table revisions"), std::string::npos) << older.output;

  // `peermap backup` itself is for SQLite and says what to use instead.
  const Outcome refused =
      peermap("backup --db " + quoted(live.url()) + " " + quoted(dir / "x.backup"));
  EXPECT_EQ(refused.code, 2);
  EXPECT_NE(refused.output.find("pg_dump"), std::string::npos) << refused.output;
  EXPECT_FALSE(fs::exists(dir / "x.backup"));
  std::error_code ignored;
  fs::remove_all(dir, ignored);
}

}  // namespace
}  // namespace peermap
