#pragma once
// Shared fixtures of the ensemble tests: digits.png (pixels / 255) split 70/15/15 with seed 42
// (the split `bench train` uses), and a writer of the .npy files bench/ref_*.py read.

#include <cstdint>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

namespace edgewise::training::test {

struct SplitData {
  cv::Mat trainX, valX, testX;
  std::vector<int> trainY, valY, testY;
  int numClasses = 0;
};

// Loaded once per process; empty (and a test failure) when digits.png cannot be read.
const SplitData& digits7015();

// The simulated IMU activity dataset as `bench train` builds it by default: 200 windows per
// class (5 classes), 2 s at 50 Hz, seed 42, the raw window as features (600 floats; the order
// of the features does not matter to the OpenCV families), split 70/15/15 with seed 42.
const SplitData& imu7015();

// Every `step`-th row of a split, for tests that need less data.
SplitData subsample(const SplitData& data, int step);

// Writes a float32 2-D or int64 1-D .npy file (format 1.0); false on an I/O error.
bool writeNpyFloat(const std::string& path, const cv::Mat& X);
bool writeNpyLabels(const std::string& path, const std::vector<int>& y);

double accuracy(const std::vector<int>& predicted, const std::vector<int>& truth);

}  // namespace edgewise::training::test
