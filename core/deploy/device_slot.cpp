#include "core/deploy/device_slot.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>

#include "core/deploy/file_util.h"
#include "core/util/clock.h"

namespace edgewise::deploy {

namespace {

using nlohmann::json;

std::string sysError(const std::string& what) {
  return what + ": " + std::strerror(errno);
}

Result<void> fsyncPath(const std::string& p) {
  const int fd = ::open(p.c_str(), O_RDONLY);
  if (fd < 0) return Error(sysError("cannot open " + p), "fsync");
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) return Error(sysError("fsync of " + p + " failed"), "fsync");
  return {};
}

bool exists(const std::string& p) {
  struct stat st {};
  return ::lstat(p.c_str(), &st) == 0;
}

// The link's target ("models/d-..."), or "" when there is no link.
std::string readLink(const std::string& p) {
  char buf[4096];
  const ssize_t n = ::readlink(p.c_str(), buf, sizeof buf - 1);
  if (n <= 0) return {};
  return std::string(buf, static_cast<size_t>(n));
}

// Points `link` at `target` atomically (a new link renamed over the old one); an empty
// target removes the link.
Result<void> setLink(const std::string& link, const std::string& target) {
  if (target.empty()) {
    if (::unlink(link.c_str()) != 0 && errno != ENOENT) {
      return Error(sysError("cannot remove " + link), "installing");
    }
    return {};
  }
  const std::string tmp = link + ".tmp";
  ::unlink(tmp.c_str());
  if (::symlink(target.c_str(), tmp.c_str()) != 0 || ::rename(tmp.c_str(), link.c_str()) != 0) {
    return Error(sysError("cannot point " + link + " at " + target), "installing");
  }
  return {};
}

void removeTree(const std::string& p) {
  struct stat st {};
  if (::lstat(p.c_str(), &st) != 0) return;
  if (S_ISDIR(st.st_mode)) {
    if (DIR* d = ::opendir(p.c_str())) {
      while (dirent* e = ::readdir(d)) {
        const std::string name = e->d_name;
        if (name == "." || name == "..") continue;
        removeTree(p + "/" + name);
      }
      ::closedir(d);
    }
    ::rmdir(p.c_str());
  } else {
    ::unlink(p.c_str());
  }
}

Result<void> makeDir(const std::string& p) {
  if (::mkdir(p.c_str(), 0755) != 0 && errno != EEXIST) {
    return Error(sysError("cannot create " + p), "state dir");
  }
  return {};
}

std::vector<std::pair<int, int>> rangesOf(const std::vector<char>& have) {
  std::vector<std::pair<int, int>> out;
  for (int i = 0; i < static_cast<int>(have.size()); ++i) {
    if (!have[static_cast<size_t>(i)]) continue;
    if (!out.empty() && out.back().second == i - 1) {
      out.back().second = i;
    } else {
      out.emplace_back(i, i);
    }
  }
  return out;
}

}  // namespace

const char* slotStateName(SlotState state) {
  switch (state) {
    case SlotState::Idle:
      return "idle";
    case SlotState::Receiving:
      return "receiving";
    case SlotState::Verifying:
      return "verifying";
    case SlotState::Installing:
      return "installing";
    case SlotState::SelfTest:
      return "self_test";
    case SlotState::Succeeded:
      return "succeeded";
    case SlotState::RolledBack:
      return "rolled_back";
    case SlotState::Refused:
      return "refused";
    case SlotState::Failed:
      return "failed";
  }
  return "idle";
}

std::optional<SlotState> slotStateFromName(const std::string& name) {
  for (int i = 0; i <= static_cast<int>(SlotState::Failed); ++i) {
    if (name == slotStateName(static_cast<SlotState>(i))) return static_cast<SlotState>(i);
  }
  return std::nullopt;
}

bool isTerminal(SlotState state) {
  return state == SlotState::Succeeded || state == SlotState::RolledBack ||
         state == SlotState::Refused || state == SlotState::Failed;
}

