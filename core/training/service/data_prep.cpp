#include "core/training/service/data_prep.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <numeric>

#include <nlohmann/json.hpp>
#include <opencv2/core/utility.hpp>

#include "core/dataset/data/dataset_version.h"
#include "core/labeling/agreement.h"
#include "core/store/project.h"
#include "core/training/classifier.h"

namespace edgewise::training {

using dataset::DatasetInfo;
using dataset::DatasetKind;

std::string featureSpecToJson(const FeatureSpec& spec) {
  nlohmann::json j;
  j["block"] = spec.blockId;
  j["params"] = nlohmann::json::object();
  for (const auto& [k, v] : spec.params) j["params"][k] = v;
  return j.dump();
}

Result<FeatureSpec> featureSpecFromJson(const std::string& json) {
  const nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  if (!j.is_object()) return Error("feature spec is not a JSON object: " + json);
  FeatureSpec spec;
  if (j.contains("block") && j["block"].is_string()) spec.blockId = j["block"].get<std::string>();
  if (j.contains("params") && j["params"].is_object()) {
    for (const auto& [k, v] : j["params"].items()) {
      if (!v.is_number()) return Error("feature parameter '" + k + "' is not a number");
      spec.params[k] = v.get<double>();
    }
  }
  return spec;
}

std::string labelSourcesSummary(const LabelSources& l) {
  if (!l.any()) return {};
  std::string out = std::to_string(l.annotators) + " labels from annotators, " +
                    std::to_string(l.adjudicated) + " adjudicated (" + std::to_string(l.changed) +
                    " differ from the stored labels)";
  if (l.unresolved || l.unknownClass) {
    out += "; left out: ";
    if (l.unresolved) out += std::to_string(l.unresolved) + " unresolved disagreements";
    if (l.unresolved && l.unknownClass) out += ", ";
    if (l.unknownClass)
      out += std::to_string(l.unknownClass) + " labeled with a class the dataset does not have";
  }
  return out;
}

std::vector<std::string> featureBlocksFor(DatasetKind kind) {
  switch (kind) {
    case DatasetKind::Tabular:
      return {""};
    case DatasetKind::Image:
      return {"", "image"};
    case DatasetKind::Audio:
      return {"", "mfcc", "logmel", "spectral", "stats", "raw"};
    case DatasetKind::Timeseries:
      return {"", "raw", "stats", "spectral", "mfcc", "logmel"};
  }
  return {""};
}

namespace {

// How one dataset's samples become rows: the block (or none) and the per-sample shape.
struct Plan {
  std::unique_ptr<features::FeatureBlock> block;
  FeatureSpec effective;
  std::vector<int> inputShape;
  enum class Layout { Flat, ChannelMajor2D, ImageHwcToChw, AsIs } layout = Layout::Flat;
  int samples = 0;   // input window samples (time steps or pixels)
  int channels = 0;  // input channels
  double rateHz = 0.0;
};

int64_t product(const std::vector<int>& v) {
  return std::accumulate(v.begin(), v.end(), int64_t{1}, std::multiplies<int64_t>());
}

Result<Plan> makePlan(const DatasetInfo& info, const FeatureSpec& requested) {
  const std::string ctx = "preparing features of dataset '" + info.name + "'";
  Plan plan;
  std::string blockId = requested.blockId;
  const std::vector<std::string> allowed = featureBlocksFor(info.kind);
  if (std::find(allowed.begin(), allowed.end(), blockId) == allowed.end()) {
    std::string list;
    for (const std::string& a : allowed)
      list += (list.empty() ? "" : ", ") + (a.empty() ? "(default)" : a);
    return Error(std::string("feature block '") + blockId + "' does not apply to a " +
                     dataset::kindName(info.kind) + " dataset; use one of: " + list,
                 ctx);
  }
  features::Params overrides = requested.params;
  switch (info.kind) {
    case DatasetKind::Tabular:
      if (!requested.params.empty())
        return Error("tabular datasets take no feature parameters", ctx);
      plan.samples = info.featureDims;
      plan.channels = 1;
      plan.inputShape = {info.featureDims};
      plan.layout = Plan::Layout::Flat;
      break;
    case DatasetKind::Image:
      plan.samples = info.imageHeight * info.imageWidth;
      plan.channels = info.imageChannels;
      if (blockId.empty()) {
        if (!requested.params.empty())
          return Error(
              "the default image features (pixels / 255) take no parameters; choose "
              "the 'image' block to resize or convert to gray",
              ctx);
        plan.inputShape = {info.imageChannels, info.imageHeight, info.imageWidth};
        plan.layout = Plan::Layout::ImageHwcToChw;
      } else {
        overrides["in_width"] = info.imageWidth;
        overrides["in_height"] = info.imageHeight;
        plan.layout = Plan::Layout::ImageHwcToChw;
      }
      break;
    case DatasetKind::Audio:
      if (blockId.empty()) blockId = "mfcc";
      plan.rateHz = info.audioRateHz;
      plan.samples = info.audioRateHz;  // a fixed 1 s
      plan.channels = 1;
      break;
    case DatasetKind::Timeseries:
      plan.rateHz = info.seriesRateHz;
      plan.samples = info.seriesLength;
      plan.channels = info.seriesChannels;
      if (blockId.empty() || blockId == "raw") {
        if (blockId.empty() && !requested.params.empty())
          return Error("the default time-series features (the raw window) take no parameters", ctx);
        plan.inputShape = {info.seriesChannels, info.seriesLength};
        plan.layout = Plan::Layout::ChannelMajor2D;
      }
      break;
  }
  if (plan.samples <= 0 || plan.channels <= 0)
    return Error("the dataset's shape is unknown (no dimensions stored)", ctx);

  if (!blockId.empty()) {
    auto block = features::BlockRegistry::instance().create(blockId, overrides);
    if (!block.ok()) return block.error().wrap(ctx);
    plan.block = std::move(block.value());
    auto dims = plan.block->outputDims(plan.samples, plan.channels, plan.rateHz);
    if (!dims.ok()) return dims.error().wrap(ctx);
    const std::vector<int>& d = dims.value();
    if (blockId == "image") {
      plan.inputShape = {d[2], d[0], d[1]};  // {C, H, W}
      plan.layout = Plan::Layout::ImageHwcToChw;
    } else if (blockId == "raw") {
      plan.inputShape = {plan.channels, plan.samples};
      plan.layout = Plan::Layout::ChannelMajor2D;
    } else if (d.size() == 3) {
      plan.inputShape = d;  // {channels, frames, coefficients}
      plan.layout = Plan::Layout::AsIs;
    } else {
      plan.inputShape = {static_cast<int>(product(d))};
      plan.layout = Plan::Layout::Flat;
    }
    plan.effective.blockId = blockId;
    plan.effective.params = plan.block->params();
  }
  if (product(plan.inputShape) <= 0) return Error("features would be empty", ctx);
  return plan;
}

// The sample as a float window (samples x channels, sample-major), the form blocks take.
Result<std::vector<float>> toWindow(const DatasetInfo& info, const dataset::StoredSample& s,
                                    const Plan& plan) {
  const size_t n = static_cast<size_t>(plan.samples) * plan.channels;
  std::vector<float> w(n, 0.0f);
  switch (info.kind) {
    case DatasetKind::Tabular:
    case DatasetKind::Timeseries:
      if (s.blob.size() != n * sizeof(float))
        return Error(s.source + ": " + std::to_string(s.blob.size()) + " bytes, expected " +
                     std::to_string(n * sizeof(float)));
      std::memcpy(w.data(), s.blob.data(), s.blob.size());
      break;
    case DatasetKind::Image:
      if (s.blob.size() != n)
        return Error(s.source + ": " + std::to_string(s.blob.size()) + " bytes, expected " +
                     std::to_string(n));
      for (size_t i = 0; i < n; ++i) w[i] = static_cast<float>(s.blob[i]);
      break;
    case DatasetKind::Audio: {
      // Pad with silence or crop to exactly one second.
      const size_t have = s.blob.size() / sizeof(int16_t);
      const size_t take = std::min(have, n);
      for (size_t i = 0; i < take; ++i) {
        int16_t v;
        std::memcpy(&v, s.blob.data() + i * sizeof(int16_t), sizeof v);
        w[i] = static_cast<float>(v) / 32768.0f;
      }
      break;
    }
  }
  return w;
}

// One row of features into out (inputShape product floats).
Result<void> featuresOf(const DatasetInfo& info, const dataset::StoredSample& s, const Plan& plan,
                        float* out, size_t outSize) {
  Result<std::vector<float>> w = toWindow(info, s, plan);
  if (!w.ok()) return w.error();
  std::vector<float> feat;
  int samples = plan.samples;
  int channels = plan.channels;
  if (plan.block && plan.block->id() != "raw") {
    auto f = plan.block->compute(w->data(), plan.samples, plan.channels, plan.rateHz);
    if (!f.ok()) return f.error().wrap(s.source);
    feat = std::move(f.value());
    if (plan.block->id() == "image") {
      samples = plan.inputShape[1] * plan.inputShape[2];
      channels = plan.inputShape[0];
    }
  } else {
    feat = std::move(w.value());
    if (info.kind == DatasetKind::Image) {
      for (float& v : feat) v /= 255.0f;
    } else if (info.kind == DatasetKind::Timeseries) {
      for (float v : feat)
        if (!std::isfinite(v)) return Error(s.source + ": the window holds NaN or Inf");
    }
  }
  if (feat.size() != outSize)
    return Error(s.source + ": " + std::to_string(feat.size()) +
                 " feature values where the other samples have " + std::to_string(outSize) +
                 "; every sample must give features of the same size");
  switch (plan.layout) {
    case Plan::Layout::Flat:
    case Plan::Layout::AsIs:
      std::memcpy(out, feat.data(), outSize * sizeof(float));
      break;
    case Plan::Layout::ChannelMajor2D:
    case Plan::Layout::ImageHwcToChw:
      for (int t = 0; t < samples; ++t)
        for (int c = 0; c < channels; ++c)
          out[static_cast<size_t>(c) * samples + t] = feat[static_cast<size_t>(t) * channels + c];
      break;
  }
  return okResult();
}

// Per sample (idx order): the label to use, kKeepLabel or kLeaveOut.
constexpr int kKeepLabel = -1;
constexpr int kLeaveOut = -2;
struct Relabeling {
  std::vector<int> label;  // empty: every stored label as it is
  LabelSources sources;
};

// The samples' effective annotator labels (LabelSources).
Result<Relabeling> annotatorRelabeling(store::Project& project, const DatasetInfo& info,
                                       const std::vector<dataset::StoredSample>& samples) {
  const std::string ctx = "reading the annotators' labels of '" + info.name + "'";
  Relabeling out;
  labeling::LabelRepository labels(project);
  auto items = labels.itemLabels(info.id);
  if (!items.ok()) return items.error().wrap(ctx);
  auto adjudications = labels.itemAdjudications(info.id);
  if (!adjudications.ok()) return adjudications.error().wrap(ctx);
  if (items->empty() && adjudications->empty()) return out;
  auto effective = labeling::effectiveItemLabels(labels, info.id);
  if (!effective.ok()) return effective.error().wrap(ctx);
  auto classes = labels.classes();
  if (!classes.ok()) return classes.error().wrap(ctx);
  std::map<int64_t, int> indexOf;  // label class id -> dataset class index, by name
  for (const labeling::LabelClass& c : *classes) {
    auto it = std::find(info.classNames.begin(), info.classNames.end(), c.name);
    indexOf[c.id] =
        it == info.classNames.end() ? kLeaveOut : static_cast<int>(it - info.classNames.begin());
  }
  std::map<int64_t, const labeling::EffectiveItem*> bySample;
  for (const labeling::EffectiveItem& e : *effective) bySample[e.sampleId] = &e;
  out.label.assign(samples.size(), kKeepLabel);
  for (size_t i = 0; i < samples.size(); ++i) {
    auto it = bySample.find(samples[i].id);
    if (it == bySample.end()) continue;
    const labeling::EffectiveItem& e = *it->second;
    if (e.basis == labeling::Basis::Unlabeled) continue;
    if (e.basis == labeling::Basis::Unresolved) {
      out.label[i] = kLeaveOut;
      ++out.sources.unresolved;
      continue;
    }
    auto cls = indexOf.find(e.classId);
    if (cls == indexOf.end() || cls->second == kLeaveOut) {
      out.label[i] = kLeaveOut;
      ++out.sources.unknownClass;
      continue;
    }
    ++(e.basis == labeling::Basis::Adjudicated ? out.sources.adjudicated : out.sources.annotators);
    out.label[i] = cls->second;
    if (cls->second != samples[i].label) ++out.sources.changed;
  }
  return out;
}

Result<PreparedData> prepareFrom(const DatasetInfo& info, const dataset::DatasetVersion& version,
                                 const std::vector<dataset::StoredSample>& samples,
                                 const FeatureSpec& features,
                                 const std::function<void(double)>& progress,
                                 const std::atomic<bool>* cancel,
                                 const Relabeling& relabeling = {}) {
  const std::string ctx = "preparing dataset '" + info.name + "'";
  if (version.assignment.size() != samples.size())
    return Error("the dataset version assigns " + std::to_string(version.assignment.size()) +
                     " samples but the dataset holds " + std::to_string(samples.size()),
                 ctx);
  Result<Plan> plan = makePlan(info, features);
  if (!plan.ok()) return plan.error();
  const size_t dims = static_cast<size_t>(product(plan->inputShape));

  PreparedData out;
  out.dataset = info;
  out.version = version;
  out.features = plan->effective;
  out.inputShape = plan->inputShape;
  out.labels = relabeling.sources;
  SplitMatrix* splits[3] = {&out.train, &out.val, &out.test};
  int counts[3] = {0, 0, 0};
  const bool relabel = !relabeling.label.empty();
  for (size_t i = 0; i < version.assignment.size(); ++i) {
    const uint8_t a = version.assignment[i];
    if (a > 2) return Error("corrupt split assignment in version " + version.snapshotId, ctx);
    if (!relabel || relabeling.label[i] != kLeaveOut) ++counts[a];
  }
  for (int k = 0; k < 3; ++k) {
    splits[k]->X.create(counts[k], static_cast<int>(dims), CV_32F);
    splits[k]->y.reserve(counts[k]);
    splits[k]->sampleIds.reserve(counts[k]);
  }
  const size_t total = samples.size();
  // Rows are assigned up front (idx order within each split), labels and ids filled here; the
  // features are computed in parallel in chunks, with cancel and progress between chunks on
  // this thread. Blocks are stateless (compute() is const without caches), so this is safe.
  std::vector<int> rowOf(total);
  for (size_t i = 0; i < total; ++i) {
    const dataset::StoredSample& s = samples[i];
    int label = s.label;
    if (relabel && relabeling.label[i] != kKeepLabel) label = relabeling.label[i];
    if (label == kLeaveOut) {
      rowOf[i] = -1;
      continue;
    }
    if (label < 0 || label >= out.numClasses())
      return Error(s.source + ": label " + std::to_string(label) + " is outside the classes", ctx);
    SplitMatrix& m = *splits[version.assignment[i]];
    rowOf[i] = static_cast<int>(m.y.size());
    m.y.push_back(label);
    m.sampleIds.push_back(s.id);
  }
  std::vector<Error> errors(total);
  std::vector<uint8_t> failed(total, 0);
  constexpr size_t kChunk = 256;
  for (size_t begin = 0; begin < total; begin += kChunk) {
    if (cancel && cancel->load(std::memory_order_relaxed)) return Error(kCancelledMessage);
    const size_t end = std::min(total, begin + kChunk);
    cv::parallel_for_(
        cv::Range(static_cast<int>(begin), static_cast<int>(end)), [&](const cv::Range& range) {
          for (int k = range.start; k < range.end; ++k) {
            const size_t i = static_cast<size_t>(k);
            if (rowOf[i] < 0) continue;
            SplitMatrix& m = *splits[version.assignment[i]];
            Result<void> r = featuresOf(info, samples[i], *plan, m.X.ptr<float>(rowOf[i]), dims);
            if (!r.ok()) {
              errors[i] = r.error();
              failed[i] = 1;
            }
          }
        });
    // The first failing sample in idx order, whatever thread found it.
    for (size_t i = begin; i < end; ++i)
      if (failed[i]) return errors[i].wrap(ctx);
    if (progress) progress(static_cast<double>(end) / static_cast<double>(total));
  }
  if (out.train.rows() == 0)
    return Error("the train split is empty; use a larger train fraction or more samples", ctx);
  return out;
}

}  // namespace

Result<PreparedData> prepareData(store::Project& project, const std::string& datasetName,
                                 const PrepareOptions& options,
                                 const std::function<void(double)>& progress,
                                 const std::atomic<bool>* cancel) {
  dataset::DatasetRepository repo(project);
  Result<DatasetInfo> info = repo.findByName(datasetName);
  if (!info.ok()) return info.error();
  Result<dataset::DatasetVersion> version = dataset::buildVersion(repo, info->id, options.split);
  if (!version.ok()) return version.error().wrap("preparing dataset '" + datasetName + "'");
  Result<std::vector<dataset::StoredSample>> samples = repo.samples(info->id);
  if (!samples.ok()) return samples.error();
  Relabeling relabeling;
  if (options.annotatorLabels) {
    Result<Relabeling> r = annotatorRelabeling(project, *info, *samples);
    if (!r.ok()) return r.error();
    relabeling = std::move(r.value());
  }
  return prepareFrom(*info, *version, *samples, options.features, progress, cancel, relabeling);
}

Result<PreparedData> prepareVersion(store::Project& project, const std::string& snapshotId,
                                    const FeatureSpec& features,
                                    const std::function<void(double)>& progress,
                                    const std::atomic<bool>* cancel) {
  dataset::DatasetRepository repo(project);
  Result<dataset::DatasetVersion> version = repo.version(snapshotId);
  if (!version.ok()) return version.error();
  Result<DatasetInfo> info = repo.get(version->datasetId);
  if (!info.ok()) return info.error().wrap("dataset version " + snapshotId);
  Result<std::vector<dataset::StoredSample>> samples = repo.samples(info->id);
  if (!samples.ok()) return samples.error();
  Result<Relabeling> relabeling = annotatorRelabeling(project, *info, *samples);
  if (!relabeling.ok()) return relabeling.error();
  return prepareFrom(*info, *version, *samples, features, progress, cancel, *relabeling);
}

Result<PreparedData> prepareSamples(const DatasetInfo& info,
                                    const std::vector<dataset::StoredSample>& samples,
                                    const FeatureSpec& features,
                                    const std::function<void(double)>& progress,
                                    const std::atomic<bool>* cancel) {
  dataset::DatasetVersion all;
  all.datasetId = info.id;
  all.assignment.assign(samples.size(), static_cast<uint8_t>(dataset::Split::Train));
  return prepareFrom(info, all, samples, features, progress, cancel);
}

Result<SampleView> loadSampleView(store::Project& project, int64_t sampleId) {
  const std::string ctx = "loading sample " + std::to_string(sampleId);
  dataset::DatasetRepository repo(project);
  Result<dataset::StoredSample> s = repo.sample(sampleId);
  if (!s.ok()) return s.error().wrap(ctx);
  Result<DatasetInfo> info = repo.get(s->datasetId);
  if (!info.ok()) return info.error().wrap(ctx);
  SampleView v;
  v.sampleId = s->id;
  v.datasetId = info->id;
  v.datasetName = info->name;
  v.kind = info->kind;
  v.label = s->label;
  if (s->label >= 0 && s->label < static_cast<int>(info->classNames.size()))
    v.className = info->classNames[static_cast<size_t>(s->label)];
  v.source = s->source;
  const std::vector<uint8_t>& b = s->blob;
  switch (info->kind) {
    case DatasetKind::Tabular: {
      v.vector.resize(b.size() / sizeof(float));
      std::memcpy(v.vector.data(), b.data(), v.vector.size() * sizeof(float));
      v.series = {v.vector};
      break;
    }
    case DatasetKind::Image: {
      const size_t n =
          static_cast<size_t>(info->imageHeight) * info->imageWidth * info->imageChannels;
      if (b.size() != n || n == 0) return Error("image blob has the wrong size", ctx);
      cv::Mat img(info->imageHeight, info->imageWidth, CV_8UC(info->imageChannels),
                  const_cast<uint8_t*>(b.data()));
      v.image = img.clone();
      break;
    }
    case DatasetKind::Audio: {
      v.rateHz = info->audioRateHz;
      std::vector<float> pcm(b.size() / sizeof(int16_t));
      for (size_t i = 0; i < pcm.size(); ++i) {
        int16_t x;
        std::memcpy(&x, b.data() + i * sizeof(int16_t), sizeof x);
        pcm[i] = static_cast<float>(x) / 32768.0f;
      }
      v.series = {std::move(pcm)};
      break;
    }
    case DatasetKind::Timeseries: {
      v.rateHz = info->seriesRateHz;
      const int c = info->seriesChannels;
      const size_t len = c > 0 ? b.size() / sizeof(float) / static_cast<size_t>(c) : 0;
      v.series.assign(static_cast<size_t>(std::max(c, 0)), std::vector<float>(len));
      for (size_t t = 0; t < len; ++t)
        for (int k = 0; k < c; ++k) {
          float x;
          std::memcpy(&x, b.data() + (t * c + static_cast<size_t>(k)) * sizeof(float), sizeof x);
          v.series[static_cast<size_t>(k)][t] = x;
        }
      break;
    }
  }
  return v;
}

}  // namespace edgewise::training
