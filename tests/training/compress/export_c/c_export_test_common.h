#pragma once
// Helpers shared by the C99 export tests: export + compile + run the generated code, and an
// independent C++ evaluation of a NetDescription.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <set>
#include <sstream>

#include <unistd.h>

#include "core/training/export_c/c_export.h"

#ifndef EW_TEST_C_COMPILER
#define EW_TEST_C_COMPILER "cc"
#endif

namespace edgewise::training::test {

namespace fs = std::filesystem;
using Kind = LayerDescription::Kind;

// ---- helpers ------------------------------------------------------------------------------

inline fs::path makeTempDir(const std::string& name) {
  const fs::path base =
      fs::temp_directory_path() / ("ew-cexport-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(base);
  fs::create_directories(base);
  return base;
}

// The driver: reads `count` inputs (raw window for mode "raw", feature row for "row") of
// float/uint8 from a binary file, writes count x EW_MODEL_CLASSES float logits and the class.
inline const char* kDriver = R"(#include <stdio.h>
#include <stdlib.h>
#include "edgewise_features.h"
#include "edgewise_model.h"
int main(int argc, char **argv) {
  static ew_raw_t raw[EW_FEATURE_RAW_INPUTS];
  static float row[EW_MODEL_INPUTS];
  float logits[EW_MODEL_CLASSES];
  FILE *in, *out;
  long i, count;
  int rawMode;
  if (argc != 5) return 2;
  rawMode = argv[1][0] == 'r' && argv[1][1] == 'a';
  in = fopen(argv[2], "rb");
  out = fopen(argv[3], "wb");
  count = atol(argv[4]);
  if (!in || !out) return 3;
  for (i = 0; i < count; ++i) {
    int cls;
    float c;
    if (rawMode) {
      if (fread(raw, sizeof raw, 1, in) != 1) return 4;
      cls = ew_classify(raw, logits);
    } else {
      if (fread(row, sizeof row, 1, in) != 1) return 4;
      cls = ew_model_predict(row, logits);
    }
    c = (float)cls;
    fwrite(logits, sizeof logits, 1, out);
    fwrite(&c, sizeof c, 1, out);
  }
  fclose(in);
  fclose(out);
  return 0;
}
)";

inline int run(const std::string& cmd, std::string* output) {
  FILE* p = ::popen((cmd + " 2>&1").c_str(), "r");
  if (!p) return -1;
  char buf[4096];
  size_t n;
  output->clear();
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) output->append(buf, n);
  return WEXITSTATUS(::pclose(p));
}

struct CRun {
  std::vector<std::vector<float>> logits;
  std::vector<int> classes;
};

// Exports, compiles with strict warnings, runs the driver on `inputs` (rows of T).
template <typename T>
CRun exportCompileRun(const NetDescription& net, const CFeatureSpec& spec, const fs::path& dir,
                      const std::vector<std::vector<T>>& inputs, bool rawMode,
                      CExportResult* exported = nullptr) {
  CRun out;
  auto r = exportC99(net, spec, dir.string());
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().toString());
  if (!r.ok()) return out;
  if (exported) *exported = *r;
  {
    std::ofstream d(dir / "main.c");
    d << kDriver;
  }
  std::string log;
  const std::string exe = (dir / "prog").string();
  const std::string cmd = std::string(EW_TEST_C_COMPILER) +
                          " -std=c99 -Wall -Wextra -Werror -pedantic -O2 -o " + exe + " " +
                          (dir / "main.c").string() + " " + (dir / "edgewise_model.c").string() +
                          " " + (dir / "edgewise_features.c").string() + " -lm";
  const int rc = run(cmd, &log);
  EXPECT_EQ(rc, 0) << cmd << "\n" << log;
  if (rc != 0) return out;
  {
    std::ofstream in(dir / "in.bin", std::ios::binary);
    for (const auto& row : inputs)
      in.write(reinterpret_cast<const char*>(row.data()),
               static_cast<std::streamsize>(row.size() * sizeof(T)));
  }
  const std::string runCmd = exe + (rawMode ? " raw " : " row ") + (dir / "in.bin").string() + " " +
                             (dir / "out.bin").string() + " " + std::to_string(inputs.size());
  const int rc2 = run(runCmd, &log);
  EXPECT_EQ(rc2, 0) << runCmd << "\n" << log;
  if (rc2 != 0) return out;
  std::ifstream res(dir / "out.bin", std::ios::binary);
  for (size_t i = 0; i < inputs.size(); ++i) {
    std::vector<float> l(static_cast<size_t>(net.numClasses));
    float c = -9;
    res.read(reinterpret_cast<char*>(l.data()), static_cast<std::streamsize>(l.size() * 4));
    res.read(reinterpret_cast<char*>(&c), 4);
    out.logits.push_back(l);
    out.classes.push_back(static_cast<int>(c));
  }
  EXPECT_TRUE(res.good());
  return out;
}

// ---- independent C++ evaluation of a NetDescription --------------------------------------
// Written from the semantics in net_description.h and LibTorch's QNNPACK arithmetic (not by
// calling the exporter): float layers in float with the same summation order; int8 layers on
// uint8 activations with int32 accumulation.

inline uint8_t quantizeValue(float x, const QuantParams& q) {
  float v =
      std::nearbyint(x * (1.0f / static_cast<float>(q.scale))) + static_cast<float>(q.zeroPoint);
  return static_cast<uint8_t>(std::clamp(v, 0.0f, 255.0f));
}