std::string installedModelJson(const std::optional<InstalledModel>& m) {
  if (!m) return "null";
  json j = {{"model_id", m->modelId},
            {"model_name", m->modelName},
            {"variant", m->variant},
            {"version", m->version},
            {"kind", m->kind},
            {"sha256", m->sha256},
            {"deployment", m->deployment},
            {"since_us", m->sinceUs}};
  return j.dump();
}

std::string slotStatusJson(const std::string& device, const SlotStatus& s,
                           const std::optional<InstalledModel>& model, int64_t tsUs) {
  json have = json::array();
  for (const auto& [a, b] : s.have) have.push_back({a, b});
  json j = {{"device", device},
            {"deployment", s.deployment},
            {"state", slotStateName(s.state)},
            {"chunks", s.chunks},
            {"have_count", s.haveCount},
            {"have", have},
            {"reason", s.reason},
            {"model", json::parse(installedModelJson(model))},
            {"ts", tsUs}};
  return j.dump();
}

DeviceSlot::DeviceSlot(Options options) : m_options(std::move(options)) {}

DeviceSlot::~DeviceSlot() {
  if (m_artifactFd >= 0) ::close(m_artifactFd);
  if (m_haveFd >= 0) ::close(m_haveFd);
}

Result<void> DeviceSlot::open() {
  // mkdir -p: the parent (the agent's --state-dir) may not exist yet.
  for (size_t slash = m_options.dir.find('/', 1); slash != std::string::npos;
       slash = m_options.dir.find('/', slash + 1)) {
    EW_TRY(makeDir(m_options.dir.substr(0, slash)));
  }
  EW_TRY(makeDir(m_options.dir));
  EW_TRY(makeDir(path("models")));
  ::unlink(path("current.tmp").c_str());
  ::unlink(path("previous.tmp").c_str());

  if (auto last = readWholeFile(path("last.json"))) {
    const json j = json::parse(*last, nullptr, false);
    if (j.is_object()) {
      m_last.deployment = j.value("deployment", std::string());
      m_last.state = slotStateFromName(j.value("state", std::string())).value_or(SlotState::Idle);
      m_last.reason = j.value("reason", std::string());
      m_last.chunks = j.value("chunks", 0);
      m_status = m_last;
    }
  }

  // An install whose self-test had no verdict: the new model is not trusted.
  if (exists(path("pending.json"))) {
    SlotStatus out;
    EW_TRY(rollBackPending("the agent stopped before the self-test finished", &out));
    m_status = conclude(out);
  }

  // Reopen a staged transfer so it resumes where it stopped.
  if (auto text = readWholeFile(path("staging/manifest.json"))) {
    auto manifest = parseVerifiedManifest(*text, m_options.trustedKey);
    auto have = readWholeFile(path("staging/have"));
    if (manifest && have && static_cast<int>(have->size()) == manifest->chunks) {
      m_staged = *manifest;
      m_have.assign(have->begin(), have->end());
      m_haveCount = 0;
      for (char& c : m_have) {
        c = c == '1' ? 1 : 0;
        m_haveCount += c;
      }
      m_artifactFd = ::open(path("staging/artifact.part").c_str(), O_WRONLY);
      m_haveFd = ::open(path("staging/have").c_str(), O_WRONLY);
      if (m_artifactFd < 0 || m_haveFd < 0) wipeStaging();
    } else {
      wipeStaging();
    }
  }
  collectGarbage();
  return {};
}

