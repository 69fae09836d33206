// The compression service on a real project file (a small digits subset, a small trained mlp):
// recipe parsing, variants stored with lineage and the details JSON, cancel stores nothing,
// measureModel's fields. The methods themselves are tested in ../quant and ../prune; here:
// what the service measures and stores.

#include <gtest/gtest.h>

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

#include <atomic>
#include <cmath>

#include <nlohmann/json.hpp>

#include "core/dataset/data/importers.h"
#include "core/store/project.h"
#include "core/store/sqlite_util.h"
#include "core/training/service/compress_service.h"
#include "core/training/service/model_registry.h"
#include "core/training/service/train_service.h"

namespace edgewise::training {
namespace {

#define EW_ASSERT_OK(r) ASSERT_TRUE((r).ok()) << (r).error().toString()
using nlohmann::json;

bool notImplemented(const Error& e) {
  return e.toString().find("not implemented") != std::string::npos;
}

// ---- recipes --------------------------------------------------------------------------------

TEST(Recipe, ParsesSingleStepsAndChains) {
  auto one = parseRecipe("int8");
  EW_ASSERT_OK(one);
  ASSERT_EQ(one->size(), 1u);
  EXPECT_EQ((*one)[0].method, "int8");
  EXPECT_EQ((*one)[0].text(), "int8");

  auto chain = parseRecipe(" prune:0.8 + int8 ");
  EW_ASSERT_OK(chain);
  ASSERT_EQ(chain->size(), 2u);
  EXPECT_EQ((*chain)[0].method, "prune");
  EXPECT_DOUBLE_EQ((*chain)[0].amount, 0.8);
  EXPECT_EQ((*chain)[0].text(), "prune:0.8");
  EXPECT_EQ((*chain)[1].text(), "int8");

  auto rank = parseRecipe("lowrank:16");
  EW_ASSERT_OK(rank);
  EXPECT_EQ((*rank)[0].text(), "lowrank:16");
  auto energy = parseRecipe("lowrank:0.9");
  EW_ASSERT_OK(energy);
  EXPECT_DOUBLE_EQ((*energy)[0].amount, 0.9);
  auto d = parseRecipe("distill:32+dynamic-int8");
  EW_ASSERT_OK(d);
  EXPECT_EQ((*d)[0].text(), "distill:32");
  EXPECT_EQ((*d)[1].method, "dynamic-int8");
  EW_ASSERT_OK(parseRecipe("prune-structured:0.5+fp16"));
  // Width x depth students.
  auto wd = parseRecipe("distill:66x1+int8");
  EW_ASSERT_OK(wd);
  EXPECT_DOUBLE_EQ((*wd)[0].amount, 66.0);
  EXPECT_EQ((*wd)[0].depth, 1);
  EXPECT_EQ((*wd)[0].text(), "distill:66x1");
  EXPECT_EQ((*d)[0].depth, 0);
  EXPECT_EQ(compressionMethods().size(), 7u);
}

TEST(Recipe, RefusesBadInputWithTheReason) {
  struct Case {
    const char* text;
    const char* says;
  };
  const Case cases[] = {
      {"", "empty recipe"},
      {"zip", "unknown compression method 'zip'"},
      {"prune", "needs an amount"},
      {"prune:1.5", "between 0 and 1"},
      {"prune:0", "between 0 and 1"},
      {"prune:abc", "must be a number"},
      {"prune:0.5x", "must be a number"},
      {"prune-structured:1", "between 0 and 1"},
      {"distill:1", "integer >= 2"},
      {"distill:2.5", "integer >= 2"},
      {"distill:32x", "depth of 'distill'"},
      {"distill:32x0", "depth of 'distill'"},
      {"distill:32x1.5", "depth of 'distill'"},
      {"distill:x2", "must be a number"},
      {"lowrank:2.5", "rank"},
      {"int8:3", "takes no amount"},
      {"int8+prune:0.5", "nothing can follow 'int8'"},
      {"fp16+int8", "nothing can follow 'fp16'"},
      {"prune:0.5++int8", "empty step"},
      {"prune:0.5+", "empty step"},
  };
  for (const Case& c : cases) {
    auto r = parseRecipe(c.text);
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_NE(r.error().toString().find(c.says), std::string::npos)
        << c.text << " -> " << r.error().toString();
  }
}

// ---- the service on a project -----------------------------------------------------------------

class CompressService : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // The peak-RSS probe runs the real edgewise-cli from the build tree.
    const QString cli = qEnvironmentVariable("EDGEWISE_BIN_DIR") + QStringLiteral("/edgewise-cli");
    if (QFileInfo(cli).isExecutable()) qputenv("EDGEWISE_CLI", cli.toUtf8());
    s_dir = new QTemporaryDir;
    ASSERT_TRUE(s_dir->isValid());
    s_path = s_dir->filePath(QStringLiteral("c.edgewise")).toStdString();
    auto p = store::Project::open(s_path);
    EW_ASSERT_OK(p);
    auto parsed = dataset::readDigitsPng(qEnvironmentVariable("EDGEWISE_TEST_DATA").toStdString() +
                                         "/digits.png");
    EW_ASSERT_OK(parsed);
    // 30 images per digit: 300 samples, 45 in the test split.
    std::vector<int> taken(parsed->info.classNames.size(), 0);
    std::vector<dataset::ParsedSample> keep;
    for (auto& s : parsed->samples)
      if (taken[static_cast<size_t>(s.label)]++ < 30) keep.push_back(std::move(s));
    parsed->samples = std::move(keep);
    EW_ASSERT_OK(dataset::importDataset(**p, "digits", *parsed));
    TrainRequest req;
    req.datasetName = "digits";
    req.family = "mlp";
    req.params = {{"epochs", "15"}, {"hidden", "64,32"}, {"threads", "1"}, {"augment_shift", "0"}};
    req.latencySeconds = 0.02;
    auto rec = trainAndRegister(**p, req);
    EW_ASSERT_OK(rec);
    s_parent = rec->id;
    s_parentAccuracy = rec->metrics.accuracy;
    ASSERT_GT(s_parentAccuracy, 0.5);  // a model worth compressing
  }
  static void TearDownTestSuite() {
    delete s_dir;
    s_dir = nullptr;
  }
  void SetUp() override {
    auto p = store::Project::open(s_path, store::OpenMode::OpenExisting);
    EW_ASSERT_OK(p);
    m_project = std::move(p.value());
  }
  int64_t modelCount() {
    return store::detail::queryInt64(m_project->handle(), "SELECT count(*) FROM models")
        .valueOr(-1);
  }
  CompressRequest request(const std::string& recipe) {
    CompressRequest r;
    r.modelId = s_parent;
    r.recipe = recipe;
    r.latencySeconds = 0.05;
    r.calibrationSamples = 64;
    return r;
  }