inline std::vector<float> referenceLogits(const NetDescription& net,
                                          const std::vector<float>& row) {
  std::vector<float> f = row;
  std::vector<uint8_t> q;
  bool isQ = false;
  QuantParams qp;
  auto toFloat = [&] {
    if (!isQ) return;
    f.resize(q.size());
    for (size_t i = 0; i < q.size(); ++i)
      f[i] = static_cast<float>(static_cast<int32_t>(q[i]) - qp.zeroPoint) *
             static_cast<float>(qp.scale);
    isQ = false;
  };
  for (const LayerDescription& l : net.layers) {
    switch (l.kind) {
      case Kind::Standardize:
        toFloat();
        for (size_t i = 0; i < f.size(); ++i) {
          const size_t j = l.mean.size() > 1 ? i : 0;
          f[i] = (f[i] - l.mean[j]) / l.stdev[j];
        }
        break;
      case Kind::Dense:
      case Kind::Conv1d: {
        const int64_t K = l.kind == Kind::Conv1d ? l.kernel : 1;
        const int64_t L = l.kind == Kind::Conv1d ? l.length : 1;
        const int64_t pad = l.kind == Kind::Conv1d ? l.padding : 0;
        if (l.quantized()) {
          // A uint8 activation is taken with its own parameters (LibTorch's quantized ops);
          // a float one is quantized with the layer's input parameters.
          if (!isQ) {
            toFloat();
            q.resize(f.size());
            for (size_t i = 0; i < f.size(); ++i) q[i] = quantizeValue(f[i], l.inputQuant);
            isQ = true;
            qp = l.inputQuant;
          }
          std::vector<uint8_t> y(static_cast<size_t>(l.outputs * L));
          for (int64_t o = 0; o < l.outputs; ++o) {
            const float accScale =
                static_cast<float>(l.weightScales[o]) * static_cast<float>(qp.scale);
            const auto bq = static_cast<int32_t>(std::nearbyint(l.bias[o] * (1.0f / accScale)));
            const float m = accScale * (1.0f / static_cast<float>(l.outputQuant.scale));
            for (int64_t t = 0; t < L; ++t) {
              int32_t acc = bq;
              for (int64_t c = 0; c < l.inputs; ++c)
                for (int64_t j = 0; j < K; ++j) {
                  const int64_t s = t + j - pad;
                  if (s < 0 || s >= L) continue;
                  acc += (static_cast<int32_t>(q[c * L + s]) - qp.zeroPoint) *
                         l.qweights[(o * l.inputs + c) * K + j];
                }
              float v = std::nearbyint(static_cast<float>(acc) * m) +
                        static_cast<float>(l.outputQuant.zeroPoint);
              const float lo = l.relu ? static_cast<float>(l.outputQuant.zeroPoint) : 0.0f;
              y[o * L + t] = static_cast<uint8_t>(std::clamp(v, lo, 255.0f));
            }
          }
          q = y;
          qp = l.outputQuant;  // after the loop: the loop reads the input's parameters
        } else {
          toFloat();
          std::vector<float> y(static_cast<size_t>(l.outputs * L));
          for (int64_t o = 0; o < l.outputs; ++o)
            for (int64_t t = 0; t < L; ++t) {
              float acc = 0.0f;
              for (int64_t c = 0; c < l.inputs; ++c)
                for (int64_t j = 0; j < K; ++j) {
                  const int64_t s = t + j - pad;
                  if (s < 0 || s >= L) continue;
                  acc += l.weights[(o * l.inputs + c) * K + j] * f[c * L + s];
                }
              acc += l.bias[o];
              y[o * L + t] = l.relu && acc < 0.0f ? 0.0f : acc;
            }
          f = y;
        }
        break;
      }
      case Kind::MaxPool1d: {
        const int64_t out = l.length / 2;
        if (isQ) {
          std::vector<uint8_t> y(static_cast<size_t>(l.inputs * out));
          for (int64_t c = 0; c < l.inputs; ++c)
            for (int64_t t = 0; t < out; ++t)
              y[c * out + t] = std::max(q[c * l.length + 2 * t], q[c * l.length + 2 * t + 1]);
          q = y;
        } else {
          std::vector<float> y(static_cast<size_t>(l.inputs * out));
          for (int64_t c = 0; c < l.inputs; ++c)
            for (int64_t t = 0; t < out; ++t)
              y[c * out + t] = std::max(f[c * l.length + 2 * t], f[c * l.length + 2 * t + 1]);
          f = y;
        }
        break;
      }
      case Kind::GlobalAvgPool1d: {
        toFloat();
        std::vector<float> y(static_cast<size_t>(l.inputs));
        for (int64_t c = 0; c < l.inputs; ++c) {
          float acc = 0.0f;
          for (int64_t t = 0; t < l.length; ++t) acc += f[c * l.length + t];
          y[c] = acc / static_cast<float>(l.length);
        }
        f = y;
        break;
      }
    }
  }
  toFloat();
  return f;
}

inline int argmax(const std::vector<float>& v) {
  return static_cast<int>(std::max_element(v.begin(), v.end()) - v.begin());
}

// Sample-major raw window -> channel-major row (the desktop's default time-series features).
inline std::vector<float> transpose(const std::vector<float>& raw, int channels, int length) {
  std::vector<float> row(raw.size());
  for (int t = 0; t < length; ++t)
    for (int c = 0; c < channels; ++c) row[c * length + t] = raw[t * channels + c];
  return row;
}

inline CFeatureSpec seriesSpec(int channels, int length, const std::string& block = "") {
  CFeatureSpec s;
  s.kind = "timeseries";
  s.block = block;
  s.channels = channels;
  s.length = length;
  s.rateHz = 50;
  return s;
}

}  // namespace edgewise::training::test
