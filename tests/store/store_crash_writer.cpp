// Crash-test helper: opens a project, records into a new recording forever and reports every
// commit on stdout ("committed <total_samples>"), until the test kills it with SIGKILL.
// Usage: store_crash_writer <project-file>

#include <chrono>
#include <cstdio>
#include <thread>

#include "core/store/project.h"
#include "core/store/recording_repository.h"

using namespace edgewise;

namespace {
constexpr int kChannels = 6;
constexpr int kSamplesPerChunk = 10;
constexpr int kChunksPerTransaction = 5;

int fail(const Error& e) {
  std::fprintf(stderr, "store_crash_writer: %s\n", e.toString().c_str());
  return 1;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: store_crash_writer <project-file>\n");
    return 2;
  }
  auto project = store::Project::open(argv[1]);
  if (!project.ok()) return fail(project.error());
  store::RecordingRepository& recs = (*project)->recordings();
  auto rec = recs.create("crash trial", 1'700'000'000'000'000);
  if (!rec.ok()) return fail(rec.error());
  std::printf("recording %lld\n", static_cast<long long>(rec.value()));
  std::fflush(stdout);
  store::StreamSpec spec;
  spec.deviceId = "imu-0001";
  spec.topic = "edgewise/imu-0001/imu";
  spec.decoderId = "json";
  spec.channelNames = {"ax", "ay", "az", "gx", "gy", "gz"};
  spec.sampleRateHz = 100;
  auto stream = recs.addStream(rec.value(), spec);
  if (!stream.ok()) return fail(stream.error());
  std::printf("stream %lld\n", static_cast<long long>(stream.value()));
  std::fflush(stdout);

  // Sample k has timestamp k * 10 ms and channel c holds k + c / 8: the test recomputes these
  // to check that what survived the crash is intact, not just present.
  int64_t total = 0;
  for (;;) {
    Result<void> r = (*project)->transaction([&]() -> Result<void> {
      for (int c = 0; c < kChunksPerTransaction; ++c) {
        store::ChunkData chunk;
        chunk.streamId = stream.value();
        chunk.channelCount = kChannels;
        chunk.messageCount = 1;
        const int64_t first = total + c * kSamplesPerChunk;
        chunk.sequences.push_back(first / kSamplesPerChunk);
        for (int i = 0; i < kSamplesPerChunk; ++i) {
          const int64_t k = first + i;
          chunk.timestampsUs.push_back(k * 10'000);
          for (int ch = 0; ch < kChannels; ++ch) {
            chunk.values.push_back(static_cast<float>(k) + static_cast<float>(ch) / 8.0f);
          }
        }
        EW_TRY(recs.appendChunk(chunk));
      }
      return okResult();
    });
    if (!r.ok()) return fail(r.error());
    total += kChunksPerTransaction * kSamplesPerChunk;
    std::printf("committed %lld\n", static_cast<long long>(total));
    std::fflush(stdout);
    // A short pause keeps the file small over many trials; the kill still lands inside a
    // transaction or a checkpoint often enough.
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
}
