#pragma once
#include <gtest/gtest.h>

#include <QTemporaryDir>
#include <string>

#include "core/store/project.h"
#include "core/store/quarantine_repository.h"
#include "core/store/recording_repository.h"

namespace edgewise::store::test {

// Fails the current test with the error's message when r is not ok.
#define EW_ASSERT_OK(r) ASSERT_TRUE((r).ok()) << (r).error().toString()
#define EW_EXPECT_OK(r) EXPECT_TRUE((r).ok()) << (r).error().toString()

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }
  std::string path(const char* name) const {
    return m_dir.filePath(QString::fromUtf8(name)).toStdString();
  }
  QTemporaryDir m_dir;
};

// A chunk of `samples` samples x `channels` channels with deterministic values.
inline ChunkData makeChunk(int64_t streamId, int channels, int samples, int64_t t0, int64_t stepUs,
                           float base) {
  ChunkData c;
  c.streamId = streamId;
  c.channelCount = channels;
  for (int i = 0; i < samples; ++i) {
    c.timestampsUs.push_back(t0 + i * stepUs);
    for (int ch = 0; ch < channels; ++ch) c.values.push_back(base + i * 0.5f + ch * 0.25f);
  }
  c.messageCount = 1;
  return c;
}

}  // namespace edgewise::store::test
