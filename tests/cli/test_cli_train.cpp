// edgewise-cli import (imu-sim), train, eval, models, export-model as child processes on a
// real project file: JSON fields present, eval agrees with train, SIGTERM cancels cleanly.

#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>

#include <QFileInfo>

#include <QTemporaryDir>
#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/dataset/data/dataset_repository.h"
#include "core/labeling/label_repository.h"
#include "core/store/project.h"
#include "tests/cli/cli_test_util.h"

namespace edgewise::cli::test {
namespace {

using namespace Qt::StringLiterals;
using nlohmann::json;

int64_t countModels(const QString& project) {
  sqlite3* db = nullptr;
  if (sqlite3_open(project.toUtf8().constData(), &db) != SQLITE_OK) return -1;
  sqlite3_stmt* st = nullptr;
  int64_t n = -1;
  if (sqlite3_prepare_v2(db, "SELECT count(*) FROM models", -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW)
    n = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return n;
}

class CliTrain : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(m_dir.isValid());
    m_project = m_dir.filePath(u"t.edgewise"_s);
    RunResult r =
        runCli({u"import"_s, u"--project"_s, m_project, u"--name"_s, u"imu"_s, u"--format"_s,
                u"imu-sim"_s, u"--per-class"_s, u"40"_s, u"--seed"_s, u"5"_s, u"--json"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const json j = json::parse(r.out.toStdString());
    ASSERT_EQ(j.at("kind"), "timeseries");
    ASSERT_EQ(j.at("samples"), 200);
    ASSERT_EQ(j.at("series").at("channels"), 6);
    ASSERT_EQ(j.at("series").at("length"), 100);
  }
  QTemporaryDir m_dir;
  QString m_project;
};

TEST_F(CliTrain, TrainEvalAndModelsAgree) {
  RunResult t = runCli({u"train"_s, u"--project"_s, m_project, u"--dataset"_s, u"imu"_s,
                        u"--model"_s, u"rf"_s, u"--param"_s, u"trees=25"_s, u"--seed"_s, u"3"_s,
                        u"--latency-seconds"_s, u"0.1"_s, u"--json"_s});
  ASSERT_EQ(t.exitCode, 0) << t.err.toStdString();
  EXPECT_TRUE(t.err.contains("[100%] done")) << t.err.toStdString();
  const json tj = json::parse(t.out.toStdString());
  for (const char* key : {"model_id", "accuracy", "macro_f1", "train_seconds", "params",
                          "size_bytes", "hyper_params", "snapshot_id", "input_shape"})
    EXPECT_TRUE(tj.contains(key)) << key;
  EXPECT_EQ(tj.at("hyper_params").at("trees"), "25");
  EXPECT_EQ(tj.at("input_shape"), json::array({6, 100}));
  EXPECT_GT(tj.at("accuracy").get<double>(), 0.6);
  EXPECT_GT(tj.at("params").get<int64_t>(), 0);
  const int64_t id = tj.at("model_id");

  RunResult e = runCli({u"eval"_s, u"--project"_s, m_project, u"--model"_s, QString::number(id),
                        u"--latency-seconds"_s, u"0.1"_s, u"--json"_s});
  ASSERT_EQ(e.exitCode, 0) << e.err.toStdString();
  const json ej = json::parse(e.out.toStdString());
  EXPECT_DOUBLE_EQ(ej.at("accuracy").get<double>(), tj.at("accuracy").get<double>());
  EXPECT_DOUBLE_EQ(ej.at("macro_f1").get<double>(), tj.at("macro_f1").get<double>());
  const int64_t n = ej.at("test_samples");
  EXPECT_EQ(n, 30);  // 40 per class: 28 train, 6 val, 6 test
  int64_t total = 0, diag = 0;
  const json& conf = ej.at("confusion");
  ASSERT_EQ(conf.size(), 5u);
  for (size_t i = 0; i < 5; ++i)
    for (size_t k = 0; k < 5; ++k) {
      total += conf[i][k].get<int64_t>();
      if (i == k) diag += conf[i][k].get<int64_t>();
    }
  EXPECT_EQ(total, n);
  EXPECT_DOUBLE_EQ(static_cast<double>(diag) / n, ej.at("accuracy").get<double>());
  ASSERT_EQ(ej.at("per_class").size(), 5u);
  EXPECT_EQ(ej.at("per_class")[0].at("support"), 6);
  const json& l = ej.at("latency_us");
  EXPECT_GT(l.at("p50").get<double>(), 0.0);
  EXPECT_LE(l.at("p50").get<double>(), l.at("p90").get<double>());
  EXPECT_LE(l.at("p90").get<double>(), l.at("p99").get<double>());
  EXPECT_LE(l.at("p99").get<double>(), l.at("max").get<double>());

  RunResult m = runCli({u"models"_s, u"--project"_s, m_project, u"--json"_s});
  ASSERT_EQ(m.exitCode, 0) << m.err.toStdString();
  const json mj = json::parse(m.out.toStdString());
  ASSERT_EQ(mj.size(), 1u);
  EXPECT_EQ(mj[0].at("model_id"), id);
  EXPECT_EQ(mj[0].at("family"), "rf");
  EXPECT_EQ(mj[0].at("dataset"), "imu");

  const QString out = m_dir.filePath(u"rf.model"_s);
  RunResult x = runCli({u"export-model"_s, u"--project"_s, m_project, u"--model"_s,
                        QString::number(id), u"--out"_s, out});
  ASSERT_EQ(x.exitCode, 0) << x.err.toStdString();
  EXPECT_EQ(QFileInfo(out).size(), tj.at("size_bytes").get<int64_t>());
  RunResult ts = runCli({u"export-model"_s, u"--project"_s, m_project, u"--model"_s,
                         QString::number(id), u"--format"_s, u"torchscript"_s, u"--out"_s, out});
  EXPECT_EQ(ts.exitCode, 1);
  EXPECT_TRUE(ts.err.contains("only torch families")) << ts.err.toStdString();
}

// Annotators' item labels and an adjudication replace stored labels; an unresolved
// disagreement is left out; train --json counts them (and --stored-labels turns it off).
TEST_F(CliTrain, AnnotatorLabelsAreCountedInTrainOutput) {
  {
    auto opened = store::Project::open(m_project.toStdString(), store::OpenMode::OpenExisting);
    ASSERT_TRUE(opened.ok()) << opened.error().toString();
    dataset::DatasetRepository datasets(**opened);
    auto info = datasets.findByName("imu");
    ASSERT_TRUE(info.ok());
    auto samples = datasets.labels(info->id);
    ASSERT_TRUE(samples.ok());
    labeling::LabelRepository labels(**opened);
    std::vector<int64_t> classIds;  // the dataset's classes, by index
    for (const std::string& name : info->classNames) classIds.push_back(labels.addClass(name)->id);
    const int64_t a = labels.addAnnotator("a")->id;
    const int64_t b = labels.addAnnotator("b")->id;
    const int64_t judge = labels.addAnnotator("judge")->id;
    // Another class than stored, for samples 0..2.
    auto other = [&](size_t i) { return classIds[size_t((*samples)[i].label + 1) % 5]; };
    auto stored = [&](size_t i) { return classIds[size_t((*samples)[i].label)]; };
    ASSERT_TRUE(labels.setItemLabel((*samples)[0].id, other(0), a).ok());  // single, changed
    ASSERT_TRUE(labels.setItemLabel((*samples)[1].id, other(1), a).ok());  // adjudicated
    ASSERT_TRUE(labels.setItemLabel((*samples)[1].id, stored(1), b).ok());
    ASSERT_TRUE(labels.adjudicateItem((*samples)[1].id, other(1), judge).ok());
    ASSERT_TRUE(labels.setItemLabel((*samples)[2].id, other(2), a).ok());  // unresolved
    ASSERT_TRUE(labels.setItemLabel((*samples)[2].id, stored(2), b).ok());
    ASSERT_TRUE(labels.setItemLabel((*samples)[3].id, stored(3), a).ok());  // unanimous, same
    ASSERT_TRUE(labels.setItemLabel((*samples)[3].id, stored(3), b).ok());
  }
  const QStringList train = {u"train"_s, u"--project"_s, m_project, u"--dataset"_s,
                             u"imu"_s,   u"--model"_s,   u"knn"_s,  u"--latency-seconds"_s,
                             u"0.05"_s,  u"--json"_s};
  RunResult t = runCli(train);
  ASSERT_EQ(t.exitCode, 0) << t.err.toStdString();
  EXPECT_TRUE(t.err.contains(
      "labels: 2 labels from annotators, 1 adjudicated (2 differ from the stored labels); left "
      "out: 1 unresolved disagreements"))
      << t.err.toStdString();
  EXPECT_TRUE(t.err.contains("warning: 1 samples left out")) << t.err.toStdString();
  const json l = json::parse(t.out.toStdString()).at("labels");
  EXPECT_EQ(l.at("from_annotators"), 2);
  EXPECT_EQ(l.at("adjudicated"), 1);
  EXPECT_EQ(l.at("changed"), 2);
  EXPECT_EQ(l.at("left_out_unresolved"), 1);
  EXPECT_EQ(l.at("left_out_unknown_class"), 0);

  RunResult s = runCli(QStringList(train) << u"--stored-labels"_s);
  ASSERT_EQ(s.exitCode, 0) << s.err.toStdString();
  EXPECT_FALSE(s.err.contains("labels:")) << s.err.toStdString();
  EXPECT_EQ(json::parse(s.out.toStdString()).at("labels").at("from_annotators"), 0);
}

TEST_F(CliTrain, BadRequestsFailWithMessages) {
  RunResult r = runCli({u"train"_s, u"--project"_s, m_project, u"--dataset"_s, u"imu"_s,
                        u"--model"_s, u"xgboost"_s, u"--quiet"_s});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains("unknown model family 'xgboost'")) << r.err.toStdString();
  r = runCli({u"train"_s, u"--project"_s, m_project, u"--dataset"_s, u"imu"_s, u"--model"_s,
              u"cnn2d"_s, u"--quiet"_s});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains("cnn2d takes samples shaped {channels, height, width}"))
      << r.err.toStdString();
  r = runCli({u"train"_s, u"--project"_s, m_project, u"--dataset"_s, u"nope"_s, u"--model"_s,
              u"knn"_s, u"--quiet"_s});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains("no dataset named 'nope'")) << r.err.toStdString();
  r = runCli({u"train"_s, u"--project"_s, m_project, u"--dataset"_s, u"imu"_s, u"--model"_s,
              u"knn"_s, u"--param"_s, u"k"_s});
  EXPECT_EQ(r.exitCode, 2);
  r = runCli({u"eval"_s, u"--project"_s, m_project, u"--model"_s, u"99"_s});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains("no model with id 99")) << r.err.toStdString();
  EXPECT_EQ(countModels(m_project), 0);
}