  static QTemporaryDir* s_dir;
  static std::string s_path;
  static int64_t s_parent;
  static double s_parentAccuracy;
  std::unique_ptr<store::Project> m_project;
};
QTemporaryDir* CompressService::s_dir = nullptr;
std::string CompressService::s_path;
int64_t CompressService::s_parent = 0;
double CompressService::s_parentAccuracy = 0.0;

TEST_F(CompressService, MeasureModelFieldsAreSane) {
  ModelRegistry registry(*m_project);
  auto rec = registry.get(s_parent);
  EW_ASSERT_OK(rec);
  auto m = measureModel(*m_project, s_parent, 0.05);
  EW_ASSERT_OK(m);
  EXPECT_EQ(m->modelId, s_parent);
  EXPECT_EQ(m->family, "mlp");
  EXPECT_EQ(m->sizeBytes, rec->sizeBytes);  // the stored file, byte for byte
  // 400 -> 64 -> 32 -> 10 plus biases.
  EXPECT_EQ(m->params, 400 * 64 + 64 + 64 * 32 + 32 + 32 * 10 + 10);
  EXPECT_EQ(m->paramsNonzero, m->params);  // a trained float net has no exact zeros
  // Same test split as training: the same accuracy.
  EXPECT_DOUBLE_EQ(m->accuracy, rec->metrics.accuracy);
  EXPECT_DOUBLE_EQ(m->macroF1, rec->metrics.macroF1);
  EXPECT_GE(m->latency.runs, 50);
  EXPECT_GT(m->latency.p50Us, 0.0);
  EXPECT_LE(m->latency.p50Us, m->latency.p90Us);
  EXPECT_LE(m->latency.p90Us, m->latency.p99Us);
  EXPECT_LE(m->latency.p99Us, m->latency.maxUs);
  if (!qEnvironmentVariableIsEmpty("EDGEWISE_CLI")) {
    // A process that loads LibTorch and a model: more than 10 MB, less than 4 GB.
    EXPECT_GT(m->peakRssBytes, 10 << 20);
    EXPECT_LT(m->peakRssBytes, int64_t{4} << 30);
  }
  // The C99 export of a float mlp holds at least its float weights in flash.
  if (m->mcuFlashBytes > 0) {
    EXPECT_GE(m->mcuFlashBytes, m->params * 4);
    EXPECT_GT(m->mcuRamBytes, 400 * 4);  // the input row at least
  }
  EXPECT_FALSE(measureModel(*m_project, 9999).ok());
}