std::optional<InstalledModel> DeviceSlot::modelAt(const std::string& link) const {
  const std::string target = readLink(path(link));
  if (target.empty()) return std::nullopt;
  auto text = readWholeFile(path(target + "/installed.json"));
  if (!text) return std::nullopt;
  const json j = json::parse(*text, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  InstalledModel m;
  m.modelId = j.value("model_id", std::string());
  m.modelName = j.value("model_name", std::string());
  m.variant = j.value("variant", std::string());
  m.version = j.value("version", std::string());
  m.kind = j.value("kind", std::string());
  m.sha256 = j.value("sha256", std::string());
  m.deployment = j.value("deployment", std::string());
  m.sinceUs = j.value("since_us", int64_t{0});
  m.path = path(link + "/model.bin");
  return m;
}

std::optional<InstalledModel> DeviceSlot::current() const {
  return modelAt("current");
}

std::optional<InstalledModel> DeviceSlot::previous() const {
  return modelAt("previous");
}

SlotStatus DeviceSlot::refuse(const std::string& deployment, const std::string& reason) {
  SlotStatus s;
  s.deployment = deployment;
  s.state = SlotState::Refused;
  s.reason = reason;
  return conclude(s);
}

SlotStatus DeviceSlot::conclude(SlotStatus s) {
  s.have.clear();
  m_status = s;
  if (isTerminal(s.state) && !s.deployment.empty()) {
    m_last = s;
    const json j = {{"deployment", s.deployment},
                    {"state", slotStateName(s.state)},
                    {"reason", s.reason},
                    {"chunks", s.chunks}};
    // Best effort: losing it only means a repeated manifest is answered by a fresh attempt.
    (void)writeFileAtomic(path("last.json"), j.dump());
  }
  return s;
}

SlotStatus DeviceSlot::receivingStatus() const {
  SlotStatus s;
  s.deployment = m_staged->deployment;
  s.state = SlotState::Receiving;
  s.chunks = m_staged->chunks;
  s.haveCount = m_haveCount;
  s.have = rangesOf(m_have);
  return s;
}

void DeviceSlot::wipeStaging() {
  if (m_artifactFd >= 0) ::close(m_artifactFd);
  if (m_haveFd >= 0) ::close(m_haveFd);
  m_artifactFd = m_haveFd = -1;
  removeTree(path("staging"));
  m_staged.reset();
  m_have.clear();
  m_haveCount = 0;
}

Result<void> DeviceSlot::startStaging(const Manifest& m, const std::string& text) {
  wipeStaging();
  EW_TRY(makeDir(path("staging")));
  EW_TRY(writeFileAtomic(path("staging/manifest.json"), text));
  m_artifactFd = ::open(path("staging/artifact.part").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (m_artifactFd < 0 || ::ftruncate(m_artifactFd, m.size) != 0) {
    const Error e(sysError("cannot create a staging file of " + std::to_string(m.size) + " bytes"),
                  "staging");
    wipeStaging();
    return e;
  }
  m_haveFd = ::open(path("staging/have").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const std::string zeros(static_cast<size_t>(m.chunks), '0');
  if (m_haveFd < 0 ||
      ::write(m_haveFd, zeros.data(), zeros.size()) != static_cast<ssize_t>(zeros.size())) {
    const Error e(sysError("cannot write the chunk map"), "staging");
    wipeStaging();
    return e;
  }
  m_staged = m;
  m_have.assign(static_cast<size_t>(m.chunks), 0);
  m_haveCount = 0;
  return {};
}

SlotStatus DeviceSlot::onManifest(const std::string& text) {
  auto manifest = parseVerifiedManifest(text, m_options.trustedKey);
  if (!manifest) {
    // Name the deployment when the unverified text has one, so the sender can match it.
    auto unverified = parseManifest(text);
    return refuse(unverified ? unverified->deployment : std::string(), manifest.error().toString());
  }
  const Manifest& m = *manifest;
  if (compareVersions(m_options.agentVersion, m.minAgentVersion) < 0) {
    return refuse(m.deployment, "needs agent version " + m.minAgentVersion + " or newer (this is " +
                                    m_options.agentVersion + ")");
  }
  if (m_last.deployment == m.deployment && isTerminal(m_last.state)) {
    m_status = m_last;
    return m_last;
  }
  if (m_staged && m_staged->deployment == m.deployment) {
    m_status = receivingStatus();
    return m_status;
  }
  if (auto running = current(); running && running->sha256 == m.sha256) {
    SlotStatus s;
    s.deployment = m.deployment;
    s.state = SlotState::Succeeded;
    s.chunks = m.chunks;
    s.reason = "already installed (deployment " + running->deployment + ")";
    return conclude(s);
  }
  if (auto started = startStaging(m, text); !started) {
    SlotStatus s;
    s.deployment = m.deployment;
    s.state = SlotState::Failed;
    s.reason = started.error().toString();
    return conclude(s);
  }
  m_status = receivingStatus();
  return m_status;
}

SlotStatus DeviceSlot::onChunk(const std::string& deployment, int index, const std::string& bytes,
                               bool* stored) {
  *stored = false;
  if (!m_staged || m_staged->deployment != deployment) {
    // A late duplicate of a finished transfer, or a chunk before its manifest: ignored; the
    // sender learns the state from the next manifest.
    return m_status;
  }
  if (index < 0 || index >= m_staged->chunks) {
    const std::string id = m_staged->deployment;
    const int chunks = m_staged->chunks;
    wipeStaging();
    return refuse(
        id, "chunk index " + std::to_string(index) + " outside 0.." + std::to_string(chunks - 1));
  }
  const int64_t expected = m_staged->chunkBytes(index);
  if (static_cast<int64_t>(bytes.size()) != expected) {
    const std::string id = m_staged->deployment;
    const int chunks = m_staged->chunks;
    wipeStaging();
    SlotStatus s =
        refuse(id, "chunk " + std::to_string(index) + " has " + std::to_string(bytes.size()) +
                       " bytes, the signed manifest says " + std::to_string(expected) +
                       ": corrupted in transfer");
    s.chunks = chunks;
    return s;
  }
  if (!m_have[static_cast<size_t>(index)]) {
    const off_t offset = static_cast<off_t>(index) * m_staged->chunkSize;
    if (::pwrite(m_artifactFd, bytes.data(), bytes.size(), offset) !=
            static_cast<ssize_t>(bytes.size()) ||
        ::pwrite(m_haveFd, "1", 1, index) != 1) {
      const std::string id = m_staged->deployment;
      const std::string why = sysError("cannot store chunk " + std::to_string(index));
      wipeStaging();
      SlotStatus s;
      s.deployment = id;
      s.state = SlotState::Failed;
      s.reason = why;
      return conclude(s);
    }
    m_have[static_cast<size_t>(index)] = 1;
    ++m_haveCount;
  }
  *stored = true;
  m_status = receivingStatus();
  m_status.have.clear();  // acks carry the count; the ranges only go out with a state
  return m_status;
}

bool DeviceSlot::complete() const {
  return m_staged && m_haveCount == m_staged->chunks;
}

Result<void> DeviceSlot::rollBackPending(const std::string& why, SlotStatus* out) {
  auto text = readWholeFile(path("pending.json"));
  if (!text) return text.error();
  const json j = json::parse(*text, nullptr, false);
  if (!j.is_object()) {
    // Written atomically, so this is damage from outside; keep what runs and drop it.
    ::unlink(path("pending.json").c_str());
    return {};
  }
  const std::string deployment = j.value("deployment", std::string());
  const std::string oldCurrent = j.value("old_current", std::string());
  const std::string oldPrevious = j.value("old_previous", std::string());
  EW_TRY(setLink(path("current"), oldCurrent));
  EW_TRY(setLink(path("previous"), oldPrevious));
  EW_TRY(fsyncPath(m_options.dir));
  removeTree(path("models/" + deployment));
  ::unlink(path("pending.json").c_str());
  out->deployment = deployment;
  out->state = SlotState::RolledBack;
  out->chunks = j.value("chunks", 0);
  const auto restored = current();
  out->reason =
      why + "; rolled back to " +
      (restored ? "model " + restored->modelId + " (deployment " + restored->deployment + ")"
                : std::string("no model (there was none before)"));
  return {};
}

SlotStatus DeviceSlot::finish(const std::function<void(const SlotStatus&)>& progress) {
  if (!complete()) return m_status;
  const Manifest m = *m_staged;
  SlotStatus s;
  s.deployment = m.deployment;
  s.chunks = m.chunks;
  s.haveCount = m.chunks;
  const auto step = [&](SlotState state) {
    s.state = state;
    m_status = s;
    if (progress) progress(s);
  };
  const auto fail = [&](SlotState state, const std::string& reason) {
    wipeStaging();
    s.state = state;
    s.reason = reason;
    return conclude(s);
  };

  step(SlotState::Verifying);
  if (::fdatasync(m_artifactFd) != 0) return fail(SlotState::Failed, sysError("fsync failed"));
  auto hash = sha256FileHex(path("staging/artifact.part"));
  if (!hash) return fail(SlotState::Failed, hash.error().toString());
  if (*hash != m.sha256) {
    return fail(SlotState::Refused, "artifact SHA-256 " + hash->substr(0, 16) +
                                        "... does not match the signed " + m.sha256.substr(0, 16) +
                                        "...: corrupted, refused");
  }

  step(SlotState::Installing);
  const std::string rel = "models/" + m.deployment;
  const std::string dir = path(rel);
  removeTree(dir);
  const json installed = {{"model_id", m.modelId},
                          {"model_name", m.modelName},
                          {"variant", m.variant},
                          {"version", m.version},
                          {"kind", m.kind},
                          {"sha256", m.sha256},
                          {"deployment", m.deployment},
                          {"since_us", util::wallClockUs()}};
  const std::string oldCurrent = readLink(path("current"));
  const std::string oldPrevious = readLink(path("previous"));
  const json pending = {{"deployment", m.deployment},
                        {"old_current", oldCurrent},
                        {"old_previous", oldPrevious},
                        {"chunks", m.chunks}};
  Result<void> r = makeDir(dir);
  if (r && ::rename(path("staging/artifact.part").c_str(), (dir + "/model.bin").c_str()) != 0) {
    r = Error(sysError("cannot move the artifact into " + dir), "installing");
  }
  if (r)
    r = writeFileAtomic(dir + "/manifest.json",
                        readWholeFile(path("staging/manifest.json")).valueOr(""));
  if (r) r = writeFileAtomic(dir + "/installed.json", installed.dump());
  if (r) r = fsyncPath(dir);
  if (r) r = fsyncPath(path("models"));
  // From here a crash is rolled back by open(): pending.json names the old links.
  if (r) r = writeFileAtomic(path("pending.json"), pending.dump());
  if (r && !oldCurrent.empty()) r = setLink(path("previous"), oldCurrent);
  if (r) r = setLink(path("current"), rel);
  if (r) r = fsyncPath(m_options.dir);
  if (!r) {
    SlotStatus undo;
    if (exists(path("pending.json"))) (void)rollBackPending(r.error().toString(), &undo);
    removeTree(dir);
    return fail(SlotState::Failed, r.error().toString());
  }
  wipeStaging();

  step(SlotState::SelfTest);
  Result<void> test = m_options.selfTest
                          ? m_options.selfTest(dir + "/model.bin", m)
                          : Result<void>(Error("this agent has no model runtime", "self-test"));
  if (!test) {
    SlotStatus out = s;
    if (auto rolled = rollBackPending("self-test failed: " + test.error().toString(), &out);
        !rolled) {
      out.state = SlotState::Failed;
      out.reason = "self-test failed and the rollback too: " + rolled.error().toString();
    }
    out.chunks = m.chunks;
    return conclude(out);
  }
  ::unlink(path("pending.json").c_str());
  (void)fsyncPath(m_options.dir);
  collectGarbage();
  s.state = SlotState::Succeeded;
  return conclude(s);
}

void DeviceSlot::collectGarbage() {
  const std::string keepA = readLink(path("current"));
  const std::string keepB = readLink(path("previous"));
  DIR* d = ::opendir(path("models").c_str());
  if (!d) return;
  std::vector<std::string> drop;
  while (dirent* e = ::readdir(d)) {
    const std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    const std::string rel = "models/" + name;
    if (rel != keepA && rel != keepB) drop.push_back(rel);
  }
  ::closedir(d);
  for (const auto& rel : drop) removeTree(path(rel));
}

}  // namespace edgewise::deploy
