#pragma once
#include <gtest/gtest.h>

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <cstdint>
#include <string>
#include <vector>

#include "core/dataset/data/dataset_types.h"

namespace edgewise::dataset::test {

#define EW_ASSERT_OK(r) ASSERT_TRUE((r).ok()) << (r).error().toString()

class DatasetTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }
  std::string path(const std::string& name) const {
    return m_dir.filePath(QString::fromStdString(name)).toStdString();
  }
  // Writes bytes to a file under the temporary folder (creating folders), returns its path.
  std::string write(const std::string& name, const std::string& bytes) const;
  std::string write(const std::string& name, const std::vector<uint8_t>& bytes) const;
  QTemporaryDir m_dir;
};

std::vector<uint8_t> gzipBytes(const std::vector<uint8_t>& plain);
// IDX files: n images rows x cols with pixel (i, k) = (i * 7 + k) % 256, labels i % classes.
std::vector<uint8_t> idxImages(uint32_t n, uint32_t rows, uint32_t cols);
std::vector<uint8_t> idxLabels(uint32_t n, int classes);
// A RIFF/WAVE file of 16-bit PCM; extraChunk inserts an unknown chunk before "data".
std::vector<uint8_t> wavBytes(int rateHz, int channels, const std::vector<int16_t>& interleaved,
                              bool extraChunk = false, uint16_t format = 1, uint16_t bits = 16);
std::vector<float> floatsOf(const std::vector<uint8_t>& blob);
// "source: reason" of every rejection, for readable assertions.
std::string rejectionText(const std::vector<Rejection>& rejected);

struct CliRun {
  int exitCode = -1;
  QByteArray out;
  QByteArray err;
};
CliRun runCli(const QStringList& args);

}  // namespace edgewise::dataset::test
