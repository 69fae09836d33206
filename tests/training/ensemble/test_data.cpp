#include "tests/training/ensemble/test_data.h"

#include <gtest/gtest.h>

#include <QString>
#include <fstream>

#include "core/dataset/data/dataset_repository.h"
#include "core/dataset/data/dataset_version.h"
#include "core/dataset/data/importers.h"
#include "core/dataset/data/simulated_dataset.h"

namespace edgewise::training::test {

const SplitData& digits7015() {
  static const SplitData d = [] {
    SplitData out;
    const std::string file =
        qEnvironmentVariable("EDGEWISE_TEST_DATA").toStdString() + "/digits.png";
    auto parsed = dataset::readDigitsPng(file);
    if (!parsed.ok()) {
      ADD_FAILURE() << parsed.error().toString();
      return out;
    }
    std::vector<int> labels;
    for (const auto& s : parsed->samples) labels.push_back(s.label);
    dataset::SplitParams params;  // 70/15/15, seed 42
    const std::vector<uint8_t> split = dataset::stratifiedSplit(labels, params);
    for (size_t i = 0; i < parsed->samples.size(); ++i) {
      const auto& blob = parsed->samples[i].blob;
      cv::Mat row(1, static_cast<int>(blob.size()), CV_8U, const_cast<uint8_t*>(blob.data()));
      cv::Mat f;
      row.convertTo(f, CV_32F, 1.0 / 255.0);
      switch (static_cast<dataset::Split>(split[i])) {
        case dataset::Split::Train:
          out.trainX.push_back(f);
          out.trainY.push_back(labels[i]);
          break;
        case dataset::Split::Val:
          out.valX.push_back(f);
          out.valY.push_back(labels[i]);
          break;
        case dataset::Split::Test:
          out.testX.push_back(f);
          out.testY.push_back(labels[i]);
          break;
      }
    }
    out.numClasses = 10;
    return out;
  }();
  return d;
}

const SplitData& imu7015() {
  static const SplitData d = [] {
    SplitData out;
    auto parsed = dataset::simulateImuActivityDataset(200, 2.0, 50.0, 42);
    if (!parsed.ok()) {
      ADD_FAILURE() << parsed.error().toString();
      return out;
    }
    std::vector<int> labels;
    for (const auto& s : parsed->samples) labels.push_back(s.label);
    const std::vector<uint8_t> split = dataset::stratifiedSplit(labels, dataset::SplitParams{});
    for (size_t i = 0; i < parsed->samples.size(); ++i) {
      const auto& blob = parsed->samples[i].blob;
      cv::Mat row(1, static_cast<int>(blob.size() / sizeof(float)), CV_32F,
                  const_cast<uint8_t*>(blob.data()));
      cv::Mat f = row.clone();
      switch (static_cast<dataset::Split>(split[i])) {
        case dataset::Split::Train:
          out.trainX.push_back(f);
          out.trainY.push_back(labels[i]);
          break;
        case dataset::Split::Val:
          out.valX.push_back(f);
          out.valY.push_back(labels[i]);
          break;
        case dataset::Split::Test:
          out.testX.push_back(f);
          out.testY.push_back(labels[i]);
          break;
      }
    }
    out.numClasses = 5;
    return out;
  }();
  return d;
}

namespace {
void takeEvery(const cv::Mat& X, const std::vector<int>& y, int step, cv::Mat& outX,
               std::vector<int>& outY) {
  for (int i = 0; i < X.rows; i += step) {
    outX.push_back(X.row(i));
    outY.push_back(y[static_cast<size_t>(i)]);
  }
}

bool writeNpy(const std::string& path, const std::string& descr, const std::string& shape,
              const void* data, size_t bytes) {
  std::string header =
      "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
  // Magic (6) + version (2) + header length (2) + header, padded to 64 bytes, ending in \n.
  const size_t total = 10 + header.size() + 1;
  header.append((64 - total % 64) % 64, ' ');
  header.push_back('\n');
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write("\x93NUMPY\x01\x00", 8);
  const uint16_t len = static_cast<uint16_t>(header.size());
  const char lenBytes[2] = {static_cast<char>(len & 0xff), static_cast<char>(len >> 8)};
  out.write(lenBytes, 2);
  out.write(header.data(), static_cast<std::streamsize>(header.size()));
  out.write(static_cast<const char*>(data), static_cast<std::streamsize>(bytes));
  return static_cast<bool>(out);
}
}  // namespace

SplitData subsample(const SplitData& data, int step) {
  SplitData out;
  takeEvery(data.trainX, data.trainY, step, out.trainX, out.trainY);
  takeEvery(data.valX, data.valY, step, out.valX, out.valY);
  takeEvery(data.testX, data.testY, step, out.testX, out.testY);
  out.numClasses = data.numClasses;
  return out;
}

bool writeNpyFloat(const std::string& path, const cv::Mat& X) {
  const cv::Mat c = X.isContinuous() ? X : X.clone();
  return writeNpy(path, "<f4", "(" + std::to_string(c.rows) + ", " + std::to_string(c.cols) + ")",
                  c.ptr(), c.total() * sizeof(float));
}

bool writeNpyLabels(const std::string& path, const std::vector<int>& y) {
  std::vector<int64_t> v(y.begin(), y.end());
  return writeNpy(path, "<i8", "(" + std::to_string(v.size()) + ",)", v.data(),
                  v.size() * sizeof(int64_t));
}

double accuracy(const std::vector<int>& predicted, const std::vector<int>& truth) {
  if (truth.empty() || predicted.size() != truth.size()) return 0.0;
  size_t correct = 0;
  for (size_t i = 0; i < truth.size(); ++i) correct += predicted[i] == truth[i];
  return static_cast<double>(correct) / truth.size();
}

}  // namespace edgewise::training::test