TEST_F(CliTrain, SearchJsonNamesTheBestTrialAndItsModel) {
  RunResult r =
      runCli({u"search"_s, u"--project"_s, m_project, u"--dataset"_s, u"imu"_s, u"--model"_s,
              u"knn"_s, u"--method"_s, u"random"_s, u"--trials"_s, u"6"_s, u"--budget"_s, u"120"_s,
              u"--seed"_s, u"9"_s, u"--latency-seconds"_s, u"0.05"_s, u"--json"_s});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  EXPECT_TRUE(r.err.contains("trial 6: val ")) << r.err.toStdString();
  const json j = json::parse(r.out.toStdString());
  for (const char* key :
       {"model_id", "best_params", "val_accuracy", "accuracy", "macro_f1", "trials", "origin"})
    EXPECT_TRUE(j.contains(key)) << key;
  EXPECT_EQ(j.at("origin"), "search:random");
  const json& trials = j.at("trials");
  ASSERT_EQ(trials.size(), 6u);
  double best = -1;
  for (const json& t : trials) {
    for (const char* key : {"params", "val_accuracy", "seconds", "resource"})
      EXPECT_TRUE(t.contains(key)) << key;
    EXPECT_EQ(t.at("resource").get<double>(), 1.0);
    best = std::max(best, t.at("val_accuracy").get<double>());
  }
  EXPECT_DOUBLE_EQ(j.at("val_accuracy").get<double>(), best);
  const json& bestTrial = trials.at(j.at("best_trial").get<size_t>());
  EXPECT_EQ(bestTrial.at("params"), j.at("best_params"));
  EXPECT_EQ(j.at("hyper_params").at("k"), j.at("best_params").at("k"));

  // The registered model is what eval and models see.
  const int64_t id = j.at("model_id");
  RunResult e = runCli({u"eval"_s, u"--project"_s, m_project, u"--model"_s, QString::number(id),
                        u"--latency-seconds"_s, u"0.05"_s, u"--json"_s});
  ASSERT_EQ(e.exitCode, 0) << e.err.toStdString();
  EXPECT_DOUBLE_EQ(json::parse(e.out.toStdString()).at("accuracy").get<double>(),
                   j.at("accuracy").get<double>());
  RunResult m = runCli({u"models"_s, u"--project"_s, m_project, u"--json"_s});
  ASSERT_EQ(m.exitCode, 0) << m.err.toStdString();
  const json mj = json::parse(m.out.toStdString());
  ASSERT_EQ(mj.size(), 1u);
  EXPECT_EQ(mj[0].at("origin"), "search:random");
  EXPECT_EQ(mj[0].at("hyper_params").at("search.trials"), "6");

  r = runCli({u"search"_s, u"--project"_s, m_project, u"--dataset"_s, u"imu"_s, u"--model"_s,
              u"knn"_s, u"--method"_s, u"grid"_s});
  EXPECT_EQ(r.exitCode, 2);
  r = runCli({u"search"_s, u"--project"_s, m_project, u"--dataset"_s, u"imu"_s, u"--model"_s,
              u"ensemble"_s, u"--quiet"_s});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains("ensemble cannot be searched")) << r.err.toStdString();
  EXPECT_EQ(countModels(m_project), 1);
}