TEST_F(CompressService, Fp16VariantIsStoredWithLineageAndDetails) {
  const int64_t before = modelCount();
  std::vector<std::string> steps;
  auto r = compressAndRegister(*m_project, request("fp16"),
                               [&](double, const std::string& msg, const TrainProgress*) {
                                 if (steps.empty() || steps.back() != msg) steps.push_back(msg);
                               });
  if (!r.ok() && notImplemented(r.error())) GTEST_SKIP() << r.error().toString();
  EW_ASSERT_OK(r);
  EXPECT_EQ(modelCount(), before + 1);
  EXPECT_EQ(steps.front(), "loading");
  EXPECT_EQ(steps.back(), "done");
  EXPECT_EQ(r->recipe, "fp16");
  EXPECT_EQ(r->parent.modelId, s_parent);
  EXPECT_GT(r->variant.modelId, s_parent);
  // float16 weights: about half the parent's file (header and the standardisation aside).
  const double ratio = static_cast<double>(r->variant.sizeBytes) / r->parent.sizeBytes;
  EXPECT_LT(ratio, 0.6);
  EXPECT_GT(ratio, 0.4);
  EXPECT_NEAR(r->variant.accuracy, r->parent.accuracy, 0.03);

  ModelRegistry registry(*m_project);
  auto rec = registry.get(r->variant.modelId);
  EW_ASSERT_OK(rec);
  EXPECT_EQ(rec->origin, "compressed");
  ASSERT_TRUE(rec->parentId.has_value());
  EXPECT_EQ(*rec->parentId, s_parent);
  EXPECT_EQ(rec->family, r->variant.family);
  EXPECT_EQ(rec->sizeBytes, r->variant.sizeBytes);
  EXPECT_EQ(rec->hyperParams.at("recipe"), "fp16");
  auto parent = registry.get(s_parent);
  EW_ASSERT_OK(parent);
  EXPECT_EQ(rec->snapshotId, parent->snapshotId);  // same dataset version
  EXPECT_EQ(rec->inputShape, parent->inputShape);
  EXPECT_DOUBLE_EQ(rec->metrics.accuracy, r->variant.accuracy);
  const json d = json::parse(rec->details);
  EXPECT_EQ(d.at("variant_id").get<int64_t>(), r->variant.modelId);
  EXPECT_EQ(d.at("recipe"), "fp16");
  EXPECT_EQ(d.at("size_bytes").get<int64_t>(), r->variant.sizeBytes);
  EXPECT_EQ(d.at("parent").at("model_id").get<int64_t>(), s_parent);
  for (const char* k : {"p50", "p90", "p99", "max"}) {
    EXPECT_TRUE(d.at("latency_us").at(k).is_number()) << k;
    EXPECT_TRUE(d.at("parent").at("latency_us").at(k).is_number()) << k;
  }
  EXPECT_NEAR(d.at("ratios").at("size").get<double>(), ratio, 1e-12);
  // The stored variant loads and serves the measured accuracy again.
  auto again = measureModel(*m_project, r->variant.modelId, 0.02);
  EW_ASSERT_OK(again);
  EXPECT_DOUBLE_EQ(again->accuracy, r->variant.accuracy);
}