TEST_F(CliTrain, SigtermDuringTrainingStoresNothing) {
  auto p = startProcess(
      cliPath(), {u"train"_s, u"--project"_s, m_project, u"--dataset"_s, u"imu"_s, u"--model"_s,
                  u"mlp"_s, u"--epochs"_s, u"100000"_s, u"--param"_s, u"hidden=8"_s});
  ASSERT_TRUE(p);
  QByteArray err;
  ASSERT_TRUE(waitForStderr(*p, &err, "epoch 2/", 60000)) << err.toStdString();
  ::kill(static_cast<pid_t>(p->processId()), SIGTERM);
  ASSERT_TRUE(p->waitForFinished(30000));
  err += p->readAllStandardError();
  EXPECT_EQ(p->exitStatus(), QProcess::NormalExit);
  EXPECT_EQ(p->exitCode(), 1);
  EXPECT_TRUE(err.contains("cancelled; nothing was stored")) << err.toStdString();
  EXPECT_EQ(countModels(m_project), 0);
}

}  // namespace
}  // namespace edgewise::cli::test

namespace edgewise::cli::test {
namespace {

// bench train end to end on a small IMU set: the .npy interchange files must reach the Python
// references intact, so kNN (the same algorithm on both sides) must agree to within a tie or
// two; skipped when /usr/bin/python3 lacks numpy/sklearn/torch.
TEST(CliBenchTrain, ReferencesSeeTheSameSplits) {
  QProcess probe;
  probe.start(u"/usr/bin/python3"_s, {u"-c"_s, u"import numpy, sklearn, torch"_s});
  if (!probe.waitForFinished(60000) || probe.exitCode() != 0)
    GTEST_SKIP() << "/usr/bin/python3 with numpy, sklearn and torch is not available";
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  RunResult r = runCli({u"bench"_s, u"train"_s, u"--dataset"_s, u"imu"_s, u"--per-class"_s, u"30"_s,
                        u"--families"_s, u"knn,mlp"_s, u"--epochs"_s, u"3"_s, u"--seeds"_s, u"2"_s,
                        u"--no-ensemble"_s, u"--keep"_s, dir.filePath(u"x"_s), u"--json"_s},
                       300000);
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const json j = json::parse(r.out.toStdString());
  EXPECT_EQ(j.at("input_shape"), json::array({6, 100}));
  EXPECT_EQ(j.at("samples").at("test"), 5 * 4);  // 30 per class: 21 / round(4.5) = 5 / 4
  ASSERT_EQ(j.at("families").size(), 2u);
  const json& knn = j.at("families")[0];
  EXPECT_EQ(knn.at("family"), "knn");
  ASSERT_TRUE(knn.at("reference").at("accuracy").is_number()) << knn.dump();
  EXPECT_LE(std::abs(knn.at("accuracy_delta_points").get<double>()), 8.0) << knn.dump();
  const json& mlp = j.at("families")[1];
  ASSERT_TRUE(mlp.at("reference").at("accuracy").is_number()) << mlp.dump();
  EXPECT_GT(mlp.at("edgewise").at("accuracy").get<double>(), 0.2);
  EXPECT_TRUE(mlp.at("time_ratio").is_number());
  // Two seeds: accuracy is their mean, seconds their median (of two: the mean).
  const json& runs = mlp.at("edgewise");
  ASSERT_EQ(runs.at("runs"), 2);
  const json& acc = runs.at("accuracy_runs");
  const json& sec = runs.at("train_seconds_runs");
  EXPECT_DOUBLE_EQ(runs.at("accuracy").get<double>(),
                   (acc[0].get<double>() + acc[1].get<double>()) / 2);
  EXPECT_DOUBLE_EQ(runs.at("train_seconds").get<double>(),
                   (sec[0].get<double>() + sec[1].get<double>()) / 2);
  // The kept interchange folder holds what the references read.
  for (const char* f : {"meta.json", "train_X.npy", "train_y.npy", "val_X.npy", "val_y.npy",
                        "test_X.npy", "test_y.npy"})
    EXPECT_TRUE(QFileInfo::exists(dir.filePath(u"x/"_s + QString::fromLatin1(f)))) << f;
  QProcess check;
  check.start(u"/usr/bin/python3"_s,
              {u"-c"_s,
               u"import numpy as np,sys; x=np.load(sys.argv[1]); y=np.load(sys.argv[2]); "
               "print(x.dtype, x.shape, y.dtype, y.shape)"_s,
               dir.filePath(u"x/test_X.npy"_s), dir.filePath(u"x/test_y.npy"_s)});
  ASSERT_TRUE(check.waitForFinished(60000));
  EXPECT_EQ(check.readAllStandardOutput().trimmed().toStdString(), "float32 (20, 600) int64 (20,)");
}

// The ensemble and two-stage parts of bench train: the ensemble's recorded validation accuracy
// is at least each member's (selection on validation), the gate is the cheapest candidate
// reaching 0.99 validation gate accuracy, and a malformed --gate is a usage error.
TEST(CliBenchTrain, EnsembleSelectionAndGateChoice) {
  RunResult bad = runCli({u"bench"_s, u"train"_s, u"--gate"_s, u"rf:trees"_s}, 60000);
  EXPECT_NE(bad.exitCode, 0);
  EXPECT_TRUE(bad.err.contains("not key=value")) << bad.err.toStdString();
  RunResult r =
      runCli({u"bench"_s, u"train"_s, u"--dataset"_s, u"imu"_s, u"--per-class"_s, u"40"_s,
              u"--families"_s, u"knn"_s, u"--seeds"_s, u"1"_s, u"--epochs"_s, u"5"_s,
              u"--no-reference"_s, u"--gate"_s, u"logreg;rf:trees=10,max_depth=8"_s, u"--json"_s},
             300000);
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const json j = json::parse(r.out.toStdString());
  const json& e = j.at("ensemble");
  ASSERT_EQ(e.at("selection").size(), 1u) << e.dump();
  const json& sel = e.at("selection")[0];
  const double ensVal = sel.at("val_accuracy").get<double>();
  const std::string memberVal = sel.at("member_val_accuracy").get<std::string>();
  int members = 0;
  for (const QString& item : QString::fromStdString(memberVal).split(u',')) {
    ++members;
    EXPECT_GE(ensVal, item.section(u':', 1).toDouble()) << memberVal;
  }
  EXPECT_EQ(members, 4);
  EXPECT_FALSE(sel.at("kept").get<std::string>().empty());
  // Every member scored on test; the ensemble's test accuracy is the one reported.
  ASSERT_EQ(sel.at("member_test_accuracy").size(), 4u) << sel.dump();
  EXPECT_DOUBLE_EQ(sel.at("test_accuracy").get<double>(),
                   e.at("ensemble").at("accuracy").get<double>());
  double ownBest = 0;
  for (const auto& [id, a] : sel.at("member_test_accuracy").items())
    ownBest = std::max(ownBest, a.get<double>());
  EXPECT_DOUBLE_EQ(e.at("own_best_member_accuracy").get<double>(), ownBest);
  const json& t = j.at("two_stage");
  ASSERT_TRUE(t.contains("gate_candidates")) << t.dump();
  ASSERT_EQ(t.at("gate_candidates").size(), 2u);
  const std::string gate = t.at("gate").get<std::string>();
  const json* chosen = nullptr;
  for (const json& c : t.at("gate_candidates"))
    if (c.at("gate") == gate) chosen = &c;
  ASSERT_NE(chosen, nullptr) << t.dump();
  if (t.at("gate_met_accuracy").get<bool>()) {
    EXPECT_GE(chosen->at("val_accuracy").get<double>(), 0.99);
    for (const json& c : t.at("gate_candidates"))
      if (c.at("val_accuracy").get<double>() >= 0.99) {
        EXPECT_LE(chosen->at("mean_us").get<double>(), c.at("mean_us").get<double>());
      }
  }
  EXPECT_NEAR(t.at("mean_latency_cut").get<double>(),
              1.0 - t.at("two_stage").at("mean_us").get<double>() /
                        t.at("one_stage").at("mean_us").get<double>(),
              1e-9);
  EXPECT_GT(t.at("to_main_fraction").get<double>(), 0.0);
  EXPECT_LE(t.at("to_main_fraction").get<double>(), 1.0);
}

}  // namespace
}  // namespace edgewise::cli::test