TEST_F(CompressService, Int8ShrinksTheFileAndReportsLayerSqnr) {
  auto r = compressAndRegister(*m_project, request("int8"));
  if (!r.ok() && notImplemented(r.error())) GTEST_SKIP() << r.error().toString();
  EW_ASSERT_OK(r);
  EXPECT_LE(static_cast<double>(r->variant.sizeBytes), r->parent.sizeBytes / 3.8);
  EXPECT_LE(r->parent.accuracy - r->variant.accuracy, 0.05);
  EXPECT_EQ(r->layerErrors.size(), 3u);  // fc0, fc1, head
  for (const LayerError& e : r->layerErrors) EXPECT_GT(e.sqnrDb, 15.0) << e.layer;
  // A variant slower than its parent is named in the warnings (and only then).
  const bool slower = r->variant.latency.p50Us > r->parent.latency.p50Us;
  bool warned = false;
  for (const std::string& w : r->warnings) warned |= w.find("SLOWER") != std::string::npos;
  EXPECT_EQ(slower, warned);
}

TEST_F(CompressService, PruningReportsTheNonzeroParameters) {
  CompressRequest req = request("prune:0.8");
  req.finetuneEpochs = 2;
  auto r = compressAndRegister(*m_project, req);
  if (!r.ok() && notImplemented(r.error())) GTEST_SKIP() << r.error().toString();
  EW_ASSERT_OK(r);
  const int64_t weights = 400 * 64 + 64 * 32 + 32 * 10;
  const int64_t biases = 64 + 32 + 10;
  EXPECT_EQ(r->variant.params, weights + biases);
  // 80 % of the weights are exactly zero; biases are kept (a bias may be zero by chance).
  EXPECT_LE(r->variant.paramsNonzero, weights - std::llround(0.8 * weights) + biases);
  EXPECT_GE(r->variant.paramsNonzero, weights - std::llround(0.8 * weights));
  EXPECT_EQ(r->parent.paramsNonzero, weights + biases);
  EXPECT_FALSE(r->history.empty());  // fine-tuning epochs were reported
}

TEST_F(CompressService, CancelStoresNothing) {
  const int64_t before = modelCount();
  std::atomic<bool> cancel{true};
  auto r = compressAndRegister(*m_project, request("fp16"), {}, &cancel);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, kCancelledMessage);
  // Cancel while measuring, after the variant exists.
  std::atomic<bool> late{false};
  auto r2 = compressAndRegister(
      *m_project, request("fp16"),
      [&](double, const std::string& msg, const TrainProgress*) {
        if (msg.find("measuring the variant") != std::string::npos) late.store(true);
      },
      &late);
  ASSERT_FALSE(r2.ok());
  if (!notImplemented(r2.error())) {
    EXPECT_EQ(r2.error().message, kCancelledMessage);
    EXPECT_TRUE(late.load());
  }
  EXPECT_EQ(modelCount(), before);
}

TEST_F(CompressService, RefusesWhatCannotBeCompressed) {
  auto bad = compressAndRegister(*m_project, request("prune:2"));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().toString().find("between 0 and 1"), std::string::npos);
  CompressRequest missing = request("fp16");
  missing.modelId = 9999;
  EXPECT_FALSE(compressAndRegister(*m_project, missing).ok());
  // An OpenCV family is not a torch net.
  TrainRequest knn;
  knn.datasetName = "digits";
  knn.family = "knn";
  knn.latencySeconds = 0.01;
  auto k = trainAndRegister(*m_project, knn);
  EW_ASSERT_OK(k);
  CompressRequest req = request("int8");
  req.modelId = k->id;
  auto r = compressAndRegister(*m_project, req);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().toString().find("only the torch families"), std::string::npos)
      << r.error().toString();
}

TEST_F(CompressService, ExportsC99AndTorchScript) {
  QTemporaryDir out;
  ASSERT_TRUE(out.isValid());
  const std::string c99 = out.filePath(QStringLiteral("c99")).toStdString();
  Result<void> r = exportModel(*m_project, s_parent, "c99", c99);
  if (!r.ok() && r.error().toString().find("not part of this build") != std::string::npos)
    GTEST_SKIP() << r.error().toString();
  EW_ASSERT_OK(r);
  const QStringList files = QDir(QString::fromStdString(c99)).entryList(QDir::Files);
  EXPECT_TRUE(files.contains(QStringLiteral("edgewise_model.c"))) << files.join(u',').toStdString();
  EXPECT_TRUE(files.contains(QStringLiteral("edgewise_model.h")));
  EXPECT_FALSE(exportModel(*m_project, s_parent, "c89", c99).ok());
}

}  // namespace
}  // namespace edgewise::training
